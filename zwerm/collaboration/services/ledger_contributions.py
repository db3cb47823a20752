"""Writes about the two-sided ledger: recording what an organisation gave, correcting it
while the other side has not confirmed it, and the receiving side's acknowledgement."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.collaboration.models import (
    REUSABLE_TYPES,
    Commitment,
    Contribution,
    Deliverable,
    WorkingGroup,
)
from zwerm.collaboration.permissions import ledger as permissions
from zwerm.collaboration.selectors.settings import settings_for
from zwerm.collaboration.services.common import clean_date, clean_text, require_person, require_view
from zwerm.collaboration.services.ledger_commitments import sync_fulfilment
from zwerm.collaboration.services.ledger_common import (
    TEXT_MAX,
    amount_payload,
    clean_amount,
    clean_type,
    clean_unit,
    contribution_url,
)
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.notifications import notify
from zwerm.ecosystems.models import Ecosystem, Membership

REUSABLE_FIELDS = ("persistent_link", "licence", "format", "schema")
CORRECTABLE = ("quantity", "unit", "value", "given_on", "description", "beneficiaries",
               *REUSABLE_FIELDS)
MEMBER_STATES = (Membership.State.ACTIVE, Membership.State.PAUSED)


def _member_ids(ecosystem: Ecosystem, organisations: Iterable[Any]) -> set[int]:
    ids = {o.pk for o in organisations}
    return set(Membership.objects.filter(
        ecosystem=ecosystem, organisation_id__in=ids, state__in=MEMBER_STATES,
    ).values_list("organisation_id", flat=True))


def _clean_value(value: Any, ecosystem: Ecosystem) -> tuple[Any, str]:
    if value in (None, ""):
        return None, ""
    unit = settings_for(ecosystem).unit_of_account.strip()
    if not unit:
        raise ValidationFailed(
            _("This ecosystem has not agreed on a unit of account, so record no value."),
            field="value",
        )
    return clean_amount(value, field="value", allow_zero=True), unit


def _clean_given_on(value: Any) -> Any:
    given_on = clean_date(value, field="given_on", required=True)
    if given_on > timezone.localdate():
        raise ValidationFailed(_("The date cannot be in the future."), field="given_on")
    return given_on


def _clean_beneficiaries(ecosystem: Ecosystem, beneficiaries: Iterable[Any]) -> list[Any]:
    chosen = list({o.pk: o for o in beneficiaries}.values())
    if len(_member_ids(ecosystem, chosen)) != len(chosen):
        raise ValidationFailed(_("Beneficiaries must be member organisations of this ecosystem."),
                               field="beneficiaries")
    return chosen


def _clean_reusable(type_: str, data: dict[str, Any]) -> dict[str, str]:
    cleaned = {
        "persistent_link": clean_text(data.get("persistent_link"), field="persistent_link",
                                      label=_("persistent link"), required=False,
                                      max_length=500),
        "licence": clean_text(data.get("licence"), field="licence", label=_("licence"),
                              required=False, max_length=100),
        "format": clean_text(data.get("format"), field="format", label=_("format"),
                             required=False, max_length=100),
        "schema": clean_text(data.get("schema"), field="schema", label=_("schema"),
                             required=False, max_length=300),
    }
    if type_ not in REUSABLE_TYPES:
        for name, value in cleaned.items():
            if value:
                raise ValidationFailed(
                    _("A link, licence, format and schema belong only to data and expertise."),
                    field=name,
                )
    if cleaned["persistent_link"]:
        try:
            URLValidator(schemes=["http", "https"])(cleaned["persistent_link"])
        except ValidationError:
            raise ValidationFailed(_("Enter a full web address starting with https://."),
                                   field="persistent_link") from None
    return cleaned


def _check_commitment(commitment: Commitment, actor: Actor, ecosystem: Ecosystem,
                      type_: str, unit: str) -> None:
    if commitment.ecosystem_id != ecosystem.pk or (
            commitment.organisation_id != actor.organisation.pk):
        raise ValidationFailed(_("Choose a commitment of your own organisation."),
                               field="commitment")
    if commitment.state != Commitment.State.OPEN:
        raise ValidationFailed(_("This commitment is no longer open."), field="commitment")
    if commitment.type != type_ or commitment.unit != unit:
        raise ValidationFailed(
            _("This commitment is for %(unit)s of %(type)s; record a contribution of the same "
              "type and unit.") % {"unit": commitment.unit, "type": commitment.get_type_display()},
            field="commitment",
        )


def _receiver_from(commitment: Commitment) -> tuple[Any, Any]:
    """A contribution to a commitment goes, unless said otherwise, where the promise went."""
    if commitment.deliverable_id:
        return commitment.deliverable, None
    if commitment.working_group_id:
        return None, commitment.working_group
    group = WorkingGroup.objects.filter(initiative_id=commitment.initiative_id).first()
    return None, group


def _check_receiver(ecosystem: Ecosystem, actor: Actor, deliverable: Any, working_group: Any,
                    recipient: Any) -> None:
    if deliverable is None and working_group is None and recipient is None:
        raise ValidationFailed(
            _("Say who received it: a deliverable, a working group or an organisation."),
            field="recipient",
        )
    if deliverable is not None and deliverable.ecosystem_id != ecosystem.pk:
        raise ValidationFailed(_("Choose a deliverable of this ecosystem."), field="deliverable")
    if working_group is not None and working_group.ecosystem_id != ecosystem.pk:
        raise ValidationFailed(_("Choose a working group of this ecosystem."),
                               field="working_group")
    if recipient is not None:
        if recipient.pk == actor.organisation.pk:
            raise ValidationFailed(_("An organisation cannot give to itself."),
                                   field="recipient")
        if not _member_ids(ecosystem, [recipient]):
            raise ValidationFailed(
                _("The receiving organisation must be a member of this ecosystem."),
                field="recipient",
            )


def _notify_receivers(contribution: Contribution, activity: Any) -> None:
    from zwerm.collaboration.selectors.ledger import speakers_for

    organisations = permissions.receiving_organisations(contribution)
    notify(recipients=speakers_for(ecosystem=contribution.ecosystem, organisations=organisations),
           kind="collaboration.acknowledgements", activity=activity,
           url=contribution_url(contribution))


@transaction.atomic
def contribution_record(
    *,
    actor: Actor,
    ecosystem: Ecosystem,
    type: str,
    quantity: Any,
    given_on: Any,
    description: str,
    unit: str = "",
    value: Any = None,
    deliverable: Deliverable | None = None,
    working_group: WorkingGroup | None = None,
    recipient: Any = None,
    beneficiaries: Iterable[Any] = (),
    commitment: Commitment | None = None,
    **reusable: Any,
) -> Contribution:
    """Record what the actor's organisation gave; the receiving side is asked to confirm."""
    require_person(actor)
    require_view(actor, ecosystem)
    if not permissions.can_record_contribution(actor, ecosystem):
        raise NotAllowed(
            _("Only people acting for a member organisation can record what it gave."),
            code="not_member",
        )
    unknown = set(reusable) - set(REUSABLE_FIELDS)
    if unknown:
        raise ValidationFailed(_("This field is not known."), field=sorted(unknown)[0])
    type_ = clean_type(type)
    if commitment is not None:
        commitment = Commitment.objects.select_for_update(of=("self",)).get(pk=commitment.pk)
        unit = unit or commitment.unit
    unit = clean_unit(unit, type_)
    if commitment is not None:
        _check_commitment(commitment, actor, ecosystem, type_, unit)
        if deliverable is None and working_group is None and recipient is None:
            deliverable, working_group = _receiver_from(commitment)
    _check_receiver(ecosystem, actor, deliverable, working_group, recipient)
    value, value_unit = _clean_value(value, ecosystem)
    contribution = Contribution.objects.create(
        ecosystem=ecosystem, giver=actor.person, giver_organisation=actor.organisation,
        type=type_, quantity=clean_amount(quantity, field="quantity"), unit=unit,
        value=value, value_unit=value_unit, deliverable=deliverable,
        working_group=working_group, recipient=recipient, commitment=commitment,
        given_on=_clean_given_on(given_on),
        description=clean_text(description, field="description", label=_("description"),
                               required=True, max_length=TEXT_MAX),
        **_clean_reusable(type_, reusable),
    )
    contribution.beneficiaries.set(_clean_beneficiaries(ecosystem, beneficiaries))
    activity = record(
        verb="collaboration.contribution.recorded", actor=actor, subject=contribution,
        ecosystem=ecosystem, organisation=actor.organisation,
        payload={**amount_payload(contribution), "given_on": contribution.given_on.isoformat(),
                 "commitment": str(commitment.uuid) if commitment else None},
    )
    if commitment is not None:
        sync_fulfilment(commitment=commitment, actor=actor, completed_on=contribution.given_on)
    _notify_receivers(contribution, activity)
    return contribution


