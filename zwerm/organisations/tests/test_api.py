import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.testing.fixtures import assert_error_format
from zwerm.organisations.models import OrganisationInvitation, OrganisationMember, ProfileEntry
from zwerm.organisations.tests.conftest import image_upload
from zwerm.organisations.tests.factories import (
    InvitationFactory,
    OrganisationFactory,
    ProfileEntryFactory,
    ThemeFactory,
    admin_of,
    person_in,
)

pytestmark = pytest.mark.django_db
BASE = "organisations"


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Stichting Bouwkringloop", slug="bouwkringloop")


@pytest.fixture
def admin(organisation):
    return admin_of(organisation)


def test_list_searches_filters_and_paginates(api):
    energy = ThemeFactory(name="Energie", slug="energie")
    match = OrganisationFactory(name="Netbeheerder Oost", kind="company", region="gelderland")
    match.themes.add(energy)
    ProfileEntryFactory(organisation=match, kind="offer", title="Slimme meters")
    OrganisationFactory(name="Ander bedrijf", kind="company", region="gelderland")
    OrganisationFactory(name="Slimme gemeente", kind="government", region="utrecht")
    OrganisationFactory(name="Weg", merged_into=match)
    body = api.get(BASE).json()
    assert body["count"] == 3 and len(body["items"]) == 3
    assert api.get(BASE, {"q": "slimme meters"}).json()["items"][0]["slug"] == match.slug
    assert api.get(BASE, {"q": "energie"}).json()["count"] == 1
    assert api.get(BASE, {"kind": "company", "region": "gelderland"}).json()["count"] == 2
    assert api.get(BASE, {"theme": "energie"}).json()["count"] == 1
    page = api.get(BASE, {"limit": 1, "offset": 1}).json()
    assert page["count"] == 3 and len(page["items"]) == 1


@pytest.mark.parametrize(
    "params", [{"kind": "castle"}, {"region": "atlantis"}, {"limit": 0}, {"limit": 1000},
               {"offset": -1}, {"offset": 10**30}, {"theme": "not a slug!"}, {"limit": "many"}]
)
def test_list_refuses_bad_filters(api, params):
    body = assert_error_format(api.get(BASE, params), 422)
    assert body["fields"]


def test_detail_shows_the_profile_and_follows_merges(api, organisation):
    ProfileEntryFactory(organisation=organisation, kind="seek", title="Sloophout")
    duplicate = OrganisationFactory(slug="dubbel", merged_into=organisation)
    body = api.get(f"{BASE}/bouwkringloop").json()
    assert body["name"] == "Stichting Bouwkringloop"
    assert [e["title"] for e in body["seeks"]] == ["Sloophout"] and body["offers"] == []
    assert api.get(f"{BASE}/{duplicate.slug}").json()["slug"] == "bouwkringloop"
    assert_error_format(api.get(f"{BASE}/nobody"), 404)


