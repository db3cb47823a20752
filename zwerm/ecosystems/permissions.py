"""Who may see and do what in an ecosystem; used by services, views, API and templates.

Every function accepts ``None`` or an anonymous user as the person, so pages can ask
without first checking whether someone is signed in.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from zwerm.core.request_cache import remembered
from zwerm.ecosystems.models import Ecosystem, Membership, Role
from zwerm.organisations import permissions as organisation_permissions
from zwerm.organisations.models import Organisation, OrganisationMember

SEEING_STATES = (Membership.State.ACTIVE, Membership.State.PAUSED)


def _person(person: Any) -> Any:
    person = getattr(person, "person", person)  # an Actor is accepted too
    if person is None or not getattr(person, "is_authenticated", False):
        return None
    return person


def is_operator(person: Any) -> bool:
    person = _person(person)
    return bool(person is not None and person.is_staff and person.is_active)


def organisation_ids(person: Any) -> set[int]:
    return set(organisation_permissions.organisation_roles(_person(person)))


def is_organisation_admin(person: Any, organisation: Organisation) -> bool:
    if organisation is None:
        return False
    return organisation_permissions.role_in(_person(person), organisation) == (
        OrganisationMember.Role.ADMIN)


def is_member_of(person: Any, ecosystem: Ecosystem) -> bool:
    """The person belongs to an organisation that is an active or paused member."""
    person = _person(person)
    if person is None:
        return False
    return remembered(("is_member_of", person.pk, ecosystem.pk), lambda: Membership.objects.filter(
        ecosystem=ecosystem,
        state__in=SEEING_STATES,
        organisation__memberships__person=person,
        organisation__memberships__left_at__isnull=True,
    ).exists())


def can_view(person: Any, ecosystem: Ecosystem) -> bool:
    return ecosystem.is_public or is_operator(person) or is_member_of(person, ecosystem)


def can_see_reasons(person: Any, ecosystem: Ecosystem) -> bool:
    """Reasons for joining, pausing and leaving are for the members; the public sees only
    who joined and left when."""
    return is_member_of(person, ecosystem) or is_operator(person)


def is_facilitator(person: Any, ecosystem: Ecosystem) -> bool:
    person = _person(person)
    if person is None:
        return False
    return remembered(("is_facilitator", person.pk, ecosystem.pk), lambda: Role.objects.filter(
        ecosystem=ecosystem, person=person, name=Role.Name.FACILITATOR, ended_at__isnull=True
    ).exists())


def can_manage(person: Any, ecosystem: Ecosystem) -> bool:
    """Facilitators (and operators, who keep the platform running) manage an ecosystem."""
    return is_facilitator(person, ecosystem) or is_operator(person)


def is_delegate(person: Any, ecosystem: Ecosystem, organisation: Organisation) -> bool:
    person = _person(person)
    if person is None:
        return False
    return Role.objects.filter(
        ecosystem=ecosystem, person=person, organisation=organisation,
        name=Role.Name.DELEGATE, ended_at__isnull=True,
    ).exists()


def can_speak_for(person: Any, membership: Membership) -> bool:
    """An organisation's admins and its delegate speak for it in the ecosystem."""
    return is_organisation_admin(person, membership.organisation) or is_delegate(
        person, membership.ecosystem, membership.organisation
    )


def can_commit(person: Any, organisation: Organisation | None) -> bool:
    """Only an organisation's admins may commit it to a new ecosystem."""
    return organisation is not None and is_organisation_admin(person, organisation)


def can_appoint_delegate(person: Any, organisation: Organisation) -> bool:
    return is_organisation_admin(person, organisation) or is_operator(person)


def can_create_ecosystem(actor: Any) -> bool:
    """Anyone acting for an organisation, unless the instance lets only operators do it."""
    if _person(actor) is None or getattr(actor, "organisation", None) is None:
        return False
    if settings.ZWERM_ECOSYSTEM_CREATORS == "operators":
        return is_operator(actor)
    return True
