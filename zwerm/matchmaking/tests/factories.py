import factory

from zwerm.core.actor import Actor
from zwerm.matchmaking.models import Connection, Dismissal, Introduction
from zwerm.organisations.models import OrganisationMember, ProfileEntry
from zwerm.organisations.tests.factories import OrganisationFactory, ProfileEntryFactory, person_in


class IntroductionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Introduction

    requester = factory.SubFactory(OrganisationFactory)
    recipient = factory.SubFactory(OrganisationFactory)
    message = "We zouden graag kennismaken."


class DismissalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dismissal

    organisation = factory.SubFactory(OrganisationFactory)
    dismissed = factory.SubFactory(OrganisationFactory)


def connect(first, second, introduction=None):
    low, high = sorted((first, second), key=lambda o: o.pk)
    return Connection.objects.create(first=low, second=high, introduction=introduction)


def organisation_with(kind="company", offers=(), seeks=(), **fields):
    """An organisation with offers and seeks (made with the models, not reindexed)."""
    organisation = OrganisationFactory(kind=kind, **fields)
    for position, title in enumerate(offers):
        ProfileEntryFactory(organisation=organisation, kind=ProfileEntry.Kind.OFFER,
                            title=title, position=position)
    for position, title in enumerate(seeks):
        ProfileEntryFactory(organisation=organisation, kind=ProfileEntry.Kind.SEEK,
                            title=title, position=position)
    return organisation


def actor_for(organisation, role=OrganisationMember.Role.ADMIN):
    """A new person of ``organisation`` acting for it."""
    return Actor(person=person_in(organisation, role), organisation=organisation)