def test_create_by_a_signed_in_person(api, api_for):
    person = UserFactory()
    response = api_for(person).post(
        BASE, {"name": "Gemeente Zeist", "kind": "government", "themes": ["Water"],
               "kvk_number": "12345678"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["slug"] == "gemeente-zeist" and body["themes"] == [
        {"name": "Water", "slug": "water"}
    ]
    assert OrganisationMember.objects.get(person=person).role == "admin"
    assert_error_format(api.post(BASE, {"name": "X", "kind": "company"}), 401)


@pytest.mark.parametrize(
    ("payload", "status", "field"),
    [({"kind": "company"}, 422, "name"),
     ({"name": "X", "kind": "castle"}, 422, "kind"),
     ({"name": "X", "kind": "company", "kvk_number": "12"}, 422, "kvk_number"),
     ({"name": "X", "kind": "company", "kvk_number": "87654321"}, 409, "kvk_number"),
     ({"name": "X", "kind": "company", "slug": "bouwkringloop"}, 409, "slug"),
     ({"name": "X", "kind": "company", "themes": "not a list"}, 422, "themes")],
)
def test_create_refuses_bad_input(api_for, organisation, payload, status, field):
    OrganisationFactory(kvk_number="87654321")
    body = assert_error_format(api_for(UserFactory()).post(BASE, payload), status)
    assert field in body["fields"]


def test_create_refuses_a_non_json_body(api_for, client):
    person = UserFactory()
    client_for = api_for(person)
    response = client.post(
        "/api/v1/organisations", "{nope", content_type="application/json", **client_for.headers
    )
    assert_error_format(response, 400)


def test_update_by_admin_and_refusals(api_for, organisation, admin):
    response = api_for(admin).patch(f"{BASE}/bouwkringloop", {"website": "kringloop.nl"})
    assert response.json()["website"] == "https://kringloop.nl"
    assert_error_format(api_for(admin).patch(f"{BASE}/bouwkringloop", {"name": None}), 422)
    body = assert_error_format(
        api_for(admin).patch(f"{BASE}/bouwkringloop", {"is_verified": True}), 403
    )
    assert "is_verified" in body["fields"]
    member = person_in(organisation)
    assert_error_format(api_for(member).patch(f"{BASE}/bouwkringloop", {"name": "X"}), 403)
    assert_error_format(api_for(UserFactory()).patch(f"{BASE}/bouwkringloop", {"name": "X"}),
                        403)
    operator = UserFactory(is_staff=True)
    verified = api_for(operator).patch(f"{BASE}/bouwkringloop", {"is_verified": True})
    assert verified.json()["is_verified"] is True


def test_logo_upload_and_removal(api_for, client, organisation, admin):
    headers = api_for(admin).headers
    response = client.post(
        f"/api/v1/{BASE}/bouwkringloop/logo", {"logo": image_upload("WEBP", "l.webp")},
        **headers,
    )
    assert response.status_code == 200, response.content
    assert response.json()["logo_url"].endswith(".webp")
    svg = SimpleUploadedFile("logo.svg", b"<svg></svg>", content_type="image/svg+xml")
    bad = client.post(f"/api/v1/{BASE}/bouwkringloop/logo", {"logo": svg}, **headers)
    assert "logo" in assert_error_format(bad, 422)["fields"]
    removed = client.delete(f"/api/v1/{BASE}/bouwkringloop/logo", **headers)
    assert removed.json()["logo_url"] is None


def test_entries_crud_and_reorder(api_for, organisation, admin):
    client = api_for(admin)
    first = client.post(f"{BASE}/bouwkringloop/entries",
                        {"kind": "offer", "title": "Hout", "description": "Eiken"})
    assert first.status_code == 201
    second = client.post(f"{BASE}/bouwkringloop/entries", {"kind": "offer", "title": "Glas"})
    one, two = first.json()["uuid"], second.json()["uuid"]
    patched = client.patch(f"{BASE}/bouwkringloop/entries/{one}", {"title": "Eikenhout"})
    assert patched.json() == {**first.json(), "title": "Eikenhout"}
    ordered = client.put(f"{BASE}/bouwkringloop/entries/order",
                         {"kind": "offer", "order": [two, one]})
    assert [e["title"] for e in ordered.json()] == ["Glas", "Eikenhout"]
    assert_error_format(client.put(f"{BASE}/bouwkringloop/entries/order",
                                   {"kind": "offer", "order": [two]}), 422)
    assert client.delete(f"{BASE}/bouwkringloop/entries/{one}").status_code == 204
    assert_error_format(client.delete(f"{BASE}/bouwkringloop/entries/{one}"), 404)
    assert_error_format(client.patch(f"{BASE}/bouwkringloop/entries/not-a-uuid", {}), 422)
    assert_error_format(
        client.post(f"{BASE}/bouwkringloop/entries", {"kind": "gift", "title": "X"}), 422
    )
    assert ProfileEntry.objects.count() == 1


def test_entries_of_another_organisation_are_out_of_reach(api_for, organisation, admin):
    other = OrganisationFactory()
    entry = ProfileEntryFactory(organisation=other)
    client = api_for(admin)
    assert_error_format(client.patch(f"{BASE}/bouwkringloop/entries/{entry.uuid}",
                                     {"title": "Mijn"}), 404)
    assert_error_format(client.delete(f"{BASE}/{other.slug}/entries/{entry.uuid}"), 403)
    assert_error_format(client.post(f"{BASE}/{other.slug}/entries",
                                    {"kind": "offer", "title": "X"}), 403)


def test_people_list_hides_names_and_emails_from_outsiders(api, api_for, organisation, admin):
    hidden = person_in(organisation, name="Verborgen Persoon", email="verborgen@example.org")
    outsider_view = api.get(f"{BASE}/bouwkringloop/people").json()
    assert outsider_view["count"] == 2
    text = str(outsider_view)
    assert "Verborgen" not in text and "@" not in text
    assert all(item["uuid"] is None for item in outsider_view["items"])
    colleague_view = api_for(admin).get(f"{BASE}/bouwkringloop/people").json()
    assert "Verborgen Persoon" in str(colleague_view) and "@" not in str(colleague_view)
    assert str(hidden.uuid) in str(colleague_view)


def test_role_change(api_for, organisation, admin):
    member = person_in(organisation)
    response = api_for(admin).patch(f"{BASE}/bouwkringloop/people/{member.uuid}",
                                    {"role": "admin"})
    assert response.json()["role"] == "admin"
    assert_error_format(api_for(member).patch(f"{BASE}/bouwkringloop/people/{admin.uuid}",
                                              {"role": "king"}), 422)
    outsider = UserFactory()
    assert_error_format(api_for(admin).patch(f"{BASE}/bouwkringloop/people/{outsider.uuid}",
                                             {"role": "admin"}), 404)
    assert_error_format(api_for(outsider).patch(f"{BASE}/bouwkringloop/people/{admin.uuid}",
                                                {"role": "member"}), 403)


def test_leave_with_successor(api_for, organisation, admin):
    member = person_in(organisation)
    body = assert_error_format(api_for(admin).post(f"{BASE}/bouwkringloop/leave", {}), 422)
    assert "successor" in body["fields"]
    assert_error_format(
        api_for(admin).post(f"{BASE}/bouwkringloop/leave",
                            {"successor": str(UserFactory().uuid)}), 422
    )
    response = api_for(admin).post(f"{BASE}/bouwkringloop/leave",
                                   {"successor": str(member.uuid)})
    assert response.status_code == 200 and response.json()["left_at"]
    assert OrganisationMember.objects.get(person=member).role == "admin"
    assert_error_format(api_for(UserFactory()).post(f"{BASE}/bouwkringloop/leave", {}), 404)


def test_invitations_create_list_revoke_accept(api_for, organisation, admin):
    client = api_for(admin)
    created = client.post(f"{BASE}/bouwkringloop/invitations",
                          {"email": "nieuw@example.org", "role": "member"})
    assert created.status_code == 201 and created.json()["state"] == "open"
    key = created.json()["uuid"]
    assert_error_format(client.post(f"{BASE}/bouwkringloop/invitations",
                                    {"email": "nieuw@example.org"}), 409)
    assert_error_format(client.post(f"{BASE}/bouwkringloop/invitations",
                                    {"email": "geen-adres"}), 422)
    listed = client.get(f"{BASE}/bouwkringloop/invitations").json()
    assert listed["count"] == 1 and listed["items"][0]["email"] == "nieuw@example.org"
    newcomer = UserFactory()
    accepted = api_for(newcomer).post(f"{BASE}/invitations/{key}/accept")
    assert accepted.status_code == 200 and accepted.json()["role"] == "member"
    assert_error_format(api_for(UserFactory()).post(f"{BASE}/invitations/{key}/accept"), 409)
    assert_error_format(client.delete(f"{BASE}/bouwkringloop/invitations/{key}"), 409)
    other = InvitationFactory(organisation=organisation)
    assert client.delete(f"{BASE}/bouwkringloop/invitations/{other.uuid}").status_code == 204
    assert OrganisationInvitation.objects.get(pk=other.pk).revoked_at is not None
    assert_error_format(api_for(UserFactory()).post(f"{BASE}/invitations/{other.uuid}/accept"),
                        409)
    assert_error_format(api_for(newcomer).post(f"{BASE}/invitations/nope/accept"), 422)


def test_invitation_list_refuses_an_offset_beyond_the_database(api_for, organisation, admin):
    response = api_for(admin).get(f"{BASE}/bouwkringloop/invitations", {"offset": 10**30})
    assert "offset" in assert_error_format(response, 422)["fields"]


def test_the_public_stream_never_reveals_an_invitations_key(api, api_for, organisation, admin):
    """An invitation's UUID is the key in its link: whoever has it may join the organisation."""
    created = api_for(admin).post(f"{BASE}/bouwkringloop/invitations",
                                  {"email": "nieuw@example.org", "role": "admin"})
    key = created.json()["uuid"]
    stream = api.get("activities").content.decode()
    assert "organisations.invitation.created" in stream
    assert key not in stream


def test_invitations_are_for_admins_only(api, api_for, organisation, admin):
    member = person_in(organisation)
    invitation = InvitationFactory(organisation=organisation)
    for client in (api_for(member), api_for(UserFactory())):
        assert_error_format(client.get(f"{BASE}/bouwkringloop/invitations"), 403)
        assert_error_format(client.post(f"{BASE}/bouwkringloop/invitations",
                                        {"email": "x@example.org"}), 403)
        assert_error_format(
            client.delete(f"{BASE}/bouwkringloop/invitations/{invitation.uuid}"), 403
        )
    assert_error_format(api.get(f"{BASE}/bouwkringloop/invitations"), 401)
    other_admin = admin_of(OrganisationFactory())
    assert_error_format(
        api_for(other_admin).delete(f"{BASE}/bouwkringloop/invitations/{invitation.uuid}"), 403
    )


def test_merge_endpoint_is_for_operators(api_for, organisation, admin):
    duplicate = OrganisationFactory(slug="kringloop-dubbel")
    assert_error_format(
        api_for(admin).post(f"{BASE}/kringloop-dubbel/merge", {"target": "bouwkringloop"}), 403
    )
    operator = UserFactory(is_staff=True)
    assert_error_format(
        api_for(operator).post(f"{BASE}/kringloop-dubbel/merge", {"target": "nobody"}), 422
    )
    response = api_for(operator).post(f"{BASE}/kringloop-dubbel/merge",
                                      {"target": "bouwkringloop"})
    assert response.json()["slug"] == "bouwkringloop"
    duplicate.refresh_from_db()
    assert duplicate.merged_into == organisation


def test_session_writes_need_the_csrf_token(client, organisation, admin):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(admin)
    response = browser.patch(
        f"/api/v1/{BASE}/bouwkringloop", '{"name": "X"}', content_type="application/json"
    )
    assert_error_format(response, 403)
