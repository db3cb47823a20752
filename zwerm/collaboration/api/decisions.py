"""Decisions API: settings, proposals (tabling, amending, withdrawing), positions, and the
decision register. Deciding is not an endpoint: it happens when all have responded or at the
deadline."""

from __future__ import annotations

import uuid

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Field as NinjaField
from ninja import Query, Router, Schema, Status

from zwerm.collaboration.api.common import ecosystem_of
from zwerm.collaboration.api.decisions_schemas import (
    AmendIn,
    DecisionListOut,
    DecisionOut,
    PositionIn,
    PositionListOut,
    ProposalDetailOut,
    ProposalIn,
    ProposalListOut,
    ProposalOut,
    SettingsIn,
    SettingsOut,
    StatementIn,
    WithdrawIn,
)
from zwerm.collaboration.models import Decision, Position, Proposal, WorkingGroup
from zwerm.collaboration.permissions import decisions as rules
from zwerm.collaboration.selectors import decisions as selectors
from zwerm.collaboration.selectors.settings import settings_for
from zwerm.collaboration.services import decisions as services
from zwerm.collaboration.services.decisions_outcome import decision_statement_update, evaluate
from zwerm.collaboration.services.settings import collaboration_settings_update
from zwerm.core.api_support import OPTIONAL, REQUIRED, Names, actor_of, organisation_ref
from zwerm.core.errors import ValidationFailed
from zwerm.ecosystems.models import Ecosystem

router = Router()


class Page(Schema):
    limit: int = NinjaField(20, ge=1, le=100)
    offset: int = NinjaField(0, ge=0)


class ProposalFilters(Page):
    state: Proposal.State | None = None


class DecisionFilters(Page):
    q: str = NinjaField("", max_length=100)
    outcome: Decision.Outcome | None = None
    working_group: str = NinjaField("", max_length=80)
    year: int | None = NinjaField(None, ge=1900, le=9999)


# Lookups -----------------------------------------------------------------------------------


def _proposal(request, proposal_uuid: uuid.UUID) -> Proposal:
    proposal = selectors.proposal_detail(viewer=actor_of(request).person, uuid=proposal_uuid)
    if proposal is None:
        raise Http404
    return proposal


def _decision(request, decision_uuid: uuid.UUID) -> Decision:
    decision = selectors.decision_by_uuid(viewer=actor_of(request).person, uuid=decision_uuid)
    if decision is None:
        raise Http404
    return decision


def _working_group(ecosystem: Ecosystem, group_uuid: uuid.UUID | None) -> WorkingGroup | None:
    if group_uuid is None:
        return None
    group = WorkingGroup.objects.filter(ecosystem=ecosystem, uuid=group_uuid).first()
    if group is None:
        raise ValidationFailed(_("No working group of this ecosystem has this identifier."),
                               field="working_group")
    return group


# Shaping -----------------------------------------------------------------------------------


def _proposal_row(proposal: Proposal, names: Names, awaiting: bool | None = None) -> dict:
    return {
        "uuid": proposal.uuid, "ecosystem": proposal.ecosystem.slug,
        "working_group": proposal.working_group.uuid if proposal.working_group_id else None,
        "kind": proposal.kind, "title": proposal.title, "body": proposal.body,
        "state": proposal.state, "version": proposal.version, "deadline": proposal.deadline,
        "decision_mode": proposal.decision_mode, "quorum_percent": proposal.quorum_percent,
        "proposer": names(proposal.proposer),
        "proposer_organisation": organisation_ref(proposal.proposer_organisation),
        "options": [{"uuid": o.uuid, "label": o.label} for o in proposal.options.all()],
        "created_at": proposal.created_at, "closed_at": proposal.closed_at,
        "awaiting_my_position": awaiting,
    }


def _position_row(position: Position, names: Names) -> dict:
    return {
        "uuid": position.uuid, "version": position.version, "voter": position.voter_key,
        "person": names(position.person), "organisation": organisation_ref(position.organisation),
        "stance": position.stance,
        "option": position.option.uuid if position.option_id else None,
        "reason": position.reason, "current": position.superseded_at is None,
        "superseded_at": position.superseded_at,
        "objection_resolved_at": position.objection_resolved_at,
        "created_at": position.created_at,
    }


