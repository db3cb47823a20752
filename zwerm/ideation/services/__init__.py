"""Every state change of ideation, one function per action (pages and API share them)."""

from zwerm.ideation.services.challenges import (
    challenge_announce_phase,
    challenge_create,
    challenge_facilitator_add,
    challenge_phase_set,
    challenge_update,
)

__all__ = [
    "challenge_announce_phase",
    "challenge_create",
    "challenge_facilitator_add",
    "challenge_phase_set",
    "challenge_update",
]
