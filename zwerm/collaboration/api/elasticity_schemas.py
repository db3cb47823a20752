"""Schemas of the elasticity API: ``XIn`` for input, ``XOut`` for output."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema


class OrganisationRefOut(Schema):
    uuid: uuid.UUID
    slug: str
    name: str


class PersonRefOut(Schema):
    uuid: uuid.UUID
    name: str | None = None  # only where the viewer may see it


class HandOverOut(Schema):
    uuid: uuid.UUID
    state: str
    item: Literal["commitment", "role"]
    commitment: uuid.UUID | None = None
    role: uuid.UUID | None = None
    from_organisation: OrganisationRefOut
    to_organisation: OrganisationRefOut | None = None
    to_person: PersonRefOut | None = None
    note: str
    answer_reason: str
    created_at: datetime
    answered_at: datetime | None = None


class HandOverListOut(Schema):
    items: list[HandOverOut]
    count: int


class CommitmentObligationOut(Schema):
    uuid: uuid.UUID
    type: str
    quantity: str
    unit: str
    delivered: str
    due_on: date
    target: Literal["deliverable", "working_group", "initiative"]
    target_uuid: uuid.UUID
    target_name: str
    pending_hand_over: HandOverOut | None = None


class RoleObligationOut(Schema):
    uuid: uuid.UUID
    role: str
    working_group: uuid.UUID
    working_group_name: str
    holder: PersonRefOut
    candidates: list[PersonRefOut]
    pending_hand_over: HandOverOut | None = None


class ObligationsOut(Schema):
    organisation: OrganisationRefOut
    commitments: list[CommitmentObligationOut]
    roles: list[RoleObligationOut]


class HandOverIn(Schema):
    commitment: uuid.UUID | None = None
    role: uuid.UUID | None = None
    to_organisation: str | None = Field(None, max_length=80,
                                        description="Slug or UUID (commitments).")
    to_person: uuid.UUID | None = Field(None, description="The person who takes a role.")
    note: str = Field("", max_length=2000)


class ReleaseIn(Schema):
    commitment: uuid.UUID | None = None
    role: uuid.UUID | None = None
    reason: str = Field("", max_length=2000,
                        description="Why; required for a commitment (``note`` is taken "
                                    "when empty)")
    note: str = Field("", max_length=2000)


class ReleaseOut(Schema):
    item: Literal["commitment", "role"]
    uuid: uuid.UUID
    state: str


class DeclineIn(Schema):
    reason: str = Field("", max_length=2000)


class BoxFilters(Schema):
    box: Literal["received", "sent"] = "received"
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0)


class PrincipleOut(Schema):
    principle: str
    label: str
    text: str


class WorkingGroupRefOut(Schema):
    uuid: uuid.UUID
    slug: str
    name: str
    purpose: str
    join_policy: str
    member_count: int


class DecisionRefOut(Schema):
    uuid: uuid.UUID
    number: int
    title: str
    outcome: str
    decided_at: datetime


class EventRefOut(Schema):
    uuid: uuid.UUID
    slug: str
    title: str
    starts_at: datetime
    ends_at: datetime


class ReasonOut(Schema):
    kind: str
    text: str
    points: int


class SuggestionOut(Schema):
    organisation: OrganisationRefOut
    score: int
    reasons: list[ReasonOut]


class StepOut(Schema):
    step: Literal["profile", "delegate", "working_group"]
    done: bool


class WelcomeOut(Schema):
    ecosystem: OrganisationRefOut
    goal: str
    organisation: OrganisationRefOut | None = None
    is_new_member: bool
    charter: list[PrincipleOut]
    working_groups: list[WorkingGroupRefOut]
    decisions: list[DecisionRefOut]
    events: list[EventRefOut]
    suggestions: list[SuggestionOut]
    first_steps: list[StepOut]
