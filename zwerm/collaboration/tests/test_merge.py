"""Merging organisations moves their proposals, positions and hand-overs to the one they
joined, keeping one current position per organisation."""

from datetime import timedelta

import pytest
from django.utils import timezone

from zwerm.accounts.tests.factories import UserFactory
from zwerm.collaboration.models import HandOver, Position
from zwerm.collaboration.services import decisions
from zwerm.collaboration.services.elasticity import hand_over_request
from zwerm.collaboration.tests.elasticity.conftest import (
    add_member,
    make_commitment,
    make_group,
)
from zwerm.core.actor import Actor
from zwerm.ecosystems.tests.factories import EcosystemFactory
from zwerm.ideation.tests.factories import member_organisation
from zwerm.organisations.services import organisation_merge

pytestmark = pytest.mark.django_db


def operator():
    return Actor(person=UserFactory(is_staff=True))


def test_positions_and_proposals_follow_the_merge_one_position_each():
    ecosystem = EcosystemFactory()
    (source, source_admin), (target, target_admin) = (member_organisation(ecosystem)
                                                      for _ in range(2))
    member_organisation(ecosystem)  # a third voter keeps the proposal open
    proposal = decisions.proposal_open(
        actor=Actor(person=source_admin, organisation=source), ecosystem=ecosystem,
        title="Samen inkopen", body="We kopen samen in.",
        deadline=timezone.now() + timedelta(days=3))
    decisions.position_give(actor=Actor(person=source_admin, organisation=source),
                            proposal=proposal, stance="objection", reason="Te duur.")
    decisions.position_give(actor=Actor(person=target_admin, organisation=target),
                            proposal=proposal, stance="consent")

    organisation_merge(actor=operator(), source=source, target=target)

    proposal.refresh_from_db()
    assert proposal.proposer_organisation == target
    current = Position.objects.filter(proposal=proposal, superseded_at__isnull=True)
    assert [(p.organisation, p.stance) for p in current] == [(target, "consent")]
    kept = Position.objects.get(stance="objection")
    assert kept.superseded_at is not None and kept.organisation == target


def test_hand_overs_follow_the_merge_and_one_between_them_is_withdrawn():
    ecosystem = EcosystemFactory()
    giver, giver_admin = member_organisation(ecosystem)
    taker, taker_admin = member_organisation(ecosystem)
    group = make_group(ecosystem, giver, giver_admin)
    add_member(group, giver_admin, giver)
    commitment = make_commitment(ecosystem, giver, giver_admin, group)
    hand_over_request(actor=Actor(person=giver_admin, organisation=giver),
                      commitment=commitment, to_organisation=taker)

    organisation_merge(actor=operator(), source=giver, target=taker)

    hand_over = HandOver.objects.get()
    assert hand_over.from_organisation == taker == hand_over.to_organisation
    assert hand_over.state == HandOver.State.WITHDRAWN
