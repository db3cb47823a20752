"""Collaboration's tables in an organisation's data export (``zwerm.ecosystems.exports``).

Rows hold plain JSON values. People appear by UUID, and by name only where the viewer may
see it (``zwerm.core.privacy``). Each table is one query (plus one batched name lookup).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, Sum

from zwerm.collaboration.models import (
    Commitment,
    Contribution,
    Deliverable,
    HandOver,
    Position,
    Proposal,
    WorkingGroupMember,
    WorkingGroupRole,
)
from zwerm.collaboration.selectors.elasticity import amount
from zwerm.ecosystems.exports import PersonLabels, plain, uuid_of


def _target(obj: Any) -> tuple[str, str | None, str]:
    for kind in ("deliverable", "working_group", "initiative"):
        target = getattr(obj, kind, None) if getattr(obj, f"{kind}_id", None) else None
        if target is not None:
            return kind, str(target.uuid), str(target)
    return "", None, ""


def _memberships(names: PersonLabels, members: list) -> list[dict]:
    return [
        {"uuid": str(m.uuid), "working_group": str(m.working_group.uuid),
         "working_group_name": m.working_group.name, "person": uuid_of(m.person),
         "person_name": names(m.person), "state": m.state, "joined_at": plain(m.joined_at),
         "left_at": plain(m.left_at)}
        for m in members
    ]


def _roles(names: PersonLabels, roles: list) -> list[dict]:
    return [
        {"uuid": str(r.uuid), "working_group": str(r.working_group.uuid),
         "working_group_name": r.working_group.name, "role": r.name,
         "person": uuid_of(r.person), "person_name": names(r.person),
         "started_at": plain(r.started_at), "term_ends_on": plain(r.term_ends_on),
         "ended_at": plain(r.ended_at), "end_reason": r.end_reason}
        for r in roles
    ]


def _commitment_row(c: Commitment, names: PersonLabels) -> dict:
    kind, target, label = _target(c)
    return {
        "uuid": str(c.uuid), "target_kind": kind, "target": target, "target_name": label,
        "type": c.type, "quantity": str(c.quantity), "unit": c.unit,
        "delivered": amount(c.delivered), "due_on": plain(c.due_on), "state": c.state,
        "description": c.description, "committed_by": uuid_of(c.person),
        "committed_by_name": names(c.person), "fulfilled_at": plain(c.fulfilled_at),
        "closed_reason": c.closed_reason,
        "handed_over_from": uuid_of(c.handed_over_from) if c.handed_over_from_id else None,
        "created_at": plain(c.created_at),
    }


def _contribution_row(c: Contribution, names: PersonLabels) -> dict:
    return {
        "uuid": str(c.uuid), "giver_organisation": str(c.giver_organisation.uuid),
        "giver_organisation_name": c.giver_organisation.name, "giver": uuid_of(c.giver),
        "giver_name": names(c.giver), "type": c.type, "quantity": str(c.quantity),
        "unit": c.unit, "value": str(c.value) if c.value is not None else None,
        "value_unit": c.value_unit,
        "deliverable": uuid_of(c.deliverable) if c.deliverable_id else None,
        "working_group": uuid_of(c.working_group) if c.working_group_id else None,
        "recipient": uuid_of(c.recipient) if c.recipient_id else None,
        "recipient_name": c.recipient.name if c.recipient_id else None,
        "commitment": uuid_of(c.commitment) if c.commitment_id else None,
        "beneficiaries": [str(o.uuid) for o in c.beneficiaries.all()],
        "given_on": plain(c.given_on), "description": c.description,
        "persistent_link": c.persistent_link, "licence": c.licence, "format": c.format,
        "schema": c.schema, "acknowledged_at": plain(c.acknowledged_at),
    }


def _hand_over_row(h: HandOver, organisation: Any, names: PersonLabels) -> dict:
    return {
        "uuid": str(h.uuid),
        "direction": "given" if h.from_organisation_id == organisation.pk else "received",
        "item": "commitment" if h.commitment_id else "role",
        "commitment": uuid_of(h.commitment) if h.commitment_id else None,
        "role": uuid_of(h.role) if h.role_id else None,
        "from_organisation": str(h.from_organisation.uuid),
        "from_organisation_name": h.from_organisation.name,
        "to_organisation": uuid_of(h.to_organisation) if h.to_organisation_id else None,
        "to_organisation_name": h.to_organisation.name if h.to_organisation_id else None,
        "to_person": uuid_of(h.to_person) if h.to_person_id else None,
        "to_person_name": names(h.to_person), "state": h.state, "note": h.note,
        "answer_reason": h.answer_reason, "created_at": plain(h.created_at),
        "answered_at": plain(h.answered_at),
    }


def organisation_tables(*, organisation: Any, ecosystem: Any, viewer: Any = None
                        ) -> dict[str, list[dict[str, Any]]]:
    """Working-group memberships and roles, deliverables owned, commitments, contributions
    given and received, proposals tabled, positions given and hand-overs."""
    members = list(WorkingGroupMember.objects.filter(
        working_group__ecosystem=ecosystem, organisation=organisation
    ).select_related("working_group", "person").order_by("created_at", "id"))
    roles = list(WorkingGroupRole.objects.filter(
        working_group__ecosystem=ecosystem, organisation=organisation
    ).select_related("working_group", "person").order_by("started_at", "id"))
    commitments = list(Commitment.objects.filter(
        ecosystem=ecosystem, organisation=organisation
    ).select_related("deliverable", "working_group", "initiative", "person",
                     "handed_over_from").annotate(delivered=Sum("contributions__quantity"))
        .order_by("created_at", "id"))
    contributions = list(Contribution.objects.filter(
        Q(giver_organisation=organisation) | Q(recipient=organisation), ecosystem=ecosystem,
    ).select_related("giver_organisation", "giver", "recipient", "deliverable",
                     "working_group", "commitment").prefetch_related("beneficiaries")
        .order_by("given_on", "id"))
    proposals = list(Proposal.objects.filter(
        ecosystem=ecosystem, proposer_organisation=organisation
    ).select_related("working_group", "proposer").order_by("created_at", "id"))
    positions = list(Position.objects.filter(
        proposal__ecosystem=ecosystem, organisation=organisation
    ).select_related("proposal", "person", "option").order_by("created_at", "id"))
    hand_overs = list(HandOver.objects.filter(
        Q(from_organisation=organisation) | Q(to_organisation=organisation),
        ecosystem=ecosystem,
    ).select_related("from_organisation", "to_organisation", "to_person", "commitment", "role")
        .order_by("created_at", "id"))
    people = [m.person for m in members] + [r.person for r in roles] + [
        c.person for c in commitments] + [c.giver for c in contributions] + [
        p.proposer for p in proposals] + [p.person for p in positions] + [
        h.to_person for h in hand_overs]
    names = PersonLabels(viewer, people)
    return {
        "working_group_memberships": _memberships(names, members),
        "working_group_roles": _roles(names, roles),
        "deliverables_owned": [
            {"uuid": str(d.uuid), "title": d.title,
             "working_group": uuid_of(d.working_group) if d.working_group_id else None,
             "state": d.state, "due_on": plain(d.due_on),
             "delivered_at": plain(d.delivered_at), "created_at": plain(d.created_at)}
            for d in Deliverable.objects.filter(ecosystem=ecosystem, owner=organisation)
            .select_related("working_group").order_by("created_at", "id")
        ],
        "commitments": [_commitment_row(c, names) for c in commitments],
        "contributions_given": [_contribution_row(c, names) for c in contributions
                                if c.giver_organisation_id == organisation.pk],
        "contributions_received": [_contribution_row(c, names) for c in contributions
                                   if c.recipient_id == organisation.pk],
        "proposals": [
            {"uuid": str(p.uuid), "title": p.title, "kind": p.kind,
             "working_group": uuid_of(p.working_group) if p.working_group_id else None,
             "proposer": uuid_of(p.proposer), "proposer_name": names(p.proposer),
             "state": p.state, "version": p.version, "deadline": plain(p.deadline),
             "created_at": plain(p.created_at), "closed_at": plain(p.closed_at)}
            for p in proposals
        ],
        "positions": [
            {"uuid": str(p.uuid), "proposal": str(p.proposal.uuid),
             "proposal_title": p.proposal.title, "version": p.version, "stance": p.stance,
             "option": p.option.label if p.option_id else None, "reason": p.reason,
             "person": uuid_of(p.person), "person_name": names(p.person),
             "superseded_at": plain(p.superseded_at), "created_at": plain(p.created_at)}
            for p in positions
        ],
        "hand_overs": [_hand_over_row(h, organisation, names) for h in hand_overs],
    }
