"""Matchmaking's links appear on kernel pages only for the people who may use them."""

import pytest

from zwerm.ecosystems.tests.factories import EcosystemFactory, MembershipFactory, RoleFactory
from zwerm.organisations.models import OrganisationMember
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


def test_the_suggestions_link_is_in_the_navigation_for_people_acting_for_an_organisation(client):
    assert b"/matchmaking/" not in client.get("/").content
    client.force_login(person_in(OrganisationFactory()))
    assert b'href="/matchmaking/"' in client.get("/").content


def test_the_introduction_button_shows_on_other_organisations_only(client):
    own, other = OrganisationFactory(), OrganisationFactory()
    client.force_login(person_in(own))
    assert b"/matchmaking/introductions/new/" in client.get(f"/organisations/{other.slug}/").content
    assert b"/matchmaking/introductions/new/" not in client.get(
        f"/organisations/{own.slug}/"
    ).content


def test_who_should_join_is_linked_for_facilitators_only(client):
    ecosystem = EcosystemFactory()
    organisation = OrganisationFactory()
    MembershipFactory(ecosystem=ecosystem, organisation=organisation)
    facilitator = person_in(organisation, role=OrganisationMember.Role.ADMIN)
    RoleFactory(ecosystem=ecosystem, organisation=organisation, person=facilitator)
    member = person_in(organisation)
    link = f"/matchmaking/ecosystems/{ecosystem.slug}/".encode()
    client.force_login(member)
    assert link not in client.get(f"/ecosystems/{ecosystem.slug}/").content
    client.force_login(facilitator)
    assert link in client.get(f"/ecosystems/{ecosystem.slug}/").content
