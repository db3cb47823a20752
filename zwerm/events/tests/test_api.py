"""The events API: every endpoint with good and bad input, in the one error format."""

import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from zwerm.core.actor import Actor
from zwerm.core.testing.fixtures import assert_error_format
from zwerm.events import services
from zwerm.events.models import Event, Registration
from zwerm.events.tests.factories import attendee, organised_event
from zwerm.organisations.tests.factories import OrganisationFactory, admin_of

pytestmark = pytest.mark.django_db


def iso(days, hours=0):
    return (timezone.now() + timedelta(days=days, hours=hours)).replace(microsecond=0).isoformat()


@pytest.fixture
def organised(api_for):
    event, organiser, organisation = organised_event(capacity=1, kind="round_table")
    return event, api_for(organiser, organisation), organiser, organisation


def client_of(api_for, pair):
    person, actor = pair
    return api_for(person, actor.organisation)


def test_create_good_and_bad(api, api_for):
    organisation = OrganisationFactory()
    client = api_for(admin_of(organisation), organisation)
    body = {"title": "Webinar open data", "kind": "webinar", "starts_at": "2099-05-01T14:00:00",
            "ends_at": "2099-05-01T15:00:00", "time_zone": "Europe/Amsterdam", "mode": "online",
            "online_url": "https://meet.example.org/od", "capacity": 50}
    response = client.post("events", body)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["slug"] == "webinar-open-data" and data["starts_at"].startswith("2099-05-01T12:00")
    assert data["online_url"] == "https://meet.example.org/od"  # the organiser sees it
    assert data["ical_url"] == "/events/webinar-open-data/event.ics"
    assert_error_format(api.post("events", body), 401)
    body_bad = {**body, "ends_at": "2099-05-01T13:00:00"}
    assert "ends_at" in assert_error_format(client.post("events", body_bad), 422)["fields"]
    assert_error_format(client.post("events", {**body, "kind": "party"}), 422)
    assert_error_format(client.post("events", {**body, "ecosystem": "nope"}), 422)
    assert_error_format(client.post("events", {**body, "slug": "webinar-open-data"}), 409)
    assert_error_format(client.post("events", {"title": "X"}), 422)


def test_list_detail_and_filters(api, organised):
    event, *_ = organised
    organised_event(title="Webinar water", kind="webinar")
    body = api.get("events", {"kind": "round_table"}).json()
    assert body["count"] == 1 and body["items"][0]["slug"] == event.slug
    assert body["items"][0]["seats_taken"] == 0 and body["items"][0]["registration"] == "open"
    assert api.get("events", {"q": "water"}).json()["count"] == 1
    assert api.get("events", {"limit": 1}).json()["count"] == 2
    assert_error_format(api.get("events", {"when": "someday"}), 422)
    assert_error_format(api.get("events", {"limit": 0}), 422)
    assert api.get(f"events/{event.uuid}").json()["slug"] == event.slug
    assert_error_format(api.get("events/nope"), 404)


def test_update_and_cancel(organised, api_for):
    event, client, *_ = organised
    response = client.patch(f"events/{event.slug}", {"venue": "Bibliotheek", "capacity": 3})
    assert response.status_code == 200 and response.json()["sequence"] == 1
    assert_error_format(client.patch(f"events/{event.slug}", {"title": ""}), 422)
    assert_error_format(client.patch(f"events/{event.slug}", {"capacity": 0}), 422)
    stranger = client_of(api_for, attendee())
    assert_error_format(stranger.patch(f"events/{event.slug}", {"title": "X"}), 403)
    assert_error_format(stranger.post(f"events/{event.slug}/cancel", {}), 403)
    response = client.post(f"events/{event.slug}/cancel", {"reason": "Storm."})
    assert response.json()["cancelled"] is True and response.json()["cancel_reason"] == "Storm."
    assert_error_format(client.post(f"events/{event.slug}/cancel", {}), 409)


def test_series(api, api_for):
    organisation = OrganisationFactory()
    client = api_for(admin_of(organisation), organisation)
    body = {"title": "Ronde tafel", "starts_at": iso(10), "ends_at": iso(10, 2), "venue": "Hier",
            "frequency": "weekly", "count": 3, "kind": "round_table"}
    response = client.post("events/series", body)
    assert response.status_code == 201, response.content
    data = response.json()
    assert len(data["events"]) == 3 and data["frequency"] == "weekly"
    assert api.get(f"events/series/{data['uuid']}").json()["uuid"] == data["uuid"]
    assert_error_format(api.get(f"events/series/{uuid.uuid4()}"), 404)
    assert_error_format(client.post("events/series", {**body, "count": 1}), 422)
    assert_error_format(client.post("events/series", {**body, "frequency": "daily"}), 422)


