"""Background work of working groups: telling holders and groups that a role's term ends."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(hour="7", minute="10"), retries=2, retry_delay=300)
def remind_role_terms() -> int:
    """Daily: roles whose term ends within 14 days, each announced once per term."""
    from zwerm.collaboration.services.working_groups_roles import remind_term_ends

    return remind_term_ends()
