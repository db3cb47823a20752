import pytest

from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.models import Activity, Notification
from zwerm.ideation.models import Ballot, Comment, Follow, IdeaMerge, Phase, Reaction
from zwerm.ideation.services import (
    ballot_cast,
    comment_post,
    idea_follow,
    idea_link,
    idea_merge,
    idea_submit,
    idea_update,
    reaction_set,
)
from zwerm.ideation.tests.factories import OrganisationFactory, actor, person_in

pytestmark = pytest.mark.django_db


def test_submit_numbers_ideas_records_and_makes_authors_follow(setup):
    first = setup.idea(tags=["Energie", "energie", " mobiliteit "])
    second = setup.idea("Restwarmte delen", actor=setup.members[1],
                        co_authors=[setup.members[2].person])
    assert (first.position, second.position) == (1, 2)
    assert first.tags == ["energie", "mobiliteit"]
    assert list(second.co_authors.all()) == [setup.members[2].person]
    assert Follow.objects.filter(idea=second).count() == 2
    activity = Activity.objects.filter(verb="ideation.idea.submitted").first()
    assert activity.payload["challenge"] == str(setup.challenge.uuid)


def test_submit_only_while_collecting(setup):
    setup.phase(Phase.REFINE)
    with pytest.raises(Conflict) as error:
        setup.idea()
    assert error.value.code == "wrong_phase"


def test_outsider_and_anonymous_cannot_submit(setup):
    organisation = OrganisationFactory()
    with pytest.raises(NotAllowed):
        idea_submit(actor=actor(person_in(organisation), organisation),
                    challenge=setup.challenge, title="Mag dit?")
    with pytest.raises(NotAllowed):
        idea_submit(actor=actor(None), challenge=setup.challenge, title="Mag dit?")


def test_members_only_challenge_is_not_found_for_outsiders(make_setup):
    s = make_setup()
    s.ecosystem.visibility = "members"
    s.ecosystem.save()
    organisation = OrganisationFactory()
    with pytest.raises(NotFound):
        idea_submit(actor=actor(person_in(organisation), organisation), challenge=s.challenge,
                    title="Mag dit?")


@pytest.mark.parametrize(("fields", "field"), [
    ({"title": " "}, "title"), ({"title": "x" * 201}, "title"),
    ({"tags": [f"t{i}" for i in range(11)]}, "tags"), ({"tags": ["x" * 41]}, "tags"),
])
def test_submit_validates(setup, fields, field):
    fields.setdefault("title", "Goed idee")
    with pytest.raises(ValidationFailed) as error:
        idea_submit(actor=setup.members[0], challenge=setup.challenge, **fields)
    assert field in error.value.fields


def test_co_authors_must_take_part(setup):
    stranger = person_in(OrganisationFactory())
    with pytest.raises(ValidationFailed) as error:
        setup.idea(co_authors=[stranger])
    assert "co_authors" in error.value.fields


def test_only_authors_and_facilitators_edit(setup):
    idea = setup.idea()
    with pytest.raises(NotAllowed):
        idea_update(actor=setup.members[1], idea=idea, title="Gekaapt")
    idea_update(actor=setup.fac, idea=idea, title="Opgeschoond")
    idea = idea_update(actor=setup.members[0], idea=idea, description="Met **uitleg**")
    assert (idea.title, idea.description) == ("Opgeschoond", "Met **uitleg**")
    setup.phase(Phase.VOTE)
    with pytest.raises(Conflict):
        idea_update(actor=setup.members[0], idea=idea, title="Te laat")


def test_builds_on_links_within_one_challenge(setup, make_setup):
    base = setup.idea("Basis")
    follow_up = setup.idea("Vervolg", builds_on=[base])
    assert list(follow_up.builds_on.all()) == [base]
    other = make_setup().idea("Elders")
    with pytest.raises(ValidationFailed):
        idea_link(actor=setup.members[0], idea=follow_up, target=other)
    with pytest.raises(ValidationFailed):
        idea_link(actor=setup.members[0], idea=base, target=base)


