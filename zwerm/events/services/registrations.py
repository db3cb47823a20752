"""Writes about registrations: seats, the waiting list, guests, cancelling and check-in.

Every change to who holds a seat happens under the event's row lock (``lock_event``), and
seats are numbered 1..capacity with a unique constraint per event, so even a path that
forgot the lock could not give one seat twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.notifications import notify
from zwerm.events import permissions
from zwerm.events.models import Answer, Event, Question, Registration, new_secret
from zwerm.events.services._common import (
    about,
    clean_text,
    event_url,
    lock_event,
    next_free_seat,
    organiser_people,
    require_manager,
    require_person,
    require_visible,
)

State = Registration.State
YES_NO = ("yes", "no")


def supported_language(code: str | None) -> str:
    """One of the site's languages (``en-us`` → ``en``), else the default."""
    base = (code or "").split("-")[0].lower()
    return base if base in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _email_after_commit(registration: Registration, kind: str) -> None:
    from zwerm.events.tasks import send_registration_email

    registration_id = registration.pk
    transaction.on_commit(lambda: send_registration_email(registration_id, kind))


def _payload(registration: Registration, **extra: Any) -> dict[str, Any]:
    return {"event": str(registration.event.uuid), "registration": str(registration.uuid),
            "state": registration.state, "seat": registration.seat, "guest": registration.is_guest,
            **extra}


def clean_answers(event: Event, answers: Mapping[str, str] | None) -> list[tuple[Question, str]]:
    """Check the answers against the event's questions; keys are the questions' UUIDs."""
    answers = {str(key): value for key, value in (answers or {}).items()}
    questions = list(event.questions.all())
    known = {str(question.uuid) for question in questions}
    for key in answers:
        if key not in known:
            raise ValidationFailed(_("This question does not belong to the event."),
                                   field=f"question-{key}")
    cleaned = []
    for question in questions:
        field = f"question-{question.uuid}"
        raw = answers.get(str(question.uuid))
        value = "" if raw is None else str(raw).strip()
        if question.required and not value:
            raise ValidationFailed(_("Please answer this question."), field=field)
        if len(value) > 2000:
            raise ValidationFailed(_("Keep the answer under 2000 characters."), field=field)
        if value and question.kind == Question.Kind.CHOICE and value not in question.choices:
            raise ValidationFailed(_("Choose one of the offered options."), field=field)
        if value and question.kind == Question.Kind.YES_NO and value not in YES_NO:
            raise ValidationFailed(_("Answer yes or no."), field=field)
        cleaned.append((question, value))
    return cleaned


def _save_answers(registration: Registration, answers: list[tuple[Question, str]]) -> None:
    registration.answers.all().delete()
    Answer.objects.bulk_create(
        Answer(registration=registration, question=question, value=value)
        for question, value in answers if value
    )


def _require_open(event: Event) -> None:
    state = event.registration_state()
    if state == "cancelled":
        raise Conflict(_("This event has been cancelled."), code="event_cancelled")
    if state == "not_yet":
        raise Conflict(_("Registration for this event has not opened yet."),
                       code="registration_not_open")
    if state == "closed":
        raise Conflict(_("Registration for this event has closed."), code="registration_closed")


def _take_seat_or_queue(event: Event, registration: Registration) -> None:
    """Give the lowest free seat, or a place at the end of the waiting list."""
    now = timezone.now()
    seat = next_free_seat(event)
    if seat is None:
        registration.state, registration.seat = State.WAITING, None
        registration.waiting_since = now
    else:
        registration.state, registration.seat = State.CONFIRMED, seat
        registration.waiting_since = None
    registration.confirmed_at = now


def _record_taken(actor: Actor, registration: Registration) -> Any:
    verb = ("events.registration.confirmed" if registration.state == State.CONFIRMED
            else "events.registration.waitlisted")
    if not actor.is_authenticated:
        verb = verb.replace("registration.", "registration.guest_")
    return record(verb=verb, actor=actor, **about(registration.event),
                  ecosystem=registration.event.ecosystem, payload=_payload(registration))


