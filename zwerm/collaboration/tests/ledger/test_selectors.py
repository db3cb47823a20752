"""Selectors: lists with filters, what waits for my acknowledgement, balances, kept on time."""

from datetime import timedelta
from decimal import Decimal

import pytest

from zwerm.collaboration import balances as pure
from zwerm.collaboration.models import Commitment
from zwerm.collaboration.selectors import ledger as selectors
from zwerm.collaboration.services import ledger as services
from zwerm.collaboration.tests.ledger.helpers import in_days, scene, today

pytestmark = pytest.mark.django_db


def give(s, actor=None, **fields):
    fields.setdefault("type", "hours")
    fields.setdefault("quantity", "4")
    fields.setdefault("given_on", today())
    fields.setdefault("description", "Werk")
    if not {"deliverable", "working_group", "recipient", "commitment"} & set(fields):
        fields["deliverable"] = s.deliverable
    return services.contribution_record(actor=actor or s.giving, ecosystem=s.ecosystem,
                                        **fields)


def test_contribution_filters():
    s = scene()
    a = give(s)
    b = give(s, type="money", quantity="50", recipient=s.third)
    services.contribution_acknowledge(actor=s.other, contribution=b)

    def uuids(**filters):
        return {c.uuid for c in selectors.contribution_list(viewer=None, ecosystem=s.ecosystem,
                                                            **filters)}

    assert uuids() == {a.uuid, b.uuid}
    assert uuids(type="money") == {b.uuid}
    assert uuids(acknowledged=False) == {a.uuid}
    assert uuids(organisation=s.third) == {b.uuid}
    assert uuids(organisation=s.receiver) == {a.uuid}  # owner of the deliverable
    assert uuids(deliverable=s.deliverable) == {a.uuid}
    assert uuids(working_group=s.group) == set()


def test_members_only_ledgers_are_empty_for_outsiders():
    s = scene("members")
    give(s)
    assert not selectors.contribution_list(viewer=None, ecosystem=s.ecosystem).exists()
    assert selectors.balances_for(ecosystem=s.ecosystem, viewer=None) is None
    assert selectors.contribution_list(viewer=s.third_person, ecosystem=s.ecosystem).exists()


def test_awaiting_acknowledgement_matches_who_may_acknowledge():
    s = scene()
    to_receiver = give(s)
    to_third = give(s, recipient=s.third)
    to_group = give(s, working_group=s.group)
    waiting = selectors.awaiting_acknowledgement(person=s.receiver_person, ecosystem=s.ecosystem)
    assert {c.uuid for c in waiting} == {to_receiver.uuid, to_group.uuid}
    assert {c.uuid for c in selectors.awaiting_acknowledgement(
        person=s.third_person, ecosystem=s.ecosystem)} == {to_third.uuid}
    assert not selectors.awaiting_acknowledgement(person=s.giver_person,
                                                  ecosystem=s.ecosystem).exists()
    services.contribution_acknowledge(actor=s.receiving, contribution=to_receiver)
    assert {c.uuid for c in selectors.awaiting_acknowledgement(
        person=s.receiver_person, ecosystem=s.ecosystem)} == {to_group.uuid}


def test_balances_split_among_beneficiaries_and_keep_units_apart():
    s = scene(unit_of_account="euro")
    give(s, quantity="10", beneficiaries=[s.receiver, s.third], value="300")
    give(s, type="money", quantity="100", recipient=s.third)
    view = selectors.balances_for(ecosystem=s.ecosystem, viewer=None)
    hours = ("hours", "hours")
    q = view.balances.quantities
    assert q[s.giver.pk][hours].given_pending == Decimal("10.00")
    assert q[s.receiver.pk][hours].taken_pending == Decimal("5.00")
    assert q[s.third.pk][hours].taken_pending == Decimal("5.00")
    assert q[s.third.pk][("money", "EUR")].taken_pending == Decimal("100.00")
    assert view.balances.values[s.giver.pk]["euro"].given_pending == Decimal("300.00")
    assert view.name(s.giver.pk) == "Bouwkring"


def test_group_members_take_when_nobody_else_is_named():
    s = scene()
    give(s, working_group=s.group, quantity="3")
    view = selectors.balances_for(ecosystem=s.ecosystem, viewer=None)
    assert view.balances.quantities[s.receiver.pk][("hours", "hours")].taken_pending == \
        Decimal("3.00")


def test_commitment_progress_and_kept_on_time():
    s = scene()
    on_time = services.commitment_make(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                       quantity="4", due_on=today(), deliverable=s.deliverable)
    give(s, commitment=on_time)
    late = services.commitment_make(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                    quantity="8", due_on=in_days(2), deliverable=s.deliverable)
    Commitment.objects.filter(pk=late.pk).update(due_on=today() - timedelta(days=3))
    give(s, commitment=late, quantity="2")
    listed = {c.uuid: c for c in selectors.commitment_list(viewer=None, ecosystem=s.ecosystem)}
    progress = selectors.commitment_progress(listed[late.uuid])
    assert (progress.delivered, progress.promised, progress.percent, progress.overdue) == (
        Decimal("2.00"), Decimal("8.00"), 25, True)
    assert {c.uuid for c in selectors.commitment_list(viewer=None, ecosystem=s.ecosystem,
                                                      state="overdue")} == {late.uuid}
    assert {c.uuid for c in selectors.open_commitments_of(ecosystem=s.ecosystem,
                                                          organisation=s.giver)} == {late.uuid}
    kept = selectors.kept_on_time(ecosystem=s.ecosystem, organisation=s.giver)
    assert kept == pure.Kept(due=2, fulfilled=1, on_time=1, open_overdue=1, open=1)
    assert kept.share_on_time == Decimal("50")
    rows = selectors.kept_on_time_per_organisation(ecosystem=s.ecosystem)
    assert [(o.pk, k.on_time) for o, k in rows] == [(s.giver.pk, 1)]


def test_handed_over_chain_is_loaded_with_the_commitment():
    s = scene()
    first = services.commitment_make(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                     quantity="4", due_on=in_days(3), deliverable=s.deliverable)
    Commitment.objects.filter(pk=first.pk).update(state="handed_over")
    second = Commitment.objects.create(
        ecosystem=s.ecosystem, organisation=s.third, deliverable=s.deliverable, type="hours",
        quantity="4", unit="hours", due_on=in_days(3), handed_over_from=first)
    found = selectors.commitment_detail(viewer=None, ecosystem=s.ecosystem, uuid=first.uuid)
    assert [c.uuid for c in found.handed_over_to.all()] == [second.uuid]
    again = selectors.commitment_detail(viewer=None, ecosystem=s.ecosystem, uuid=second.uuid)
    assert again.handed_over_from.organisation == s.giver
