"""Factories and small builders for the events tests (reusing the kernel's factories)."""

from datetime import timedelta

import factory
from django.utils import timezone

from zwerm.core.actor import Actor
from zwerm.events.models import Event, Organiser, Question, Registration
from zwerm.organisations.tests.factories import OrganisationFactory, admin_of, person_in


def soon(days: int = 7, hours: int = 0):
    return (timezone.now() + timedelta(days=days, hours=hours)).replace(microsecond=0)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    slug = factory.Sequence(lambda n: f"bijeenkomst-{n}")
    kind = Event.Kind.MEETUP
    starts_at = factory.LazyFunction(lambda: soon(7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    mode = Event.Mode.IN_PERSON
    venue = "Stadhuis Utrecht"
    capacity = 10


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    event = factory.SubFactory(EventFactory)
    label = factory.Sequence(lambda n: f"Vraag {n}")


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    state = Registration.State.CONFIRMED
    seat = factory.Sequence(lambda n: n + 1)


def organised_event(**fields):
    """An event planned through the service: (event, organiser, organisation)."""
    from zwerm.events.services import event_create

    organisation = OrganisationFactory()
    organiser = admin_of(organisation)
    fields.setdefault("title", "Ronde tafel circulair bouwen")
    fields.setdefault("starts_at", soon(7))
    fields.setdefault("ends_at", fields["starts_at"] + timedelta(hours=2))
    fields.setdefault("venue", "Stadhuis Utrecht")
    event = event_create(actor=Actor(person=organiser, organisation=organisation), **fields)
    return event, organiser, organisation


def attendee(organisation=None, **person_fields):
    """A new person of a (new) organisation, and the actor acting for it."""
    organisation = organisation or OrganisationFactory()
    person = person_in(organisation, **person_fields)
    return person, Actor(person=person, organisation=organisation)


def add_organiser(event, person, organisation=None):
    return Organiser.objects.create(event=event, person=person, organisation=organisation,
                                    position=9)
