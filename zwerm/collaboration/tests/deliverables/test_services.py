"""Deliverables: who may add and change them, what they accept, and the state flow; every
change is one activity."""

import datetime

import pytest
from django.utils import timezone

from zwerm.collaboration.models import Deliverable
from zwerm.collaboration.services.deliverables import (
    deliverable_create,
    deliverable_state_set,
    deliverable_update,
)
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.models import Activity
from zwerm.ecosystems.models import Membership, Role
from zwerm.ecosystems.tests.factories import RoleFactory, member_organisation
from zwerm.organisations.models import OrganisationMember
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


def verbs():
    return list(Activity.objects.filter(verb__startswith="collaboration.").order_by("seq")
                .values_list("verb", flat=True))


def test_create_defaults_the_owner_and_records(setup):
    due = timezone.localdate() + datetime.timedelta(days=30)
    deliverable = setup.deliverable(description="**Een** handboek", due_on=due)
    assert deliverable.owner == setup.org and deliverable.created_by == setup.owner.person
    assert deliverable.state == Deliverable.State.PLANNED and deliverable.due_on == due
    activity = Activity.objects.get(verb="collaboration.deliverable.created")
    assert activity.ecosystem_uuid == setup.ecosystem.uuid
    assert activity.organisation_uuid == setup.org.uuid
    assert activity.payload["owner"] == str(setup.org.uuid)


def test_create_for_another_member_and_in_a_working_group(setup):
    """A facilitator may make another member organisation the owner."""
    setup.join(setup.fac)
    deliverable = setup.deliverable(owner=setup.other_org, working_group=setup.group,
                                    actor=setup.fac)
    assert deliverable.owner == setup.other_org and deliverable.working_group == setup.group


def speaker_for(setup, kind):
    """Someone acting for ``setup.org`` who also speaks for ``setup.other_org``: one of its
    admins, or its delegate in the ecosystem."""
    person = person_in(setup.org)
    role = OrganisationMember.Role.ADMIN if kind == "admin" else OrganisationMember.Role.MEMBER
    OrganisationMember.objects.create(organisation=setup.other_org, person=person, role=role)
    if kind == "delegate":
        RoleFactory(ecosystem=setup.ecosystem, organisation=setup.other_org, person=person,
                    name=Role.Name.DELEGATE)
    return Actor(person=person, organisation=setup.org)


def test_another_organisation_is_made_owner_only_with_its_consent(setup):
    """Ownership hands edit rights and the ledger's acknowledging role to the owner: a plain
    editor may not give it to another organisation, on creating or on editing."""
    with pytest.raises(NotAllowed) as caught:
        setup.deliverable(owner=setup.other_org)
    assert caught.value.code == "not_owner_speaker" and "owner" in caught.value.fields
    assert not Deliverable.objects.exists()
    deliverable = setup.deliverable()
    for actor in (setup.owner, setup.colleague):
        with pytest.raises(NotAllowed) as caught:
            deliverable_update(actor=actor, deliverable=deliverable, owner=setup.other_org,
                               title="Weggegeven")
        assert "owner" in caught.value.fields
    deliverable.refresh_from_db()
    assert (deliverable.owner, deliverable.title) == (setup.org, "Handboek circulair beton")
    assert verbs() == ["collaboration.deliverable.created"]


@pytest.mark.parametrize("kind", ["admin", "delegate"])
def test_whoever_speaks_for_the_owner_may_make_it_the_owner(setup, kind):
    speaker = speaker_for(setup, kind)
    created = setup.deliverable(owner=setup.other_org, actor=speaker)
    assert created.owner == setup.other_org
    mine = setup.deliverable("Van ons")
    deliverable_update(actor=speaker, deliverable=mine, owner=setup.other_org)
    mine.refresh_from_db()
    assert mine.owner == setup.other_org
    activity = Activity.objects.filter(verb="collaboration.deliverable.updated").get()
    assert activity.payload["owner"] == str(setup.other_org.uuid)
    assert activity.organisation_uuid == setup.org.uuid  # the organisation that acted


def test_a_facilitator_may_change_the_owner_and_an_editor_may_take_it_on(setup):
    setup.join(setup.owner)
    deliverable = setup.deliverable(working_group=setup.group)
    deliverable_update(actor=setup.fac, deliverable=deliverable, owner=setup.home)
    deliverable.refresh_from_db()
    assert deliverable.owner == setup.home
    # Making one's own organisation the owner needs no one else's consent (the group's lead).
    deliverable_update(actor=setup.lead, deliverable=deliverable, owner=setup.other_org)
    deliverable.refresh_from_db()
    assert deliverable.owner == setup.other_org


