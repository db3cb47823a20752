"""Writes about elasticity: handing over or releasing an organisation's open commitments and
working-group roles when it pauses or leaves an ecosystem.

A hand-over is a request to another organisation; nothing changes hands until that
organisation accepts. A commitment changes hands as a *new* commitment for what remains to
be delivered (the old one stays, handed over, with its contributions); a role ends for the
old holder and starts for the person named. Releasing leaves a ``HandOver`` row in state
``released`` as the record of the decision. On leaving, whatever was not handed over is
released (see ``departure``); on pausing nothing is taken away.

Releasing a commitment by hand is the ledger's ``commitment_release`` (one path per action);
every release of a commitment here goes through the ledger's ``mark_released``, which also
writes the ``HandOver`` row. Roles are released here (``role_release``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zwerm.collaboration.models import (
    Commitment,
    HandOver,
    WorkingGroup,
    WorkingGroupMember,
    WorkingGroupRole,
)
from zwerm.collaboration.permissions import elasticity as permissions
from zwerm.collaboration.permissions import is_active_member
from zwerm.collaboration.selectors.ledger import speakers_for
from zwerm.collaboration.services.common import require_person
from zwerm.collaboration.services.ledger_commitments import delivered_of, mark_released
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.models import Activity
from zwerm.core.notifications import notify
from zwerm.ecosystems.models import Ecosystem, Membership

KIND = "collaboration.handovers"
NOTE_MAX = 2000
ROLE_REASON_MAX = 300


# Helpers -----------------------------------------------------------------------------------


def hand_over_url(ecosystem: Ecosystem) -> str:
    return reverse("collaboration:handover", kwargs={"ecosystem": ecosystem.slug})


def requests_url(ecosystem: Ecosystem) -> str:
    return reverse("collaboration:handover_requests", kwargs={"ecosystem": ecosystem.slug})


def speakers(ecosystem: Ecosystem, organisation: Any) -> list[Any]:
    """Who hears of hand-overs for an organisation: its admins and its delegate here."""
    return speakers_for(ecosystem=ecosystem, organisations=[organisation])


def clean_note(value: str | None, *, field: str = "note", required: bool = False,
               max_length: int = NOTE_MAX) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationFailed(_("Please give a reason."), field=field)
    if len(value) > max_length:
        raise ValidationFailed(
            _("Keep this under %(max)d characters.") % {"max": max_length}, field=field)
    return value


def _require_hand_over(actor: Actor, ecosystem: Ecosystem) -> None:
    require_person(actor)
    if not permissions.can_hand_over(actor, ecosystem):
        raise NotAllowed(
            _("Only an administrator or the delegate of a member organisation decides what "
              "happens to its commitments and roles."), code="not_speaker")


def _own_commitment(actor: Actor, commitment: Commitment) -> Commitment:
    commitment = Commitment.objects.select_for_update(of=("self",)).select_related(
        "ecosystem", "organisation").get(pk=commitment.pk)
    _require_hand_over(actor, commitment.ecosystem)
    if commitment.organisation_id != actor.organisation.pk:
        raise NotAllowed(_("This commitment belongs to another organisation."))
    if commitment.state != Commitment.State.OPEN:
        raise Conflict(_("Only an open commitment can be handed over or released."),
                       code="not_open")
    return commitment


def _own_role(actor: Actor, role: WorkingGroupRole) -> WorkingGroupRole:
    role = WorkingGroupRole.objects.select_for_update(of=("self",)).select_related(
        "working_group__ecosystem", "organisation", "person").get(pk=role.pk)
    _require_hand_over(actor, role.working_group.ecosystem)
    if role.organisation_id != actor.organisation.pk:
        raise NotAllowed(_("This role is held for another organisation."))
    if role.ended_at is not None:
        raise Conflict(_("This role has already ended."), code="ended")
    return role


def _pending(*, commitment: Commitment | None = None, role: WorkingGroupRole | None = None
             ) -> HandOver | None:
    item = {"commitment": commitment} if commitment is not None else {"role": role}
    return HandOver.objects.select_for_update(of=("self",)).filter(
        state=HandOver.State.PENDING, **item).first()


def _locked(hand_over: HandOver) -> HandOver:
    return HandOver.objects.select_for_update(of=("self",)).select_related(
        "ecosystem", "from_organisation", "to_organisation", "to_person", "requested_by",
        "commitment", "role__working_group",
    ).get(pk=hand_over.pk)


def _locked_pending(hand_over: HandOver) -> HandOver:
    """The request locked, refused with a Conflict once it has been answered or withdrawn."""
    hand_over = _locked(hand_over)
    if hand_over.state != HandOver.State.PENDING:
        raise Conflict(_("This request has already been answered or withdrawn."),
                       code="not_pending")
    return hand_over


def _item_payload(hand_over: HandOver) -> dict[str, Any]:
    return {
        "hand_over": str(hand_over.uuid),
        "item": "commitment" if hand_over.commitment_id else "role",
        "item_uuid": str(hand_over.item.uuid),
        "from": str(hand_over.from_organisation.uuid),
        "to": str(hand_over.to_organisation.uuid) if hand_over.to_organisation_id else None,
    }


# Requests ----------------------------------------------------------------------------------


def _role_receiver(role: WorkingGroupRole, to_person: Any, to_organisation: Any) -> Any:
    if to_person is None:
        raise ValidationFailed(_("Choose the person who takes over the role."),
                               field="to_person")
    member = WorkingGroupMember.objects.select_related("organisation").filter(
        working_group_id=role.working_group_id, person=to_person,
        state=WorkingGroupMember.State.ACTIVE,
    ).exclude(organisation_id=role.organisation_id).first()
    if member is None:
        raise ValidationFailed(
            _("Choose an active member of this working group from another organisation."),
            field="to_person")
    if to_organisation is not None and to_organisation.pk != member.organisation_id:
        raise ValidationFailed(_("This person takes part for another organisation."),
                               field="to_organisation")
    return member.organisation


@transaction.atomic
def hand_over_request(
    *, actor: Actor, commitment: Commitment | None = None, role: WorkingGroupRole | None = None,
    to_organisation: Any = None, to_person: Any = None, note: str = "",
) -> HandOver:
    """Ask another active member organisation to take over a commitment (or a person of it
    to take over a role); its admins and delegate are notified and answer."""
    if (commitment is None) == (role is None):
        raise ValidationFailed(_("Choose one commitment or one role to hand over."),
                               field="item")
    if commitment is not None:
        commitment = _own_commitment(actor, commitment)
        ecosystem = commitment.ecosystem
        if to_organisation is None:
            raise ValidationFailed(_("Choose the organisation that takes over."),
                                   field="to_organisation")
        to_person = None
    else:
        role = _own_role(actor, role)
        ecosystem = role.working_group.ecosystem
        to_organisation = _role_receiver(role, to_person, to_organisation)
    if to_organisation.pk == actor.organisation.pk:
        raise ValidationFailed(_("Choose another organisation than your own."),
                               field="to_organisation")
    if not is_active_member(to_organisation, ecosystem):
        raise ValidationFailed(
            _("Only an active member organisation of this ecosystem can take it over."),
            field="to_organisation")
    note = clean_note(note)
    if _pending(commitment=commitment, role=role) is not None:
        raise Conflict(_("A hand-over of this is already waiting for an answer; withdraw it "
                         "first."), code="pending")
    try:
        with transaction.atomic():
            hand_over = HandOver.objects.create(
                ecosystem=ecosystem, from_organisation=actor.organisation,
                to_organisation=to_organisation, to_person=to_person, commitment=commitment,
                role=role, state=HandOver.State.PENDING, note=note, requested_by=actor.person,
            )
    except IntegrityError as error:
        raise Conflict(_("A hand-over of this is already waiting for an answer; withdraw it "
                         "first."), code="pending") from error
    activity = record(verb="collaboration.hand_over.requested", actor=actor, subject=hand_over,
                      ecosystem=ecosystem, organisation=actor.organisation,
                      payload={**_item_payload(hand_over), "with_note": bool(note)})
    recipients = speakers(ecosystem, to_organisation)
    if to_person is not None:
        recipients.append(to_person)
    notify(recipients=recipients, kind=KIND, activity=activity, url=requests_url(ecosystem))
    return hand_over


# Answers -----------------------------------------------------------------------------------


def _answer(actor: Actor, hand_over: HandOver) -> HandOver:
    require_person(actor)
    hand_over = _locked_pending(hand_over)
    if not permissions.can_answer_hand_over(actor, hand_over):
        raise NotAllowed(_("Only the organisation asked to take this over answers."))
    return hand_over


def _take_commitment(actor: Actor, hand_over: HandOver) -> Activity:
    old = Commitment.objects.select_for_update(of=("self",)).get(pk=hand_over.commitment_id)
    if old.state != Commitment.State.OPEN:
        raise Conflict(_("This commitment is no longer open; it cannot change hands."),
                       code="not_open")
    remaining = old.quantity - delivered_of(old)
    if remaining <= 0:
        raise Conflict(_("This commitment has been delivered in full already."),
                       code="delivered")
    old.state = Commitment.State.HANDED_OVER
    old.closed_reason = gettext("Handed over to %(organisation)s.") % {
        "organisation": hand_over.to_organisation}
    old.save(update_fields=["state", "closed_reason", "updated_at"])
    new = Commitment.objects.create(
        ecosystem=old.ecosystem, organisation=hand_over.to_organisation, person=actor.person,
        deliverable_id=old.deliverable_id, working_group_id=old.working_group_id,
        initiative_id=old.initiative_id, type=old.type, quantity=remaining, unit=old.unit,
        due_on=old.due_on, description=old.description, handed_over_from=old,
    )
    return record(verb="collaboration.commitment.handed_over", actor=actor, subject=new,
           ecosystem=old.ecosystem, organisation=hand_over.to_organisation,
           payload={**_item_payload(hand_over), "commitment": str(new.uuid),
                    "type": new.type, "quantity": str(new.quantity), "unit": new.unit,
                    "promised": str(old.quantity), "due_on": new.due_on.isoformat()})


def _term_end(working_group: WorkingGroup) -> date | None:
    """A role taken over starts a fresh term, as the group's rotation says."""
    if not working_group.rotation_months:
        return None
    return timezone.localdate() + relativedelta(months=working_group.rotation_months)


