"""Read queries of events, filtered in the query to what the viewer may see."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from zwerm.ecosystems.models import Ecosystem
from zwerm.events.models import Answer, Event, Organiser, Registration
from zwerm.events.permissions import visible_events_q

State = Registration.State


def _with_counts(queryset: QuerySet[Event]) -> QuerySet[Event]:
    return queryset.annotate(
        seats_taken=Count("registrations", filter=Q(registrations__state=State.CONFIRMED),
                          distinct=True),
        waiting_count=Count("registrations", filter=Q(registrations__state=State.WAITING),
                            distinct=True),
    )


def event_list(
    *,
    viewer: Any,
    query: str = "",
    kind: str = "",
    ecosystem: Ecosystem | None = None,
    when: str = "upcoming",
) -> QuerySet[Event]:
    """Events the viewer may see; ``when`` is upcoming (not yet ended), past or all."""
    queryset = Event.objects.filter(visible_events_q(viewer)).select_related("ecosystem")
    now = timezone.now()
    if when == "upcoming":
        queryset = queryset.filter(ends_at__gt=now).order_by("starts_at", "id")
    elif when == "past":
        queryset = queryset.filter(ends_at__lte=now).order_by("-starts_at", "-id")
    else:
        queryset = queryset.order_by("-starts_at", "-id")
    if query:
        queryset = queryset.filter(
            Q(title__icontains=query) | Q(description__icontains=query)
            | Q(venue__icontains=query)
        )
    if kind:
        queryset = queryset.filter(kind=kind)
    if ecosystem is not None:
        queryset = queryset.filter(ecosystem=ecosystem)
    return _with_counts(queryset)


def visible_event(
    *, viewer: Any, slug: str | None = None, uuid_: uuid.UUID | str | None = None
) -> Event | None:
    """One event by slug or UUID, with its counts, or None when missing or hidden."""
    queryset = _with_counts(
        Event.objects.filter(visible_events_q(viewer)).select_related(
            "ecosystem", "series", "follow_up_ecosystem"
        )
    )
    if slug is not None:
        return queryset.filter(slug=slug).first()
    try:
        return queryset.filter(uuid=uuid.UUID(str(uuid_))).first()
    except ValueError:
        return None


def organisers_of(*, event: Event) -> list[Organiser]:
    return list(event.organisers.select_related("person", "organisation"))


def registrations_of(
    *, event: Event, states: list[str] | None = None, query: str = ""
) -> QuerySet[Registration]:
    """For the organisers: every registration with its person, organisation and answers."""
    queryset = (
        event.registrations.select_related("person", "organisation")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.select_related("question")))
        .order_by("state", "seat", "waiting_since", "created_at", "id")
    )
    if states:
        queryset = queryset.filter(state__in=states)
    if query:
        queryset = queryset.filter(
            Q(person__name__icontains=query) | Q(guest_name__icontains=query)
            | Q(organisation__name__icontains=query)
        )
    return queryset


def waiting_list(*, event: Event) -> QuerySet[Registration]:
    return (event.registrations.filter(state=State.WAITING)
            .select_related("person", "organisation").order_by("waiting_since", "id"))


def door_list(*, event: Event, query: str = "") -> QuerySet[Registration]:
    """Who may come in: everyone with a seat, searchable by name or organisation."""
    queryset = registrations_of(event=event, states=[State.CONFIRMED], query=query)
    return queryset.order_by("person__name", "guest_name", "id")


def attendee_list(*, event: Event) -> QuerySet[Registration]:
    """The attendees who chose to appear on the list other attendees see."""
    return (
        event.registrations.filter(state=State.CONFIRMED, show_on_attendee_list=True)
        .select_related("person", "organisation")
        .order_by("organisation__name", "person__name", "guest_name", "id")
    )


def my_registrations(*, person: Any, upcoming: bool = True) -> QuerySet[Registration]:
    if person is None or not getattr(person, "is_authenticated", False):
        return Registration.objects.none()
    queryset = (
        Registration.objects.filter(person=person)
        .exclude(state=State.CANCELLED)
        .select_related("event", "event__ecosystem", "organisation")
        .order_by("event__starts_at")
    )
    if upcoming:
        queryset = queryset.filter(event__ends_at__gt=timezone.now())
    return queryset


def person_calendar(*, person: Any) -> list[tuple[Event, Registration | None]]:
    """Events for the personal feed: those registered for (or waiting) and those organised.

    Events the person may no longer see (their organisation left a members-only ecosystem)
    drop out.
    """
    registrations = {
        r.event_id: r
        for r in Registration.objects.filter(
            person=person, state__in=[State.CONFIRMED, State.WAITING]
        )
    }
    organised = Organiser.objects.filter(person=person).values("event_id")
    events = (
        Event.objects.filter(visible_events_q(person))
        .filter(Q(id__in=list(registrations)) | Q(id__in=organised))
        .select_related("ecosystem").order_by("starts_at", "id")
    )
    return [(event, registrations.get(event.pk)) for event in events]


def ecosystem_feed(*, ecosystem: Ecosystem) -> QuerySet[Event]:
    """The public feed of an ecosystem: never a members-only event."""
    return Event.objects.filter(
        ecosystem=ecosystem, visibility=Event.Visibility.PUBLIC
    ).select_related("ecosystem").order_by("starts_at", "id")


def registration_for(*, event: Event, person: Any) -> Registration | None:
    if person is None or not getattr(person, "is_authenticated", False):
        return None
    return (event.registrations.filter(person=person).select_related("organisation")
            .prefetch_related("answers").first())


def waiting_position(registration: Registration) -> int | None:
    """1 for the first on the list; None when not waiting."""
    if registration.state != State.WAITING:
        return None
    ahead = registration.event.registrations.filter(state=State.WAITING).filter(
        Q(waiting_since__lt=registration.waiting_since)
        | Q(waiting_since=registration.waiting_since, id__lt=registration.id)
    ).count()
    return ahead + 1


def attendee_organisation_ids(*, event: Event) -> list[int]:
    return list(
        event.registrations.filter(state=State.CONFIRMED, organisation__isnull=False)
        .values_list("organisation_id", flat=True).distinct()
    )


def people_to_meet(*, viewer: Any, organisation: Any, event: Event, limit: int = 10) -> list:
    """"Who should I meet" among the other organisations attending, with the reasons."""
    from zwerm.matchmaking.selectors import suggestions_for

    if organisation is None:
        return []
    among = [pk for pk in attendee_organisation_ids(event=event) if pk != organisation.pk]
    if not among:
        return []
    return suggestions_for(viewer=viewer, organisation=organisation, among=among, limit=limit)


def organisations_to_invite(*, viewer: Any, event: Event, limit: int = 10) -> list:
    """"Who should join" a round table: scored against its attendees as one group."""
    from zwerm.matchmaking.selectors import group_candidates

    attending = attendee_organisation_ids(event=event)
    if not attending:
        return []
    return group_candidates(viewer=viewer, organisations=attending, limit=limit)


def follow_up_challenge(*, viewer: Any, event: Event) -> Any:
    """The challenge a round table turned into, if the viewer may see it."""
    if event.follow_up_challenge_uuid is None:
        return None
    from zwerm.ideation.models import Challenge
    from zwerm.ideation.selectors import visible_challenges_q

    return Challenge.objects.filter(visible_challenges_q(viewer),
                                    uuid=event.follow_up_challenge_uuid).first()
