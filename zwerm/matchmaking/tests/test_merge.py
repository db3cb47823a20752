"""A merged organisation's connections, dismissals and pending introductions follow it."""

import pytest

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.actor import Actor
from zwerm.core.models import Activity
from zwerm.matchmaking.models import Connection, Dismissal, IndexedOrganisation, Introduction
from zwerm.matchmaking.tests.factories import DismissalFactory, IntroductionFactory, connect
from zwerm.organisations.services import organisation_merge
from zwerm.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_merge_moves_connections_dismissals_and_pending_introductions(
    django_capture_on_commit_callbacks
):
    source, target, other, both = (OrganisationFactory() for _ in range(4))
    connect(source, other)
    connect(source, target)  # would connect the target with itself: dropped
    connect(source, both)
    connect(target, both)  # already there: the source's copy goes
    DismissalFactory(organisation=source, dismissed=other)
    DismissalFactory(organisation=other, dismissed=source)
    pending = IntroductionFactory(requester=source, recipient=other)
    answered = IntroductionFactory(requester=source, recipient=both, state="declined")
    with django_capture_on_commit_callbacks(execute=True):
        organisation_merge(actor=Actor(person=UserFactory(is_staff=True)), source=source,
                           target=target)
    pairs = set(Connection.objects.values_list("first_id", "second_id"))
    assert pairs == {tuple(sorted((target.pk, other.pk))), tuple(sorted((target.pk, both.pk)))}
    assert set(Dismissal.objects.values_list("organisation_id", "dismissed_id")) == {
        (target.pk, other.pk), (other.pk, target.pk)}
    pending.refresh_from_db()
    answered.refresh_from_db()
    assert pending.requester == target and answered.requester == source
    assert Introduction.objects.filter(requester=source).count() == 1
    activity = Activity.objects.get(verb="matchmaking.organisation.merged")
    assert activity.payload["connections"] == 1 and activity.payload["introductions"] == 1
    assert not IndexedOrganisation.objects.get(organisation_id=source.pk).active
