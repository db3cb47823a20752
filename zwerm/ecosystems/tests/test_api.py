"""The ecosystems API: every endpoint with good and bad input, in the one error format."""

import uuid

import pytest

from zwerm.core.testing.fixtures import assert_error_format
from zwerm.ecosystems.models import EcosystemInvitation, Membership, Role
from zwerm.ecosystems.tests.factories import (
    EcosystemFactory,
    MembershipFactory,
    admin_of,
    member_organisation,
    started_ecosystem,
)
from zwerm.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitated(api_for):
    ecosystem, facilitator, home = started_ecosystem()
    return ecosystem, api_for(facilitator, home), home, facilitator


@pytest.mark.parametrize("path", ["", "/memberships", "/roles", "/invitations", "/activities"])
def test_lists_refuse_an_offset_beyond_the_database(facilitated, path):
    ecosystem, client, *_ = facilitated
    url = f"ecosystems/{ecosystem.slug}{path}" if path else "ecosystems"
    body = assert_error_format(client.get(url, {"offset": 10**30}), 422)
    assert "offset" in body["fields"]


def test_the_public_stream_never_reveals_an_invitations_key(facilitated, api):
    """An invitation's UUID is the key in its link: whoever has it may accept it."""
    ecosystem, client, *_ = facilitated
    key = client.post(f"ecosystems/{ecosystem.slug}/invitations",
                      {"email": "nieuw@example.org"}).json()["uuid"]
    client.post(f"ecosystems/{ecosystem.slug}/invitations/{key}/revoke")
    for path in ("activities", f"ecosystems/{ecosystem.slug}/activities"):
        stream = api.get(path).content.decode()
        assert "ecosystems.invitation.sent" in stream
        assert key not in stream


