"""The deliverables API: the whole flow, the error format, privacy, uploads and downloads,
and a list whose query count does not grow with the rows."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from zwerm.collaboration.models import Deliverable, Milestone
from zwerm.collaboration.tests.deliverables.conftest import PDF
from zwerm.core.testing.fixtures import assert_error_format
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db

PAST = (timezone.localdate() - datetime.timedelta(days=2)).isoformat()


def base(setup):
    return f"collaboration/ecosystems/{setup.ecosystem.slug}/deliverables"


def test_full_flow(api_for, setup):
    setup.join(setup.owner)
    client = api_for(setup.owner.person, setup.org)
    created = client.post(base(setup), {
        "title": "Handboek", "description": "Wat we *samen* weten.",
        "working_group": setup.group.slug, "due_on": "2030-06-30"})
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["owner"]["uuid"] == str(setup.org.uuid)
    assert body["working_group"]["slug"] == setup.group.slug
    assert body["progress"] == 0 and body["trail"][-1]["kind"] == "deliverable"
    one = f"collaboration/deliverables/{body['uuid']}"
    for title in ("Ontwerp", "Test", "Oplevering"):
        response = client.post(f"{one}/milestones", {"title": title})
        assert response.status_code == 201
    milestones = response.json()["milestones"]
    assert [m["title"] for m in milestones] == ["Ontwerp", "Test", "Oplevering"]
    done = client.post(f"{one}/milestones/{milestones[0]['uuid']}/state", {"state": "done"})
    assert done.json()["progress"] == 33
    moved = client.post(f"{one}/milestones/{milestones[2]['uuid']}/move", {"direction": "up"})
    assert [m["title"] for m in moved.json()["milestones"]] == ["Ontwerp", "Oplevering", "Test"]
    order = [milestones[1]["uuid"], milestones[0]["uuid"], milestones[2]["uuid"]]
    reordered = client.put(f"{one}/milestones/order", {"order": order})
    assert [m["uuid"] for m in reordered.json()["milestones"]] == order
    patched = client.patch(f"{one}/milestones/{milestones[1]['uuid']}", {"due_on": PAST})
    assert patched.json()["milestones"][0]["overdue"] is True
    assert client.delete(f"{one}/milestones/{milestones[1]['uuid']}").status_code == 204
    link = client.post(f"{one}/links", {"kind": "api", "url": "https://api.example.org/v1",
                                        "title": "De API"})
    assert link.status_code == 201 and link.json()["links"][0]["kind"] == "api"
    link_uuid = link.json()["links"][0]["uuid"]
    assert client.delete(f"{one}/links/{link_uuid}").status_code == 204
    state = client.post(f"{one}/state", {"state": "delivered"})
    assert state.json()["state"] == "delivered" and state.json()["progress"] == 100
    patched = client.patch(one, {"title": "Handboek circulair beton", "working_group": None})
    assert patched.status_code == 200
    assert patched.json()["working_group"] is None


def test_upload_download_and_remove(api_for, setup):
    client = api_for(setup.owner.person, setup.org)
    deliverable = setup.deliverable()
    url = f"/api/v1/collaboration/deliverables/{deliverable.uuid}/attachments"
    response = client.client.post(
        url, {"file": SimpleUploadedFile("plan.pdf", PDF, content_type="text/html")},
        **client.headers)
    assert response.status_code == 201, response.content
    attachment = response.json()["attachments"][0]
    assert attachment["content_type"] == "application/pdf" and attachment["size"] == len(PDF)
    download = client.client.get(attachment["download_url"], **client.headers)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PDF
    refused = client.client.post(
        url, {"file": SimpleUploadedFile("page.pdf", b"<html>hoi</html>")}, **client.headers)
    body = assert_error_format(refused, 422)
    assert body["code"] == "file_type" and "file" in body["fields"]
    empty = client.client.post(url, {"file": SimpleUploadedFile("leeg.pdf", b"")},
                               **client.headers)
    assert assert_error_format(empty, 422)["code"] == "empty"
    missing = client.client.post(url, {}, **client.headers)
    assert_error_format(missing, 422)
    removed = client.delete(f"collaboration/deliverables/{deliverable.uuid}/attachments/"
                            f"{attachment['uuid']}")
    assert removed.status_code == 204
    assert client.get(attachment["download_url"]).status_code == 404


@pytest.mark.parametrize(("payload", "status", "field"), [
    ({}, 422, "title"),
    ({"title": ""}, 422, "title"),
    ({"title": "x", "due_on": "morgen"}, 422, "due_on"),
    ({"title": "x", "owner": "bestaat-niet"}, 422, "owner"),
    ({"title": "x", "working_group": "bestaat-niet"}, 422, "working_group"),
])
def test_create_errors(api_for, setup, payload, status, field):
    client = api_for(setup.owner.person, setup.org)
    body = assert_error_format(client.post(base(setup), payload), status)
    assert field in body["fields"]
    assert not Deliverable.objects.exists()


def test_other_errors(api_for, api, setup):
    client = api_for(setup.owner.person, setup.org)
    deliverable = setup.deliverable()
    one = f"collaboration/deliverables/{deliverable.uuid}"
    body = assert_error_format(client.post(f"{one}/state", {"state": "cancelled"}), 422)
    assert "reason" in body["fields"]
    assert_error_format(client.post(f"{one}/state", {"state": "planned"}), 409)
    assert_error_format(client.post(f"{one}/state", {"state": "gone"}), 422)
    assert_error_format(client.post(f"{one}/links", {"kind": "api", "url": "javascript:x"}), 422)
    assert_error_format(client.put(f"{one}/milestones/order",
                                   {"order": [str(deliverable.uuid)]}), 422)
    assert_error_format(client.post(f"{one}/milestones/{deliverable.uuid}/state",
                                    {"state": "done"}), 404)
    assert_error_format(client.patch(one, {"owner": None}), 422)
    assert_error_format(client.get("collaboration/deliverables/not-a-uuid"), 422)
    assert_error_format(client.get(f"collaboration/deliverables/{setup.ecosystem.uuid}"), 404)
    assert_error_format(api.post(f"{one}/state", {"state": "in_progress"}), 401)
    other = api_for(setup.other.person, setup.other_org)
    assert assert_error_format(other.post(f"{one}/state", {"state": "in_progress"}), 403)[
        "code"] == "not_editor"
    assert_error_format(client.get(base(setup), {"owner": "bestaat-niet"}), 422)
    assert_error_format(client.get(base(setup), {"state": "lost"}), 422)


def test_list_filters(api, setup):
    setup.deliverable("Laat", due_on=datetime.date.fromisoformat(PAST))
    setup.deliverable("Later", due_on=datetime.date(2031, 1, 1))
    response = api.get(base(setup), {"overdue": "true"})
    assert [d["title"] for d in response.json()["items"]] == ["Laat"]
    assert response.json()["items"][0]["overdue"] is True
    assert api.get(base(setup), {"owner": setup.org.slug}).json()["count"] == 2
    assert api.get(base(setup), {"state": "delivered"}).json()["count"] == 0


def test_members_only_is_404_for_outsiders(api, api_for, make_setup):
    s = make_setup(visibility="members")
    deliverable = s.deliverable()
    outsider_org = OrganisationFactory()
    outsider = api_for(person_in(outsider_org), outsider_org)
    for client in (api, outsider):
        assert_error_format(client.get(f"collaboration/ecosystems/{s.ecosystem.slug}/"
                                       "deliverables"), 404)
        assert_error_format(client.get(f"collaboration/deliverables/{deliverable.uuid}"), 404)
    assert_error_format(outsider.post(f"collaboration/deliverables/{deliverable.uuid}/links",
                                      {"kind": "api", "url": "https://x.org"}), 404)


@pytest.mark.parametrize("rows", [5, 50])
def test_list_query_count(api, make_setup, django_assert_max_num_queries, rows):
    s = make_setup()
    for number in range(rows):
        deliverable = Deliverable.objects.create(ecosystem=s.ecosystem, owner=s.org,
                                                 working_group=s.group,
                                                 title=f"Resultaat {number}")
        Milestone.objects.create(deliverable=deliverable, title="Stap")
    with django_assert_max_num_queries(6):
        response = api.get(base(s), {"limit": 100})
    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", [5, 50])
def test_detail_query_count(api, make_setup, django_assert_max_num_queries, rows):
    s = make_setup()
    deliverable = s.deliverable()
    Milestone.objects.bulk_create(Milestone(deliverable=deliverable, title=f"Stap {n}",
                                            position=n) for n in range(rows))
    with django_assert_max_num_queries(8):
        response = api.get(f"collaboration/deliverables/{deliverable.uuid}")
    assert len(response.json()["milestones"]) == rows


def test_patch_and_upload_refusals(api, api_for, setup):
    deliverable = setup.deliverable()
    one = f"collaboration/deliverables/{deliverable.uuid}"
    client = api_for(setup.owner.person, setup.org)
    outsider = OrganisationFactory()
    body = assert_error_format(client.patch(one, {"owner": outsider.slug}), 422)
    assert "owner" in body["fields"]
    assert_error_format(client.patch(one, {"title": None}), 422)
    assert_error_format(client.patch(one, {"title": "x" * 201}), 422)
    url = f"/api/v1/{one}/attachments"
    upload = {"file": SimpleUploadedFile("plan.pdf", PDF)}
    assert_error_format(api.client.post(url, upload, **api.headers), 401)
    other = api_for(setup.other.person, setup.other_org)
    assert_error_format(other.client.post(url, {"file": SimpleUploadedFile("plan.pdf", PDF)},
                                          **other.headers), 403)
    deliverable.refresh_from_db()
    assert deliverable.owner == setup.org and not deliverable.attachments.exists()


def test_another_owner_needs_its_consent_through_the_api(api_for, setup):
    client = api_for(setup.owner.person, setup.org)
    body = assert_error_format(client.post(base(setup), {"title": "Voor een ander",
                                                         "owner": setup.other_org.slug}), 403)
    assert body["code"] == "not_owner_speaker" and "owner" in body["fields"]
    assert not Deliverable.objects.exists()
    deliverable = setup.deliverable()
    one = f"collaboration/deliverables/{deliverable.uuid}"
    body = assert_error_format(client.patch(one, {"owner": setup.other_org.slug}), 403)
    assert "owner" in body["fields"]
    deliverable.refresh_from_db()
    assert deliverable.owner == setup.org
    # The other organisation's admin speaks for it; a facilitator may too.
    speaker = api_for(setup.other.person, setup.other_org)
    created = speaker.post(base(setup), {"title": "Van ons", "owner": setup.other_org.slug})
    assert created.status_code == 201, created.content
    facilitator = api_for(setup.facilitator, setup.home)
    moved = facilitator.patch(one, {"owner": setup.other_org.slug})
    assert moved.status_code == 200 and moved.json()["owner"]["uuid"] == str(
        setup.other_org.uuid)
