"""Browser journeys through the event pages, with axe-core on every page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from zwerm.events.models import Registration
from zwerm.events.tests.factories import attendee, organised_event

PASSWORD = "correct horse battery"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(ui, email, password=PASSWORD):
    ui.page.context.clear_cookies()
    ui.goto("/accounts/login/")
    ui.page.fill("#id_login", email)
    ui.page.fill("#id_password", password)
    ui.submit("Inloggen")


def test_full_event_waiting_list_and_promotion(ui):
    event, *_ = organised_event(title="Ronde tafel warmte", capacity=1, kind="round_table")
    (anna, _), (bram, _), (cleo, _) = (attendee(name=n) for n in ("Anna", "Bram", "Cleo"))
    sign_in(ui, anna.email)
    ui.goto(f"/events/{event.slug}/")
    ui.page.check("#id_reg-show_on_attendee_list")
    ui.submit("Aanmelden")
    assert ui.page.get_by_text("Je bent aangemeld (plaats 1).").is_visible()
    for person in (bram, cleo):
        sign_in(ui, person.email)
        ui.goto(f"/events/{event.slug}/")
        assert ui.page.get_by_text("De bijeenkomst is vol.").is_visible()
        ui.submit("Op de wachtlijst")
    assert ui.page.get_by_text("Je staat op de wachtlijst, nummer 2.").is_visible()
    mail.outbox.clear()
    sign_in(ui, anna.email)
    ui.goto(f"/events/{event.slug}/")
    ui.submit("Mijn aanmelding annuleren")
    assert ui.page.get_by_text("Je aanmelding is geannuleerd.").is_visible()
    assert Registration.objects.get(person=bram).state == "confirmed"
    assert Registration.objects.get(person=cleo).state == "waiting"
    promotion = next(m for m in mail.outbox if m.to == [bram.email])
    assert promotion.subject.startswith("Er is een plaats vrijgekomen")
    sign_in(ui, bram.email)
    ui.goto(f"/events/{event.slug}/")
    assert ui.page.get_by_text("Je bent aangemeld (plaats 1).").is_visible()
    sign_in(ui, cleo.email)
    ui.goto(f"/events/{event.slug}/")
    assert ui.page.get_by_text("Je staat op de wachtlijst, nummer 1.").is_visible()


def test_guest_registers_and_confirms_by_email(ui):
    event, *_ = organised_event(title="Open avond", capacity=5, mode="hybrid",
                                online_url="https://meet.example.org/open-avond")
    ui.goto(f"/events/{event.slug}/")
    assert not ui.page.get_by_text("meet.example.org").count()
    ui.page.fill("#id_guest-name", "Gerrit Gast")
    ui.page.fill("#id_guest-email", "gerrit@example.org")
    ui.submit("Aanmelden als gast")
    assert ui.page.get_by_role("heading", name="Kijk in je mailbox").is_visible()
    assert Registration.objects.get().state == "unconfirmed"
    message = mail.outbox[-1]
    assert message.to == ["gerrit@example.org"]
    link = re.search(r"https?://\S+/events/r/\S+/", message.body).group(0)
    ui.goto("/" + link.split("/", 3)[3])
    ui.submit("Mijn aanmelding bevestigen")
    assert ui.page.get_by_text("Je aanmelding is bevestigd. Tot dan!").is_visible()
    assert ui.page.get_by_role("link", name="https://meet.example.org/open-avond").is_visible()
    assert Registration.objects.get().state == "confirmed"
    assert mail.outbox[-1].subject.startswith("Je bent aangemeld")


def test_check_in_at_the_door_on_a_phone(ui):
    event, organiser, _organisation = organised_event(title="Netwerkborrel", capacity=10)
    from zwerm.events import services

    people = {}
    for name in ("Henk de Vries", "Anna Jansen", "Hanna Bakker"):
        person, actor = attendee(name=name)
        people[name] = services.registration_create(actor=actor, event=event)
    ui.page.set_viewport_size({"width": 390, "height": 844})
    sign_in(ui, organiser.email)
    ui.goto(f"/events/{event.slug}/door/")
    rows = ui.page.locator(".door-row")
    assert rows.count() == 3
    ui.page.fill("#door-q", "hanna")
    expect(rows).to_have_count(1)  # filtered live by htmx, no page load
    button = ui.page.get_by_role("button", name="Hanna Bakker inchecken")
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44  # a thumb-sized target
    button.click()
    expect(ui.page.get_by_text("Binnen sinds")).to_be_visible()
    registration = people["Hanna Bakker"]
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    ui.page.get_by_role("button", name="Inchecken van Hanna Bakker ongedaan maken").click()
    ui.page.get_by_role("button", name="Hanna Bakker inchecken").wait_for()
    registration.refresh_from_db()
    assert registration.checked_in_at is None
    ui.page.get_by_role("button", name="Hanna Bakker inchecken").click()
    ui.page.get_by_text("Binnen sinds").wait_for()
    ui.goto(f"/events/{event.slug}/door/")  # a fresh load counts who is in
    assert ui.page.get_by_text("1 van 3 personen ingecheckt").is_visible()
