"""The ledger API: happy paths, the 4xx error format, and private ecosystems."""

import pytest

from zwerm.collaboration.models import Commitment, Contribution
from zwerm.collaboration.tests.ledger.helpers import in_days, scene, today
from zwerm.core.models import Activity
from zwerm.core.testing.fixtures import assert_error_format

pytestmark = pytest.mark.django_db
BASE = "/api/v1/collaboration"


def test_commit_deliver_acknowledge_and_balances(api_for, api):
    s = scene(unit_of_account="euro")
    giver = api_for(s.giver_person, s.giver)
    response = giver.post(f"{BASE}/ecosystems/{s.ecosystem.slug}/commitments", {
        "type": "hours", "quantity": "10", "due_on": in_days(7).isoformat(),
        "deliverable": str(s.deliverable.uuid), "description": "Twee dagen advies"})
    assert response.status_code == 201, response.content
    commitment = response.json()
    assert commitment["quantity"] == "10.00" and commitment["delivered"] == "0.00"
    assert commitment["target"]["kind"] == "deliverable"

    response = giver.post(f"{BASE}/ecosystems/{s.ecosystem.slug}/contributions", {
        "type": "hours", "quantity": "4", "given_on": today().isoformat(),
        "description": "Eerste sessie", "commitment": commitment["uuid"], "value": "240"})
    assert response.status_code == 201, response.content
    entry = response.json()
    assert entry["acknowledged"] is False and entry["value"] == "240.00"
    assert entry["value_unit"] == "euro"
    assert [o["slug"] for o in entry["receiving_side"]] == [s.receiver.slug]

    detail = api.get(f"{BASE}/commitments/{commitment['uuid']}").json()
    assert detail["delivered"] == "4.00" and detail["progress_percent"] == 40

    receiver = api_for(s.receiver_person, s.receiver)
    waiting = receiver.get(f"{BASE}/ecosystems/{s.ecosystem.slug}/contributions/waiting")
    assert [e["uuid"] for e in waiting.json()["items"]] == [entry["uuid"]]
    response = receiver.post(f"{BASE}/contributions/{entry['uuid']}/acknowledge")
    assert response.status_code == 200 and response.json()["acknowledged"] is True
    again = receiver.post(f"{BASE}/contributions/{entry['uuid']}/acknowledge")
    assert assert_error_format(again, 409)["code"] == "acknowledged"

    balances = api.get(f"{BASE}/ecosystems/{s.ecosystem.slug}/balances").json()
    assert balances["unit_of_account"] == "euro"
    assert balances["totals"][0] | {} == {"type": "hours", "unit": "hours", "given": "4.00",
                                          "given_pending": "0.00", "taken": "4.00",
                                          "taken_pending": "0.00", "net": "0.00"}
    mine = api.get(f"{BASE}/ecosystems/{s.ecosystem.slug}/balances/{s.giver.slug}").json()
    assert [o["organisation"]["slug"] for o in mine["organisations"]] == [s.giver.slug]
    assert mine["organisations"][0]["values"][0]["given"] == "240.00"

    kept = api.get(f"{BASE}/ecosystems/{s.ecosystem.slug}/kept-on-time").json()
    assert kept[0]["organisation"]["slug"] == s.giver.slug and kept[0]["open"] == 1

    listed = api.get(f"{BASE}/ecosystems/{s.ecosystem.slug}/contributions",
                     {"acknowledged": "true", "type": "hours"}).json()
    assert listed["count"] == 1 and listed["items"][0]["schema"] == ""
    csv = api.get(f"{BASE}/ecosystems/{s.ecosystem.slug}/ledger.csv")
    assert csv.status_code == 200 and b"Eerste sessie" in csv.content


def test_update_release_and_correct(api_for):
    s = scene()
    giver = api_for(s.giver_person, s.giver)
    made = giver.post(f"{BASE}/ecosystems/{s.ecosystem.slug}/commitments", {
        "type": "money", "quantity": 500, "due_on": in_days(7).isoformat(),
        "working_group": str(s.group.uuid)}).json()
    changed = giver.patch(f"{BASE}/commitments/{made['uuid']}", {"quantity": "600"})
    assert changed.status_code == 200 and changed.json()["quantity"] == "600.00"
    other = api_for(s.third_person, s.third)
    assert_error_format(other.patch(f"{BASE}/commitments/{made['uuid']}", {"quantity": "1"}),
                        403)
    body = assert_error_format(giver.post(f"{BASE}/commitments/{made['uuid']}/release",
                                          {"reason": " "}), 422)
    assert "reason" in body["fields"]
    released = giver.post(f"{BASE}/commitments/{made['uuid']}/release", {"reason": "Budget"})
    assert released.json()["state"] == "released"

    entry = giver.post(f"{BASE}/ecosystems/{s.ecosystem.slug}/contributions", {
        "type": "data", "quantity": "1", "given_on": today().isoformat(),
        "description": "Dataset", "recipient": s.third.slug, "schema": "DCAT"}).json()
    assert entry["schema"] == "DCAT" and entry["unit"] == "datasets"
    corrected = giver.patch(f"{BASE}/contributions/{entry['uuid']}",
                            {"licence": "CC0", "beneficiaries": [s.receiver.slug]})
    assert corrected.status_code == 200, corrected.content
    assert corrected.json()["licence"] == "CC0"
    assert [b["slug"] for b in corrected.json()["beneficiaries"]] == [s.receiver.slug]