def test_people_of_an_owner_that_left_no_longer_edit(setup):
    """Once the owner organisation left the ecosystem its people lose the edit rights it
    gave them; paused, they keep them; facilitators and the group's lead always edit."""
    from zwerm.collaboration.permissions import deliverables as rules

    setup.join(setup.owner)
    deliverable = setup.deliverable(working_group=setup.group)
    membership = Membership.objects.get(ecosystem=setup.ecosystem, organisation=setup.org)
    membership.state = Membership.State.PAUSED
    membership.save(update_fields=["state"])
    deliverable_update(actor=setup.colleague, deliverable=deliverable, description="Gepauzeerd")
    assert rules.can_remove_attachments_of(setup.colleague, deliverable)
    membership.state = Membership.State.LEFT
    membership.save(update_fields=["state"])
    for actor in (setup.owner, setup.colleague):
        assert not rules.can_edit(actor, deliverable)
        assert not rules.can_remove_attachments_of(actor, deliverable)
        with pytest.raises(NotAllowed):
            deliverable_update(actor=actor, deliverable=deliverable, title="Toch nog")
        with pytest.raises(NotAllowed):
            deliverable_state_set(actor=actor, deliverable=deliverable, state="in_progress")
    for actor in (setup.fac, setup.lead):
        assert rules.can_edit(actor, deliverable)
    deliverable_update(actor=setup.fac, deliverable=deliverable, title="Door de facilitator")


@pytest.mark.parametrize(("fields", "error", "field"), [
    ({"title": "  "}, ValidationFailed, "title"),
    ({"title": "x" * 201}, ValidationFailed, "title"),
    ({"description": "x" * 20001}, ValidationFailed, "description"),
    ({"due_on": "2026-01-01"}, ValidationFailed, "due_on"),
])
def test_create_refuses_bad_input(setup, fields, error, field):
    arguments = {"title": "Handboek", **fields}
    with pytest.raises(error) as caught:
        deliverable_create(actor=setup.owner, ecosystem=setup.ecosystem, **arguments)
    assert field in caught.value.fields
    assert not Deliverable.objects.exists()


def test_owner_must_be_an_active_member(setup):
    paused, _admin = member_organisation(setup.ecosystem, state="paused")
    for owner in (OrganisationFactory(), paused):
        with pytest.raises(ValidationFailed) as caught:
            setup.deliverable(owner=owner)
        assert "owner" in caught.value.fields


def test_who_may_create(setup):
    outsider_org = OrganisationFactory()
    outsider = Actor(person=person_in(outsider_org), organisation=outsider_org)
    with pytest.raises(NotAllowed):
        setup.deliverable(actor=outsider)
    with pytest.raises(NotAllowed):
        setup.deliverable(actor=Actor(person=None))
    observer_org, observer = member_organisation(setup.ecosystem, kind="observer")
    with pytest.raises(NotAllowed):
        setup.deliverable(actor=Actor(person=observer, organisation=observer_org))
    # In a working group only its active members add deliverables.
    with pytest.raises(NotAllowed) as caught:
        setup.deliverable(working_group=setup.group)
    assert caught.value.code == "not_group_member"
    assert setup.deliverable(actor=setup.lead, working_group=setup.group).working_group


def test_members_only_ecosystem_is_not_found_for_outsiders(make_setup):
    s = make_setup(visibility="members")
    outsider_org = OrganisationFactory()
    with pytest.raises(NotFound):
        s.deliverable(actor=Actor(person=person_in(outsider_org), organisation=outsider_org))


def test_working_group_must_be_open_and_of_this_ecosystem(setup, make_setup):
    elsewhere = make_setup()
    with pytest.raises(ValidationFailed) as caught:
        setup.deliverable(actor=setup.lead, working_group=elsewhere.group)
    assert "working_group" in caught.value.fields
    setup.group.archived_at = timezone.now()
    setup.group.save()
    with pytest.raises(Conflict) as caught:
        setup.deliverable(actor=setup.lead, working_group=setup.group)
    assert caught.value.code == "archived"


