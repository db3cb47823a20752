"""Writes about the questions asked at registration, and the personal calendar token."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, ValidationFailed
from zwerm.events.models import CalendarToken, Event, Question, new_secret
from zwerm.events.services._common import (
    about,
    choice,
    clean_text,
    lock_event,
    require_manager,
    require_person,
)

CHOICES_MAX = 20


def _clean_choices(kind: str, choices: list[str] | None) -> list[str]:
    if kind != Question.Kind.CHOICE:
        return []
    cleaned: list[str] = []
    for option in choices or []:
        option = str(option).strip()
        if option and option not in cleaned:
            if len(option) > 200:
                raise ValidationFailed(_("Keep each option under 200 characters."),
                                       field="choices")
            cleaned.append(option)
    if len(cleaned) < 2:
        raise ValidationFailed(_("Give at least two options to choose from."), field="choices")
    if len(cleaned) > CHOICES_MAX:
        raise ValidationFailed(
            _("Give at most %(max)d options.") % {"max": CHOICES_MAX}, field="choices"
        )
    return cleaned


@transaction.atomic
def question_create(
    *, actor: Actor, event: Event, label: str, kind: str = Question.Kind.TEXT,
    choices: list[str] | None = None, required: bool = False,
) -> Question:
    """Ask registrants something (dietary needs, what they hope to get out of it)."""
    event = lock_event(event)
    require_manager(actor, event, _("Only the organisers of this event may change its questions."))
    label = clean_text(label, field="label", label=_("question"), required=True, max_length=300)
    kind = choice(kind, Question.Kind, "kind")
    position = (event.questions.aggregate(top=Max("position"))["top"] or 0) + 1
    question = Question.objects.create(event=event, label=label, kind=kind,
                                       choices=_clean_choices(kind, choices),
                                       required=bool(required), position=position)
    record(verb="events.question.created", actor=actor, **about(event), ecosystem=event.ecosystem,
           payload={"event": str(event.uuid), "question": str(question.uuid), "kind": kind,
                    "required": question.required})
    return question


@transaction.atomic
def question_delete(*, actor: Actor, question: Question) -> None:
    """Remove a question; the answers given to it go with it."""
    event = lock_event(question.event)
    require_manager(actor, event, _("Only the organisers of this event may change its questions."))
    if not Question.objects.filter(pk=question.pk).exists():
        raise Conflict(_("This question has already been removed."))
    uuid = str(question.uuid)
    question.delete()
    record(verb="events.question.deleted", actor=actor, **about(event), ecosystem=event.ecosystem,
           payload={"event": str(event.uuid), "question": uuid})


def calendar_token_for(person) -> CalendarToken:
    """The person's calendar token, made on first use (reading it changes nothing shared)."""
    token, _created = CalendarToken.objects.get_or_create(person=person)
    return token


@transaction.atomic
def calendar_token_regenerate(*, actor: Actor) -> CalendarToken:
    """Retire the old personal feed address (e.g. after sharing it by mistake)."""
    require_person(actor)
    token = calendar_token_for(actor.person)
    token.token = new_secret()
    token.save(update_fields=["token"])
    record(verb="events.calendar.token_regenerated", actor=Actor(person=actor.person),
           subject=_PersonReference(actor.person.uuid), subject_type="accounts.person", payload={})
    return token


@dataclass(frozen=True)
class _PersonReference:
    """Refers to the person by UUID without copying their name into the stream."""

    uuid: Any

    def __str__(self) -> str:
        return ""
