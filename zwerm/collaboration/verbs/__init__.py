"""The verbs collaboration records; each part registers its own on import."""

from zwerm.collaboration.verbs import (  # noqa: F401
    decisions,
    deliverables,
    elasticity,
    ledger,
    working_groups,
)
