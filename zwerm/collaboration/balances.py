"""Give/take balances and "kept on time" as pure functions over plain rows (no Django).

Reciprocity is only visible when the arithmetic can be trusted, so:

- quantities are added only within one (type, unit) pair: hours never meet euros, and
  hours never meet days;
- values in the ecosystem's unit of account are added only within one value unit;
- every amount is a ``Decimal`` with two places; a split among several takers hands out
  whole cents, so the takes always add up to exactly what was given;
- acknowledged and not yet acknowledged amounts are kept apart.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_DOWN, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

#: The taker when nobody more precise can be named: the ecosystem as a whole.
COMMONS = "__commons__"


@dataclass(frozen=True)
class Entry:
    """One contribution as the balances see it."""

    giver: Hashable
    takers: tuple[Hashable, ...]
    type: str
    unit: str
    quantity: Decimal
    acknowledged: bool = False
    value: Decimal | None = None
    value_unit: str = ""


@dataclass
class Line:
    """What one organisation (or the ecosystem) gave and took of one kind of amount."""

    given: Decimal = ZERO
    taken: Decimal = ZERO
    given_pending: Decimal = ZERO
    taken_pending: Decimal = ZERO

    @property
    def given_total(self) -> Decimal:
        return self.given + self.given_pending

    @property
    def taken_total(self) -> Decimal:
        return self.taken + self.taken_pending

    @property
    def net(self) -> Decimal:
        """Acknowledged giving minus acknowledged taking."""
        return self.given - self.taken

    @property
    def net_total(self) -> Decimal:
        return self.given_total - self.taken_total

    def add_given(self, amount: Decimal, acknowledged: bool) -> None:
        if acknowledged:
            self.given += amount
        else:
            self.given_pending += amount

    def add_taken(self, amount: Decimal, acknowledged: bool) -> None:
        if acknowledged:
            self.taken += amount
        else:
            self.taken_pending += amount


Key = tuple[str, str]  # (type, unit)


@dataclass
class Balances:
    """Per organisation: lines per (type, unit) and per value unit; totals of the whole."""

    quantities: dict[Hashable, dict[Key, Line]] = field(default_factory=dict)
    values: dict[Hashable, dict[str, Line]] = field(default_factory=dict)
    totals: dict[Key, Line] = field(default_factory=dict)
    value_totals: dict[str, Line] = field(default_factory=dict)

    def organisations(self) -> list[Hashable]:
        return list({*self.quantities, *self.values})


def takers_of(
    *,
    beneficiaries: Sequence[Hashable] = (),
    recipient: Hashable | None = None,
    deliverable_owner: Hashable | None = None,
    group_members: Sequence[Hashable] = (),
) -> tuple[Hashable, ...]:
    """Who takes a contribution: the beneficiaries when named, else the receiving
    organisation, else the deliverable's owner, else the working group's member
    organisations, else the ecosystem as a whole."""
    for candidates in (beneficiaries, [recipient], [deliverable_owner], group_members):
        chosen = _unique(c for c in candidates if c is not None)
        if chosen:
            return chosen
    return (COMMONS,)


def _unique(items: Iterable[Hashable]) -> tuple[Hashable, ...]:
    seen: dict[Hashable, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return tuple(seen)


def quantize(amount: Decimal) -> Decimal:
    return Decimal(amount).quantize(CENT)


def split(amount: Decimal, parts: int) -> list[Decimal]:
    """Split into ``parts`` shares of whole cents that add up exactly to ``amount``; the
    first shares take the leftover cents."""
    if parts < 1:
        raise ValueError("Split among at least one taker.")
    amount = quantize(amount)
    share = (amount / parts).quantize(CENT, rounding=ROUND_DOWN)
    leftover = int((amount - share * parts) / CENT)
    return [share + CENT if index < leftover else share for index in range(parts)]


def _line(table: dict, owner: Hashable, key: Hashable) -> Line:
    return table.setdefault(owner, {}).setdefault(key, Line())


def balances(entries: Iterable[Entry]) -> Balances:
    """Give and take of every organisation, kept apart per (type, unit) and value unit."""
    result = Balances()
    for entry in entries:
        key = (entry.type, entry.unit)
        quantity = quantize(entry.quantity)
        ack = entry.acknowledged
        _line(result.quantities, entry.giver, key).add_given(quantity, ack)
        result.totals.setdefault(key, Line()).add_given(quantity, ack)
        takers = entry.takers or (COMMONS,)
        for taker, share in zip(takers, split(quantity, len(takers)), strict=True):
            _line(result.quantities, taker, key).add_taken(share, ack)
            result.totals[key].add_taken(share, ack)
        if entry.value is not None and entry.value_unit:
            value = quantize(entry.value)
            _line(result.values, entry.giver, entry.value_unit).add_given(value, ack)
            result.value_totals.setdefault(entry.value_unit, Line()).add_given(value, ack)
            for taker, share in zip(takers, split(value, len(takers)), strict=True):
                _line(result.values, taker, entry.value_unit).add_taken(share, ack)
                result.value_totals[entry.value_unit].add_taken(share, ack)
    return result


# Commitments kept on time ------------------------------------------------------------------


@dataclass(frozen=True)
class Promise:
    """One commitment as "kept on time" sees it. ``fulfilled_on`` is the date of the
    contribution that completed it."""

    state: str  # open, fulfilled, released, handed_over
    due_on: date
    fulfilled_on: date | None = None


@dataclass(frozen=True)
class Kept:
    due: int
    fulfilled: int
    on_time: int
    open_overdue: int
    open: int

    @property
    def share_on_time(self) -> Decimal | None:
        """Percentage of due commitments fulfilled on time (None when none is due yet)."""
        if not self.due:
            return None
        return (Decimal(self.on_time * 100) / self.due).quantize(Decimal("1"))


def kept_on_time(promises: Iterable[Promise], *, today: date) -> Kept:
    """Count what an organisation promised and kept.

    Released and handed-over commitments count for nothing here: the organisation said in
    time that it would not deliver, or another took it over. A commitment is *due* once its
    date has passed or it was fulfilled; it is *kept on time* when fulfilled by its date.
    """
    due = fulfilled = on_time = overdue = still_open = 0
    for promise in promises:
        if promise.state == "fulfilled":
            due += 1
            fulfilled += 1
            if promise.fulfilled_on is not None and promise.fulfilled_on <= promise.due_on:
                on_time += 1
        elif promise.state == "open":
            still_open += 1
            if promise.due_on < today:
                due += 1
                overdue += 1
    return Kept(due=due, fulfilled=fulfilled, on_time=on_time, open_overdue=overdue,
                open=still_open)
