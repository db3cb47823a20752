"""The decisions API: happy paths, the error format on bad input, and private 404s."""

from datetime import timedelta

import pytest
from django.utils import timezone

from zwerm.collaboration.models import Decision, Proposal
from zwerm.collaboration.tests.decisions.helpers import Eco
from zwerm.core.testing.fixtures import assert_error_format
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db

BASE = "/api/v1/collaboration"


def ahead(hours=48):
    return (timezone.now() + timedelta(hours=hours)).isoformat()


@pytest.fixture
def eco():
    return Eco(orgs=2)


def table(api_for, eco, **fields):
    client = api_for(eco.admins[0], eco.orgs[0])
    body = {"title": "Loods delen", "body": "Samen **huren**.", "deadline": ahead(), **fields}
    return client.post(f"{BASE}/ecosystems/{eco.ecosystem.slug}/proposals", body)


def test_table_read_respond_and_find_the_decision(api, api_for, eco):
    response = table(api_for, eco)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["version"] == 1 and body["state"] == "open"
    assert [v["responded"] for v in body["voters"]] == [False, False]
    uuid = body["uuid"]
    listing = api.get(f"{BASE}/ecosystems/{eco.ecosystem.slug}/proposals").json()
    assert listing["count"] == 1 and listing["items"][0]["awaiting_my_position"] is None
    mine = api_for(eco.delegates[1], eco.orgs[1]).get(
        f"{BASE}/ecosystems/{eco.ecosystem.slug}/proposals").json()
    assert mine["items"][0]["awaiting_my_position"] is True
    for index in (0, 1):
        given = api_for(eco.delegates[index], eco.orgs[index]).post(
            f"{BASE}/proposals/{uuid}/positions", {"stance": "consent"})
        assert given.status_code == 201, given.content
    assert given.json()["proposal_state"] == "closed"
    decision_uuid = given.json()["decision"]
    decisions = api.get(f"{BASE}/ecosystems/{eco.ecosystem.slug}/decisions",
                        {"q": "loods", "outcome": "adopted"}).json()
    assert decisions["count"] == 1 and decisions["items"][0]["number"] == 1
    one = api.get(f"{BASE}/decisions/{decision_uuid}").json()
    assert one["outcome"] == "adopted" and one["tally"]["counts"]["consent"] == 2
    positions = api.get(f"{BASE}/proposals/{uuid}/positions").json()
    assert positions["version"] == 1 and len(positions["items"]) == 2


def test_bad_input_gets_the_error_format(api_for, eco):
    body = assert_error_format(table(api_for, eco, deadline=ahead(0)), 422)
    assert "deadline" in body["fields"]
    body = assert_error_format(table(api_for, eco, kind="poll", options=["Een"]), 422)
    assert "options" in body["fields"]
    assert_error_format(table(api_for, eco, deadline="not a date"), 422)
    body = assert_error_format(table(api_for, eco, working_group=str(eco.orgs[0].uuid)), 422)
    assert "working_group" in body["fields"]
    assert not Proposal.objects.exists()
    uuid = table(api_for, eco).json()["uuid"]
    delegate = api_for(eco.delegates[1], eco.orgs[1])
    body = assert_error_format(delegate.post(f"{BASE}/proposals/{uuid}/positions",
                                             {"stance": "objection"}), 422)
    assert "reason" in body["fields"]
    assert_error_format(delegate.post(f"{BASE}/proposals/{uuid}/positions",
                                      {"stance": "yes"}), 422)
    colleague = person_in(eco.orgs[1])
    refused = assert_error_format(api_for(colleague, eco.orgs[1]).post(
        f"{BASE}/proposals/{uuid}/positions", {"stance": "consent"}), 403)
    assert refused["code"] == "not_voter" and str(eco.delegates[1]) in refused["message"]
    assert_error_format(delegate.post(f"{BASE}/proposals/{uuid}/amend", {
        "title": "x", "body": "y", "reason": "z", "deadline": ahead()}), 403)
    assert_error_format(delegate.post(f"{BASE}/proposals/{uuid}/withdraw", {}), 403)
    assert_error_format(delegate.get(f"{BASE}/proposals/not-a-uuid"), 422)
    assert_error_format(delegate.get(f"{BASE}/proposals/{eco.orgs[0].uuid}"), 404)


