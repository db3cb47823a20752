"""JSON API of events: thin endpoints over the app's services and selectors."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field as NinjaField
from ninja import Query, Router, Schema, Status

from zwerm.accounts.models import User
from zwerm.core.api_support import OPTIONAL, REQUIRED, actor_of
from zwerm.core.errors import NotAllowed, ValidationFailed
from zwerm.ecosystems.selectors import visible_ecosystem
from zwerm.events import permissions, selectors, services
from zwerm.events.models import Event, EventSeries, Registration
from zwerm.events.schemas import (
    AttendeeListOut,
    CalendarOut,
    CancelIn,
    EventDetailOut,
    EventIn,
    EventListOut,
    EventPatchIn,
    FollowUpChallengeIn,
    FollowUpEcosystemIn,
    GuestRegistrationIn,
    GuestRegistrationOut,
    MinutesIn,
    MinutesOut,
    OrganiserIn,
    OrganiserOut,
    QuestionIn,
    QuestionOut,
    RegistrationIn,
    RegistrationListOut,
    RegistrationOut,
    RegistrationPatchIn,
    SeriesIn,
    SeriesOut,
    SuggestionsOut,
)

router = Router(tags=["events"])


class Page(Schema):
    limit: int = NinjaField(20, ge=1, le=100)
    offset: int = NinjaField(0, ge=0)


class EventFilters(Page):
    q: str = NinjaField("", max_length=100)
    kind: Event.Kind | None = None
    ecosystem: str = NinjaField("", max_length=80)
    when: str = NinjaField("upcoming", pattern="^(upcoming|past|all)$")


class RegistrationFilters(Page):
    state: Registration.State | None = None
    q: str = NinjaField("", max_length=100)


def _page(queryset, page: Page) -> dict[str, Any]:
    items = list(queryset[page.offset:page.offset + page.limit])
    return {"count": queryset.count(), "items": items}


def _event(request, ref: str) -> Event:
    """By slug or UUID; 404 when missing or hidden from the viewer."""
    viewer = actor_of(request).person
    event = selectors.visible_event(viewer=viewer, slug=ref)
    if event is None:
        event = selectors.visible_event(viewer=viewer, uuid_=ref)
    if event is None:
        raise Http404
    return event


def _ecosystem(request, ref: str | None):
    if not ref:
        return None
    viewer = actor_of(request).person
    found = visible_ecosystem(viewer=viewer, slug=ref) or visible_ecosystem(viewer=viewer,
                                                                            uuid_=ref)
    if found is None:
        raise ValidationFailed(_("No ecosystem was found with this identifier."),
                               field="ecosystem")
    return found


def _absolute(name: str, **kwargs) -> str:
    return settings.SITE_URL + reverse(f"events:{name}", kwargs=kwargs)


def _detail(request, event: Event) -> Event:
    """The detail, with the online link only for people with a seat and the organisers."""
    person = actor_of(request).person
    if permissions.can_see_online_link(person, event):
        event.shown_online_url = event.online_url
    return event


def _require_manager(request, event: Event) -> None:
    if not permissions.can_manage(actor_of(request).person, event):
        raise NotAllowed(_("Only the organisers of this event may do this."))


def _registration_out(registration: Registration,
                      positions: dict[int, int] | None = None) -> dict[str, Any]:
    """``positions`` (pk → place on the waiting list) saves a query per row in lists."""
    position = (positions.get(registration.pk) if positions is not None
                else selectors.waiting_position(registration))
    return {
        "uuid": registration.uuid, "event": registration.event.slug, "state": registration.state,
        "seat": registration.seat, "waiting_position": position,
        "organisation": registration.organisation.slug if registration.organisation else None,
        "show_on_attendee_list": registration.show_on_attendee_list,
        "checked_in_at": registration.checked_in_at, "created_at": registration.created_at,
    }


# Events ------------------------------------------------------------------------------------


@router.get("", response=EventListOut, auth=OPTIONAL, summary="List events")
def list_events(request, filters: Query[EventFilters]):
    queryset = selectors.event_list(
        viewer=actor_of(request).person, query=filters.q.strip(), kind=filters.kind or "",
        ecosystem=_ecosystem(request, filters.ecosystem), when=filters.when,
    ).select_related("series")
    return _page(queryset, filters)


@router.post("", response={201: EventDetailOut}, auth=REQUIRED, summary="Plan an event")
def create_event(request, payload: EventIn):
    data = payload.dict()
    data["ecosystem"] = _ecosystem(request, data.pop("ecosystem"))
    event = services.event_create(actor=actor_of(request), **data)
    return Status(201, _detail(request, _event(request, event.slug)))


@router.post("/series", response={201: SeriesOut}, auth=REQUIRED,
             summary="Plan a recurring event")
def create_series(request, payload: SeriesIn):
    data = payload.dict()
    data["ecosystem"] = _ecosystem(request, data.pop("ecosystem"))
    series = services.series_create(actor=actor_of(request), **data)
    return Status(201, _series(request, series.uuid))


def _series(request, series_uuid: uuid.UUID) -> dict[str, Any]:
    series = EventSeries.objects.filter(uuid=series_uuid).first()
    if series is None:
        raise Http404
    events = list(selectors.event_list(viewer=actor_of(request).person, when="all")
                  .filter(series=series).select_related("series").order_by("starts_at"))
    if not events:
        raise Http404
    return {"uuid": series.uuid, "title": series.title, "frequency": series.frequency,
            "events": events}


@router.get("/series/{series_uuid}", response=SeriesOut, auth=OPTIONAL,
            summary="A series and its occurrences")
def get_series(request, series_uuid: uuid.UUID):
    return _series(request, series_uuid)


# Calendar and guest links (before /{ref}, which would match these words) --------------------


@router.get("/calendar/me", response=CalendarOut, auth=REQUIRED,
            summary="My private calendar feed address")
def my_calendar(request):
    token = services.calendar_token_for(actor_of(request).person)
    return {"personal_feed": _absolute("personal_ics", token=token.token)}


@router.post("/calendar/me/regenerate", response=CalendarOut, auth=REQUIRED,
             summary="Retire my calendar address and make a new one")
def regenerate_calendar(request):
    token = services.calendar_token_regenerate(actor=actor_of(request))
    return {"personal_feed": _absolute("personal_ics", token=token.token)}


@router.get("/guest/{secret}", response=RegistrationOut, auth=OPTIONAL,
            summary="A registration, by the secret in its emailed link")
def guest_registration(request, secret: str):
    return _registration_out(services.registration_by_secret(secret))


@router.post("/guest/{secret}/confirm", response=RegistrationOut, auth=OPTIONAL,
             summary="Confirm a guest registration (the emailed link)")
def guest_confirm(request, secret: str):
    registration = services.registration_confirm_guest(actor=actor_of(request), secret=secret)
    return _registration_out(registration)


@router.post("/guest/{secret}/cancel", response=RegistrationOut, auth=OPTIONAL,
             summary="Cancel a registration by its emailed link")
def guest_cancel(request, secret: str):
    registration = services.registration_cancel_by_link(actor=actor_of(request), secret=secret)
    return _registration_out(registration)


@router.get("/{ref}", response=EventDetailOut, auth=OPTIONAL, summary="One event")
def get_event(request, ref: str):
    return _detail(request, _event(request, ref))


@router.patch("/{ref}", response=EventDetailOut, auth=REQUIRED, summary="Change an event")
def update_event(request, ref: str, payload: EventPatchIn):
    event = _event(request, ref)
    event = services.event_update(actor=actor_of(request), event=event,
                                  **payload.dict(exclude_unset=True))
    return _detail(request, _event(request, str(event.uuid)))


@router.post("/{ref}/cancel", response=EventDetailOut, auth=REQUIRED,
             summary="Cancel the event (everyone registered is told)")
def cancel_event(request, ref: str, payload: CancelIn):
    event = services.event_cancel(actor=actor_of(request), event=_event(request, ref),
                                  reason=payload.reason)
    return _detail(request, _event(request, str(event.uuid)))


@router.get("/{ref}/calendar", response=CalendarOut, auth=OPTIONAL,
            summary="iCalendar addresses of the event and its ecosystem")
def event_calendar(request, ref: str):
    event = _event(request, ref)
    feed = None
    if event.ecosystem_id and event.ecosystem.is_public:
        feed = _absolute("ecosystem_ics", slug=event.ecosystem.slug)
    return {"event": _absolute("ics", slug=event.slug), "ecosystem_feed": feed}


# Round tables ------------------------------------------------------------------------------


@router.get("/{ref}/minutes", response=MinutesOut, auth=OPTIONAL, summary="Agenda and minutes")
def get_minutes(request, ref: str):
    return _event(request, ref)


@router.patch("/{ref}/minutes", response=MinutesOut, auth=REQUIRED,
              summary="Write the agenda or minutes")
def update_minutes(request, ref: str, payload: MinutesIn):
    return services.minutes_update(actor=actor_of(request), event=_event(request, ref),
                                   **payload.dict(exclude_unset=True))


@router.post("/{ref}/follow-up/ecosystem", response={201: dict}, auth=REQUIRED,
             summary="Start an ecosystem from a round table, inviting its attendees")
def follow_up_ecosystem(request, ref: str, payload: FollowUpEcosystemIn):
    ecosystem = services.follow_up_ecosystem(actor=actor_of(request),
                                             event=_event(request, ref), **payload.dict())
    return Status(201, {"uuid": str(ecosystem.uuid), "slug": ecosystem.slug,
                        "name": ecosystem.name})


@router.post("/{ref}/follow-up/challenge", response={201: dict}, auth=REQUIRED,
             summary="Start an ideation challenge from a round table, inviting its attendees")
def follow_up_challenge(request, ref: str, payload: FollowUpChallengeIn):
    challenge = services.follow_up_challenge(actor=actor_of(request),
                                             event=_event(request, ref), **payload.dict())
    return Status(201, {"uuid": str(challenge.uuid), "slug": challenge.slug,
                        "question": challenge.question})


@router.get("/{ref}/suggestions", response=SuggestionsOut, auth=REQUIRED,
            summary="Who should I meet here, and (round tables) who should join")
def suggestions(request, ref: str):
    event = _event(request, ref)
    actor = actor_of(request)
    can_manage = permissions.can_manage(actor.person, event)
    if not (permissions.is_attendee(actor.person, event) or can_manage):
        raise NotAllowed(_("Suggestions are for the people with a seat."))

    def rows(found):
        return [{"organisation": s.organisation.slug, "name": s.organisation.name,
                 "score": s.score, "reasons": [r.__dict__ for r in s.reasons]} for s in found]

    meet = selectors.people_to_meet(viewer=actor.person, organisation=actor.organisation,
                                    event=event)
    join = None
    if can_manage and event.is_round_table:
        join = rows(selectors.organisations_to_invite(viewer=actor.person, event=event))
    return {"meet": rows(meet), "join": join}


# Organisers --------------------------------------------------------------------------------


def _organiser_rows(event: Event) -> list[dict[str, Any]]:
    return [{"person": row.person.uuid, "name": str(row.person),
             "organisation": row.organisation.slug if row.organisation else None}
            for row in selectors.organisers_of(event=event)]


@router.get("/{ref}/organisers", response=list[OrganiserOut], auth=REQUIRED,
            summary="The organisers (for organisers)")
def list_organisers(request, ref: str):
    event = _event(request, ref)
    _require_manager(request, event)
    return _organiser_rows(event)


@router.post("/{ref}/organisers", response={201: list[OrganiserOut]}, auth=REQUIRED,
             summary="Add an organiser")
def add_organiser(request, ref: str, payload: OrganiserIn):
    event = _event(request, ref)
    _require_manager(request, event)
    person = User.objects.filter(uuid=payload.person, is_active=True).first()
    services.organiser_add(actor=actor_of(request), event=event, person=person)
    return Status(201, _organiser_rows(event))


@router.delete("/{ref}/organisers/{person_uuid}", response={204: None}, auth=REQUIRED,
               summary="Remove an organiser")
def remove_organiser(request, ref: str, person_uuid: uuid.UUID):
    event = _event(request, ref)
    _require_manager(request, event)
    person = User.objects.filter(uuid=person_uuid).first()
    if person is None:
        raise Http404
    services.organiser_remove(actor=actor_of(request), event=event, person=person)
    return Status(204, None)


# Questions ---------------------------------------------------------------------------------


@router.get("/{ref}/questions", response=list[QuestionOut], auth=OPTIONAL,
            summary="Questions asked at registration")
def list_questions(request, ref: str):
    return list(_event(request, ref).questions.all())


@router.post("/{ref}/questions", response={201: QuestionOut}, auth=REQUIRED,
             summary="Add a question (organisers)")
def add_question(request, ref: str, payload: QuestionIn):
    question = services.question_create(actor=actor_of(request), event=_event(request, ref),
                                        **payload.dict())
    return Status(201, question)


@router.delete("/{ref}/questions/{question_uuid}", response={204: None}, auth=REQUIRED,
               summary="Remove a question (organisers)")
def delete_question(request, ref: str, question_uuid: uuid.UUID):
    event = _event(request, ref)
    question = event.questions.filter(uuid=question_uuid).first()
    if question is None:
        raise Http404
    services.question_delete(actor=actor_of(request), question=question)
    return Status(204, None)


# Registrations -----------------------------------------------------------------------------


@router.post("/{ref}/registrations", response={201: RegistrationOut}, auth=REQUIRED,
             summary="Register (a seat, or the waiting list when full)")
def register(request, ref: str, payload: RegistrationIn):
    registration = services.registration_create(actor=actor_of(request),
                                                event=_event(request, ref), **payload.dict())
    return Status(201, _registration_out(registration))


@router.post("/{ref}/registrations/guest", response={201: GuestRegistrationOut}, auth=OPTIONAL,
             summary="Register as a guest (confirmed by an emailed link)")
def register_guest(request, ref: str, payload: GuestRegistrationIn):
    registration = services.registration_create_guest(
        actor=actor_of(request), event=_event(request, ref), **payload.dict())
    return Status(201, {"state": registration.state,
                        "message": _("We have sent a link to confirm the registration.")})


@router.get("/{ref}/registrations", response=RegistrationListOut, auth=REQUIRED,
            summary="Registrations with their answers (organisers)")
def list_registrations(request, ref: str, filters: Query[RegistrationFilters]):
    event = _event(request, ref)
    _require_manager(request, event)
    queryset = selectors.registrations_of(
        event=event, states=[filters.state] if filters.state else None, query=filters.q.strip())
    page = _page(queryset, filters)
    positions = {pk: n for n, pk in enumerate(
        selectors.waiting_list(event=event).values_list("pk", flat=True), start=1)}
    page["items"] = [
        {**_registration_out(r, positions), "name": str(r.person) if r.person_id else r.guest_name,
         "email": r.guest_email, "guest": r.is_guest,
         "answers": [{"question": a.question.uuid, "label": a.question.label, "value": a.value}
                     for a in r.answers.all()]}
        for r in page["items"]
    ]
    return page


def _mine(request, event: Event) -> Registration:
    registration = selectors.registration_for(event=event, person=actor_of(request).person)
    if registration is None:
        raise Http404
    registration.event = event
    return registration


@router.get("/{ref}/registrations/mine", response=RegistrationOut, auth=REQUIRED,
            summary="My registration")
def my_registration(request, ref: str):
    return _registration_out(_mine(request, _event(request, ref)))


@router.patch("/{ref}/registrations/mine", response=RegistrationOut, auth=REQUIRED,
              summary="Change my answers or attendee-list choice")
def update_my_registration(request, ref: str, payload: RegistrationPatchIn):
    registration = services.registration_update(
        actor=actor_of(request), registration=_mine(request, _event(request, ref)),
        **payload.dict(exclude_unset=True))
    return _registration_out(registration)


def _registration(request, ref: str, registration_uuid: uuid.UUID) -> Registration:
    event = _event(request, ref)
    registration = event.registrations.filter(uuid=registration_uuid).select_related(
        "organisation").first()
    person = actor_of(request).person
    if registration is None or not (
        registration.person_id == getattr(person, "pk", None)
        or permissions.can_manage(person, event)
    ):
        raise Http404
    registration.event = event
    return registration


@router.post("/{ref}/registrations/{registration_uuid}/cancel", response=RegistrationOut,
             auth=REQUIRED, summary="Cancel a registration (one's own, or organisers)")
def cancel_registration(request, ref: str, registration_uuid: uuid.UUID):
    registration = services.registration_cancel(
        actor=actor_of(request), registration=_registration(request, ref, registration_uuid))
    return _registration_out(registration)


@router.post("/{ref}/registrations/{registration_uuid}/check-in", response=RegistrationOut,
             auth=REQUIRED, summary="Check someone in at the door (organisers)")
def check_in(request, ref: str, registration_uuid: uuid.UUID):
    registration = services.registration_check_in(
        actor=actor_of(request), registration=_registration(request, ref, registration_uuid))
    return _registration_out(registration)


@router.delete("/{ref}/registrations/{registration_uuid}/check-in", response=RegistrationOut,
               auth=REQUIRED, summary="Undo a check-in (organisers)")
def undo_check_in(request, ref: str, registration_uuid: uuid.UUID):
    registration = services.registration_check_in_undo(
        actor=actor_of(request), registration=_registration(request, ref, registration_uuid))
    return _registration_out(registration)


@router.get("/{ref}/attendees", response=AttendeeListOut, auth=REQUIRED,
            summary="Attendees who chose to be listed (for attendees and organisers)")
def attendees(request, ref: str, page: Query[Page]):
    event = _event(request, ref)
    if not permissions.can_see_attendees(actor_of(request).person, event):
        raise NotAllowed(_("The attendee list is for the people with a seat."))
    result = _page(selectors.attendee_list(event=event), page)
    result["items"] = [
        {"name": str(r.person) if r.person_id else r.guest_name,
         "organisation": r.organisation.name if r.organisation else None}
        for r in result["items"]
    ]
    return result