@transaction.atomic
def contribution_correct(*, actor: Actor, contribution: Contribution,
                         **changes: Any) -> Contribution:
    """The giving side corrects an entry the receiving side has not yet acknowledged."""
    require_person(actor)
    contribution = Contribution.objects.select_for_update(of=("self",)).select_related(
        "ecosystem", "giver_organisation", "commitment").get(pk=contribution.pk)
    ecosystem = contribution.ecosystem
    require_view(actor, ecosystem)
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise ValidationFailed(
            _("Only the amount, value, date, description, beneficiaries and the data details "
              "can be corrected."), field=sorted(unknown)[0])
    if contribution.is_acknowledged:
        raise Conflict(_("This contribution was acknowledged; it is final now."),
                       code="acknowledged")
    if not permissions.can_correct(actor, contribution):
        raise NotAllowed(_("Only people of the giving organisation can correct it."))
    changed: list[str] = []

    def put(name: str, value: Any) -> None:
        if getattr(contribution, name) != value:
            setattr(contribution, name, value)
            changed.append(name)

    if "quantity" in changes:
        put("quantity", clean_amount(changes["quantity"], field="quantity"))
    if "unit" in changes:
        unit = clean_unit(changes["unit"], contribution.type)
        if contribution.commitment_id and unit != contribution.commitment.unit:
            raise ValidationFailed(_("The unit must stay that of the commitment."),
                                   field="unit")
        put("unit", unit)
    if "value" in changes:
        value, value_unit = _clean_value(changes["value"], ecosystem)
        put("value", value)
        put("value_unit", value_unit)
    if "given_on" in changes:
        put("given_on", _clean_given_on(changes["given_on"]))
    if "description" in changes:
        put("description", clean_text(changes["description"], field="description",
                                      label=_("description"), required=True,
                                      max_length=TEXT_MAX))
    if set(REUSABLE_FIELDS) & set(changes):
        current = {name: getattr(contribution, name) for name in REUSABLE_FIELDS}
        for name, value in _clean_reusable(contribution.type, {**current, **changes}).items():
            put(name, value)
    if "beneficiaries" in changes:
        chosen = _clean_beneficiaries(ecosystem, changes["beneficiaries"] or [])
        if {o.pk for o in chosen} != set(contribution.beneficiaries.values_list("pk", flat=True)):
            contribution.beneficiaries.set(chosen)
            changed.append("beneficiaries")
    if not changed:
        return contribution
    contribution.save(update_fields=[n for n in changed if n != "beneficiaries"]
                      + ["updated_at"])
    record(verb="collaboration.contribution.corrected", actor=actor, subject=contribution,
           ecosystem=ecosystem, organisation=contribution.giver_organisation,
           payload={**amount_payload(contribution), "changed": sorted(changed)})
    if contribution.commitment_id:
        commitment = Commitment.objects.select_for_update(of=("self",)).get(
            pk=contribution.commitment_id)
        sync_fulfilment(commitment=commitment, actor=actor, completed_on=contribution.given_on)
    return contribution


