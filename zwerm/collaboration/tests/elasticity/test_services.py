"""Hand-overs, releases and departure: what changes hands, what is released, what is kept."""

from decimal import Decimal

import pytest

from zwerm.collaboration.models import (
    Commitment,
    HandOver,
    WorkingGroupMember,
    WorkingGroupRole,
)
from zwerm.collaboration.services import elasticity as services
from zwerm.collaboration.services import ledger
from zwerm.collaboration.tests.elasticity.conftest import (
    add_member,
    contribute,
    make_commitment,
)
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.models import Activity, Notification
from zwerm.ecosystems.models import Membership
from zwerm.ecosystems.services import membership_leave, membership_pause
from zwerm.ecosystems.tests.factories import member_organisation
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


def verbs():
    return list(Activity.objects.order_by("seq").values_list("verb", flat=True))


# Requests ----------------------------------------------------------------------------------


def test_request_for_a_commitment_notifies_the_receiving_admins_and_delegate(scene):
    s = scene()
    hand_over = services.hand_over_request(actor=s.giving, commitment=s.commitment,
                                           to_organisation=s.taker, note="  Graag!  ")
    assert hand_over.state == HandOver.State.PENDING
    assert hand_over.note == "Graag!"
    assert hand_over.from_organisation == s.giver and hand_over.to_organisation == s.taker
    assert verbs() == ["collaboration.hand_over.requested"]
    notified = Notification.objects.get(kind="collaboration.handovers")
    assert notified.recipient == s.taker_admin
    assert notified.url.endswith("/hand-over/requests/")


def test_request_for_a_role_names_a_group_member_of_another_organisation(scene):
    s = scene()
    hand_over = services.hand_over_request(actor=s.giving, role=s.role, to_person=s.taker_admin)
    assert hand_over.to_organisation == s.taker
    assert hand_over.to_person == s.taker_admin


def test_only_one_pending_request_per_item(scene):
    s = scene()
    services.hand_over_request(actor=s.giving, commitment=s.commitment, to_organisation=s.taker)
    with pytest.raises(Conflict):
        services.hand_over_request(actor=s.giving, commitment=s.commitment,
                                   to_organisation=s.taker)
    assert HandOver.objects.count() == 1


@pytest.mark.parametrize("problem", ["none", "both", "own", "observer", "paused", "outsider",
                                     "no_receiver", "long_note"])
def test_bad_requests_are_refused_with_a_field(scene, problem):
    s = scene()
    kwargs = {"commitment": s.commitment, "to_organisation": s.taker}
    if problem == "none":
        kwargs = {"to_organisation": s.taker}
    elif problem == "both":
        kwargs["role"] = s.role
    elif problem == "own":
        kwargs["to_organisation"] = s.giver
    elif problem in ("observer", "paused"):
        other, _admin = member_organisation(
            s.ecosystem, state="paused" if problem == "paused" else "active",
            kind="observer" if problem == "observer" else "member")
        kwargs["to_organisation"] = other
    elif problem == "outsider":
        kwargs["to_organisation"] = OrganisationFactory()
    elif problem == "no_receiver":
        kwargs["to_organisation"] = None
    elif problem == "long_note":
        kwargs["note"] = "x" * 2001
    with pytest.raises(ValidationFailed) as caught:
        services.hand_over_request(actor=s.giving, **kwargs)
    assert caught.value.fields
    assert not HandOver.objects.exists() and not Activity.objects.exists()


def test_a_role_goes_only_to_an_active_member_of_the_group_from_another_organisation(scene):
    s = scene()
    colleague = person_in(s.giver)
    add_member(s.group, colleague, s.giver)
    outsider_person = person_in(s.taker)  # of the taker, but not in the group
    for person in (None, colleague, outsider_person):
        with pytest.raises(ValidationFailed) as caught:
            services.hand_over_request(actor=s.giving, role=s.role, to_person=person)
        assert "to_person" in caught.value.fields