def _take_role(actor: Actor, hand_over: HandOver) -> Activity:
    old = WorkingGroupRole.objects.select_for_update(of=("self",)).select_related(
        "working_group").get(pk=hand_over.role_id)
    if old.ended_at is not None:
        raise Conflict(_("This role has already ended; it cannot change hands."),
                       code="ended")
    still_member = WorkingGroupMember.objects.filter(
        working_group_id=old.working_group_id, person_id=hand_over.to_person_id,
        organisation_id=hand_over.to_organisation_id, state=WorkingGroupMember.State.ACTIVE,
    ).exists()
    if not still_member:
        raise Conflict(_("The person named is no longer an active member of the working "
                         "group."), code="not_member")
    old.ended_at = timezone.now()
    old.end_reason = gettext("Handed over to another organisation")[:ROLE_REASON_MAX]
    old.save(update_fields=["ended_at", "end_reason"])
    try:
        with transaction.atomic():
            new = WorkingGroupRole.objects.create(
                working_group=old.working_group, name=old.name, person=hand_over.to_person,
                organisation=hand_over.to_organisation,
                term_ends_on=_term_end(old.working_group),
            )
    except IntegrityError as error:
        raise Conflict(_("Someone else just changed this role; reload the page and try "
                         "again.")) from error
    return record(verb="collaboration.hand_over.accepted", actor=actor, subject=hand_over,
           ecosystem=hand_over.ecosystem, organisation=hand_over.to_organisation,
           payload={**_item_payload(hand_over), "role": old.name,
                    "working_group": str(old.working_group.uuid), "new_role": str(new.uuid)})


