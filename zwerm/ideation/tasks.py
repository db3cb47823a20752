"""Background work of ideation: announcing phases that began on their date.

The phase itself is computed from the dates whenever it is read; this job only records
the change as an activity, notifies the participants and publishes a closed vote's result.
"""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from zwerm.ideation.models import Challenge, Phase


def announce_due_phases() -> int:
    """Announce every challenge whose phase moved on since it was last announced."""
    from zwerm.ideation.services import challenge_announce_phase

    announced = 0
    for challenge in Challenge.objects.exclude(announced_phase=Phase.CLOSED).select_related(
        "ecosystem"
    ):
        if challenge.phase != challenge.announced_phase:
            announced += challenge_announce_phase(challenge=challenge)
    return announced


@db_periodic_task(crontab(minute="*/5"), retries=2, retry_delay=60)
def announce_phases() -> int:
    return announce_due_phases()
