"""Endpoints of commitments, the contributions ledger, balances and "kept on time".

Thin: look up what the viewer may see (404 otherwise), call the same services and
selectors as the pages, shape the answer.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import Field as NinjaField
from ninja import Query, Router, Schema, Status

from zwerm.collaboration import balances as pure
from zwerm.collaboration.api.common import ecosystem_of, organisation_of
from zwerm.collaboration.api.ledger_schemas import (
    BalancesOut,
    CommitmentIn,
    CommitmentListOut,
    CommitmentOut,
    CommitmentPatchIn,
    ContributionIn,
    ContributionListOut,
    ContributionOut,
    ContributionPatchIn,
    KeptOut,
    ReleaseIn,
)
from zwerm.collaboration.models import Commitment, Contribution, Deliverable, WorkingGroup
from zwerm.collaboration.permissions import ledger as permissions
from zwerm.collaboration.selectors import ledger as selectors
from zwerm.collaboration.selectors.settings import settings_for
from zwerm.collaboration.services import ledger as services
from zwerm.core.api_support import OPTIONAL, REQUIRED, actor_of, organisation_ref
from zwerm.core.errors import ValidationFailed
from zwerm.ecosystems.models import Ecosystem
from zwerm.organisations.models import Organisation

router = Router(tags=["collaboration: ledger"])


class Page(Schema):
    limit: int = NinjaField(20, ge=1, le=100)
    offset: int = NinjaField(0, ge=0)


class CommitmentFilters(Page):
    state: str = NinjaField("", pattern=r"^(|open|overdue|fulfilled|released|handed_over)$")
    organisation: str = NinjaField("", max_length=80)
    type: str = NinjaField("", max_length=12)
    deliverable: uuid.UUID | None = None
    working_group: uuid.UUID | None = None
    initiative: uuid.UUID | None = None


class ContributionFilters(Page):
    type: str = NinjaField("", max_length=12)
    organisation: str = NinjaField("", max_length=80)
    acknowledged: bool | None = None
    deliverable: uuid.UUID | None = None
    working_group: uuid.UUID | None = None


# Lookups -----------------------------------------------------------------------------------


def _in(ecosystem: Ecosystem, model: Any, key: uuid.UUID | None, field: str,
        message: Any) -> Any:
    if key is None:
        return None
    found = model.objects.filter(ecosystem=ecosystem, uuid=key).first()
    if found is None:
        raise ValidationFailed(message, field=field)
    return found


def _deliverable(ecosystem, key, field="deliverable"):
    return _in(ecosystem, Deliverable, key, field,
               _("No deliverable of this ecosystem has this identifier."))


def _group(ecosystem, key, field="working_group"):
    return _in(ecosystem, WorkingGroup, key, field,
               _("No working group of this ecosystem has this identifier."))


def _initiative(ecosystem, key):
    from zwerm.ideation.models import Initiative

    if key is None:
        return None
    found = Initiative.objects.select_related("challenge").filter(
        uuid=key, challenge__ecosystem=ecosystem).first()
    if found is None:
        raise ValidationFailed(_("No initiative of this ecosystem has this identifier."),
                               field="initiative")
    return found


def _commitment(request, key: uuid.UUID) -> Commitment:
    found = Commitment.objects.select_related("ecosystem").filter(uuid=key).first()
    if found is None:
        raise Http404
    viewer = actor_of(request).person
    detail = selectors.commitment_detail(viewer=viewer, ecosystem=found.ecosystem, uuid=key)
    if detail is None:
        raise Http404
    return detail


def _contribution(request, key: uuid.UUID) -> Contribution:
    found = Contribution.objects.select_related("ecosystem").filter(uuid=key).first()
    if found is None:
        raise Http404
    detail = selectors.contribution_detail(viewer=actor_of(request).person,
                                           ecosystem=found.ecosystem, uuid=key)
    if detail is None:
        raise Http404
    return detail


# Shaping -----------------------------------------------------------------------------------


def _commitment_row(c: Commitment) -> dict[str, Any]:
    progress = selectors.commitment_progress(c)
    target = c.deliverable or c.working_group or c.initiative
    kind = "deliverable" if c.deliverable_id else (
        "working_group" if c.working_group_id else "initiative")
    return {
        "uuid": c.uuid, "ecosystem": c.ecosystem.slug,
        "organisation": organisation_ref(c.organisation),
        "target": {"kind": kind, "uuid": target.uuid, "title": str(target)},
        "type": c.type, "quantity": str(c.quantity), "unit": c.unit, "due_on": c.due_on,
        "description": c.description, "state": c.state, "delivered": str(progress.delivered),
        "progress_percent": progress.percent, "overdue": progress.overdue,
        "fulfilled_at": c.fulfilled_at, "fulfilled_on": c.fulfilled_on,
        "closed_reason": c.closed_reason,
        "handed_over_from": c.handed_over_from.uuid if c.handed_over_from_id else None,
        "handed_over_to": [s.uuid for s in c.handed_over_to.all()],
        "created_at": c.created_at,
    }


def _contribution_row(c: Contribution, with_receivers: bool = False) -> dict[str, Any]:
    row = {
        "uuid": c.uuid, "ecosystem": c.ecosystem.slug,
        "giver": organisation_ref(c.giver_organisation),
        "type": c.type, "quantity": str(c.quantity), "unit": c.unit,
        "value": None if c.value is None else str(c.value), "value_unit": c.value_unit,
        "deliverable": c.deliverable.uuid if c.deliverable_id else None,
        "working_group": c.working_group.uuid if c.working_group_id else None,
        "recipient": organisation_ref(c.recipient),
        "beneficiaries": [organisation_ref(b) for b in c.beneficiaries.all()],
        "commitment": c.commitment.uuid if c.commitment_id else None,
        "given_on": c.given_on, "description": c.description,
        "persistent_link": c.persistent_link, "licence": c.licence, "format": c.format,
        "schema": c.schema, "acknowledged": c.is_acknowledged,
        "acknowledged_at": c.acknowledged_at,
        "acknowledged_for": organisation_ref(c.acknowledged_for),
        "created_at": c.created_at,
    }
    if with_receivers:
        row["receiving_side"] = [organisation_ref(o)
                                 for o in permissions.receiving_organisations(c)]
    return row


def _page(queryset, page: Page, shape) -> dict[str, Any]:
    return {"count": queryset.count(),
            "items": [shape(o) for o in queryset[page.offset:page.offset + page.limit]]}


def _line(line: pure.Line, **extra: str) -> dict[str, str]:
    return {"given": str(line.given), "given_pending": str(line.given_pending),
            "taken": str(line.taken), "taken_pending": str(line.taken_pending),
            "net": str(line.net), **extra}


def _balances(ecosystem: Ecosystem, view: selectors.BalanceView, only: Any = None) -> dict:
    result = view.balances
    organisations = []
    for key in sorted(result.organisations(), key=lambda k: (k == pure.COMMONS,
                                                             view.name(k))):
        if only is not None and key != only:
            continue
        organisations.append({
            "organisation": organisation_ref(view.organisations.get(key)),
            "commons": key == pure.COMMONS,
            "quantities": [_line(line, type=t, unit=u) for (t, u), line
                           in sorted(result.quantities.get(key, {}).items())],
            "values": [_line(line, type="value", unit=u) for u, line
                       in sorted(result.values.get(key, {}).items())],
        })
    return {
        "ecosystem": ecosystem.slug,
        "unit_of_account": settings_for(ecosystem).unit_of_account.strip(),
        "totals": [_line(line, type=t, unit=u) for (t, u), line
                   in sorted(result.totals.items())],
        "value_totals": [_line(line, type="value", unit=u) for u, line
                         in sorted(result.value_totals.items())],
        "organisations": organisations,
    }


def _kept(organisation: Any, kept: pure.Kept) -> dict[str, Any]:
    share = kept.share_on_time
    return {"organisation": organisation_ref(organisation), "due": kept.due,
            "fulfilled": kept.fulfilled,
            "on_time": kept.on_time, "open_overdue": kept.open_overdue, "open": kept.open,
            "share_on_time": None if share is None else int(share)}


# Commitments -------------------------------------------------------------------------------


@router.get("/ecosystems/{slug}/commitments", response=CommitmentListOut, auth=OPTIONAL,
            summary="List commitments (filters: state, organisation, type, target)")
def list_commitments(request, slug: str, filters: Query[CommitmentFilters]):
    ecosystem = ecosystem_of(request, slug)
    queryset = selectors.commitment_list(
        viewer=actor_of(request).person, ecosystem=ecosystem, state=filters.state,
        type=filters.type, organisation=organisation_of(filters.organisation, field="organisation"),
        deliverable=_deliverable(ecosystem, filters.deliverable),
        working_group=_group(ecosystem, filters.working_group),
        initiative=_initiative(ecosystem, filters.initiative),
    )
    return _page(queryset, filters, _commitment_row)


@router.post("/ecosystems/{slug}/commitments", response={201: CommitmentOut}, auth=REQUIRED,
             summary="Commit the organisation you act for")
def create_commitment(request, slug: str, payload: CommitmentIn):
    ecosystem = ecosystem_of(request, slug)
    commitment = services.commitment_make(
        actor=actor_of(request), ecosystem=ecosystem, type=payload.type,
        quantity=payload.quantity, unit=payload.unit, due_on=payload.due_on,
        description=payload.description,
        deliverable=_deliverable(ecosystem, payload.deliverable, "target"),
        working_group=_group(ecosystem, payload.working_group, "target"),
        initiative=_initiative(ecosystem, payload.initiative),
    )
    return Status(201, _commitment_row(_commitment(request, commitment.uuid)))


@router.get("/commitments/{uuid:key}", response=CommitmentOut, auth=OPTIONAL,
            summary="One commitment, with delivered and progress")
def get_commitment(request, key: uuid.UUID):
    return _commitment_row(_commitment(request, key))


@router.patch("/commitments/{uuid:key}", response=CommitmentOut, auth=REQUIRED,
              summary="Change an open commitment (its organisation)")
def update_commitment(request, key: uuid.UUID, payload: CommitmentPatchIn):
    commitment = _commitment(request, key)
    changes = payload.dict(exclude_unset=True)
    services.commitment_update(actor=actor_of(request), commitment=commitment, **changes)
    return _commitment_row(_commitment(request, key))


@router.post("/commitments/{uuid:key}/release", response=CommitmentOut, auth=REQUIRED,
             summary="Release an open commitment, saying why (its organisation)")
def release_commitment(request, key: uuid.UUID, payload: ReleaseIn):
    commitment = _commitment(request, key)
    services.commitment_release(actor=actor_of(request), commitment=commitment,
                                reason=payload.reason)
    return _commitment_row(_commitment(request, key))


@router.get("/ecosystems/{slug}/kept-on-time", response=list[KeptOut], auth=OPTIONAL,
            summary="Commitments kept on time, per organisation")
def kept_on_time(request, slug: str):
    ecosystem = ecosystem_of(request, slug)
    return [_kept(o, k) for o, k in selectors.kept_on_time_per_organisation(ecosystem=ecosystem)]


# Contributions -----------------------------------------------------------------------------


@router.get("/ecosystems/{slug}/contributions", response=ContributionListOut, auth=OPTIONAL,
            by_alias=True, summary="The ledger (filters: type, organisation, acknowledged, "
                                   "deliverable, working group)")
def list_contributions(request, slug: str, filters: Query[ContributionFilters]):
    ecosystem = ecosystem_of(request, slug)
    queryset = selectors.contribution_list(
        viewer=actor_of(request).person, ecosystem=ecosystem, type=filters.type,
        organisation=organisation_of(filters.organisation, field="organisation"),
        acknowledged=filters.acknowledged,
        deliverable=_deliverable(ecosystem, filters.deliverable),
        working_group=_group(ecosystem, filters.working_group),
    )
    return _page(queryset, filters, _contribution_row)


@router.get("/ecosystems/{slug}/contributions/waiting", response=ContributionListOut,
            auth=REQUIRED, by_alias=True,
            summary="Contributions waiting for my organisations' acknowledgement")
def waiting_contributions(request, slug: str, page: Query[Page]):
    ecosystem = ecosystem_of(request, slug)
    queryset = selectors.awaiting_acknowledgement(person=actor_of(request).person,
                                                  ecosystem=ecosystem)
    return _page(queryset, page, _contribution_row)


@router.post("/ecosystems/{slug}/contributions", response={201: ContributionOut},
             auth=REQUIRED, by_alias=True,
             summary="Record what the organisation you act for gave")
def create_contribution(request, slug: str, payload: ContributionIn):
    ecosystem = ecosystem_of(request, slug)
    commitment = None
    if payload.commitment is not None:
        commitment = Commitment.objects.filter(ecosystem=ecosystem,
                                               uuid=payload.commitment).first()
        if commitment is None:
            raise ValidationFailed(_("No commitment of this ecosystem has this identifier."),
                                   field="commitment")
    beneficiaries = [organisation_of(s, field="beneficiaries") for s in payload.beneficiaries]
    entry = services.contribution_record(
        actor=actor_of(request), ecosystem=ecosystem, type=payload.type,
        quantity=payload.quantity, unit=payload.unit, value=payload.value,
        given_on=payload.given_on, description=payload.description,
        deliverable=_deliverable(ecosystem, payload.deliverable),
        working_group=_group(ecosystem, payload.working_group),
        recipient=organisation_of(payload.recipient, field="recipient"),
        beneficiaries=beneficiaries, commitment=commitment,
        persistent_link=payload.persistent_link, licence=payload.licence,
        format=payload.format, schema=payload.schema_,
    )
    return Status(201, _contribution_row(_contribution(request, entry.uuid), True))


@router.get("/contributions/{uuid:key}", response=ContributionOut, auth=OPTIONAL,
            by_alias=True, summary="One ledger entry, with who may acknowledge it")
def get_contribution(request, key: uuid.UUID):
    return _contribution_row(_contribution(request, key), True)


@router.patch("/contributions/{uuid:key}", response=ContributionOut, auth=REQUIRED,
              by_alias=True, summary="Correct an entry before it is acknowledged (giver)")
def correct_contribution(request, key: uuid.UUID, payload: ContributionPatchIn):
    entry = _contribution(request, key)
    changes = payload.dict(exclude_unset=True)
    if "schema_" in changes:
        changes["schema"] = changes.pop("schema_")
    if "beneficiaries" in changes:
        changes["beneficiaries"] = [organisation_of(s, field="beneficiaries")
                                    for s in changes["beneficiaries"] or []]
    services.contribution_correct(actor=actor_of(request), contribution=entry, **changes)
    return _contribution_row(_contribution(request, key), True)


@router.post("/contributions/{uuid:key}/acknowledge", response=ContributionOut,
             auth=REQUIRED, by_alias=True,
             summary="Acknowledge an entry, once (the receiving side)")
def acknowledge_contribution(request, key: uuid.UUID):
    entry = _contribution(request, key)
    services.contribution_acknowledge(actor=actor_of(request), contribution=entry)
    return _contribution_row(_contribution(request, key), True)


# Balances and export -----------------------------------------------------------------------


@router.get("/ecosystems/{slug}/balances", response=BalancesOut, auth=OPTIONAL,
            summary="Give and take per organisation, per type and unit, and in the unit "
                    "of account")
def ecosystem_balances(request, slug: str):
    ecosystem = ecosystem_of(request, slug)
    view = selectors.balances_for(ecosystem=ecosystem, viewer=actor_of(request).person)
    return _balances(ecosystem, view)


@router.get("/ecosystems/{slug}/balances/{organisation}", response=BalancesOut,
            auth=OPTIONAL, summary="Give and take of one organisation in the ecosystem")
def organisation_balances(request, slug: str, organisation: str):
    ecosystem = ecosystem_of(request, slug)
    found = Organisation.objects.filter(slug=organisation).first()
    if found is None:
        raise Http404
    view = selectors.balances_for(ecosystem=ecosystem, viewer=actor_of(request).person)
    return _balances(ecosystem, view, only=found.pk)


@router.get("/ecosystems/{slug}/ledger.csv", auth=OPTIONAL,
            summary="The whole ledger as CSV (documented columns)")
def export_ledger(request, slug: str):
    from zwerm.collaboration.views.ledger import csv_response

    ecosystem = ecosystem_of(request, slug)
    return csv_response(ecosystem, selectors.ledger_rows(viewer=actor_of(request).person,
                                                         ecosystem=ecosystem))