@transaction.atomic
def hand_over_accept(*, actor: Actor, hand_over: HandOver) -> HandOver:
    """The receiving side takes over: a new commitment for what remains to be delivered
    (``handed_over_from`` the old one), or the role for the person named."""
    hand_over = _answer(actor, hand_over)
    if hand_over.commitment_id:
        activity = _take_commitment(actor, hand_over)
    else:
        activity = _take_role(actor, hand_over)
    hand_over.state = HandOver.State.ACCEPTED
    hand_over.answered_by = actor.person
    hand_over.answered_at = timezone.now()
    hand_over.save(update_fields=["state", "answered_by", "answered_at", "updated_at"])
    recipients = speakers(hand_over.ecosystem, hand_over.from_organisation)
    recipients.append(hand_over.requested_by)
    notify(recipients=recipients, kind=KIND, activity=activity,
           url=hand_over_url(hand_over.ecosystem))
    return hand_over


@transaction.atomic
def hand_over_decline(*, actor: Actor, hand_over: HandOver, reason: str) -> HandOver:
    """The receiving side says no, with a reason; the giving side may ask another
    organisation or release."""
    hand_over = _answer(actor, hand_over)
    reason = clean_note(reason, field="reason", required=True)
    hand_over.state = HandOver.State.DECLINED
    hand_over.answered_by = actor.person
    hand_over.answered_at = timezone.now()
    hand_over.answer_reason = reason
    hand_over.save(update_fields=["state", "answered_by", "answered_at", "answer_reason",
                                  "updated_at"])
    activity = record(verb="collaboration.hand_over.declined", actor=actor, subject=hand_over,
                      ecosystem=hand_over.ecosystem, organisation=hand_over.to_organisation,
                      payload=_item_payload(hand_over))
    recipients = speakers(hand_over.ecosystem, hand_over.from_organisation)
    recipients.append(hand_over.requested_by)
    notify(recipients=recipients, kind=KIND, activity=activity,
           url=hand_over_url(hand_over.ecosystem))
    if not _still_taking_part(hand_over):
        _release_after_departure(actor, hand_over, gettext(
            "Released: %(organisation)s had left and the hand-over was declined."))
    return hand_over


