"""Browser journeys through the ecosystem pages, with axe-core on every page."""

import re

import pytest
from django.core import mail

from zwerm.ecosystems.models import Ecosystem, Membership
from zwerm.ecosystems.tests.factories import admin_of, started_ecosystem
from zwerm.organisations.tests.factories import OrganisationFactory

PASSWORD = "correct horse battery"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(ui, email, password=PASSWORD):
    ui.page.context.clear_cookies()
    ui.goto("/accounts/login/")
    ui.page.fill("#id_login", email)
    ui.page.fill("#id_password", password)
    ui.submit("Inloggen")


def test_start_invite_accept_pause_leave(ui):
    # Sign up and verify the email address.
    ui.goto("/accounts/signup/")
    ui.page.fill("#id_name", "Fenna Facilitator")
    ui.page.fill("#id_email", "fenna@example.org")
    ui.page.fill("#id_password1", "een lang wachtwoord 42")
    ui.page.fill("#id_password2", "een lang wachtwoord 42")
    ui.submit("Account aanmaken")
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    ui.goto("/" + link.split("/", 3)[3])
    ui.submit("Bevestigen")
    # Create an organisation through its pages.
    ui.goto("/organisations/new/")
    ui.page.fill("#id_name", "Bouwkring Utrecht")
    ui.page.select_option("#id_kind", "company")
    ui.submit("Organisatie toevoegen")
    # Start an ecosystem.
    ui.goto("/ecosystems/new/")
    ui.page.fill("#id_name", "Circulair bouwen")
    ui.page.fill("#id_goal", "Samen bouwmaterialen hergebruiken.")
    ui.page.fill("#id_themes", "Circulair bouwen, Hout")
    ui.submit("Ecosysteem starten")
    assert ui.page.locator("h1").inner_text() == "Circulair bouwen"
    assert ui.page.get_by_role("heading", name="Wederkerigheid").is_visible()
    ecosystem = Ecosystem.objects.get()
    # Invite a second organisation by email.
    ui.page.get_by_role("link", name="Leden beheren").first.click()
    ui.settle()
    ui.page.fill("#id_email", "gert@example.org")
    ui.submit("Uitnodiging versturen")
    assert ui.page.locator(".message-success").is_visible()
    url = re.search(r"https?://\S+/ecosystems/invitations/\S+/", mail.outbox[-1].body).group(0)
    # The second organisation's admin accepts, pauses, resumes and leaves.
    guest_org = OrganisationFactory(name="Gemeente Houten")
    admin_of(guest_org, email="gert@example.org", name="Gert Gast")
    sign_in(ui, "gert@example.org")
    ui.goto("/" + url.split("/", 3)[3])
    ui.submit("Uitnodiging aannemen")
    assert ui.page.locator(".message-success").is_visible()
    membership = Membership.objects.get(organisation=guest_org)
    assert membership.state == "active"
    ui.page.locator('a[href$="/membership/pause/"]').click()
    ui.settle()
    ui.page.fill("#id_reason", "Even te druk.")
    ui.submit("Het lidmaatschap pauzeren")
    membership.refresh_from_db()
    assert membership.state == "paused"
    ui.page.locator('a[href$="/membership/leave/"]').first.click()
    ui.settle()
    ui.submit("Het ecosysteem verlaten")
    assert ui.page.locator(".errorlist").first.is_visible()
    ui.page.fill("#id_reason", "Het project is klaar.")
    ui.submit("Het ecosysteem verlaten")
    membership.refresh_from_db()
    assert membership.state == "left"
    ui.goto(f"/ecosystems/{ecosystem.slug}/history/")
    assert ui.page.locator("tbody tr").count() == 4


def test_request_to_join_accepted_by_a_facilitator(ui):
    ecosystem, facilitator, home = started_ecosystem(name="Deur tot deur")
    facilitator.email = "fac@example.org"
    facilitator.save(update_fields=["email"])
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=facilitator).update(email="fac@example.org")
    organisation = OrganisationFactory(name="Vervoerbedrijf Noord")
    admin_of(organisation, email="vera@example.org")
    sign_in(ui, "vera@example.org")
    ui.goto(f"/ecosystems/{ecosystem.slug}/")
    ui.page.locator('a[href$="/join/"]').click()
    ui.settle()
    ui.page.fill("#id_reason", "Wij rijden de laatste kilometer.")
    ui.submit("Aanvraag versturen")
    assert Membership.objects.get(organisation=organisation).state == "requested"
    sign_in(ui, "fac@example.org")
    ui.goto("/dashboard/")
    ui.page.get_by_role("link", name="Vervoerbedrijf Noord vraagt om aan te sluiten").click()
    ui.settle()
    assert ui.page.get_by_text("Wij rijden de laatste kilometer.").is_visible()
    ui.submit("Vervoerbedrijf Noord aannemen")
    assert Membership.objects.get(organisation=organisation).state == "active"
    ui.goto("/ecosystems/")
    ui.page.fill("#id_q", "deur")
    ui.submit("Zoeken")
    assert ui.page.get_by_role("link", name="Deur tot deur").is_visible()
