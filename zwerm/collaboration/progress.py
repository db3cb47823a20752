"""How far a deliverable is: a pure function over counts, so it is tested without a database."""

from __future__ import annotations


def progress_percent(*, done: int, total: int, delivered: bool = False) -> int:
    """The share of milestones done, as a whole percentage rounded down.

    A delivered deliverable counts as 100 whatever its milestones say (the result is there);
    without milestones there is nothing to measure, so 0. Rounding down never claims more
    than was done: 2 of 3 reads 66, not 67.
    """
    if delivered:
        return 100
    if total <= 0:
        return 0
    done = max(0, min(done, total))
    return done * 100 // total
