"""Schemas of the deliverables API: ``XIn`` for input, ``XOut`` for output."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from zwerm.collaboration.models import Deliverable, DeliverableLink, Milestone


class RefOut(Schema):
    uuid: uuid.UUID
    slug: str
    name: str


class MilestoneOut(Schema):
    uuid: uuid.UUID
    title: str
    due_on: date | None
    state: Milestone.State
    done_at: datetime | None
    position: int
    overdue: bool


class LinkOut(Schema):
    uuid: uuid.UUID
    kind: DeliverableLink.Kind
    url: str
    title: str
    created_at: datetime


class AttachmentOut(Schema):
    uuid: uuid.UUID
    name: str
    content_type: str
    size: int
    created_at: datetime
    download_url: str


class TrailStepOut(Schema):
    kind: str
    label: str
    url: str | None


class DeliverableOut(Schema):
    uuid: uuid.UUID
    title: str
    ecosystem: RefOut
    owner: RefOut
    working_group: RefOut | None
    state: Deliverable.State
    state_reason: str
    due_on: date | None
    delivered_at: datetime | None
    overdue: bool
    progress: int = Field(..., description="Percentage of milestones done; 100 once delivered.")
    milestone_total: int
    milestone_done: int
    milestones_overdue: int
    url: str
    created_at: datetime
    updated_at: datetime


class DeliverableDetailOut(DeliverableOut):
    description: str
    milestones: list[MilestoneOut]
    links: list[LinkOut]
    attachments: list[AttachmentOut]
    trail: list[TrailStepOut]


class DeliverableListOut(Schema):
    items: list[DeliverableOut]
    count: int


class DeliverableFilters(Schema):
    working_group: str = Field("", max_length=80, description="Slug or UUID of a working group.")
    owner: str = Field("", max_length=80, description="Slug or UUID of the owner organisation.")
    state: Deliverable.State | None = None
    overdue: bool = False
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0)


class DeliverableIn(Schema):
    title: str
    description: str = ""
    owner: str | None = Field(None, description="Slug or UUID; default: your organisation.")
    working_group: str | None = Field(None, description="Slug or UUID of a working group.")
    due_on: date | None = None


class DeliverablePatchIn(Schema):
    title: str | None = None
    description: str | None = None
    owner: str | None = None
    working_group: str | None = Field(None, description="Slug or UUID; null: none.")
    due_on: date | None = None


class StateIn(Schema):
    state: Deliverable.State
    reason: str = ""


class MilestoneIn(Schema):
    title: str
    due_on: date | None = None


class MilestonePatchIn(Schema):
    title: str | None = None
    due_on: date | None = None


class MilestoneStateIn(Schema):
    state: Milestone.State


class MilestoneOrderIn(Schema):
    order: list[uuid.UUID]


class MilestoneMoveIn(Schema):
    direction: Literal["up", "down"]


class LinkIn(Schema):
    kind: DeliverableLink.Kind
    url: str
    title: str = ""
