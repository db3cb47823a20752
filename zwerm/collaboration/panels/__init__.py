"""Collaboration's entries on kernel pages, one module per part."""

from zwerm.collaboration.panels import (
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
