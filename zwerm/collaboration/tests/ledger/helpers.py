"""Builders for the ledger tests: an ecosystem with members, a working group, a deliverable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone

from zwerm.collaboration.models import (
    CollaborationSettings,
    Deliverable,
    WorkingGroup,
    WorkingGroupMember,
    WorkingGroupRole,
)
from zwerm.core.actor import Actor
from zwerm.ecosystems.models import Membership
from zwerm.ecosystems.tests.factories import EcosystemFactory, MembershipFactory, admin_of
from zwerm.organisations.tests.factories import OrganisationFactory, person_in


def today():
    return timezone.localdate()


def in_days(days: int):
    return today() + timedelta(days=days)


@dataclass
class Scene:
    ecosystem: Any
    giver: Any  # organisation
    giver_person: Any
    receiver: Any
    receiver_person: Any
    third: Any
    third_person: Any
    group: Any
    deliverable: Any

    @property
    def giving(self) -> Actor:
        return Actor(person=self.giver_person, organisation=self.giver)

    @property
    def receiving(self) -> Actor:
        return Actor(person=self.receiver_person, organisation=self.receiver)

    @property
    def other(self) -> Actor:
        return Actor(person=self.third_person, organisation=self.third)


def member(ecosystem, name: str, state=Membership.State.ACTIVE, admin: bool = False):
    organisation = OrganisationFactory(name=name)
    MembershipFactory(ecosystem=ecosystem, organisation=organisation, state=state)
    person = admin_of(organisation) if admin else person_in(organisation)
    return organisation, person


def group_in(ecosystem, organisation, person, name="Werkgroep Warmte", lead=True):
    group = WorkingGroup.objects.create(
        ecosystem=ecosystem, name=name, slug=name.lower().replace(" ", "-"),
        purpose="Samen warmte delen.", started_for=organisation, started_by=person,
    )
    WorkingGroupMember.objects.create(working_group=group, person=person,
                                      organisation=organisation, state="active",
                                      joined_at=timezone.now())
    if lead:
        WorkingGroupRole.objects.create(working_group=group, name="lead", person=person,
                                        organisation=organisation)
    return group


def deliverable_in(ecosystem, owner, group=None, title="Warmtekaart"):
    return Deliverable.objects.create(ecosystem=ecosystem, owner=owner, working_group=group,
                                      title=title, due_on=in_days(30))


def scene(visibility: str = "public", unit_of_account: str = "") -> Scene:
    ecosystem = EcosystemFactory(visibility=visibility)
    if unit_of_account:
        CollaborationSettings.objects.create(ecosystem=ecosystem,
                                             unit_of_account=unit_of_account)
    giver, giver_person = member(ecosystem, "Bouwkring", admin=True)
    receiver, receiver_person = member(ecosystem, "Gemeente Houten", admin=True)
    third, third_person = member(ecosystem, "Warmtebedrijf", admin=True)
    group = group_in(ecosystem, receiver, receiver_person)
    deliverable = deliverable_in(ecosystem, receiver, group)
    return Scene(ecosystem, giver, giver_person, receiver, receiver_person, third,
                 third_person, group, deliverable)
