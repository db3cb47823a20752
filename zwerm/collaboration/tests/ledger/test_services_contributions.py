"""The two-sided ledger: recording, correcting, acknowledging once, by the receiving side."""

from decimal import Decimal

import pytest

from zwerm.collaboration.models import Contribution, WorkingGroupRole
from zwerm.collaboration.services import ledger as services
from zwerm.collaboration.tests.ledger.helpers import (
    deliverable_in,
    in_days,
    member,
    scene,
    today,
)
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.models import Activity, Notification
from zwerm.ecosystems.models import Membership
from zwerm.ecosystems.tests.factories import EcosystemFactory

pytestmark = pytest.mark.django_db


def give(s, actor=None, **fields):
    fields.setdefault("type", "hours")
    fields.setdefault("quantity", "4")
    fields.setdefault("given_on", today())
    fields.setdefault("description", "Advies over de warmtekaart")
    if not {"deliverable", "working_group", "recipient", "commitment"} & set(fields):
        fields["deliverable"] = s.deliverable
    return services.contribution_record(actor=actor or s.giving, ecosystem=s.ecosystem,
                                        **fields)


def test_record_notifies_the_receiving_side_and_records_one_activity():
    s = scene()
    entry = give(s)
    assert not entry.is_acknowledged and entry.unit == "hours"
    activity = Activity.objects.get(verb="collaboration.contribution.recorded")
    assert activity.payload == {"type": "hours", "quantity": "4.00", "unit": "hours",
                                "given_on": today().isoformat(), "commitment": None}
    notes = Notification.objects.filter(kind="collaboration.acknowledgements")
    assert {n.recipient_id for n in notes} == {s.receiver_person.pk}


def test_paused_members_may_still_record_observers_and_outsiders_not():
    s = scene()
    paused, person = member(s.ecosystem, "Pauze", state=Membership.State.PAUSED)
    give(s, actor=Actor(person=person, organisation=paused))
    observer, watcher = member(s.ecosystem, "Kijker")
    Membership.objects.filter(organisation=observer).update(kind=Membership.Kind.OBSERVER)
    with pytest.raises(NotAllowed):
        give(s, actor=Actor(person=watcher, organisation=observer))
    with pytest.raises(NotAllowed):
        give(s, actor=Actor(person=s.giver_person, organisation=None))


def test_a_members_only_ledger_is_not_found_for_outsiders():
    s = scene("members")
    organisation, person = member(EcosystemFactory(), "Buiten")
    with pytest.raises(NotFound):
        give(s, actor=Actor(person=person, organisation=organisation))


@pytest.mark.parametrize("field, value", [
    ("quantity", "0"), ("quantity", "-3"), ("quantity", "1.001"), ("type", "gold"),
    ("given_on", in_days(1)), ("given_on", "gisteren"), ("description", "   "),
    ("unit", "x" * 31),
])
def test_bad_input_is_refused_on_its_field(field, value):
    s = scene()
    with pytest.raises(ValidationFailed) as error:
        give(s, **{field: value})
    assert field in error.value.fields
    assert not Contribution.objects.exists()


def test_a_receiver_is_required_and_must_belong_to_the_ecosystem():
    s = scene()
    with pytest.raises(ValidationFailed) as error:
        services.contribution_record(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                     quantity="1", given_on=today(), description="x")
    assert "recipient" in error.value.fields
    outsider, _person = member(EcosystemFactory(), "Elders")
    with pytest.raises(ValidationFailed) as error:
        give(s, recipient=outsider)
    assert "recipient" in error.value.fields
    with pytest.raises(ValidationFailed) as error:
        give(s, recipient=s.giver)
    assert "recipient" in error.value.fields
    with pytest.raises(ValidationFailed) as error:
        give(s, deliverable=deliverable_in(EcosystemFactory(), s.receiver))
    assert "deliverable" in error.value.fields
    with pytest.raises(ValidationFailed) as error:
        give(s, beneficiaries=[outsider])
    assert "beneficiaries" in error.value.fields


def test_a_value_needs_the_ecosystems_unit_of_account():
    s = scene()
    with pytest.raises(ValidationFailed) as error:
        give(s, value="100")
    assert "value" in error.value.fields
    s = scene(unit_of_account="euro")
    entry = give(s, value="100.5")
    assert entry.value == Decimal("100.50") and entry.value_unit == "euro"
    assert Activity.objects.filter(verb="collaboration.contribution.recorded").last() \
        .payload["value"] == "100.50"