def test_amend_withdraw_and_statement(api_for, eco):
    uuid = table(api_for, eco).json()["uuid"]
    proposer = api_for(eco.admins[0], eco.orgs[0])
    api_for(eco.delegates[1], eco.orgs[1]).post(
        f"{BASE}/proposals/{uuid}/positions", {"stance": "objection", "reason": "Te duur"})
    amended = proposer.post(f"{BASE}/proposals/{uuid}/amend", {
        "title": "Kleinere loods", "body": "Half zo groot.", "reason": "Kosten",
        "deadline": ahead(24)})
    assert amended.status_code == 200, amended.content
    assert amended.json()["version"] == 2 and len(amended.json()["versions"]) == 2
    assert amended.json()["result"]["responded"] == 0
    assert_error_format(proposer.post(f"{BASE}/proposals/{uuid}/amend", {
        "title": "x", "body": "y", "reason": "", "deadline": ahead()}), 422)
    withdrawn = proposer.post(f"{BASE}/proposals/{uuid}/withdraw", {"reason": "Dubbel"})
    assert withdrawn.json()["state"] == "withdrawn"
    assert_error_format(proposer.post(f"{BASE}/proposals/{uuid}/withdraw", {}), 409)

    other = table(api_for, eco).json()["uuid"]
    for index in (0, 1):
        api_for(eco.delegates[index], eco.orgs[index]).post(
            f"{BASE}/proposals/{other}/positions", {"stance": "consent"})
    decision = Decision.objects.get()
    url = f"{BASE}/decisions/{decision.uuid}"
    assert_error_format(api_for(eco.delegates[1], eco.orgs[1]).patch(
        url, {"statement": "Nee"}), 403)
    assert_error_format(proposer.patch(url, {"statement": "  "}), 422)
    updated = proposer.patch(url, {"statement": "Aangenomen; Bouwkring tekent."})
    assert updated.json()["statement"] == "Aangenomen; Bouwkring tekent."


def test_settings_endpoints(api, api_for, eco):
    path = f"{BASE}/ecosystems/{eco.ecosystem.slug}/collaboration-settings"
    assert api.get(path).json()["decision_mode"] == "organisation"
    facilitator = api_for(eco.facilitator, eco.orgs[0])
    saved = facilitator.put(path, {"unit_of_account": "euro", "decision_mode": "person",
                                   "quorum_percent": 60})
    assert saved.json() == {"ecosystem": eco.ecosystem.slug, "unit_of_account": "euro",
                            "decision_mode": "person", "quorum_percent": 60}
    for bad, field in [({"decision_mode": "dictator"}, "decision_mode"),
                       ({"decision_mode": "person", "quorum_percent": 0}, "quorum_percent"),
                       ({"decision_mode": "person", "quorum_percent": 101}, "quorum_percent"),
                       ({"decision_mode": "person", "unit_of_account": "x" * 41},
                        "unit_of_account")]:
        assert field in assert_error_format(facilitator.put(path, bad), 422)["fields"]
    assert_error_format(api_for(eco.delegates[1], eco.orgs[1]).put(
        path, {"decision_mode": "person"}), 403)
    assert_error_format(api.put(path, {"decision_mode": "person"}), 401)


def test_members_only_ecosystems_are_404_for_outsiders(api, api_for):
    eco = Eco(orgs=2, visibility="members")
    uuid = table(api_for, eco).json()["uuid"]
    for index in (0, 1):
        api_for(eco.delegates[index], eco.orgs[index]).post(
            f"{BASE}/proposals/{uuid}/positions", {"stance": "consent"})
    decision = Decision.objects.get()
    outsider_org = OrganisationFactory()
    outsider = api_for(person_in(outsider_org), outsider_org)
    slug = eco.ecosystem.slug
    for client in (api, outsider):
        for path in [f"ecosystems/{slug}/proposals", f"proposals/{uuid}",
                     f"proposals/{uuid}/positions", f"ecosystems/{slug}/decisions",
                     f"decisions/{decision.uuid}", f"ecosystems/{slug}/collaboration-settings"]:
            assert_error_format(client.get(f"{BASE}/{path}"), 404)
    assert_error_format(outsider.post(f"{BASE}/ecosystems/{slug}/proposals", {
        "title": "x", "body": "y", "deadline": ahead()}), 404)
    assert_error_format(outsider.post(f"{BASE}/proposals/{uuid}/positions",
                                      {"stance": "consent"}), 404)
    assert_error_format(outsider.patch(f"{BASE}/decisions/{decision.uuid}",
                                       {"statement": "x"}), 404)
