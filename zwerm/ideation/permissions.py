"""Who may see and do what in a challenge; used by services, selectors, views and API.

Every function accepts ``None``, an anonymous user or an ``Actor`` as the person.
"""

from __future__ import annotations

from typing import Any

from zwerm.ecosystems import permissions as ecosystem_permissions
from zwerm.ideation.models import Challenge

is_operator = ecosystem_permissions.is_operator


def _person(person: Any) -> Any:
    person = getattr(person, "person", person)
    if person is None or not getattr(person, "is_authenticated", False):
        return None
    return person


def can_view(person: Any, challenge: Challenge) -> bool:
    """Public challenges are open to all; an ecosystem's follow the ecosystem's visibility."""
    if challenge.ecosystem_id is None:
        return True
    return ecosystem_permissions.can_view(person, challenge.ecosystem)


def is_facilitator(person: Any, challenge: Challenge) -> bool:
    """The challenge's own facilitators, and the facilitators of its ecosystem."""
    person = _person(person)
    if person is None:
        return False
    if challenge.facilitators.filter(pk=person.pk).exists():
        return True
    return challenge.ecosystem_id is not None and ecosystem_permissions.is_facilitator(
        person, challenge.ecosystem
    )


def can_manage(person: Any, challenge: Challenge) -> bool:
    """Facilitators run a challenge; operators may step in to keep the platform running."""
    return is_facilitator(person, challenge) or is_operator(person)


def can_participate(person: Any, challenge: Challenge) -> bool:
    """Signed-in people take part in public challenges; members in an ecosystem's."""
    person = _person(person)
    if person is None:
        return False
    if challenge.ecosystem_id is None:
        return True
    return ecosystem_permissions.is_member_of(person, challenge.ecosystem) or is_facilitator(
        person, challenge
    )


def can_create(actor: Any, ecosystem: Any) -> bool:
    """Anyone acting for an organisation starts a public challenge; members an ecosystem's."""
    if _person(actor) is None:
        return False
    if ecosystem is None:
        return getattr(actor, "organisation", None) is not None or is_operator(actor)
    return (
        ecosystem_permissions.is_member_of(actor, ecosystem)
        or ecosystem_permissions.can_manage(actor, ecosystem)
    )


def can_commit_for(person: Any, organisation: Any) -> bool:
    """Only an organisation's admins commit it to an initiative."""
    return ecosystem_permissions.is_organisation_admin(person, organisation)
