"""The working-group flow in the browser, with axe-core on every page: start a group, a second
person joins, the lead posts an announcement and hands the secretary role to the newcomer."""

import pytest

from zwerm.collaboration.models import WorkingGroup, WorkingGroupPost, WorkingGroupRole
from zwerm.core.models import Notification
from zwerm.core.testing.fixtures import sign_in
from zwerm.ecosystems.tests.factories import EcosystemFactory, MembershipFactory, admin_of
from zwerm.organisations.tests.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_working_group_flow(ui):
    ecosystem = EcosystemFactory(name="Haven Noord", slug="haven-noord")
    people = {}
    for name, email in [("Bouwkring", "bea@example.org"), ("Warmtebedrijf", "wim@example.org")]:
        organisation = OrganisationFactory(name=name)
        people[email] = admin_of(organisation, email=email, name=email.split("@")[0].title())
        MembershipFactory(ecosystem=ecosystem, organisation=organisation)

    # Bea starts a working group from the ecosystem's sub-navigation.
    sign_in(ui, "bea@example.org")
    ui.goto("/ecosystems/haven-noord/")
    ui.click("nav.eco-subnav >> text=Werkgroepen")
    ui.click("text=Start een werkgroep")
    ui.page.fill("#id_name", "Restwarmte")
    ui.page.fill("#id_purpose", "Restwarmte uit de haven naar de wijk brengen.")
    ui.page.fill("#id_description", "We beginnen met **metingen**.")
    ui.page.check("input[name=join_policy][value=open]")
    ui.page.fill("#id_rotation_months", "6")
    ui.submit("Start de werkgroep")
    assert ui.page.locator("h1").inner_text() == "Restwarmte"
    assert ui.page.locator(".message-success").is_visible()
    group = WorkingGroup.objects.get()

    # Wim joins.
    sign_in(ui, "wim@example.org")
    ui.goto(f"/ecosystems/haven-noord/working-groups/{group.slug}/")
    ui.submit("Sluit aan bij de werkgroep")
    assert ui.page.get_by_text("Je bent lid").is_visible()

    # Bea posts an announcement; Wim is notified.
    sign_in(ui, "bea@example.org")
    ui.goto(f"/ecosystems/haven-noord/working-groups/{group.slug}/")
    ui.page.fill("#id_body", "Eerste overleg op **dinsdag**.")
    ui.page.check("#id_announcement")
    ui.submit("Plaats het bericht")
    assert ui.page.locator(".wg-announcement strong", has_text="dinsdag").is_visible()
    assert WorkingGroupPost.objects.get().kind == "announcement"
    assert Notification.objects.filter(recipient=people["wim@example.org"],
                                       kind="collaboration.working_groups").exists()

    # Bea hands the secretary role to Wim.
    ui.click("text=Draag rollen over en bekijk hun geschiedenis")
    ui.page.select_option("#id_role", "secretary")
    ui.page.select_option("#id_to_member", label="Wim (Warmtebedrijf)")
    ui.page.fill("#id_reason", "Wim notuleert graag")
    ui.submit("Overdragen")
    assert ui.page.locator(".message-success").is_visible()
    secretary = WorkingGroupRole.objects.get(name="secretary", ended_at__isnull=True)
    assert secretary.person == people["wim@example.org"]
    assert ui.page.locator("#roles dd", has_text="Wim").is_visible()
