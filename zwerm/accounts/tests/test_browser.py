import re

import pytest
from django.core import mail
from django.db import transaction

from zwerm.accounts.models import User
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.models import Activity
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

PASSWORD = "correct horse battery"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(ui, email, password=PASSWORD):
    ui.goto("/accounts/login/")
    ui.page.fill("#id_login", email)
    ui.page.fill("#id_password", password)
    ui.submit("Inloggen")


def test_sign_up_verify_email_and_arrive_signed_in(ui):
    ui.goto("/accounts/signup/")
    ui.page.fill("#id_name", "Bram Browser")
    ui.page.fill("#id_email", "bram@example.org")
    ui.page.fill("#id_password1", "een lang wachtwoord 42")
    ui.page.fill("#id_password2", "een lang wachtwoord 42")
    ui.submit("Account aanmaken")
    assert ui.page.locator("h1").inner_text() == "Kijk in je e-mail"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["bram@example.org"]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[0].body).group(0)
    ui.goto("/" + link.split("/", 3)[3])
    ui.submit("Bevestigen")
    assert "/dashboard/" in ui.page.url
    assert "Bram Browser" in ui.page.locator("h1").inner_text()


def test_language_switch_sticks_for_a_signed_in_person(ui):
    person = person_in(OrganisationFactory(), email="lena@example.org", language="nl")
    _sign_in(ui, "lena@example.org")
    assert ui.page.locator("html").get_attribute("lang") == "nl"
    ui.submit("English")
    assert ui.page.locator("html").get_attribute("lang") == "en"
    person.refresh_from_db()
    assert person.language == "en"
    ui.page.context.clear_cookies()
    ui.goto("/accounts/login/")
    assert ui.page.locator("html").get_attribute("lang") == "nl"
    ui.page.fill("#id_login", "lena@example.org")
    ui.page.fill("#id_password", PASSWORD)
    ui.submit("Inloggen")
    assert ui.page.locator("html").get_attribute("lang") == "en"
    ui.goto("/me/")
    assert ui.page.locator("h1").inner_text() == "Your profile"


def test_a_person_erases_their_account_and_their_past_reads_a_former_participant(ui):
    organisation = OrganisationFactory(name="Deelkracht")
    leaving = person_in(organisation, name="Vera Vertrek", email="vera@example.org",
                        name_visibility="everyone")
    colleague = person_in(organisation, email="cor@example.org")
    with transaction.atomic():
        record(
            verb="organisations.organisation.updated",
            actor=Actor(person=leaving, organisation=organisation), subject=organisation,
        )
    _sign_in(ui, "vera@example.org")
    ui.goto("/me/privacy/")
    ui.page.get_by_role("link", name="Mijn account wissen…").click()
    ui.settle()
    ui.page.fill("#id_password", PASSWORD)
    ui.page.check("#id_confirm")
    ui.submit("Mijn account wissen")
    assert ui.page.locator(".message-success").is_visible()
    assert not User.objects.filter(email="vera@example.org").exists()
    assert Activity.objects.get(verb="organisations.organisation.updated").actor_id is None

    _sign_in(ui, colleague.email)
    feed = ui.page.locator(".feed").inner_text()
    assert "een voormalige deelnemer" in feed and "Vera" not in feed


def test_account_pages_pass_axe(ui):
    from zwerm.accounts.services import token_create

    person = person_in(OrganisationFactory(), email="axel@example.org")
    token_create(actor=Actor(person=person), name="script")
    for path in ["/accounts/signup/", "/accounts/password/reset/"]:
        ui.goto(path)
    _sign_in(ui, "axel@example.org")
    for path in ["/me/", "/me/notifications/", "/me/tokens/", "/me/privacy/", "/me/erase/",
                 "/notifications/", "/accounts/email/", "/accounts/password/change/"]:
        ui.goto(path)
    ui.goto("/me/")
    ui.page.fill("#id_name", " ")
    ui.submit("Profiel opslaan")
    assert ui.page.locator("#id_name").get_attribute("aria-invalid") == "true"
    ui.goto("/me/tokens/")
    ui.page.fill("#id_name", "Nieuw script")
    ui.submit("Token aanmaken")
    assert ui.page.locator("#raw-token").input_value().startswith("zwt_")
    assert len(ui.checked_urls) >= 12
