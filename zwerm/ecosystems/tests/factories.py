import factory

from zwerm.ecosystems.models import Ecosystem, Membership, Role
from zwerm.organisations.tests.factories import OrganisationFactory


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
