"""Schemas of the ideation API: ``XIn`` for input, ``XOut`` for output."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from ninja import Field, Schema

from zwerm.ideation.models import Challenge, Cluster, Phase, Reaction


class EcosystemRefOut(Schema):
    uuid: uuid.UUID
    slug: str
    name: str


class ChallengeOut(Schema):
    uuid: uuid.UUID
    slug: str
    question: str
    ecosystem: EcosystemRefOut | None = None
    phase: Phase
    phase_set_by_hand: bool
    idea_count: int | None = None
    created_at: datetime

    @staticmethod
    def resolve_phase_set_by_hand(obj: Challenge) -> bool:
        return bool(obj.manual_phase)

    @staticmethod
    def resolve_idea_count(obj: Challenge) -> int | None:
        return getattr(obj, "idea_count", None)


class ChallengeDetailOut(ChallengeOut):
    context: str
    opens_at: datetime
    refine_starts_at: datetime | None
    vote_starts_at: datetime | None
    select_starts_at: datetime | None
    closes_at: datetime | None
    method: Challenge.Method
    dots: int
    weighting: Challenge.Weighting
    secret: bool
    commitment_threshold: int
    source_uuid: uuid.UUID | None


class ChallengeListOut(Schema):
    items: list[ChallengeOut]
    count: int


class ChallengeIn(Schema):
    question: str = Field(..., max_length=300)
    context: str = Field("", max_length=20000)
    ecosystem: str | None = Field(None, description="Slug or UUID; empty for a public one.")
    refine_starts_at: datetime | None = None
    vote_starts_at: datetime | None = None
    select_starts_at: datetime | None = None
    closes_at: datetime | None = None
    method: Challenge.Method = Challenge.Method.DOT
    dots: int = Field(5, ge=1, le=100)
    weighting: Challenge.Weighting | None = None
    secret: bool = True
    commitment_threshold: int = Field(3, ge=1, le=1000)


class ChallengePatchIn(Schema):
    question: str | None = Field(None, max_length=300)
    context: str | None = Field(None, max_length=20000)
    refine_starts_at: datetime | None = None
    vote_starts_at: datetime | None = None
    select_starts_at: datetime | None = None
    closes_at: datetime | None = None
    method: Challenge.Method | None = None
    dots: int | None = Field(None, ge=1, le=100)
    weighting: Challenge.Weighting | None = None
    secret: bool | None = None
    commitment_threshold: int | None = Field(None, ge=1, le=1000)


class PhaseIn(Schema):
    phase: Phase | None = Field(None, description="Empty: follow the dates again.")


class FacilitatorIn(Schema):
    person: uuid.UUID


class PersonOut(Schema):
    uuid: uuid.UUID
    name: str | None = Field(None, description="Empty when the person hides their name.")


class IdeaOut(Schema):
    uuid: uuid.UUID
    number: int
    title: str
    author: PersonOut | None
    organisation: EcosystemRefOut | None
    co_authors: list[PersonOut]
    tags: list[str]
    cluster: uuid.UUID | None
    merged_into: uuid.UUID | None
    comment_count: int | None = None
    support_count: int | None = None
    created_at: datetime


class IdeaListOut(Schema):
    items: list[IdeaOut]
    count: int


class CommentOut(Schema):
    uuid: uuid.UUID
    author: PersonOut | None
    organisation: str | None
    body: str
    created_at: datetime
    replies: list[CommentOut] = []


class MergeOut(Schema):
    source: uuid.UUID
    merged_by: PersonOut | None
    comments_moved: int
    ballots_moved: int
    created_at: datetime


class IdeaDetailOut(IdeaOut):
    description: str
    builds_on: list[uuid.UUID]
    built_upon_by: list[uuid.UUID]
    reactions: dict[str, int]
    comments: list[CommentOut]
    merged_from: list[MergeOut]


class IdeaIn(Schema):
    title: str = Field(..., max_length=200)
    description: str = Field("", max_length=20000)
    tags: list[str] = []
    co_authors: list[uuid.UUID] = []
    builds_on: list[uuid.UUID] = []


class IdeaPatchIn(Schema):
    title: str | None = Field(None, max_length=200)
    description: str | None = Field(None, max_length=20000)
    tags: list[str] | None = None
    co_authors: list[uuid.UUID] | None = None


class CommentIn(Schema):
    body: str = Field(..., max_length=5000)
    parent: uuid.UUID | None = None


class ReactionIn(Schema):
    kind: Reaction.Kind
    on: bool = True


class FollowIn(Schema):
    follow: bool = True


class TargetIn(Schema):
    target: uuid.UUID


class IdeaClusterIn(Schema):
    cluster: uuid.UUID | None = None


class ClusterOut(Schema):
    uuid: uuid.UUID
    name: str
    origin: Cluster.Origin
    state: Cluster.State
    edited: bool
    keywords: list[str]
    ideas: list[uuid.UUID]
    made_by: PersonOut | None
    decided_by: PersonOut | None
    decided_at: datetime | None


class ClusterListOut(Schema):
    items: list[ClusterOut]
    count: int


class ClusterIn(Schema):
    name: str = Field(..., max_length=200)
    ideas: list[uuid.UUID] = []


class ClusterPatchIn(Schema):
    name: str | None = Field(None, max_length=200)
    ideas: list[uuid.UUID] | None = None


class BallotIn(Schema):
    choices: Any = Field(..., description="See docs/ballot-format.md for each method.")


class BallotOut(Schema):
    choices: Any
    receipt: str | None = Field(None, description="Shown once, after casting.")


class ResultOut(Schema):
    closed: bool
    ballots: int
    result: dict[str, Any] | None
    turnout: dict[str, Any] | None


class CommitmentOut(Schema):
    uuid: uuid.UUID
    organisation: EcosystemRefOut
    text: str
    created_at: datetime


class InitiativeOut(Schema):
    uuid: uuid.UUID
    title: str
    description: str
    idea: uuid.UUID | None
    cluster: uuid.UUID | None
    threshold: int
    committed: int
    started: bool
    started_at: datetime | None
    commitments: list[CommitmentOut]


class InitiativeListOut(Schema):
    items: list[InitiativeOut]
    count: int


class InitiativeIn(Schema):
    idea: uuid.UUID | None = None
    cluster: uuid.UUID | None = None
    title: str = Field("", max_length=200)
    description: str = Field("", max_length=20000)


class CommitmentIn(Schema):
    text: str = Field(..., max_length=2000)