def _still_taking_part(hand_over: HandOver) -> bool:
    return Membership.objects.filter(
        ecosystem=hand_over.ecosystem, organisation=hand_over.from_organisation,
        state__in=[Membership.State.ACTIVE, Membership.State.PAUSED],
    ).exists()


def _release_after_departure(actor: Actor, hand_over: HandOver, message: str) -> None:
    """The giving organisation has left, so nobody can ask another: the item is released
    (``message`` says why, with ``%(organisation)s`` for the organisation that left)."""
    note = message % {"organisation": hand_over.from_organisation}
    if hand_over.commitment_id:
        commitment = Commitment.objects.select_for_update(of=("self",)).get(
            pk=hand_over.commitment_id)
        if commitment.state == Commitment.State.OPEN:
            mark_released(actor=actor, commitment=commitment, reason=note)
        return
    role = WorkingGroupRole.objects.select_for_update(of=("self",)).select_related(
        "working_group__ecosystem", "organisation").get(pk=hand_over.role_id)
    if role.ended_at is None:
        _release_role(actor, role, note[:ROLE_REASON_MAX])


def _withdraw(actor: Actor, hand_over: HandOver) -> HandOver:
    hand_over.state = HandOver.State.WITHDRAWN
    hand_over.answered_at = timezone.now()
    hand_over.save(update_fields=["state", "answered_at", "updated_at"])
    activity = record(verb="collaboration.hand_over.withdrawn", actor=actor, subject=hand_over,
                      ecosystem=hand_over.ecosystem, organisation=hand_over.from_organisation,
                      payload=_item_payload(hand_over))
    recipients = speakers(hand_over.ecosystem, hand_over.to_organisation)
    if hand_over.to_person_id:
        recipients.append(hand_over.to_person)
    notify(recipients=recipients, kind=KIND, activity=activity,
           url=requests_url(hand_over.ecosystem))
    return hand_over


@transaction.atomic
def hand_over_withdraw(*, actor: Actor, hand_over: HandOver) -> HandOver:
    """The giving side takes back a request nobody answered yet. If the giving organisation
    has left meanwhile, nobody is left to decide, so the item is released as when the
    request is declined."""
    require_person(actor)
    hand_over = _locked_pending(hand_over)
    if not permissions.can_withdraw_hand_over(actor, hand_over):
        raise NotAllowed(_("Only the organisation that asked withdraws the request."))
    hand_over = _withdraw(actor, hand_over)
    if not _still_taking_part(hand_over):
        _release_after_departure(actor, hand_over, gettext(
            "Released: %(organisation)s had left and the hand-over was withdrawn."))
    return hand_over


# Releases ----------------------------------------------------------------------------------


