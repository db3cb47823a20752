"""The decisions flow in the browser, with axe-core on every page: a facilitator sets a quorum,
a member tables a proposal, a delegate objects, the proposer amends (positions asked again),
every delegate consents, and the register shows the adopted decision with its statement."""

from datetime import timedelta

import pytest
from django.utils import timezone

from zwerm.collaboration.models import Decision, Proposal
from zwerm.core.testing.fixtures import sign_in
from zwerm.ecosystems.models import Role
from zwerm.ecosystems.tests.factories import MembershipFactory, RoleFactory, started_ecosystem
from zwerm.organisations.models import OrganisationMember
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def local(hours):
    return timezone.localtime(timezone.now() + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M")


def give(ui, slug, proposal, stance, reason=""):
    ui.goto(f"/ecosystems/{slug}/proposals/{proposal.uuid}/")
    ui.page.check(f"input[name=stance][value={stance}]")
    if reason:
        ui.page.fill("#id_reason", reason)
    ui.submit("Mijn standpunt opslaan")
    assert ui.page.locator(".message-success").is_visible()


def test_a_proposal_decided_by_consent(ui):
    ecosystem, facilitator, home = started_ecosystem(name="Haven Noord")
    from allauth.account.models import EmailAddress

    facilitator.email = "fien@example.org"
    facilitator.save(update_fields=["email"])
    EmailAddress.objects.filter(user=facilitator).update(email="fien@example.org")
    delegates = {}
    organisations = [home]
    for name in ["Bouwkring", "Warmtebedrijf"]:
        organisation = OrganisationFactory(name=name)
        MembershipFactory(ecosystem=ecosystem, organisation=organisation)
        organisations.append(organisation)
    for number, organisation in enumerate(organisations):
        if Role.objects.filter(ecosystem=ecosystem, organisation=organisation,
                               name=Role.Name.DELEGATE, ended_at__isnull=True).exists():
            delegates[organisation.name] = "fien@example.org"  # the founder speaks for home
            continue
        delegate = person_in(organisation, email=f"delegate{number}@example.org")
        RoleFactory(ecosystem=ecosystem, organisation=organisation, person=delegate,
                    name=Role.Name.DELEGATE)
        delegates[organisation.name] = f"delegate{number}@example.org"
    person_in(organisations[1], role=OrganisationMember.Role.ADMIN, email="bas@example.org")
    slug = ecosystem.slug

    # The facilitator sets a quorum.
    sign_in(ui, "fien@example.org")
    ui.goto(f"/ecosystems/{slug}/collaboration-settings/")
    ui.page.fill("#id_unit_of_account", "euro")
    ui.page.check("input[name=decision_mode][value=organisation]")
    ui.page.fill("#id_quorum_percent", "60")
    ui.submit("Instellingen opslaan")
    assert ui.page.locator(".message-success").is_visible()

    # A member tables a proposal.
    sign_in(ui, "bas@example.org")
    ui.goto(f"/ecosystems/{slug}/proposals/")
    ui.click("text=Dien een voorstel in")
    ui.page.fill("#id_title", "Gezamenlijke opslag in de haven")
    ui.page.fill("#id_body", "We huren **samen** een loods aan de kade.")
    ui.page.check("input[name=kind][value=consent]")
    ui.page.fill("#id_deadline", local(72))
    ui.submit("Het voorstel openen")
    proposal = Proposal.objects.get()
    assert proposal.quorum_percent == 60
    assert ui.page.locator("h1").inner_text() == "Gezamenlijke opslag in de haven"

    # One delegate objects, with a reason; an objection without one is refused.
    sign_in(ui, delegates["Warmtebedrijf"])
    ui.goto(f"/ecosystems/{slug}/proposals/{proposal.uuid}/")
    ui.page.check("input[name=stance][value=objection]")
    ui.submit("Mijn standpunt opslaan")
    assert ui.page.get_by_text("Een bezwaar heeft een reden nodig").first.is_visible()
    give(ui, slug, proposal, "objection", "De loods is niet verzekerd.")

    # The proposer amends; the positions are asked again.
    sign_in(ui, "bas@example.org")
    ui.goto(f"/ecosystems/{slug}/proposals/{proposal.uuid}/")
    ui.click("text=Wijzigen")
    ui.page.fill("#id_title", "Gezamenlijke, verzekerde opslag")
    ui.page.fill("#id_body", "We huren samen een **verzekerde** loods.")
    ui.page.fill("#id_reason", "Het bezwaar over de verzekering is verwerkt.")
    ui.page.fill("#id_deadline", local(48))
    ui.submit("Wijzigen en opnieuw vragen")
    assert ui.page.locator(".message-success").is_visible()
    assert ui.page.get_by_text("Nog niet gereageerd").count() == 3

    # Every delegate consents; the last one decides it.
    for email in delegates.values():
        sign_in(ui, email)
        give(ui, slug, proposal, "consent")
    decision = Decision.objects.get()
    assert decision.outcome == "adopted" and decision.version == 2

    # The decision register shows it as adopted, with its statement.
    ui.goto(f"/ecosystems/{slug}/decisions/")
    row = ui.page.locator("tbody tr").first
    assert "Gezamenlijke, verzekerde opslag" in row.inner_text()
    assert "Aangenomen" in row.inner_text()
    ui.click("text=Gezamenlijke, verzekerde opslag")
    statement = ui.page.locator(".statement").inner_text()
    assert statement.startswith("Aangenomen met instemming: 3 instemming")
    assert "quorum van 60 % gehaald (3 van 3)" in statement
    assert ui.page.get_by_text("De loods is niet verzekerd.").count() == 1