@pytest.mark.parametrize("payload, field", [
    ({"type": "hours", "quantity": "abc", "due_on": "2030-01-01"}, "quantity"),
    ({"type": "gold", "quantity": "1", "due_on": "2030-01-01"}, "type"),
    ({"type": "hours", "quantity": "0", "due_on": "2030-01-01"}, "quantity"),
    ({"type": "hours", "quantity": "1.999", "due_on": "2030-01-01"}, "quantity"),
    ({"type": "hours", "quantity": "1", "due_on": "2001-01-01"}, "due_on"),
    ({"type": "hours", "quantity": "1", "due_on": "2030-01-01"}, "target"),
    ({"type": "hours", "quantity": "1", "due_on": "2030-01-01",
      "deliverable": "00000000-0000-0000-0000-000000000000"}, "target"),
])
def test_bad_commitments_get_the_error_format(api_for, payload, field):
    s = scene()
    if field != "target":
        payload = {"deliverable": str(s.deliverable.uuid), **payload}
    response = api_for(s.giver_person, s.giver).post(
        f"{BASE}/ecosystems/{s.ecosystem.slug}/commitments", payload)
    body = assert_error_format(response, 422)
    assert field in body["fields"], body
    assert not Commitment.objects.exists()


@pytest.mark.parametrize("payload, field", [
    ({"quantity": "4", "given_on": "2099-01-01"}, "given_on"),
    ({"quantity": "4", "recipient": "nobody"}, "recipient"),
    ({"quantity": "4", "value": "12"}, "value"),
    ({"quantity": "-4"}, "quantity"),
    ({"quantity": "4", "description": ""}, "description"),
    ({"quantity": "4", "commitment": "00000000-0000-0000-0000-000000000000"}, "commitment"),
    ({"quantity": "4", "beneficiaries": ["nobody"]}, "beneficiaries"),
])
def test_bad_contributions_get_the_error_format(api_for, payload, field):
    s = scene()
    data = {"type": "hours", "given_on": today().isoformat(), "description": "Werk",
            "deliverable": str(s.deliverable.uuid), **payload}
    response = api_for(s.giver_person, s.giver).post(
        f"{BASE}/ecosystems/{s.ecosystem.slug}/contributions", data)
    body = assert_error_format(response, 422)
    assert field in body["fields"], body
    assert not Contribution.objects.exists()


def test_writes_need_a_token_and_membership(api, api_for):
    s = scene()
    url = f"{BASE}/ecosystems/{s.ecosystem.slug}/commitments"
    data = {"type": "hours", "quantity": "1", "due_on": in_days(2).isoformat(),
            "deliverable": str(s.deliverable.uuid)}
    assert_error_format(api.post(url, data), 401)
    outsider = scene()
    body = assert_error_format(api_for(outsider.giver_person, outsider.giver).post(url, data),
                               403)
    assert body["code"] == "not_member"


def test_private_ecosystems_are_404_for_outsiders(api, api_for):
    s = scene("members")
    giver = api_for(s.giver_person, s.giver)
    made = giver.post(f"{BASE}/ecosystems/{s.ecosystem.slug}/commitments", {
        "type": "hours", "quantity": "1", "due_on": in_days(2).isoformat(),
        "deliverable": str(s.deliverable.uuid)}).json()
    outsider = scene()
    stranger = api_for(outsider.giver_person, outsider.giver)
    for client in (api, stranger):
        assert_error_format(client.get(f"{BASE}/ecosystems/{s.ecosystem.slug}/commitments"),
                            404)
        assert_error_format(client.get(f"{BASE}/commitments/{made['uuid']}"), 404)
        assert_error_format(client.get(f"{BASE}/ecosystems/{s.ecosystem.slug}/ledger.csv"),
                            404)
    assert_error_format(stranger.post(f"{BASE}/commitments/{made['uuid']}/release",
                                      {"reason": "x"}), 404)
    assert giver.get(f"{BASE}/commitments/{made['uuid']}").status_code == 200


