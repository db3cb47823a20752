"""The working-group API: the same services as the pages, one error format, private 404s."""

import pytest

from zwerm.collaboration.models import WorkingGroup, WorkingGroupMember
from zwerm.collaboration.services.working_groups import working_group_join
from zwerm.collaboration.services.working_groups_posts import post_create
from zwerm.collaboration.tests.working_groups.helpers import (
    make_setting,
    start,
    started_initiative,
)
from zwerm.core.testing.fixtures import assert_error_format
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db

BASE = "collaboration"


@pytest.fixture
def s():
    return make_setting()


def client(api_for, s, index):
    return api_for(s.people[index], s.orgs[index])


def test_start_list_and_read(api, api_for, s):
    lead = client(api_for, s, 0)
    response = lead.post(f"{BASE}/ecosystems/{s.ecosystem.slug}/working-groups",
                         {"name": "Data delen", "purpose": "Samen data delen.",
                          "join_policy": "request", "rotation_months": 6})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["slug"] == "data-delen" and body["member_count"] == 1
    assert body["roles"][0]["role"] == "lead" and body["roles"][0]["term_ends_on"]
    assert body["url"].endswith("/working-groups/data-delen/")
    listed = api.get(f"{BASE}/ecosystems/{s.ecosystem.slug}/working-groups").json()
    assert listed["count"] == 1 and listed["items"][0]["uuid"] == body["uuid"]
    one = api.get(f"{BASE}/working-groups/{body['uuid']}").json()
    assert one["name"] == "Data delen" and one["join_policy"] == "request"


def test_bad_input_has_the_error_format(api, api_for, s):
    lead = client(api_for, s, 0)
    url = f"{BASE}/ecosystems/{s.ecosystem.slug}/working-groups"
    body = assert_error_format(lead.post(url, {"name": " ", "purpose": "x"}), 422)
    assert "name" in body["fields"]
    body = assert_error_format(lead.post(url, {"name": "A", "purpose": "B",
                                               "rotation_months": 0}), 422)
    assert "rotation_months" in body["fields"]
    assert_error_format(lead.post(url, {"purpose": "B"}), 422)
    assert_error_format(api.post(url, {"name": "A", "purpose": "B"}), 401)
    outsider_org = OrganisationFactory()
    outsider = api_for(person_in(outsider_org), outsider_org)
    body = assert_error_format(outsider.post(url, {"name": "A", "purpose": "B"}), 403)
    assert body["code"] == "not_member"
    assert_error_format(api.get(f"{BASE}/working-groups/not-a-uuid"), 422)
    assert_error_format(api.get(f"{BASE}/working-groups/00000000-0000-0000-0000-000000000000"),
                        404)
    assert not WorkingGroup.objects.exists()


def test_members_only_ecosystem_answers_404_to_outsiders(api, api_for):
    s = make_setting("members")
    group = start(s)
    outsider_org = OrganisationFactory()
    outsider = api_for(person_in(outsider_org), outsider_org)
    for caller in (api, outsider):
        assert_error_format(caller.get(f"{BASE}/ecosystems/{s.ecosystem.slug}/working-groups"),
                            404)
        assert_error_format(caller.get(f"{BASE}/working-groups/{group.uuid}"), 404)
        assert_error_format(caller.get(f"{BASE}/working-groups/{group.uuid}/posts"), 404)
        assert_error_format(caller.get(f"{BASE}/working-groups/{group.uuid}/members"), 404)
    assert_error_format(outsider.post(f"{BASE}/working-groups/{group.uuid}/join"), 404)
    member = client(api_for, s, 1)
    assert member.get(f"{BASE}/working-groups/{group.uuid}").status_code == 200


def test_update_archive_unarchive(api_for, s):
    group = start(s)
    url = f"{BASE}/working-groups/{group.uuid}"
    lead, other = client(api_for, s, 0), client(api_for, s, 1)
    assert lead.patch(url, {"purpose": "Nieuw", "rotation_months": None}).json()[
        "purpose"] == "Nieuw"
    assert_error_format(other.patch(url, {"purpose": "Nee"}), 403)
    assert_error_format(lead.patch(url, {"name": ""}), 422)
    assert_error_format(lead.post(f"{url}/archive", {"reason": ""}), 422)
    assert lead.post(f"{url}/archive", {"reason": "Klaar"}).json()["archived_at"]
    body = assert_error_format(lead.patch(url, {"purpose": "Toch"}), 409)
    assert body["code"] == "archived"
    assert_error_format(lead.post(f"{url}/unarchive"), 403)
    facilitator = api_for(s.facilitator, s.facilitator_org)
    assert facilitator.post(f"{url}/unarchive").json()["archived_at"] is None


def test_join_request_answer_and_leave(api, api_for, s):
    group = start(s, join_policy="request")
    url = f"{BASE}/working-groups/{group.uuid}"
    lead, joiner = client(api_for, s, 0), client(api_for, s, 1)
    response = joiner.post(f"{url}/join")
    assert response.status_code == 201 and response.json()["state"] == "requested"
    assert_error_format(joiner.post(f"{url}/join"), 409)
    member_uuid = response.json()["uuid"]
    states = {m["state"] for m in api.get(f"{url}/members").json()}
    assert "requested" not in states  # requests are for those who answer them
    assert "requested" in {m["state"] for m in lead.get(f"{url}/members").json()}
    body = assert_error_format(lead.post(f"{url}/requests/{member_uuid}", {"accept": False}),
                               422)
    assert "reason" in body["fields"]
    assert_error_format(joiner.post(f"{url}/requests/{member_uuid}", {"accept": True}), 403)
    assert_error_format(lead.post(f"{url}/requests/00000000-0000-0000-0000-000000000000",
                                  {"accept": True}), 404)
    assert lead.post(f"{url}/requests/{member_uuid}", {"accept": True}).json()[
        "state"] == "active"
    assert joiner.post(f"{url}/leave").json()["state"] == "left"
    assert_error_format(joiner.post(f"{url}/leave"), 409)


