"""Schemas of the working-group endpoints (``XIn`` for input, ``XOut`` for output)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from ninja import Field, Schema

from zwerm.collaboration.models import WorkingGroup, WorkingGroupRole


class Ref(Schema):
    uuid: uuid.UUID
    slug: str = ""
    name: str


class PersonRef(Schema):
    uuid: uuid.UUID
    name: str | None = None  # None when the viewer may not see the person's name


class RoleOut(Schema):
    uuid: uuid.UUID
    role: WorkingGroupRole.Name
    person: PersonRef
    organisation: Ref
    started_at: datetime
    term_ends_on: date | None = None
    ended_at: datetime | None = None
    end_reason: str = ""


class WorkingGroupOut(Schema):
    uuid: uuid.UUID
    slug: str
    name: str
    purpose: str
    description: str
    join_policy: WorkingGroup.JoinPolicy
    rotation_months: int | None = None
    ecosystem: Ref
    started_for: Ref
    initiative: uuid.UUID | None = None
    archived_at: datetime | None = None
    archive_reason: str = ""
    member_count: int
    roles: list[RoleOut]
    created_at: datetime
    url: str


class WorkingGroupListOut(Schema):
    count: int
    items: list[WorkingGroupOut]


class MemberOut(Schema):
    uuid: uuid.UUID
    person: PersonRef
    organisation: Ref
    state: str
    joined_at: datetime | None = None
    left_at: datetime | None = None


class PostOut(Schema):
    uuid: uuid.UUID
    kind: str
    author: PersonRef | None = None
    organisation: Ref | None = None
    body: str
    deleted: bool
    created_at: datetime
    replies: list[PostOut] = []


class WorkingGroupIn(Schema):
    name: str = Field(..., max_length=200)
    purpose: str = Field(..., max_length=2000)
    description: str = Field("", max_length=20000)
    join_policy: WorkingGroup.JoinPolicy = WorkingGroup.JoinPolicy.OPEN
    rotation_months: int | None = Field(None, ge=1, le=60)


class FromInitiativeIn(Schema):
    name: str = Field("", max_length=200)
    purpose: str = Field("", max_length=2000)
    description: str = Field("", max_length=20000)
    join_policy: WorkingGroup.JoinPolicy = WorkingGroup.JoinPolicy.OPEN
    rotation_months: int | None = Field(None, ge=1, le=60)


class WorkingGroupPatchIn(Schema):
    name: str | None = Field(None, max_length=200)
    purpose: str | None = Field(None, max_length=2000)
    description: str | None = Field(None, max_length=20000)
    join_policy: WorkingGroup.JoinPolicy | None = None
    rotation_months: int | None = Field(None, ge=1, le=60)


class ReasonIn(Schema):
    reason: str = Field("", max_length=2000)


class AnswerIn(Schema):
    accept: bool
    reason: str = Field("", max_length=2000)


class HandOverIn(Schema):
    to_member: uuid.UUID
    reason: str = Field("", max_length=300)


class PostIn(Schema):
    body: str = Field(..., max_length=10000)
    reply_to: uuid.UUID | None = None
    announcement: bool = False


class Filters(Schema):
    q: str = Field("", max_length=100)
    archived: bool | None = None
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0)