def test_comment_replies_stay_one_level_and_notify_followers(setup):
    idea = setup.idea()
    follower = setup.members[1]
    idea_follow(actor=follower, idea=idea)
    comment = comment_post(actor=setup.members[2], idea=idea, body="Goed plan!")
    reply = comment_post(actor=setup.members[0], idea=idea, body="Dank je", parent=comment)
    deeper = comment_post(actor=setup.members[1], idea=idea, body="Eens", parent=reply)
    assert deeper.parent == comment
    assert Notification.objects.filter(recipient=follower.person,
                                       kind="ideation.comments").count() == 2
    # The author follows their idea and hears of the others' comments, not their own.
    assert Notification.objects.filter(recipient=setup.members[0].person).count() == 2


def test_comment_validation_and_closed_phase(setup):
    idea = setup.idea()
    with pytest.raises(ValidationFailed):
        comment_post(actor=setup.members[1], idea=idea, body="   ")
    setup.phase(Phase.CLOSED)
    with pytest.raises(Conflict):
        comment_post(actor=setup.members[1], idea=idea, body="Nog iets")


def test_reply_must_be_on_the_same_idea(setup):
    one, two = setup.idea("Een"), setup.idea("Twee")
    comment = comment_post(actor=setup.members[1], idea=one, body="Hoi")
    with pytest.raises(ValidationFailed):
        comment_post(actor=setup.members[1], idea=two, body="Hoi", parent=comment)


def test_reactions_once_per_kind_and_withdrawable(setup):
    idea = setup.idea()
    assert reaction_set(actor=setup.members[1], idea=idea, kind="support") is True
    assert reaction_set(actor=setup.members[1], idea=idea, kind="support") is False
    assert reaction_set(actor=setup.members[1], idea=idea, kind="support", on=False) is True
    assert not Reaction.objects.exists()
    with pytest.raises(ValidationFailed):
        reaction_set(actor=setup.members[1], idea=idea, kind="love")


def test_merge_moves_everything_and_keeps_history(setup):
    target = setup.idea("Deelauto's")
    source = setup.idea("Auto's delen", actor=setup.members[1],
                        co_authors=[setup.members[2].person])
    other = setup.idea("Fietsen", actor=setup.members[2], builds_on=[source])
    comment_post(actor=setup.members[2], idea=source, body="Dubbel?")
    reaction_set(actor=setup.members[2], idea=source, kind="support")
    merge = idea_merge(actor=setup.fac, source=source, target=target)
    source.refresh_from_db()
    assert source.merged_into == target
    assert merge.comments_moved == 1
    assert Comment.objects.get().idea == target
    assert Reaction.objects.get().idea == target
    assert set(target.co_authors.all()) == {setup.members[1].person, setup.members[2].person}
    assert list(other.builds_on.all()) == [target]
    assert IdeaMerge.objects.filter(source=source, target=target).exists()
    activity = Activity.objects.get(verb="ideation.idea.merged")
    assert activity.payload == {"source": str(source.uuid), "comments": 1, "ballots": 0}
    with pytest.raises(Conflict):
        idea_merge(actor=setup.fac, source=source, target=other)


def test_merge_during_the_vote_moves_the_votes(make_setup):
    s = make_setup(method="dot", dots=5)
    target, source = s.idea("Deelauto's"), s.idea("Auto's delen")
    s.phase(Phase.VOTE)
    ballot_cast(actor=s.members[1], challenge=s.challenge,
                choices={str(source.uuid): 3, str(target.uuid): 1})
    merge = idea_merge(actor=s.fac, source=source, target=target)
    assert merge.ballots_moved == 1
    assert Ballot.objects.get().choices == {str(target.uuid): 4}


def test_only_facilitators_merge(setup):
    one, two = setup.idea("Een"), setup.idea("Twee")
    with pytest.raises(NotAllowed):
        idea_merge(actor=setup.members[0], source=one, target=two)
