"""Transactional tests anywhere in the suite end with ``flush``: it must get past the triggers."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from zwerm.transparency import checkpoints, services
from zwerm.transparency.models import Checkpoint, LogEntry, TreeNode
from zwerm.transparency.tests.conftest import World


@pytest.mark.django_db(transaction=True)
def test_flush_empties_the_log_and_the_triggers_are_back_afterwards():
    world = World()
    world.record(n=3)  # committed: the sequencer runs after commit (huey is immediate in tests)
    assert LogEntry.objects.count() == 3
    checkpoints.checkpoint_sign(services.log_for(world.ecosystem.uuid))
    call_command("flush", interactive=False, verbosity=0)
    assert not LogEntry.objects.exists() and not TreeNode.objects.exists()
    assert not Checkpoint.objects.exists()
    World().record(n=1)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM transparency_logentry")


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_that_leaves_log_rows_behind():
    World().record(n=2)
    assert LogEntry.objects.count() == 2  # pytest-django's flush after this test must succeed


@pytest.mark.django_db(transaction=True)
def test_the_previous_flush_emptied_the_log():
    assert not LogEntry.objects.exists()
