"""Writes about events themselves: creating, changing, cancelling, series and organisers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from dateutil.rrule import MONTHLY, rrule, weekday
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_slug
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.notifications import notify
from zwerm.ecosystems.models import Ecosystem
from zwerm.events import permissions
from zwerm.events.models import Event, EventSeries, Organiser, Registration
from zwerm.events.services._common import (
    RESERVED_SLUGS,
    about,
    aware,
    choice,
    clean_text,
    clean_zone,
    event_url,
    lock_event,
    require_manager,
    require_person,
    unique_slug,
)
from zwerm.events.services.registrations import promote_waiting

DESCRIPTION_MAX = 20000
SERIES_MAX = 24
#: Fields whose change matters to someone's calendar: they raise the iCalendar SEQUENCE.
CALENDAR_FIELDS = {"title", "description", "starts_at", "ends_at", "time_zone", "mode", "venue",
                   "address", "online_url"}
#: Changes that everyone coming must hear about by email: when and where.
ANNOUNCED_FIELDS = {"starts_at", "ends_at", "time_zone", "mode", "venue", "address",
                    "online_url"}


def _clean_url(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    try:
        URLValidator(schemes=["https", "http"])(value)
    except ValidationError:
        raise ValidationFailed(_("Enter a complete web address (https://…)."),
                               field="online_url") from None
    return value


def _clean_slug(slug: str, exclude_pk: int | None = None) -> str:
    slug = slug.strip().lower()
    try:
        validate_slug(slug)
    except ValidationError:
        raise ValidationFailed(
            _("Use only lowercase letters, digits and hyphens in the web address."), field="slug"
        ) from None
    if slug in RESERVED_SLUGS or Event.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        raise Conflict(_("This web address is already taken; choose another one."), field="slug")
    return slug


def _positive(value: Any, field: str) -> int | None:
    if value in (None, ""):
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValidationFailed(_("Enter a whole number of at least 1."), field=field)
    return value


def _check(values: dict[str, Any]) -> None:
    """Rules across fields, for a new event or the result of a change."""
    if values["ends_at"] <= values["starts_at"]:
        raise ValidationFailed(_("The event must end after it starts."), field="ends_at")
    if values["mode"] in (Event.Mode.IN_PERSON, Event.Mode.HYBRID) and not values["venue"]:
        raise ValidationFailed(_("Say where the event takes place."), field="venue")
    if values["mode"] in (Event.Mode.ONLINE, Event.Mode.HYBRID) and not values["online_url"]:
        raise ValidationFailed(_("Give the link for taking part online."), field="online_url")
    opens, closes = values["registration_opens_at"], values["registration_closes_at"]
    if opens and closes and closes <= opens:
        raise ValidationFailed(_("Registration must close after it opens."),
                               field="registration_closes_at")
    if closes and closes > values["ends_at"]:
        raise ValidationFailed(_("Registration must close before the event ends."),
                               field="registration_closes_at")
    if values["visibility"] == Event.Visibility.MEMBERS and values["ecosystem"] is None:
        raise ValidationFailed(_("Only an event of an ecosystem can be for its members only."),
                               field="visibility")


def _clean(values: Mapping[str, Any], zone: str) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for field, value in values.items():
        if field == "title":
            cleaned[field] = clean_text(value, field=field, label=_("title"), required=True,
                                        max_length=200)
        elif field in ("description", "agenda"):
            label = _("description") if field == "description" else _("agenda")
            cleaned[field] = clean_text(value, field=field, label=label,
                                        required=False, max_length=DESCRIPTION_MAX)
        elif field in ("venue", "address"):
            cleaned[field] = clean_text(
                value, field=field, label=_("venue") if field == "venue" else _("address"),
                required=False, max_length=200 if field == "venue" else 300)
        elif field == "online_url":
            cleaned[field] = _clean_url(value)
        elif field == "kind":
            cleaned[field] = choice(value, Event.Kind, field)
        elif field == "mode":
            cleaned[field] = choice(value, Event.Mode, field)
        elif field == "visibility":
            cleaned[field] = choice(value, Event.Visibility, field)
        elif field in ("capacity", "per_organisation_limit"):
            cleaned[field] = _positive(value, field)
        elif field in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
            cleaned[field] = aware(value, zone, field)
            if field in ("starts_at", "ends_at") and cleaned[field] is None:
                raise ValidationFailed(_("Enter a valid date and time."), field=field)
        else:
            cleaned[field] = value
    return cleaned


def _require_ecosystem_rights(actor: Actor, ecosystem: Ecosystem | None) -> None:
    if not permissions.can_create(actor, ecosystem):
        raise NotAllowed(
            _("Only people of the ecosystem's member organisations may organise its events."),
            field="ecosystem",
        )


def _build(actor: Actor, values: dict[str, Any], *, slug: str, series=None) -> Event:
    event = Event(**values, slug=slug, series=series, created_by=actor.person)
    event.save()
    Organiser.objects.create(event=event, person=actor.person, organisation=actor.organisation,
                             position=0)
    record(verb="events.event.created", actor=actor, **about(event), ecosystem=event.ecosystem,
           payload={"event": str(event.uuid), "kind": event.kind, "visibility": event.visibility,
                    "starts_at": event.starts_at.isoformat(),
                    "capacity": event.capacity,
                    "series": str(series.uuid) if series else ""})
    return event


@transaction.atomic
def event_create(
    *,
    actor: Actor,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    time_zone: str = "Europe/Amsterdam",
    kind: str = Event.Kind.MEETUP,
    description: str = "",
    mode: str = Event.Mode.IN_PERSON,
    venue: str = "",
    address: str = "",
    online_url: str = "",
    capacity: int | None = None,
    per_organisation_limit: int | None = None,
    registration_opens_at: datetime | None = None,
    registration_closes_at: datetime | None = None,
    ecosystem: Ecosystem | None = None,
    visibility: str = Event.Visibility.PUBLIC,
    agenda: str = "",
    slug: str = "",
) -> Event:
    """Plan an event; its creator is its first organiser."""
    require_person(actor)
    _require_ecosystem_rights(actor, ecosystem)
    zone = clean_zone(time_zone)
    values = _clean({
        "title": title, "starts_at": starts_at, "ends_at": ends_at, "kind": kind,
        "description": description, "mode": mode, "venue": venue, "address": address,
        "online_url": online_url, "capacity": capacity,
        "per_organisation_limit": per_organisation_limit,
        "registration_opens_at": registration_opens_at,
        "registration_closes_at": registration_closes_at, "visibility": visibility,
        "agenda": agenda,
    }, zone)
    values.update(time_zone=zone, ecosystem=ecosystem)
    _check(values)
    if values["starts_at"] <= timezone.now():
        raise ValidationFailed(_("Plan the event in the future."), field="starts_at")
    slug = _clean_slug(slug) if slug.strip() else unique_slug(values["title"])
    return _build(actor, values, slug=slug)


def _occurrences(first: datetime, zone: str, frequency: str, count: int) -> list[datetime]:
    """Start times in the event's zone, so the wall-clock time survives daylight saving."""
    local = first.astimezone(Event(time_zone=zone).zone).replace(tzinfo=None)
    if frequency == EventSeries.Frequency.WEEKLY:
        starts = [local + timedelta(weeks=n) for n in range(count)]
    elif frequency == EventSeries.Frequency.FORTNIGHTLY:
        starts = [local + timedelta(weeks=2 * n) for n in range(count)]
    else:
        nth = (local.day - 1) // 7 + 1
        rule = weekday(local.weekday(), nth if nth < 5 else -1)
        starts = list(rrule(MONTHLY, dtstart=local, byweekday=rule, count=count))
    return [timezone.make_aware(start, Event(time_zone=zone).zone) for start in starts]