@transaction.atomic
def contribution_acknowledge(*, actor: Actor, contribution: Contribution) -> Contribution:
    """The receiving side confirms the entry, once; after that it is final."""
    require_person(actor)
    contribution = Contribution.objects.select_related(
        "ecosystem", "giver_organisation", "recipient", "deliverable__owner").get(
        pk=contribution.pk)
    require_view(actor, contribution.ecosystem)
    if contribution.is_acknowledged:
        raise Conflict(_("This contribution was already acknowledged."), code="acknowledged")
    if not permissions.can_acknowledge(actor, contribution):
        raise NotAllowed(_("Only people of the receiving organisation can acknowledge it."))
    organisation = permissions.acknowledging_organisation(actor, contribution,
                                                          actor.organisation)
    now = timezone.now()
    updated = Contribution.objects.filter(pk=contribution.pk, acknowledged_at__isnull=True) \
        .update(acknowledged_at=now, acknowledged_by=actor.person,
                acknowledged_for=organisation, updated_at=now)
    if not updated:
        raise Conflict(_("This contribution was already acknowledged."), code="acknowledged")
    contribution.acknowledged_at = now
    contribution.acknowledged_by = actor.person
    contribution.acknowledged_for = organisation
    record(verb="collaboration.contribution.acknowledged", actor=actor, subject=contribution,
           ecosystem=contribution.ecosystem, organisation=organisation,
           payload={**amount_payload(contribution),
                    "giver": str(contribution.giver_organisation.uuid)})
    return contribution
