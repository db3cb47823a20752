"""Background work of the ledger: a daily reminder of commitments due within a week."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(hour="7", minute="15"), retries=2, retry_delay=300)
def remind_due_commitments() -> int:
    from zwerm.collaboration.services.ledger import commitments_remind_due

    return commitments_remind_due()
