"""Elasticity endpoints: what an organisation holds, hand-overs, releases and the welcome data.

Thin: each endpoint finds what it needs (404 for what the viewer may not see), then calls
the same service or selector as the pages.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Status

from zwerm.accounts.models import User
from zwerm.collaboration.api.common import ecosystem_of, organisation_of
from zwerm.collaboration.api.elasticity_schemas import (
    BoxFilters,
    DeclineIn,
    HandOverIn,
    HandOverListOut,
    HandOverOut,
    ObligationsOut,
    ReleaseIn,
    ReleaseOut,
    WelcomeOut,
)
from zwerm.collaboration.models import Commitment, HandOver, WorkingGroupRole
from zwerm.collaboration.permissions import can_speak_for
from zwerm.collaboration.permissions import elasticity as permissions
from zwerm.collaboration.selectors import elasticity as selectors
from zwerm.collaboration.services import elasticity as services
from zwerm.collaboration.services import ledger as ledger_services
from zwerm.core.api_support import REQUIRED, actor_of, organisation_ref
from zwerm.core.errors import NotAllowed, ValidationFailed
from zwerm.ecosystems.models import Ecosystem
from zwerm.ecosystems.permissions import can_view

router = Router()


def _person(person: Any, names: dict[int, str]) -> dict[str, Any] | None:
    if person is None:
        return None
    return {"uuid": person.uuid, "name": names.get(person.pk)}


def _hand_over_row(hand_over: HandOver, names: dict[int, str]) -> dict[str, Any]:
    return {
        "uuid": hand_over.uuid, "state": hand_over.state,
        "item": "commitment" if hand_over.commitment_id else "role",
        "commitment": hand_over.commitment.uuid if hand_over.commitment_id else None,
        "role": hand_over.role.uuid if hand_over.role_id else None,
        "from_organisation": organisation_ref(hand_over.from_organisation),
        "to_organisation": organisation_ref(hand_over.to_organisation),
        "to_person": _person(hand_over.to_person, names), "note": hand_over.note,
        "answer_reason": hand_over.answer_reason, "created_at": hand_over.created_at,
        "answered_at": hand_over.answered_at,
    }


def _rows(request, hand_overs: list[HandOver]) -> list[dict[str, Any]]:
    names = selectors.person_labels(actor_of(request).person,
                                    [h.to_person for h in hand_overs])
    return [_hand_over_row(h, names) for h in hand_overs]


def _hand_over(request, key: uuid.UUID) -> HandOver:
    """A hand-over of an ecosystem the viewer sees, asked by or of someone they speak for
    (or naming them); anything else is not found."""
    hand_over = selectors.hand_over_for(uuid_=key)
    actor = actor_of(request)
    if hand_over is None or not can_view(actor.person, hand_over.ecosystem):
        raise Http404
    party = (hand_over.to_person_id == actor.person.pk
             or can_speak_for(actor, hand_over.ecosystem, hand_over.from_organisation)
             or can_speak_for(actor, hand_over.ecosystem, hand_over.to_organisation))
    if not party:
        raise Http404
    return hand_over


def _item(ecosystem: Ecosystem, commitment: uuid.UUID | None, role: uuid.UUID | None
          ) -> dict[str, Any]:
    if (commitment is None) == (role is None):
        raise ValidationFailed(_("Choose one commitment or one role."), field="item")
    if commitment is not None:
        found = Commitment.objects.filter(ecosystem=ecosystem, uuid=commitment).first()
        if found is None:
            raise ValidationFailed(_("No commitment of this ecosystem has this identifier."),
                                   field="commitment")
        return {"commitment": found}
    found = WorkingGroupRole.objects.filter(working_group__ecosystem=ecosystem,
                                            uuid=role).first()
    if found is None:
        raise ValidationFailed(_("No working-group role of this ecosystem has this "
                                 "identifier."), field="role")
    return {"role": found}


def _require_speaker(request, ecosystem: Ecosystem) -> None:
    if not permissions.can_hand_over(actor_of(request), ecosystem):
        raise NotAllowed(_("Only an administrator or the delegate of a member organisation "
                           "decides what happens to its commitments and roles."),
                         code="not_speaker")


# Obligations -------------------------------------------------------------------------------


@router.get("/ecosystems/{slug}/obligations", response=ObligationsOut, auth=REQUIRED,
            summary="Open commitments and roles of the organisation you act for")
def obligations(request, slug: str):
    ecosystem = ecosystem_of(request, slug)
    _require_speaker(request, ecosystem)
    organisation = actor_of(request).organisation
    commitments = list(selectors.open_commitments(ecosystem=ecosystem,
                                                  organisation=organisation))
    roles = list(selectors.held_roles(ecosystem=ecosystem, organisation=organisation))
    candidates = selectors.role_candidates(roles=roles)
    pending = [h for item in commitments + roles for h in item.pending_hand_overs]
    names = selectors.person_labels(
        actor_of(request).person,
        [r.person for r in roles] + [m.person for ms in candidates.values() for m in ms]
        + [h.to_person for h in pending])

    def pending_row(item: Any) -> dict[str, Any] | None:
        for hand_over in item.pending_hand_overs:
            hand_over.from_organisation = organisation
            return _hand_over_row(hand_over, names)
        return None

    def target(c: Commitment) -> tuple[str, Any]:
        if c.deliverable_id:
            return "deliverable", c.deliverable
        if c.working_group_id:
            return "working_group", c.working_group
        return "initiative", c.initiative

    rows = []
    for c in commitments:
        kind, obj = target(c)
        rows.append({
            "uuid": c.uuid, "type": c.type, "quantity": str(c.quantity), "unit": c.unit,
            "delivered": selectors.amount(c.delivered), "due_on": c.due_on, "target": kind,
            "target_uuid": obj.uuid, "target_name": str(obj), "pending_hand_over": pending_row(c),
        })
    return {
        "organisation": organisation_ref(organisation),
        "commitments": rows,
        "roles": [
            {"uuid": r.uuid, "role": r.name, "working_group": r.working_group.uuid,
             "working_group_name": r.working_group.name, "holder": _person(r.person, names),
             "candidates": [_person(m.person, names) for m in candidates.get(r.pk, [])],
             "pending_hand_over": pending_row(r)}
            for r in roles
        ],
    }


# Hand-overs --------------------------------------------------------------------------------


@router.post("/ecosystems/{slug}/hand-overs", response={201: HandOverOut}, auth=REQUIRED,
             summary="Ask another organisation to take over a commitment or role")
def request_hand_over(request, slug: str, payload: HandOverIn):
    ecosystem = ecosystem_of(request, slug)
    item = _item(ecosystem, payload.commitment, payload.role)
    to_person = None
    if payload.to_person is not None:
        to_person = User.objects.filter(uuid=payload.to_person).first()
        if to_person is None:
            raise ValidationFailed(_("No person was found with this identifier."),
                                   field="to_person")
    hand_over = services.hand_over_request(
        actor=actor_of(request),
        to_organisation=organisation_of(payload.to_organisation, field="to_organisation"),
        to_person=to_person, note=payload.note, **item,
    )
    return Status(201, _rows(request, [hand_over])[0])


@router.get("/ecosystems/{slug}/hand-overs", response=HandOverListOut, auth=REQUIRED,
            summary="Pending requests for you (received), or what your organisation decided "
                    "(sent)")
def list_hand_overs(request, slug: str, filters: Query[BoxFilters]):
    ecosystem = ecosystem_of(request, slug)
    actor = actor_of(request)
    if filters.box == "sent":
        if not can_speak_for(actor, ecosystem, actor.organisation):
            raise NotAllowed(_("Only an administrator or the delegate of the organisation "
                               "sees what it handed over."))
        queryset = selectors.sent_hand_overs(ecosystem=ecosystem,
                                             organisation=actor.organisation)
    else:
        speaks = can_speak_for(actor, ecosystem, actor.organisation)
        queryset = selectors.pending_requests(
            ecosystem=ecosystem, organisation=actor.organisation if speaks else None,
            person=actor.person)
    items = list(queryset[filters.offset:filters.offset + filters.limit])
    return {"count": queryset.count(), "items": _rows(request, items)}


@router.get("/hand-overs/{key}", response=HandOverOut, auth=REQUIRED, summary="One hand-over")
def get_hand_over(request, key: uuid.UUID):
    return _rows(request, [_hand_over(request, key)])[0]


@router.post("/hand-overs/{key}/accept", response=HandOverOut, auth=REQUIRED,
             summary="Take over the commitment or role")
def accept_hand_over(request, key: uuid.UUID):
    hand_over = services.hand_over_accept(actor=actor_of(request),
                                          hand_over=_hand_over(request, key))
    return _rows(request, [hand_over])[0]


@router.post("/hand-overs/{key}/decline", response=HandOverOut, auth=REQUIRED,
             summary="Decline, with a reason")
def decline_hand_over(request, key: uuid.UUID, payload: DeclineIn):
    hand_over = services.hand_over_decline(actor=actor_of(request),
                                           hand_over=_hand_over(request, key),
                                           reason=payload.reason)
    return _rows(request, [hand_over])[0]


@router.post("/hand-overs/{key}/withdraw", response=HandOverOut, auth=REQUIRED,
             summary="Withdraw a request nobody answered yet")
def withdraw_hand_over(request, key: uuid.UUID):
    hand_over = services.hand_over_withdraw(actor=actor_of(request),
                                            hand_over=_hand_over(request, key))
    return _rows(request, [hand_over])[0]


@router.post("/ecosystems/{slug}/releases", response=ReleaseOut, auth=REQUIRED,
             summary="Release an open commitment (saying why) or a working-group role")
def release(request, slug: str, payload: ReleaseIn):
    ecosystem = ecosystem_of(request, slug)
    item = _item(ecosystem, payload.commitment, payload.role)
    if "commitment" in item:
        # The ledger's one path for releasing a commitment: a reason is required.
        commitment = ledger_services.commitment_release(
            actor=actor_of(request), commitment=item["commitment"],
            reason=payload.reason or payload.note)
        return {"item": "commitment", "uuid": commitment.uuid, "state": commitment.state}
    role = services.role_release(actor=actor_of(request), role=item["role"],
                                 note=payload.note or payload.reason)
    return {"item": "role", "uuid": role.uuid, "state": "released"}


# Welcome -----------------------------------------------------------------------------------


@router.get("/ecosystems/{slug}/welcome", response=WelcomeOut, auth=REQUIRED,
            summary="The welcome data for a new member: charter, groups, decisions, events, "
                    "organisations to meet, first steps")
def welcome(request, slug: str):
    ecosystem = ecosystem_of(request, slug)
    actor = actor_of(request)
    if not permissions.can_see_onboarding(actor.person, ecosystem):
        raise NotAllowed(_("The welcome page is for member organisations; join the ecosystem "
                           "first."), code="not_member")
    organisation = selectors.member_organisation(ecosystem=ecosystem,
                                                 organisation=actor.organisation)
    data = selectors.welcome(viewer=actor.person, ecosystem=ecosystem,
                             organisation=organisation)
    return {
        "ecosystem": organisation_ref(ecosystem), "goal": ecosystem.goal,
        "organisation": organisation_ref(organisation),
        "is_new_member": selectors.is_new_member(data.membership),
        "charter": [{"principle": p, "label": str(label), "text": text}
                    for p, label, text in data.charter],
        "working_groups": [
            {"uuid": g.uuid, "slug": g.slug, "name": g.name, "purpose": g.purpose,
             "join_policy": g.join_policy, "member_count": g.member_count}
            for g in data.working_groups
        ],
        "decisions": [
            {"uuid": d.uuid, "number": d.number, "title": d.proposal.title,
             "outcome": d.outcome, "decided_at": d.decided_at}
            for d in data.decisions
        ],
        "events": data.events,
        "suggestions": [
            {"organisation": organisation_ref(s.organisation), "score": s.score,
             "reasons": [{"kind": r.kind, "text": r.text, "points": r.points}
                         for r in s.reasons]}
            for s in data.suggestions
        ],
        "first_steps": [{"step": step, "done": done} for step, done in data.steps],
    }