@transaction.atomic
def registration_create(
    *,
    actor: Actor,
    event: Event,
    answers: Mapping[str, str] | None = None,
    show_on_attendee_list: bool = False,
) -> Registration:
    """Register the signed-in person, for the organisation they act for.

    A free seat confirms the registration at once; a full event puts it on the waiting
    list. Either way an email confirms it.
    """
    require_person(actor)
    event = lock_event(event)
    require_visible(actor, event)
    _require_open(event)
    cleaned = clean_answers(event, answers)
    registration = (
        Registration.objects.select_for_update().filter(event=event, person=actor.person).first()
    )
    if registration is not None and registration.state != State.CANCELLED:
        raise Conflict(_("You are already registered for this event."), code="already_registered")
    organisation = actor.organisation
    if event.per_organisation_limit and organisation is not None:
        taken = event.registrations.filter(
            organisation=organisation, state__in=[State.CONFIRMED, State.WAITING]
        ).count()
        if taken >= event.per_organisation_limit:
            raise Conflict(
                _("%(organisation)s has already used its %(count)d places at this event.")
                % {"organisation": organisation.name, "count": event.per_organisation_limit},
                code="organisation_limit",
            )
    if registration is None:
        registration = Registration(event=event, person=actor.person)
    registration.organisation = organisation
    registration.language = supported_language(actor.person.language)
    registration.show_on_attendee_list = bool(show_on_attendee_list)
    registration.cancelled_at = None
    registration.checked_in_at = None
    registration.reminded_at = None
    _take_seat_or_queue(event, registration)
    registration.save()
    _save_answers(registration, cleaned)
    activity = _record_taken(actor, registration)
    notify(recipients=organiser_people(event), kind="events.organising", activity=activity,
           url=event_url(event, "manage"))
    _email_after_commit(registration, "confirmed" if registration.seat else "waiting")
    return registration


@transaction.atomic
def registration_create_guest(
    *,
    actor: Actor,
    event: Event,
    name: str,
    email: str,
    answers: Mapping[str, str] | None = None,
    show_on_attendee_list: bool = False,
    language: str = "",
) -> Registration:
    """Register a guest without an account; the seat counts once the emailed link is used."""
    event = lock_event(event)
    require_visible(actor, event)
    if not event.is_public:
        raise NotAllowed(_("Only members of the ecosystem can register for this event."))
    _require_open(event)
    name = clean_text(name, field="name", label=_("name"), required=True, max_length=150)
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationFailed(_("Enter a valid email address."), field="email") from None
    cleaned = clean_answers(event, answers)
    registration = Registration.objects.select_for_update().filter(
        event=event, person__isnull=True, guest_email=email
    ).first()
    if registration is not None and registration.state in (State.CONFIRMED, State.WAITING):
        raise Conflict(_("This email address is already registered for this event."),
                       field="email", code="already_registered")
    if registration is None:
        registration = Registration(event=event, guest_email=email)
    registration.language = supported_language(language or translation.get_language())
    registration.guest_name = name
    registration.state, registration.seat = State.UNCONFIRMED, None
    registration.secret = new_secret()
    registration.show_on_attendee_list = bool(show_on_attendee_list)
    registration.cancelled_at = registration.confirmed_at = registration.waiting_since = None
    registration.checked_in_at = registration.reminded_at = None
    registration.save()
    _save_answers(registration, cleaned)
    record(verb="events.registration.requested", actor=actor, **about(event),
           ecosystem=event.ecosystem, organisation=None, payload=_payload(registration))
    _email_after_commit(registration, "guest_link")
    return registration


def registration_by_secret(secret: str) -> Registration:
    registration = (Registration.objects.select_related("event", "event__ecosystem", "person")
                    .filter(secret=str(secret or "")).first())
    if registration is None:
        raise NotFound(_("This link is not valid. Check that you copied all of it."))
    return registration


