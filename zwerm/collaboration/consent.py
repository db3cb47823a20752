"""The consent rule and the poll count, as pure functions over plain data.

No Django here: the database code gathers who is asked and the current positions, this module
says whether the proposal is still open, adopted or not adopted, and why. That keeps the rule
readable, testable without a database, and the same for the page, the API and the periodic job.

Rules (see docs/collaboration-decisions.md):

- Only positions on the *current* version count; an amendment starts a new version, so earlier
  positions are asked again.
- One position per voter (a voter key is ``org:<uuid>`` in organisation mode, ``person:<uuid>``
  in person mode); positions of voters who are not (or no longer) asked do not count.
- An open objection blocks adoption. Consent, concern and abstain all allow it.
- Quorum: responded / eligible >= quorum %; abstaining counts as a response.
- A proposal is decided at its deadline, or earlier when every eligible voter has responded.
  With no one eligible it waits for the deadline and is then not adopted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

CONSENT = "consent"
ABSTAIN = "abstain"
CONCERN = "concern"
OBJECTION = "objection"
STANCES = (CONSENT, ABSTAIN, CONCERN, OBJECTION)

OPEN = "open"
ADOPTED = "adopted"
NOT_ADOPTED = "not_adopted"
DECIDED = "decided"  # a poll's state once counted

# Reason codes (the services turn them into translated sentences).
OPEN_OBJECTION = "open_objection"
QUORUM_NOT_MET = "quorum_not_met"
NO_ONE_ASKED = "no_one_asked"
DEADLINE_PASSED = "deadline_passed"
ALL_RESPONDED = "all_responded"


@dataclass(frozen=True)
class Stance:
    """A voter's current position on one version of a consent proposal."""

    voter: str
    stance: str
    version: int
    objection_open: bool = True

    @property
    def blocks(self) -> bool:
        return self.stance == OBJECTION and self.objection_open


@dataclass(frozen=True)
class Choice:
    """A voter's current option in a poll, on one version."""

    voter: str
    option: str
    version: int


@dataclass(frozen=True)
class ConsentResult:
    state: str
    reasons: tuple[str, ...]
    counts: dict[str, int]
    eligible: int
    responded: int
    open_objections: int
    quorum_percent: int | None
    quorum_met: bool
    missing: tuple[str, ...] = field(default=())

    @property
    def decided(self) -> bool:
        return self.state != OPEN

    def as_tally(self) -> dict:
        """A JSON-safe record of the count, stored with the decision."""
        return {
            "kind": "consent", "state": self.state, "reasons": list(self.reasons),
            "counts": dict(self.counts), "eligible": self.eligible,
            "responded": self.responded, "open_objections": self.open_objections,
            "quorum_percent": self.quorum_percent, "quorum_met": self.quorum_met,
        }


@dataclass(frozen=True)
class PollResult:
    state: str
    reasons: tuple[str, ...]
    counts: dict[str, int]
    eligible: int
    responded: int
    leaders: tuple[str, ...]
    missing: tuple[str, ...] = field(default=())

    @property
    def decided(self) -> bool:
        return self.state != OPEN

    def as_tally(self) -> dict:
        return {
            "kind": "poll", "state": self.state, "reasons": list(self.reasons),
            "counts": dict(self.counts), "eligible": self.eligible,
            "responded": self.responded, "leaders": list(self.leaders),
        }


def _current(items, eligible: frozenset[str], version: int) -> dict:
    """The items of the current version from eligible voters, one per voter."""
    current: dict = {}
    for item in items:
        if item.version != version or item.voter not in eligible:
            continue
        if item.voter in current:
            raise ValueError(f"Voter {item.voter!r} has more than one current position.")
        current[item.voter] = item
    return current


def quorum_met(*, eligible: int, responded: int, quorum_percent: int | None) -> bool:
    """Met when no quorum is set, or responded / eligible reaches the percentage."""
    if quorum_percent is None:
        return True
    if eligible <= 0:
        return False
    return responded * 100 >= quorum_percent * eligible


def _timing(*, eligible: int, responded: int, deadline: datetime, now: datetime) -> str | None:
    if now >= deadline:
        return DEADLINE_PASSED
    if eligible > 0 and responded >= eligible:
        return ALL_RESPONDED
    return None


def consent_outcome(
    *, eligible: frozenset[str] | set[str], positions: tuple[Stance, ...] | list[Stance],
    version: int, quorum_percent: int | None, deadline: datetime, now: datetime,
) -> ConsentResult:
    """Whether a consent proposal is open, adopted or not adopted, with reasons and counts."""
    if quorum_percent is not None and not 1 <= quorum_percent <= 100:
        raise ValueError("quorum_percent must be between 1 and 100, or None.")
    eligible = frozenset(eligible)
    for position in positions:
        if position.stance not in STANCES:
            raise ValueError(f"Unknown stance {position.stance!r}.")
    current = _current(positions, eligible, version)
    counts = Counter(dict.fromkeys(STANCES, 0))
    counts.update(position.stance for position in current.values())
    responded = len(current)
    blocking = sum(1 for position in current.values() if position.blocks)
    met = quorum_met(eligible=len(eligible), responded=responded, quorum_percent=quorum_percent)
    reasons: list[str] = []
    if blocking:
        reasons.append(OPEN_OBJECTION)
    if not eligible:
        reasons.append(NO_ONE_ASKED)
    elif not met:
        reasons.append(QUORUM_NOT_MET)
    timing = _timing(eligible=len(eligible), responded=responded, deadline=deadline, now=now)
    if timing is None:
        state = OPEN
    else:
        reasons.append(timing)
        state = ADOPTED if not blocking and eligible and met else NOT_ADOPTED
    return ConsentResult(
        state=state, reasons=tuple(reasons), counts=dict(counts), eligible=len(eligible),
        responded=responded, open_objections=blocking, quorum_percent=quorum_percent,
        quorum_met=met, missing=tuple(sorted(eligible - set(current))),
    )


def poll_outcome(
    *, eligible: frozenset[str] | set[str], choices: tuple[Choice, ...] | list[Choice],
    options: tuple[str, ...] | list[str], version: int, deadline: datetime, now: datetime,
) -> PollResult:
    """A poll's count per option (in the options' order), decided at the deadline or when
    every eligible voter has chosen."""
    eligible = frozenset(eligible)
    known = set(options)
    for choice in choices:
        if choice.option not in known:
            raise ValueError(f"Unknown option {choice.option!r}.")
    current = _current(choices, eligible, version)
    counts = dict.fromkeys(options, 0)
    for choice in current.values():
        counts[choice.option] += 1
    top = max(counts.values(), default=0)
    leaders = tuple(option for option in options if top > 0 and counts[option] == top)
    responded = len(current)
    timing = _timing(eligible=len(eligible), responded=responded, deadline=deadline, now=now)
    reasons = [] if eligible else [NO_ONE_ASKED]
    if timing is not None:
        reasons.append(timing)
    return PollResult(
        state=OPEN if timing is None else DECIDED, reasons=tuple(reasons), counts=counts,
        eligible=len(eligible), responded=responded, leaders=leaders,
        missing=tuple(sorted(eligible - set(current))),
    )
