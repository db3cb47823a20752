"""Schemas of the ledger API: ``XIn`` for input, ``XOut`` for output. Amounts travel as
strings with two decimals (exact), never as floats."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from ninja import Field, Schema

from zwerm.collaboration.models import ContributionType


class OrganisationRefOut(Schema):
    uuid: uuid.UUID
    slug: str
    name: str


class TargetOut(Schema):
    kind: str
    uuid: uuid.UUID
    title: str


class CommitmentOut(Schema):
    uuid: uuid.UUID
    ecosystem: str
    organisation: OrganisationRefOut
    target: TargetOut
    type: str
    quantity: str
    unit: str
    due_on: date
    description: str
    state: str
    delivered: str
    progress_percent: int
    overdue: bool
    fulfilled_at: datetime | None
    fulfilled_on: date | None
    closed_reason: str
    handed_over_from: uuid.UUID | None
    handed_over_to: list[uuid.UUID]
    created_at: datetime


class CommitmentListOut(Schema):
    count: int
    items: list[CommitmentOut]


class CommitmentIn(Schema):
    type: ContributionType
    quantity: Decimal
    unit: str = Field("", max_length=30)
    due_on: date
    description: str = Field("", max_length=2000)
    deliverable: uuid.UUID | None = None
    working_group: uuid.UUID | None = None
    initiative: uuid.UUID | None = None


class CommitmentPatchIn(Schema):
    quantity: Decimal | None = None
    unit: str | None = Field(None, max_length=30)
    due_on: date | None = None
    description: str | None = Field(None, max_length=2000)


class ReleaseIn(Schema):
    reason: str = Field(..., max_length=2000)


class ContributionOut(Schema):
    uuid: uuid.UUID
    ecosystem: str
    giver: OrganisationRefOut
    type: str
    quantity: str
    unit: str
    value: str | None
    value_unit: str
    deliverable: uuid.UUID | None
    working_group: uuid.UUID | None
    recipient: OrganisationRefOut | None
    beneficiaries: list[OrganisationRefOut]
    commitment: uuid.UUID | None
    given_on: date
    description: str
    persistent_link: str
    licence: str
    format: str
    schema_: str = Field(..., alias="schema")
    acknowledged: bool
    acknowledged_at: datetime | None
    acknowledged_for: OrganisationRefOut | None
    receiving_side: list[OrganisationRefOut] | None = None
    created_at: datetime


class ContributionListOut(Schema):
    count: int
    items: list[ContributionOut]


class ContributionIn(Schema):
    type: ContributionType
    quantity: Decimal
    unit: str = Field("", max_length=30)
    value: Decimal | None = None
    given_on: date
    description: str = Field(..., max_length=2000)
    deliverable: uuid.UUID | None = None
    working_group: uuid.UUID | None = None
    recipient: str | None = Field(None, max_length=80, description="organisation slug")
    beneficiaries: list[str] = Field(default_factory=list, description="organisation slugs")
    commitment: uuid.UUID | None = None
    persistent_link: str = Field("", max_length=500)
    licence: str = Field("", max_length=100)
    format: str = Field("", max_length=100)
    schema_: str = Field("", max_length=300, alias="schema")


class ContributionPatchIn(Schema):
    quantity: Decimal | None = None
    unit: str | None = Field(None, max_length=30)
    value: Decimal | None = None
    given_on: date | None = None
    description: str | None = Field(None, max_length=2000)
    beneficiaries: list[str] | None = None
    persistent_link: str | None = Field(None, max_length=500)
    licence: str | None = Field(None, max_length=100)
    format: str | None = Field(None, max_length=100)
    schema_: str | None = Field(None, max_length=300, alias="schema")


class LineOut(Schema):
    given: str
    given_pending: str
    taken: str
    taken_pending: str
    net: str


class QuantityLineOut(LineOut):
    type: str
    unit: str


class OrganisationBalanceOut(Schema):
    organisation: OrganisationRefOut | None
    commons: bool
    quantities: list[QuantityLineOut]
    values: list[QuantityLineOut]


class BalancesOut(Schema):
    ecosystem: str
    unit_of_account: str
    totals: list[QuantityLineOut]
    value_totals: list[QuantityLineOut]
    organisations: list[OrganisationBalanceOut]


class KeptOut(Schema):
    organisation: OrganisationRefOut
    due: int
    fulfilled: int
    on_time: int
    open_overdue: int
    open: int
    share_on_time: int | None
