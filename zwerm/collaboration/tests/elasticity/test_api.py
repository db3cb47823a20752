"""The elasticity API: obligations, hand-overs, releases, welcome data; errors in the one
format; members-only ecosystems invisible to outsiders."""

import pytest

from zwerm.collaboration.models import Commitment, HandOver
from zwerm.collaboration.services import elasticity as services
from zwerm.collaboration.tests.elasticity.conftest import (
    add_member,
    give_role,
    joined,
    make_commitment,
    make_group,
)
from zwerm.core.testing.fixtures import assert_error_format
from zwerm.ecosystems.tests.factories import member_organisation
from zwerm.organisations.tests.factories import OrganisationFactory, admin_of, person_in

pytestmark = pytest.mark.django_db

BASE = "collaboration/ecosystems"


def test_obligations_list_commitments_and_roles_with_candidates(scene, api_for):
    s = scene()
    response = api_for(s.giver_admin, s.giver).get(f"{BASE}/{s.ecosystem.slug}/obligations")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["organisation"]["slug"] == s.giver.slug
    [commitment] = body["commitments"]
    assert (commitment["uuid"], commitment["quantity"], commitment["delivered"],
            commitment["target"]) == (str(s.commitment.uuid), "10.00", "0.00", "working_group")
    [role] = body["roles"]
    assert role["role"] == "lead"
    assert [c["uuid"] for c in role["candidates"]] == [str(s.taker_admin.uuid)]


def test_obligations_are_for_speakers_only(scene, api_for, api):
    s = scene()
    response = api_for(s.taker_admin).get(f"{BASE}/{s.ecosystem.slug}/obligations")
    assert_error_format(response, 403)
    assert_error_format(api.get(f"{BASE}/{s.ecosystem.slug}/obligations"), 401)


def test_the_whole_hand_over_through_the_api(scene, api_for):
    s = scene()
    giver = api_for(s.giver_admin, s.giver)
    taker = api_for(s.taker_admin, s.taker)
    response = giver.post(f"{BASE}/{s.ecosystem.slug}/hand-overs", {
        "commitment": str(s.commitment.uuid), "to_organisation": s.taker.slug, "note": "Graag"})
    assert response.status_code == 201, response.content
    key = response.json()["uuid"]
    assert response.json()["state"] == "pending"
    received = taker.get(f"{BASE}/{s.ecosystem.slug}/hand-overs")
    assert [h["uuid"] for h in received.json()["items"]] == [key]
    assert taker.get(f"collaboration/hand-overs/{key}").status_code == 200
    accepted = taker.post(f"collaboration/hand-overs/{key}/accept")
    assert accepted.status_code == 200, accepted.content
    assert accepted.json()["state"] == "accepted"
    assert Commitment.objects.get(organisation=s.taker).handed_over_from == s.commitment
    sent = giver.get(f"{BASE}/{s.ecosystem.slug}/hand-overs", {"box": "sent"})
    assert sent.json()["count"] == 1


def test_role_hand_over_decline_and_withdraw(scene, api_for):
    s = scene()
    giver = api_for(s.giver_admin, s.giver)
    taker = api_for(s.taker_admin, s.taker)
    key = giver.post(f"{BASE}/{s.ecosystem.slug}/hand-overs", {
        "role": str(s.role.uuid), "to_person": str(s.taker_admin.uuid)}).json()["uuid"]
    assert_error_format(taker.post(f"collaboration/hand-overs/{key}/decline", {"reason": ""}),
                        422)
    declined = taker.post(f"collaboration/hand-overs/{key}/decline", {"reason": "Geen tijd."})
    assert declined.json()["state"] == "declined"
    key = giver.post(f"{BASE}/{s.ecosystem.slug}/hand-overs", {
        "role": str(s.role.uuid), "to_person": str(s.taker_admin.uuid)}).json()["uuid"]
    assert_error_format(taker.post(f"collaboration/hand-overs/{key}/withdraw"), 403)
    assert giver.post(f"collaboration/hand-overs/{key}/withdraw").json()["state"] == "withdrawn"
    assert_error_format(giver.post(f"collaboration/hand-overs/{key}/withdraw"), 409)


@pytest.mark.parametrize("payload,field", [
    ({}, "item"),
    ({"commitment": "00000000-0000-0000-0000-000000000000"}, "commitment"),
    ({"role": "00000000-0000-0000-0000-000000000000"}, "role"),
    ({"commitment": "COMMITMENT", "to_organisation": "no-such-organisation"},
     "to_organisation"),
    ({"commitment": "COMMITMENT"}, "to_organisation"),
    ({"role": "ROLE", "to_person": "00000000-0000-0000-0000-000000000000"}, "to_person"),
    ({"commitment": "COMMITMENT", "to_organisation": "TAKER", "note": "x" * 2001}, "note"),
    ({"commitment": "not-a-uuid"}, "commitment"),
])
def test_bad_hand_over_requests(scene, api_for, payload, field):
    s = scene()
    values = {"COMMITMENT": str(s.commitment.uuid), "ROLE": str(s.role.uuid),
              "TAKER": s.taker.slug}
    payload = {k: values.get(v, v) for k, v in payload.items()}
    response = api_for(s.giver_admin, s.giver).post(f"{BASE}/{s.ecosystem.slug}/hand-overs",
                                                    payload)
    body = assert_error_format(response, 422)
    assert any(field in key for key in body["fields"]), body
    assert not HandOver.objects.exists()


