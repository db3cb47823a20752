"""Factories and helpers for ideation tests; they build through the services where it matters."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from zwerm.core.actor import Actor
from zwerm.ecosystems.tests.factories import member_organisation, started_ecosystem
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

__all__ = ["OrganisationFactory", "member_organisation", "person_in", "started_ecosystem"]


def actor(person, organisation=None) -> Actor:
    return Actor(person=person, organisation=organisation)


def challenge_in(ecosystem=None, **fields):
    """A challenge started through the service: (challenge, facilitator, organisation)."""
    from zwerm.ideation.services import challenge_create

    if ecosystem is None and fields.pop("public", True):
        organisation = OrganisationFactory()
        facilitator = person_in(organisation)
    else:
        organisation, facilitator = member_organisation(ecosystem)
    fields.setdefault("question", "Hoe halveren we het bouwafval in de regio?")
    challenge = challenge_create(
        actor=actor(facilitator, organisation), ecosystem=ecosystem, **fields
    )
    return challenge, facilitator, organisation


def past(days: int = 1):
    return timezone.now() - timedelta(days=days)


def future(days: int = 1):
    return timezone.now() + timedelta(days=days)
