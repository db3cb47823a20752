"""Background work of decisions: deciding proposals whose deadline passed, and reminders."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(minute="*/5"), retries=2, retry_delay=60)
def decide_due_proposals() -> dict[str, int]:
    """Every five minutes: record the decisions that are due, remind who has not responded."""
    from zwerm.collaboration.services.decisions_outcome import decide_due_proposals as run

    return run()
