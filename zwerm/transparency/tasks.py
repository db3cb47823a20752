"""Background work of the log: the sequencer after each commit, checkpoints on a clock.

huey's periodic tasks run once a minute at most; within that minute the checkpoint task
signs every ``ZWERM_CHECKPOINT_SECONDS`` (default 10) by re-scheduling itself, and the
minute tick restarts the chain should a worker have died.
"""

from __future__ import annotations

import time

from django.conf import settings
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task, lock_task

from zwerm.transparency import checkpoints, services


def checkpoint_seconds() -> float:
    return float(getattr(settings, "ZWERM_CHECKPOINT_SECONDS", 10))


@db_task(retries=3, retry_delay=1)
def sequence_log() -> int:
    """Append every activity committed so far (triggered after each commit)."""
    with lock_task("transparency-sequencer"):
        return services.sequence_all()


@db_periodic_task(crontab(minute="*"))
def sequence_and_sign() -> int:
    """The minute tick: catch up the sequencer (writes outside requests) and sign."""
    services.sequence_all()
    signed = len(checkpoints.checkpoints_sign_due())
    _sign_within_minute.schedule(delay=checkpoint_seconds())
    return signed


@db_task()
def _sign_within_minute() -> int:
    """Sign, then come back after the interval until the next minute tick takes over."""
    signed = len(checkpoints.checkpoints_sign_due())
    interval = checkpoint_seconds()
    if time.time() % 60 + interval < 60:
        _sign_within_minute.schedule(delay=interval)
    return signed
