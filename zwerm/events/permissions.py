"""Who may see and do what with events; used by services, selectors, views, API and templates.

Every function accepts ``None``, an anonymous user or an ``Actor`` as the person.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from zwerm.ecosystems import permissions as ecosystem_permissions
from zwerm.ecosystems.models import Ecosystem, Membership
from zwerm.ecosystems.selectors import viewer_organisation_ids, visible_ecosystems_q
from zwerm.events.models import Event, Organiser, Registration

SEEING_STATES = (Membership.State.ACTIVE, Membership.State.PAUSED)


def _person(person: Any) -> Any:
    person = getattr(person, "person", person)
    if person is None or not getattr(person, "is_authenticated", False):
        return None
    return person


def is_operator(person: Any) -> bool:
    return ecosystem_permissions.is_operator(person)


def member_ecosystem_ids(person: Any) -> Any:
    """A subquery of the ecosystems the person's organisations are (active or paused) in."""
    return Membership.objects.filter(
        organisation_id__in=viewer_organisation_ids(person), state__in=SEEING_STATES
    ).values("ecosystem_id")


def visible_events_q(viewer: Any) -> Q:
    """A Q over Event: what the viewer may see, as a subquery so no ``distinct()`` is needed.

    An event is visible when its ecosystem (if any) is, and, when it is for members only,
    when the viewer's organisation is a member of that ecosystem. Organisers always see
    their events; operators see everything.
    """
    person = _person(viewer)
    if person is not None and person.is_staff:
        return Q()
    ecosystem_ok = Q(ecosystem__isnull=True) | Q(
        ecosystem_id__in=Ecosystem.objects.filter(visible_ecosystems_q(person)).values("id")
    )
    public = Q(visibility=Event.Visibility.PUBLIC)
    if person is None:
        return ecosystem_ok & public
    members = Q(ecosystem_id__in=member_ecosystem_ids(person))
    organised = Q(id__in=Organiser.objects.filter(person=person).values("event_id"))
    return (ecosystem_ok & (public | members)) | organised


def can_view(person: Any, event: Event) -> bool:
    return Event.objects.filter(visible_events_q(person), pk=event.pk).exists()


def is_organiser(person: Any, event: Event) -> bool:
    person = _person(person)
    return person is not None and event.organisers.filter(person=person).exists()


def can_manage(person: Any, event: Event) -> bool:
    """Organisers, the facilitators of the event's ecosystem, and operators run an event."""
    if is_organiser(person, event) or is_operator(person):
        return True
    return event.ecosystem_id is not None and ecosystem_permissions.is_facilitator(
        person, event.ecosystem
    )


def can_create(actor: Any, ecosystem: Ecosystem | None = None) -> bool:
    """Anyone signed in may organise an event; within an ecosystem, its members do."""
    person = _person(actor)
    if person is None:
        return False
    if ecosystem is None:
        return True
    return ecosystem_permissions.is_member_of(person, ecosystem) or (
        ecosystem_permissions.can_manage(person, ecosystem)
    )


def registration_of(person: Any, event: Event) -> Registration | None:
    person = _person(person)
    if person is None:
        return None
    return event.registrations.filter(person=person).first()


def is_attendee(person: Any, event: Event) -> bool:
    """Holds a seat (a confirmed registration)."""
    person = _person(person)
    return person is not None and event.registrations.filter(
        person=person, state=Registration.State.CONFIRMED
    ).exists()


def can_see_online_link(person: Any, event: Event) -> bool:
    return is_attendee(person, event) or can_manage(person, event)


def can_see_attendees(person: Any, event: Event) -> bool:
    return is_attendee(person, event) or can_manage(person, event)


def can_follow_up(person: Any, event: Event) -> bool:
    return event.is_round_table and can_manage(person, event)


def hidden_event_uuids(viewer: Any) -> Any:
    """The events a viewer may not see, as a subquery (for core's activity stream)."""
    visible = Event.objects.filter(visible_events_q(viewer)).values("pk")
    return Event.objects.exclude(pk__in=visible).values_list("uuid", flat=True)
