"""A members-only event in a public ecosystem leaves no trace in outsiders' activity feeds."""

import pytest

from zwerm.core.actor import Actor
from zwerm.core.selectors import activity_list
from zwerm.ecosystems.tests.factories import EcosystemFactory, MembershipFactory
from zwerm.events.services import event_create
from zwerm.events.tests.factories import organised_event
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


def test_members_only_event_activities_are_hidden_from_outsiders_only():
    ecosystem = EcosystemFactory()  # public
    event, organiser, organisation = organised_event(visibility="public")
    MembershipFactory(ecosystem=ecosystem, organisation=organisation)
    members_only = event_create(
        actor=Actor(person=organiser, organisation=organisation),
        title="Besloten ronde tafel", starts_at=event.starts_at, ends_at=event.ends_at,
        venue="Stadhuis", ecosystem=ecosystem, visibility="members",
    )
    member = person_in(organisation)
    outsider = person_in(OrganisationFactory())
    about = {"subject_uuid": members_only.uuid}
    assert activity_list(viewer=member).filter(**about).exists()
    assert not activity_list(viewer=outsider).filter(**about).exists()
    assert not activity_list(viewer=None).filter(**about).exists()
    assert activity_list(viewer=outsider).filter(subject_uuid=event.uuid).exists()


def test_the_main_navigation_links_to_the_events(client):
    assert b'href="/events/"' in client.get("/").content
