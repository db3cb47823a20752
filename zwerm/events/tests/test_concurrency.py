"""Truly parallel registrations: threads with their own database connections start together.

The SQLite test database is a real file in WAL mode and ``scripts/test-postgres.sh`` runs
the same tests on PostgreSQL, so both show what the event row lock and the seat constraint
do under concurrency.
"""

import threading

import pytest
from django.db import connection

from zwerm.events import services
from zwerm.events.models import Registration
from zwerm.events.tests.factories import attendee, organised_event

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(functions):
    """Run each function in its own thread, released at once by a barrier."""
    barrier = threading.Barrier(len(functions))
    results: list = [None] * len(functions)

    def worker(index, function):
        try:
            if connection.vendor == "sqlite":
                # SQLite queues writers on its file lock; on a busy shared machine the
                # settings' five seconds can run out before a dozen writers had their turn.
                with connection.cursor() as cursor:
                    cursor.execute("PRAGMA busy_timeout = 60000")
            barrier.wait(timeout=30)
            results[index] = function()
        except Exception as error:  # collected and asserted on by the test
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n, f)) for n, f in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_parallel_registrations_never_exceed_capacity():
    event, *_ = organised_event(capacity=3)
    actors = [attendee()[1] for _ in range(12)]
    results = run_together([
        (lambda actor=actor: services.registration_create(actor=actor, event=event).state)
        for actor in actors
    ])
    assert sorted(map(str, results)) == ["confirmed"] * 3 + ["waiting"] * 9, results
    seats = sorted(Registration.objects.filter(state="confirmed").values_list("seat", flat=True))
    assert seats == [1, 2, 3]


def test_parallel_double_registration_of_one_person_keeps_one():
    event, *_ = organised_event(capacity=5)
    _person, actor = attendee()
    results = run_together([
        (lambda: services.registration_create(actor=actor, event=event).state)
        for _ in range(4)
    ])
    assert results.count("confirmed") == 1
    assert all(result == "confirmed" or getattr(result, "code", "") == "already_registered"
               for result in results), results
    assert Registration.objects.count() == 1


def test_parallel_cancellations_and_registrations_keep_the_seats_full_but_not_over():
    event, *_ = organised_event(capacity=4)
    holders = [attendee()[1] for _ in range(4)]
    seated = [services.registration_create(actor=a, event=event) for a in holders]
    waiting = [attendee()[1] for _ in range(3)]
    for actor in waiting:
        services.registration_create(actor=actor, event=event)
    newcomers = [attendee()[1] for _ in range(4)]
    jobs = [
        (lambda a=a, r=r: services.registration_cancel(actor=a, registration=r).state)
        for a, r in zip(holders[:2], seated[:2], strict=True)
    ] + [
        (lambda a=a: services.registration_create(actor=a, event=event).state)
        for a in newcomers
    ]
    results = run_together(jobs)
    assert not [r for r in results if isinstance(r, Exception)], results
    confirmed = Registration.objects.filter(event=event, state="confirmed")
    assert confirmed.count() == 4
    assert sorted(confirmed.values_list("seat", flat=True)) == [1, 2, 3, 4]
    promoted = set(confirmed.values_list("person_id", flat=True)) - {a.person.pk for a in holders}
    # The two freed seats went to the first two who were waiting, not to a newcomer.
    assert promoted == {a.person.pk for a in waiting[:2]}


def test_parallel_api_requests_never_exceed_capacity():
    """The whole request path: a test client per thread, each with its own token."""
    from django.test import Client

    from zwerm.accounts.services import token_create

    event, *_ = organised_event(capacity=2)
    tokens = []
    for _n in range(8):
        _person, actor = attendee()
        _token, raw = token_create(actor=actor, name="parallel")
        tokens.append(raw)

    def post(raw):
        response = Client().post(f"/api/v1/events/{event.slug}/registrations", "{}",
                                 content_type="application/json",
                                 HTTP_AUTHORIZATION=f"Bearer {raw}")
        return response.status_code, response.json().get("state")

    results = run_together([(lambda raw=raw: post(raw)) for raw in tokens])
    assert sorted(results, key=str) == [(201, "confirmed")] * 2 + [(201, "waiting")] * 6, results
    assert Registration.objects.filter(event=event, state="confirmed").count() == 2
