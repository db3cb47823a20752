"""Parallel requests and answers: the database keeps one pending request and one answer."""

import threading

import pytest
from django.db import connection, connections

from zwerm.core.errors import Conflict
from zwerm.matchmaking import services
from zwerm.matchmaking.models import Connection, Introduction
from zwerm.matchmaking.tests.factories import actor_for
from zwerm.organisations.tests.factories import OrganisationFactory

THREADS = 4

pytestmark = pytest.mark.django_db(transaction=True)


def run_parallel(function):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("the in-memory SQLite test database cannot show concurrency")
    barrier = threading.Barrier(THREADS)
    results: list[object] = []

    def work() -> None:
        try:
            barrier.wait()
            results.append(function())
        except BaseException as exc:  # noqa: BLE001 - the test inspects what each thread got
            results.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_parallel_requests_make_one_pending_introduction():
    own, other = OrganisationFactory(), OrganisationFactory()
    actors = [actor_for(own) for _ in range(THREADS)]
    queue = iter(actors)
    lock = threading.Lock()

    def ask():
        with lock:
            actor = next(queue)
        return services.introduction_request(actor=actor, organisation=other, message="Hoi")

    results = run_parallel(ask)
    created = [r for r in results if isinstance(r, Introduction)]
    refused = [r for r in results if isinstance(r, Conflict)]
    assert len(created) == 1 and len(refused) == THREADS - 1, results
    assert Introduction.objects.filter(state="pending").count() == 1


def test_parallel_answers_connect_once():
    own, other = OrganisationFactory(), OrganisationFactory()
    introduction = services.introduction_request(actor=actor_for(own), organisation=other,
                                                 message="Hoi")
    answer = actor_for(other)
    results = run_parallel(
        lambda: services.introduction_accept(actor=answer, introduction=introduction)
    )
    assert sum(isinstance(r, Connection) for r in results) == 1, results
    assert all(isinstance(r, Connection | Conflict) for r in results), results
    assert Connection.objects.count() == 1
