from datetime import timedelta

import factory
from django.utils import timezone

from zwerm.accounts.tests.factories import UserFactory
from zwerm.organisations.models import (
    Organisation,
    OrganisationInvitation,
    OrganisationMember,
    ProfileEntry,
    Theme,
)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    kind = Organisation.Kind.COMPANY
    region = "utrecht"


class OrganisationMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationMember

    organisation = factory.SubFactory(OrganisationFactory)
    person = factory.SubFactory(UserFactory)
    role = OrganisationMember.Role.MEMBER


class ProfileEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProfileEntry

    organisation = factory.SubFactory(OrganisationFactory)
    kind = ProfileEntry.Kind.OFFER
    title = factory.Sequence(lambda n: f"Aanbod {n}")


def person_in(organisation, role=OrganisationMember.Role.MEMBER, **person_fields):
    """A new person who belongs to ``organisation`` with ``role``."""
    person = UserFactory(**person_fields)
    OrganisationMemberFactory(organisation=organisation, person=person, role=role)
    return person


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationInvitation

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"invited{n}@example.org")
    role = OrganisationMember.Role.MEMBER
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))


def admin_of(organisation, **person_fields):
    """A new person who administers ``organisation``."""
    return person_in(organisation, OrganisationMember.Role.ADMIN, **person_fields)
