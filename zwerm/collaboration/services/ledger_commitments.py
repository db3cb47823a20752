"""Writes about commitments: what an organisation promises a deliverable, a working group or
an initiative, changing and releasing it, and keeping its fulfilment up to date.

Releasing has one path, ``commitment_release``, for the ledger's pages, the hand-over page
and both APIs; ``mark_released`` is what every release shares (also a departure, and a
hand-over declined or withdrawn after the organisation left): the state, the reason, the
``HandOver`` row in state ``released`` that records the decision, and the activity.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.collaboration.models import Commitment, Deliverable, HandOver, WorkingGroup
from zwerm.collaboration.permissions import ledger as permissions
from zwerm.collaboration.services.common import clean_date, clean_text, require_person, require_view
from zwerm.collaboration.services.ledger_common import (
    CENT,
    TEXT_MAX,
    amount_payload,
    clean_amount,
    clean_type,
    clean_unit,
)
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.ecosystems.models import Ecosystem

EDITABLE = ("quantity", "unit", "due_on", "description")


def _check_target(
    ecosystem: Ecosystem, deliverable: Any, working_group: Any, initiative: Any
) -> None:
    chosen = [t for t in (deliverable, working_group, initiative) if t is not None]
    if len(chosen) != 1:
        raise ValidationFailed(
            _("Choose one deliverable, working group or initiative to commit to."),
            field="target",
        )
    if deliverable is not None:
        if deliverable.ecosystem_id != ecosystem.pk:
            raise ValidationFailed(_("Choose a deliverable of this ecosystem."), field="target")
        if deliverable.state in (Deliverable.State.DELIVERED, Deliverable.State.CANCELLED):
            raise ValidationFailed(
                _("This deliverable is finished; commit to an open one."), field="target"
            )
    if working_group is not None:
        if working_group.ecosystem_id != ecosystem.pk:
            raise ValidationFailed(_("Choose a working group of this ecosystem."),
                                   field="target")
        if working_group.archived_at is not None:
            raise ValidationFailed(
                _("This working group is archived; commit to an active one."), field="target"
            )
    if initiative is not None and initiative.challenge.ecosystem_id != ecosystem.pk:
        raise ValidationFailed(
            _("Choose an initiative of a challenge in this ecosystem."), field="target"
        )


@transaction.atomic
def commitment_make(
    *,
    actor: Actor,
    ecosystem: Ecosystem,
    type: str,
    quantity: Any,
    due_on: Any,
    unit: str = "",
    description: str = "",
    deliverable: Deliverable | None = None,
    working_group: WorkingGroup | None = None,
    initiative: Any = None,
) -> Commitment:
    """The organisation the actor acts for promises an amount of one type, by a date."""
    require_person(actor)
    require_view(actor, ecosystem)
    if not permissions.can_commit(actor, ecosystem):
        raise NotAllowed(
            _("Only people acting for an active member organisation can commit it."),
            code="not_member",
        )
    _check_target(ecosystem, deliverable, working_group, initiative)
    type_ = clean_type(type)
    commitment = Commitment(
        ecosystem=ecosystem, organisation=actor.organisation, person=actor.person,
        deliverable=deliverable, working_group=working_group, initiative=initiative,
        type=type_, quantity=clean_amount(quantity, field="quantity"),
        unit=clean_unit(unit, type_), due_on=clean_date(due_on, field="due_on", required=True),
        description=clean_text(description, field="description", label=_("description"),
                               required=False, max_length=TEXT_MAX),
    )
    _check_due(commitment.due_on)
    commitment.save()
    record(verb="collaboration.commitment.made", actor=actor, subject=commitment,
           ecosystem=ecosystem, organisation=commitment.organisation,
           payload={**amount_payload(commitment), "due_on": commitment.due_on.isoformat(),
                    "target": _target_ref(commitment)})
    return commitment


def _check_due(due_on: date) -> None:
    if due_on < timezone.localdate():
        raise ValidationFailed(_("Choose a date from today on."), field="due_on")


def _target_ref(commitment: Commitment) -> dict[str, str]:
    for kind in ("deliverable", "working_group", "initiative"):
        target = getattr(commitment, kind)
        if target is not None:
            return {"kind": kind, "uuid": str(target.uuid)}
    return {}


def _locked(commitment: Commitment) -> Commitment:
    return Commitment.objects.select_for_update(of=("self",)).select_related(
        "ecosystem", "organisation").get(pk=commitment.pk)


def _refuse_while_handing_over(commitment: Commitment) -> None:
    """A commitment another organisation is being asked to take over stays as asked until
    that request is answered or withdrawn (the row is locked, so no request slips in)."""
    if HandOver.objects.filter(commitment=commitment, state=HandOver.State.PENDING).exists():
        raise Conflict(_("A hand-over of this is waiting for an answer; withdraw it first."),
                       code="pending")


@transaction.atomic
def commitment_update(*, actor: Actor, commitment: Commitment, **changes: Any) -> Commitment:
    """People of the committed organisation change quantity, unit, date or description of
    an open commitment; the type and target stay (make a new commitment for another). Not
    while a hand-over of it waits for an answer (409 ``pending``). A new date clears
    ``reminded_at``, so the commitment is reminded again before it falls due."""
    require_person(actor)
    commitment = _locked(commitment)
    require_view(actor, commitment.ecosystem)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationFailed(_("Only quantity, unit, date and description can change."),
                               field=sorted(unknown)[0])
    if commitment.state != Commitment.State.OPEN:
        raise Conflict(_("Only an open commitment can be changed."), code="not_open")
    if not permissions.can_edit_commitment(actor, commitment):
        raise NotAllowed(_("Only people of the committed organisation can change it."))
    _refuse_while_handing_over(commitment)
    cleaned: dict[str, Any] = {}
    if "quantity" in changes:
        cleaned["quantity"] = clean_amount(changes["quantity"], field="quantity")
    if "unit" in changes:
        unit = clean_unit(changes["unit"], commitment.type)
        if unit != commitment.unit and commitment.contributions.exists():
            raise ValidationFailed(
                _("Contributions were already recorded in this unit; it cannot change."),
                field="unit",
            )
        cleaned["unit"] = unit
    if "due_on" in changes:
        cleaned["due_on"] = clean_date(changes["due_on"], field="due_on", required=True)
        if cleaned["due_on"] != commitment.due_on:
            _check_due(cleaned["due_on"])
    if "description" in changes:
        cleaned["description"] = clean_text(changes["description"], field="description",
                                            label=_("description"), required=False,
                                            max_length=TEXT_MAX)
    changed = {k: v for k, v in cleaned.items() if getattr(commitment, k) != v}
    if not changed:
        return commitment
    for name, value in changed.items():
        setattr(commitment, name, value)
    fields = [*changed, "updated_at"]
    if "due_on" in changed and commitment.reminded_at is not None:
        commitment.reminded_at = None
        fields.append("reminded_at")
    commitment.save(update_fields=fields)
    record(verb="collaboration.commitment.updated", actor=actor, subject=commitment,
           ecosystem=commitment.ecosystem, organisation=commitment.organisation,
           payload={**amount_payload(commitment), "due_on": commitment.due_on.isoformat(),
                    "changed": sorted(changed)})
    sync_fulfilment(commitment=commitment, actor=actor)
    return commitment


@transaction.atomic
def commitment_release(*, actor: Actor, commitment: Commitment, reason: str) -> Commitment:
    """The organisation withdraws its promise, saying why; it stays visible as released.

    The one path for releasing a commitment (ledger and hand-over pages, both APIs). Who:
    the people who speak for the committed organisation — its admins and its delegate,
    acting for it, while it is an active or paused member — as for hand-overs
    (``permissions.ledger.can_release``). Not while a hand-over of it waits for an answer
    (409 ``pending``): withdraw that first.
    """
    require_person(actor)
    commitment = _locked(commitment)
    require_view(actor, commitment.ecosystem)
    if commitment.state != Commitment.State.OPEN:
        raise Conflict(_("Only an open commitment can be released."), code="not_open")
    if not permissions.can_release(actor, commitment):
        raise NotAllowed(_("Only an administrator or the delegate of the committed "
                           "organisation can release it."), code="not_speaker")
    _refuse_while_handing_over(commitment)
    return mark_released(actor=actor, commitment=commitment, reason=reason)


def mark_released(*, actor: Actor, commitment: Commitment, reason: str) -> Commitment:
    """Release a locked, open commitment: state and reason, the ``HandOver`` row in state
    ``released`` (the record of the decision the organisation export shows) and the one
    activity ``collaboration.commitment.released``. Callers have checked who may and run
    inside their transaction.

    Besides ``commitment_release``, a departure releases what the organisation leaves
    behind, and a hand-over declined or withdrawn after it left releases what nobody took
    over (``services.elasticity``).
    """
    commitment.closed_reason = clean_text(reason, field="reason", label=_("reason"),
                                          required=True, max_length=TEXT_MAX)
    commitment.state = Commitment.State.RELEASED
    commitment.save(update_fields=["state", "closed_reason", "updated_at"])
    hand_over = HandOver.objects.create(
        ecosystem=commitment.ecosystem, from_organisation=commitment.organisation,
        commitment=commitment, state=HandOver.State.RELEASED, note=commitment.closed_reason,
        requested_by=actor.person, answered_at=timezone.now(),
    )
    record(verb="collaboration.commitment.released", actor=actor, subject=commitment,
           ecosystem=commitment.ecosystem, organisation=commitment.organisation,
           payload={**amount_payload(commitment), "reason": commitment.closed_reason,
                    "hand_over": str(hand_over.uuid)})
    return commitment


def delivered_of(commitment: Commitment) -> Decimal:
    """What the linked contributions delivered so far, with two places (SQLite's sum may
    drop them)."""
    total = commitment.contributions.aggregate(total=Sum("quantity"))["total"]
    return Decimal(total or 0).quantize(CENT)


def sync_fulfilment(*, commitment: Commitment, actor: Actor,
                    completed_on: date | None = None) -> None:
    """Fulfilled as soon as the linked contributions reach the promise; open again when a
    correction takes it below, recorded as
    ``collaboration.commitment.reopened``. Runs inside the caller's transaction."""
    if commitment.state not in (Commitment.State.OPEN, Commitment.State.FULFILLED):
        return
    delivered = delivered_of(commitment)
    if commitment.state == Commitment.State.OPEN and delivered >= commitment.quantity:
        commitment.state = Commitment.State.FULFILLED
        commitment.fulfilled_at = timezone.now()
        commitment.fulfilled_on = completed_on or commitment.contributions.order_by(
            "-given_on").values_list("given_on", flat=True).first()
        commitment.save(update_fields=["state", "fulfilled_at", "fulfilled_on", "updated_at"])
        record(verb="collaboration.commitment.fulfilled", actor=actor, subject=commitment,
               ecosystem=commitment.ecosystem, organisation=commitment.organisation,
               payload={**amount_payload(commitment), "delivered": str(delivered),
                        "fulfilled_on": commitment.fulfilled_on.isoformat(),
                        "on_time": commitment.fulfilled_on <= commitment.due_on})
    elif commitment.state == Commitment.State.FULFILLED and delivered < commitment.quantity:
        commitment.state = Commitment.State.OPEN
        commitment.fulfilled_at = None
        commitment.fulfilled_on = None
        commitment.save(update_fields=["state", "fulfilled_at", "fulfilled_on", "updated_at"])
        record(verb="collaboration.commitment.reopened", actor=actor, subject=commitment,
               ecosystem=commitment.ecosystem, organisation=commitment.organisation,
               payload={**amount_payload(commitment), "delivered": str(delivered)})
