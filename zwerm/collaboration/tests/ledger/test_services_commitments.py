"""Commitments: making, changing, releasing, fulfilment from linked contributions."""

from decimal import Decimal

import pytest

from zwerm.collaboration.models import Commitment, HandOver
from zwerm.collaboration.services import ledger as services
from zwerm.collaboration.tests.ledger.helpers import in_days, member, scene, today
from zwerm.core import verbs
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.models import Activity
from zwerm.ecosystems.models import Membership, Role
from zwerm.ecosystems.tests.factories import EcosystemFactory, RoleFactory
from zwerm.organisations.tests.factories import person_in

pytestmark = pytest.mark.django_db


def commit(s, **fields):
    fields.setdefault("type", "hours")
    fields.setdefault("quantity", "10")
    fields.setdefault("due_on", in_days(14))
    if not {"deliverable", "working_group", "initiative"} & set(fields):
        fields["deliverable"] = s.deliverable
    return services.commitment_make(actor=s.giving, ecosystem=s.ecosystem, **fields)


def test_commit_to_a_deliverable_records_one_activity():
    s = scene()
    commitment = commit(s, description="Twee adviseurs")
    assert commitment.state == "open" and commitment.unit == "hours"
    assert commitment.quantity == Decimal("10.00")
    activity = Activity.objects.get(verb="collaboration.commitment.made")
    assert activity.payload["quantity"] == "10.00" and activity.payload["type"] == "hours"
    assert activity.payload["target"] == {"kind": "deliverable",
                                          "uuid": str(s.deliverable.uuid)}


def test_commit_to_a_working_group_and_default_units():
    s = scene()
    commitment = commit(s, working_group=s.group, type="money", quantity="250.5")
    assert commitment.unit == "EUR" and commitment.quantity == Decimal("250.50")


@pytest.mark.parametrize("quantity", ["0", "-1", "abc", "1.234", "", None, "1e20", "NaN"])
def test_bad_quantities_are_refused_on_the_field(quantity):
    s = scene()
    with pytest.raises(ValidationFailed) as error:
        commit(s, quantity=quantity)
    assert "quantity" in error.value.fields
    assert not Commitment.objects.exists()


def test_bad_type_date_and_targets():
    s = scene()
    with pytest.raises(ValidationFailed) as error:
        commit(s, type="love")
    assert "type" in error.value.fields
    with pytest.raises(ValidationFailed) as error:
        commit(s, due_on="next week")
    assert "due_on" in error.value.fields
    with pytest.raises(ValidationFailed) as error:
        commit(s, due_on=in_days(-1))
    assert "due_on" in error.value.fields
    with pytest.raises(ValidationFailed) as error:
        commit(s, deliverable=s.deliverable, working_group=s.group)
    assert "target" in error.value.fields
    other = scene()
    with pytest.raises(ValidationFailed):
        commit(s, deliverable=other.deliverable)
    s.group.archived_at = s.group.created_at
    s.group.save()
    with pytest.raises(ValidationFailed) as error:
        commit(s, working_group=s.group)
    assert "target" in error.value.fields


def test_only_active_members_commit():
    s = scene()
    paused, person = member(s.ecosystem, "Pauze", state=Membership.State.PAUSED)
    with pytest.raises(NotAllowed):
        services.commitment_make(actor=Actor(person=person, organisation=paused),
                                 ecosystem=s.ecosystem, type="hours", quantity="1",
                                 due_on=in_days(3), deliverable=s.deliverable)
    with pytest.raises(NotAllowed):
        services.commitment_make(actor=Actor(person=None), ecosystem=s.ecosystem, type="hours",
                                 quantity="1", due_on=in_days(3), deliverable=s.deliverable)


def test_members_only_ecosystem_is_not_found_for_outsiders():
    s = scene("members")
    outsider_ecosystem = EcosystemFactory()
    organisation, person = member(outsider_ecosystem, "Buiten")
    with pytest.raises(NotFound):
        services.commitment_make(actor=Actor(person=person, organisation=organisation),
                                 ecosystem=s.ecosystem, type="hours", quantity="1",
                                 due_on=in_days(3), deliverable=s.deliverable)


def test_update_while_open_by_the_same_organisation():
    s = scene()
    commitment = commit(s)
    services.commitment_update(actor=s.giving, commitment=commitment, quantity="12",
                               description="Meer")
    commitment.refresh_from_db()
    assert commitment.quantity == Decimal("12.00")
    assert Activity.objects.filter(verb="collaboration.commitment.updated").count() == 1
    services.commitment_update(actor=s.giving, commitment=commitment, quantity="12")
    assert Activity.objects.filter(verb="collaboration.commitment.updated").count() == 1
    with pytest.raises(NotAllowed):
        services.commitment_update(actor=s.other, commitment=commitment, quantity="1")
    with pytest.raises(ValidationFailed) as error:
        services.commitment_update(actor=s.giving, commitment=commitment, type="money")
    assert "type" in error.value.fields


def test_moving_the_date_clears_the_reminder_so_it_is_reminded_again():
    s = scene()
    commitment = commit(s, due_on=in_days(3))
    assert services.commitments_remind_due() == 1
    commitment.refresh_from_db()
    assert commitment.reminded_at is not None
    services.commitment_update(actor=s.giving, commitment=commitment, description="Meer")
    commitment.refresh_from_db()
    assert commitment.reminded_at is not None  # only a new date asks for a new reminder
    services.commitment_update(actor=s.giving, commitment=commitment, due_on=in_days(5))
    commitment.refresh_from_db()
    assert commitment.reminded_at is None and commitment.due_on == in_days(5)
    assert services.commitments_remind_due() == 1
    assert Activity.objects.filter(verb="collaboration.commitment.reminded").count() == 2


