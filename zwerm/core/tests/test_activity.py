import pytest
from django.db import transaction

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.models import Activity
from zwerm.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_record_gives_strictly_increasing_sequence_numbers_and_snapshots_labels():
    person = UserFactory()
    organisation = OrganisationFactory(name="Gemeente Utrecht")
    actor = Actor(person=person, organisation=organisation)
    with transaction.atomic():
        verb = "organisations.organisation.updated"
        first = record(verb=verb, actor=actor, subject=organisation)
        second = record(verb=verb, actor=actor, subject=organisation)
    assert second.seq == first.seq + 1
    organisation.name = "Gemeente Utrecht (nieuw)"
    organisation.save()
    first.refresh_from_db()
    assert first.subject_label == "Gemeente Utrecht"
    assert first.organisation_uuid == organisation.uuid
    assert first.subject_type == "organisations.organisation"


def test_record_refuses_floats_in_the_payload():
    organisation = OrganisationFactory()
    with pytest.raises(TypeError), transaction.atomic():
        record(
            verb="x.y.z", actor=Actor.system(), subject=organisation, payload={"hours": 1.5}
        )
    assert not Activity.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_record_must_run_inside_a_transaction():
    organisation = OrganisationFactory()
    with pytest.raises(RuntimeError):
        record(verb="x.y.z", actor=Actor.system(), subject=organisation)


def test_system_actions_have_no_actor():
    organisation = OrganisationFactory()
    with transaction.atomic():
        activity = record(verb="x.y.z", actor=Actor.system(), subject=organisation)
    assert activity.is_system and activity.actor_id is None


def test_personal_activities_are_shown_only_to_the_person_who_acted():
    from zwerm.core.selectors import activity_list

    person, other = UserFactory(), UserFactory()
    with transaction.atomic():
        mine = record(
            verb="accounts.profile.updated", actor=Actor(person=person), subject=person,
            subject_type="accounts.person",
        )
    assert mine in activity_list(viewer=person)
    assert mine not in activity_list(viewer=other)
    assert mine not in activity_list(viewer=None)


def test_around_keeps_a_persons_own_ecosystems_and_organisations():
    from zwerm.core.selectors import activity_list
    from zwerm.ecosystems.tests.factories import EcosystemFactory

    mine, theirs = OrganisationFactory(), OrganisationFactory()
    ecosystem, elsewhere = EcosystemFactory(), EcosystemFactory()
    actor = Actor.system()
    with transaction.atomic():
        in_ecosystem = record(verb="x.in", actor=actor, subject=theirs, ecosystem=ecosystem)
        about_mine = record(verb="x.mine", actor=actor, subject=mine)
        unrelated = record(verb="x.other", actor=actor, subject=theirs, ecosystem=elsewhere)
    found = set(activity_list(viewer=None, around=([ecosystem.uuid], [mine.uuid])))
    assert found == {in_ecosystem, about_mine}
    assert unrelated not in found
