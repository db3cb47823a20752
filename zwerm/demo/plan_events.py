"""Schedule the demo's events through the events services, on the days they happen.

An event is planned before it starts (the services refuse the past); people register in
the days before, organisers check them in at the door and write the minutes afterwards.
Who registers is chosen when the step runs, among the people of the ecosystem's active
members at that moment, so every registration is one the services allow.
"""

from __future__ import annotations

import zoneinfo
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from dateutil.rrule import MONTHLY, rrule, weekday
from django.utils import timezone

from zwerm.core.actor import Actor
from zwerm.demo.clock import LAST_DAY
from zwerm.demo.data import PEOPLE
from zwerm.demo.data.events import EVENTS, SERIES
from zwerm.ecosystems.models import Membership
from zwerm.events import services as events
from zwerm.events.models import Event, EventSeries, Registration

if TYPE_CHECKING:
    from zwerm.demo.loader import DemoLoader

ZONE = zoneinfo.ZoneInfo("Europe/Amsterdam")
AGENDA = "1. Opening en mededelingen\n2. {topic}\n3. Wat speelt er bij de leden?\n4. Rondvraag"


class EventPlanner:
    def __init__(self, loader: DemoLoader) -> None:
        self.loader = loader
        self.rng = loader.rng
        self.series: dict[str, EventSeries] = {}
        self.events: dict[str, Event] = {}

    # Dates ------------------------------------------------------------------------------

    def local(self, day: int, clock: str) -> datetime:
        """A naive local time on ``day``: the services read it in the event's zone."""
        hour, minute = (int(part) for part in clock.split(":"))
        return datetime.combine(self.loader.start.date() + timedelta(days=day), time(hour, minute))

    def day_of(self, moment: datetime) -> int:
        return (moment.date() - self.loader.start.date()).days

    def door_minutes(self, local_start: datetime) -> int:
        """Minutes past 09:00 UTC, a quarter of an hour before the doors close."""
        utc = local_start.replace(tzinfo=ZONE).astimezone(zoneinfo.ZoneInfo("UTC"))
        return max(0, (utc.hour - 9) * 60 + utc.minute - 15)

    def monthly(self, first: datetime, count: int) -> list[datetime]:
        """The occurrences the series service makes: the same weekday of every month."""
        nth = (first.day - 1) // 7 + 1
        rule = weekday(first.weekday(), nth if nth < 5 else -1)
        return list(rrule(MONTHLY, dtstart=first, byweekday=rule, count=count))

    # Planning ---------------------------------------------------------------------------

    def plan(self) -> None:
        for spec in SERIES:
            self.plan_series(spec)
        for spec in EVENTS:
            self.plan_event(spec)

    def plan_series(self, spec: dict[str, Any]) -> None:
        key = spec["ecosystem"]
        first = self.local(spec["first"], spec["time"][0])
        self.loader.at(spec["created"], lambda: self.create_series(spec, first))
        email, day = spec["co_organiser"]
        self.loader.at(day, lambda: self.add_co_organiser(key, email))
        for index, start in enumerate(self.monthly(first, spec["count"])):
            day = self.day_of(start)
            topics, minutes = spec["topics"], spec["minutes"]
            if index < len(topics) and day - 10 > spec["created"]:
                self.loader.at(min(day - 10, LAST_DAY), lambda i=index, t=topics[index]:
                               self.write(key, i, agenda=AGENDA.format(topic=t)))
            for _n in range(self.rng.randint(*spec["attendees"])):
                when = max(spec["created"] + 1, day - self.rng.randint(2, 14))
                self.loader.at(min(when, LAST_DAY - self.rng.randrange(8)),
                               lambda i=index: self.register(key, i))
            if day <= LAST_DAY:
                self.loader.at(day, lambda i=index: self.check_in(key, i),
                               minutes=self.door_minutes(start))
                if index < len(minutes) and day + 2 <= LAST_DAY:
                    self.loader.at(day + 2, lambda i=index, m=minutes[index]:
                                   self.write(key, i, minutes=m))

    def plan_event(self, spec: dict[str, Any]) -> None:
        key = spec["title"]
        self.loader.at(spec["created"], lambda: self.create_event(spec))
        for question in spec.get("questions", []):
            self.loader.at(spec["created"] + 1, lambda q=question: self.ask(key, q))
        first = max(spec.get("opens", spec["created"]) + 1, spec["created"] + 2)
        last = min(spec["day"] - 2, LAST_DAY - 1)
        for _n in range(spec["registrations"]):
            self.loader.at(self.rng.randint(first, last),
                           lambda: self.register_for(key, spec))
        for _n in range(spec.get("cancel", 0)):
            self.loader.at(last + 1, lambda: self.cancel_one(key))
        if "guest" in spec:
            name, email, day = spec["guest"]
            self.loader.at(day, lambda: self.guest(key, spec, name, email))
        if spec.get("minutes") and spec["day"] + 1 <= LAST_DAY:
            self.loader.at(spec["day"] + 1, lambda: events.minutes_update(
                actor=self.loader.actor(spec["organiser"]), event=self.events[key],
                minutes=spec["minutes"]))

    # Steps ------------------------------------------------------------------------------

    def create_series(self, spec: dict[str, Any], first: datetime) -> None:
        start, end = spec["time"]
        self.series[spec["ecosystem"]] = events.series_create(
            actor=self.loader.actor(spec["organiser"]), frequency="monthly",
            count=spec["count"], starts_at=first, ends_at=first.replace(
                hour=int(end[:2]), minute=int(end[3:])),
            ecosystem=self.loader.ecosystems[spec["ecosystem"]], title=spec["title"],
            description=spec["description"], kind=Event.Kind.ROUND_TABLE, mode=spec["mode"],
            venue=spec.get("venue", ""), address=spec.get("address", ""),
            online_url=spec.get("online_url", ""), capacity=spec["capacity"],
            visibility=spec["visibility"],
        )

    def occurrence(self, key: str, index: int) -> Event:
        return self.series[key].events.order_by("starts_at")[index]

    def add_co_organiser(self, key: str, email: str) -> None:
        actor = self.loader.actor(SERIES_ORGANISER[key])
        person = self.loader.people[email]
        for event in self.series[key].events.filter(starts_at__gt=_now()):
            events.organiser_add(actor=actor, event=event, person=person,
                                 organisation=self.loader.actor(email).organisation)

    def write(self, key: str, index: int, **texts: str) -> None:
        events.minutes_update(actor=self.loader.actor(SERIES_ORGANISER[key]),
                              event=self.occurrence(key, index), **texts)

    def candidates(self, event: Event, everyone: bool = False) -> list[str]:
        """People who may come and have not registered yet, in a stable order."""
        if everyone:
            slugs = list(PEOPLE)
        else:
            slugs = list(Membership.objects.filter(
                ecosystem=event.ecosystem, state=Membership.State.ACTIVE,
            ).order_by("organisation__slug").values_list("organisation__slug", flat=True))
        taken = set(event.registrations.exclude(person=None).values_list("person__email",
                                                                         flat=True))
        full = set()
        if event.per_organisation_limit:
            counts: dict[str, int] = {}
            for slug in event.registrations.exclude(organisation=None).values_list(
                    "organisation__slug", flat=True):
                counts[slug] = counts.get(slug, 0) + 1
            full = {slug for slug, count in counts.items()
                    if count >= event.per_organisation_limit}
        return [email for slug in slugs if slug in PEOPLE and slug not in full
                for _name, email, _role, _language in PEOPLE[slug]
                if email in self.loader.people and email not in taken]

    def register(self, key: str, index: int) -> None:
        event = self.occurrence(key, index)
        people = self.candidates(event)
        if people and event.starts_at > _now():
            email = self.rng.choice(people)
            events.registration_create(actor=self.loader.actor(email), event=event,
                                       show_on_attendee_list=self.rng.random() < 0.6)

    def check_in(self, key: str, index: int) -> None:
        """At the door: most people with a seat come; one or two do not show up."""
        event = self.occurrence(key, index)
        actor = self.loader.actor(SERIES_ORGANISER[key])
        for registration in event.registrations.filter(state=Registration.State.CONFIRMED):
            if self.rng.random() < 0.85:
                self.loader.clock.advance(20 + self.rng.randrange(100))
                events.registration_check_in(actor=actor, registration=registration)

    def create_event(self, spec: dict[str, Any]) -> None:
        start, end = spec["time"]
        fields = ("venue", "address", "online_url", "capacity", "per_organisation_limit")
        optional = {field: spec[field] for field in fields if field in spec}
        window = {}
        if "opens" in spec:
            window["registration_opens_at"] = self.local(spec["opens"], "09:00")
        if "closes" in spec:
            window["registration_closes_at"] = self.local(spec["closes"], "23:00")
        self.events[spec["title"]] = events.event_create(
            actor=self.loader.actor(spec["organiser"]), title=spec["title"],
            starts_at=self.local(spec["day"], start), ends_at=self.local(spec["day"], end),
            kind=spec["kind"], description=spec["description"], mode=spec["mode"],
            ecosystem=self.loader.ecosystems[spec["ecosystem"]], visibility=spec["visibility"],
            **optional, **window,
        )

    def ask(self, key: str, question: tuple) -> None:
        label, kind, choices, required = question
        event = self.events[key]
        organiser = event.organisers.first().person.email
        events.question_create(actor=self.loader.actor(organiser), event=event, label=label,
                               kind=kind, choices=choices, required=required)

    def answers(self, event: Event, spec: dict[str, Any]) -> dict[str, str]:
        answers = {}
        for question in event.questions.all():
            if question.kind == "choice":
                answers[str(question.uuid)] = self.rng.choice(question.choices)
            elif question.kind == "yes_no":
                answers[str(question.uuid)] = self.rng.choice(["yes", "no"])
            elif self.rng.random() < 0.6:
                answers[str(question.uuid)] = self.rng.choice(spec.get("hopes", ["—"]))
        return answers

    def register_for(self, key: str, spec: dict[str, Any]) -> None:
        event = self.events[key]
        people = self.candidates(event, everyone=spec.get("from_everywhere", False))
        if people:
            email = self.rng.choice(people)
            events.registration_create(actor=self.loader.actor(email), event=event,
                                       answers=self.answers(event, spec),
                                       show_on_attendee_list=self.rng.random() < 0.5)

    def cancel_one(self, key: str) -> None:
        """Someone with a seat cannot come after all: the first on the waiting list moves up."""
        registration = self.events[key].registrations.filter(
            state=Registration.State.CONFIRMED).order_by("seat").last()
        if registration is not None:
            events.registration_cancel(actor=Actor(person=registration.person,
                                                   organisation=registration.organisation),
                                       registration=registration)

    def guest(self, key: str, spec: dict[str, Any], name: str, email: str) -> None:
        """A guest without an account registers and confirms through the emailed link."""
        event = self.events[key]
        registration = events.registration_create_guest(
            actor=Actor(person=None), event=event, name=name, email=email,
            answers=self.answers(event, spec), language="nl")
        self.loader.clock.advance(600 + self.rng.randrange(3000))
        events.registration_confirm_guest(actor=Actor(person=None), secret=registration.secret)


SERIES_ORGANISER = {spec["ecosystem"]: spec["organiser"] for spec in SERIES}



def _now() -> datetime:
    return timezone.now()
