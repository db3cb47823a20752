"""Schemas of the events API: ``XIn`` for input, ``XOut`` for output."""

from __future__ import annotations

import uuid
from datetime import datetime

from django.urls import reverse
from ninja import Field, Schema

from zwerm.ecosystems.models import Ecosystem
from zwerm.events.models import Event, EventSeries, Question, Registration


class EcosystemRefOut(Schema):
    uuid: uuid.UUID
    slug: str
    name: str


class EventOut(Schema):
    uuid: uuid.UUID
    slug: str
    title: str
    kind: Event.Kind
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    mode: Event.Mode
    venue: str
    address: str
    capacity: int | None
    seats_taken: int | None = None
    waiting_count: int | None = None
    visibility: Event.Visibility
    ecosystem: EcosystemRefOut | None
    series: uuid.UUID | None
    cancelled: bool
    registration: str

    @staticmethod
    def resolve_series(obj: Event) -> uuid.UUID | None:
        return obj.series.uuid if obj.series_id else None

    @staticmethod
    def resolve_cancelled(obj: Event) -> bool:
        return obj.is_cancelled

    @staticmethod
    def resolve_registration(obj: Event) -> str:
        return obj.registration_state()

    @staticmethod
    def resolve_seats_taken(obj: Event) -> int | None:
        return getattr(obj, "seats_taken", None)

    @staticmethod
    def resolve_waiting_count(obj: Event) -> int | None:
        return getattr(obj, "waiting_count", None)


class EventDetailOut(EventOut):
    description: str
    agenda: str
    minutes: str
    per_organisation_limit: int | None
    registration_opens_at: datetime | None
    registration_closes_at: datetime | None
    online_url: str | None = Field(None, description="Only for people with a seat and organisers.")
    cancel_reason: str
    sequence: int
    follow_up_ecosystem: EcosystemRefOut | None
    ical_url: str

    @staticmethod
    def resolve_online_url(obj: Event) -> str | None:
        """Set by the endpoint after asking the permissions (``shown_online_url``)."""
        return getattr(obj, "shown_online_url", None)

    @staticmethod
    def resolve_ical_url(obj: Event) -> str:
        return reverse("events:ics", kwargs={"slug": obj.slug})


class EventListOut(Schema):
    items: list[EventOut]
    count: int


class EventIn(Schema):
    title: str = Field(..., max_length=200)
    kind: Event.Kind = Event.Kind.MEETUP
    description: str = Field("", max_length=20000)
    starts_at: datetime
    ends_at: datetime
    time_zone: str = Field("Europe/Amsterdam", max_length=64)
    mode: Event.Mode = Event.Mode.IN_PERSON
    venue: str = Field("", max_length=200)
    address: str = Field("", max_length=300)
    online_url: str = Field("", max_length=500)
    capacity: int | None = Field(None, ge=1)
    per_organisation_limit: int | None = Field(None, ge=1)
    registration_opens_at: datetime | None = None
    registration_closes_at: datetime | None = None
    ecosystem: str | None = Field(None, description="Slug or UUID of the ecosystem.")
    visibility: Event.Visibility = Event.Visibility.PUBLIC
    agenda: str = Field("", max_length=20000)
    slug: str = Field("", max_length=100)


class SeriesIn(EventIn):
    frequency: EventSeries.Frequency
    count: int = Field(..., ge=2, le=24)


class SeriesOut(Schema):
    uuid: uuid.UUID
    title: str
    frequency: EventSeries.Frequency
    events: list[EventOut]


class EventPatchIn(Schema):
    title: str | None = Field(None, max_length=200)
    kind: Event.Kind | None = None
    description: str | None = Field(None, max_length=20000)
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    time_zone: str | None = Field(None, max_length=64)
    mode: Event.Mode | None = None
    venue: str | None = Field(None, max_length=200)
    address: str | None = Field(None, max_length=300)
    online_url: str | None = Field(None, max_length=500)
    capacity: int | None = Field(None, ge=1)
    per_organisation_limit: int | None = Field(None, ge=1)
    registration_opens_at: datetime | None = None
    registration_closes_at: datetime | None = None
    visibility: Event.Visibility | None = None
    agenda: str | None = Field(None, max_length=20000)
    slug: str | None = Field(None, max_length=100)


class CancelIn(Schema):
    reason: str = Field("", max_length=2000)


class MinutesIn(Schema):
    agenda: str | None = Field(None, max_length=20000)
    minutes: str | None = Field(None, max_length=20000)


class MinutesOut(Schema):
    agenda: str
    minutes: str


class QuestionIn(Schema):
    label: str = Field(..., max_length=300)
    kind: Question.Kind = Question.Kind.TEXT
    choices: list[str] = Field(default_factory=list, max_length=20)
    required: bool = False


class QuestionOut(Schema):
    uuid: uuid.UUID
    label: str
    kind: Question.Kind
    choices: list[str]
    required: bool


class RegistrationIn(Schema):
    answers: dict[str, str] = Field(default_factory=dict,
                                    description="Question UUID → answer ('yes'/'no').")
    show_on_attendee_list: bool = False


class RegistrationPatchIn(Schema):
    answers: dict[str, str] | None = None
    show_on_attendee_list: bool | None = None


class GuestRegistrationIn(RegistrationIn):
    name: str = Field(..., max_length=150)
    email: str = Field(..., max_length=254)
    language: str = Field("", max_length=8)


class AnswerOut(Schema):
    question: uuid.UUID
    label: str
    value: str


class RegistrationOut(Schema):
    uuid: uuid.UUID
    event: str
    state: Registration.State
    seat: int | None
    waiting_position: int | None = None
    organisation: str | None
    show_on_attendee_list: bool
    checked_in_at: datetime | None
    created_at: datetime


class OrganiserRegistrationOut(RegistrationOut):
    """For organisers: who registered and what they answered."""

    name: str
    email: str
    guest: bool
    answers: list[AnswerOut]


class RegistrationListOut(Schema):
    items: list[OrganiserRegistrationOut]
    count: int


class AttendeeOut(Schema):
    name: str
    organisation: str | None


class AttendeeListOut(Schema):
    items: list[AttendeeOut]
    count: int


class GuestRegistrationOut(Schema):
    state: Registration.State
    message: str


class CalendarOut(Schema):
    event: str | None = None
    ecosystem_feed: str | None = None
    personal_feed: str | None = None


class OrganiserIn(Schema):
    person: uuid.UUID


class OrganiserOut(Schema):
    person: uuid.UUID
    name: str
    organisation: str | None


class FollowUpEcosystemIn(Schema):
    name: str = Field(..., max_length=200)
    goal: str = Field(..., max_length=1000)
    visibility: Ecosystem.Visibility = Ecosystem.Visibility.PUBLIC
    message: str = Field("", max_length=2000)


class FollowUpChallengeIn(Schema):
    question: str = Field(..., max_length=300)
    context: str = Field("", max_length=20000)


class ReasonOut(Schema):
    kind: str
    text: str
    points: int


class SuggestionOut(Schema):
    organisation: str
    name: str
    score: int
    reasons: list[ReasonOut]


class SuggestionsOut(Schema):
    meet: list[SuggestionOut]
    join: list[SuggestionOut] | None = None