def test_only_speakers_of_the_holding_organisation_may_ask(scene):
    s = scene()
    plain_member = person_in(s.giver)
    with pytest.raises(NotAllowed):
        services.hand_over_request(actor=Actor(plain_member, s.giver), commitment=s.commitment,
                                   to_organisation=s.taker)
    with pytest.raises(NotAllowed):  # the taker may not hand over the giver's commitment
        services.hand_over_request(actor=s.taking, commitment=s.commitment,
                                   to_organisation=s.taker)
    with pytest.raises(NotAllowed):
        services.hand_over_request(actor=Actor(None), commitment=s.commitment,
                                   to_organisation=s.taker)


def test_a_closed_commitment_or_ended_role_cannot_be_handed_over(scene):
    s = scene()
    Commitment.objects.filter(pk=s.commitment.pk).update(state="fulfilled")
    with pytest.raises(Conflict):
        services.hand_over_request(actor=s.giving, commitment=s.commitment,
                                   to_organisation=s.taker)
    WorkingGroupRole.objects.filter(pk=s.role.pk).update(ended_at="2026-01-01T00:00Z")
    with pytest.raises(Conflict):
        services.hand_over_request(actor=s.giving, role=s.role, to_person=s.taker_admin)


# Answers -----------------------------------------------------------------------------------


def test_accepting_a_commitment_creates_a_new_one_for_what_remains(scene):
    s = scene()
    contribute(s.commitment, s.giver_admin, "4")
    hand_over = services.hand_over_request(actor=s.giving, commitment=s.commitment,
                                           to_organisation=s.taker)
    services.hand_over_accept(actor=s.taking, hand_over=hand_over)
    old = Commitment.objects.get(pk=s.commitment.pk)
    new = Commitment.objects.get(handed_over_from=old)
    assert old.state == Commitment.State.HANDED_OVER and old.closed_reason
    assert old.contributions.count() == 1  # history stays with the old commitment
    assert new.organisation == s.taker and new.state == Commitment.State.OPEN
    assert new.quantity == Decimal("6")
    assert (new.type, new.unit, new.due_on, new.working_group) == (
        old.type, old.unit, old.due_on, old.working_group)
    hand_over.refresh_from_db()
    assert hand_over.state == HandOver.State.ACCEPTED and hand_over.answered_by == s.taker_admin
    assert verbs() == ["collaboration.hand_over.requested",
                       "collaboration.commitment.handed_over"]
    assert Notification.objects.filter(recipient=s.giver_admin,
                                       kind="collaboration.handovers").exists()


def test_accepting_a_role_moves_it_to_the_person_named(scene):
    s = scene()
    s.group.rotation_months = 6
    s.group.save()
    hand_over = services.hand_over_request(actor=s.giving, role=s.role, to_person=s.taker_admin)
    services.hand_over_accept(actor=s.taking, hand_over=hand_over)
    s.role.refresh_from_db()
    assert s.role.ended_at is not None and s.role.end_reason
    current = WorkingGroupRole.objects.get(working_group=s.group, ended_at__isnull=True)
    assert (current.person, current.organisation, current.name) == (
        s.taker_admin, s.taker, "lead")
    assert current.term_ends_on is not None
    assert verbs()[-1] == "collaboration.hand_over.accepted"


def test_the_person_named_for_a_role_may_answer(scene):
    s = scene()
    named = person_in(s.taker)
    add_member(s.group, named, s.taker)
    hand_over = services.hand_over_request(actor=s.giving, role=s.role, to_person=named)
    services.hand_over_accept(actor=Actor(named, s.taker), hand_over=hand_over)
    assert WorkingGroupRole.objects.get(ended_at__isnull=True).person == named


