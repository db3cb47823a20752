"""Schemas of the matchmaking API: ``XIn`` for input, ``XOut`` for output."""

from __future__ import annotations

import uuid
from datetime import datetime

from ninja import Field, Schema

from zwerm.matchmaking.models import Connection, Introduction


class OrganisationRefOut(Schema):
    uuid: uuid.UUID
    slug: str
    name: str
    kind: str


class ReasonOut(Schema):
    kind: str = Field(..., description="offer_answers_need, need_answered_by_offer, "
                      "shared_theme, neighbouring_ecosystem or triple_helix")
    text: str
    points: int


class SuggestionOut(Schema):
    organisation: OrganisationRefOut
    score: int = Field(..., description="The sum of the reasons' points.")
    reasons: list[ReasonOut]


class SuggestionListOut(Schema):
    items: list[SuggestionOut]
    count: int


class DismissalOut(Schema):
    organisation: OrganisationRefOut = Field(..., alias="dismissed")
    created_at: datetime


class IntroductionIn(Schema):
    organisation: str = Field(..., description="Slug or UUID of the organisation to meet.")
    message: str = Field(..., max_length=2000)


class AnswerIn(Schema):
    reply: str = Field("", max_length=2000)


class IntroductionOut(Schema):
    uuid: uuid.UUID
    requester: OrganisationRefOut
    recipient: OrganisationRefOut
    message: str
    state: Introduction.State
    reply: str
    created_at: datetime
    answered_at: datetime | None


class IntroductionListOut(Schema):
    items: list[IntroductionOut]
    count: int


class ConnectionOut(Schema):
    organisation: OrganisationRefOut
    introduction: uuid.UUID | None
    created_at: datetime

    @staticmethod
    def resolve_organisation(obj: tuple[Connection, object]) -> object:
        return obj[1]

    @staticmethod
    def resolve_introduction(obj: tuple[Connection, object]) -> uuid.UUID | None:
        introduction = obj[0].introduction
        return introduction.uuid if introduction is not None else None

    @staticmethod
    def resolve_created_at(obj: tuple[Connection, object]) -> datetime:
        return obj[0].created_at


class ConnectionListOut(Schema):
    items: list[ConnectionOut]
    count: int
