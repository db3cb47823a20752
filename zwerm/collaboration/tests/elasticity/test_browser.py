"""Leaving with a hand-over in the browser, with axe-core on every page: an organisation with
an open commitment and a lead role goes to leave, is sent to the hand-over page, hands the
commitment to another organisation and releases the role; the other accepts; the first
leaves and downloads its data, history included."""

import json

import pytest

from zwerm.collaboration.models import Commitment, WorkingGroupRole
from zwerm.collaboration.tests.elasticity.conftest import (
    add_member,
    give_role,
    make_commitment,
    make_group,
)
from zwerm.core.testing.fixtures import sign_in
from zwerm.ecosystems.models import Membership
from zwerm.ecosystems.tests.factories import EcosystemFactory, MembershipFactory, admin_of
from zwerm.organisations.tests.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit_form_of(ui, key):
    ui.page.locator(f'form:has(input[name="item"][value="{key}"]) button[type="submit"]').click()
    ui.settle()


def test_leave_with_a_hand_over_and_take_the_data_along(ui):
    ecosystem = EcosystemFactory(name="Haven Noord", slug="haven-noord")
    giver = OrganisationFactory(name="Bouwkring")
    giver_admin = admin_of(giver, email="bea@example.org", name="Bea Bouwkring")
    taker = OrganisationFactory(name="Warmtebedrijf")
    taker_admin = admin_of(taker, email="wim@example.org", name="Wim Warmte")
    for organisation in (giver, taker):
        MembershipFactory(ecosystem=ecosystem, organisation=organisation)
    group = make_group(ecosystem, giver, giver_admin, name="Restwarmte")
    add_member(group, giver_admin, giver)
    add_member(group, taker_admin, taker)
    role = give_role(group, giver_admin, giver)
    commitment = make_commitment(ecosystem, giver, giver_admin, group, "12")

    # The leaving organisation is pointed to the hand-over page first.
    sign_in(ui, "bea@example.org")
    ui.goto("/ecosystems/haven-noord/membership/leave/")
    assert ui.page.locator("#obligations-title").is_visible()
    assert ui.page.locator(".obligations li").count() == 2
    ui.page.locator('.obligations a[href$="/hand-over/"]').click()
    ui.settle()
    assert ui.page.url.endswith("/ecosystems/haven-noord/hand-over/")

    # It hands the commitment to the other organisation and releases the role.
    key = f"c-{commitment.uuid}"
    ui.page.check(f"#id_{key}-choice_0")
    ui.page.select_option(f"#id_{key}-receiver", label="Warmtebedrijf")
    ui.page.fill(f"#id_{key}-note", "Jullie hebben de warmtekennis.")
    submit_form_of(ui, key)
    assert ui.page.locator(".message-success").is_visible()
    key = f"r-{role.uuid}"
    ui.page.check(f"#id_{key}-choice_1")
    submit_form_of(ui, key)
    role.refresh_from_db()
    assert role.ended_at is not None

    # The other organisation accepts.
    sign_in(ui, "wim@example.org")
    ui.goto("/ecosystems/haven-noord/")
    ui.page.locator('.welcome-panel a[href$="/hand-over/requests/"]').click()
    ui.settle()
    assert ui.page.get_by_text("Jullie hebben de warmtekennis.").is_visible()
    ui.page.locator('form:has(input[name="action"][value="accept"]) button').click()
    ui.settle()
    assert ui.page.locator(".message-success").is_visible()
    taken = Commitment.objects.get(organisation=taker)
    assert taken.handed_over_from == commitment and taken.quantity == 12

    # The first organisation leaves, then takes its data along.
    sign_in(ui, "bea@example.org")
    ui.goto("/ecosystems/haven-noord/membership/leave/")
    assert ui.page.locator(".obligations").count() == 0  # nothing left to decide
    ui.page.fill("#id_reason", "Het project is klaar.")
    ui.submit("Het ecosysteem verlaten")
    assert Membership.objects.get(organisation=giver).state == "left"
    assert not WorkingGroupRole.objects.filter(ended_at__isnull=True, organisation=giver).exists()

    token = next(cookie["value"] for cookie in ui.page.context.cookies()
                 if cookie["name"] == "csrftoken")
    response = ui.page.request.post(f"{ui.base_url}/ecosystems/haven-noord/export/"
                                    f"{giver.slug}.json", headers={"X-CSRFToken": token})
    assert response.ok
    assert "attachment" in response.headers["content-disposition"]
    document = json.loads(response.body())
    tables = document["tables"]
    assert [c["state"] for c in tables["commitments"]] == ["handed_over"]
    assert [h["state"] for h in tables["hand_overs"]] == ["accepted", "released"] or [
        h["state"] for h in tables["hand_overs"]] == ["released", "accepted"]
    assert [e["to_state"] for e in tables["membership_history"]][-1] == "left"
    assert tables["working_group_memberships"][0]["state"] == "left"
