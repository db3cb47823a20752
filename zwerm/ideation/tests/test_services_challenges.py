import pytest

from zwerm.core.errors import NotAllowed, ValidationFailed
from zwerm.core.models import Activity
from zwerm.ideation.models import Challenge, Phase
from zwerm.ideation.services import challenge_create, challenge_phase_set, challenge_update
from zwerm.ideation.tests.factories import (
    OrganisationFactory,
    actor,
    challenge_in,
    future,
    member_organisation,
    past,
    person_in,
    started_ecosystem,
)

pytestmark = pytest.mark.django_db


def test_create_public_challenge_makes_creator_facilitator_and_records():
    challenge, facilitator, organisation = challenge_in(context="**Waarom** nu?")
    assert challenge.ecosystem is None
    assert list(challenge.facilitators.all()) == [facilitator]
    assert challenge.weighting == Challenge.Weighting.PERSON
    assert challenge.phase == Phase.COLLECT
    activity = Activity.objects.get(verb="ideation.challenge.created")
    assert activity.subject_uuid == challenge.uuid
    assert activity.organisation_uuid == organisation.uuid


def test_create_in_ecosystem_defaults_to_organisation_weighting_and_keeps_source():
    ecosystem, _facilitator, _org = started_ecosystem()
    challenge, _person, _o = challenge_in(
        ecosystem, source_uuid="6b0f7d9e-4a59-4b0e-9c34-4f2f6c1f3a11"
    )
    assert challenge.weighting == Challenge.Weighting.ORGANISATION
    assert str(challenge.source_uuid) == "6b0f7d9e-4a59-4b0e-9c34-4f2f6c1f3a11"


def test_outsider_cannot_start_challenge_in_ecosystem():
    ecosystem, _f, _o = started_ecosystem()
    outsider_org = OrganisationFactory()
    outsider = person_in(outsider_org)
    with pytest.raises(NotAllowed):
        challenge_create(actor=actor(outsider, outsider_org), ecosystem=ecosystem, question="Q?")


def test_anonymous_and_organisationless_cannot_start():
    with pytest.raises(NotAllowed):
        challenge_create(actor=actor(None), question="Wat nu?")
    loner = person_in(OrganisationFactory())
    with pytest.raises(NotAllowed):
        challenge_create(actor=actor(loner), question="Wat nu?")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"question": "  "}, "question"),
        ({"question": "x" * 301}, "question"),
        ({"method": "lottery"}, "method"),
        ({"dots": 0}, "dots"),
        ({"weighting": "money"}, "weighting"),
        ({"commitment_threshold": 0}, "commitment_threshold"),
        ({"vote_starts_at": future(1), "refine_starts_at": future(2)}, "vote_starts_at"),
    ],
)
def test_create_validates(fields, field):
    organisation = OrganisationFactory()
    person = person_in(organisation)
    fields.setdefault("question", "Wat nu?")
    with pytest.raises(ValidationFailed) as error:
        challenge_create(actor=actor(person, organisation), **fields)
    assert field in error.value.fields


def test_phase_follows_dates_when_read():
    challenge, _f, _o = challenge_in(
        opens_at=past(5), refine_starts_at=past(3), vote_starts_at=past(1),
        select_starts_at=future(2),
    )
    assert challenge.phase == Phase.VOTE
    challenge.select_starts_at = past(0)
    assert challenge.phase == Phase.SELECT


def test_facilitator_moves_phase_by_hand_and_back_to_dates():
    challenge, facilitator, organisation = challenge_in(refine_starts_at=future(5))
    challenge = challenge_phase_set(actor=actor(facilitator, organisation), challenge=challenge,
                                    phase=Phase.REFINE)
    assert challenge.phase == Phase.REFINE
    changed = Activity.objects.get(verb="ideation.challenge.phase_changed")
    assert changed.payload == {"from": "collect", "to": "refine", "by_hand": True}
    challenge = challenge_phase_set(actor=actor(facilitator, organisation), challenge=challenge,
                                    phase="")
    assert challenge.phase == Phase.COLLECT


def test_only_facilitators_move_phases():
    ecosystem, _f, _o = started_ecosystem()
    challenge, _facilitator, _org = challenge_in(ecosystem)
    member_org, member = member_organisation(ecosystem)
    with pytest.raises(NotAllowed):
        challenge_phase_set(actor=actor(member, member_org), challenge=challenge,
                            phase=Phase.VOTE)


def test_update_refuses_new_voting_rules_once_vote_opened():
    challenge, facilitator, organisation = challenge_in()
    challenge = challenge_update(actor=actor(facilitator, organisation), challenge=challenge,
                                 method="approval", question="Nieuwe vraag?")
    assert (challenge.method, challenge.question) == ("approval", "Nieuwe vraag?")
    challenge_phase_set(actor=actor(facilitator, organisation), challenge=challenge,
                        phase=Phase.VOTE)
    with pytest.raises(ValidationFailed) as error:
        challenge_update(actor=actor(facilitator, organisation), challenge=challenge,
                         method="score")
    assert "method" in error.value.fields


def test_a_published_result_is_final():
    from zwerm.core.errors import Conflict
    from zwerm.ideation.models import Result
    from zwerm.ideation.services import ballot_cast, idea_submit

    challenge, facilitator, organisation = challenge_in(method="approval")
    fac = actor(facilitator, organisation)
    idea = idea_submit(actor=fac, challenge=challenge, title="Een idee")
    challenge_phase_set(actor=fac, challenge=challenge, phase=Phase.VOTE)
    ballot_cast(actor=fac, challenge=challenge, choices=[str(idea.uuid)])
    challenge_phase_set(actor=fac, challenge=challenge, phase=Phase.SELECT)
    assert Result.objects.filter(challenge=challenge).exists()
    with pytest.raises(Conflict):
        challenge_phase_set(actor=fac, challenge=challenge, phase=Phase.VOTE)
    with pytest.raises(Conflict):
        challenge_phase_set(actor=fac, challenge=challenge, phase="")
    challenge_phase_set(actor=fac, challenge=challenge, phase=Phase.CLOSED)


def test_no_result_is_published_when_nobody_voted(client):
    from zwerm.ideation.models import Result

    challenge, facilitator, organisation = challenge_in()
    challenge_phase_set(actor=actor(facilitator, organisation), challenge=challenge,
                        phase=Phase.CLOSED)
    assert not Result.objects.exists()
    page = client.get(f"/challenges/{challenge.slug}/results/")
    assert page.status_code == 200 and b"empty-state" in page.content
    assert client.get(f"/challenges/{challenge.slug}/results/ballots.json").status_code == 404
