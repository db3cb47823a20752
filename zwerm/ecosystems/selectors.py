"""Read queries of ecosystems, always filtered to what the viewer may see."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Count, Exists, Q, QuerySet
from django.utils import timezone

from zwerm.accounts.models import User
from zwerm.ecosystems import permissions
from zwerm.ecosystems.models import (
    Ecosystem,
    EcosystemInvitation,
    Membership,
    MembershipEvent,
    Role,
)
from zwerm.organisations import permissions as organisation_permissions
from zwerm.organisations.models import OrganisationMember

SEEING_STATES = (Membership.State.ACTIVE, Membership.State.PAUSED)
# Who is or was a member is public; open requests and invitations are not.
PUBLIC_STATES = (Membership.State.ACTIVE, Membership.State.PAUSED, Membership.State.LEFT)


def _person(viewer: Any) -> Any:
    """Accept a User, an AnonymousUser, an Actor or None."""
    person = getattr(viewer, "person", viewer)
    if person is None or not getattr(person, "is_authenticated", False):
        return None
    return person


def viewer_organisation_ids(viewer: Any) -> list[int]:
    person = _person(viewer)
    if person is None:
        return []
    return list(organisation_permissions.organisation_roles(person))


def _member_ecosystem_ids(organisation_ids: list[int]) -> QuerySet:
    return Membership.objects.filter(
        organisation_id__in=organisation_ids, state__in=SEEING_STATES
    ).values("ecosystem_id")


def visible_ecosystems_q(viewer: Any) -> Q:
    """A Q over Ecosystem: public ones, plus members-only ones the viewer belongs to.

    Written as a subquery rather than a join, so the caller needs no ``distinct()``.
    """
    person = _person(viewer)
    if person is not None and person.is_staff:
        return Q()
    public = Q(visibility=Ecosystem.Visibility.PUBLIC)
    organisation_ids = viewer_organisation_ids(viewer)
    if not organisation_ids:
        return public
    return public | Q(id__in=_member_ecosystem_ids(organisation_ids))


def ecosystem_list(
    *, viewer: Any, query: str = "", theme: str = ""
) -> QuerySet[Ecosystem]:
    """Ecosystems the viewer may see, searchable by text and filterable by theme slug."""
    queryset = Ecosystem.objects.filter(visible_ecosystems_q(viewer))
    if query:
        queryset = queryset.filter(
            Q(name__icontains=query) | Q(goal__icontains=query)
            | Q(description__icontains=query) | Q(themes__name__icontains=query)
        ).distinct()
    if theme:
        queryset = queryset.filter(themes__slug=theme).distinct()
    return queryset.annotate(
        active_count=Count(
            "memberships", filter=Q(memberships__state=Membership.State.ACTIVE), distinct=True
        )
    ).prefetch_related("themes").order_by("name")


def visible_ecosystem(
    *, viewer: Any, slug: str | None = None, uuid_: uuid.UUID | str | None = None
) -> Ecosystem | None:
    """One ecosystem by slug or UUID, or None when it does not exist or is hidden."""
    queryset = Ecosystem.objects.filter(visible_ecosystems_q(viewer)).prefetch_related("themes")
    if slug is not None:
        return queryset.filter(slug=slug).first()
    try:
        return queryset.filter(uuid=uuid.UUID(str(uuid_))).first()
    except ValueError:
        return None


def hidden_ecosystem_uuids(viewer: Any) -> set[uuid.UUID]:
    """UUIDs of members-only ecosystems the viewer may not see (for core's activity feed)."""
    person = _person(viewer)
    if person is not None and person.is_staff:
        return set()
    private = Ecosystem.objects.filter(visibility=Ecosystem.Visibility.MEMBERS)
    organisation_ids = viewer_organisation_ids(viewer)
    if organisation_ids:
        private = private.exclude(id__in=_member_ecosystem_ids(organisation_ids))
    return set(private.values_list("uuid", flat=True))


def ecosystem_members(
    *,
    ecosystem: Ecosystem,
    viewer: Any,
    states: list[str] | None = None,
    kind: str = "",
    query: str = "",
) -> QuerySet[Membership]:
    """Memberships of one ecosystem the viewer may see, with their organisations.

    Open requests and invitations are for the facilitators and the organisation itself;
    everyone who may see the ecosystem sees who is (or was) a member.
    """
    queryset = ecosystem.memberships.select_related("organisation").order_by(
        "organisation__name"
    )
    person = _person(viewer)
    if person is None:
        queryset = queryset.filter(state__in=PUBLIC_STATES)
    elif not permissions.is_operator(person):
        # In the query rather than with can_manage(): the pages stay at a fixed query count.
        facilitates = Exists(Role.objects.filter(
            ecosystem=ecosystem, person=person, name=Role.Name.FACILITATOR, ended_at__isnull=True
        ))
        own = OrganisationMember.objects.filter(person=person, left_at__isnull=True)
        queryset = queryset.filter(
            Q(state__in=PUBLIC_STATES)
            | Q(organisation_id__in=own.values("organisation_id"))
            | Q(facilitates)
        )
    if states:
        queryset = queryset.filter(state__in=states)
    if kind:
        queryset = queryset.filter(kind=kind)
    if query:
        queryset = queryset.filter(organisation__name__icontains=query)
    return queryset


def ecosystem_roles(
    *, ecosystem: Ecosystem, current: bool = True, name: str = ""
) -> QuerySet[Role]:
    queryset = ecosystem.roles.select_related("person", "organisation").order_by(
        "name", "organisation__name", "started_at"
    )
    if current:
        queryset = queryset.filter(ended_at__isnull=True)
    if name:
        queryset = queryset.filter(name=name)
    return queryset


def membership_history(*, ecosystem: Ecosystem) -> QuerySet[MembershipEvent]:
    return (
        MembershipEvent.objects.filter(membership__ecosystem=ecosystem)
        .select_related("membership__organisation", "actor")
        .order_by("-created_at", "-id")
    )


def open_invitations(*, ecosystem: Ecosystem) -> QuerySet[EcosystemInvitation]:
    return ecosystem.invitations.filter(
        answered_at__isnull=True, expires_at__gt=timezone.now()
    ).select_related("organisation", "invited_by")


def membership_of(*, ecosystem: Ecosystem, organisation: Any) -> Membership | None:
    if organisation is None:
        return None
    return Membership.objects.filter(ecosystem=ecosystem, organisation=organisation).first()


def candidate_facilitators(*, ecosystem: Ecosystem) -> QuerySet[OrganisationMember]:
    """People of active member organisations, who may be appointed facilitator."""
    return (
        OrganisationMember.objects.filter(
            left_at__isnull=True,
            organisation__ecosystem_memberships__ecosystem=ecosystem,
            organisation__ecosystem_memberships__state=Membership.State.ACTIVE,
            organisation__ecosystem_memberships__kind=Membership.Kind.MEMBER,
            person__is_active=True,
        )
        .select_related("person", "organisation")
        .order_by("organisation__name", "person__name")
    )


def organisation_people(*, organisation: Any) -> QuerySet[User]:
    return User.objects.filter(
        organisation_memberships__organisation=organisation,
        organisation_memberships__left_at__isnull=True,
        is_active=True,
    ).order_by("name", "email")


def person_memberships(*, person: Any) -> QuerySet[Membership]:
    """The ecosystem memberships of the person's organisations (for the dashboard)."""
    person = _person(person)
    if person is None:
        return Membership.objects.none()
    return (
        Membership.objects.filter(
            organisation__memberships__person=person,
            organisation__memberships__left_at__isnull=True,
        )
        .exclude(state__in=[Membership.State.LEFT, Membership.State.DECLINED])
        .select_related("ecosystem", "organisation")
        .prefetch_related("ecosystem__themes")
        .order_by("ecosystem__name", "organisation__name")
    )


def requests_to_facilitate(*, person: Any) -> QuerySet[Membership]:
    """Open requests to join the ecosystems the person facilitates."""
    person = _person(person)
    if person is None:
        return Membership.objects.none()
    facilitated = Role.objects.filter(
        person=person, name=Role.Name.FACILITATOR, ended_at__isnull=True
    ).values("ecosystem_id")
    return (
        Membership.objects.filter(ecosystem_id__in=facilitated, state=Membership.State.REQUESTED)
        .select_related("ecosystem", "organisation")
        .order_by("state_changed_at")
    )


def invitations_for_person(*, person: Any) -> QuerySet[EcosystemInvitation]:
    """Open invitations sent to the person's email address or to their organisations."""
    person = _person(person)
    if person is None:
        return EcosystemInvitation.objects.none()
    organisation_ids = viewer_organisation_ids(person)
    return (
        EcosystemInvitation.objects.filter(
            Q(email__iexact=person.email) | Q(organisation_id__in=organisation_ids),
            answered_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .select_related("ecosystem", "organisation")
        .order_by("-created_at")
    )


def roles_with_people(*, ecosystem: Ecosystem) -> dict[str, list[Role]]:
    """Current facilitators and delegates, each list ordered for display."""
    roles: dict[str, list[Role]] = {Role.Name.FACILITATOR: [], Role.Name.DELEGATE: []}
    for role in ecosystem_roles(ecosystem=ecosystem):
        roles[role.name].append(role)
    return roles


def request_reasons(*, memberships: list[Membership]) -> dict[int, str]:
    """The reason given with each open request, in one query."""
    reasons: dict[int, str] = {}
    for membership_id, reason in (
        MembershipEvent.objects.filter(
            membership__in=memberships, to_state=Membership.State.REQUESTED
        )
        .order_by("created_at", "id")
        .values_list("membership_id", "reason")
    ):
        reasons[membership_id] = reason
    return reasons