@pytest.mark.parametrize("path", ["commitments?limit=100", "contributions?limit=100",
                                  "balances", "kept-on-time"])
def test_list_endpoints_use_the_same_queries_for_5_and_50_rows(api, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for rows in (5, 50):
        s = scene()
        for number in range(rows):
            commitment = Commitment.objects.create(
                ecosystem=s.ecosystem, organisation=s.giver, deliverable=s.deliverable,
                type="hours", quantity=10, unit="hours", due_on=in_days(number % 4))
            entry = Contribution.objects.create(
                ecosystem=s.ecosystem, giver_organisation=s.giver, working_group=s.group,
                type="hours", quantity=1, unit="hours", given_on=today(),
                description=f"Werk {number}", commitment=commitment)
            entry.beneficiaries.add(s.third)
        with CaptureQueriesContext(connection) as captured:
            response = api.get(f"{BASE}/ecosystems/{s.ecosystem.slug}/{path}")
        assert response.status_code == 200, response.content
        counts.append(len(captured))
    assert counts[0] == counts[1], counts


HUGE = "999999999999999999999999999.001"  # more digits than a Decimal context holds


@pytest.mark.parametrize("amount", [HUGE, "1" + "0" * 40 + ".5", "1e999999"])
def test_an_over_precise_commitment_quantity_is_a_422_not_a_500(api_for, amount):
    s = scene()
    giver = api_for(s.giver_person, s.giver)
    response = giver.post(f"{BASE}/ecosystems/{s.ecosystem.slug}/commitments", {
        "type": "hours", "quantity": amount, "due_on": in_days(7).isoformat(),
        "deliverable": str(s.deliverable.uuid)})
    body = assert_error_format(response, 422)
    assert body["code"] and list(body["fields"]) == ["quantity"], body
    assert not Commitment.objects.exists()

    made = giver.post(f"{BASE}/ecosystems/{s.ecosystem.slug}/commitments", {
        "type": "hours", "quantity": "10", "due_on": in_days(7).isoformat(),
        "deliverable": str(s.deliverable.uuid)}).json()
    response = giver.patch(f"{BASE}/commitments/{made['uuid']}", {"quantity": amount})
    assert list(assert_error_format(response, 422)["fields"]) == ["quantity"]
    assert Commitment.objects.get().quantity == 10
    assert Activity.objects.filter(verb="collaboration.commitment.updated").count() == 0


@pytest.mark.parametrize("field", ["quantity", "value"])
def test_an_over_precise_contribution_amount_is_a_422_not_a_500(api_for, field):
    s = scene(unit_of_account="euro")
    giver = api_for(s.giver_person, s.giver)
    data = {"type": "hours", "quantity": "4", "value": "100", "given_on": today().isoformat(),
            "description": "Werk", "deliverable": str(s.deliverable.uuid)}
    response = giver.post(f"{BASE}/ecosystems/{s.ecosystem.slug}/contributions",
                          {**data, field: HUGE})
    body = assert_error_format(response, 422)
    assert body["code"] and list(body["fields"]) == [field], body
    assert not Contribution.objects.exists()

    entry = giver.post(f"{BASE}/ecosystems/{s.ecosystem.slug}/contributions", data).json()
    response = giver.patch(f"{BASE}/contributions/{entry['uuid']}", {field: HUGE})
    assert list(assert_error_format(response, 422)["fields"]) == [field]
    stored = Contribution.objects.get()
    assert (stored.quantity, stored.value) == (4, 100)
    assert not Activity.objects.filter(verb="collaboration.contribution.corrected").exists()


def test_only_admins_and_the_delegate_release_and_the_decision_is_kept(api_for):
    from zwerm.collaboration.models import HandOver
    from zwerm.organisations.tests.factories import person_in

    s = scene()
    made = api_for(s.giver_person, s.giver).post(
        f"{BASE}/ecosystems/{s.ecosystem.slug}/commitments", {
            "type": "hours", "quantity": "5", "due_on": in_days(7).isoformat(),
            "deliverable": str(s.deliverable.uuid)}).json()
    colleague = api_for(person_in(s.giver), s.giver)
    url = f"{BASE}/commitments/{made['uuid']}/release"
    body = assert_error_format(colleague.post(url, {"reason": "Weg"}), 403)
    assert body["code"] == "not_speaker"
    assert colleague.patch(f"{BASE}/commitments/{made['uuid']}",
                           {"quantity": "4"}).status_code == 200
    assert not HandOver.objects.exists()
    released = api_for(s.giver_person, s.giver).post(url, {"reason": "Weg"})
    assert released.status_code == 200 and released.json()["state"] == "released"
    assert HandOver.objects.get().state == "released"
