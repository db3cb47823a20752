"""Who may do what in the ledger, for every row of the ``world`` matrix, public and
members-only; members-only ledgers are 404 for outsiders in pages and API."""

import pytest

from zwerm.collaboration.models import Commitment, Contribution
from zwerm.collaboration.permissions import ledger as permissions
from zwerm.collaboration.tests.ledger.helpers import deliverable_in, in_days, today
from zwerm.core.actor import Actor
from zwerm.ecosystems.tests.conftest import SEES_MEMBERS_ONLY, VIEWERS
from zwerm.organisations.selectors import acting_organisation

pytestmark = pytest.mark.django_db

HOME = {"active", "facilitator", "delegate", "org_admin"}  # people of the active member
CAN_COMMIT = HOME
CAN_RECORD = HOME | {"paused"}
CAN_RELEASE = {"delegate", "org_admin"}  # who speaks for the committed organisation


def actor_for(person):
    if person is None:
        return Actor(person=None)
    return Actor(person=person, organisation=acting_organisation(person=person))


def objects(ecosystem, organisations):
    home, paused = organisations["active"], organisations["paused"]
    deliverable = deliverable_in(ecosystem, home)
    commitment = Commitment.objects.create(
        ecosystem=ecosystem, organisation=home, deliverable=deliverable, type="hours",
        quantity=5, unit="hours", due_on=in_days(5))
    own_entry = Contribution.objects.create(
        ecosystem=ecosystem, giver_organisation=home, deliverable=deliverable, type="hours",
        quantity=2, unit="hours", given_on=today(), description="Werk",
        recipient=organisations["paused"])
    received = Contribution.objects.create(
        ecosystem=ecosystem, giver_organisation=paused, recipient=home, type="hours",
        quantity=2, unit="hours", given_on=today(), description="Hulp")
    return commitment, own_entry, received


@pytest.mark.parametrize("visibility", ["public", "members"])
@pytest.mark.parametrize("label", VIEWERS)
def test_ledger_permission_matrix(world, visibility, label):
    ecosystem, people, organisations = world(visibility)
    commitment, own_entry, received = objects(ecosystem, organisations)
    person = people[label]
    actor = actor_for(person)
    sees = visibility == "public" or label in SEES_MEMBERS_ONLY
    assert permissions.can_view_ledger(person, ecosystem) is sees
    assert permissions.can_commit(actor, ecosystem) is (label in CAN_COMMIT)
    assert permissions.can_record_contribution(actor, ecosystem) is (label in CAN_RECORD)
    assert permissions.can_edit_commitment(person, commitment) is (label in HOME)
    assert permissions.can_release(person, commitment) is (label in CAN_RELEASE)
    assert permissions.can_release(actor, commitment) is (label in CAN_RELEASE)
    assert permissions.can_correct(person, own_entry) is (label in HOME)
    assert permissions.can_acknowledge(actor, received) is (label in HOME)
    assert permissions.can_acknowledge(actor, own_entry) is (label == "paused")


@pytest.mark.parametrize("label", VIEWERS)
def test_members_only_pages_and_api_are_404_for_who_may_not_see(world, client, label):
    ecosystem, people, organisations = world("members")
    commitment, own_entry, _received = objects(ecosystem, organisations)
    person = people[label]
    if person is not None:
        client.force_login(person)
    expected = 200 if label in SEES_MEMBERS_ONLY else 404
    slug = ecosystem.slug
    for url in (f"/ecosystems/{slug}/ledger/", f"/ecosystems/{slug}/commitments/",
                f"/ecosystems/{slug}/ledger/balances/", f"/ecosystems/{slug}/ledger/export.csv",
                f"/ecosystems/{slug}/ledger/{own_entry.uuid}/",
                f"/ecosystems/{slug}/commitments/{commitment.uuid}/",
                f"/api/v1/collaboration/ecosystems/{slug}/contributions",
                f"/api/v1/collaboration/ecosystems/{slug}/balances",
                f"/api/v1/collaboration/commitments/{commitment.uuid}",
                f"/api/v1/collaboration/contributions/{own_entry.uuid}"):
        assert client.get(url).status_code == expected, url


def test_release_needs_to_act_for_the_committed_organisation_while_it_takes_part(world):
    ecosystem, people, organisations = world()
    commitment, _own, _received = objects(ecosystem, organisations)
    admin = people["org_admin"]
    assert permissions.can_release(Actor(person=admin, organisation=organisations["active"]),
                                   commitment)
    assert not permissions.can_release(
        Actor(person=admin, organisation=organisations["paused"]), commitment)
    assert not permissions.can_release(Actor(person=admin, organisation=None), commitment)
    ecosystem.memberships.filter(organisation=organisations["active"]).update(state="paused")
    assert permissions.can_release(admin, commitment)  # a paused member still decides
    ecosystem.memberships.filter(organisation=organisations["active"]).update(state="left")
    assert not permissions.can_release(admin, commitment)
