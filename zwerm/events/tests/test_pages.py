"""The HTML pages: forms call the services, domain errors show as form errors, queries bounded."""

import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from zwerm.core.actor import Actor
from zwerm.events import services
from zwerm.events.models import Event, Registration
from zwerm.events.tests.factories import (
    EventFactory,
    RegistrationFactory,
    attendee,
    organised_event,
    soon,
)
from zwerm.organisations.tests.factories import OrganisationFactory, admin_of

pytestmark = pytest.mark.django_db


def test_plan_an_event_in_its_time_zone(client):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    day = (timezone.now() + timedelta(days=20)).date()
    response = client.post("/events/new/", {
        "title": "Ronde tafel water", "kind": "round_table", "description": "",
        "starts_at": f"{day}T19:30", "ends_at": f"{day}T21:30", "time_zone": "Europe/London",
        "mode": "in_person", "venue": "Town hall", "capacity": "20", "visibility": "public",
        "frequency": "",
    })
    assert response.status_code == 302, response.context["form"].errors
    event = Event.objects.get()
    assert response["Location"] == f"/events/{event.slug}/"
    local = event.starts_at.astimezone(event.zone)
    assert (local.hour, local.minute) == (19, 30)
    page = client.get(response["Location"]).content.decode()
    assert "19:30" in page and "Europe/London" in page


def test_plan_a_series_and_show_errors_on_fields(client):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    day = (timezone.now() + timedelta(days=20)).date()
    data = {"title": "Maandelijks", "kind": "round_table", "starts_at": f"{day}T19:30",
            "ends_at": f"{day}T21:30", "time_zone": "Europe/Amsterdam", "mode": "online",
            "online_url": "", "visibility": "public", "frequency": "monthly", "count": "3"}
    response = client.post("/events/new/", data)
    assert response.status_code == 200 and response.context["form"].errors["online_url"]
    data["online_url"] = "https://meet.example.org/rt"
    response = client.post("/events/new/", data)
    assert response.status_code == 302
    assert Event.objects.filter(series__isnull=False).count() == 3


def test_register_and_cancel_through_the_pages(client, django_capture_on_commit_callbacks):
    event, *_ = organised_event(capacity=1, mode="hybrid", online_url="https://meet.example.org/x")
    person, actor = attendee()
    client.force_login(person)
    page = client.get(f"/events/{event.slug}/").content.decode()
    assert "meet.example.org" not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/events/{event.slug}/register/",
                               {"reg-show_on_attendee_list": "on"})
    assert response.status_code == 302
    registration = Registration.objects.get(person=person)
    assert registration.state == "confirmed" and registration.show_on_attendee_list
    assert registration.organisation == actor.organisation
    assert len(mail.outbox) == 1
    page = client.get(f"/events/{event.slug}/").content.decode()
    assert "meet.example.org" in page
    response = client.post(f"/events/{event.slug}/register/", {})
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    client.post(f"/events/{event.slug}/registration/cancel/")
    registration.refresh_from_db()
    assert registration.state == "cancelled"


def test_required_question_shows_on_its_field(client):
    event, organiser, organisation = organised_event()
    question = services.question_create(actor=Actor(person=organiser, organisation=organisation),
                                        event=event, label="Dieet?", required=True)
    person, _actor = attendee()
    client.force_login(person)
    response = client.post(f"/events/{event.slug}/register/", {})
    assert response.status_code == 200
    assert response.context["form"].errors[f"question-{question.uuid}"]
    assert not Registration.objects.exists()


def test_guest_registers_and_confirms_with_the_emailed_link(client,
                                                            django_capture_on_commit_callbacks):
    event, *_ = organised_event(capacity=3)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/events/{event.slug}/register/guest/", {
            "guest-name": "Gijs Gast", "guest-email": "gijs@example.org"})
    assert response.status_code == 200
    registration = Registration.objects.get()
    assert registration.state == "unconfirmed"
    link = f"/events/r/{registration.secret}/"
    assert link in mail.outbox[-1].body
    assert client.get(link).status_code == 200
    registration.refresh_from_db()
    assert registration.state == "unconfirmed"  # opening the link alone changes nothing
    client.post(link, {"action": "confirm"})
    registration.refresh_from_db()
    assert registration.state == "confirmed"
    client.post(link, {"action": "cancel"})
    registration.refresh_from_db()
    assert registration.state == "cancelled"
    assert client.get("/events/r/nonsense/").status_code == 404
    response = client.post(f"/events/{event.slug}/register/guest/", {"guest-name": "X",
                                                                    "guest-email": "nope"})
    assert response.context["form"].errors["email"]