def test_a_fully_delivered_commitment_cannot_change_hands(scene):
    s = scene()
    hand_over = services.hand_over_request(actor=s.giving, commitment=s.commitment,
                                           to_organisation=s.taker)
    contribute(s.commitment, s.giver_admin, "10")
    with pytest.raises(Conflict):
        services.hand_over_accept(actor=s.taking, hand_over=hand_over)
    hand_over.refresh_from_db()
    assert hand_over.state == HandOver.State.PENDING


def test_only_the_receiving_side_answers_and_only_once(scene):
    s = scene()
    hand_over = services.hand_over_request(actor=s.giving, commitment=s.commitment,
                                           to_organisation=s.taker)
    for actor in (s.giving, Actor(person_in(s.taker), s.taker)):
        with pytest.raises(NotAllowed):
            services.hand_over_accept(actor=actor, hand_over=hand_over)
    services.hand_over_decline(actor=s.taking, hand_over=hand_over, reason="Geen capaciteit.")
    with pytest.raises(Conflict):
        services.hand_over_accept(actor=s.taking, hand_over=hand_over)


def test_a_paused_receiver_cannot_accept(scene):
    s = scene()
    hand_over = services.hand_over_request(actor=s.giving, commitment=s.commitment,
                                           to_organisation=s.taker)
    Membership.objects.filter(organisation=s.taker).update(state="paused")
    with pytest.raises(NotAllowed):
        services.hand_over_accept(actor=s.taking, hand_over=hand_over)


def test_declining_needs_a_reason_and_tells_the_giving_side(scene):
    s = scene()
    hand_over = services.hand_over_request(actor=s.giving, commitment=s.commitment,
                                           to_organisation=s.taker)
    with pytest.raises(ValidationFailed) as caught:
        services.hand_over_decline(actor=s.taking, hand_over=hand_over, reason="  ")
    assert "reason" in caught.value.fields
    services.hand_over_decline(actor=s.taking, hand_over=hand_over, reason="Geen capaciteit.")
    hand_over.refresh_from_db()
    assert hand_over.state == HandOver.State.DECLINED
    assert hand_over.answer_reason == "Geen capaciteit."
    assert Notification.objects.filter(recipient=s.giver_admin).exists()
    # The giving side may now ask another organisation.
    other, _admin = member_organisation(s.ecosystem)
    assert services.hand_over_request(actor=s.giving, commitment=s.commitment,
                                      to_organisation=other).state == "pending"


def test_withdrawing_is_for_the_giving_side(scene):
    s = scene()
    hand_over = services.hand_over_request(actor=s.giving, commitment=s.commitment,
                                           to_organisation=s.taker)
    with pytest.raises(NotAllowed):
        services.hand_over_withdraw(actor=s.taking, hand_over=hand_over)
    services.hand_over_withdraw(actor=s.giving, hand_over=hand_over)
    hand_over.refresh_from_db()
    assert hand_over.state == HandOver.State.WITHDRAWN
    with pytest.raises(Conflict):
        services.hand_over_withdraw(actor=s.giving, hand_over=hand_over)
    assert verbs()[-1] == "collaboration.hand_over.withdrawn"


# Releases ----------------------------------------------------------------------------------


def test_releasing_a_commitment_uses_the_ledger_and_keeps_a_record(scene):
    s = scene()
    assert not hasattr(services, "commitment_release")  # one path: the ledger's
    ledger.commitment_release(actor=s.giving, commitment=s.commitment, reason="Geen tijd.")
    s.commitment.refresh_from_db()
    assert s.commitment.state == Commitment.State.RELEASED
    assert s.commitment.closed_reason == "Geen tijd."
    record = HandOver.objects.get()
    assert record.state == HandOver.State.RELEASED and record.to_organisation is None
    assert verbs() == ["collaboration.commitment.released"]


def test_releasing_a_role_leaves_it_vacant(scene):
    s = scene()
    services.role_release(actor=s.giving, role=s.role)
    s.role.refresh_from_db()
    assert s.role.ended_at is not None
    assert not WorkingGroupRole.objects.filter(ended_at__isnull=True).exists()
    assert verbs() == ["collaboration.working_group_role.released"]
    assert HandOver.objects.get().state == HandOver.State.RELEASED


