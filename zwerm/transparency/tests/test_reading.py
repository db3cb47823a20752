"""Readers see the log up to its latest signed checkpoint, in a fixed number of queries."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.models import Activity
from zwerm.core.testing.fixtures import assert_error_format
from zwerm.ecosystems.models import Role
from zwerm.ecosystems.tests.factories import EcosystemFactory, MembershipFactory, RoleFactory
from zwerm.organisations.tests.factories import OrganisationFactory, person_in
from zwerm.transparency import checkpoints, services
from zwerm.transparency.tests.conftest import World


def _signed(world: World, n: int):
    world.record(n=n)
    services.sequence_all()
    log = services.log_for(world.ecosystem.uuid)
    checkpoints.checkpoint_sign(log)
    return log


def test_entries_tiles_and_proofs_stop_at_the_signed_checkpoint(world, api, client):
    _signed(world, 4)
    world.record(n=3)
    services.sequence_all()  # appended, not yet signed
    path = f"transparency/logs/{world.ecosystem.uuid}"
    detail = api.get(path).json()
    assert (detail["size"], detail["appended"]) == (4, 7)
    assert api.get(f"{path}/entries/3").status_code == 200
    assert_error_format(api.get(f"{path}/entries/4"), 404)
    body = assert_error_format(api.get(f"{path}/proof/inclusion", {"index": 1, "size": 7}), 422)
    assert body["fields"]
    assert_error_format(api.get(f"{path}/proof/consistency", {"first": 4, "second": 7}), 422)
    assert api.get(f"{path}/proof/consistency", {"first": 2, "second": 4}).status_code == 200
    assert_error_format(api.get(f"{path}/proof/inclusion", {"index": 4, "size": 4}), 422)
    assert_error_format(api.get(f"{path}/proof/consistency", {"first": 4, "second": 2}), 422)
    base = f"/ecosystems/{world.ecosystem.uuid}/log"
    assert client.get(f"{base}/tile/0/000.p/4").status_code == 200
    assert client.get(f"{base}/tile/0/000.p/5").status_code == 404
    assert client.get(f"{base}/tile/entries/000.p/5").status_code == 404
    assert client.get(f"{base}/entries/5/").status_code == 404
    assert api.get(f"{path}/entries").json()["count"] == 4


def test_a_log_without_checkpoint_serves_nothing_yet(world, api, client):
    world.record(n=2)
    services.sequence_all()
    path = f"transparency/logs/{world.ecosystem.uuid}"
    assert api.get(path).json()["checkpoint"] is None
    assert api.get(f"{path}/entries").json() == {"items": [], "count": 0}
    assert_error_format(api.get(f"{path}/entries/0"), 404)
    assert client.get(f"/ecosystems/{world.ecosystem.uuid}/log/checkpoint").status_code == 404
    page = client.get(f"/ecosystems/{world.ecosystem.uuid}/log/", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200 and b"No checkpoint has been signed yet" in page.content


def test_the_entry_list_pages_and_filters(world, api):
    _signed(world, 6)
    world.record(verb="ecosystems.charter.updated", n=2)
    services.sequence_all()
    checkpoints.checkpoint_sign(services.log_for(world.ecosystem.uuid))
    path = f"transparency/logs/{world.ecosystem.uuid}/entries"
    body = api.get(path, {"limit": 3, "offset": 1}).json()
    assert body["count"] == 8
    assert [item["index"] for item in body["items"]] == [6, 5, 4]
    charter = api.get(path, {"kind": "ecosystems.charter."}).json()
    assert charter["count"] == 2 and {i["kind"] for i in charter["items"]} == {
        "ecosystems.charter.updated"
    }
    assert_error_format(api.get(path, {"limit": 0}), 422)
    assert_error_format(api.get(path, {"offset": -1}), 422)


@pytest.mark.parametrize("n", [5, 50])
def test_list_endpoint_and_pages_run_a_fixed_number_of_queries(
    world, api, client, django_assert_max_num_queries, n
):
    _signed(world, n)
    eco = world.ecosystem.uuid
    with django_assert_max_num_queries(5):
        assert len(api.get(f"transparency/logs/{eco}/entries").json()["items"]) == min(n, 50)
    with django_assert_max_num_queries(8):
        assert client.get(f"/ecosystems/{eco}/log/").status_code == 200
    with django_assert_max_num_queries(5):
        assert client.get(f"/ecosystems/{eco}/log/entries/{n - 1}/").status_code == 200
    with django_assert_max_num_queries(5):
        assert client.get(f"/ecosystems/{eco}/log/tile/entries/000.p/{n}").status_code == 200


def _render(source: str, **context) -> str:
    request = RequestFactory().get("/")
    return Template("{% load translog %}" + source).render(
        Context({"request": request, **context})
    )


@pytest.mark.parametrize("n", [5, 50])
def test_verifiable_marks_are_looked_up_in_one_query(world, django_assert_num_queries, n):
    _signed(world, n)
    world.record(n=2)  # committed with the test's transaction only: not yet sequenced
    activities = list(Activity.objects.order_by("seq"))
    with django_assert_num_queries(1):
        html = _render(
            "{% for a in items %}{% verifiable a among=items %}{% endfor %}", items=activities
        )
    assert html.count('class="translog-mark"') == n
    assert html.count("translog-mark-pending") == 2
    assert f"/ecosystems/{world.ecosystem.uuid}/log/entries/{n - 1}/" in html
    with django_assert_num_queries(1):
        html = _render(
            "{% prime_verifiable items %}{% for a in items %}{% verifiable a %}{% endfor %}",
            items=activities,
        )
    assert html.count('class="translog-mark') == n + 2


def test_activities_of_unlogged_kinds_get_no_mark(world, django_assert_num_queries):
    activity = world.record(verb="ecosystems.ecosystem.updated")[0]
    with django_assert_num_queries(0):
        assert _render("{% verifiable a %}", a=activity).strip() == ""


VIEWERS = ["anonymous", "outsider", "member", "facilitator", "operator"]


def _people(ecosystem):
    home = OrganisationFactory()
    MembershipFactory(ecosystem=ecosystem, organisation=home)
    facilitator = person_in(home)
    RoleFactory(ecosystem=ecosystem, organisation=home, person=facilitator,
                name=Role.Name.FACILITATOR)
    return {
        "anonymous": None,
        "outsider": person_in(OrganisationFactory()),
        "member": person_in(home),
        "facilitator": facilitator,
        "operator": UserFactory(is_staff=True),
    }


@pytest.mark.parametrize("visibility", ["public", "members"])
@pytest.mark.parametrize("label", VIEWERS)
def test_who_reads_the_log(db, client, api, api_for, label, visibility):
    world = World(visibility=visibility)
    _signed(world, 3)
    person = _people(world.ecosystem)[label]
    sees = visibility == "public" or label in {"member", "facilitator", "operator"}
    reader = api if person is None else api_for(person)
    if person is not None:
        client.force_login(person)
    eco = world.ecosystem.uuid
    base = f"/ecosystems/{eco}/log"
    for url in (f"{base}/", f"{base}/entries/0/", f"{base}/checkpoint",
                f"{base}/tile/0/000.p/3", f"{base}/tile/entries/000.p/3"):
        assert client.get(url).status_code == (200 if sees else 404), url
    for path in ("", "/entries", "/entries/0", "/proof/inclusion?index=0&size=3",
                 "/proof/consistency?first=1&second=3"):
        response = reader.get(f"transparency/logs/{eco}{path}")
        if sees:
            assert response.status_code == 200, path
        else:
            body = assert_error_format(response, 404)
            assert world.ecosystem.name not in body["message"]
    if not sees:
        page = client.get(f"{base}/")
        assert world.ecosystem.name.encode() not in page.content


def test_a_members_only_log_is_not_revealed_through_another_ecosystem(db, client):
    hidden = World(visibility="members")
    _signed(hidden, 2)
    public = EcosystemFactory()
    response = client.get(f"/ecosystems/{public.uuid}/log/")
    assert response.status_code == 200
    assert hidden.ecosystem.name.encode() not in response.content
    assert str(hidden.ecosystem.uuid).encode() not in response.content
