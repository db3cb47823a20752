"""Every endpoint of the ideation API, with a good call and a refused one."""

import pytest

from zwerm.core.testing.fixtures import assert_error_format
from zwerm.ideation.models import Phase
from zwerm.ideation.services import comment_post
from zwerm.ideation.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def s(make_setup):
    return make_setup(method="dot", dots=3, commitment_threshold=2)


def client_of(api_for, actor):
    return api_for(actor.person, actor.organisation)


def base(s):
    return f"challenges/{s.challenge.slug}"


def test_list_and_filters(api, s):
    body = api.get("challenges").json()
    assert body["count"] == 1 and body["items"][0]["slug"] == s.challenge.slug
    assert api.get("challenges", {"phase": "vote"}).json()["count"] == 0
    assert api.get("challenges", {"q": "bouwafval"}).json()["count"] == 1
    assert api.get("challenges", {"ecosystem": s.ecosystem.slug}).json()["count"] == 1
    assert_error_format(api.get("challenges", {"ecosystem": "nope"}), 422)
    assert_error_format(api.get("challenges", {"limit": 500}), 422)


def test_create_challenge(api, api_for, s):
    client = client_of(api_for, s.members[0])
    response = client.post("challenges", {"question": "Wat delen we?",
                                          "ecosystem": s.ecosystem.slug, "method": "ranked"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["method"], body["weighting"], body["phase"]) == ("ranked", "organisation",
                                                                  "collect")
    assert_error_format(client.post("challenges", {"question": " "}), 422)
    assert_error_format(api.post("challenges", {"question": "Anoniem?"}), 401)
    outsider = OrganisationFactory()
    response = api_for(person_in(outsider), outsider).post(
        "challenges", {"question": "Mag ik?", "ecosystem": s.ecosystem.slug})
    assert_error_format(response, 403)


def test_detail_update_and_phase(api, api_for, s):
    assert api.get(base(s)).json()["question"] == s.challenge.question
    assert_error_format(api.get("challenges/bestaat-niet"), 404)
    fac = client_of(api_for, s.fac)
    assert fac.patch(base(s), {"context": "Meer *uitleg*"}).json()["context"] == "Meer *uitleg*"
    assert_error_format(client_of(api_for, s.members[0]).patch(base(s), {"context": "x"}), 403)
    assert fac.post(f"{base(s)}/phase", {"phase": "refine"}).json()["phase"] == "refine"
    assert fac.post(f"{base(s)}/phase", {"phase": None}).json()["phase"] == "collect"
    assert_error_format(fac.post(f"{base(s)}/phase", {"phase": "dance"}), 422)


def test_ideas_endpoints(api, api_for, s):
    member = client_of(api_for, s.members[0])
    response = member.post(f"{base(s)}/ideas", {"title": "Deelauto's", "tags": ["mobiliteit"],
                                                "co_authors": [str(s.members[1].person.uuid)]})
    assert response.status_code == 201, response.content
    idea = response.json()
    assert idea["number"] == 1 and idea["co_authors"][0]["uuid"] == str(s.members[1].person.uuid)
    second = member.post(f"{base(s)}/ideas", {"title": "Meer deelauto's",
                                              "builds_on": [idea["uuid"]]}).json()
    listed = api.get(f"{base(s)}/ideas", {"tag": "mobiliteit"}).json()
    assert listed["count"] == 1
    detail = api.get(f"{base(s)}/ideas/{second['uuid']}").json()
    assert detail["builds_on"] == [idea["uuid"]]
    assert_error_format(member.post(f"{base(s)}/ideas", {"title": ""}), 422)
    assert_error_format(member.post(f"{base(s)}/ideas", {"title": "x", "builds_on": [
        "00000000-0000-0000-0000-000000000000"]}), 422)
    assert_error_format(api.get(f"{base(s)}/ideas/00000000-0000-0000-0000-000000000000"), 404)
    patched = member.patch(f"{base(s)}/ideas/{idea['uuid']}", {"title": "Deelauto's!"})
    assert patched.json()["title"] == "Deelauto's!"
    other = client_of(api_for, s.members[2])
    assert_error_format(other.patch(f"{base(s)}/ideas/{idea['uuid']}", {"title": "Nee"}), 403)


def test_comments_reactions_follow_links(api, api_for, s):
    one, two = s.idea("Een"), s.idea("Twee")
    other = client_of(api_for, s.members[1])
    url = f"{base(s)}/ideas/{one.uuid}"
    comment = other.post(f"{url}/comments", {"body": "Goed idee"}).json()
    reply = other.post(f"{url}/comments", {"body": "Echt", "parent": comment["uuid"]})
    assert reply.status_code == 201
    assert api.get(url).json()["comments"][0]["replies"][0]["body"] == "Echt"
    assert_error_format(other.post(f"{url}/comments", {"body": "x", "parent": str(two.uuid)}),
                        422)
    assert other.post(f"{url}/reactions", {"kind": "support"}).json()["support"] == 1
    assert_error_format(other.post(f"{url}/reactions", {"kind": "love"}), 422)
    assert other.post(f"{url}/follow", {"follow": False}).json() == {"following": False}
    assert_error_format(api.post(f"{url}/follow", {"follow": True}), 401)
    linked = other.post(f"{url}/builds-on", {"target": str(two.uuid)})
    assert linked.status_code == 201
    assert_error_format(other.post(f"{url}/builds-on", {"target": str(one.uuid)}), 422)


def test_merge_and_cluster_endpoints(api, api_for, s):
    one, two = s.idea("Deelauto's"), s.idea("Auto's delen")
    comment_post(actor=s.members[1], idea=two, body="Dubbel")
    fac, member = client_of(api_for, s.fac), client_of(api_for, s.members[0])
    assert_error_format(member.post(f"{base(s)}/ideas/{two.uuid}/merge",
                                    {"target": str(one.uuid)}), 403)
    merged = fac.post(f"{base(s)}/ideas/{two.uuid}/merge", {"target": str(one.uuid)})
    assert merged.json()["comment_count"] == 1
    assert api.get(f"{base(s)}/ideas/{one.uuid}").json()["merged_from"][0]["source"] == str(
        two.uuid)
    cluster = fac.post(f"{base(s)}/clusters", {"name": "Mobiliteit", "ideas": [str(one.uuid)]})
    assert cluster.status_code == 201 and cluster.json()["origin"] == "manual"
    assert_error_format(member.post(f"{base(s)}/clusters", {"name": "Nee"}), 403)
    listed = api.get(f"{base(s)}/clusters").json()
    assert listed["items"][0]["ideas"] == [str(one.uuid)]
    cluster_uuid = cluster.json()["uuid"]
    renamed = fac.patch(f"{base(s)}/clusters/{cluster_uuid}", {"name": "Deelmobiliteit"})
    assert renamed.json()["name"] == "Deelmobiliteit"
    moved = fac.post(f"{base(s)}/ideas/{one.uuid}/cluster", {"cluster": None})
    assert moved.json()["cluster"] is None
    assert_error_format(fac.post(f"{base(s)}/ideas/{one.uuid}/cluster", {
        "cluster": "00000000-0000-0000-0000-000000000000"}), 422)
    assert fac.post(f"{base(s)}/clusters/propose").json()["count"] == 0
    assert_error_format(fac.post(f"{base(s)}/clusters/{cluster_uuid}/accept"), 409)
    assert_error_format(fac.post(f"{base(s)}/clusters/{cluster_uuid}/reject"), 409)


def test_propose_accept_reject_endpoints(api_for, s):
    for title in ("Restwarmte naar de wijk", "Restwarmte uit de fabriek", "Deelauto delen",
                  "Deelauto laden"):
        s.idea(title)
    fac = client_of(api_for, s.fac)
    proposed = fac.post(f"{base(s)}/clusters/propose").json()["items"]
    assert len(proposed) == 2 and proposed[0]["origin"] == "proposed"
    accepted = fac.post(f"{base(s)}/clusters/{proposed[0]['uuid']}/accept").json()
    assert accepted["state"] == "accepted" and len(accepted["ideas"]) == 2
    rejected = fac.post(f"{base(s)}/clusters/{proposed[1]['uuid']}/reject").json()
    assert rejected["state"] == "rejected"


def test_ballot_results_and_export(api, api_for, s):
    ideas = [str(s.idea(t).uuid) for t in ("Een", "Twee")]
    member = client_of(api_for, s.members[0])
    assert_error_format(member.put(f"{base(s)}/ballot", {"choices": {ideas[0]: 1}}), 409)
    s.phase(Phase.VOTE)
    cast = member.put(f"{base(s)}/ballot", {"choices": {ideas[0]: 2, ideas[1]: 1}})
    assert cast.status_code == 200 and len(cast.json()["receipt"]) == 32
    assert member.get(f"{base(s)}/ballot").json() == {
        "choices": {ideas[0]: 2, ideas[1]: 1}, "receipt": None}
    assert_error_format(client_of(api_for, s.members[1]).get(f"{base(s)}/ballot"), 404)
    assert_error_format(member.put(f"{base(s)}/ballot", {"choices": {ideas[0]: 9}}), 422)
    assert api.get(f"{base(s)}/results").json()["closed"] is False
    assert_error_format(api.get(f"{base(s)}/ballots"), 404)
    s.phase(Phase.SELECT)
    result = api.get(f"{base(s)}/results").json()
    assert result["closed"] and result["result"]["winner"] == ideas[0]
    exported = api.get(f"{base(s)}/ballots").json()
    assert exported["format"] == "zwerm-ballots/1" and len(exported["ballots"]) == 1


def test_initiative_endpoints(api, api_for, s):
    idea = s.idea("Deelauto's")
    fac = client_of(api_for, s.fac)
    assert_error_format(fac.post(f"{base(s)}/initiatives", {"idea": str(idea.uuid)}), 409)
    s.phase(Phase.SELECT)
    made = fac.post(f"{base(s)}/initiatives", {"idea": str(idea.uuid)})
    assert made.status_code == 201 and made.json()["threshold"] == 2
    url = f"{base(s)}/initiatives/{made.json()['uuid']}/commitments"
    first = client_of(api_for, s.members[0]).post(url, {"text": "Twee auto's"})
    assert first.status_code == 201 and first.json()["committed"] == 1
    assert_error_format(client_of(api_for, s.members[0]).post(url, {"text": "Nog"}), 409)
    withdrawn = client_of(api_for, s.members[0]).delete(url)
    assert withdrawn.json()["committed"] == 0
    client_of(api_for, s.members[0]).post(url, {"text": "Twee auto's"})
    started = client_of(api_for, s.members[1]).post(url, {"text": "Een laadplein"}).json()
    assert started["started"] is True
    assert api.get(f"{base(s)}/initiatives").json()["items"][0]["committed"] == 2
    assert_error_format(api.post(url, {"text": "Anoniem"}), 401)




def test_add_facilitator(api_for, s):
    fac = client_of(api_for, s.fac)
    response = fac.post(f"{base(s)}/facilitators", {"person": str(s.members[2].person.uuid)})
    assert response.status_code == 200
    assert {row["uuid"] for row in response.json()} == {
        str(s.facilitator.uuid), str(s.members[2].person.uuid)}
    outsider = person_in(OrganisationFactory())
    assert_error_format(fac.post(f"{base(s)}/facilitators", {"person": str(outsider.uuid)}),
                        422)
    assert_error_format(client_of(api_for, s.members[0]).post(
        f"{base(s)}/facilitators", {"person": str(s.members[1].person.uuid)}), 403)
