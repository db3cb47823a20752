"""Builders for working-group tests: an ecosystem with active members, groups made through
the services."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from zwerm.collaboration.services.working_groups import working_group_start
from zwerm.core.actor import Actor
from zwerm.ecosystems.models import Role
from zwerm.ecosystems.tests.factories import EcosystemFactory, RoleFactory, member_organisation
from zwerm.organisations.tests.factories import person_in


def actor(person: Any, organisation: Any = None) -> Actor:
    return Actor(person=person, organisation=organisation)


@dataclass
class Setting:
    ecosystem: Any
    orgs: list[Any]
    people: list[Any]  # people[i] acts for orgs[i]
    facilitator: Any
    facilitator_org: Any

    def actor(self, index: int) -> Actor:
        return actor(self.people[index], self.orgs[index])

    @property
    def fac(self) -> Actor:
        return actor(self.facilitator, self.facilitator_org)


def make_setting(visibility: str = "public", members: int = 3) -> Setting:
    ecosystem = EcosystemFactory(visibility=visibility)
    orgs, people = [], []
    for _ in range(members):
        organisation, admin = member_organisation(ecosystem)
        orgs.append(organisation)
        people.append(admin)
    facilitator = person_in(orgs[0])
    RoleFactory(ecosystem=ecosystem, organisation=orgs[0], person=facilitator,
                name=Role.Name.FACILITATOR)
    return Setting(ecosystem, orgs, people, facilitator, orgs[0])


def start(setting: Setting, index: int = 0, **fields: Any):
    fields.setdefault("name", "Circulaire inkoop")
    fields.setdefault("purpose", "Samen circulair inkopen.")
    return working_group_start(actor=setting.actor(index), ecosystem=setting.ecosystem, **fields)


def started_initiative(ecosystem: Any, committed: list[tuple[Any, Any]], started: bool = True):
    """An initiative of a challenge in the ecosystem with (organisation, person) commitments."""
    from zwerm.ideation.models import Commitment, Initiative
    from zwerm.ideation.tests.factories import challenge_in

    challenge, _facilitator, _org = challenge_in(ecosystem)
    initiative = Initiative.objects.create(
        challenge=challenge, title="Warmtenet Noord", description="Een **warmtenet**.",
        threshold=max(1, len(committed)), started_at=timezone.now() if started else None)
    for organisation, person in committed:
        Commitment.objects.create(initiative=initiative, organisation=organisation,
                                  person=person, text="Uren en kennis")
    return initiative
