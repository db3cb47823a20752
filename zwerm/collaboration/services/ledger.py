"""Writes of the ledger part: commitments and the two-sided contributions ledger.

One module per sub-domain keeps each small; this one is the part's public entrance.
"""

from zwerm.collaboration.services.ledger_commitments import (
    commitment_make,
    commitment_release,
    commitment_update,
    delivered_of,
    sync_fulfilment,
)
from zwerm.collaboration.services.ledger_contributions import (
    contribution_acknowledge,
    contribution_correct,
    contribution_record,
)
from zwerm.collaboration.services.ledger_reminders import commitments_remind_due

__all__ = [
    "commitment_make",
    "commitment_release",
    "commitment_update",
    "commitments_remind_due",
    "contribution_acknowledge",
    "contribution_correct",
    "contribution_record",
    "delivered_of",
    "sync_fulfilment",
]
