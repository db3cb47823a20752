"""Tabling, amending and withdrawing proposals, and giving positions: happy and bad paths."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from zwerm.collaboration.models import Decision, Position, Proposal
from zwerm.collaboration.services.decisions import (
    position_give,
    proposal_amend,
    proposal_withdraw,
)
from zwerm.collaboration.tests.decisions.helpers import Eco, soon
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.models import Activity, Notification
from zwerm.ecosystems.models import Role
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


def verbs():
    return list(Activity.objects.order_by("seq").values_list("verb", flat=True))


def test_tabling_copies_the_settings_keeps_version_one_and_notifies_the_delegates():
    eco = Eco(orgs=3, quorum=60)
    proposal = eco.propose()
    assert proposal.state == Proposal.State.OPEN
    assert (proposal.decision_mode, proposal.quorum_percent, proposal.version) == (
        "organisation", 60, 1)
    assert proposal.versions.get().body == "We huren **samen** een loods."
    assert verbs() == ["collaboration.proposal.opened"]
    notified = set(Notification.objects.filter(kind="collaboration.proposals")
                   .values_list("recipient_id", flat=True))
    assert notified == {d.pk for d in eco.delegates}
    # A later change of the settings does not change a proposal under way.
    eco.ecosystem.collaboration_settings.quorum_percent = 10
    eco.ecosystem.collaboration_settings.save()
    proposal.refresh_from_db()
    assert proposal.quorum_percent == 60


@pytest.mark.parametrize("fields, field", [
    ({"title": "  "}, "title"),
    ({"title": "x" * 201}, "title"),
    ({"body": ""}, "body"),
    ({"deadline": None}, "deadline"),
    ({"deadline": timezone.now() + timedelta(minutes=30)}, "deadline"),
    ({"deadline": timezone.now() - timedelta(days=1)}, "deadline"),
    ({"deadline": timezone.now() + timedelta(days=91)}, "deadline"),
    ({"kind": "referendum"}, "kind"),
    ({"kind": "poll", "options": ["Alleen"]}, "options"),
    ({"kind": "poll", "options": [f"Optie {n}" for n in range(11)]}, "options"),
    ({"kind": "poll", "options": ["Dinsdag", "dinsdag"]}, "options"),
    ({"kind": "consent", "options": ["Dinsdag", "Donderdag"]}, "options"),
])
def test_tabling_refuses_bad_input_and_stores_nothing(fields, field):
    eco = Eco(orgs=2)
    with pytest.raises(ValidationFailed) as error:
        eco.propose(**fields)
    assert field in error.value.fields
    assert not Proposal.objects.exists()
    assert not Activity.objects.exists()


def test_only_people_of_active_members_table_proposals():
    eco = Eco(orgs=2, visibility="members")
    elsewhere = OrganisationFactory()
    outsider = person_in(elsewhere)
    with pytest.raises(NotFound):
        eco.propose(by=Actor(person=outsider, organisation=elsewhere))
    with pytest.raises(NotAllowed):
        eco.propose(by=Actor(person=None))
    eco.ecosystem.memberships.filter(organisation=eco.orgs[1]).update(state="paused")
    with pytest.raises(NotAllowed):
        eco.propose(by=eco.admin(1))
    proposal = eco.propose()
    with translation.override("en"), pytest.raises(NotAllowed) as error:
        eco.respond(proposal, 1)
    assert f"{eco.orgs[1].name} is not an active member" in str(error.value.message)


def test_a_working_group_must_be_this_ecosystems_and_not_archived():
    eco, other = Eco(orgs=2), Eco(orgs=1)
    with pytest.raises(ValidationFailed):
        eco.propose(working_group=eco.group([0], archived=True))
    with pytest.raises(ValidationFailed):
        eco.propose(working_group=other.group([0]))
    proposal = eco.propose(working_group=eco.group([1]))
    assert proposal.working_group is not None


def test_in_organisation_mode_only_the_delegate_responds_and_the_refusal_names_them():
    eco = Eco(orgs=2)
    proposal = eco.propose()
    colleague = person_in(eco.orgs[1])
    with pytest.raises(NotAllowed) as error:
        position_give(actor=Actor(person=colleague, organisation=eco.orgs[1]),
                      proposal=proposal, stance="consent")
    assert str(eco.delegates[1]) in str(error.value.message)
    assert error.value.code == "not_voter"
    with pytest.raises(NotAllowed):  # an admin defers to the delegate
        position_give(actor=eco.admin(1), proposal=proposal, stance="consent")
    position = eco.respond(proposal, 1)
    assert position.voter_key == f"org:{eco.orgs[1].uuid}"


def test_without_a_delegate_an_admin_speaks_for_the_organisation():
    eco = Eco(orgs=2)
    Role.objects.filter(organisation=eco.orgs[1], name="delegate").update(
        ended_at=timezone.now())
    proposal = eco.propose()
    position = position_give(actor=eco.admin(1), proposal=proposal, stance="abstain")
    assert position.organisation == eco.orgs[1]


def test_an_objection_needs_a_reason_and_bad_stances_are_refused():
    eco = Eco(orgs=2)
    proposal = eco.propose()
    with pytest.raises(ValidationFailed) as error:
        eco.respond(proposal, 0, "objection", reason="  ")
    assert "reason" in error.value.fields
    with pytest.raises(ValidationFailed):
        eco.respond(proposal, 0, "maybe")
    with pytest.raises(ValidationFailed):
        eco.respond(proposal, 0, "consent", reason="x" * 5001)
    assert not Position.objects.exists()


def test_changing_a_position_supersedes_the_earlier_one_and_keeps_history():
    eco = Eco(orgs=3)
    proposal = eco.propose()
    first = eco.respond(proposal, 1, "objection", reason="Te duur.")
    second = eco.respond(proposal, 1, "concern", reason="Nog steeds duur.")
    first.refresh_from_db()
    assert first.superseded_at is not None and first.objection_resolved_at is not None
    assert second.superseded_at is None
    assert eco.respond(proposal, 1, "concern", reason="Nog steeds duur.").pk == second.pk
    assert verbs()[-2:] == ["collaboration.position.given", "collaboration.position.changed"]
    assert Position.objects.filter(proposal=proposal).count() == 2


def test_when_everyone_responded_without_objection_it_is_adopted_at_once():
    eco = Eco(orgs=3)
    proposal = eco.propose()
    eco.respond(proposal, 0)
    eco.respond(proposal, 1, "concern", reason="Let op de kosten.")
    assert not Decision.objects.exists()
    eco.respond(proposal, 2, "abstain")
    decision = Decision.objects.get()
    assert (decision.number, decision.outcome, decision.version) == (1, "adopted", 1)
    assert decision.statement.startswith("Aangenomen") or decision.statement.startswith(
        "Adopted")
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.CLOSED and proposal.closed_at is not None
    assert verbs()[-1] == "collaboration.decision.recorded"
    with pytest.raises(Conflict):
        eco.respond(proposal, 0, "objection", reason="Te laat")


def test_an_objection_when_all_responded_means_not_adopted_and_the_proposer_may_reopen():
    eco = Eco(orgs=2)
    proposal = eco.propose()
    eco.respond(proposal, 0)
    eco.respond(proposal, 1, "objection", reason="Eerst de verzekering regelen.")
    assert Decision.objects.get().outcome == "not_adopted"
    proposal = proposal_amend(actor=eco.admin(0), proposal=proposal, title="Opslag, verzekerd",
                              body="Met verzekering.", reason="Bezwaar verwerkt.",
                              deadline=soon())
    assert (proposal.state, proposal.version) == ("open", 2)
    eco.respond(proposal, 0)
    eco.respond(proposal, 1)
    adopted = Decision.objects.get(version=2)
    assert (adopted.number, adopted.outcome) == (2, "adopted")


def test_amending_asks_every_position_again():
    eco = Eco(orgs=3)
    proposal = eco.propose()
    eco.respond(proposal, 1, "objection", reason="Te duur.")
    eco.respond(proposal, 2)
    Notification.objects.all().delete()
    proposal = proposal_amend(actor=eco.admin(0), proposal=proposal, title="Goedkoper",
                              body="Kleinere loods.", reason="Kosten gehalveerd.",
                              deadline=soon())
    assert proposal.versions.count() == 2
    assert not proposal.positions.filter(version=2).exists()
    assert Notification.objects.filter(kind="collaboration.proposals").count() == 3
    eco.respond(proposal, 0)
    eco.respond(proposal, 1)
    assert not Decision.objects.exists()  # the third is asked again too


def test_amend_bad_paths():
    eco = Eco(orgs=2)
    proposal = eco.propose()
    args = {"title": "Nieuw", "body": "Tekst", "reason": "Waarom", "deadline": soon()}
    with pytest.raises(NotAllowed):
        proposal_amend(actor=eco.delegate(1), proposal=proposal, **args)
    with pytest.raises(ValidationFailed) as error:
        proposal_amend(actor=eco.admin(0), proposal=proposal, **{**args, "reason": ""})
    assert "reason" in error.value.fields
    with pytest.raises(ValidationFailed):
        proposal_amend(actor=eco.admin(0), proposal=proposal,
                       **{**args, "deadline": timezone.now()})
    eco.respond(proposal, 0)
    eco.respond(proposal, 1)  # adopted
    with pytest.raises(Conflict):
        proposal_amend(actor=eco.admin(0), proposal=proposal, **args)
    proposal.refresh_from_db()
    assert proposal.version == 1


def test_withdrawing():
    eco = Eco(orgs=2)
    proposal = eco.propose()
    with pytest.raises(NotAllowed):
        proposal_withdraw(actor=eco.delegate(1), proposal=proposal)
    proposal_withdraw(actor=eco.fac, proposal=proposal, reason="Dubbel.")
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.WITHDRAWN
    with pytest.raises(Conflict):
        proposal_withdraw(actor=eco.admin(0), proposal=proposal)
    with pytest.raises(Conflict):
        eco.respond(proposal, 1)
    mine = eco.propose()
    proposal_withdraw(actor=eco.admin(0), proposal=mine)
    assert verbs().count("collaboration.proposal.withdrawn") == 2


def test_polls_take_one_option_per_voter_and_record_the_result():
    eco = Eco(orgs=2)
    poll = eco.propose(kind="poll", options=["Dinsdag", "Donderdag"], title="Wanneer?")
    tuesday, thursday = poll.options.all()
    with pytest.raises(ValidationFailed):
        position_give(actor=eco.delegate(0), proposal=poll, stance="consent")
    with pytest.raises(ValidationFailed):
        position_give(actor=eco.delegate(0), proposal=poll, option="not-an-option")
    position_give(actor=eco.delegate(0), proposal=poll, option=tuesday)
    position_give(actor=eco.delegate(1), proposal=poll, option=str(thursday.uuid))
    decision = Decision.objects.get()
    assert decision.outcome == "poll_result"
    assert decision.tally["counts"] == {str(tuesday.uuid): 1, str(thursday.uuid): 1}
    assert "Dinsdag: 1" in decision.statement


def test_person_mode_asks_every_person_of_the_active_members():
    eco = Eco(orgs=2, mode="person")
    proposal = eco.propose()
    colleague = person_in(eco.orgs[1])
    position = position_give(actor=Actor(person=colleague, organisation=eco.orgs[1]),
                             proposal=proposal, stance="consent")
    assert position.voter_key == f"person:{colleague.uuid}"
    assert not Decision.objects.exists()  # admins, delegates and facilitator not yet


def test_a_working_groups_proposal_asks_only_organisations_in_the_group():
    eco = Eco(orgs=3)
    group = eco.group([0, 1])
    proposal = eco.propose(working_group=group)
    with pytest.raises(NotAllowed) as error:
        eco.respond(proposal, 2)
    assert group.name in str(error.value.message)
    eco.respond(proposal, 0)
    eco.respond(proposal, 1)
    assert Decision.objects.get().tally["eligible"] == 2


def test_person_mode_in_a_working_group_asks_only_its_active_members():
    eco = Eco(orgs=2, mode="person")
    group = eco.group([1])
    proposal = eco.propose(working_group=group)
    with pytest.raises(NotAllowed):
        position_give(actor=eco.admin(1), proposal=proposal, stance="consent")
    eco.respond(proposal, 1)
    assert Decision.objects.get().outcome == "adopted"


def _leave(eco, index):
    from zwerm.ecosystems.models import Membership

    Membership.objects.filter(ecosystem=eco.ecosystem, organisation=eco.orgs[index]).update(
        state=Membership.State.LEFT)


def test_a_proposer_whose_organisation_left_cannot_amend_but_may_withdraw():
    from zwerm.collaboration.permissions import decisions as rules

    eco = Eco(orgs=3)
    proposal = eco.propose(by=eco.admin(1))
    args = {"title": "Nieuw", "body": "Tekst", "reason": "Waarom", "deadline": soon()}
    assert rules.can_amend(eco.admin(1), proposal)
    _leave(eco, 1)
    proposal.refresh_from_db()
    assert not rules.can_amend(eco.admin(1), proposal)
    with pytest.raises(NotAllowed) as caught:
        proposal_amend(actor=eco.admin(1), proposal=proposal, **args)
    assert caught.value.code == "not_member"
    proposal.refresh_from_db()
    assert proposal.version == 1 and "collaboration.proposal.amended" not in verbs()
    # Withdrawing keeps its own rule: the proposer (or a facilitator), while open.
    assert rules.can_withdraw(eco.admin(1), proposal)
    proposal_withdraw(actor=eco.admin(1), proposal=proposal, reason="We zijn vertrokken.")
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.WITHDRAWN


def test_activities_name_the_organisation_that_acted():
    """``record`` defaults ``organisation`` to the actor's: tabling, amending, withdrawing
    and giving or changing a position are recorded for the organisation acting."""
    eco = Eco(orgs=3)
    proposal = eco.propose(by=eco.admin(1))
    eco.respond(proposal, 2, "objection", reason="Te duur.")
    eco.respond(proposal, 2)
    proposal_amend(actor=eco.admin(1), proposal=proposal, title="Goedkoper", body="Kleiner.",
                   reason="Kosten.", deadline=soon())
    proposal_withdraw(actor=eco.fac, proposal=proposal)
    expected = {
        "collaboration.proposal.opened": eco.orgs[1], "collaboration.position.given": eco.orgs[2],
        "collaboration.position.changed": eco.orgs[2],
        "collaboration.proposal.amended": eco.orgs[1],
        "collaboration.proposal.withdrawn": eco.orgs[0],  # the facilitator's organisation
    }
    for verb, organisation in expected.items():
        activity = Activity.objects.get(verb=verb)
        assert activity.organisation_uuid == organisation.uuid, verb
