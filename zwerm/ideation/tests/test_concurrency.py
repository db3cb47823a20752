"""Many people act at once: one ballot per voter, and an initiative starts exactly once."""

import threading

import pytest
from django.db import connection, connections

from zwerm.core.actor import Actor
from zwerm.core.models import Activity
from zwerm.ecosystems.tests.factories import MembershipFactory
from zwerm.ideation.models import Ballot, Initiative, Phase
from zwerm.ideation.services import ballot_cast, commitment_make, initiative_select
from zwerm.ideation.tests.conftest import Setup
from zwerm.ideation.tests.factories import OrganisationFactory
from zwerm.organisations.models import OrganisationMember
from zwerm.organisations.tests.factories import person_in

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(functions):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("the in-memory SQLite test database cannot show concurrency")
    barrier = threading.Barrier(len(functions))
    errors: list[BaseException] = []

    def work(function):
        try:
            barrier.wait()
            function()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(f,)) for f in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_an_initiative_starts_exactly_once_when_many_commit_at_once():
    s = Setup(commitment_threshold=3)
    idea = s.idea()
    s.phase(Phase.SELECT)
    initiative = initiative_select(actor=s.fac, challenge=s.challenge, idea=idea)
    actors = list(s.members)
    for _ in range(3):
        organisation = OrganisationFactory()
        MembershipFactory(ecosystem=s.ecosystem, organisation=organisation)
        admin = person_in(organisation, role=OrganisationMember.Role.ADMIN)
        actors.append(Actor(person=admin, organisation=organisation))
    errors = run_together([
        (lambda a=a: commitment_make(actor=a, initiative=initiative, text="Uren"))
        for a in actors
    ])
    assert not errors, errors
    initiative = Initiative.objects.get()
    assert initiative.commitments.count() == 6 and initiative.is_started
    assert Activity.objects.filter(verb="ideation.initiative.started").count() == 1


def test_one_ballot_per_voter_when_the_same_person_casts_twice_at_once():
    s = Setup(method="approval")
    idea = s.idea()
    s.phase(Phase.VOTE)
    errors = run_together([
        (lambda: ballot_cast(actor=s.members[0], challenge=s.challenge,
                             choices=[str(idea.uuid)]))
        for _ in range(4)
    ])
    assert not errors, errors
    assert Ballot.objects.count() == 1
    assert Activity.objects.filter(verb="ideation.ballot.cast").count() == 1
    assert Activity.objects.filter(verb="ideation.ballot.changed").count() == 3