def test_create_good_and_bad(api, api_for):
    organisation = OrganisationFactory()
    client = api_for(admin_of(organisation), organisation)
    response = client.post("ecosystems", {"name": "Open data", "goal": "Data delen.",
                                          "themes": ["Data"], "join_policy": "open"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["slug"] == "open-data" and body["themes"] == ["Data"]
    assert body["charter"]["reciprocity"]
    assert_error_format(api.post("ecosystems", {"name": "X", "goal": "Y"}), 401)
    body = assert_error_format(client.post("ecosystems", {"name": "X"}), 422)
    assert "goal" in body["fields"]
    body = assert_error_format(client.post("ecosystems", {"name": " ", "goal": "Y"}), 422)
    assert "name" in body["fields"]
    assert_error_format(client.post("ecosystems", {"name": "X", "goal": "Y",
                                                   "visibility": "secret"}), 422)
    assert_error_format(client.post("ecosystems", {"name": "X", "goal": "Y", "slug": "open-data"}),
                        409)
    nobody = api_for(admin_of(OrganisationFactory()), None)
    assert_error_format(nobody.post("ecosystems", {"name": "X", "goal": "Y"}), 403)


def test_list_filters_and_paginates(api):
    for n in range(3):
        EcosystemFactory(name=f"Water {n}", slug=f"water-{n}")
    EcosystemFactory(name="Energie", slug="energie")
    body = api.get("ecosystems", {"q": "water", "limit": 2}).json()
    assert body["count"] == 3 and len(body["items"]) == 2
    assert api.get("ecosystems", {"offset": 3}).json()["items"][0]["slug"] == "water-2"
    assert_error_format(api.get("ecosystems", {"limit": 0}), 422)
    assert_error_format(api.get("ecosystems", {"limit": "many"}), 422)


def test_detail_by_slug_or_uuid_and_missing(api):
    ecosystem = EcosystemFactory()
    assert api.get(f"ecosystems/{ecosystem.uuid}").json()["slug"] == ecosystem.slug
    assert_error_format(api.get("ecosystems/nope"), 404)


def test_update_and_charter(facilitated):
    ecosystem, client, *_ = facilitated
    response = client.patch(f"ecosystems/{ecosystem.slug}", {"join_policy": "open"})
    assert response.status_code == 200 and response.json()["join_policy"] == "open"
    assert_error_format(client.patch(f"ecosystems/{ecosystem.slug}", {"goal": ""}), 422)
    assert_error_format(client.patch(f"ecosystems/{ecosystem.slug}", {"join_policy": 3}), 422)
    response = client.patch(f"ecosystems/{ecosystem.slug}/charter", {"elasticity": "Flexibel."})
    assert response.json()["elasticity"] == "Flexibel."
    assert_error_format(client.patch(f"ecosystems/{ecosystem.slug}/charter",
                                     {"transparency": ""}), 422)


def test_request_accept_decline_via_api(facilitated, api_for):
    ecosystem, facilitator_client, *_ = facilitated
    organisation = OrganisationFactory()
    client = api_for(admin_of(organisation), organisation)
    assert_error_format(client.post(f"ecosystems/{ecosystem.slug}/memberships/join", {}), 403)
    response = client.post(f"ecosystems/{ecosystem.slug}/memberships/request",
                           {"reason": "Graag!"})
    assert response.status_code == 201 and response.json()["state"] == "requested"
    membership_uuid = response.json()["uuid"]
    assert_error_format(client.post(f"ecosystems/{ecosystem.slug}/memberships/request", {}), 409)
    base = f"ecosystems/{ecosystem.slug}/memberships/{membership_uuid}"
    assert_error_format(client.post(f"{base}/accept", {}), 403)
    assert_error_format(facilitator_client.post(f"{base}/decline", {"reason": ""}), 422)
    assert_error_format(facilitator_client.post(
        f"ecosystems/{ecosystem.slug}/memberships/{uuid.uuid4()}/accept", {}), 404)
    assert_error_format(facilitator_client.post(
        f"ecosystems/{ecosystem.slug}/memberships/not-a-uuid/accept", {}), 422)
    response = facilitator_client.post(f"{base}/accept", {})
    assert response.json()["state"] == "active"
    events = client.get(f"{base}/events").json()
    assert [e["to_state"] for e in events] == ["requested", "active"]


def test_another_ecosystems_or_organisations_objects_are_out_of_reach(facilitated, api_for):
    ecosystem, facilitator_client, *_ = facilitated
    elsewhere, *_ = started_ecosystem(name="Elders")
    requester = OrganisationFactory()
    foreign = MembershipFactory(ecosystem=elsewhere, organisation=requester, state="requested")
    foreign_invitation = EcosystemInvitation.objects.create(
        ecosystem=elsewhere, email="iemand@example.org", expires_at="2999-01-01T00:00:00Z"
    )
    # A facilitator of one ecosystem cannot reach another's requests or invitations through it.
    base = f"ecosystems/{ecosystem.slug}"
    assert_error_format(facilitator_client.post(f"{base}/memberships/{foreign.uuid}/accept", {}),
                        404)
    assert_error_format(facilitator_client.post(
        f"{base}/invitations/{foreign_invitation.uuid}/revoke"), 404)
    assert_error_format(facilitator_client.post(
        f"ecosystems/{elsewhere.slug}/memberships/{foreign.uuid}/accept", {}), 403)
    # An organisation's admin cannot pause or end another organisation's membership.
    member, member_admin = member_organisation(ecosystem)
    other, other_admin = member_organisation(ecosystem)
    target = Membership.objects.get(ecosystem=ecosystem, organisation=member)
    client = api_for(other_admin, other)
    steps = f"{base}/memberships/{target.uuid}"
    assert_error_format(client.post(f"{steps}/pause", {"reason": "Nee"}), 403)
    assert_error_format(client.post(f"{steps}/leave", {"reason": "Weg"}), 403)
    foreign.refresh_from_db()
    target.refresh_from_db()
    assert (foreign.state, target.state) == ("requested", "active")
    assert EcosystemInvitation.objects.get(pk=foreign_invitation.pk).answered_at is None


def test_join_pause_resume_leave_via_api(api_for):
    ecosystem, *_ = started_ecosystem(join_policy="open")
    organisation = OrganisationFactory()
    client = api_for(admin_of(organisation), organisation)
    response = client.post(f"ecosystems/{ecosystem.slug}/memberships/join", {"kind": "observer"})
    assert response.json()["kind"] == "observer"
    base = f"ecosystems/{ecosystem.slug}/memberships/{response.json()['uuid']}"
    assert client.post(f"{base}/pause", {"reason": "Even niet"}).json()["state"] == "paused"
    assert_error_format(client.post(f"{base}/pause", {}), 409)
    assert client.post(f"{base}/resume").json()["state"] == "active"
    assert_error_format(client.post(f"{base}/leave", {}), 422)
    assert client.post(f"{base}/leave", {"reason": "Klaar"}).json()["state"] == "left"
    assert_error_format(client.post(f"ecosystems/{ecosystem.slug}/memberships/join",
                                    {"kind": "boss"}), 422)


def test_roles_via_api(facilitated, api_for):
    ecosystem, client, home, facilitator = facilitated
    other, other_admin = member_organisation(ecosystem)
    response = client.post(f"ecosystems/{ecosystem.slug}/roles/facilitators",
                           {"person": str(other_admin.uuid), "organisation": str(other.uuid)})
    assert response.status_code == 201, response.content
    assert_error_format(client.post(f"ecosystems/{ecosystem.slug}/roles/facilitators",
                                    {"person": str(other_admin.uuid),
                                     "organisation": str(other.uuid)}), 409)
    assert_error_format(client.post(f"ecosystems/{ecosystem.slug}/roles/facilitators",
                                    {"person": str(facilitator.uuid),
                                     "organisation": str(other.uuid)}), 422)
    roles = client.get(f"ecosystems/{ecosystem.slug}/roles", {"name": "facilitator"}).json()
    assert roles["count"] == 2
    mine = next(r for r in roles["items"] if r["person"]["uuid"] == str(facilitator.uuid))
    assert mine["person"]["name"] == str(facilitator)
    response = client.post(f"ecosystems/{ecosystem.slug}/roles/{mine['uuid']}/end", {})
    assert response.status_code == 200 and response.json()["items"][0]["ended_at"]
    remaining = Role.objects.get(ecosystem=ecosystem, name="facilitator", ended_at__isnull=True)
    other_client = api_for(other_admin, other)
    assert_error_format(other_client.post(
        f"ecosystems/{ecosystem.slug}/roles/{remaining.uuid}/end", {}), 409)
    response = other_client.post(f"ecosystems/{ecosystem.slug}/roles/delegates",
                                 {"person": str(other_admin.uuid), "organisation": str(other.uuid)})
    assert response.status_code == 201
    assert_error_format(client.post(f"ecosystems/{ecosystem.slug}/roles/delegates",
                                    {"person": str(other_admin.uuid),
                                     "organisation": str(other.uuid)}), 403)


def test_invitations_via_api(facilitated, api_for, api):
    ecosystem, client, *_ = facilitated
    response = client.post(f"ecosystems/{ecosystem.slug}/invitations",
                           {"email": "nieuw@example.org", "kind": "member"})
    assert response.status_code == 201, response.content
    invitation_uuid = response.json()["uuid"]
    assert_error_format(client.post(f"ecosystems/{ecosystem.slug}/invitations",
                                    {"email": "nope"}), 422)
    assert_error_format(client.post(f"ecosystems/{ecosystem.slug}/invitations",
                                    {"email": "x@example.org", "organisation": "unknown"}), 422)
    assert client.get(f"ecosystems/{ecosystem.slug}/invitations").json()["count"] == 1
    outsider = OrganisationFactory()
    outsider_client = api_for(admin_of(outsider), outsider)
    assert_error_format(outsider_client.get(f"ecosystems/{ecosystem.slug}/invitations"), 403)
    assert_error_format(api.get(f"ecosystems/{ecosystem.slug}/invitations"), 401)
    response = outsider_client.post(f"ecosystems/invitations/{invitation_uuid}/accept", {})
    assert response.status_code == 200 and response.json()["state"] == "active"
    assert_error_format(outsider_client.post(
        f"ecosystems/invitations/{invitation_uuid}/decline", {}), 409)
    assert_error_format(outsider_client.post(
        f"ecosystems/invitations/{uuid.uuid4()}/accept", {}), 404)
    second = client.post(f"ecosystems/{ecosystem.slug}/invitations",
                         {"email": "twee@example.org"}).json()["uuid"]
    response = client.post(f"ecosystems/{ecosystem.slug}/invitations/{second}/revoke")
    assert response.json()["outcome"] == "revoked"
    third = client.post(f"ecosystems/{ecosystem.slug}/invitations",
                        {"email": "drie@example.org"}).json()["uuid"]
    response = outsider_client.post(f"ecosystems/invitations/{third}/decline", {"reason": "Nee"})
    assert response.json()["outcome"] == "declined"
    assert EcosystemInvitation.objects.filter(outcome="").count() == 0


def test_activities_follow_the_stream(facilitated, api):
    ecosystem, client, *_ = facilitated
    body = api.get(f"ecosystems/{ecosystem.slug}/activities").json()
    assert body["count"] == 4
    assert body["items"][0]["sentence"]
    last = body["items"][0]["seq"]
    client.patch(f"ecosystems/{ecosystem.slug}", {"goal": "Nieuw doel."})
    newer = api.get(f"ecosystems/{ecosystem.slug}/activities", {"after_seq": last}).json()
    assert [item["verb"] for item in newer["items"]] == ["ecosystems.ecosystem.updated"]


@pytest.mark.parametrize("rows", [5, 50])
def test_list_endpoints_run_a_fixed_number_of_queries(api, django_assert_max_num_queries, rows):
    ecosystem = EcosystemFactory()
    for n in range(rows):
        other = EcosystemFactory()
        other.themes.create(name=f"Thema {n}", slug=f"thema-{n}")
        MembershipFactory(ecosystem=ecosystem)
        MembershipFactory(ecosystem=other)
    with django_assert_max_num_queries(4):
        assert len(api.get("ecosystems", {"limit": 100}).json()["items"]) == rows + 1
    with django_assert_max_num_queries(5):
        body = api.get(f"ecosystems/{ecosystem.slug}/memberships", {"limit": 100}).json()
        assert len(body["items"]) == rows
    assert Membership.objects.count() == 2 * rows
