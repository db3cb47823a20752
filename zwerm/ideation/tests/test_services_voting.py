import json

import pytest

from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.models import Activity, Notification
from zwerm.ideation import results, tally
from zwerm.ideation.exports import ballot_export
from zwerm.ideation.models import Ballot, Phase, Result
from zwerm.ideation.services import ballot_cast, challenge_announce_phase
from zwerm.ideation.services.voting import ballot_digest
from zwerm.ideation.tasks import announce_due_phases
from zwerm.ideation.tests.factories import OrganisationFactory, actor, past, person_in

pytestmark = pytest.mark.django_db


def ready(make_setup, **fields):
    s = make_setup(**fields)
    ideas = [s.idea("Deelauto's"), s.idea("Restwarmte"), s.idea("Zonnedaken")]
    s.phase(Phase.VOTE)
    return s, [str(i.uuid) for i in ideas]


def test_cast_and_change_one_ballot_per_voter(make_setup):
    s, (a, b, c) = ready(make_setup, method="approval")
    ballot, receipt = ballot_cast(actor=s.members[0], challenge=s.challenge, choices=[b, a])
    first_id = ballot.public_id
    ballot, _receipt = ballot_cast(actor=s.members[0], challenge=s.challenge, choices=[c])
    assert Ballot.objects.count() == 1
    assert ballot.choices == [c] and ballot.public_id != first_id
    verbs = list(Activity.objects.filter(verb__startswith="ideation.ballot.")
                 .order_by("seq").values_list("verb", flat=True))
    assert verbs == ["ideation.ballot.cast", "ideation.ballot.changed"]
    cast = Activity.objects.get(verb="ideation.ballot.cast")
    assert cast.payload["digest"] == ballot_digest(receipt, sorted([a, b]))


def test_ballots_only_in_the_voting_window(make_setup):
    s, (a, _b, _c) = ready(make_setup, method="approval")
    s.phase(Phase.SELECT)
    with pytest.raises(Conflict):
        ballot_cast(actor=s.members[0], challenge=s.challenge, choices=[a])


@pytest.mark.parametrize(("method", "bad"), [
    ("dot", {"x": 1}), ("dot", "many"), ("score", {"A": 9}), ("ranked", ["A", "A"]),
])
def test_invalid_ballots_are_refused_with_a_sentence(make_setup, method, bad):
    s, (a, _b, _c) = ready(make_setup, method=method, dots=3)
    bad = json.loads(json.dumps(bad).replace('"A"', json.dumps(a)))
    with pytest.raises(ValidationFailed) as error:
        ballot_cast(actor=s.members[0], challenge=s.challenge, choices=bad)
    assert "choices" in error.value.fields


def test_dot_budget_is_enforced(make_setup):
    s, (a, b, _c) = ready(make_setup, method="dot", dots=3)
    with pytest.raises(ValidationFailed):
        ballot_cast(actor=s.members[0], challenge=s.challenge, choices={a: 2, b: 2})


def test_organisation_weighting_needs_a_member_organisation(make_setup):
    s, (a, _b, _c) = ready(make_setup, method="approval")
    assert s.challenge.weighting == "organisation"
    with pytest.raises(NotAllowed):
        ballot_cast(actor=Actor(person=s.members[0].person), challenge=s.challenge, choices=[a])
    outsider_org = OrganisationFactory()
    with pytest.raises(NotAllowed):
        ballot_cast(actor=actor(s.members[0].person, outsider_org), challenge=s.challenge,
                    choices=[a])


def test_many_voters_of_one_organisation_share_its_voice(make_setup):
    s, (a, b, _c) = ready(make_setup, method="approval")
    crowd_org = s.members[0].organisation
    for _ in range(3):
        ballot_cast(actor=actor(person_in(crowd_org), crowd_org), challenge=s.challenge,
                    choices=[a])
    ballot_cast(actor=s.members[1], challenge=s.challenge, choices=[b])
    ballot_cast(actor=s.members[2], challenge=s.challenge, choices=[b])
    s.phase(Phase.SELECT)
    data = Result.objects.get(challenge=s.challenge).data
    assert data["ranking"][0]["option"] == b
    assert [row["score"] for row in data["ranking"][:2]] == ["2", "1"]


def test_result_published_when_the_vote_closes_and_recount_matches(make_setup):
    s, (a, b, c) = ready(make_setup, method="ranked", secret=True)
    ballot_cast(actor=s.members[0], challenge=s.challenge, choices=[b, a, c])
    ballot_cast(actor=s.members[1], challenge=s.challenge, choices=[b, c])
    ballot_cast(actor=s.members[2], challenge=s.challenge, choices=[a])
    assert results.result_data(s.challenge) is None
    s.phase(Phase.SELECT)
    result = Result.objects.get(challenge=s.challenge)
    assert result.data["winner"] == b
    published = Activity.objects.get(verb="ideation.result.published")
    assert published.payload["digest"] == result.digest
    exported = ballot_export(s.challenge, result.data)
    assert tally.count_file(json.loads(json.dumps(exported)))["matches_published"] is True


def test_phases_begun_on_their_date_are_announced_once(make_setup):
    s = make_setup(opens_at=past(10))
    s.idea()
    s.challenge.refine_starts_at = past(1)
    s.challenge.save(update_fields=["refine_starts_at"])
    assert announce_due_phases() == 1
    assert announce_due_phases() == 0
    changed = Activity.objects.get(verb="ideation.challenge.phase_changed")
    assert changed.payload == {"from": "collect", "to": "refine", "by_hand": False}
    assert changed.actor is None
    assert Notification.objects.filter(kind="ideation.phases",
                                       recipient=s.members[0].person).exists()
    assert challenge_announce_phase(challenge=s.challenge) is False


def test_turnout_hides_kinds_with_fewer_than_three_voters(make_setup):
    s, (a, _b, _c) = ready(make_setup, method="approval", weighting="person")
    for kind, voters in (("company", 3), ("government", 2)):
        for _ in range(voters):
            organisation = OrganisationFactory(kind=kind)
            from zwerm.ecosystems.tests.factories import MembershipFactory

            MembershipFactory(ecosystem=s.ecosystem, organisation=organisation)
            ballot_cast(actor=actor(person_in(organisation), organisation),
                        challenge=s.challenge, choices=[a])
    rows = {row["kind"]: row for row in results.turnout(s.challenge)["kinds"]}
    assert rows["company"]["ballots"] == 3 and not rows["company"]["hidden"]
    assert rows["government"]["hidden"] and rows["government"]["ballots"] is None
