from datetime import timedelta

import factory
from django.utils import timezone

from zwerm.core.actor import Actor
from zwerm.ecosystems.models import Ecosystem, EcosystemInvitation, Membership, Role
from zwerm.organisations.models import OrganisationMember
from zwerm.organisations.tests.factories import OrganisationFactory, person_in


class EcosystemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ecosystem

    name = factory.Sequence(lambda n: f"Ecosysteem {n}")
    slug = factory.Sequence(lambda n: f"ecosysteem-{n}")
    goal = "Samen de bouw circulair maken."
    visibility = Ecosystem.Visibility.PUBLIC


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    ecosystem = factory.SubFactory(EcosystemFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    kind = Membership.Kind.MEMBER
    state = Membership.State.ACTIVE


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    ecosystem = factory.SubFactory(EcosystemFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    name = Role.Name.FACILITATOR


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EcosystemInvitation

    ecosystem = factory.SubFactory(EcosystemFactory)
    email = factory.Sequence(lambda n: f"invited{n}@example.org")
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))


def admin_of(organisation, **person_fields):
    return person_in(organisation, role=OrganisationMember.Role.ADMIN, **person_fields)


def member_organisation(ecosystem, state=Membership.State.ACTIVE, kind=Membership.Kind.MEMBER):
    """A new organisation with an admin, holding a membership in ``state``; returns both."""
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    MembershipFactory(ecosystem=ecosystem, organisation=organisation, state=state, kind=kind)
    return organisation, admin


def started_ecosystem(**fields):
    """An ecosystem started through the service: (ecosystem, facilitator, organisation)."""
    from zwerm.ecosystems.services import ecosystem_create

    organisation = OrganisationFactory()
    facilitator = admin_of(organisation)
    fields.setdefault("name", "Circulair bouwen")
    fields.setdefault("goal", "Samen de bouw circulair maken.")
    ecosystem = ecosystem_create(
        actor=Actor(person=facilitator, organisation=organisation), **fields
    )
    return ecosystem, facilitator, organisation


def actor(person, organisation=None):
    return Actor(person=person, organisation=organisation)