def test_release_waits_for_a_pending_request_to_be_withdrawn(scene):
    s = scene()
    services.hand_over_request(actor=s.giving, commitment=s.commitment, to_organisation=s.taker)
    with pytest.raises(Conflict) as error:
        ledger.commitment_release(actor=s.giving, commitment=s.commitment, reason="Weg.")
    assert error.value.code == "pending"
    with pytest.raises(NotAllowed):
        services.role_release(actor=s.taking, role=s.role)


# Departure ---------------------------------------------------------------------------------


def test_leaving_releases_what_was_not_handed_over_and_keeps_the_history(scene):
    s = scene()
    second = make_commitment(s.ecosystem, s.giver, s.giver_admin, s.group, "3")
    handed = services.hand_over_request(actor=s.giving, commitment=s.commitment,
                                         to_organisation=s.taker)
    services.hand_over_accept(actor=s.taking, hand_over=handed)
    pending = services.hand_over_request(actor=s.giving, role=s.role, to_person=s.taker_admin)
    membership = Membership.objects.get(organisation=s.giver)
    membership_leave(actor=s.giving, membership=membership, reason="Het project is klaar.")

    membership.refresh_from_db()
    assert membership.state == "left"
    second.refresh_from_db()
    assert second.state == Commitment.State.RELEASED and second.closed_reason
    assert Commitment.objects.get(pk=s.commitment.pk).state == Commitment.State.HANDED_OVER
    assert Commitment.objects.get(organisation=s.taker).state == Commitment.State.OPEN
    pending.refresh_from_db()
    assert pending.state == HandOver.State.PENDING  # the other side may still take it over
    s.role.refresh_from_db()
    assert s.role.ended_at is None
    member = WorkingGroupMember.objects.get(person=s.giver_admin)
    assert member.state == WorkingGroupMember.State.LEFT and member.left_at
    assert WorkingGroupMember.objects.get(person=s.taker_admin).state == "active"
    recorded = verbs()
    for verb in ("collaboration.commitment.released",
                 "collaboration.working_group_member.departed", "ecosystems.membership.left"):
        assert verb in recorded
    assert "collaboration.hand_over.withdrawn" not in recorded
    assert recorded.index("collaboration.commitment.released") < recorded.index(
        "ecosystems.membership.left")

    services.hand_over_accept(actor=s.taking, hand_over=pending)
    assert WorkingGroupRole.objects.get(ended_at__isnull=True).person == s.taker_admin


def test_a_hand_over_declined_after_leaving_releases_the_commitment(scene):
    s = scene()
    pending = services.hand_over_request(actor=s.giving, commitment=s.commitment,
                                         to_organisation=s.taker)
    membership_leave(actor=s.giving, membership=Membership.objects.get(organisation=s.giver),
                     reason="Het project is klaar.")
    assert Commitment.objects.get(pk=s.commitment.pk).state == Commitment.State.OPEN

    services.hand_over_decline(actor=s.taking, hand_over=pending, reason="Geen capaciteit.")
    released = Commitment.objects.get(pk=s.commitment.pk)
    assert released.state == Commitment.State.RELEASED
    assert "Geen" not in released.closed_reason and released.closed_reason
    assert verbs()[-1] == "collaboration.commitment.released"


