"""How collaboration takes part in kernel flows; each part wires itself in its own module."""

from zwerm.collaboration.handlers import (
    decisions,
    deliverables,
    elasticity,
    ledger,
    working_groups,
)

PARTS = (working_groups, deliverables, ledger, decisions, elasticity)


def register() -> None:
    for part in PARTS:
        part.register()