def test_release_needs_a_reason_and_stays_visible():
    s = scene()
    commitment = commit(s)
    with pytest.raises(ValidationFailed) as error:
        services.commitment_release(actor=s.giving, commitment=commitment, reason="  ")
    assert "reason" in error.value.fields
    with pytest.raises(NotAllowed):
        services.commitment_release(actor=s.other, commitment=commitment, reason="Weg")
    services.commitment_release(actor=s.giving, commitment=commitment, reason="Geen tijd")
    commitment.refresh_from_db()
    assert commitment.state == "released" and commitment.closed_reason == "Geen tijd"
    record = HandOver.objects.get(commitment=commitment)  # what the export shows
    assert record.state == HandOver.State.RELEASED and record.to_organisation is None
    assert record.from_organisation == s.giver and record.note == "Geen tijd"
    assert record.requested_by == s.giver_person and record.answered_at is not None
    released = Activity.objects.get(verb="collaboration.commitment.released")
    assert released.payload["hand_over"] == str(record.uuid)
    with pytest.raises(Conflict):
        services.commitment_release(actor=s.giving, commitment=commitment, reason="Nog eens")
    with pytest.raises(Conflict):
        services.commitment_update(actor=s.giving, commitment=commitment, quantity="3")


def test_linked_contributions_fulfil_the_commitment_on_time():
    s = scene()
    commitment = commit(s)
    for hours in ("4", "6"):
        services.contribution_record(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                     quantity=hours, given_on=today(), description="Werk",
                                     commitment=commitment)
    commitment.refresh_from_db()
    assert commitment.state == "fulfilled" and commitment.fulfilled_on == today()
    assert services.delivered_of(commitment) == Decimal("10.00")
    fulfilled = Activity.objects.get(verb="collaboration.commitment.fulfilled")
    assert fulfilled.payload["on_time"] is True


def test_a_correction_below_the_promise_opens_it_again():
    s = scene()
    commitment = commit(s, quantity="4")
    entry = services.contribution_record(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                         quantity="4", given_on=today(), description="Werk",
                                         commitment=commitment)
    commitment.refresh_from_db()
    assert commitment.state == "fulfilled"
    services.contribution_correct(actor=s.giving, contribution=entry, quantity="3")
    commitment.refresh_from_db()
    assert commitment.state == "open" and commitment.fulfilled_at is None
    reopened = Activity.objects.get(verb="collaboration.commitment.reopened")
    assert verbs.get("collaboration.commitment.reopened") is not None
    assert reopened.subject_uuid == commitment.uuid
    assert reopened.payload["delivered"] == "3.00" and reopened.payload["quantity"] == "4.00"
    assert reopened.seq > Activity.objects.get(verb="collaboration.contribution.corrected").seq


def test_reminders_go_out_once_for_commitments_due_within_a_week():
    from zwerm.core.models import Notification

    s = scene()
    soon = commit(s, due_on=in_days(3))
    commit(s, due_on=in_days(20))
    assert services.commitments_remind_due() == 1
    assert services.commitments_remind_due() == 0
    soon.refresh_from_db()
    assert soon.reminded_at is not None
    notes = Notification.objects.filter(kind="collaboration.commitments")
    assert {n.recipient_id for n in notes} == {s.giver_person.pk}


def test_release_is_for_who_speaks_for_the_organisation_acting_for_it():
    s = scene()
    commitment = commit(s)
    colleague = Actor(person=person_in(s.giver), organisation=s.giver)
    with pytest.raises(NotAllowed) as error:
        services.commitment_release(actor=colleague, commitment=commitment, reason="Weg")
    assert error.value.code == "not_speaker"
    # The colleague still changes it: changing is for everyone of the organisation.
    services.commitment_update(actor=colleague, commitment=commitment, quantity="8")
    with pytest.raises(NotAllowed):
        services.commitment_release(
            actor=Actor(person=s.giver_person, organisation=s.third), commitment=commitment,
            reason="Weg")
    delegate = person_in(s.giver)
    RoleFactory(ecosystem=s.ecosystem, organisation=s.giver, person=delegate,
                name=Role.Name.DELEGATE)
    services.commitment_release(actor=Actor(person=delegate, organisation=s.giver),
                                commitment=commitment, reason="Andere prioriteiten")
    assert Commitment.objects.get(pk=commitment.pk).state == "released"
    assert not HandOver.objects.exclude(state=HandOver.State.RELEASED).exists()


def test_a_pending_hand_over_blocks_release_and_change_until_withdrawn():
    from zwerm.collaboration.services import elasticity

    s = scene()
    commitment = commit(s)
    hand_over = elasticity.hand_over_request(actor=s.giving, commitment=commitment,
                                             to_organisation=s.receiver)
    with pytest.raises(Conflict) as error:
        services.commitment_release(actor=s.giving, commitment=commitment, reason="Weg")
    assert error.value.code == "pending"
    with pytest.raises(Conflict) as error:
        services.commitment_update(actor=s.giving, commitment=commitment, quantity="3")
    assert error.value.code == "pending"
    commitment.refresh_from_db()
    assert commitment.state == "open" and commitment.quantity == 10
    assert not Activity.objects.filter(verb__in=["collaboration.commitment.released",
                                                 "collaboration.commitment.updated"]).exists()
    elasticity.hand_over_withdraw(actor=s.giving, hand_over=hand_over)
    services.commitment_update(actor=s.giving, commitment=commitment, quantity="3")
    services.commitment_release(actor=s.giving, commitment=commitment, reason="Weg")
    assert sorted(HandOver.objects.values_list("state", flat=True)) == ["released",
                                                                       "withdrawn"]