def test_register_waiting_list_cancel_and_promotion(organised, api_for,
                                                    django_capture_on_commit_callbacks):
    event, organiser_client, *_ = organised
    first, second = attendee(), attendee()
    one, two = client_of(api_for, first), client_of(api_for, second)
    response = one.post(f"events/{event.slug}/registrations", {"show_on_attendee_list": True})
    assert response.status_code == 201 and response.json()["state"] == "confirmed"
    response = two.post(f"events/{event.slug}/registrations", {})
    assert response.json()["state"] == "waiting" and response.json()["waiting_position"] == 1
    assert_error_format(one.post(f"events/{event.slug}/registrations", {}), 409)
    mine = one.get(f"events/{event.slug}/registrations/mine").json()
    assert mine["seat"] == 1
    assert_error_format(two.post(f"events/{event.slug}/registrations/{mine['uuid']}/cancel"),
                        404)  # someone else's registration
    with django_capture_on_commit_callbacks(execute=True):
        response = one.post(f"events/{event.slug}/registrations/{mine['uuid']}/cancel")
    assert response.json()["state"] == "cancelled"
    assert two.get(f"events/{event.slug}/registrations/mine").json()["state"] == "confirmed"
    assert mail.outbox[-1].to == [second[0].email]
    waiting = organiser_client.get(f"events/{event.slug}/registrations",
                                   {"state": "waiting"}).json()
    assert waiting["count"] == 0
    assert_error_format(one.get(f"events/{event.slug}/registrations"), 403)
    assert_error_format(one.post(f"events/{event.slug}/registrations/{mine['uuid']}/cancel"),
                        409)


def test_guest_registration_by_api(api, organised, django_capture_on_commit_callbacks):
    event, *_ = organised
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(f"events/{event.slug}/registrations/guest",
                            {"name": "Gast", "email": "gast@example.org", "language": "en"})
    assert response.status_code == 201 and response.json()["state"] == "unconfirmed"
    assert "secret" not in response.content.decode()
    secret = Registration.objects.get().secret
    assert secret in mail.outbox[-1].body
    assert api.get(f"events/guest/{secret}").json()["state"] == "unconfirmed"
    assert api.post(f"events/guest/{secret}/confirm").json()["state"] == "confirmed"
    assert api.post(f"events/guest/{secret}/cancel").json()["state"] == "cancelled"
    assert_error_format(api.post(f"events/guest/{secret}/cancel"), 409)
    assert_error_format(api.post("events/guest/wrong/confirm"), 404)
    assert_error_format(api.post(f"events/{event.slug}/registrations/guest",
                                 {"name": "Gast", "email": "geen-adres"}), 422)


def test_questions_answers_and_my_registration(organised, api_for):
    event, client, *_ = organised
    response = client.post(f"events/{event.slug}/questions",
                           {"label": "Lunch?", "kind": "yes_no", "required": True})
    assert response.status_code == 201
    question = response.json()["uuid"]
    assert_error_format(client.post(f"events/{event.slug}/questions",
                                    {"label": "Maat", "kind": "choice", "choices": ["S"]}), 422)
    person = client_of(api_for, attendee())
    assert_error_format(person.post(f"events/{event.slug}/questions", {"label": "X"}), 403)
    assert [q["label"] for q in person.get(f"events/{event.slug}/questions").json()] == ["Lunch?"]
    body = assert_error_format(person.post(f"events/{event.slug}/registrations", {}), 422)
    assert f"question-{question}" in body["fields"]
    response = person.post(f"events/{event.slug}/registrations",
                           {"answers": {question: "yes"}})
    assert response.status_code == 201
    response = person.patch(f"events/{event.slug}/registrations/mine",
                            {"answers": {question: "no"}, "show_on_attendee_list": True})
    assert response.json()["show_on_attendee_list"] is True
    rows = client.get(f"events/{event.slug}/registrations").json()["items"]
    assert rows[0]["answers"][0]["value"] == "no" and rows[0]["email"] == ""
    assert client.delete(f"events/{event.slug}/questions/{question}").status_code == 204
    assert_error_format(client.delete(f"events/{event.slug}/questions/{question}"), 404)


def test_check_in_and_attendees(organised, api_for):
    event, client, *_ = organised
    pair = attendee()
    person = client_of(api_for, pair)
    registration = person.post(f"events/{event.slug}/registrations",
                               {"show_on_attendee_list": True}).json()
    path = f"events/{event.slug}/registrations/{registration['uuid']}/check-in"
    assert_error_format(person.post(path), 403)
    assert client.post(path).json()["checked_in_at"]
    assert_error_format(client.post(path), 409)
    assert client.delete(path).json()["checked_in_at"] is None
    assert_error_format(client.delete(path), 409)
    assert_error_format(client.post(f"events/{event.slug}/registrations/{uuid.uuid4()}/check-in"),
                        404)
    listed = person.get(f"events/{event.slug}/attendees").json()
    assert listed["count"] == 1 and listed["items"][0]["name"] == str(pair[0])
    assert_error_format(client_of(api_for, attendee()).get(f"events/{event.slug}/attendees"),
                        403)


