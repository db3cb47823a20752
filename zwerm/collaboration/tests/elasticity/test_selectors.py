"""What the elasticity selectors return, and that they stay at a fixed number of queries."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from zwerm.collaboration.models import Decision, HandOver, Proposal
from zwerm.collaboration.selectors import elasticity as selectors
from zwerm.collaboration.selectors.elasticity_export import organisation_tables
from zwerm.collaboration.services import elasticity as services
from zwerm.collaboration.tests.elasticity.conftest import (
    add_member,
    contribute,
    give_role,
    joined,
    make_commitment,
    make_group,
)
from zwerm.ecosystems.tests.factories import member_organisation
from zwerm.organisations.tests.factories import person_in

pytestmark = pytest.mark.django_db


def test_open_commitments_carry_what_was_delivered_and_the_pending_request(scene):
    s = scene()
    contribute(s.commitment, s.giver_admin, "2.5")
    contribute(s.commitment, s.giver_admin, "1.5")
    make_commitment(s.ecosystem, s.taker, s.taker_admin, s.group)  # another organisation's
    services.hand_over_request(actor=s.giving, commitment=s.commitment, to_organisation=s.taker)
    [found] = selectors.open_commitments(ecosystem=s.ecosystem, organisation=s.giver)
    assert found.delivered == Decimal("4")
    assert [h.to_organisation for h in found.pending_hand_overs] == [s.taker]


def test_role_candidates_are_active_group_members_of_other_active_members(scene):
    s = scene()
    colleague = person_in(s.giver)
    add_member(s.group, colleague, s.giver)
    paused, paused_admin = member_organisation(s.ecosystem, state="paused")
    add_member(s.group, paused_admin, paused)
    left = person_in(s.taker)
    add_member(s.group, left, s.taker, state="left")
    roles = list(selectors.held_roles(ecosystem=s.ecosystem, organisation=s.giver))
    assert [m.person for m in selectors.role_candidates(roles=roles)[s.role.pk]] == [
        s.taker_admin]
    assert selectors.role_candidates(roles=[]) == {}


def test_receiving_organisations_are_the_other_active_members(scene):
    s = scene()
    member_organisation(s.ecosystem, state="paused")
    member_organisation(s.ecosystem, kind="observer")
    assert list(selectors.receiving_organisations(ecosystem=s.ecosystem, exclude=s.giver)) == [
        s.taker]


def test_pending_requests_for_the_organisation_or_the_person_named(scene):
    s = scene()
    services.hand_over_request(actor=s.giving, commitment=s.commitment, to_organisation=s.taker)
    services.hand_over_request(actor=s.giving, role=s.role, to_person=s.taker_admin)
    assert selectors.pending_requests(ecosystem=s.ecosystem, organisation=s.taker).count() == 2
    assert selectors.pending_requests(ecosystem=s.ecosystem, organisation=None,
                                      person=s.taker_admin).count() == 1
    assert selectors.pending_requests(ecosystem=s.ecosystem, organisation=s.giver).count() == 0
    assert selectors.waiting_count(ecosystem=s.ecosystem, actor=s.taking) == 2
    assert selectors.sent_hand_overs(ecosystem=s.ecosystem, organisation=s.giver).count() == 2


def test_new_member_means_first_joined_within_sixty_days(scene):
    s = scene()
    joined(s.ecosystem, s.giver, days_ago=10)
    membership = selectors.member_of(ecosystem=s.ecosystem, organisation=s.giver)
    assert selectors.is_new_member(membership)
    del membership.first_active_at  # without the annotation, the history is read
    assert selectors.is_new_member(membership)
    joined(s.ecosystem, s.taker, days_ago=90)
    assert not selectors.is_new_member(selectors.member_of(ecosystem=s.ecosystem,
                                                           organisation=s.taker))
    assert not selectors.is_new_member(None)


def test_welcome_gathers_charter_groups_decisions_and_first_steps(scene):
    s = scene()
    make_group(s.ecosystem, s.giver, s.giver_admin, name="Gearchiveerd")
    s.ecosystem.working_groups.filter(name="Gearchiveerd").update(archived_at=timezone.now())
    proposal = Proposal.objects.create(
        ecosystem=s.ecosystem, title="Werkwijze", body="Zo werken we.",
        proposer=s.giver_admin, proposer_organisation=s.giver,
        deadline=timezone.now() + timedelta(days=7), decision_mode="organisation")
    for number in range(1, 8):
        Decision.objects.create(proposal=proposal, ecosystem=s.ecosystem, number=number,
                                version=number, outcome="adopted", statement="Aangenomen.",
                                decided_at=timezone.now() - timedelta(days=8 - number))
    data = selectors.welcome(viewer=s.taker_admin, ecosystem=s.ecosystem, organisation=s.taker)
    assert [p for p, _label, _text in data.charter] == [
        "reciprocity", "transparency", "self_organisation", "interoperability", "elasticity"]
    assert [g.name for g in data.working_groups] == ["Circulaire inkoop"]
    assert data.working_groups[0].member_count == 2
    assert [d.number for d in data.decisions] == [7, 6, 5, 4, 3]  # the latest five
    assert dict(data.steps) == {"profile": False, "delegate": False, "working_group": True}


def test_the_export_tables_hold_the_history_of_the_organisation_only(scene):
    s = scene()
    contribute(s.commitment, s.giver_admin, "4")
    hand_over = services.hand_over_request(actor=s.giving, commitment=s.commitment,
                                           to_organisation=s.taker)
    services.hand_over_accept(actor=s.taking, hand_over=hand_over)
    tables = organisation_tables(organisation=s.giver, ecosystem=s.ecosystem,
                                 viewer=s.giver_admin)
    assert [c["state"] for c in tables["commitments"]] == ["handed_over"]
    assert tables["commitments"][0]["delivered"] == "4.00"
    assert [c["quantity"] for c in tables["contributions_given"]] == ["4.00"]
    assert tables["contributions_received"] == []
    assert [h["direction"] for h in tables["hand_overs"]] == ["given"]
    assert [r["role"] for r in tables["working_group_roles"]] == ["lead"]
    assert tables["working_group_roles"][0]["person_name"] == str(s.giver_admin)
    # The taker's export shows the new commitment and the hand-over as received.
    taker_tables = organisation_tables(organisation=s.taker, ecosystem=s.ecosystem)
    assert taker_tables["commitments"][0]["handed_over_from"] == str(s.commitment.uuid)
    assert [h["direction"] for h in taker_tables["hand_overs"]] == ["received"]
    assert HandOver.objects.count() == 1


def test_the_export_shows_a_release_made_on_the_commitment_pages(scene):
    from zwerm.collaboration.services import ledger

    s = scene()
    ledger.commitment_release(actor=s.giving, commitment=s.commitment,
                              reason="Geen capaciteit meer.")
    tables = organisation_tables(organisation=s.giver, ecosystem=s.ecosystem,
                                 viewer=s.giver_admin)
    assert [c["state"] for c in tables["commitments"]] == ["released"]
    [row] = tables["hand_overs"]
    assert (row["state"], row["item"], row["commitment"]) == (
        "released", "commitment", str(s.commitment.uuid))
    assert row["to_organisation"] is None and row["note"] == "Geen capaciteit meer."


@pytest.mark.parametrize("rows", [5, 50])
def test_selectors_run_a_fixed_number_of_queries(scene, rows, django_assert_max_num_queries):
    s = scene()
    for n in range(rows):
        other, admin = member_organisation(s.ecosystem)
        group = make_group(s.ecosystem, s.giver, s.giver_admin, name=f"Groep {n}")
        add_member(group, admin, other)
        give_role(group, s.giver_admin, s.giver, name="secretary")
        commitment = make_commitment(s.ecosystem, s.giver, s.giver_admin, group)
        contribute(commitment, s.giver_admin, "1")
        HandOver.objects.create(ecosystem=s.ecosystem, from_organisation=s.giver,
                                to_organisation=other, commitment=commitment,
                                state=HandOver.State.PENDING)
    with django_assert_max_num_queries(3):
        commitments = list(selectors.open_commitments(ecosystem=s.ecosystem,
                                                      organisation=s.giver))
        [c.pending_hand_overs[0].to_organisation.name for c in commitments if
         c.pending_hand_overs]
    with django_assert_max_num_queries(3):
        roles = list(selectors.held_roles(ecosystem=s.ecosystem, organisation=s.giver))
        candidates = selectors.role_candidates(roles=roles)
        [m.person.name + m.organisation.name for ms in candidates.values() for m in ms]
    with django_assert_max_num_queries(12):
        tables = organisation_tables(organisation=s.giver, ecosystem=s.ecosystem,
                                     viewer=s.giver_admin)
    assert len(tables["commitments"]) == rows + 1


def test_the_panel_counts_match_the_waiting_count(scene):
    s = scene()
    services.hand_over_request(actor=s.giving, commitment=s.commitment, to_organisation=s.taker)
    services.hand_over_request(actor=s.giving, role=s.role, to_person=s.taker_admin)
    for actor in (s.taking, s.giving):
        membership = selectors.member_of(ecosystem=s.ecosystem,
                                         organisation=actor.organisation, person=actor.person)
        assert selectors.waiting_from(membership, ecosystem=s.ecosystem, actor=actor) == (
            selectors.waiting_count(ecosystem=s.ecosystem, actor=actor))
    colleague = person_in(s.taker)
    from zwerm.core.actor import Actor

    membership = selectors.member_of(ecosystem=s.ecosystem, organisation=s.taker,
                                     person=colleague)
    assert selectors.waiting_from(membership, ecosystem=s.ecosystem,
                                  actor=Actor(colleague, s.taker)) == 0