def _decision_row(decision: Decision) -> dict:
    proposal = decision.proposal
    return {
        "uuid": decision.uuid, "number": decision.number, "ecosystem": decision.ecosystem.slug,
        "proposal": proposal.uuid, "title": proposal.title,
        "working_group": proposal.working_group.uuid if proposal.working_group_id else None,
        "version": decision.version, "outcome": decision.outcome,
        "statement": decision.statement, "tally": decision.tally,
        "decided_at": decision.decided_at,
    }


def _settings_row(ecosystem: Ecosystem) -> dict:
    found = settings_for(ecosystem)
    return {"ecosystem": ecosystem.slug, "unit_of_account": found.unit_of_account,
            "decision_mode": found.decision_mode, "quorum_percent": found.quorum_percent}


# Settings ----------------------------------------------------------------------------------


@router.get("/ecosystems/{slug}/collaboration-settings", response=SettingsOut, auth=OPTIONAL,
            summary="The ecosystem's collaboration settings")
def get_settings(request, slug: str):
    return _settings_row(ecosystem_of(request, slug))


@router.put("/ecosystems/{slug}/collaboration-settings", response=SettingsOut, auth=REQUIRED,
            summary="Change the collaboration settings (facilitators)")
def put_settings(request, slug: str, payload: SettingsIn):
    ecosystem = ecosystem_of(request, slug)
    collaboration_settings_update(actor=actor_of(request), ecosystem=ecosystem,
                                  unit_of_account=payload.unit_of_account,
                                  decision_mode=payload.decision_mode,
                                  quorum_percent=payload.quorum_percent)
    return _settings_row(ecosystem)


# Proposals ---------------------------------------------------------------------------------


@router.get("/ecosystems/{slug}/proposals", response=ProposalListOut, auth=OPTIONAL,
            summary="An ecosystem's proposals, open first")
def list_proposals(request, slug: str, filters: Query[ProposalFilters]):
    ecosystem = ecosystem_of(request, slug)
    queryset = selectors.proposal_list(ecosystem=ecosystem, viewer=actor_of(request).person,
                                       state=filters.state or "").prefetch_related("options")
    items = list(queryset[filters.offset:filters.offset + filters.limit])
    awaiting = {p.pk for p in selectors.awaiting_position(
        actor=actor_of(request), ecosystem=ecosystem, proposals=items)}
    names = Names(request, [p.proposer for p in items])
    known = actor_of(request).person is not None
    return {"count": queryset.count(),
            "items": [_proposal_row(p, names, (p.pk in awaiting) if known else None)
                      for p in items]}


@router.post("/ecosystems/{slug}/proposals", response={201: ProposalDetailOut}, auth=REQUIRED,
             summary="Table a proposal or a poll")
def create_proposal(request, slug: str, payload: ProposalIn):
    ecosystem = ecosystem_of(request, slug)
    proposal = services.proposal_open(
        actor=actor_of(request), ecosystem=ecosystem, title=payload.title, body=payload.body,
        deadline=payload.deadline, kind=payload.kind,
        working_group=_working_group(ecosystem, payload.working_group),
        options=payload.options,
    )
    return Status(201, _detail(request, _proposal(request, proposal.uuid)))


def _detail(request, proposal: Proposal) -> dict:
    actor = actor_of(request)
    positions = list(proposal.positions.all())
    current = [p for p in positions if p.version == proposal.version and not p.superseded_at]
    voters = selectors.proposal_voters(proposal)
    result = evaluate(proposal, now=timezone.now(), voters=voters, positions=current)
    names = Names(request, [proposal.proposer, *[v.person for v in voters.values()]])
    answered = {p.voter_key for p in current}
    rows = []
    for key, voter in voters.items():
        label = voter.label if voter.person is None else (names(voter.person) or {}).get("name")
        rows.append({"voter": key, "label": label, "responded": key in answered})
    return {
        **_proposal_row(proposal, names),
        "versions": [{"number": v.number, "title": v.title, "body": v.body,
                      "reason": v.reason, "deadline": v.deadline, "created_at": v.created_at}
                     for v in proposal.versions.all()],
        "voters": rows, "result": result.as_tally(),
        "decisions": [d.uuid for d in proposal.decisions.all()],
        "can_give_position": rules.can_give_position(actor, proposal),
        "can_amend": rules.can_amend(actor, proposal),
        "can_withdraw": rules.can_withdraw(actor, proposal),
    }


