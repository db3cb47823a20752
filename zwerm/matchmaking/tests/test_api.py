"""Every endpoint of the matchmaking API, good and bad."""

import pytest

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.testing.fixtures import assert_error_format
from zwerm.ecosystems.models import Ecosystem
from zwerm.ecosystems.tests.factories import EcosystemFactory, MembershipFactory, RoleFactory
from zwerm.matchmaking.models import Connection, Dismissal, Introduction
from zwerm.matchmaking.tests.factories import IntroductionFactory, connect, organisation_with
from zwerm.organisations.tests.factories import OrganisationFactory, admin_of, person_in

pytestmark = pytest.mark.django_db
BASE = "matchmaking"


@pytest.fixture
def pair(indexed):
    """A municipality that seeks what a company offers, both indexed."""
    seeker = organisation_with("government", seeks=["Koppeling met overheidsdata"])
    offerer = organisation_with("company", offers=["Integration of government data via APIs"])
    indexed()
    return seeker, offerer


def test_suggestions_for_my_organisation(api_for, pair):
    seeker, offerer = pair
    response = api_for(person_in(seeker), seeker).get(f"{BASE}/suggestions")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    [item] = body["items"]
    assert item["organisation"]["slug"] == offerer.slug
    assert item["score"] == sum(reason["points"] for reason in item["reasons"])
    assert item["reasons"][0]["kind"] == "offer_answers_need"
    assert "Koppeling met overheidsdata" in item["reasons"][0]["text"]


def test_suggestions_among_some_organisations(api_for, pair):
    seeker, offerer = pair
    client = api_for(person_in(seeker), seeker)
    other = OrganisationFactory()
    assert client.get(f"{BASE}/suggestions", {"among": other.slug}).json()["count"] == 0
    assert client.get(f"{BASE}/suggestions", {"among": offerer.slug}).json()["count"] == 1


def test_suggestions_need_an_organisation(api, api_for, pair):
    assert_error_format(api.get(f"{BASE}/suggestions"), 403)
    seeker, _offerer = pair
    assert_error_format(api_for(UserFactory()).get(f"{BASE}/suggestions"), 403)
    assert_error_format(api_for(person_in(seeker), seeker).get(
        f"{BASE}/suggestions", {"limit": 0}), 422)


def test_dismiss_and_restore(api_for, pair):
    seeker, offerer = pair
    client = api_for(person_in(seeker), seeker)
    assert client.post(f"{BASE}/suggestions/{offerer.slug}/dismiss").status_code == 204
    assert Dismissal.objects.filter(organisation=seeker, dismissed=offerer).exists()
    assert client.get(f"{BASE}/suggestions").json()["count"] == 0
    assert client.delete(f"{BASE}/suggestions/{offerer.uuid}/dismiss").status_code == 204
    assert client.get(f"{BASE}/suggestions").json()["count"] == 1
    assert_error_format(client.delete(f"{BASE}/suggestions/{offerer.slug}/dismiss"), 404)
    assert_error_format(client.post(f"{BASE}/suggestions/nobody/dismiss"), 404)
    assert_error_format(client.post(f"{BASE}/suggestions/{seeker.slug}/dismiss"), 422)


def test_dismiss_needs_a_token(api, pair):
    _seeker, offerer = pair
    assert api.post(f"{BASE}/suggestions/{offerer.slug}/dismiss").status_code == 401


def test_request_list_and_accept_an_introduction(api_for, pair):
    seeker, offerer = pair
    asking = api_for(person_in(seeker), seeker)
    response = asking.post(f"{BASE}/introductions",
                           {"organisation": offerer.slug, "message": "Zullen we praten?"})
    assert response.status_code == 201, response.content
    key = response.json()["uuid"]
    assert response.json()["state"] == "pending"
    outgoing = asking.get(f"{BASE}/introductions", {"direction": "outgoing"}).json()
    assert [item["uuid"] for item in outgoing["items"]] == [key]
    assert asking.get(f"{BASE}/introductions").json()["count"] == 0

    answering = api_for(admin_of(offerer), offerer)
    incoming = answering.get(f"{BASE}/introductions", {"state": "pending"}).json()
    assert [item["uuid"] for item in incoming["items"]] == [key]
    assert answering.get(f"{BASE}/introductions/{key}").json()["message"] == "Zullen we praten?"
    accepted = answering.post(f"{BASE}/introductions/{key}/accept", {"reply": "Graag"})
    assert accepted.status_code == 200
    assert accepted.json()["state"] == "accepted" and accepted.json()["reply"] == "Graag"
    connections = asking.get(f"{BASE}/connections").json()
    assert connections["count"] == 1
    assert connections["items"][0]["organisation"]["slug"] == offerer.slug
    assert connections["items"][0]["introduction"] == key
    assert_error_format(answering.post(f"{BASE}/introductions/{key}/accept", {}), 409)