@transaction.atomic
def series_create(
    *, actor: Actor, frequency: str, count: int, starts_at: datetime, ends_at: datetime,
    time_zone: str = "Europe/Amsterdam", **fields: Any,
) -> EventSeries:
    """A recurring event: ``count`` occurrences, each an event of its own to edit one by one.

    Registration windows move along with each occurrence.
    """
    require_person(actor)
    frequency = choice(frequency, EventSeries.Frequency, "frequency")
    if not isinstance(count, int) or not 2 <= count <= SERIES_MAX:
        raise ValidationFailed(
            _("A series has between 2 and %(max)d occurrences.") % {"max": SERIES_MAX},
            field="count",
        )
    zone = clean_zone(time_zone)
    ecosystem = fields.pop("ecosystem", None)
    fields.pop("slug", None)
    _require_ecosystem_rights(actor, ecosystem)
    first_start = aware(starts_at, zone, "starts_at")
    first_end = aware(ends_at, zone, "ends_at")
    if first_start is None or first_start <= timezone.now():
        raise ValidationFailed(_("Plan the event in the future."), field="starts_at")
    length = first_end - first_start
    shifts = {key: aware(fields.get(key), zone, key)
              for key in ("registration_opens_at", "registration_closes_at")}
    title = clean_text(fields.get("title"), field="title", label=_("title"), required=True,
                       max_length=200)
    series = EventSeries.objects.create(title=title, frequency=frequency, ecosystem=ecosystem,
                                        created_by=actor.person)
    for start in _occurrences(first_start, zone, frequency, count):
        offset = start - first_start
        values = _clean({**fields, "starts_at": start, "ends_at": start + length,
                         **{k: (v + offset if v else None) for k, v in shifts.items()}}, zone)
        values.setdefault("kind", Event.Kind.ROUND_TABLE)
        values.update(time_zone=zone, ecosystem=ecosystem)
        for key, default in (("mode", Event.Mode.IN_PERSON), ("venue", ""), ("online_url", ""),
                             ("visibility", Event.Visibility.PUBLIC)):
            values.setdefault(key, default)
        values.setdefault("registration_opens_at", None)
        values.setdefault("registration_closes_at", None)
        _check(values)
        local_date = start.astimezone(Event(time_zone=zone).zone).date()
        _build(actor, values, slug=unique_slug(title, local_date.isoformat()), series=series)
    record(verb="events.series.created", actor=actor,
           **about(series, public=values["visibility"] == Event.Visibility.PUBLIC),
           ecosystem=ecosystem,
           payload={"series": str(series.uuid), "frequency": frequency, "count": count})
    return series


