import pytest
from django.db import transaction

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.testing.fixtures import assert_error_format
from zwerm.ecosystems.models import Ecosystem
from zwerm.ecosystems.tests.factories import EcosystemFactory, MembershipFactory
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


def _record(person, organisation, ecosystem=None, verb="organisations.organisation.updated"):
    with transaction.atomic():
        return record(
            verb=verb,
            actor=Actor(person=person, organisation=organisation),
            subject=ecosystem or organisation,
            ecosystem=ecosystem,
        )


@pytest.fixture
def setting():
    organisation = OrganisationFactory(name="Bouwkring")
    public = EcosystemFactory(name="Open kring")
    closed = EcosystemFactory(name="Besloten kring", visibility=Ecosystem.Visibility.MEMBERS)
    MembershipFactory(ecosystem=closed, organisation=organisation)
    person = person_in(organisation, name="Mila Meer", name_visibility="organisation")
    return {"organisation": organisation, "public": public, "closed": closed, "person": person}


def test_activities_hide_members_only_ecosystems_from_outsiders(api, api_for, setting):
    _record(setting["person"], setting["organisation"], setting["public"])
    _record(setting["person"], setting["organisation"], setting["closed"])
    anonymous = api.get("activities").json()
    assert anonymous["count"] == 1
    assert anonymous["items"][0]["ecosystem_label"] == "Open kring"
    member = api_for(setting["person"], setting["organisation"]).get(
        "activities", {"verb": "organisations"}
    ).json()
    assert member["count"] == 2


def test_activity_names_follow_privacy(api, api_for, setting):
    _record(setting["person"], setting["organisation"], setting["public"])
    item = api.get("activities").json()["items"][0]
    assert item["actor_name"] == "someone from Bouwkring" and item["actor_uuid"] is None
    assert "Mila" not in str(item)
    own = api_for(setting["person"], setting["organisation"]).get("activities").json()
    assert own["items"][0]["actor_name"] == "Mila Meer"
    assert own["items"][0]["actor_uuid"] == str(setting["person"].uuid)


def test_activity_filters(api, setting):
    other = OrganisationFactory()
    first = _record(setting["person"], setting["organisation"], setting["public"])
    _record(setting["person"], other, verb="organisations.organisation.created")
    third = _record(setting["person"], setting["organisation"])
    assert api.get("activities", {"ecosystem": str(setting["public"].uuid)}).json()["count"] == 1
    by_org = api.get("activities", {"organisation": str(other.uuid)}).json()
    assert by_org["count"] == 1
    assert api.get("activities", {"verb": "organisations.organisation.c"}).json()["count"] == 1
    following = api.get("activities", {"after": first.seq}).json()
    assert [item["seq"] for item in following["items"]] == [first.seq + 1, third.seq]
    paged = api.get("activities", {"limit": 1, "offset": 1}).json()
    assert paged["count"] == 3 and len(paged["items"]) == 1


@pytest.mark.parametrize(
    "query",
    [
        {"ecosystem": "not-a-uuid"},
        {"organisation": "1"},
        {"after": "-1"},
        {"after": "x"},
        {"limit": "0"},
        {"limit": "1000"},
        {"offset": "-5"},
        {"verb": "Robert'); DROP TABLE"},
    ],
)
def test_activity_filters_refuse_bad_input(api, query):
    body = assert_error_format(api.get("activities", query), 422)
    assert body["code"] == "validation_error"


def test_activities_bounded_queries(api, setting, django_assert_max_num_queries):
    organisation = setting["organisation"]
    for count in (5, 50):
        for _ in range(count):
            _record(person_in(organisation, name_visibility="ecosystems"), organisation)
        with django_assert_max_num_queries(8):
            response = api.get("activities", {"limit": 100})
        assert response.status_code == 200


def test_activities_with_a_former_participant(api, setting):
    _record(setting["person"], setting["organisation"])
    setting["person"].delete()
    item = api.get("activities").json()["items"][0]
    assert item["actor_name"] == "a former participant" and item["actor_uuid"] is None
    assert item["sentence"].startswith("a former participant")


def test_anonymous_reads_are_allowed(api):
    response = api.get("activities")
    assert response.status_code == 200 and response.json() == {"items": [], "count": 0}


def test_documented(api):
    operation = api.get("/api/v1/openapi.json").json()["paths"]["/api/v1/activities"]["get"]
    assert operation["summary"] and operation["description"]
    assert {p["name"] for p in operation["parameters"]} >= {
        "ecosystem", "organisation", "verb", "after", "limit", "offset",
    }


def test_system_activities_read_zwerm(api):
    with transaction.atomic():
        record(verb="accounts.person.erased", actor=Actor.system(), subject=UserFactory())
    item = api.get("activities").json()["items"][0]
    assert item["actor_name"] == "Zwerm" and item["is_system"]
