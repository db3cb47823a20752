import pytest

from zwerm.accounts import services
from zwerm.accounts.models import PersonalAccessToken, User
from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.actor import Actor
from zwerm.core.testing.fixtures import JsonClient, assert_error_format
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def person(organisation):
    return person_in(organisation, name="Tamara Token", email="tamara@example.org")


def test_me_answers_with_the_token_person_and_organisation(api_for, person, organisation):
    body = api_for(person, organisation).get("me").json()
    assert body["email"] == "tamara@example.org"
    assert body["acting_for"]["uuid"] == str(organisation.uuid)
    assert [org["slug"] for org in body["organisations"]] == [organisation.slug]


def test_me_needs_authentication(api):
    body = assert_error_format(api.get("me"), 401)
    assert body["code"] == "unauthenticated"


def test_patch_me_changes_the_profile(api_for, person, organisation):
    response = api_for(person, organisation).patch(
        "me", {"name": "Tamara T.", "name_visibility": "everyone"}
    )
    assert response.status_code == 200, response.content
    person.refresh_from_db()
    assert (person.name, person.name_visibility, person.language) == (
        "Tamara T.", "everyone", "nl",
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"time_zone": "Nowhere/Land"}, "time_zone"),
        ({"language": "xx"}, "language"),
        ({"name": ""}, "name"),
        ({"name": 5}, "name"),
        ({"name_visibility": "nobody"}, "name_visibility"),
    ],
)
def test_patch_me_refuses_bad_input_in_the_error_format(api_for, person, body, field):
    body = assert_error_format(api_for(person).patch("me", body), 422)
    assert field in body["fields"]


def test_patch_me_with_broken_json_is_a_4xx(client, api_for, person):
    client_api = api_for(person)
    response = client.patch(
        "/api/v1/me", "{not json", content_type="application/json", **client_api.headers
    )
    assert 400 <= response.status_code < 500


def test_tokens_list_create_and_revoke(api_for, person, organisation):
    client = api_for(person, organisation)
    created = client.post("me/tokens", {"name": "CI", "organisation": str(organisation.uuid)})
    assert created.status_code == 201, created.content
    raw = created.json()["token"]
    assert raw.startswith("zwt_")
    listed = client.get("me/tokens").json()
    assert listed["count"] == 2  # the client's own token and the new one
    assert all("token" not in item and "token_hash" not in item for item in listed["items"])
    new = JsonClient(client.client, token=raw)
    assert new.get("me").json()["acting_for"]["uuid"] == str(organisation.uuid)
    revoked = client.post(f"me/tokens/{created.json()['uuid']}/revoke")
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    assert_error_format(new.get("me"), 401)
    assert_error_format(client.post(f"me/tokens/{created.json()['uuid']}/revoke"), 409)


def test_token_create_bad_input(api_for, person):
    client = api_for(person)
    assert "name" in assert_error_format(client.post("me/tokens", {"name": " "}), 422)["fields"]
    assert_error_format(client.post("me/tokens", {"name": "x", "organisation": "nope"}), 422)
    foreign = OrganisationFactory()
    body = assert_error_format(
        client.post("me/tokens", {"name": "x", "organisation": str(foreign.uuid)}), 422
    )
    assert "organisation" in body["fields"]
    assert_error_format(client.post("me/tokens", {}), 422)


def test_revoking_another_persons_token_is_not_found(api_for, person):
    other = UserFactory()
    token, _raw = services.token_create(actor=Actor(person=other), name="theirs")
    assert_error_format(api_for(person).post(f"me/tokens/{token.uuid}/revoke"), 404)
    assert_error_format(api_for(person).post("me/tokens/not-a-uuid/revoke"), 422)
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_token_of_an_organisation_the_person_left_is_refused(api_for, person, organisation):
    from django.utils import timezone

    client = api_for(person, organisation)
    person.organisation_memberships.update(left_at=timezone.now())
    assert_error_format(client.get("me"), 401)


def test_an_unknown_token_is_refused(api):
    assert_error_format(api.get("me", HTTP_AUTHORIZATION="Bearer zwt_nonsense"), 401)


def test_session_writes_need_the_csrf_token(person):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(person)
    response = browser.patch("/api/v1/me", '{"name": "X"}', content_type="application/json")
    body = assert_error_format(response, 403)
    assert body["code"] == "csrf_failed"
    browser.get("/me/")
    token = browser.cookies["csrftoken"].value
    response = browser.patch(
        "/api/v1/me", '{"name": "With Csrf"}', content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 200, response.content
    assert browser.get("/api/v1/me").json()["name"] == "With Csrf"


def test_export_holds_the_accounts_section_without_token_hashes(api_for, person, organisation):
    client = api_for(person, organisation)
    services.profile_update(actor=Actor(person=person), name="Tamara Export")
    body = client.get("me/export").json()
    section = body["sections"]["accounts"]
    assert body["person"] == str(person.uuid)
    assert section["profile"]["email"] == "tamara@example.org"
    assert section["email_addresses"] == [
        {"email": "tamara@example.org", "verified": True, "primary": True}
    ]
    assert len(section["tokens"]) == 1 and "token_hash" not in section["tokens"][0]
    token_hash = PersonalAccessToken.objects.get(person=person).token_hash
    assert token_hash not in str(body)
    assert [a["verb"] for a in section["activities"]] == [
        "accounts.token.created", "accounts.profile.updated",
    ]


def test_export_needs_authentication(api):
    assert_error_format(api.get("me/export"), 401)


def test_erase_through_the_api(api_for, person):
    client = api_for(person)
    assert "password" in assert_error_format(
        client.post("me/erase", {"password": "wrong"}), 422
    )["fields"]
    assert_error_format(client.post("me/erase", {}), 422)
    response = client.post("me/erase", {"password": "correct horse battery"})
    assert response.status_code == 204
    assert not User.objects.filter(pk=person.pk).exists()
    assert_error_format(client.get("me"), 401)


def test_erase_refused_by_another_app_is_a_conflict(api_for, person, monkeypatch):
    from zwerm.core import privacy

    monkeypatch.setattr(privacy, "_erasure_checks", [lambda p: ["Appoint a new facilitator."]])
    body = assert_error_format(
        api_for(person).post("me/erase", {"password": "correct horse battery"}), 409
    )
    assert body["code"] == "erasure_blocked"
    assert body["fields"]["__all__"] == ["Appoint a new facilitator."]


def test_errors_speak_the_requests_language(api_for, person):
    body = assert_error_format(
        api_for(person, language="nl").patch("me", {"language": "xx"}), 422
    )
    assert body["fields"]["language"] == ["Kies Nederlands of Engels."]


def test_openapi_documents_the_endpoints(api):
    paths = api.get("/api/v1/openapi.json").json()["paths"]
    for path in ["/api/v1/me", "/api/v1/me/tokens", "/api/v1/me/export", "/api/v1/me/erase"]:
        operations = paths[path]
        assert all(op.get("summary") and op.get("description") for op in operations.values())
