"""A small ecosystem for elasticity tests: two member organisations, a working group, a
lead role and an open commitment of the first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from zwerm.collaboration.models import (
    Commitment,
    Contribution,
    WorkingGroup,
    WorkingGroupMember,
    WorkingGroupRole,
)
from zwerm.core.actor import Actor
from zwerm.ecosystems.models import Membership, MembershipEvent
from zwerm.ecosystems.tests.factories import EcosystemFactory, member_organisation


def make_group(ecosystem, organisation, person, name="Circulaire inkoop") -> WorkingGroup:
    return WorkingGroup.objects.create(
        ecosystem=ecosystem, name=name, slug=name.lower().replace(" ", "-"),
        purpose="Samen circulair inkopen.", started_by=person, started_for=organisation,
    )


def add_member(group, person, organisation, state=WorkingGroupMember.State.ACTIVE
               ) -> WorkingGroupMember:
    return WorkingGroupMember.objects.create(working_group=group, person=person,
                                             organisation=organisation, state=state,
                                             joined_at=timezone.now())


def give_role(group, person, organisation, name=WorkingGroupRole.Name.LEAD
              ) -> WorkingGroupRole:
    return WorkingGroupRole.objects.create(working_group=group, name=name, person=person,
                                           organisation=organisation)


def make_commitment(ecosystem, organisation, person, group, quantity="10", **fields
                    ) -> Commitment:
    fields.setdefault("type", "hours")
    fields.setdefault("unit", "hours")
    fields.setdefault("due_on", timezone.localdate() + timedelta(days=30))
    return Commitment.objects.create(ecosystem=ecosystem, organisation=organisation,
                                     person=person, working_group=group,
                                     quantity=Decimal(quantity), **fields)


def contribute(commitment, person, quantity="4") -> Contribution:
    return Contribution.objects.create(
        ecosystem=commitment.ecosystem, giver=person,
        giver_organisation=commitment.organisation, type=commitment.type,
        quantity=Decimal(quantity), unit=commitment.unit,
        working_group=commitment.working_group, commitment=commitment,
        given_on=timezone.localdate(), description="Uren besteed aan de inkoopgids.",
    )


def joined(ecosystem, organisation, days_ago=0) -> None:
    """Give a factory-made membership the history of joining ``days_ago``."""
    membership = Membership.objects.get(ecosystem=ecosystem, organisation=organisation)
    when = timezone.now() - timedelta(days=days_ago)
    Membership.objects.filter(pk=membership.pk).update(state_changed_at=when)
    MembershipEvent.objects.create(membership=membership, from_state="", to_state="active",
                                   kind="member", created_at=when)


@dataclass
class Scene:
    ecosystem: Any
    giver: Any  # organisation that leaves
    giver_admin: Any
    taker: Any  # organisation that takes over
    taker_admin: Any
    group: Any
    role: WorkingGroupRole
    commitment: Commitment

    @property
    def giving(self) -> Actor:
        return Actor(person=self.giver_admin, organisation=self.giver)

    @property
    def taking(self) -> Actor:
        return Actor(person=self.taker_admin, organisation=self.taker)


@pytest.fixture
def scene():
    """``scene(visibility="public")``: the first organisation leads a group of both and has
    committed 10 hours to it."""

    def build(visibility="public") -> Scene:
        ecosystem = EcosystemFactory(visibility=visibility)
        giver, giver_admin = member_organisation(ecosystem)
        taker, taker_admin = member_organisation(ecosystem)
        group = make_group(ecosystem, giver, giver_admin)
        add_member(group, giver_admin, giver)
        add_member(group, taker_admin, taker)
        role = give_role(group, giver_admin, giver)
        commitment = make_commitment(ecosystem, giver, giver_admin, group)
        return Scene(ecosystem, giver, giver_admin, taker, taker_admin, group, role,
                     commitment)

    return build