def test_door_check_in_plain_and_htmx(client):
    event, organiser, _organisation = organised_event()
    person, actor = attendee(name="Henk de Vries")
    registration = services.registration_create(actor=actor, event=event)
    other, other_actor = attendee(name="Anna Jansen")
    services.registration_create(actor=other_actor, event=event)
    client.force_login(organiser)
    page = client.get(f"/events/{event.slug}/door/").content.decode()
    assert "Henk de Vries" in page and "Anna Jansen" in page
    partial = client.get(f"/events/{event.slug}/door/", {"q": "henk"}, HTTP_HX_REQUEST="true",
                         HTTP_HX_TARGET="door-rows").content.decode()
    assert "Henk de Vries" in partial and "Anna Jansen" not in partial
    assert "<html" not in partial
    response = client.post(f"/events/{event.slug}/door/{registration.uuid}/",
                           {"action": "in", "q": "henk"})
    assert response.status_code == 302 and response["Location"].endswith("?q=henk")
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    row = client.post(f"/events/{event.slug}/door/{registration.uuid}/", {"action": "in"},
                      HTTP_HX_REQUEST="true").content.decode()
    assert "already been checked in" in row or "al ingecheckt" in row
    row = client.post(f"/events/{event.slug}/door/{registration.uuid}/", {"action": "undo"},
                      HTTP_HX_REQUEST="true").content.decode()
    assert f'id="door-{registration.uuid}"' in row and 'value="in"' in row
    client.force_login(person)
    assert client.get(f"/events/{event.slug}/door/").status_code == 403
    assert client.post(f"/events/{event.slug}/door/{registration.uuid}/").status_code == 403


def test_export_is_utf8_with_bom_and_quotes(client):
    event, organiser, organisation = organised_event()
    question = services.question_create(actor=Actor(person=organiser, organisation=organisation),
                                        event=event, label="Dieet, of allergie?")
    _person, actor = attendee(name='Zoë "Zee" Ångström')
    services.registration_create(actor=actor, event=event,
                                 answers={str(question.uuid): "=HYPERLINK(\"x\")\nnoten"})
    client.force_login(organiser)
    response = client.get(f"/events/{event.slug}/attendees.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][-1] == "Dieet, of allergie?"
    assert rows[1][0] == 'Zoë "Zee" Ångström'
    assert rows[1][-1] == "'=HYPERLINK(\"x\")\nnoten"  # no formula, line break kept
    client.force_login(attendee()[0])
    assert client.get(f"/events/{event.slug}/attendees.csv").status_code == 403


def test_attendee_list_shows_only_those_who_opted_in(client):
    event, *_ = organised_event()
    shown, shown_actor = attendee(name="Openbare Olga")
    _hidden, hidden_actor = attendee(name="Verborgen Vera")
    services.registration_create(actor=shown_actor, event=event, show_on_attendee_list=True)
    services.registration_create(actor=hidden_actor, event=event)
    viewer, viewer_actor = attendee()
    services.registration_create(actor=viewer_actor, event=event)
    client.force_login(viewer)
    page = client.get(f"/events/{event.slug}/attendees/").content.decode()
    assert "Openbare Olga" in page and "Verborgen Vera" not in page
    client.force_login(attendee()[0])
    assert client.get(f"/events/{event.slug}/attendees/").status_code == 403


def test_manage_adds_questions_and_cancels_registrations(client,
                                                         django_capture_on_commit_callbacks):
    event, organiser, _organisation = organised_event(capacity=1)
    client.force_login(organiser)
    response = client.post(f"/events/{event.slug}/manage/", {
        "action": "add_question", "question-label": "Maat", "question-kind": "choice",
        "question-choices": "S"})
    assert response.status_code == 200 and response.context["question_form"].errors["choices"]
    client.post(f"/events/{event.slug}/manage/", {
        "action": "add_question", "question-label": "Maat", "question-kind": "choice",
        "question-choices": "S\nM\nL", "question-required": "on"})
    assert event.questions.get().choices == ["S", "M", "L"]
    first = services.registration_create(actor=attendee()[1], event=event,
                                         answers={str(event.questions.get().uuid): "M"})
    second = services.registration_create(actor=attendee()[1], event=event,
                                          answers={str(event.questions.get().uuid): "L"})
    page = client.get(f"/events/{event.slug}/manage/").content.decode()
    assert ">M<" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/events/{event.slug}/manage/", {"action": "cancel_registration",
                                                      "registration": str(first.uuid)})
    second.refresh_from_db()
    assert second.state == "confirmed"
    assert {tuple(m.to) for m in mail.outbox} >= {(first.person.email,), (second.person.email,)}


