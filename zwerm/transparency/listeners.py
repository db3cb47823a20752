"""Wake the sequencer after a transaction that recorded a logged activity commits.

This only *triggers* work: the sequencer reads the stream by its cursor, so an activity
recorded without this signal (a raw import, a dead worker) is picked up by the minute tick.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from zwerm.transparency import registry


def sequence_after_commit(activity) -> None:
    """An activity listener (``zwerm.core.activity.register_listener``)."""
    if activity.ecosystem_uuid is None or not registry.is_logged(activity.verb):
        return
    if not getattr(settings, "ZWERM_SEQUENCE_ON_COMMIT", True):
        return
    from zwerm.transparency.tasks import sequence_log

    transaction.on_commit(sequence_log)