@transaction.atomic
def event_update(*, actor: Actor, event: Event, **changes: Any) -> Event:
    """Change an event; ``None`` leaves a field as it is (pass ``""`` to clear a text).

    Raising the capacity promotes people from the waiting list; lowering it below the seats
    already given is refused.
    """
    event = lock_event(event)
    require_manager(actor, event, _("Only the organisers of this event may change it."))
    if event.is_cancelled:
        raise Conflict(_("A cancelled event can no longer be changed."))
    clear = {"capacity", "per_organisation_limit", "registration_opens_at",
             "registration_closes_at"}
    changes = {k: v for k, v in changes.items() if v is not None or k in clear}
    zone = clean_zone(changes.pop("time_zone", event.time_zone))
    slug = changes.pop("slug", None)
    allowed = {"title", "description", "kind", "starts_at", "ends_at", "mode", "venue",
               "address", "online_url", "capacity", "per_organisation_limit",
               "registration_opens_at", "registration_closes_at", "visibility", "agenda"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationFailed(_("This field cannot be changed."), field=sorted(unknown)[0])
    new = _clean(changes, zone)
    new["time_zone"] = zone
    if slug is not None and slug.strip() and slug.strip() != event.slug:
        new["slug"] = _clean_slug(slug, exclude_pk=event.pk)
    merged = {field: getattr(event, field) for field in allowed}
    merged.update(new, ecosystem=event.ecosystem)
    _check(merged)
    seats = event.registrations.filter(state=Registration.State.CONFIRMED).count()
    if new.get("capacity") is not None and new["capacity"] < seats:
        raise Conflict(
            _("%(count)d people already have a seat; the capacity cannot be lower.")
            % {"count": seats},
            field="capacity",
        )
    highest_seat = max(
        event.registrations.filter(seat__isnull=False).values_list("seat", flat=True), default=0
    )
    changed = [field for field, value in new.items() if getattr(event, field) != value]
    if not changed:
        return event
    for field in changed:
        setattr(event, field, new[field])
    fields = [*changed, "updated_at"]
    if set(changed) & CALENDAR_FIELDS:
        event.sequence += 1
        fields.append("sequence")
    event.save(update_fields=fields)
    if "capacity" in changed and event.capacity is not None and highest_seat > event.capacity:
        _renumber_seats(event)
    payload: dict[str, Any] = {"event": str(event.uuid), "changed": sorted(changed),
                               "sequence": event.sequence}
    for field in ("capacity", "visibility", "kind"):
        if field in changed:
            payload[field] = getattr(event, field)
    for field in ("starts_at", "ends_at"):
        if field in changed:
            payload[field] = getattr(event, field).isoformat()
    record(verb="events.event.updated", actor=actor, **about(event), ecosystem=event.ecosystem,
           payload=payload)
    if "capacity" in changed:
        promote_waiting(event)
    if set(changed) & ANNOUNCED_FIELDS:
        from zwerm.events.tasks import send_event_changed

        event_id, sequence = event.pk, event.sequence
        transaction.on_commit(lambda: send_event_changed(event_id, sequence))
    return event


def _renumber_seats(event: Event) -> None:
    """After a lower capacity, move the seats numbered above it into the free low numbers."""
    held = list(event.registrations.filter(seat__isnull=False).order_by("seat"))
    free = iter(n for n in range(1, event.capacity + 1) if n not in {r.seat for r in held})
    for registration in held:
        if registration.seat > event.capacity:
            registration.seat = next(free)
            registration.save(update_fields=["seat", "updated_at"])


@transaction.atomic
def event_cancel(*, actor: Actor, event: Event, reason: str = "") -> Event:
    """Call the event off: everyone registered or waiting is told, in their language."""
    event = lock_event(event)
    require_manager(actor, event, _("Only the organisers of this event may cancel it."))
    if event.is_cancelled:
        raise Conflict(_("This event has already been cancelled."))
    reason = clean_text(reason, field="reason", label=_("reason"), required=False,
                        max_length=2000)
    event.cancelled_at = timezone.now()
    event.cancel_reason = reason
    event.sequence += 1
    event.save(update_fields=["cancelled_at", "cancel_reason", "sequence", "updated_at"])
    activity = record(verb="events.event.cancelled", actor=actor, **about(event),
                      ecosystem=event.ecosystem,
                      payload={"event": str(event.uuid), "with_reason": bool(reason),
                               "sequence": event.sequence})
    people = [r.person for r in event.registrations.filter(
        state__in=[Registration.State.CONFIRMED, Registration.State.WAITING],
        person__isnull=False).select_related("person")]
    notify(recipients=people, kind="events.registrations", activity=activity,
           url=event_url(event))
    from zwerm.events.tasks import send_event_cancelled

    event_id = event.pk
    transaction.on_commit(lambda: send_event_cancelled(event_id))
    return event


@transaction.atomic
def organiser_add(
    *, actor: Actor, event: Event, person: Any, organisation: Any = None
) -> Organiser:
    """Share the organising; the new organiser must be able to see the event."""
    event = lock_event(event)
    require_manager(actor, event)
    if person is None or not person.is_active:
        raise ValidationFailed(_("No person was found with this identifier."), field="person")
    if event.organisers.filter(person=person).exists():
        raise Conflict(_("This person already organises the event."), field="person")
    if not permissions.can_view(person, event):
        raise ValidationFailed(_("This person cannot see the event, so cannot organise it."),
                               field="person")
    position = (event.organisers.order_by("-position").values_list("position", flat=True)
                .first() or 0) + 1
    organiser = Organiser.objects.create(event=event, person=person, organisation=organisation,
                                         position=position)
    activity = record(verb="events.organiser.added", actor=actor, **about(event),
                      ecosystem=event.ecosystem,
                      payload={"event": str(event.uuid), "person": str(person.uuid)})
    notify(recipients=[person], kind="events.organising", activity=activity,
           url=event_url(event, "manage"))
    return organiser


@transaction.atomic
def organiser_remove(*, actor: Actor, event: Event, person: Any) -> None:
    event = lock_event(event)
    require_manager(actor, event)
    row = event.organisers.filter(person=person).first()
    if row is None:
        raise ValidationFailed(_("This person does not organise the event."), field="person")
    if event.organisers.count() == 1:
        raise Conflict(_("An event needs at least one organiser."), field="person")
    row.delete()
    record(verb="events.organiser.removed", actor=actor, **about(event),
           ecosystem=event.ecosystem,
           payload={"event": str(event.uuid), "person": str(person.uuid)})


@transaction.atomic
def minutes_update(*, actor: Actor, event: Event, agenda: str | None = None,
                   minutes: str | None = None) -> Event:
    """The agenda before and the minutes after a round table (Markdown)."""
    event = lock_event(event)
    require_manager(actor, event, _("Only the organisers may write the agenda and minutes."))
    changed = []
    for field, value in (("agenda", agenda), ("minutes", minutes)):
        if value is None:
            continue
        value = clean_text(value, field=field, label=_("minutes"), required=False,
                           max_length=DESCRIPTION_MAX)
        if value != getattr(event, field):
            setattr(event, field, value)
            changed.append(field)
    if changed:
        event.save(update_fields=[*changed, "updated_at"])
        record(verb="events.event.minutes_updated", actor=actor, **about(event),
               ecosystem=event.ecosystem, payload={"event": str(event.uuid), "changed": changed})
    return event

