import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.models import Activity
from zwerm.organisations.models import OrganisationMember
from zwerm.organisations.tests.factories import (
    OrganisationFactory,
    ProfileEntryFactory,
    ThemeFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(ui, person):
    """Start the browser with a signed-in session (the login page is the accounts' to test)."""
    client = Client()
    client.force_login(person)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    ui.page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": ui.base_url}]
    )


def test_directory_search_with_filters(ui):
    water = ThemeFactory(name="Water", slug="water")
    target = OrganisationFactory(name="Waterschap Vallei", kind="government", region="gelderland")
    target.themes.add(water)
    ProfileEntryFactory(organisation=target, kind="offer", title="Dijkdata als open data")
    OrganisationFactory(name="Bouwbedrijf Vallei", kind="company", region="gelderland")
    OrganisationFactory(name="Gemeente Ede", kind="government", region="gelderland")
    ui.goto("/organisations/")
    expect(ui.page.get_by_role("heading", level=1)).to_have_text("Organisaties")
    expect(ui.page.locator(".organisation-card")).to_have_count(3)
    ui.page.get_by_label("Zoeken", exact=True).fill("dijkdata")
    ui.page.get_by_label("Soort", exact=True).select_option("government")
    ui.page.get_by_label("Regio", exact=True).select_option("gelderland")
    ui.page.get_by_label("Thema", exact=True).select_option("water")
    ui.submit("Zoeken")
    cards = ui.page.locator(".organisation-card")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Waterschap Vallei")
    assert re.search(r"q=dijkdata.*kind=government", ui.page.url)
    ui.page.get_by_label("Zoeken", exact=True).fill("vallei")
    ui.page.get_by_label("Soort", exact=True).select_option("")
    ui.page.get_by_label("Thema", exact=True).select_option("")
    ui.submit("Zoeken")
    expect(cards).to_have_count(2)
    ui.page.get_by_label("Zoeken", exact=True).fill("niets-te-vinden")
    ui.submit("Zoeken")
    expect(ui.page.locator(".empty-state")).to_contain_text("Geen organisatie")
    ui.click("text=Filters wissen")
    expect(cards).to_have_count(3)


def test_acting_for_another_organisation_records_for_it(ui):
    first = OrganisationFactory(name="Alfa Advies")
    second = OrganisationFactory(name="Beta Bouw")
    person = UserFactory(name="Sanne Jansen")
    OrganisationMember.objects.create(organisation=first, person=person, role="admin")
    OrganisationMember.objects.create(organisation=second, person=person, role="admin")
    person.acting_organisation_uuid = first.uuid
    person.save(update_fields=["acting_organisation_uuid"])
    sign_in(ui, person)
    ui.goto(f"/organisations/{second.slug}/")
    switch = ui.page.get_by_label("Namens")
    expect(switch.locator("option:checked")).to_have_text("Alfa Advies")
    switch.select_option(label="Beta Bouw")
    ui.page.wait_for_url(f"**/organisations/{second.slug}/")
    ui.settle()
    expect(ui.page.get_by_label("Namens").locator("option:checked")).to_have_text("Beta Bouw")
    person.refresh_from_db()
    assert person.acting_organisation_uuid == second.uuid
    started = timezone.now()
    ui.click("text=Profiel bewerken")
    ui.page.get_by_label("Beschrijving").fill("Wij bouwen **circulair**.")
    ui.submit("Opslaan")
    expect(ui.page.locator(".prose strong")).to_have_text("circulair")
    activity = Activity.objects.get(
        verb="organisations.organisation.updated", created_at__gte=started
    )
    assert activity.organisation_uuid == second.uuid and activity.actor == person
    expect(ui.page.locator(".feed")).to_contain_text("Sanne Jansen")


def test_admin_pages_add_entries_invite_and_leave_accessibly(ui):
    from zwerm.organisations.tests.factories import InvitationFactory, person_in

    organisation = OrganisationFactory(name="Gamma Groen", description="*Groen* doen")
    admin = UserFactory(name="Petra Admin")
    OrganisationMember.objects.create(organisation=organisation, person=admin, role="admin")
    colleague = person_in(organisation, name="Karel Collega")
    InvitationFactory(organisation=organisation, email="open@example.org")
    sign_in(ui, admin)
    base = f"/organisations/{organisation.slug}"
    ui.goto(f"{base}/offers-and-seeks/")
    ui.page.get_by_label("Titel").fill("Groendaken")
    ui.submit("Toevoegen")
    ui.page.get_by_label("Soort").select_option("seek")
    ui.page.get_by_label("Titel").fill("Regenwater")
    ui.submit("Toevoegen")
    expect(ui.page.locator("#seeks")).to_contain_text("Regenwater")
    ui.goto(f"{base}/people/")
    expect(ui.page.locator("main")).to_contain_text("open@example.org")
    ui.page.get_by_label("E-mailadres van je collega").fill("nieuw@example.org")
    ui.submit("Uitnodiging versturen")
    expect(ui.page.locator(".message-success")).to_contain_text("nieuw@example.org")
    ui.goto(f"{base}/leave/")
    ui.page.get_by_label("Wie neemt de rollen over?").select_option(label="Karel Collega")
    ui.submit("Organisatie verlaten")
    expect(ui.page.locator(".message-success")).to_contain_text("Gamma Groen")
    assert OrganisationMember.objects.get(person=colleague).role == "admin"
    ui.goto("/organisations/new/")
    ui.submit("Organisatie toevoegen")
    expect(ui.page.locator(".form-errors")).to_be_visible()