def test_releases(scene, api_for):
    s = scene()
    client = api_for(s.giver_admin, s.giver)
    response = client.post(f"{BASE}/{s.ecosystem.slug}/releases",
                           {"commitment": str(s.commitment.uuid), "note": "Geen tijd."})
    assert response.json() == {"item": "commitment", "uuid": str(s.commitment.uuid),
                               "state": "released"}
    response = client.post(f"{BASE}/{s.ecosystem.slug}/releases", {"role": str(s.role.uuid)})
    assert response.json()["state"] == "released"
    assert_error_format(client.post(f"{BASE}/{s.ecosystem.slug}/releases",
                                    {"role": str(s.role.uuid)}), 409)
    other_commitment = make_commitment(s.ecosystem, s.taker, s.taker_admin, s.group)
    assert_error_format(client.post(f"{BASE}/{s.ecosystem.slug}/releases",
                                    {"commitment": str(other_commitment.uuid)}), 403)


def test_releasing_a_commitment_is_the_ledgers_release_with_its_rules(scene, api_for):
    s = scene()
    client = api_for(s.giver_admin, s.giver)
    url = f"{BASE}/{s.ecosystem.slug}/releases"
    body = assert_error_format(client.post(url, {"commitment": str(s.commitment.uuid)}), 422)
    assert list(body["fields"]) == ["reason"]
    colleague = api_for(person_in(s.giver), s.giver)
    body = assert_error_format(colleague.post(url, {"commitment": str(s.commitment.uuid),
                                                    "reason": "Weg."}), 403)
    assert body["code"] == "not_speaker"
    hand_over = services.hand_over_request(actor=s.giving, commitment=s.commitment,
                                           to_organisation=s.taker)
    for response in (
        client.post(url, {"commitment": str(s.commitment.uuid), "reason": "Weg."}),
        client.post(f"collaboration/commitments/{s.commitment.uuid}/release",
                    {"reason": "Weg."}),
        client.patch(f"collaboration/commitments/{s.commitment.uuid}", {"quantity": "3"}),
    ):
        assert assert_error_format(response, 409)["code"] == "pending"
    assert Commitment.objects.get(pk=s.commitment.pk).state == "open"
    services.hand_over_withdraw(actor=s.giving, hand_over=hand_over)
    response = client.post(url, {"commitment": str(s.commitment.uuid), "reason": "Weg."})
    assert response.json()["state"] == "released"
    record = HandOver.objects.get(state="released")
    assert record.commitment == s.commitment and record.note == "Weg."


def test_members_only_ecosystems_are_not_found_by_outsiders(scene, api_for):
    s = scene("members")
    hand_over = services.hand_over_request(actor=s.giving, commitment=s.commitment,
                                           to_organisation=s.taker)
    outsider_org = OrganisationFactory()
    outsider = api_for(admin_of(outsider_org), outsider_org)
    for path in (f"{BASE}/{s.ecosystem.slug}/obligations", f"{BASE}/{s.ecosystem.slug}/welcome",
                 f"{BASE}/{s.ecosystem.slug}/hand-overs",
                 f"collaboration/hand-overs/{hand_over.uuid}"):
        assert_error_format(outsider.get(path), 404)
    assert_error_format(outsider.post(f"collaboration/hand-overs/{hand_over.uuid}/accept"), 404)
    assert_error_format(outsider.post(f"{BASE}/{s.ecosystem.slug}/hand-overs", {}), 404)


def test_a_member_not_party_to_a_hand_over_does_not_find_it(scene, api_for):
    s = scene()
    hand_over = services.hand_over_request(actor=s.giving, commitment=s.commitment,
                                           to_organisation=s.taker)
    third, third_admin = member_organisation(s.ecosystem)
    client = api_for(third_admin, third)
    assert_error_format(client.get(f"collaboration/hand-overs/{hand_over.uuid}"), 404)
    assert_error_format(client.post(f"collaboration/hand-overs/{hand_over.uuid}/accept"), 404)


def test_welcome_data(scene, api_for):
    s = scene()
    joined(s.ecosystem, s.taker, days_ago=3)
    response = api_for(s.taker_admin, s.taker).get(f"{BASE}/{s.ecosystem.slug}/welcome")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["is_new_member"] is True
    assert body["organisation"]["slug"] == s.taker.slug
    assert len(body["charter"]) == 5
    assert [g["slug"] for g in body["working_groups"]] == [s.group.slug]
    assert {step["step"] for step in body["first_steps"]} == {"profile", "delegate",
                                                             "working_group"}
    outsider_org = OrganisationFactory()
    response = api_for(admin_of(outsider_org), outsider_org).get(
        f"{BASE}/{s.ecosystem.slug}/welcome")
    assert_error_format(response, 403)


@pytest.mark.parametrize("rows", [5, 50])
def test_list_endpoints_run_a_fixed_number_of_queries(scene, api_for, rows,
                                                      django_assert_max_num_queries):
    s = scene()
    for n in range(rows):
        other, admin = member_organisation(s.ecosystem)
        group = make_group(s.ecosystem, s.giver, s.giver_admin, name=f"Groep {n}")
        add_member(group, admin, other)
        give_role(group, s.giver_admin, s.giver)
        commitment = make_commitment(s.ecosystem, s.giver, s.giver_admin, group)
        HandOver.objects.create(ecosystem=s.ecosystem, from_organisation=s.giver,
                                to_organisation=s.taker, commitment=commitment,
                                state=HandOver.State.PENDING)
    giver = api_for(s.giver_admin, s.giver)
    taker = api_for(s.taker_admin, s.taker)
    with django_assert_max_num_queries(16):
        assert giver.get(f"{BASE}/{s.ecosystem.slug}/obligations").status_code == 200
    with django_assert_max_num_queries(12):
        response = taker.get(f"{BASE}/{s.ecosystem.slug}/hand-overs", {"limit": 100})
    assert response.json()["count"] == rows
