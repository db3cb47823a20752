"""Read queries of organisations: the directory, profiles, people and invitations."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from zwerm.core.models import Activity
from zwerm.core.privacy import visible_name_ids
from zwerm.core.selectors import activity_list
from zwerm.organisations import permissions
from zwerm.organisations.filters import OrganisationFilterForm
from zwerm.organisations.models import (
    Organisation,
    OrganisationInvitation,
    OrganisationMember,
    ProfileEntry,
)


def person_organisations(*, person: Any) -> QuerySet[Organisation]:
    """The organisations a person currently belongs to."""
    return Organisation.objects.filter(
        memberships__person=person, memberships__left_at__isnull=True, merged_into__isnull=True
    ).order_by("name")


def acting_organisation(*, person: Any) -> Organisation | None:
    """The organisation the person chose to act for, else their first one."""
    organisations = list(person_organisations(person=person))
    for organisation in organisations:
        if organisation.uuid == person.acting_organisation_uuid:
            return organisation
    return organisations[0] if organisations else None


def organisation_list(
    *, viewer: Any, filters: OrganisationFilterForm | Mapping[str, Any] | None = None
) -> QuerySet[Organisation]:
    """The directory: organisations that were not merged away, with their themes.

    ``filters`` is the shared filter form (or its raw data); invalid values filter nothing
    here, the page shows their errors and the API refuses them.
    """
    queryset = Organisation.objects.filter(merged_into__isnull=True).prefetch_related("themes")
    if filters is None:
        return queryset
    form = filters if isinstance(filters, OrganisationFilterForm) else OrganisationFilterForm(
        filters
    )
    if form.is_valid():
        queryset = form.apply(queryset)
    return queryset


def organisation_get(*, viewer: Any, slug: str) -> Organisation | None:
    """One organisation by slug, merged ones included (pages redirect them to the target)."""
    return (
        Organisation.objects.select_related("merged_into")
        .prefetch_related(
            "themes",
            Prefetch("entries", queryset=ProfileEntry.objects.order_by("kind", "position", "id")),
        )
        .filter(slug=slug)
        .first()
    )


def entries_of(organisation: Organisation, kind: str) -> list[ProfileEntry]:
    """The prefetched entries of one kind, in their order."""
    return [entry for entry in organisation.entries.all() if entry.kind == kind]


@dataclass(frozen=True)
class PersonRow:
    """One person of an organisation as a viewer may see them: never an email address."""

    uuid: uuid.UUID | None
    name: str | None
    role: str
    role_label: str
    since: datetime
    is_viewer: bool


def organisation_people(*, viewer: Any, organisation: Organisation) -> list[PersonRow]:
    """Current people with their roles; names only where the person's setting allows.

    People of the same organisation always see each other (every name setting includes
    them), as do operators; UUIDs are given only to those who manage the people, so an
    outsider cannot follow a hidden person across organisations.
    """
    members = list(
        OrganisationMember.objects.filter(organisation=organisation, left_at__isnull=True)
        .select_related("person")
        .order_by("role", "person__name", "created_at")
    )
    person = getattr(viewer, "person", viewer)
    viewer_id = person.pk if person is not None and person.is_authenticated else None
    ids = {member.person_id for member in members}
    if viewer_id in ids or permissions.is_operator(person):
        visible = ids
    else:
        visible = visible_name_ids(person, ids) if ids else set()
    if viewer_id is not None:
        visible = visible | {viewer_id}
    manages = viewer_id is not None and (viewer_id in ids or permissions.is_operator(person))
    return [
        PersonRow(
            uuid=member.person.uuid if manages else None,
            name=str(member.person) if member.person_id in visible else None,
            role=member.role,
            role_label=str(member.get_role_display()),
            since=member.created_at,
            is_viewer=member.person_id == viewer_id,
        )
        for member in members
    ]


def organisation_invitations(
    *, organisation: Organisation, open_only: bool = False
) -> QuerySet[OrganisationInvitation]:
    """Invitations for the organisation's administrators, newest first."""
    queryset = organisation.invitations.select_related("invited_by")
    if open_only:
        queryset = queryset.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )
    return queryset


def invitation_state(invitation: OrganisationInvitation) -> str:
    if invitation.accepted_at is not None:
        return "accepted"
    if invitation.revoked_at is not None:
        return "revoked"
    if invitation.expires_at <= timezone.now():
        return "expired"
    return "open"


def invitation_get(*, value: uuid.UUID | str) -> OrganisationInvitation | None:
    try:
        key = uuid.UUID(str(value))
    except ValueError:
        return None
    return (
        OrganisationInvitation.objects.select_related("organisation", "invited_by")
        .filter(uuid=key)
        .first()
    )


def organisation_activity(*, viewer: Any, organisation: Organisation) -> QuerySet[Activity]:
    """The organisation's history, including the organisations that were merged into it.

    Core's feed hides members-only ecosystems from the viewer in the same query.
    """
    uuids = [organisation.uuid, *organisation.merged_from.values_list("uuid", flat=True)]
    return activity_list(viewer=viewer).filter(
        Q(organisation_uuid__in=uuids) | Q(subject_uuid__in=uuids)
    )


def sole_admin_blockers(*, person: Any) -> list[Organisation]:
    """Organisations where the person is the only administrator while others remain."""
    admin_of = Organisation.objects.filter(
        memberships__person=person,
        memberships__left_at__isnull=True,
        memberships__role=OrganisationMember.Role.ADMIN,
        merged_into__isnull=True,
    )
    blocked = []
    for organisation in admin_of:
        current = OrganisationMember.objects.filter(
            organisation=organisation, left_at__isnull=True
        )
        others = current.exclude(person=person)
        if others.exists() and not others.filter(role=OrganisationMember.Role.ADMIN).exists():
            blocked.append(organisation)
    return blocked