def test_edit_cancel_minutes_and_follow_up_pages(client):
    event, organiser, _organisation = organised_event(kind="round_table")
    client.force_login(organiser)
    page = client.get(f"/events/{event.slug}/edit/").content.decode()
    local = event.starts_at.astimezone(event.zone).strftime("%Y-%m-%dT%H:%M")
    assert local in page
    response = client.post(f"/events/{event.slug}/minutes/", {"agenda": "1. Welkom",
                                                               "minutes": "**Besloten**"})
    assert response.status_code == 302
    assert "<strong>Besloten</strong>" in client.get(f"/events/{event.slug}/").content.decode()
    assert client.get(f"/events/{event.slug}/follow-up/").status_code == 200
    response = client.post(f"/events/{event.slug}/follow-up/", {
        "action": "ecosystem", "ecosystem-name": "Vervolg", "ecosystem-goal": "Doel",
        "ecosystem-visibility": "public"})
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    response = client.post(f"/events/{event.slug}/cancel/", {"reason": "Ziek."})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.is_cancelled


def test_my_calendar_page_regenerates_the_address(client):
    person, _actor = attendee()
    client.force_login(person)
    first = client.get("/events/calendar/").context["feed_url"]
    client.post("/events/calendar/")
    second = client.get("/events/calendar/").context["feed_url"]
    assert first != second and second.endswith(".ics")
    assert client.get(first.split("testserver")[1]).status_code == 404
    assert client.get(second.split("testserver")[1]).status_code == 200


def matching_pair():
    """Two attendees whose profiles answer each other, indexed as the matchmaker needs."""
    from zwerm.matchmaking import index
    from zwerm.organisations.tests.factories import ProfileEntryFactory, ThemeFactory

    seeker, offerer = attendee(), attendee()
    theme = ThemeFactory(name="Warmtenetten", slug="warmtenetten")
    for _person, actor in (seeker, offerer):
        actor.organisation.themes.add(theme)
    ProfileEntryFactory(organisation=seeker[1].organisation, kind="seek",
                        title="Aanleg van een warmtenet")
    ProfileEntryFactory(organisation=offerer[1].organisation, kind="offer",
                        title="Warmtenet aanleggen en beheren")
    index._cache = index.IndexCache()
    index.rebuild()
    return seeker, offerer


def test_meet_page_shows_reasons(client):
    event, *_ = organised_event()
    (person, actor), (_other, other_actor) = matching_pair()
    services.registration_create(actor=actor, event=event)
    services.registration_create(actor=other_actor, event=event)
    client.force_login(person)
    response = client.get(f"/events/{event.slug}/meet/")
    suggestions = response.context["suggestions"]
    assert [s.organisation for s in suggestions] == [other_actor.organisation]
    page = response.content.decode()
    assert other_actor.organisation.name in page
    for reason in suggestions[0].reasons:
        assert reason.text in page


@pytest.mark.parametrize("rows", [5, 50])
def test_list_and_manage_pages_have_bounded_queries(client, django_assert_max_num_queries, rows):
    event, organiser, organisation = organised_event(capacity=100)
    question = services.question_create(actor=Actor(person=organiser, organisation=organisation),
                                        event=event, label="Dieet?")
    for n in range(rows):
        EventFactory(title=f"Extra {n}")
        registration = RegistrationFactory(event=event, person=attendee()[0], seat=n + 1,
                                           organisation=OrganisationFactory())
        registration.answers.create(question=question, value="vegan")
    client.force_login(organiser)
    for path in ("/events/", f"/events/{event.slug}/manage/", f"/events/{event.slug}/door/",
                 f"/events/{event.slug}/attendees.csv", f"/events/{event.slug}/"):
        with django_assert_max_num_queries(30):
            assert client.get(path).status_code == 200, path


def test_event_list_filters(client):
    EventFactory(title="Waterbijeenkomst", kind="webinar")
    EventFactory(title="Energiecafé", kind="meetup")
    EventFactory(title="Terugblik", starts_at=soon(-3), ends_at=soon(-3, 2))
    content = client.get("/events/", {"q": "water"}).content.decode()
    assert "Waterbijeenkomst" in content and "Energiecafé" not in content
    content = client.get("/events/", {"kind": "meetup"}).content.decode()
    assert "Energiecafé" in content and "Waterbijeenkomst" not in content
    content = client.get("/events/", {"when": "past"}).content.decode()
    assert "Terugblik" in content and "Energiecafé" not in content
    assert client.get("/events/", {"kind": "<script>"}).status_code == 200


