"""The deliverables flow in the browser, with axe-core on every page: a deliverable with
three milestones, one done (33 %), a link, an uploaded PDF, and, once its due date has
passed, marked overdue on the board."""

import datetime

import pytest
from django.utils import timezone

from zwerm.collaboration.models import Attachment, Deliverable
from zwerm.collaboration.tests.deliverables.conftest import PDF
from zwerm.core.testing.fixtures import sign_in
from zwerm.ecosystems.tests.factories import MembershipFactory, admin_of, started_ecosystem
from zwerm.organisations.tests.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_deliverable_flow(ui, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    ecosystem, _facilitator, _home = started_ecosystem(name="Haven Noord")
    organisation = OrganisationFactory(name="Betonkring")
    admin_of(organisation, email="bram@example.org")
    MembershipFactory(ecosystem=ecosystem, organisation=organisation)
    sign_in(ui, "bram@example.org")

    # Add the deliverable from the (empty) board.
    ui.goto(f"/ecosystems/{ecosystem.slug}/deliverables/")
    assert ui.page.get_by_text("Nog geen resultaten.").is_visible()
    ui.click("text=Resultaat toevoegen")
    ui.page.fill("#id_title", "Handboek circulair beton")
    ui.page.fill("#id_description", "Alles wat we **samen** leerden.")
    ui.page.fill("#id_due_on", (timezone.localdate() + datetime.timedelta(days=60)).isoformat())
    ui.submit("Voeg het resultaat toe")
    assert ui.page.locator("h1").inner_text() == "Handboek circulair beton"
    deliverable = Deliverable.objects.get()
    assert deliverable.owner == organisation

    # Three milestones; the first one done makes 33 %.
    for title in ("Inventarisatie", "Proefproject", "Publicatie"):
        ui.page.fill("#id_m_title", title)
        ui.submit("Voeg de mijlpaal toe")
    assert ui.page.locator("li.milestone").count() == 3
    first = deliverable.milestones.get(title="Inventarisatie")
    ui.page.select_option(f"#ms-{first.uuid}", "done")
    ui.submit("Status instellen Inventarisatie")
    assert ui.page.get_by_text("Voortgang: 33 %").is_visible()
    assert ui.page.get_by_text("1 van 3 mijlpalen klaar").is_visible()

    # A link to the real outcome and an uploaded PDF.
    ui.page.select_option("#id_l_kind", "repository")
    ui.page.fill("#id_l_url", "https://git.example.org/haven/beton")
    ui.page.fill("#id_l_title", "Broncode van de rekentool")
    ui.submit("Voeg de link toe")
    assert ui.page.get_by_role("link", name="Broncode van de rekentool").is_visible()
    ui.page.set_input_files("#id_file", files=[
        {"name": "handboek.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    ui.submit("Upload het bestand")
    assert ui.page.get_by_role("link", name="handboek.pdf").is_visible()
    assert Attachment.objects.get().content_type == "application/pdf"

    # The due date moves into the past: the board marks it overdue, in words too.
    ui.click("text=Resultaat bewerken")
    ui.page.fill("#id_due_on", (timezone.localdate() - datetime.timedelta(days=1)).isoformat())
    ui.submit("Opslaan")
    assert ui.page.locator(".pill-danger", has_text="Over de deadline").first.is_visible()
    ui.goto(f"/ecosystems/{ecosystem.slug}/deliverables/")
    card = ui.page.locator("li.deliverable-card", has_text="Handboek circulair beton")
    assert "deliverable-overdue" in card.get_attribute("class")
    assert card.get_by_text("Over de deadline").is_visible()
    assert card.get_by_text("Voortgang: 33 %").is_visible()
    ui.page.check("#id_overdue")
    ui.submit("Filters toepassen")
    assert ui.page.locator("li.deliverable-card").count() == 1
