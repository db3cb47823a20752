"""Deciding at the deadline, numbering, statements, reminders and the settings service."""

from datetime import timedelta

import pytest
from django.utils import timezone

from zwerm.collaboration.models import CollaborationSettings, Decision, Proposal
from zwerm.collaboration.services.decisions_outcome import (
    decide_due_proposals,
    decision_statement_update,
    proposal_decide_if_due,
)
from zwerm.collaboration.services.settings import collaboration_settings_update
from zwerm.collaboration.tests.decisions.helpers import Eco
from zwerm.core.actor import Actor
from zwerm.core.errors import NotAllowed, NotFound, ValidationFailed
from zwerm.core.models import Activity, Notification
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


def after_deadline(proposal, minutes=1):
    return proposal.deadline + timedelta(minutes=minutes)


def test_nothing_is_decided_before_the_deadline_while_some_have_not_responded():
    eco = Eco(orgs=3)
    proposal = eco.propose()
    eco.respond(proposal, 0)
    assert proposal_decide_if_due(proposal=proposal) is None
    assert Proposal.objects.get().state == "open"


def test_at_the_deadline_an_open_objection_means_not_adopted():
    eco = Eco(orgs=3)
    proposal = eco.propose()
    eco.respond(proposal, 0)
    eco.respond(proposal, 1, "objection", reason="Niet veilig.")
    decision = proposal_decide_if_due(proposal=proposal, now=after_deadline(proposal))
    assert decision.outcome == "not_adopted"
    assert decision.tally["open_objections"] == 1
    assert "objection" in decision.statement or "bezwaar" in decision.statement
    assert proposal_decide_if_due(proposal=proposal, now=after_deadline(proposal)) is None
    assert Decision.objects.count() == 1


def test_at_the_deadline_without_objection_but_below_quorum_it_is_not_adopted():
    eco = Eco(orgs=4, quorum=60)
    proposal = eco.propose()
    eco.respond(proposal, 0)
    eco.respond(proposal, 1, "abstain")
    decision = proposal_decide_if_due(proposal=proposal, now=after_deadline(proposal))
    assert decision.outcome == "not_adopted"
    assert decision.tally["quorum_met"] is False and decision.tally["responded"] == 2


def test_at_the_deadline_with_quorum_met_and_no_objection_it_is_adopted():
    eco = Eco(orgs=4, quorum=50)
    proposal = eco.propose()
    eco.respond(proposal, 0)
    eco.respond(proposal, 1, "concern", reason="Kosten bewaken.")
    decision = proposal_decide_if_due(proposal=proposal, now=after_deadline(proposal))
    assert decision.outcome == "adopted"
    assert "2" in decision.statement and "4" in decision.statement and "50" in decision.statement


def test_decision_numbers_are_sequential_per_ecosystem():
    eco, other = Eco(orgs=1), Eco(orgs=1)
    numbers = []
    for _ in range(3):
        proposal = eco.propose()
        numbers.append(eco.respond(proposal, 0) and Decision.objects.get(proposal=proposal).number)
    elsewhere = other.propose()
    other.respond(elsewhere, 0)
    assert numbers == [1, 2, 3]
    assert Decision.objects.get(proposal=elsewhere).number == 1


def test_the_job_decides_due_proposals_and_reminds_once_per_version():
    eco = Eco(orgs=3)
    due = eco.propose(title="Verlopen")
    Proposal.objects.filter(pk=due.pk).update(deadline=timezone.now() - timedelta(minutes=5))
    near = eco.propose(title="Bijna", deadline=timezone.now() + timedelta(hours=12))
    eco.respond(near, 1)
    far = eco.propose(title="Ver weg", deadline=timezone.now() + timedelta(days=5))
    Notification.objects.all().delete()
    result = decide_due_proposals()
    assert result == {"decided": 1, "reminded": 2}
    assert Decision.objects.get().proposal_id == due.pk
    reminded = set(Notification.objects.filter(
        activity__verb="collaboration.proposal.reminded").values_list("recipient_id", flat=True))
    assert reminded == {eco.delegates[0].pk, eco.delegates[2].pk}
    assert decide_due_proposals() == {"decided": 0, "reminded": 0}
    near.refresh_from_db()
    assert near.reminded_version == 1
    far.refresh_from_db()
    assert far.reminded_version == 0
    assert Activity.objects.filter(verb="collaboration.proposal.reminded").count() == 1


