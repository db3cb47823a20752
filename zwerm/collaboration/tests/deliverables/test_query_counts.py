"""The board page, the board's API and the detail page run exactly as many queries for 50
deliverables (or milestones) as for 5."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zwerm.collaboration.models import Deliverable, Milestone
from zwerm.core.panels import register_panel, unregister_panel

pytestmark = pytest.mark.django_db


def fill(s, start, count):
    for number in range(start, start + count):
        deliverable = Deliverable.objects.create(ecosystem=s.ecosystem, owner=s.org,
                                                 working_group=s.group,
                                                 title=f"Resultaat {number}")
        Milestone.objects.create(deliverable=deliverable, title="Stap", state="done")


def count(call) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = call()
    assert response.status_code == 200
    return len(queries)


def test_board_page_and_api_do_not_grow(client, make_setup):
    s = make_setup()
    client.force_login(s.owner.person)
    page = f"/ecosystems/{s.ecosystem.slug}/deliverables/"
    api = f"/api/v1/collaboration/ecosystems/{s.ecosystem.slug}/deliverables"
    fill(s, 0, 5)
    few = (count(lambda: client.get(page)), count(lambda: client.get(api, {"limit": 200})))
    fill(s, 5, 45)
    many = (count(lambda: client.get(page)), count(lambda: client.get(api, {"limit": 200})))
    assert few == many
    assert client.get(api, {"limit": 200}).json()["count"] == 50


def test_detail_does_not_grow_with_milestones(client, make_setup):
    s = make_setup()
    deliverable = s.deliverable()
    client.force_login(s.owner.person)
    page = f"/ecosystems/{s.ecosystem.slug}/deliverables/{deliverable.uuid}/"
    api = f"/api/v1/collaboration/deliverables/{deliverable.uuid}"

    def add(start, number):
        Milestone.objects.bulk_create(Milestone(deliverable=deliverable, title=f"Stap {n}",
                                                position=n) for n in range(start, start + number))

    add(0, 5)
    few = (count(lambda: client.get(page)), count(lambda: client.get(api)))
    add(5, 45)
    many = (count(lambda: client.get(page)), count(lambda: client.get(api)))
    assert few == many


def test_detail_page_has_the_deliverable_sections_slot(client, setup):
    deliverable = setup.deliverable()
    seen = []

    def section(request, obj):
        seen.append(obj)
        return {"title": obj.title}

    register_panel("deliverable_sections", "collaboration/deliverables/panels/_subnav.html",
                   lambda request, obj: section(request, obj) and {"ecosystem": obj.ecosystem})
    try:
        client.get(f"/ecosystems/{setup.ecosystem.slug}/deliverables/{deliverable.uuid}/")
    finally:
        unregister_panel("deliverable_sections", "collaboration/deliverables/panels/_subnav.html")
    assert seen == [deliverable]