@pytest.mark.parametrize("item", ["commitment", "role"])
def test_a_hand_over_withdrawn_after_leaving_releases_the_item(scene, item):
    s = scene()
    target = {"commitment": s.commitment, "to_organisation": s.taker} if item == "commitment" \
        else {"role": s.role, "to_person": s.taker_admin}
    pending = services.hand_over_request(actor=s.giving, **target)
    membership_leave(actor=s.giving, membership=Membership.objects.get(organisation=s.giver),
                     reason="Het project is klaar.")
    if item == "commitment":  # what waits for an answer survives the leave
        assert Commitment.objects.get(pk=s.commitment.pk).state == Commitment.State.OPEN
    else:
        assert WorkingGroupRole.objects.get(pk=s.role.pk).ended_at is None

    services.hand_over_withdraw(actor=s.giving, hand_over=pending)
    pending.refresh_from_db()
    assert pending.state == HandOver.State.WITHDRAWN
    if item == "commitment":
        released = Commitment.objects.get(pk=s.commitment.pk)
        assert released.state == Commitment.State.RELEASED
        assert "withdrawn" in released.closed_reason or "ingetrokken" in released.closed_reason
        assert verbs()[-2:] == ["collaboration.hand_over.withdrawn",
                                "collaboration.commitment.released"]
    else:
        assert WorkingGroupRole.objects.get(pk=s.role.pk).ended_at is not None
        assert verbs()[-2:] == ["collaboration.hand_over.withdrawn",
                                "collaboration.working_group_role.released"]
    assert not Commitment.objects.filter(organisation=s.giver, state="open").exists()
    assert not WorkingGroupRole.objects.filter(organisation=s.giver,
                                               ended_at__isnull=True).exists()
    record = HandOver.objects.get(state=HandOver.State.RELEASED, **{item: target[item]})
    assert record.from_organisation == s.giver


def test_a_hand_over_withdrawn_while_taking_part_releases_nothing(scene):
    s = scene()
    pending = services.hand_over_request(actor=s.giving, commitment=s.commitment,
                                         to_organisation=s.taker)
    membership_pause(actor=s.giving, membership=Membership.objects.get(organisation=s.giver),
                     reason="Even te druk.")
    services.hand_over_withdraw(actor=s.giving, hand_over=pending)
    assert Commitment.objects.get(pk=s.commitment.pk).state == Commitment.State.OPEN
    assert not HandOver.objects.filter(state=HandOver.State.RELEASED).exists()


def test_a_role_waiting_for_its_hand_over_after_leaving_gives_no_powers(scene):
    from zwerm.collaboration.permissions import working_groups as group_permissions

    s = scene()
    assert group_permissions.held_roles(s.giver_admin, s.group) == {"lead"}
    pending = services.hand_over_request(actor=s.giving, role=s.role, to_person=s.taker_admin)
    membership_leave(actor=s.giving, membership=Membership.objects.get(organisation=s.giver),
                     reason="Het project is klaar.")
    assert WorkingGroupRole.objects.get(pk=s.role.pk).ended_at is None  # still to hand over
    assert group_permissions.held_roles(s.giver_admin, s.group) == set()
    assert not group_permissions.can_manage_roles(s.giver_admin, s.group)
    services.hand_over_accept(actor=s.taking, hand_over=pending)
    assert group_permissions.held_roles(s.taker_admin, s.group) == {"lead"}


def test_pausing_takes_nothing_away(scene):
    s = scene()
    membership = Membership.objects.get(organisation=s.giver)
    membership_pause(actor=s.giving, membership=membership, reason="Even te druk.")
    s.commitment.refresh_from_db()
    s.role.refresh_from_db()
    assert s.commitment.state == Commitment.State.OPEN and s.role.ended_at is None
    assert WorkingGroupMember.objects.get(person=s.giver_admin).state == "active"
    # A paused member still decides what happens to what it holds.
    ledger.commitment_release(actor=s.giving, commitment=s.commitment, reason="Even niet.")
    assert HandOver.objects.get().state == HandOver.State.RELEASED


def test_a_failed_leave_stores_nothing(scene):
    s = scene()
    membership = Membership.objects.get(organisation=s.giver)
    with pytest.raises(NotAllowed):
        membership_leave(actor=Actor(person_in(s.giver), s.giver), membership=membership,
                         reason="Weg.")
    s.commitment.refresh_from_db()
    assert s.commitment.state == Commitment.State.OPEN
    assert not Activity.objects.exists()