def test_the_statement_can_be_rewritten_by_proposer_or_facilitator_only():
    eco = Eco(orgs=2)
    proposal = eco.propose()
    eco.respond(proposal, 0)
    eco.respond(proposal, 1)
    decision = Decision.objects.get()
    with pytest.raises(NotAllowed):
        decision_statement_update(actor=eco.delegate(1), decision=decision, statement="Nee")
    with pytest.raises(ValidationFailed):
        decision_statement_update(actor=eco.admin(0), decision=decision, statement=" ")
    with pytest.raises(ValidationFailed):
        decision_statement_update(actor=eco.fac, decision=decision, statement="x" * 5001)
    decision_statement_update(actor=eco.fac, decision=decision, statement="Samen tekenen.")
    decision.refresh_from_db()
    assert decision.statement == "Samen tekenen."
    assert Activity.objects.filter(verb="collaboration.decision.statement_updated").count() == 1


def test_settings_are_for_facilitators_and_validated():
    eco = Eco(orgs=2, visibility="members")
    saved = collaboration_settings_update(actor=eco.fac, ecosystem=eco.ecosystem,
                                          unit_of_account=" uur-equivalent ",
                                          decision_mode="person", quorum_percent="75")
    assert (saved.unit_of_account, saved.decision_mode, saved.quorum_percent) == (
        "uur-equivalent", "person", 75)
    activity = Activity.objects.get(verb="collaboration.settings.updated")
    assert activity.payload["changed"] == ["decision_mode", "quorum_percent", "unit_of_account"]
    collaboration_settings_update(actor=eco.fac, ecosystem=eco.ecosystem,
                                  unit_of_account="uur-equivalent", decision_mode="person",
                                  quorum_percent=75)
    assert Activity.objects.filter(verb="collaboration.settings.updated").count() == 1
    for bad in [0, 101, "abc", "7.5", True]:
        with pytest.raises(ValidationFailed):
            collaboration_settings_update(actor=eco.fac, ecosystem=eco.ecosystem,
                                          unit_of_account="", decision_mode="person",
                                          quorum_percent=bad)
    with pytest.raises(ValidationFailed):
        collaboration_settings_update(actor=eco.fac, ecosystem=eco.ecosystem,
                                      unit_of_account="", decision_mode="all",
                                      quorum_percent=None)
    with pytest.raises(NotAllowed):
        collaboration_settings_update(actor=eco.delegate(1), ecosystem=eco.ecosystem,
                                      unit_of_account="", decision_mode="person",
                                      quorum_percent=None)
    elsewhere = OrganisationFactory()
    with pytest.raises(NotFound):
        collaboration_settings_update(actor=Actor(person=person_in(elsewhere),
                                                  organisation=elsewhere),
                                      ecosystem=eco.ecosystem, unit_of_account="",
                                      decision_mode="person", quorum_percent=None)
    assert CollaborationSettings.objects.get().quorum_percent == 75


def test_the_periodic_task_runs_the_same_work():
    from zwerm.collaboration.tasks_decisions import decide_due_proposals as task

    eco = Eco(orgs=2)
    due = eco.propose()
    Proposal.objects.filter(pk=due.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    assert task.call_local() == {"decided": 1, "reminded": 0}
    # Without a quorum, silence is consent: no objection is open, so it is adopted.
    assert Decision.objects.get().outcome == "adopted"