def test_introduction_errors(api, api_for, pair):
    seeker, offerer = pair
    asking = api_for(person_in(seeker), seeker)
    assert api.post(f"{BASE}/introductions", {"organisation": offerer.slug,
                                              "message": "Hoi"}).status_code == 401
    body = assert_error_format(asking.post(f"{BASE}/introductions",
                                           {"organisation": offerer.slug, "message": " "}), 422)
    assert "message" in body["fields"]
    assert_error_format(asking.post(f"{BASE}/introductions",
                                    {"organisation": "nobody", "message": "Hoi"}), 404)
    assert_error_format(asking.post(f"{BASE}/introductions", {"message": "Hoi"}), 422)
    connect(seeker, offerer)
    assert_error_format(asking.post(f"{BASE}/introductions",
                                    {"organisation": offerer.slug, "message": "Hoi"}), 409)
    assert_error_format(api.get(f"{BASE}/introductions"), 403)
    assert_error_format(api.get(f"{BASE}/connections"), 403)


def test_decline_and_who_may_answer(api_for):
    introduction = IntroductionFactory()
    key = introduction.uuid
    requester_side = api_for(admin_of(introduction.requester), introduction.requester)
    assert_error_format(requester_side.post(f"{BASE}/introductions/{key}/decline", {}), 403)
    member = api_for(person_in(introduction.recipient), introduction.recipient)
    assert_error_format(member.post(f"{BASE}/introductions/{key}/decline", {}), 403)
    outsider = api_for(admin_of(OrganisationFactory()))
    assert_error_format(outsider.get(f"{BASE}/introductions/{key}"), 404)
    assert_error_format(outsider.post(f"{BASE}/introductions/{key}/accept", {}), 404)
    admin = api_for(admin_of(introduction.recipient), introduction.recipient)
    body = assert_error_format(
        admin.post(f"{BASE}/introductions/{key}/decline", {"reply": "x" * 2001}), 422)
    assert body["fields"]
    response = admin.post(f"{BASE}/introductions/{key}/decline", {"reply": "Nu niet"})
    assert response.json()["state"] == "declined"
    assert Introduction.objects.get().state == "declined" and not Connection.objects.exists()
    assert_error_format(admin.get(f"{BASE}/introductions/not-a-uuid"), 422)


def test_ecosystem_candidates_for_facilitators_only(api, api_for, indexed):
    ecosystem = EcosystemFactory(visibility=Ecosystem.Visibility.MEMBERS)
    member = organisation_with("company", seeks=["Vergunningen voor graafwerk"])
    MembershipFactory(ecosystem=ecosystem, organisation=member)
    candidate = organisation_with("government", offers=["Permits for digging"])
    indexed()
    facilitator = person_in(member)
    RoleFactory(ecosystem=ecosystem, organisation=member, person=facilitator)
    url = f"{BASE}/ecosystems/{ecosystem.slug}/candidates"
    body = api_for(facilitator, member).get(url).json()
    assert [item["organisation"]["slug"] for item in body["items"]] == [candidate.slug]
    assert body["items"][0]["reasons"][0]["kind"] == "offer_answers_need"
    assert api_for(facilitator, member).get(
        f"{BASE}/ecosystems/{ecosystem.uuid}/candidates").status_code == 200
    assert_error_format(api_for(person_in(member), member).get(url), 403)
    assert_error_format(api.get(url), 404)  # members-only: hidden from outsiders
    assert_error_format(api_for(person_in(candidate), candidate).get(url), 404)


@pytest.mark.parametrize("count", [5, 50])
def test_list_endpoints_queries_do_not_grow(api_for, indexed, count,
                                            django_assert_max_num_queries):
    own = organisation_with("government", seeks=["glasvezel aanleg"])
    for _ in range(count):
        organisation_with("company", offers=["Aanleg van glasvezel"])
        IntroductionFactory(recipient=own)
        connect(own, OrganisationFactory())
    indexed()
    client = api_for(admin_of(own), own)
    client.get(f"{BASE}/suggestions")  # loads the index into this process
    with django_assert_max_num_queries(14):
        body = client.get(f"{BASE}/suggestions", {"limit": 100}).json()
    assert body["count"] == count
    with django_assert_max_num_queries(8):
        body = client.get(f"{BASE}/introductions", {"limit": 100}).json()
    assert body["count"] == count and len(body["items"]) == count
    with django_assert_max_num_queries(8):
        body = client.get(f"{BASE}/connections", {"limit": 100}).json()
    assert body["count"] == count and len(body["items"]) == count