def test_data_details_only_for_reusable_types_and_a_real_link():
    s = scene()
    entry = give(s, type="data", quantity="1", persistent_link="https://data.example.org/x",
                 licence="CC BY 4.0", format="CSV", schema="https://schema.org/Dataset")
    assert entry.unit == "datasets" and entry.licence == "CC BY 4.0"
    with pytest.raises(ValidationFailed) as error:
        give(s, type="data", quantity="1", persistent_link="javascript:alert(1)")
    assert "persistent_link" in error.value.fields
    with pytest.raises(ValidationFailed) as error:
        give(s, type="money", licence="CC0")
    assert "licence" in error.value.fields


def test_a_commitment_link_needs_the_same_organisation_type_and_unit():
    s = scene()
    commitment = services.commitment_make(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                          quantity="10", due_on=in_days(5),
                                          working_group=s.group)
    entry = give(s, commitment=commitment)
    assert entry.working_group == s.group  # goes where the commitment went
    with pytest.raises(ValidationFailed) as error:
        give(s, commitment=commitment, type="money")
    assert "commitment" in error.value.fields
    with pytest.raises(ValidationFailed) as error:
        give(s, commitment=commitment, unit="days")
    assert "commitment" in error.value.fields
    with pytest.raises(ValidationFailed) as error:
        give(s, actor=s.other, commitment=commitment)
    assert "commitment" in error.value.fields


def test_correct_until_acknowledged_then_final():
    s = scene()
    entry = give(s)
    with pytest.raises(NotAllowed):
        services.contribution_correct(actor=s.other, contribution=entry, quantity="5")
    with pytest.raises(ValidationFailed) as error:
        services.contribution_correct(actor=s.giving, contribution=entry, type="money")
    assert "type" in error.value.fields
    services.contribution_correct(actor=s.giving, contribution=entry, quantity="5",
                                  beneficiaries=[s.third])
    entry.refresh_from_db()
    assert entry.quantity == Decimal("5.00") and list(entry.beneficiaries.all()) == [s.third]
    corrected = Activity.objects.get(verb="collaboration.contribution.corrected")
    assert corrected.payload["changed"] == ["beneficiaries", "quantity"]
    services.contribution_acknowledge(actor=s.receiving, contribution=entry)
    with pytest.raises(Conflict):
        services.contribution_correct(actor=s.giving, contribution=entry, quantity="6")


def test_only_the_receiving_side_acknowledges_and_only_once():
    s = scene()
    entry = give(s)
    with pytest.raises(NotAllowed):
        services.contribution_acknowledge(actor=s.giving, contribution=entry)
    with pytest.raises(NotAllowed):
        services.contribution_acknowledge(actor=s.other, contribution=entry)
    services.contribution_acknowledge(actor=s.receiving, contribution=entry)
    entry.refresh_from_db()
    assert entry.acknowledged_for == s.receiver and entry.acknowledged_by == s.receiver_person
    activity = Activity.objects.get(verb="collaboration.contribution.acknowledged")
    assert activity.organisation_uuid == s.receiver.uuid
    with pytest.raises(Conflict):
        services.contribution_acknowledge(actor=s.receiving, contribution=entry)
    assert Activity.objects.filter(verb="collaboration.contribution.acknowledged").count() == 1


def test_the_receiving_side_follows_recipient_then_owner_then_group_roles():
    s = scene()
    to_third = give(s, recipient=s.third, deliverable=s.deliverable)
    with pytest.raises(NotAllowed):  # the recipient, not the deliverable's owner, answers
        services.contribution_acknowledge(actor=s.receiving, contribution=to_third)
    services.contribution_acknowledge(actor=s.other, contribution=to_third)
    to_group = give(s, working_group=s.group)
    services.contribution_acknowledge(actor=s.receiving, contribution=to_group)  # the lead
    own = deliverable_in(s.ecosystem, s.giver, s.group, title="Eigen resultaat")
    to_own = give(s, deliverable=own)  # the giver owns it: the group's lead answers
    services.contribution_acknowledge(actor=s.receiving, contribution=to_own)
    WorkingGroupRole.objects.all().delete()
    orphan = give(s, working_group=s.group)
    with pytest.raises(NotAllowed):
        services.contribution_acknowledge(actor=s.receiving, contribution=orphan)
