"""The permission matrix: every kind of viewer × public and members-only, pages and API."""

import pytest

from zwerm.core.actor import Actor
from zwerm.ecosystems.tests.conftest import MANAGES, SEES_MEMBERS_ONLY, VIEWERS
from zwerm.ideation import permissions
from zwerm.ideation.models import Phase
from zwerm.ideation.services import challenge_create, challenge_phase_set, idea_submit
from zwerm.organisations.selectors import person_organisations

pytestmark = pytest.mark.django_db

#: Who takes part (ideas, comments): people of active members and observers, facilitators.
PARTICIPATES = {"active", "observer", "facilitator", "delegate", "org_admin"}
#: Who votes for their organisation: people of active members (not observers, not paused).
VOTES = {"active", "facilitator", "delegate", "org_admin"}


def sees(label, visibility):
    return visibility == "public" or label in SEES_MEMBERS_ONLY


@pytest.fixture
def matrix(world):
    def build(visibility):
        ecosystem, people, organisations = world(visibility)
        home = organisations["active"]
        facilitator = Actor(person=people["facilitator"], organisation=home)
        challenge = challenge_create(actor=facilitator, ecosystem=ecosystem,
                                     question="Hoe delen we restwarmte?", method="approval")
        idea = idea_submit(actor=facilitator, challenge=challenge, title="Warmtenet")
        return challenge, idea, people, facilitator

    return build


def org_of(person):
    return person_organisations(person=person).first() if person is not None else None


@pytest.mark.parametrize("visibility", ["public", "members"])
@pytest.mark.parametrize("label", VIEWERS)
def test_permission_functions(matrix, label, visibility):
    challenge, _idea, people, _f = matrix(visibility)
    person = people[label]
    assert permissions.can_view(person, challenge) is sees(label, visibility)
    assert permissions.can_participate(person, challenge) is (label in PARTICIPATES)
    assert permissions.can_manage(person, challenge) is (label in MANAGES)
    assert permissions.can_vote_for(org_of(person), challenge) is (label in VOTES)


@pytest.mark.parametrize("visibility", ["public", "members"])
@pytest.mark.parametrize("label", VIEWERS)
def test_pages(client, matrix, label, visibility):
    challenge, idea, people, _f = matrix(visibility)
    if people[label] is not None:
        client.force_login(people[label])
    expected = 200 if sees(label, visibility) else 404
    slug = challenge.slug
    for page in ("", "clusters/", "results/", "initiatives/", f"ideas/{idea.uuid}/"):
        assert client.get(f"/challenges/{slug}/{page}").status_code == expected, page
    listed = challenge.question.encode() in client.get("/challenges/").content
    assert listed is sees(label, visibility)
    response = client.get(f"/challenges/{slug}/edit/")
    if label == "anonymous":
        assert response.status_code == 302
    elif not sees(label, visibility):
        assert response.status_code == 404
    else:
        assert response.status_code == (200 if label in MANAGES else 403)
    response = client.get(f"/challenges/{slug}/ideas/new/")
    if label != "anonymous" and sees(label, visibility):
        assert response.status_code == (200 if label in PARTICIPATES else 403)


@pytest.mark.parametrize("visibility", ["public", "members"])
@pytest.mark.parametrize("label", VIEWERS)
def test_api(api, api_for, matrix, label, visibility):
    challenge, _idea, people, facilitator = matrix(visibility)
    person = people[label]
    client = api if person is None else api_for(person, org_of(person))
    visible = sees(label, visibility)
    base = f"challenges/{challenge.slug}"
    for path in ("", "/ideas", "/clusters", "/results", "/initiatives"):
        assert client.get(f"{base}{path}").status_code == (200 if visible else 404), path
    submitted = client.post(f"{base}/ideas", {"title": "Nog een idee"})
    if person is None:
        assert submitted.status_code == 401
    elif not visible:
        assert submitted.status_code == 404
    else:
        assert submitted.status_code == (201 if label in PARTICIPATES else 403), label
    patched = client.patch(base, {"context": "Nieuw"})
    if person is not None and visible:
        assert patched.status_code == (200 if label in MANAGES else 403)
    challenge_phase_set(actor=facilitator, challenge=challenge, phase=Phase.VOTE)
    idea_uuid = str(challenge.ideas.first().uuid)
    voted = client.put(f"{base}/ballot", {"choices": [idea_uuid]})
    if person is not None and visible:
        assert voted.status_code == (200 if label in VOTES else 403), label