def test_calendar_addresses(api, api_for, organised):
    event, *_ = organised
    assert api.get(f"events/{event.slug}/calendar").json()["event"].endswith(
        f"/events/{event.slug}/event.ics")
    person = client_of(api_for, attendee())
    first = person.get("events/calendar/me").json()["personal_feed"]
    second = person.post("events/calendar/me/regenerate").json()["personal_feed"]
    assert first != second and second.endswith(".ics")
    assert_error_format(api.get("events/calendar/me"), 401)


def test_minutes_follow_up_and_organisers(organised, api_for):
    event, client, organiser, organisation = organised
    response = client.patch(f"events/{event.slug}/minutes", {"minutes": "Besloten."})
    assert response.json()["minutes"] == "Besloten."
    person_pair = attendee()
    person = client_of(api_for, person_pair)
    assert_error_format(person.patch(f"events/{event.slug}/minutes", {"minutes": "X"}), 403)
    person.post(f"events/{event.slug}/registrations", {})
    body = {"name": "Vervolg", "goal": "Samen verder."}
    assert_error_format(client.post(f"events/{event.slug}/follow-up/ecosystem", body), 409)
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - timedelta(hours=3),
                                             ends_at=timezone.now() - timedelta(hours=1))
    assert_error_format(person.post(f"events/{event.slug}/follow-up/ecosystem", body), 403)
    response = client.post(f"events/{event.slug}/follow-up/ecosystem", body)
    assert response.status_code == 201 and response.json()["slug"] == "vervolg"
    assert_error_format(client.post(f"events/{event.slug}/follow-up/challenge",
                                    {"question": "Hoe verder?"}), 409)  # already followed up
    colleague = admin_of(organisation)
    response = client.post(f"events/{event.slug}/organisers", {"person": str(colleague.uuid)})
    assert response.status_code == 201 and len(response.json()) == 2
    assert_error_format(client.post(f"events/{event.slug}/organisers",
                                    {"person": str(uuid.uuid4())}), 422)
    assert client.delete(f"events/{event.slug}/organisers/{colleague.uuid}").status_code == 204
    assert_error_format(client.delete(f"events/{event.slug}/organisers/{organiser.uuid}"), 409)
    assert_error_format(person.get(f"events/{event.slug}/organisers"), 403)


def test_suggestions(organised, api_for):
    from zwerm.events.tests.test_pages import matching_pair

    event, client, *_ = organised
    services.event_update(actor=Actor(person=event.organisers.get().person), event=event,
                          capacity=5)
    a, b = matching_pair()
    for pair in (a, b):
        client_of(api_for, pair).post(f"events/{event.slug}/registrations", {})
    body = client_of(api_for, a).get(f"events/{event.slug}/suggestions").json()
    assert body["meet"][0]["organisation"] == b[1].organisation.slug
    assert body["meet"][0]["reasons"] and body["meet"][0]["reasons"][0]["text"]
    assert body["join"] is None
    assert isinstance(client.get(f"events/{event.slug}/suggestions").json()["join"], list)
    assert_error_format(client_of(api_for, attendee()).get(f"events/{event.slug}/suggestions"),
                        403)


@pytest.mark.parametrize("rows", [5, 50])
def test_list_endpoints_have_bounded_queries(api_for, django_assert_max_num_queries, rows):
    event, organiser, organisation = organised_event(capacity=rows // 2)
    question = services.question_create(
        actor=Actor(person=organiser,
                                                                organisation=organisation),
        event=event, label="Dieet?")
    for _n in range(rows):
        organised_event(title="Extra")
        services.registration_create(actor=attendee()[1], event=event,
                                     answers={str(question.uuid): "vegan"},
                                     show_on_attendee_list=True)
    client = api_for(organiser, organisation)
    for path in ("events", f"events/{event.slug}/registrations",
                 f"events/{event.slug}/attendees"):
        with django_assert_max_num_queries(16):
            assert client.get(path, {"limit": 100}).status_code == 200, path
    waiting = client.get(f"events/{event.slug}/registrations",
                         {"state": "waiting", "limit": 100}).json()
    assert [r["waiting_position"] for r in waiting["items"]] == list(range(1, rows - rows // 2 + 1))


def test_follow_up_challenge_by_api(api_for):
    event, organiser, organisation = organised_event(kind="round_table")
    client = api_for(organiser, organisation)
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - timedelta(hours=3),
                                             ends_at=timezone.now() - timedelta(hours=1))
    assert_error_format(client.post(f"events/{event.slug}/follow-up/challenge", {}), 422)
    response = client.post(f"events/{event.slug}/follow-up/challenge",
                           {"question": "Hoe delen we restwarmte?"})
    assert response.status_code == 201, response.content
    assert client.get(f"/challenges/{response.json()['slug']}/").status_code == 200
