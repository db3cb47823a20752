"""Schemas of the decisions API: settings, proposals, positions and decisions."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from ninja import Field, Schema


class SettingsOut(Schema):
    ecosystem: str
    unit_of_account: str
    decision_mode: str
    quorum_percent: int | None


class SettingsIn(Schema):
    unit_of_account: str = Field("", max_length=200)
    decision_mode: str = Field(..., max_length=20)
    quorum_percent: int | None = None


class RefOut(Schema):
    uuid: uuid.UUID
    name: str | None = None


class OrganisationOut(Schema):
    uuid: uuid.UUID
    slug: str
    name: str


class VersionOut(Schema):
    number: int
    title: str
    body: str
    reason: str
    deadline: datetime
    created_at: datetime


class OptionOut(Schema):
    uuid: uuid.UUID
    label: str


class PositionOut(Schema):
    uuid: uuid.UUID
    version: int
    voter: str
    person: RefOut | None
    organisation: OrganisationOut
    stance: str
    option: uuid.UUID | None
    reason: str
    current: bool
    superseded_at: datetime | None
    objection_resolved_at: datetime | None
    created_at: datetime


class ProposalOut(Schema):
    uuid: uuid.UUID
    ecosystem: str
    working_group: uuid.UUID | None
    kind: str
    title: str
    body: str
    state: str
    version: int
    deadline: datetime
    decision_mode: str
    quorum_percent: int | None
    proposer: RefOut | None
    proposer_organisation: OrganisationOut
    options: list[OptionOut]
    created_at: datetime
    closed_at: datetime | None
    awaiting_my_position: bool | None = None


class VoterOut(Schema):
    voter: str
    label: str | None
    responded: bool


class ProposalDetailOut(ProposalOut):
    versions: list[VersionOut]
    voters: list[VoterOut]
    result: dict[str, Any]
    decisions: list[uuid.UUID]
    can_give_position: bool
    can_amend: bool
    can_withdraw: bool


class ProposalListOut(Schema):
    count: int
    items: list[ProposalOut]


class ProposalIn(Schema):
    title: str = Field(..., max_length=1000)
    body: str = Field(..., max_length=40000)
    deadline: datetime
    kind: str = Field("consent", max_length=20)
    working_group: uuid.UUID | None = None
    options: list[str] = Field([], max_length=50)


class AmendIn(Schema):
    title: str = Field(..., max_length=1000)
    body: str = Field(..., max_length=40000)
    reason: str = Field(..., max_length=10000)
    deadline: datetime


class WithdrawIn(Schema):
    reason: str = Field("", max_length=10000)


class PositionIn(Schema):
    stance: str = Field("", max_length=20)
    option: uuid.UUID | None = None
    reason: str = Field("", max_length=10000)


class PositionListOut(Schema):
    version: int
    items: list[PositionOut]


class DecisionOut(Schema):
    uuid: uuid.UUID
    number: int
    ecosystem: str
    proposal: uuid.UUID
    title: str
    working_group: uuid.UUID | None
    version: int
    outcome: str
    statement: str
    tally: dict[str, Any]
    decided_at: datetime


class DecisionListOut(Schema):
    count: int
    items: list[DecisionOut]


class StatementIn(Schema):
    statement: str = Field(..., max_length=10000)