def test_follow_up_page_starts_a_challenge(client):
    event, organiser, _organisation = organised_event(kind="round_table")
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - timedelta(hours=3),
                                             ends_at=timezone.now() - timedelta(hours=1))
    client.force_login(organiser)
    response = client.post(f"/events/{event.slug}/follow-up/", {
        "action": "challenge", "challenge-question": "Hoe delen we restwarmte?"})
    assert response.status_code == 302 and response["Location"].startswith("/challenges/")
    page = client.get(f"/events/{event.slug}/").content.decode()
    assert "Hoe delen we restwarmte?" in page


def test_the_ecosystem_page_lists_its_events_the_viewer_may_see(client):
    from zwerm.ecosystems.tests.factories import member_organisation, started_ecosystem

    ecosystem, facilitator, home = started_ecosystem()
    actor = Actor(person=facilitator, organisation=home)
    common = {"starts_at": soon(3), "ends_at": soon(3, 2), "venue": "Hier",
              "ecosystem": ecosystem}
    services.event_create(actor=actor, title="Open middag", **common)
    services.event_create(actor=actor, title="Ledenoverleg", visibility="members", **common)
    page = client.get(f"/ecosystems/{ecosystem.slug}/").content.decode()
    assert "Open middag" in page and "Ledenoverleg" not in page
    assert f"/events/ecosystem/{ecosystem.slug}.ics" in page
    _organisation, member = member_organisation(ecosystem)
    client.force_login(member)
    page = client.get(f"/ecosystems/{ecosystem.slug}/").content.decode()
    assert "Open middag" in page and "Ledenoverleg" in page
    assert f"/events/new/?ecosystem={ecosystem.slug}" in page


def test_change_my_answers_and_attendee_list_choice(client):
    event, organiser, organisation = organised_event()
    question = services.question_create(actor=Actor(person=organiser, organisation=organisation),
                                        event=event, label="Dieet?", required=True)
    person, actor = attendee()
    services.registration_create(actor=actor, event=event,
                                 answers={str(question.uuid): "Vegetarisch"})
    client.force_login(person)
    page = client.get(f"/events/{event.slug}/").content.decode()
    assert "Vegetarisch" in page
    response = client.post(f"/events/{event.slug}/registration/", {
        f"mine-question-{question.uuid}": "", "mine-show_on_attendee_list": "on"})
    assert response.status_code == 200
    assert response.context["edit_form"].errors[f"question-{question.uuid}"]
    client.post(f"/events/{event.slug}/registration/", {
        f"mine-question-{question.uuid}": "Veganistisch", "mine-show_on_attendee_list": "on"})
    registration = Registration.objects.get(person=person)
    assert registration.show_on_attendee_list
    assert registration.answers.get().value == "Veganistisch"


def test_admin_shows_events_read_only(admin_client):
    event, *_ = organised_event()
    services.registration_create(actor=attendee()[1], event=event)
    for path in ("/admin/events/event/", f"/admin/events/event/{event.pk}/change/",
                 "/admin/events/registration/", "/admin/events/eventseries/"):
        assert admin_client.get(path).status_code == 200, path
    assert admin_client.get("/admin/events/event/add/").status_code == 403
    registration = Registration.objects.get()
    page = admin_client.get(f"/admin/events/registration/{registration.pk}/change/")
    assert registration.secret not in page.content.decode()


def test_edit_keeps_a_time_zone_planned_through_the_api(client):
    event, organiser, _organisation = organised_event(time_zone="Pacific/Auckland")
    client.force_login(organiser)
    response = client.get(f"/events/{event.slug}/edit/")
    form = response.context["form"]
    local = event.starts_at.astimezone(event.zone)
    data = {**{k: v for k, v in form.initial.items() if v is not None},
            "starts_at": local.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (local + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
            "registration_opens_at": "", "registration_closes_at": "", "capacity": "10",
            "per_organisation_limit": ""}
    response = client.post(f"/events/{event.slug}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    event.refresh_from_db()
    assert event.time_zone == "Pacific/Auckland"
    assert event.ends_at - event.starts_at == timedelta(hours=3)
