"""Counting ballots: validation, exact weights, the four methods and Schulze's paths.

Standard library only; numpy is used when importable, for Schulze on many ballots.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from itertools import chain
from math import lcm
from typing import Any

try:  # numpy only speeds Schulze up; every result is identical without it.
    import numpy
except ImportError:  # pragma: no cover - exercised in the isolated-interpreter test
    numpy = None

FORMAT = "zwerm-ballots/1"
METHODS = ("dot", "approval", "score", "ranked")
WEIGHTINGS = ("person", "organisation")
SCORE_MAX = 5
INT64_SAFE = 2**62

TIE_BREAK = (
    "Options with an equal result are ordered by their position in the list of options: "
    "the idea submitted first comes first. This rule does not depend on the order of the "
    "ballots, so every recount gives the same ranking."
)


class BallotError(ValueError):
    """A ballot or file that cannot be counted; the message says which and why."""


# Validation --------------------------------------------------------------------------------


def validate_ballot(
    method: str, choices: Any, options: Sequence[str], dots: int | None = None
) -> Any:
    """Return the ballot's choices in canonical form, or raise ``BallotError``.

    dot: ``{option: dots}`` (whole numbers ≥ 0, at most ``dots`` in total); approval: a list
    of options; score: ``{option: 0..5}`` (options left out score 0); ranked: a list from
    most to least preferred, where an item may be a list of options ranked equal; options
    left out are ranked equal, below all ranked ones.
    """
    known = set(options)
    if method == "dot":
        if not isinstance(choices, Mapping):
            raise BallotError("A dot ballot maps options to numbers of dots.")
        clean: dict[str, int] = {}
        for option, value in choices.items():
            _check_option(option, known)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise BallotError("Dots are whole numbers of at least 0.")
            if value:
                clean[option] = value
        if dots is not None and sum(clean.values()) > dots:
            raise BallotError(f"A ballot may hand out at most {dots} dots.")
        return dict(sorted(clean.items()))
    if method == "approval":
        if not isinstance(choices, list):
            raise BallotError("An approval ballot is a list of options.")
        for option in choices:
            _check_option(option, known)
        if len(set(choices)) != len(choices):
            raise BallotError("An approval ballot names each option once.")
        return sorted(choices)
    if method == "score":
        if not isinstance(choices, Mapping):
            raise BallotError("A score ballot maps options to scores.")
        clean = {}
        for option, value in choices.items():
            _check_option(option, known)
            if isinstance(value, bool) or not isinstance(value, int) or not (
                0 <= value <= SCORE_MAX
            ):
                raise BallotError(f"Scores are whole numbers from 0 to {SCORE_MAX}.")
            if value:
                clean[option] = value
        return dict(sorted(clean.items()))
    if method == "ranked":
        if not isinstance(choices, list):
            raise BallotError("A ranked ballot is a list from most to least preferred.")
        try:  # the common case (no equal ranks), checked at C speed
            named = set(choices)
        except TypeError:  # a list inside: equal ranks, checked below
            named = None
        if named is not None and named <= known and len(named) == len(choices):
            return choices
        seen: set[str] = set()
        canonical: list[Any] = []
        for item in choices:
            group = item if isinstance(item, list) else [item]
            if not group:
                raise BallotError("A ranked ballot has no empty ranks.")
            for option in group:
                _check_option(option, known)
                if option in seen:
                    raise BallotError("A ranked ballot names each option once.")
                seen.add(option)
            canonical.append(sorted(group) if isinstance(item, list) else item)
        return canonical
    raise BallotError(f"Unknown method {method!r}; use one of {', '.join(METHODS)}.")


def _check_option(option: Any, known: set[str]) -> None:
    if not isinstance(option, str) or option not in known:
        raise BallotError(f"The ballot names an option that is not on the list: {option!r}.")


# Weights -----------------------------------------------------------------------------------


def weights(ballots: Sequence[Mapping[str, Any]], weighting: str) -> list[Fraction]:
    """The exact weight of every ballot.

    per person: one each. per organisation: every organisation (the ballot's ``group``)
    holds one in total, shared equally by its ballots; a ballot without a group is an
    organisation of its own.
    """
    if weighting == "person":
        return [Fraction(1)] * len(ballots)
    if weighting != "organisation":
        raise BallotError(f"Unknown weighting {weighting!r}; use person or organisation.")
    keys = [ballot.get("group") or f"\0ballot-{index}" for index, ballot in enumerate(ballots)]
    sizes = Counter(keys)
    return [Fraction(1, sizes[key]) for key in keys]


# Formatting --------------------------------------------------------------------------------


def exact(value: Fraction) -> str:
    """An exact value as text: ``"7"`` or ``"7/3"``."""
    return str(value)


def shown(value: Fraction, places: int = 2) -> str:
    """A value rounded for people to read (half to even), as text."""
    quantum = Decimal(1).scaleb(-places)
    return str((Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        quantum, rounding=ROUND_HALF_EVEN))


def _ranking(options: Sequence[str], key: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Order options by ``key`` (higher first), ties by position; competition ranks."""
    index = {option: position for position, option in enumerate(options)}
    ordered = sorted(options, key=lambda option: (-key[option], index[option]))
    rows: list[dict[str, Any]] = []
    for position, option in enumerate(ordered, start=1):
        rank = position
        if rows and key[rows[-1]["option"]] == key[option]:
            rank = rows[-1]["rank"]
        rows.append({"option": option, "position": position, "rank": rank})
    return rows


def _ties(rows: list[dict[str, Any]]) -> list[list[str]]:
    by_rank: dict[int, list[str]] = {}
    for row in rows:
        by_rank.setdefault(row["rank"], []).append(row["option"])
    return [group for group in by_rank.values() if len(group) > 1]


# Sum methods -------------------------------------------------------------------------------


def _sums(
    method: str, options: Sequence[str], all_choices: Sequence[Any],
    ballot_weights: Sequence[Fraction],
) -> tuple[dict[str, Fraction], dict[str, Fraction]]:
    """Weighted totals per option, and the weight of the ballots that supported it."""
    totals = dict.fromkeys(options, Fraction(0))
    support = dict.fromkeys(options, Fraction(0))
    for choices, weight in zip(all_choices, ballot_weights, strict=True):
        values = dict.fromkeys(choices, 1) if method == "approval" else choices
        for option, value in values.items():
            totals[option] += weight * value
            if value:
                support[option] += weight
    return totals, support


# Schulze -----------------------------------------------------------------------------------


def _distinct(
    rankings: Sequence[Sequence[Any]], integer: Sequence[int]
) -> tuple[list[tuple[Any, ...]], list[int], bool]:
    """Identical ballots counted once with their summed weight; whether all are strict."""
    distinct: Counter = Counter()
    strict = True
    for choices, weight in zip(rankings, integer, strict=True):
        key = tuple(choices)
        try:
            distinct[key] += weight
        except TypeError:  # equal ranks are lists: make them hashable
            strict = False
            key = tuple(tuple(item) if isinstance(item, list) else item for item in choices)
            distinct[key] += weight
    return list(distinct), list(distinct.values()), strict


def _pairwise_numpy(
    keys: list[tuple[str, ...]], counts: list[int], index: Mapping[str, int], n: int
) -> list[list[int]]:
    """Pairwise counts with numpy: one row of rank positions per option, compared at once."""
    dtype = numpy.int8 if n < 127 else numpy.int32
    ranks = numpy.full((n, len(keys)), n, dtype=dtype)  # ranks[option, ballot]
    by_length: dict[int, list[int]] = {}
    for column, key in enumerate(keys):
        by_length.setdefault(len(key), []).append(column)
    lookup = index.__getitem__
    for length, columns in by_length.items():
        if length:
            flat = chain.from_iterable(map(keys.__getitem__, columns))
            chosen = numpy.fromiter(
                map(lookup, flat), dtype=numpy.intp, count=length * len(columns)
            ).reshape(len(columns), length)
            ranks[chosen, numpy.array(columns)[:, None]] = numpy.arange(length, dtype=dtype)
    weights_ = numpy.array(counts, dtype=numpy.int64)
    matrix = numpy.zeros((n, n), dtype=numpy.int64)
    values = numpy.unique(weights_)
    if len(values) <= 16:  # few distinct weights: count per weight, the fastest way
        for value in values.tolist():
            part = ranks[:, weights_ == value] if len(values) > 1 else ranks
            for i in range(n):
                matrix[i] += value * numpy.count_nonzero(part[i] < part, axis=1)
    else:
        for i in range(n):
            matrix[i] = (ranks[i] < ranks) @ weights_
    return matrix.tolist()


def _pairwise_python(
    keys: list[tuple[Any, ...]], counts: list[int], index: Mapping[str, int], n: int
) -> list[list[int]]:
    raw = [[0] * n for _ in range(n)]
    everyone = range(n)
    for key, weight in zip(keys, counts, strict=True):
        groups = [[index[o] for o in (item if isinstance(item, tuple) else (item,))]
                  for item in key]
        ranked = {i for group in groups for i in group}
        below = [i for i in everyone if i not in ranked]
        for position in range(len(groups) - 1, -1, -1):
            for a in groups[position]:
                row = raw[a]
                for b in below:
                    row[b] += weight
            below.extend(groups[position])
    return raw


def _integer_weights(ballot_weights: Sequence[Fraction]) -> tuple[list[int], int]:
    """The weights as whole numbers over one common denominator (exact, and fast to add)."""
    scale = lcm(*{weight.denominator for weight in ballot_weights}) if ballot_weights else 1
    return [w.numerator * (scale // w.denominator) for w in ballot_weights], scale


def pairwise(
    options: Sequence[str], rankings: Sequence[Sequence[Any]],
    ballot_weights: Sequence[Fraction], use_numpy: bool | None = None,
) -> list[list[Fraction]]:
    """``d[i][j]``: the weight of the ballots that rank option i above option j.

    ``rankings`` are validated ranked ballots (see ``validate_ballot``).
    """
    n = len(options)
    index = {option: i for i, option in enumerate(options)}
    use_numpy = numpy is not None if use_numpy is None else use_numpy and numpy is not None
    # Ballots are counted in whole numbers per denominator of their weight (one part per
    # organisation size), and the parts are added as exact fractions at the end.
    parts: dict[int, tuple[list[Any], list[int]]] = {}
    for choices, weight in zip(rankings, ballot_weights, strict=True):
        part = parts.setdefault(weight.denominator, ([], []))
        part[0].append(choices)
        part[1].append(weight.numerator)
    d = [[Fraction(0)] * n for _ in range(n)]
    for denominator, (part_rankings, numerators) in sorted(parts.items()):
        keys, counts, strict = _distinct(part_rankings, numerators)
        if use_numpy and strict and sum(counts) < INT64_SAFE:
            raw = _pairwise_numpy(keys, counts, index, n)
        else:
            raw = _pairwise_python(keys, counts, index, n)
        for i in range(n):
            row, raw_row = d[i], raw[i]
            for j in range(n):
                if raw_row[j]:
                    row[j] += Fraction(raw_row[j], denominator)
    return d


def schulze_strengths(
    d: Sequence[Sequence[Fraction]], use_numpy: bool | None = None
) -> list[list[Fraction]]:
    """Strengths of the widest paths (Floyd–Warshall over winning margins' support)."""
    n = len(d)
    scale = lcm(*{value.denominator for row in d for value in row}) if n else 1
    integer = [[int(value * scale) for value in row] for row in d]
    use_numpy = numpy is not None if use_numpy is None else use_numpy and numpy is not None
    largest = max((value for row in integer for value in row), default=0)
    if use_numpy and largest < INT64_SAFE and n:
        matrix = numpy.array(integer, dtype=numpy.int64)
        p = numpy.where(matrix > matrix.T, matrix, 0)
        numpy.fill_diagonal(p, 0)
        for k in range(n):
            p = numpy.maximum(p, numpy.minimum(p[:, k : k + 1], p[k : k + 1, :]))
            numpy.fill_diagonal(p, 0)
        strengths = p.tolist()
    else:
        strengths = [
            [integer[i][j] if i != j and integer[i][j] > integer[j][i] else 0 for j in range(n)]
            for i in range(n)
        ]
        for k in range(n):
            row_k = strengths[k]
            for i in range(n):
                if i == k:
                    continue
                row_i = strengths[i]
                through = row_i[k]
                if not through:
                    continue
                for j in range(n):
                    if j != i and j != k:
                        candidate = through if through < row_k[j] else row_k[j]
                        if candidate > row_i[j]:
                            row_i[j] = candidate
    return [[Fraction(value, scale) for value in row] for row in strengths]


# Counting ----------------------------------------------------------------------------------


def count(
    *, method: str, options: Sequence[str], ballots: Iterable[Mapping[str, Any]],
    weighting: str = "person", dots: int | None = None, use_numpy: bool | None = None,
) -> dict[str, Any]:
    """Count ballots (``{"group": ..., "choices": ...}``) and return a JSON-ready result.

    Every number in the result is text: exact fractions (``"7/3"``) and, for reading,
    values rounded to two places.
    """
    if method not in METHODS:
        raise BallotError(f"Unknown method {method!r}; use one of {', '.join(METHODS)}.")
    options = list(options)
    if len(set(options)) != len(options):
        raise BallotError("Every option is listed once.")
    ballots = list(ballots)
    choices = [validate_ballot(method, b.get("choices"), options, dots) for b in ballots]
    ballot_weights = weights(ballots, weighting)
    integer, scale = _integer_weights(ballot_weights)
    total_weight = Fraction(sum(integer), scale)
    result: dict[str, Any] = {
        "method": method, "weighting": weighting, "options": len(options),
        "option_order": options,
        "ballots": len(ballots), "total_weight": exact(total_weight),
        "groups": len({b.get("group") or f"\0{i}" for i, b in enumerate(ballots)}),
        "tie_break": TIE_BREAK,
    }
    if method == "ranked":
        d = pairwise(options, choices, ballot_weights, use_numpy)
        p = schulze_strengths(d, use_numpy)
        n = len(options)
        wins = {options[i]: sum(1 for j in range(n) if p[i][j] > p[j][i]) for i in range(n)}
        rows = _ranking(options, wins)
        for row in rows:
            row["beats"] = wins[row["option"]]
        result["pairwise"] = [[exact(value) for value in row] for row in d]
        result["strengths"] = [[exact(value) for value in row] for row in p]
    else:
        totals, support = _sums(method, options, choices, ballot_weights)
        rows = _ranking(options, totals)
        for row in rows:
            option = row["option"]
            row["score"] = exact(totals[option])
            row["score_shown"] = shown(totals[option])
            row["support"] = exact(support[option])
            if method == "score" and total_weight:
                row["average_shown"] = shown(totals[option] / total_weight)
    result["ranking"] = rows
    result["winner"] = rows[0]["option"] if rows and ballots else None
    result["ties"] = _ties(rows)
    return result


def count_file(data: Mapping[str, Any], use_numpy: bool | None = None) -> dict[str, Any]:
    """Recount an exported vote (format ``zwerm-ballots/1``, see docs/ballot-format.md).

    When the file holds the published result, the answer says whether the recount matches
    it (``matches_published``): the same order of options and the same exact numbers.
    """
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise BallotError(f"This is not a ballot file in the format {FORMAT}.")
    try:
        options = [option["id"] for option in data["options"]]
        ballots = data["ballots"]
        method = data["method"]
    except (KeyError, TypeError):
        raise BallotError("The file needs method, options (with id) and ballots.") from None
    result = count(
        method=method, options=options, ballots=ballots,
        weighting=data.get("weighting", "person"), dots=data.get("dots"), use_numpy=use_numpy,
    )
    published = data.get("result")
    if isinstance(published, Mapping):
        result["matches_published"] = _comparable(published) == _comparable(result)
    return result


def _comparable(result: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    keys = ("option", "rank", "score", "beats")
    return [tuple(row.get(key) for key in keys) for row in result.get("ranking", [])]
