"""iCalendar (RFC 5545) for one event and for feeds, built with the ``icalendar`` library.

Times are written with their TZID and a VTIMEZONE for every zone used, so calendars show
the event at the right local time across daylight saving. The UID never changes; SEQUENCE
rises with every change that matters to a calendar, and a cancelled event stays in feeds
with STATUS:CANCELLED so that calendars remove it.
"""

from __future__ import annotations

from collections.abc import Iterable

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from zwerm.events.models import Event, Registration

PRODID = "-//Zwerm//Events//NL"


def uid_for(event: Event) -> str:
    return f"{event.uuid}@zwerm"


def _location(event: Event) -> str:
    parts = [part for part in (event.venue, event.address) if part]
    if event.mode == Event.Mode.ONLINE:
        return _("Online")
    return ", ".join(parts)


def vevent(event: Event, *, registration: Registration | None = None,
           show_link: bool = False) -> icalendar.Event:
    """One VEVENT; the online link only where the reader holds a seat (``show_link``)."""
    url = settings.SITE_URL + reverse("events:detail", kwargs={"slug": event.slug})
    item = icalendar.Event()
    item.add("uid", uid_for(event))
    item.add("dtstamp", event.updated_at)
    item.add("created", event.created_at)
    item.add("last-modified", event.updated_at)
    item.add("sequence", event.sequence)
    item.add("summary", event.title)
    item.add("dtstart", event.starts_at.astimezone(event.zone))
    item.add("dtend", event.ends_at.astimezone(event.zone))
    item.add("url", url)
    description = event.description.strip()
    if show_link and event.is_online and event.online_url:
        description = f"{description}\n\n{_('Online link:')} {event.online_url}".strip()
    if description:
        item.add("description", description)
    location = _location(event)
    if location:
        item.add("location", location)
    if event.is_cancelled:
        item.add("status", "CANCELLED")
    elif registration is not None and registration.state == Registration.State.WAITING:
        item.add("status", "TENTATIVE")
    else:
        item.add("status", "CONFIRMED")
    item.add("categories", [event.get_kind_display()])
    return item


def calendar(events: Iterable[tuple[Event, Registration | None, bool]], *,
             name: str = "") -> bytes:
    """A VCALENDAR with one VEVENT per (event, registration, show_link)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
    for event, registration, show_link in events:
        cal.add_component(vevent(event, registration=registration, show_link=show_link))
    cal.add_missing_timezones()
    return cal.to_ical()
