"""Who may see and do what in a challenge; used by services, selectors, views and API.

Every function accepts ``None``, an anonymous user or an ``Actor`` as the person.
"""

from __future__ import annotations

from typing import Any

from zwerm.ecosystems import permissions as ecosystem_permissions
from zwerm.ecosystems.models import Membership
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
    # Reads the prefetched facilitators when the selector loaded them (pages do).
    if any(facilitator.pk == person.pk for facilitator in challenge.facilitators.all()):
        return True
    return challenge.ecosystem_id is not None and ecosystem_permissions.is_facilitator(
        person, challenge.ecosystem
    )


def can_manage(person: Any, challenge: Challenge) -> bool:
    """Facilitators run a challenge; operators may step in to keep the platform running."""
    return is_facilitator(person, challenge) or is_operator(person)


def is_active_in(person: Any, ecosystem: Any, kinds: tuple[str, ...] = ()) -> bool:
    """The person belongs to an organisation with an active membership (of ``kinds``)."""
    person = _person(person)
    if person is None:
        return False
    memberships = Membership.objects.filter(
        ecosystem=ecosystem, state=Membership.State.ACTIVE,
        organisation__memberships__person=person,
        organisation__memberships__left_at__isnull=True,
    )
    if kinds:
        memberships = memberships.filter(kind__in=kinds)
    return memberships.exists()


def can_participate(person: Any, challenge: Challenge) -> bool:
    """Signed-in people take part in public challenges; in an ecosystem, the people of its
    active members and observers (not of paused ones), and the facilitators."""
    person = _person(person)
    if person is None:
        return False
    if challenge.ecosystem_id is None:
        return True
    return is_active_in(person, challenge.ecosystem) or is_facilitator(person, challenge)


def can_vote_for(organisation: Any, challenge: Challenge) -> bool:
    """In an ecosystem only active members vote (observers follow, paused ones rest)."""
    if challenge.ecosystem_id is None:
        return True
    return organisation is not None and Membership.objects.filter(
        ecosystem_id=challenge.ecosystem_id, organisation=organisation,
        state=Membership.State.ACTIVE, kind=Membership.Kind.MEMBER,
    ).exists()


def can_create(actor: Any, ecosystem: Any) -> bool:
    """Anyone acting for an organisation starts a public challenge; active members (and
    facilitators) an ecosystem's."""
    if _person(actor) is None:
        return False
    if ecosystem is None:
        return getattr(actor, "organisation", None) is not None or is_operator(actor)
    return is_active_in(actor, ecosystem) or ecosystem_permissions.can_manage(actor, ecosystem)


def can_commit_for(person: Any, organisation: Any) -> bool:
    """Only an organisation's admins commit it to an initiative."""
    return ecosystem_permissions.is_organisation_admin(person, organisation)
