"""Who may see and do what in keeping together: the rules every part shares.

Seeing follows the ecosystem (public, or members only). Taking part needs an organisation
that is an *active member* (not an observer, not paused) and a person acting for it.
Each part adds its own rules in its own module and builds on these.
"""

from __future__ import annotations

from typing import Any

from zwerm.ecosystems import permissions as ecosystem_permissions
from zwerm.ecosystems.models import Ecosystem, Membership
from zwerm.organisations.permissions import organisation_roles


def _person(who: Any) -> Any:
    person = getattr(who, "person", who)  # an Actor is accepted too
    if person is None or not getattr(person, "is_authenticated", False):
        return None
    return person


def can_view(who: Any, ecosystem: Ecosystem) -> bool:
    """Whatever the ecosystem shows, collaboration shows to the same people."""
    return ecosystem_permissions.can_view(_person(who), ecosystem)


def can_manage(who: Any, ecosystem: Ecosystem) -> bool:
    """Facilitators (and operators) of the ecosystem."""
    return ecosystem_permissions.can_manage(_person(who), ecosystem)


def is_active_member(organisation: Any, ecosystem: Ecosystem) -> bool:
    """The organisation is an active member (observers and paused members look on)."""
    if organisation is None:
        return False
    return Membership.objects.filter(
        ecosystem=ecosystem, organisation=organisation, kind=Membership.Kind.MEMBER,
        state=Membership.State.ACTIVE,
    ).exists()


def belongs_to(who: Any, organisation: Any) -> bool:
    if organisation is None:
        return False
    return organisation.pk in organisation_roles(_person(who))


def can_take_part(actor: Any, ecosystem: Ecosystem) -> bool:
    """The actor acts for an organisation that is an active member of the ecosystem."""
    organisation = getattr(actor, "organisation", None)
    return belongs_to(actor, organisation) and is_active_member(organisation, ecosystem)


def can_speak_for(who: Any, ecosystem: Ecosystem, organisation: Any) -> bool:
    """An organisation's admins and its delegate speak for it in this ecosystem."""
    person = _person(who)
    if person is None or organisation is None:
        return False
    return ecosystem_permissions.is_organisation_admin(
        person, organisation
    ) or ecosystem_permissions.is_delegate(person, ecosystem, organisation)