def test_update_records_only_real_changes(setup):
    deliverable = setup.deliverable()
    same = deliverable_update(actor=setup.owner, deliverable=deliverable, title=deliverable.title)
    assert same.title == deliverable.title
    assert verbs() == ["collaboration.deliverable.created"]
    due = datetime.date(2030, 1, 31)
    deliverable_update(actor=setup.fac, deliverable=deliverable, title="Nieuw",
                       due_on=due, owner=setup.other_org)
    deliverable.refresh_from_db()
    assert (deliverable.title, deliverable.due_on, deliverable.owner) == (
        "Nieuw", due, setup.other_org)
    activity = Activity.objects.get(verb="collaboration.deliverable.updated")
    assert activity.payload["fields"] == ["due_on", "owner", "title"]


def test_who_may_edit(setup):
    setup.join(setup.owner)
    deliverable = setup.deliverable(working_group=setup.group)
    # The owner's people, the group's lead, the facilitators: yes.
    for actor in (setup.colleague, setup.lead, setup.fac):
        deliverable_update(actor=actor, deliverable=deliverable, description=f"door {actor}")
    # Another member organisation that holds no role in the group: no.
    third_org, third_admin = member_organisation(setup.ecosystem)
    with pytest.raises(NotAllowed):
        deliverable_update(actor=Actor(person=third_admin, organisation=third_org),
                           deliverable=deliverable, title="Overgenomen")
    with pytest.raises(ValidationFailed):
        deliverable_update(actor=setup.owner, deliverable=deliverable, title="")


def test_state_flow(setup):
    deliverable = setup.deliverable()
    deliverable = deliverable_state_set(actor=setup.owner, deliverable=deliverable,
                                        state="in_progress")
    deliverable = deliverable_state_set(actor=setup.owner, deliverable=deliverable,
                                        state="delivered")
    assert deliverable.delivered_at is not None and deliverable.progress == 100
    deliverable = deliverable_state_set(actor=setup.owner, deliverable=deliverable,
                                        state="in_progress")
    assert deliverable.delivered_at is None
    reopened = Activity.objects.filter(
        verb="collaboration.deliverable.state_changed").order_by("seq").last()
    assert reopened.payload == {"from": "delivered", "to": "in_progress", "reopened": True,
                                "reason": ""}


def test_cancel_needs_a_reason_and_keeps_it(setup):
    deliverable = setup.deliverable()
    with pytest.raises(ValidationFailed) as caught:
        deliverable_state_set(actor=setup.owner, deliverable=deliverable, state="cancelled")
    assert "reason" in caught.value.fields
    deliverable = deliverable_state_set(actor=setup.owner, deliverable=deliverable,
                                        state="cancelled", reason="Geen budget meer.")
    assert deliverable.state_reason == "Geen budget meer."
    deliverable = deliverable_state_set(actor=setup.owner, deliverable=deliverable,
                                        state="planned")
    assert deliverable.state_reason == ""


@pytest.mark.parametrize(("start", "target", "error"), [
    ("planned", "planned", Conflict),
    ("planned", "lost", ValidationFailed),
])
def test_state_refusals(setup, start, target, error):
    deliverable = setup.deliverable()
    with pytest.raises(error):
        deliverable_state_set(actor=setup.owner, deliverable=deliverable, state=target)


def test_delivered_cannot_be_cancelled_without_reopening(setup):
    deliverable = setup.deliverable()
    deliverable_state_set(actor=setup.owner, deliverable=deliverable, state="delivered")
    with pytest.raises(Conflict) as caught:
        deliverable_state_set(actor=setup.owner, deliverable=deliverable, state="cancelled",
                              reason="Toch niet")
    assert caught.value.code == "wrong_state"


def test_state_change_needs_an_editor(setup):
    deliverable = setup.deliverable()
    with pytest.raises(NotAllowed):
        deliverable_state_set(actor=setup.other, deliverable=deliverable, state="in_progress")
    assert Deliverable.objects.get().state == "planned"


def test_delivery_is_told_to_those_who_committed(setup):
    import datetime as dt

    from zwerm.collaboration.models import Commitment
    from zwerm.core.models import Notification

    deliverable = setup.deliverable()
    for actor, state in ((setup.other, "open"), (setup.fac, "released")):
        Commitment.objects.create(ecosystem=setup.ecosystem, organisation=actor.organisation,
                                  person=actor.person, deliverable=deliverable, type="hours",
                                  quantity=8, unit="hours", due_on=dt.date(2030, 1, 1),
                                  state=state)
    deliverable_state_set(actor=setup.owner, deliverable=deliverable, state="delivered")
    notified = Notification.objects.filter(kind="collaboration.commitments")
    assert [n.recipient for n in notified] == [setup.other.person]
    assert str(deliverable.uuid) in notified.get().url
