"""Helpers the event services share: locking, validation and the people to tell."""

from __future__ import annotations

import functools
import zoneinfo
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from zwerm.core.actor import Actor
from zwerm.core.errors import NotAllowed, NotFound, ValidationFailed
from zwerm.events import permissions
from zwerm.events.models import Event, Registration

RESERVED_SLUGS = {"new", "series", "calendar", "r", "mine", "ecosystem"}


def require_person(actor: Actor) -> None:
    if not actor.is_authenticated:
        raise NotAllowed(_("Sign in to do this."))


def require_manager(actor: Actor, event: Event, message=None) -> None:
    require_person(actor)
    if not permissions.can_manage(actor.person, event):
        raise NotAllowed(message or _("Only the organisers of this event may do this."))


def require_visible(actor: Actor, event: Event) -> None:
    if not permissions.can_view(actor.person, event):
        raise NotFound(_("This event does not exist or is not visible to you."))


def lock_event(event: Event) -> Event:
    """Take the event's row lock: every change to its seats waits for it.

    ``of=("self",)`` because PostgreSQL refuses FOR UPDATE on the nullable side of the outer
    join that ``select_related("ecosystem")`` makes.
    """
    return (
        Event.objects.select_for_update(of=("self",))
        .select_related("ecosystem")
        .get(pk=event.pk)
    )


def clean_text(value: str | None, *, field: str, label: Any, required: bool,
               max_length: int) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationFailed(_("Please fill in the %(field)s.") % {"field": label}, field=field)
    if len(value) > max_length:
        raise ValidationFailed(
            _("The %(field)s may be at most %(max)d characters long.")
            % {"field": label, "max": max_length},
            field=field,
        )
    return value


@functools.cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def clean_zone(name: str) -> str:
    name = (name or "").strip()
    if name not in _zones():
        raise ValidationFailed(
            _("Choose a time zone such as Europe/Amsterdam."), field="time_zone"
        )
    return name


def aware(value: datetime | None, zone: str, field: str) -> datetime | None:
    """Naive times are read in the event's time zone; everything is stored in UTC."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise ValidationFailed(_("Enter a valid date and time."), field=field)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, zoneinfo.ZoneInfo(zone))
    return value.astimezone(zoneinfo.ZoneInfo("UTC"))


def choice(value: str, choices: Any, field: str) -> str:
    if value not in choices.values:
        raise ValidationFailed(_("Choose one of the offered options."), field=field)
    return value


def unique_slug(title: str, suffix: str = "") -> str:
    base = slugify(title)[:80].strip("-") or "bijeenkomst"
    if suffix:
        base = f"{base[:85]}-{suffix}"
    if base in RESERVED_SLUGS:
        base = f"{base}-bijeenkomst"
    slug, number = base, 2
    while Event.objects.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


def next_free_seat(event: Event) -> int | None:
    """The lowest free seat number, or None when the event is full (call under the lock)."""
    taken = set(
        Registration.objects.filter(event=event, seat__isnull=False).values_list("seat", flat=True)
    )
    if event.capacity is None:
        highest = Registration.objects.filter(event=event).aggregate(top=Max("seat"))["top"]
        return (highest or 0) + 1
    for seat in range(1, event.capacity + 1):
        if seat not in taken:
            return seat
    return None


def event_url(event: Event, name: str = "detail") -> str:
    return reverse(f"events:{name}", kwargs={"slug": event.slug})


def organiser_people(event: Event) -> list[Any]:
    return [row.person for row in event.organisers.select_related("person")]


@dataclass(frozen=True)
class _MembersOnly:
    """Stands in the activity stream for a members-only event: its UUID, never its title.

    The stream hides whole members-only ecosystems from outsiders; an event for members of
    a public ecosystem is hidden only in its pages, API and feeds, so its activities must
    not carry its title into the public feed.
    """

    uuid: Any

    def __str__(self) -> str:
        return str(_("an event for members only"))


def about(obj: Any, *, public: bool | None = None) -> dict[str, Any]:
    """``subject`` and ``subject_type`` for ``record()``: the event, or its stand-in."""
    public = obj.is_public if public is None else public
    subject = obj if public else _MembersOnly(obj.uuid)
    return {"subject": subject, "subject_type": obj._meta.label_lower}
