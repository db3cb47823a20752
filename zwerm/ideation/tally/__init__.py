"""Pure tallies of ideation votes: dot, approval, score (0–5) and ranked (Schulze).

This package imports nothing of Django and needs only the standard library (numpy speeds
up Schulze's pairwise counts and widest paths when it is installed), so that anyone can
recount an exported vote: ``python -m zwerm.ideation.tally ballots.json``.

Weights are exact fractions. Under organisation weighting every organisation holds a
weight of one, shared equally by the ballots cast for it, so an organisation's influence
does not grow with the number of its voters.

Ties are broken deterministically and independently of the order of the ballots: options
with an equal result are ordered by their position in the list of options (the order in
which the ideas were submitted, earliest first).
"""

from zwerm.ideation.tally.core import (
    FORMAT,
    METHODS,
    BallotError,
    count,
    count_file,
    pairwise,
    schulze_strengths,
    validate_ballot,
    weights,
)

__all__ = [
    "FORMAT",
    "METHODS",
    "BallotError",
    "count",
    "count_file",
    "pairwise",
    "schulze_strengths",
    "validate_ballot",
    "weights",
]