@transaction.atomic
def registration_confirm_guest(*, actor: Actor, secret: str) -> Registration:
    """The guest used the emailed link: now they get a seat, or a place on the waiting list."""
    registration = registration_by_secret(secret)
    event = lock_event(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    registration.event = event
    if registration.state in (State.CONFIRMED, State.WAITING):
        return registration
    if registration.state == State.CANCELLED:
        raise Conflict(_("This registration was cancelled. Register again if you like."))
    if event.is_cancelled:
        raise Conflict(_("This event has been cancelled."), code="event_cancelled")
    if event.has_ended or event.starts_at <= timezone.now():
        raise Conflict(_("Registration for this event has closed."), code="registration_closed")
    _take_seat_or_queue(event, registration)
    registration.save(update_fields=["state", "seat", "waiting_since", "confirmed_at",
                                     "updated_at"])
    activity = _record_taken(actor, registration)
    notify(recipients=organiser_people(event), kind="events.organising", activity=activity,
           url=event_url(event, "manage"))
    _email_after_commit(registration, "confirmed" if registration.seat else "waiting")
    return registration


def promote_waiting(event: Event) -> list[Registration]:
    """Give free seats to the waiting list, first come first served (under the event lock)."""
    promoted = []
    queue = (Registration.objects.select_for_update()
             .filter(event=event, state=State.WAITING).order_by("waiting_since", "id"))
    for registration in queue:
        seat = next_free_seat(event)
        if seat is None:
            break
        registration.state, registration.seat, registration.waiting_since = (
            State.CONFIRMED, seat, None)
        registration.save(update_fields=["state", "seat", "waiting_since", "updated_at"])
        registration.event = event
        activity = record(verb="events.registration.promoted", actor=Actor.system(),
                          **about(event), ecosystem=event.ecosystem, organisation=None,
                          payload=_payload(registration))
        if registration.person_id:
            notify(recipients=[registration.person], kind="events.registrations",
                   activity=activity, url=event_url(event))
        _email_after_commit(registration, "promoted")
        promoted.append(registration)
    return promoted


def _cancel(actor: Actor, registration: Registration, *, by_organiser: bool) -> Registration:
    event = lock_event(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    registration.event = event
    if registration.state == State.CANCELLED:
        raise Conflict(_("This registration has already been cancelled."))
    held_seat = registration.seat is not None
    previous = registration.state
    registration.state, registration.seat, registration.waiting_since = State.CANCELLED, None, None
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["state", "seat", "waiting_since", "cancelled_at",
                                     "updated_at"])
    verb = ("events.registration.cancelled" if actor.is_authenticated
            else "events.registration.guest_cancelled")
    record(verb=verb, actor=actor, **about(event),
           ecosystem=event.ecosystem,
           payload=_payload(registration, previous=previous, by_organiser=by_organiser))
    if by_organiser:
        _email_after_commit(registration, "cancelled")
    if held_seat and not event.is_cancelled and not event.has_ended:
        promote_waiting(event)
    return registration


@transaction.atomic
def registration_cancel(*, actor: Actor, registration: Registration) -> Registration:
    """Cancel one's own registration, or (organisers) someone else's; a seat goes on."""
    require_person(actor)
    own = registration.person_id == actor.person.pk
    if not own and not permissions.can_manage(actor.person, registration.event):
        raise NotAllowed(_("You can only cancel your own registration."))
    return _cancel(actor, registration, by_organiser=not own)


@transaction.atomic
def registration_cancel_by_link(*, actor: Actor, secret: str) -> Registration:
    """A guest (or anyone holding the emailed link) cancels without signing in."""
    return _cancel(actor, registration_by_secret(secret), by_organiser=False)


@transaction.atomic
def registration_update(*, actor: Actor, registration: Registration,
                        answers: Mapping[str, str] | None = None,
                        show_on_attendee_list: bool | None = None) -> Registration:
    """Change one's own answers or the choice to appear on the attendee list."""
    require_person(actor)
    if registration.person_id != actor.person.pk:
        raise NotAllowed(_("You can only change your own registration."))
    if registration.state == State.CANCELLED:
        raise Conflict(_("This registration has been cancelled."))
    changed = []
    if answers is not None:
        _save_answers(registration, clean_answers(registration.event, answers))
        changed.append("answers")
    if show_on_attendee_list is not None and (
        show_on_attendee_list != registration.show_on_attendee_list
    ):
        registration.show_on_attendee_list = show_on_attendee_list
        registration.save(update_fields=["show_on_attendee_list", "updated_at"])
        changed.append("show_on_attendee_list")
    if changed:
        record(verb="events.registration.updated", actor=actor, **about(registration.event),
               ecosystem=registration.event.ecosystem,
               payload=_payload(registration, changed=changed))
    return registration


def _require_door(actor: Actor, registration: Registration) -> Registration:
    require_manager(actor, registration.event,
                    _("Only the organisers of this event may check people in."))
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.state != State.CONFIRMED:
        raise Conflict(_("Only someone with a seat can be checked in."))
    return registration


@transaction.atomic
def registration_check_in(*, actor: Actor, registration: Registration) -> Registration:
    """Mark someone present at the door; the attendance is recorded."""
    event = registration.event
    registration = _require_door(actor, registration)
    if registration.checked_in_at is not None:
        raise Conflict(_("This person has already been checked in."), code="already_checked_in")
    registration.checked_in_at = timezone.now()
    registration.checked_in_by = actor.person
    registration.save(update_fields=["checked_in_at", "checked_in_by", "updated_at"])
    registration.event = event
    record(verb="events.attendance.checked_in", actor=actor, **about(event),
           ecosystem=event.ecosystem, payload=_payload(registration))
    return registration


@transaction.atomic
def registration_check_in_undo(*, actor: Actor, registration: Registration) -> Registration:
    """Take back a check-in made by mistake."""
    event = registration.event
    registration = _require_door(actor, registration)
    if registration.checked_in_at is None:
        raise Conflict(_("This person has not been checked in."), code="not_checked_in")
    registration.checked_in_at = None
    registration.checked_in_by = None
    registration.save(update_fields=["checked_in_at", "checked_in_by", "updated_at"])
    registration.event = event
    record(verb="events.attendance.check_in_undone", actor=actor, **about(event),
           ecosystem=event.ecosystem, payload=_payload(registration))
    return registration


@transaction.atomic
def registrations_release(*, actor: Actor, person: Any) -> list[Registration]:
    """Give up every seat and waiting place of a person whose account is being erased, so
    that the waiting lists move on before the rows disappear with the account."""
    released = []
    for registration in Registration.objects.filter(
        person=person, state__in=[State.CONFIRMED, State.WAITING, State.UNCONFIRMED]
    ).select_related("event"):
        released.append(_cancel(actor, registration, by_organiser=False))
    return released
