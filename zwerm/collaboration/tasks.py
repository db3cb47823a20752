"""Background work of keeping together; huey finds the tasks through this module.

Each part keeps its tasks in ``tasks_<part>.py``; import them here so the consumer sees them.
"""

from zwerm.collaboration import (
    tasks_decisions,  # noqa: F401
    tasks_ledger,  # noqa: F401
    tasks_working_groups,  # noqa: F401
)
