import pytest

from zwerm.core.privacy import export_sections
from zwerm.ideation.models import Ballot, Commitment, Phase
from zwerm.ideation.services import (
    ballot_cast,
    comment_post,
    commitment_make,
    initiative_select,
)
from zwerm.ideation.tests.factories import OrganisationFactory
from zwerm.organisations import hooks

pytestmark = pytest.mark.django_db


def test_export_lists_a_persons_contributions_but_no_secret_ballot(make_setup):
    s = make_setup(method="approval", secret=True)
    idea = s.idea("Deelauto's")
    comment_post(actor=s.members[0], idea=idea, body="Zelf bedacht")
    s.phase(Phase.VOTE)
    ballot_cast(actor=s.members[0], challenge=s.challenge, choices=[str(idea.uuid)])
    section = export_sections(s.members[0].person)["ideation"]
    assert [i["title"] for i in section["ideas"]] == ["Deelauto's"]
    assert section["comments"][0]["body"] == "Zelf bedacht"
    assert section["open_ballots"] == []


def test_merge_moves_ideas_commitments_and_open_ballots(make_setup):
    s = make_setup(method="approval")
    idea = s.idea("Deelauto's")
    s.phase(Phase.VOTE)
    ballot_cast(actor=s.members[0], challenge=s.challenge, choices=[str(idea.uuid)])
    target = OrganisationFactory()
    hooks.run_merge(actor=s.fac, source=s.members[0].organisation, target=target)
    idea.refresh_from_db()
    assert idea.organisation == target
    assert Ballot.objects.get().organisation == target
    s.phase(Phase.SELECT)
    initiative = initiative_select(actor=s.fac, challenge=s.challenge, idea=idea)
    commitment_make(actor=s.members[1], initiative=initiative, text="Uren")
    other = OrganisationFactory()
    hooks.run_merge(actor=s.fac, source=s.members[1].organisation, target=other)
    assert Commitment.objects.get().organisation == other
    hooks.run_merge(actor=s.fac, source=target, target=other)
    assert Ballot.objects.get().organisation == target, "a closed vote's ballots stay"


def test_admin_lists_challenges_read_only_and_no_ballots(client, make_setup):
    from zwerm.accounts.tests.factories import UserFactory

    s = make_setup()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get("/admin/ideation/challenge/").status_code == 200
    assert client.get(f"/admin/ideation/challenge/{s.challenge.pk}/change/").status_code == 200
    assert client.get("/admin/ideation/ballot/").status_code == 404


def test_the_only_facilitator_of_an_open_public_challenge_hands_over_before_erasing():
    from zwerm.core.actor import Actor
    from zwerm.core.privacy import erasure_blockers
    from zwerm.ideation.services import challenge_facilitator_add, challenge_phase_set
    from zwerm.ideation.tests.factories import challenge_in, person_in

    challenge, facilitator, organisation = challenge_in()
    assert any(challenge.question in m for m in erasure_blockers(facilitator))
    colleague = person_in(organisation)
    challenge_facilitator_add(actor=Actor(person=facilitator, organisation=organisation),
                              challenge=challenge, person=colleague)
    assert not any(challenge.question in m for m in erasure_blockers(facilitator))
    lonely, alone, org = challenge_in(question="Nog een vraag?")
    challenge_phase_set(actor=Actor(person=alone, organisation=org), challenge=lonely,
                        phase=Phase.CLOSED)
    assert not any(lonely.question in m for m in erasure_blockers(alone))
