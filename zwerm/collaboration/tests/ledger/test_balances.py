"""The pure balance arithmetic: exact, never mixing units, gives equal takes."""

import random
from datetime import date
from decimal import Decimal

import pytest

from zwerm.collaboration import balances as b


def entry(giver, takers, quantity, type_="hours", unit="hours", ack=True, value=None,
          value_unit=""):
    return b.Entry(giver=giver, takers=tuple(takers), type=type_, unit=unit,
                   quantity=Decimal(quantity), acknowledged=ack,
                   value=None if value is None else Decimal(value), value_unit=value_unit)


def test_split_hands_out_whole_cents_that_add_up():
    assert b.split(Decimal("10"), 3) == [Decimal("3.34"), Decimal("3.33"), Decimal("3.33")]
    assert sum(b.split(Decimal("0.01"), 4)) == Decimal("0.01")
    with pytest.raises(ValueError):
        b.split(Decimal("1"), 0)


def test_hours_never_meet_euros_nor_days():
    result = b.balances([
        entry("a", ["b"], "4"),
        entry("a", ["b"], "100", type_="money", unit="EUR"),
        entry("a", ["b"], "2", type_="facilities", unit="days"),
        entry("a", ["b"], "3", type_="facilities", unit="hours"),
    ])
    lines = result.quantities["a"]
    assert set(lines) == {("hours", "hours"), ("money", "EUR"), ("facilities", "days"),
                          ("facilities", "hours")}
    assert lines[("hours", "hours")].given == Decimal("4.00")
    assert lines[("facilities", "days")].given == Decimal("2.00")
    assert result.quantities["b"][("money", "EUR")].taken == Decimal("100.00")


def test_acknowledged_and_pending_are_kept_apart():
    result = b.balances([entry("a", ["b"], "4"), entry("a", ["b"], "6", ack=False)])
    line = result.quantities["a"][("hours", "hours")]
    assert (line.given, line.given_pending, line.given_total) == (
        Decimal("4.00"), Decimal("6.00"), Decimal("10.00"))
    taken = result.quantities["b"][("hours", "hours")]
    assert (taken.taken, taken.taken_pending) == (Decimal("4.00"), Decimal("6.00"))
    assert line.net == Decimal("4.00") and taken.net_total == Decimal("-10.00")


def test_values_only_add_up_within_one_unit_of_account():
    result = b.balances([
        entry("a", ["b"], "4", value="200", value_unit="EUR"),
        entry("a", ["b"], "1", value="3", value_unit="hour equivalents"),
        entry("a", ["b"], "1"),  # no value: counts in quantities only
    ])
    assert result.values["a"]["EUR"].given == Decimal("200.00")
    assert result.values["a"]["hour equivalents"].given == Decimal("3.00")
    assert result.value_totals["EUR"].taken == Decimal("200.00")


def test_takers_fall_back_in_order():
    assert b.takers_of(beneficiaries=[3, 2, 3], recipient=9) == (3, 2)
    assert b.takers_of(recipient=9, deliverable_owner=8) == (9,)
    assert b.takers_of(deliverable_owner=8, group_members=[1, 2]) == (8,)
    assert b.takers_of(group_members=[1, 2]) == (1, 2)
    assert b.takers_of() == (b.COMMONS,)


@pytest.mark.parametrize("seed", range(25))
def test_property_gives_equal_takes_per_type_and_unit(seed):
    rng = random.Random(seed)
    kinds = [("hours", "hours"), ("money", "EUR"), ("facilities", "days"), ("data", "sets")]
    organisations = list("abcdef")
    entries = []
    for _ in range(rng.randint(1, 40)):
        type_, unit = rng.choice(kinds)
        takers = rng.sample(organisations, rng.randint(1, 4))
        quantity = Decimal(rng.randint(1, 100000)) / 100
        value = Decimal(rng.randint(0, 100000)) / 100 if rng.random() < 0.5 else None
        entries.append(entry(rng.choice(organisations), takers, quantity, type_, unit,
                             ack=rng.random() < 0.5, value=value,
                             value_unit="EUR" if value is not None else ""))
    result = b.balances(entries)
    for key in {(e.type, e.unit) for e in entries}:
        given = sum((lines[key].given_total for lines in result.quantities.values()
                     if key in lines), Decimal(0))
        taken = sum((lines[key].taken_total for lines in result.quantities.values()
                     if key in lines), Decimal(0))
        expected = sum((e.quantity for e in entries if (e.type, e.unit) == key), Decimal(0))
        assert given == taken == expected
        assert result.totals[key].given_total == result.totals[key].taken_total == expected
        acknowledged = sum((e.quantity for e in entries if (e.type, e.unit) == key
                            and e.acknowledged), Decimal(0))
        assert result.totals[key].given == result.totals[key].taken == acknowledged
    for lines in result.quantities.values():
        for type_, unit in lines:
            assert (type_, unit) in kinds  # no line ever mixes a type with another's unit
    values = [e.value for e in entries if e.value is not None]
    if values:
        assert result.value_totals["EUR"].given_total == sum(values)
        assert result.value_totals["EUR"].taken_total == sum(values)


def test_kept_on_time_counts_due_fulfilled_and_overdue():
    today = date(2026, 6, 15)
    promises = [
        b.Promise("fulfilled", date(2026, 6, 10), date(2026, 6, 9)),   # on time
        b.Promise("fulfilled", date(2026, 6, 10), date(2026, 6, 12)),  # late
        b.Promise("open", date(2026, 6, 1)),                            # overdue
        b.Promise("open", date(2026, 7, 1)),                            # not yet due
        b.Promise("released", date(2026, 6, 1)),                        # not counted
        b.Promise("handed_over", date(2026, 6, 1)),                     # not counted
    ]
    kept = b.kept_on_time(promises, today=today)
    assert (kept.due, kept.fulfilled, kept.on_time, kept.open_overdue, kept.open) == (
        3, 2, 1, 1, 2)
    assert kept.share_on_time == Decimal("33")
    assert b.kept_on_time([], today=today).share_on_time is None
