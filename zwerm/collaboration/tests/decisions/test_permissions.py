"""Who may do what with proposals and decisions, for every role of the ``world`` matrix,
in public and members-only ecosystems, and in organisation and person mode."""

from datetime import timedelta

import pytest
from django.utils import timezone

from zwerm.collaboration.models import CollaborationSettings, Decision, Proposal
from zwerm.collaboration.permissions import can_view
from zwerm.collaboration.permissions import decisions as rules
from zwerm.core.actor import Actor
from zwerm.ecosystems.tests.conftest import SEES_MEMBERS_ONLY, VIEWERS
from zwerm.organisations.selectors import acting_organisation

pytestmark = pytest.mark.django_db

TAKE_PART = {"active", "facilitator", "delegate", "org_admin"}
EXPECTED = {
    "propose": TAKE_PART,
    "position_organisation_mode": {"delegate"},
    "position_person_mode": TAKE_PART,
    "amend": {"org_admin"},
    "withdraw": {"org_admin", "facilitator", "operator"},
    "edit_statement": {"org_admin", "facilitator", "operator"},
    "edit_settings": {"facilitator", "operator"},
}


def actor_for(person):
    if person is None:
        return Actor(person=None)
    return Actor(person=person, organisation=acting_organisation(person=person))


def proposal_in(ecosystem, people, organisations, mode):
    return Proposal.objects.create(
        ecosystem=ecosystem, title="Voorstel", body="Tekst", proposer=people["org_admin"],
        proposer_organisation=organisations["active"], decision_mode=mode,
        deadline=timezone.now() + timedelta(days=2),
    )


@pytest.mark.parametrize("visibility", ["public", "members"])
def test_the_matrix(world, visibility):
    ecosystem, people, organisations = world(visibility)
    by_org = proposal_in(ecosystem, people, organisations, "organisation")
    by_person = proposal_in(ecosystem, people, organisations, "person")
    closed = proposal_in(ecosystem, people, organisations, "organisation")
    decision = Decision.objects.create(
        proposal=closed, ecosystem=ecosystem, number=1, version=1, outcome="adopted",
        statement="Aangenomen.", decided_at=timezone.now())
    for label in VIEWERS:
        actor = actor_for(people[label])
        seen = {
            "propose": rules.can_propose(actor, ecosystem),
            "position_organisation_mode": rules.can_give_position(actor, by_org),
            "position_person_mode": rules.can_give_position(actor, by_person),
            "amend": rules.can_amend(actor, by_org),
            "withdraw": rules.can_withdraw(actor, by_org),
            "edit_statement": rules.can_edit_statement(actor, decision),
            "edit_settings": rules.can_edit_settings(actor, ecosystem),
        }
        for name, allowed in EXPECTED.items():
            assert seen[name] == (label in allowed), (label, name, visibility)
        sees = visibility == "public" or label in SEES_MEMBERS_ONLY
        assert can_view(people[label], ecosystem) == sees, (label, visibility)


def test_organisation_mode_delegate_versus_other_people_of_the_same_organisation(world):
    ecosystem, people, organisations = world("public")
    proposal = proposal_in(ecosystem, people, organisations, "organisation")
    home = organisations["active"]
    assert rules.voter_key_for(actor_for(people["delegate"]), proposal) == f"org:{home.uuid}"
    for label in ("active", "org_admin", "facilitator"):
        assert rules.voter_key_for(actor_for(people[label]), proposal) is None
    message = rules.who_may_respond(actor_for(people["active"]), proposal)
    assert str(people["delegate"]) in message


def test_closed_and_withdrawn_proposals_take_no_positions_and_amend_only_after_not_adopted(
        world):
    ecosystem, people, organisations = world("public")
    proposal = proposal_in(ecosystem, people, organisations, "organisation")
    proposal.state = "closed"
    proposal.save()
    delegate, admin = actor_for(people["delegate"]), actor_for(people["org_admin"])
    assert not rules.can_give_position(delegate, proposal)
    assert not rules.can_withdraw(admin, proposal)
    assert not rules.can_amend(admin, proposal)  # no decision yet
    Decision.objects.create(proposal=proposal, ecosystem=ecosystem, number=1, version=1,
                            outcome="not_adopted", statement="Niet.", decided_at=timezone.now())
    assert rules.can_amend(admin, Proposal.objects.get(pk=proposal.pk))
    proposal.state = "withdrawn"
    assert not rules.can_amend(admin, proposal)


def test_the_settings_mode_is_used_for_new_proposals_only(world):
    ecosystem, people, _organisations = world("public")
    CollaborationSettings.objects.create(ecosystem=ecosystem, decision_mode="person")
    from zwerm.collaboration.services.decisions import proposal_open

    proposal = proposal_open(actor=actor_for(people["active"]), ecosystem=ecosystem,
                             title="Iedereen", body="Tekst",
                             deadline=timezone.now() + timedelta(days=1))
    assert proposal.decision_mode == "person"
    assert rules.can_give_position(actor_for(people["active"]), proposal)
