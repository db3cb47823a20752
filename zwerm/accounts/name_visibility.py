"""Who may see whose name: the providers behind ``zwerm.core.privacy.visible_name_ids``.

Each provider answers for a batch of person ids in one query, so a feed of fifty
activities costs the same as a feed of five. A wider setting includes the narrower ones:
"members of my ecosystems" also lets the people of one's own organisations see the name.
The organisations and ecosystems models are imported inside the functions, because
accounts sits below them in the kernel's layers.
"""

from __future__ import annotations

from typing import Any

from zwerm.accounts.models import User

Visibility = User.NameVisibility


def _signed_in(viewer: Any) -> bool:
    return viewer is not None and getattr(viewer, "is_authenticated", False) and viewer.pk


def everyone_and_self(viewer: Any, person_ids: set[int]) -> set[int]:
    """Names shown to everyone, one's own name, and every name for operators."""
    visible = set()
    if _signed_in(viewer):
        if viewer.is_staff:
            return set(person_ids)
        if viewer.pk in person_ids:
            visible.add(viewer.pk)
    visible |= set(
        User.objects.filter(
            pk__in=person_ids - visible, name_visibility=Visibility.EVERYONE
        ).values_list("pk", flat=True)
    )
    return visible


def _viewer_organisation_ids(viewer: Any):
    from zwerm.organisations.models import OrganisationMember

    return OrganisationMember.objects.filter(person=viewer, left_at__isnull=True).values(
        "organisation_id"
    )


def people_of_my_organisations(viewer: Any, person_ids: set[int]) -> set[int]:
    """People who share a current organisation with the viewer."""
    if not _signed_in(viewer):
        return set()
    from zwerm.organisations.models import OrganisationMember

    return set(
        OrganisationMember.objects.filter(
            person_id__in=person_ids,
            person__name_visibility__in=[Visibility.ORGANISATION, Visibility.ECOSYSTEMS],
            left_at__isnull=True,
            organisation_id__in=_viewer_organisation_ids(viewer),
        ).values_list("person_id", flat=True)
    )


def members_of_my_ecosystems(viewer: Any, person_ids: set[int]) -> set[int]:
    """People whose organisation and the viewer's are active or paused in one ecosystem."""
    if not _signed_in(viewer):
        return set()
    from zwerm.ecosystems.models import Membership
    from zwerm.organisations.models import OrganisationMember

    present = [Membership.State.ACTIVE, Membership.State.PAUSED]
    shared_ecosystems = Membership.objects.filter(
        organisation_id__in=_viewer_organisation_ids(viewer), state__in=present
    ).values("ecosystem_id")
    fellow_organisations = Membership.objects.filter(
        ecosystem_id__in=shared_ecosystems, state__in=present
    ).values("organisation_id")
    return set(
        OrganisationMember.objects.filter(
            person_id__in=person_ids,
            person__name_visibility=Visibility.ECOSYSTEMS,
            left_at__isnull=True,
            organisation_id__in=fellow_organisations,
        ).values_list("person_id", flat=True)
    )


PROVIDERS = [everyone_and_self, people_of_my_organisations, members_of_my_ecosystems]