def test_roles_hand_over_step_down_and_history(api, api_for, s):
    group = start(s)
    working_group_join(actor=s.actor(1), working_group=group)
    member = WorkingGroupMember.objects.get(person=s.people[1])
    url = f"{BASE}/working-groups/{group.uuid}/roles"
    lead = client(api_for, s, 0)
    assert_error_format(lead.post(f"{url}/king/hand-over", {"to_member": str(member.uuid)}),
                        422)
    assert_error_format(lead.post(f"{url}/lead/hand-over",
                                  {"to_member": "00000000-0000-0000-0000-000000000000"}), 422)
    response = lead.post(f"{url}/secretary/hand-over", {"to_member": str(member.uuid)})
    assert response.status_code == 200 and response.json()["role"] == "secretary"
    second = client(api_for, s, 1)
    assert second.post(f"{url}/secretary/step-down", {"reason": "Druk"}).json()["ended_at"]
    assert_error_format(second.post(f"{url}/lead/step-down", {}), 403)
    history = api.get(url).json()
    assert [(r["role"], r["ended_at"] is None) for r in history] == [
        ("lead", True), ("secretary", False)]


def test_posts_replies_announcements_and_delete(api, api_for, s):
    group = start(s)
    working_group_join(actor=s.actor(1), working_group=group)
    url = f"{BASE}/working-groups/{group.uuid}/posts"
    lead, member, outsider = client(api_for, s, 0), client(api_for, s, 1), client(api_for, s, 2)
    first = member.post(url, {"body": "Hallo"})
    assert first.status_code == 201
    reply = lead.post(url, {"body": "Welkom", "reply_to": first.json()["uuid"]})
    assert reply.status_code == 201
    assert_error_format(member.post(url, {"body": "Let op", "announcement": True}), 403)
    assert lead.post(url, {"body": "Let op", "announcement": True}).json()["kind"] == (
        "announcement")
    assert_error_format(outsider.post(url, {"body": "Ik ook"}), 403)
    assert_error_format(member.post(url, {"body": ""}), 422)
    assert_error_format(member.post(url, {"body": "x", "reply_to":
                                          "00000000-0000-0000-0000-000000000000"}), 422)
    thread = api.get(url).json()
    assert [p["kind"] for p in thread] == ["message", "announcement"]
    assert thread[0]["replies"][0]["body"] == "Welkom"
    assert_error_format(lead.delete(f"{url}/{first.json()['uuid']}"), 403)
    assert member.delete(f"{url}/{first.json()['uuid']}").status_code == 204
    assert api.get(url).json()[0]["deleted"] is True


def test_from_initiative(api_for, s):
    initiative = started_initiative(s.ecosystem, [(s.orgs[1], s.people[1])])
    url = f"{BASE}/initiatives/{initiative.uuid}/working-group"
    assert_error_format(client(api_for, s, 2).post(url, {}), 403)
    response = client(api_for, s, 1).post(url, {"join_policy": "request"})
    assert response.status_code == 201, response.content
    assert response.json()["initiative"] == str(initiative.uuid)
    assert_error_format(client(api_for, s, 1).post(url, {}), 409)
    assert_error_format(client(api_for, s, 1).post(
        f"{BASE}/initiatives/00000000-0000-0000-0000-000000000000/working-group", {}), 404)


@pytest.mark.parametrize("rows", [5, 50])
def test_list_query_count_does_not_grow(api, s, rows, django_assert_max_num_queries):
    for number in range(rows):
        group = start(s, name=f"Groep {number}")
        post_create(actor=s.actor(0), working_group=group, body="Hallo")
    with django_assert_max_num_queries(12):
        response = api.get(f"{BASE}/ecosystems/{s.ecosystem.slug}/working-groups?limit=100")
    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", [5, 50])
def test_thread_and_members_query_count_does_not_grow(api, s, rows,
                                                      django_assert_max_num_queries):
    group = start(s)
    working_group_join(actor=s.actor(1), working_group=group)
    for number in range(rows):
        post = post_create(actor=s.actor(number % 2), working_group=group, body=f"B {number}")
        post_create(actor=s.actor(0), working_group=group, body="Antwoord", reply_to=post)
    with django_assert_max_num_queries(14):
        thread = api.get(f"{BASE}/working-groups/{group.uuid}/posts").json()
    assert len(thread) == rows and all(len(post["replies"]) == 1 for post in thread)
    with django_assert_max_num_queries(14):
        assert len(api.get(f"{BASE}/working-groups/{group.uuid}/members").json()) == 2


def test_the_endpoints_are_in_the_openapi_schema(api):
    paths = api.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/collaboration/working-groups/{group_uuid}/roles/{role}/hand-over" in paths
    assert "/api/v1/collaboration/initiatives/{initiative_uuid}/working-group" in paths
