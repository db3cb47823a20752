"""iCalendar files and feeds, parsed back with the ``icalendar`` library (RFC 5545)."""

from datetime import timedelta

import icalendar
import pytest
from django.utils import timezone

from zwerm.core.actor import Actor
from zwerm.ecosystems.tests.factories import member_organisation, started_ecosystem
from zwerm.events import services
from zwerm.events.tests.factories import attendee, organised_event

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    return calendar


def vevents(calendar):
    return list(calendar.walk("VEVENT"))


def test_event_file_has_a_stable_uid_local_times_and_a_rising_sequence(client):
    start = (timezone.now() + timedelta(days=40)).replace(tzinfo=None, hour=19, minute=30,
                                                          second=0, microsecond=0)
    event, organiser, organisation = organised_event(
        starts_at=start, ends_at=start + timedelta(hours=2), time_zone="America/New_York",
        mode="online", venue="", online_url="https://meet.example.org/geheim")
    calendar = parse(client.get(f"/events/{event.slug}/event.ics"))
    (item,) = vevents(calendar)
    assert str(item["UID"]) == f"{event.uuid}@zwerm"
    dtstart = item.decoded("DTSTART")
    assert (dtstart.hour, dtstart.minute) == (19, 30)
    assert item["DTSTART"].params["TZID"] == "America/New_York"
    assert dtstart == event.starts_at and item.decoded("DTEND") == event.ends_at
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    assert item["SEQUENCE"] == 0 and str(item["STATUS"]) == "CONFIRMED"
    assert "geheim" not in response_text(client, event)  # no link for strangers
    services.event_update(actor=Actor(person=organiser, organisation=organisation), event=event,
                          title="Nieuwe titel")
    (item,) = vevents(parse(client.get(f"/events/{event.slug}/event.ics")))
    assert str(item["UID"]) == f"{event.uuid}@zwerm" and item["SEQUENCE"] == 1
    assert str(item["SUMMARY"]) == "Nieuwe titel"
    services.event_cancel(actor=Actor(person=organiser, organisation=organisation), event=event)
    (item,) = vevents(parse(client.get(f"/events/{event.slug}/event.ics")))
    assert str(item["STATUS"]) == "CANCELLED" and item["SEQUENCE"] == 2


def response_text(client, event):
    return client.get(f"/events/{event.slug}/event.ics").content.decode()


def test_attendees_get_the_online_link_in_their_file(client):
    event, *_ = organised_event(mode="hybrid", online_url="https://meet.example.org/geheim")
    person, actor = attendee()
    services.registration_create(actor=actor, event=event)
    client.force_login(person)
    (item,) = vevents(parse(client.get(f"/events/{event.slug}/event.ics")))
    assert "https://meet.example.org/geheim" in str(item["DESCRIPTION"])


def test_ecosystem_feed_never_shows_members_only_events(client):
    ecosystem, facilitator, home = started_ecosystem()
    actor = Actor(person=facilitator, organisation=home)
    common = {"starts_at": timezone.now() + timedelta(days=3),
              "ends_at": timezone.now() + timedelta(days=3, hours=1), "venue": "Hier",
              "ecosystem": ecosystem}
    public = services.event_create(actor=actor, title="Open avond", **common)
    services.event_create(actor=actor, title="Ledenoverleg", visibility="members", **common)
    items = vevents(parse(client.get(f"/events/ecosystem/{ecosystem.slug}.ics")))
    assert [str(item["SUMMARY"]) for item in items] == ["Open avond"]
    assert str(items[0]["UID"]) == f"{public.uuid}@zwerm"
    client.force_login(facilitator)  # even a member gets the public feed at this address
    items = vevents(parse(client.get(f"/events/ecosystem/{ecosystem.slug}.ics")))
    assert [str(item["SUMMARY"]) for item in items] == ["Open avond"]
    private, _f, _h = started_ecosystem(name="Geheim", visibility="members")
    assert client.get(f"/events/ecosystem/{private.slug}.ics").status_code == 404


def test_personal_feed_lists_registrations_and_follows_cancellation(client):
    ecosystem, facilitator, home = started_ecosystem()
    organisation, member = member_organisation(ecosystem)
    members_only = services.event_create(
        actor=Actor(person=facilitator, organisation=home), title="Ledenavond",
        starts_at=timezone.now() + timedelta(days=2),
        ends_at=timezone.now() + timedelta(days=2, hours=2), venue="Hier", ecosystem=ecosystem,
        visibility="members", mode="hybrid", online_url="https://meet.example.org/leden")
    full, organiser, organiser_org = organised_event(title="Vol", capacity=1)
    services.registration_create(actor=attendee()[1], event=full)
    me = Actor(person=member, organisation=organisation)
    services.registration_create(actor=me, event=members_only)
    services.registration_create(actor=me, event=full)
    other, *_ = organised_event(title="Niet voor mij")
    token = services.calendar_token_for(member).token
    items = {str(i["SUMMARY"]): i for i in vevents(parse(
        client.get(f"/events/calendar/{token}.ics")))}
    assert set(items) == {"Ledenavond", "Vol"}
    assert str(items["Vol"]["STATUS"]) == "TENTATIVE"  # on the waiting list
    assert "meet.example.org/leden" in str(items["Ledenavond"]["DESCRIPTION"])
    services.event_cancel(actor=Actor(person=organiser, organisation=organiser_org), event=full)
    items = {str(i["SUMMARY"]): i for i in vevents(parse(
        client.get(f"/events/calendar/{token}.ics")))}
    assert str(items["Vol"]["STATUS"]) == "CANCELLED" and items["Vol"]["SEQUENCE"] == 1
    assert client.get("/events/calendar/wrong.ics").status_code == 404
    assert other.title not in items
