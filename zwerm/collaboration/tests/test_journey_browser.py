"""Keeping together end to end in the browser, with axe-core on every page: start a working
group → a deliverable with milestones → commitments → a contribution acknowledged → a
proposal decided by consent → an organisation leaves and hands its commitment over."""

import datetime

import pytest
from django.utils import timezone

from zwerm.collaboration.models import (
    Commitment,
    Contribution,
    Decision,
    Deliverable,
    HandOver,
    Proposal,
    WorkingGroup,
)
from zwerm.core.testing.fixtures import sign_in
from zwerm.ecosystems.models import Membership
from zwerm.ecosystems.tests.factories import EcosystemFactory, MembershipFactory, admin_of
from zwerm.organisations.tests.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def in_days(days):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def consent(ui, proposal):
    ui.goto(f"/ecosystems/haven-noord/proposals/{proposal.uuid}/")
    ui.page.check("input[name=stance][value=consent]")
    ui.submit("Mijn standpunt opslaan")
    assert ui.page.locator(".message-success").is_visible()


def test_from_working_group_to_hand_over(ui):
    ecosystem = EcosystemFactory(name="Haven Noord", slug="haven-noord")
    organisations = {}
    for name, email in [("Bouwkring", "bea@example.org"), ("Warmtebedrijf", "wim@example.org"),
                        ("Gemeente Houten", "gea@example.org")]:
        organisation = OrganisationFactory(name=name)
        admin_of(organisation, email=email, name=email.split("@")[0].title())
        MembershipFactory(ecosystem=ecosystem, organisation=organisation)
        organisations[email] = organisation

    # Bea (Bouwkring) starts a working group; Wim (Warmtebedrijf) joins it.
    sign_in(ui, "bea@example.org")
    ui.goto("/ecosystems/haven-noord/")
    ui.click("nav.eco-subnav >> text=Werkgroepen")
    ui.click("text=Start een werkgroep")
    ui.page.fill("#id_name", "Restwarmte")
    ui.page.fill("#id_purpose", "Restwarmte uit de haven naar de wijk brengen.")
    ui.page.check("input[name=join_policy][value=open]")
    ui.submit("Start de werkgroep")
    group = WorkingGroup.objects.get()
    sign_in(ui, "wim@example.org")
    ui.goto(f"/ecosystems/haven-noord/working-groups/{group.slug}/")
    ui.submit("Sluit aan bij de werkgroep")
    assert ui.page.get_by_text("Je bent lid").is_visible()

    # Bea adds the group's deliverable with two milestones, one of them done.
    sign_in(ui, "bea@example.org")
    ui.goto("/ecosystems/haven-noord/deliverables/")
    ui.click("text=Resultaat toevoegen")
    ui.page.fill("#id_title", "Warmtekaart van de haven")
    ui.page.select_option("#id_working_group", label="Restwarmte")
    ui.page.fill("#id_due_on", in_days(60))
    ui.submit("Voeg het resultaat toe")
    deliverable = Deliverable.objects.get()
    assert deliverable.working_group == group
    for title in ("Metingen", "Kaart publiceren"):
        ui.page.fill("#id_m_title", title)
        ui.submit("Voeg de mijlpaal toe")
    first = deliverable.milestones.get(title="Metingen")
    ui.page.select_option(f"#ms-{first.uuid}", "done")
    ui.submit("Status instellen Metingen")
    assert ui.page.get_by_text("Voortgang: 50 %").is_visible()

    # Two commitments: Wim's hours to the deliverable, Gea's money to the group.
    sign_in(ui, "wim@example.org")
    ui.goto(f"/ecosystems/haven-noord/commitments/new/?deliverable={deliverable.uuid}")
    ui.page.select_option("#id_type", "hours")
    ui.page.fill("#id_quantity", "10")
    ui.page.fill("#id_due_on", in_days(30))
    ui.page.fill("#id_description", "Twee monteurs voor de metingen")
    ui.submit("Toezeggen namens onze organisatie")
    hours = Commitment.objects.get(organisation=organisations["wim@example.org"])
    sign_in(ui, "gea@example.org")
    ui.goto(f"/ecosystems/haven-noord/commitments/new/?working_group={group.uuid}")
    ui.page.select_option("#id_type", "money")
    ui.page.fill("#id_quantity", "5000")
    ui.page.fill("#id_due_on", in_days(90))
    ui.page.fill("#id_description", "Subsidie voor de proefwijk")
    ui.submit("Toezeggen namens onze organisatie")
    assert Commitment.objects.filter(working_group=group, type="money").exists()

    # Wim delivers 4 of the 10 hours; Bea, whose organisation owns the deliverable,
    # acknowledges the entry.
    sign_in(ui, "wim@example.org")
    ui.goto(f"/ecosystems/haven-noord/commitments/{hours.uuid}/")
    ui.page.get_by_role("link", name="Leg er een bijdrage voor vast").click()
    ui.settle()
    ui.page.select_option("#id_type", "hours")
    ui.page.fill("#id_quantity", "4")
    ui.page.fill("#id_description", "Eerste meetdag")
    ui.submit("Leg de bijdrage vast")
    assert ui.page.get_by_text("Nog niet bevestigd").first.is_visible()
    sign_in(ui, "bea@example.org")
    ui.goto("/ecosystems/haven-noord/ledger/waiting/")
    ui.page.get_by_role("link", name="Eerste meetdag").click()
    ui.settle()
    ui.submit("Ontvangst bevestigen")
    assert ui.page.locator(".message-success").is_visible()
    assert Contribution.objects.get().acknowledged_for == organisations["bea@example.org"]

    # Bea tables a proposal; all three organisations consent, which decides it.
    ui.goto("/ecosystems/haven-noord/proposals/")
    ui.click("text=Dien een voorstel in")
    ui.page.fill("#id_title", "Meetgegevens open delen")
    ui.page.fill("#id_body", "We publiceren de meetgegevens onder **CC BY 4.0**.")
    ui.page.check("input[name=kind][value=consent]")
    deadline = timezone.localtime() + datetime.timedelta(days=3)
    ui.page.fill("#id_deadline", deadline.strftime("%Y-%m-%dT%H:%M"))
    ui.submit("Het voorstel openen")
    proposal = Proposal.objects.get()
    consent(ui, proposal)
    for email in ("wim@example.org", "gea@example.org"):
        sign_in(ui, email)
        consent(ui, proposal)
    assert Decision.objects.get().outcome == "adopted"
    ui.goto("/ecosystems/haven-noord/decisions/")
    assert "Aangenomen" in ui.page.locator("tbody tr").first.inner_text()

    # Warmtebedrijf leaves: the leave page sends Wim to hand its commitment over first.
    sign_in(ui, "wim@example.org")
    ui.goto("/ecosystems/haven-noord/membership/leave/")
    ui.page.locator('.obligations a[href$="/hand-over/"]').click()
    ui.settle()
    key = f"c-{hours.uuid}"
    ui.page.check(f"#id_{key}-choice_0")
    ui.page.select_option(f"#id_{key}-receiver", label="Gemeente Houten")
    ui.page.fill(f"#id_{key}-note", "Jullie monteurs kennen de wijk.")
    ui.page.locator(f'form:has(input[name="item"][value="{key}"]) button[type="submit"]').click()
    ui.settle()
    assert ui.page.locator(".message-success").is_visible()
    ui.goto("/ecosystems/haven-noord/membership/leave/")
    ui.page.fill("#id_reason", "Ons project in de haven is afgerond.")
    ui.submit("Het ecosysteem verlaten")
    assert Membership.objects.get(organisation=organisations["wim@example.org"]).state == "left"

    # Gemeente Houten accepts and takes over the 6 hours still to deliver.
    sign_in(ui, "gea@example.org")
    ui.goto("/ecosystems/haven-noord/hand-over/requests/")
    assert ui.page.get_by_text("Jullie monteurs kennen de wijk.").is_visible()
    ui.page.locator('form:has(input[name="action"][value="accept"]) button').click()
    ui.settle()
    assert ui.page.locator(".message-success").is_visible()
    assert HandOver.objects.get().state == "accepted"
    hours.refresh_from_db()
    assert hours.state == "handed_over"
    taken = Commitment.objects.get(handed_over_from=hours)
    assert taken.organisation == organisations["gea@example.org"] and taken.quantity == 6
    ui.goto(f"/ecosystems/haven-noord/commitments/{taken.uuid}/")
    assert ui.page.get_by_text("Warmtebedrijf").first.is_visible()
