"""Proposals closing at the same moment get distinct, sequential decision numbers, and a
proposal is decided exactly once however many deciders run at once."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from zwerm.collaboration.models import Decision, Proposal
from zwerm.collaboration.services.decisions_outcome import proposal_decide_if_due
from zwerm.collaboration.tests.decisions.helpers import Eco

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


def test_simultaneous_decisions_get_sequential_numbers_and_each_proposal_one_decision():
    eco = Eco(orgs=1)
    proposals = [eco.propose(title=f"Voorstel {n}") for n in range(4)]
    Proposal.objects.update(deadline=timezone.now() - timedelta(minutes=1))
    deciders = [lambda p=p: proposal_decide_if_due(proposal=p) for p in proposals]
    deciders += [lambda p=proposals[0]: proposal_decide_if_due(proposal=p)]  # a second job
    errors = run_together(deciders)
    assert errors == []
    numbers = sorted(Decision.objects.values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4]
    assert Decision.objects.filter(proposal=proposals[0]).count() == 1
