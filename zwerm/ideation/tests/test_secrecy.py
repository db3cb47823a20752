"""A secret ballot cannot be linked to its voter: not in pages, the API, exports or the log.

Three people of three organisations vote with distinct ballots. Everyone who could look —
the facilitator, an operator, the voter's colleague — then reads every page, endpoint and
export that touches the vote. No response may hold anything that ties a ballot (its random
id or its content) to a voter (their uuid, name or organisation).
"""

import json

import pytest

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.models import Activity
from zwerm.ideation.models import Ballot, Phase
from zwerm.ideation.services import ballot_cast

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_secret_vote(make_setup):
    s = make_setup(method="ranked", secret=True)
    ideas = [str(s.idea(title).uuid) for title in ("Deelauto's", "Restwarmte", "Zonnedaken")]
    s.phase(Phase.VOTE)
    rankings = [ideas, list(reversed(ideas)), [ideas[1], ideas[0]]]
    for member, ranking in zip(s.members, rankings, strict=True):
        ballot_cast(actor=member, challenge=s.challenge, choices=ranking)
    s.phase(Phase.SELECT)
    return s


def identities(s):
    found = []
    for member in s.members:
        person, organisation = member.person, member.organisation
        found += [str(person.uuid), person.name, person.email, str(organisation.uuid),
                  organisation.name, organisation.slug]
    return [value for value in found if value]


@pytest.mark.usefixtures("closed_secret_vote")
def test_secret_ballots_are_stored_and_logged_without_their_voter():
    assert not Ballot.objects.filter(person__isnull=False).exists()
    ballot_ids = {str(b.public_id) for b in Ballot.objects.all()}
    for activity in Activity.objects.filter(verb__startswith="ideation.ballot."):
        assert activity.actor_id is None and activity.organisation_uuid is None
        assert set(activity.payload) == {"digest", "secret"}
        assert not ballot_ids & set(json.dumps(activity.payload).split('"'))


def test_export_holds_only_random_ids_pseudonyms_and_choices(closed_secret_vote, client):
    s = closed_secret_vote
    body = client.get(f"/challenges/{s.challenge.slug}/results/ballots.json").content.decode()
    exported = json.loads(body)
    assert {tuple(sorted(b)) for b in exported["ballots"]} == {("choices", "group", "id")}
    assert all(b["group"].startswith("org-") for b in exported["ballots"])
    ids = [b["id"] for b in exported["ballots"]]
    assert ids == sorted(ids), "ballots are ordered by their random id, not by time"
    for value in identities(s):
        assert value not in body


@pytest.mark.parametrize("viewer", ["facilitator", "operator", "colleague"])
def test_no_page_or_endpoint_links_a_ballot_to_its_voter(closed_secret_vote, client,
                                                         api_for, viewer):
    s = closed_secret_vote
    person = {
        "facilitator": s.facilitator, "operator": UserFactory(is_staff=True),
        "colleague": s.members[1].person,
    }[viewer]
    client.force_login(person)
    slug = s.challenge.slug
    pages = [f"/challenges/{slug}/", f"/challenges/{slug}/results/",
             f"/challenges/{slug}/vote/", f"/challenges/{slug}/results/ballots.json",
             f"/ecosystems/{s.ecosystem.slug}/activity/", "/dashboard/"]
    api = api_for(person)
    endpoints = [f"challenges/{slug}/results", f"challenges/{slug}/ballots",
                 f"challenges/{slug}", "activities?limit=100"]
    ballots = list(Ballot.objects.all())
    for ballot in ballots:
        choices = json.dumps(ballot.choices)
        for path in pages:
            text = client.get(path).content.decode()
            if str(ballot.public_id) in text or choices in text:
                for value in identities(s):
                    assert value not in text, (path, value)
        for path in endpoints:
            response = api.get(path)
            assert response.status_code == 200, path
            text = response.content.decode()
            if path.startswith("activities"):
                for row in response.json()["items"]:
                    if row["verb"].startswith("ideation.ballot."):
                        assert row["actor_uuid"] is None and row["organisation_uuid"] is None
            elif str(ballot.public_id) in text or choices in text:
                for value in identities(s):
                    assert value not in text, (path, value)


def test_open_votes_show_who_voted_how(make_setup, client):
    s = make_setup(method="approval", secret=False)
    idea = s.idea("Deelauto's")
    s.phase(Phase.VOTE)
    ballot_cast(actor=s.members[0], challenge=s.challenge, choices=[str(idea.uuid)])
    cast = Activity.objects.get(verb="ideation.ballot.cast")
    assert cast.actor == s.members[0].person
    s.phase(Phase.SELECT)
    client.force_login(s.facilitator)
    page = client.get(f"/challenges/{s.challenge.slug}/results/").content.decode()
    assert s.members[0].organisation.name in page
    assert "Deelauto&#x27;s" in page or "Deelauto's" in page