@router.get("/proposals/{proposal_uuid}", response=ProposalDetailOut, auth=OPTIONAL,
            summary="One proposal with its versions, who is asked and the count so far")
def get_proposal(request, proposal_uuid: uuid.UUID):
    return _detail(request, _proposal(request, proposal_uuid))


@router.post("/proposals/{proposal_uuid}/amend", response=ProposalDetailOut, auth=REQUIRED,
             summary="Amend (or amend and reopen): positions are asked again")
def amend_proposal(request, proposal_uuid: uuid.UUID, payload: AmendIn):
    proposal = _proposal(request, proposal_uuid)
    services.proposal_amend(actor=actor_of(request), proposal=proposal, title=payload.title,
                            body=payload.body, reason=payload.reason,
                            deadline=payload.deadline)
    return _detail(request, _proposal(request, proposal_uuid))


@router.post("/proposals/{proposal_uuid}/withdraw", response=ProposalOut, auth=REQUIRED,
             summary="Withdraw an open proposal (proposer or facilitator)")
def withdraw_proposal(request, proposal_uuid: uuid.UUID, payload: WithdrawIn):
    proposal = _proposal(request, proposal_uuid)
    services.proposal_withdraw(actor=actor_of(request), proposal=proposal,
                               reason=payload.reason)
    proposal = _proposal(request, proposal_uuid)
    return _proposal_row(proposal, Names(request, [proposal.proposer]))


# Positions ---------------------------------------------------------------------------------


@router.get("/proposals/{proposal_uuid}/positions", response=PositionListOut, auth=OPTIONAL,
            summary="Positions on one version (default: the current one), changes included")
def list_positions(request, proposal_uuid: uuid.UUID,
                   version: int | None = Query(None, ge=1, le=10000)):
    proposal = _proposal(request, proposal_uuid)
    version = version or proposal.version
    positions = [p for p in proposal.positions.all() if p.version == version]
    names = Names(request, [p.person for p in positions])
    return {"version": version, "items": [_position_row(p, names) for p in positions]}


@router.post("/proposals/{proposal_uuid}/positions", response={201: dict}, auth=REQUIRED,
             summary="Give or change your position (or your choice in a poll)")
def give_position(request, proposal_uuid: uuid.UUID, payload: PositionIn):
    proposal = _proposal(request, proposal_uuid)
    position = services.position_give(actor=actor_of(request), proposal=proposal,
                                      stance=payload.stance, option=payload.option,
                                      reason=payload.reason)
    proposal = _proposal(request, proposal_uuid)
    decision = next((d for d in proposal.decisions.all() if d.version == position.version),
                    None)
    return Status(201, {
        "position": _position_row(position, Names(request, [position.person])),
        "proposal_state": proposal.state,
        "decision": str(decision.uuid) if decision else None,
    })


# Decisions ---------------------------------------------------------------------------------


@router.get("/ecosystems/{slug}/decisions", response=DecisionListOut, auth=OPTIONAL,
            summary="The decision register: search and filter")
def list_decisions(request, slug: str, filters: Query[DecisionFilters]):
    ecosystem = ecosystem_of(request, slug)
    queryset = selectors.decision_register(
        ecosystem=ecosystem, viewer=actor_of(request).person, query=filters.q.strip(),
        outcome=filters.outcome or "", working_group=filters.working_group.strip(),
        year=filters.year)
    items = queryset[filters.offset:filters.offset + filters.limit]
    return {"count": queryset.count(), "items": [_decision_row(d) for d in items]}


@router.get("/decisions/{decision_uuid}", response=DecisionOut, auth=OPTIONAL,
            summary="One decision")
def get_decision(request, decision_uuid: uuid.UUID):
    return _decision_row(_decision(request, decision_uuid))


@router.patch("/decisions/{decision_uuid}", response=DecisionOut, auth=REQUIRED,
              summary="Rewrite or complete the outcome statement (proposer or facilitator)")
def update_statement(request, decision_uuid: uuid.UUID, payload: StatementIn):
    decision = _decision(request, decision_uuid)
    decision_statement_update(actor=actor_of(request), decision=decision,
                              statement=payload.statement)
    return _decision_row(_decision(request, decision_uuid))
