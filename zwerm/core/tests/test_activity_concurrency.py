"""Sequence numbers stay gap-free and unique when many transactions record at once."""

import threading

import pytest
from django.db import connection, connections, transaction

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.models import Activity
from zwerm.organisations.tests.factories import OrganisationFactory

THREADS = 6
PER_THREAD = 15


@pytest.mark.django_db(transaction=True)
def test_parallel_recording_gives_gap_free_unique_sequence_numbers():
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("the in-memory SQLite test database cannot show concurrency")
    organisation = OrganisationFactory()
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait()
            for _ in range(PER_THREAD):
                with transaction.atomic():
                    record(verb="test.parallel", actor=Actor.system(), subject=organisation)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    seqs = sorted(Activity.objects.values_list("seq", flat=True))
    assert seqs == list(range(seqs[0], seqs[0] + THREADS * PER_THREAD))