def _release_role(actor: Actor, role: WorkingGroupRole, note: str) -> WorkingGroupRole:
    role.ended_at = timezone.now()
    role.end_reason = (note or gettext("Released by the organisation"))[:ROLE_REASON_MAX]
    role.save(update_fields=["ended_at", "end_reason"])
    hand_over = HandOver.objects.create(
        ecosystem=role.working_group.ecosystem, from_organisation=role.organisation, role=role,
        state=HandOver.State.RELEASED, note=note, requested_by=actor.person,
        answered_at=role.ended_at,
    )
    group = role.working_group
    activity = record(verb="collaboration.working_group_role.released", actor=actor,
                      subject=group, ecosystem=group.ecosystem, organisation=role.organisation,
                      payload={"role": role.name, "role_uuid": str(role.uuid),
                               "hand_over": str(hand_over.uuid)})
    people = [m.person for m in WorkingGroupMember.objects.filter(
        working_group=group, state=WorkingGroupMember.State.ACTIVE).select_related("person")]
    notify(recipients=people, kind="collaboration.working_groups", activity=activity,
           url=reverse("collaboration:wg_detail",
                       kwargs={"ecosystem": group.ecosystem.slug, "slug": group.slug}))
    return role


@transaction.atomic
def role_release(*, actor: Actor, role: WorkingGroupRole, note: str = "") -> WorkingGroupRole:
    """The organisation gives up a working-group role; it stays vacant until filled."""
    role = _own_role(actor, role)
    note = clean_note(note, max_length=ROLE_REASON_MAX)
    if _pending(role=role) is not None:
        raise Conflict(_("A hand-over of this is waiting for an answer; withdraw it first."),
                       code="pending")
    return _release_role(actor, role, note)


# Departure ---------------------------------------------------------------------------------


def departure(*, actor: Actor, membership: Membership, action: str) -> None:
    """The kernel's departure hook. Leaving releases every open commitment and role not
    being handed over and ends the organisation's people's working-group memberships, each
    recorded. A hand-over still waiting for an answer stays open: the receiving side may
    accept it after the organisation has gone (if it declines, or the giving side withdraws
    the request, the item is released then). Pausing takes nothing away.

    The memberships end in bulk here, one ``collaboration.working_group_member.departed``
    per group: the working-groups services have no bulk equivalent, and their
    ``end_membership`` would also end the roles whose hand-over is still pending. Such a role
    gives its holder no powers any more: roles count only with an active membership."""
    if action != "leave":
        return
    ecosystem, organisation = membership.ecosystem, membership.organisation
    note = gettext("Released when %(organisation)s left the ecosystem.") % {
        "organisation": organisation}
    pending = HandOver.objects.filter(ecosystem=ecosystem, from_organisation=organisation,
                                      state=HandOver.State.PENDING)
    waiting_commitments = set(pending.values_list("commitment_id", flat=True))
    waiting_roles = set(pending.values_list("role_id", flat=True))
    for commitment in Commitment.objects.select_for_update(of=("self",)).select_related(
        "ecosystem", "organisation"
    ).filter(ecosystem=ecosystem, organisation=organisation, state=Commitment.State.OPEN
             ).exclude(pk__in=waiting_commitments - {None}):
        mark_released(actor=actor, commitment=commitment, reason=note)
    for role in WorkingGroupRole.objects.select_for_update(of=("self",)).select_related(
        "working_group__ecosystem", "organisation"
    ).filter(working_group__ecosystem=ecosystem, organisation=organisation,
             ended_at__isnull=True).exclude(pk__in=waiting_roles - {None}):
        _release_role(actor, role, note[:ROLE_REASON_MAX])
    _end_memberships(actor, ecosystem, organisation)


def _end_memberships(actor: Actor, ecosystem: Ecosystem, organisation: Any) -> None:
    now = timezone.now()
    members = list(WorkingGroupMember.objects.select_for_update(of=("self",)).filter(
        working_group__ecosystem=ecosystem, organisation=organisation,
        state__in=[WorkingGroupMember.State.ACTIVE, WorkingGroupMember.State.REQUESTED],
    ))
    by_group: dict[int, list[WorkingGroupMember]] = {}
    for member in members:
        by_group.setdefault(member.working_group_id, []).append(member)
    groups = WorkingGroup.objects.in_bulk(list(by_group))
    for group_id, group_members in by_group.items():
        WorkingGroupMember.objects.filter(pk__in=[m.pk for m in group_members]).update(
            state=WorkingGroupMember.State.LEFT, left_at=now, updated_at=now)
        record(verb="collaboration.working_group_member.departed", actor=actor,
               subject=groups[group_id], ecosystem=ecosystem, organisation=organisation,
               payload={"members": [str(m.uuid) for m in group_members]})
