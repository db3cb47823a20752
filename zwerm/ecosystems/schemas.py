"""Schemas of the ecosystems API: ``XIn`` for input, ``XOut`` for output."""

from __future__ import annotations

import uuid
from datetime import datetime

from ninja import Field, Schema

from zwerm.core.schemas import Page
from zwerm.ecosystems.models import Ecosystem, Membership, Role


class OrganisationRefOut(Schema):
    uuid: uuid.UUID
    slug: str
    name: str


class EcosystemOut(Schema):
    uuid: uuid.UUID
    slug: str
    name: str
    goal: str
    visibility: Ecosystem.Visibility
    join_policy: Ecosystem.JoinPolicy
    themes: list[str]
    active_members: int | None = None
    created_at: datetime

    @staticmethod
    def resolve_themes(obj: Ecosystem) -> list[str]:
        return [theme.name for theme in obj.themes.all()]

    @staticmethod
    def resolve_active_members(obj: Ecosystem) -> int | None:
        return getattr(obj, "active_count", None)


class CharterOut(Schema):
    reciprocity: str = Field(..., alias="charter_reciprocity")
    transparency: str = Field(..., alias="charter_transparency")
    self_organisation: str = Field(..., alias="charter_self_organisation")
    interoperability: str = Field(..., alias="charter_interoperability")
    elasticity: str = Field(..., alias="charter_elasticity")


class EcosystemDetailOut(EcosystemOut):
    description: str
    charter: CharterOut
    updated_at: datetime

    @staticmethod
    def resolve_charter(obj: Ecosystem) -> Ecosystem:
        return obj


class EcosystemListOut(Schema):
    items: list[EcosystemOut]
    count: int


class EcosystemIn(Schema):
    name: str = Field(..., max_length=200)
    goal: str = Field(..., max_length=1000)
    description: str = Field("", max_length=20000)
    visibility: Ecosystem.Visibility = Ecosystem.Visibility.PUBLIC
    join_policy: Ecosystem.JoinPolicy = Ecosystem.JoinPolicy.REQUEST
    themes: list[str] = Field(default_factory=list, max_length=10)
    slug: str = Field("", max_length=80)


class EcosystemPatchIn(Schema):
    name: str | None = Field(None, max_length=200)
    goal: str | None = Field(None, max_length=1000)
    description: str | None = Field(None, max_length=20000)
    visibility: Ecosystem.Visibility | None = None
    join_policy: Ecosystem.JoinPolicy | None = None
    themes: list[str] | None = Field(None, max_length=10)
    slug: str | None = Field(None, max_length=80)


class CharterIn(Schema):
    reciprocity: str | None = Field(None, max_length=5000)
    transparency: str | None = Field(None, max_length=5000)
    self_organisation: str | None = Field(None, max_length=5000)
    interoperability: str | None = Field(None, max_length=5000)
    elasticity: str | None = Field(None, max_length=5000)


class MembershipOut(Schema):
    uuid: uuid.UUID
    organisation: OrganisationRefOut
    kind: Membership.Kind
    state: Membership.State
    state_changed_at: datetime


class MembershipListOut(Schema):
    items: list[MembershipOut]
    count: int


class MembershipEventOut(Schema):
    from_state: str
    to_state: Membership.State
    kind: Membership.Kind
    reason: str
    created_at: datetime


class JoinIn(Schema):
    kind: Membership.Kind = Membership.Kind.MEMBER


class RequestIn(Schema):
    kind: Membership.Kind = Membership.Kind.MEMBER
    reason: str = Field("", max_length=2000)


class ReasonIn(Schema):
    reason: str = Field("", max_length=2000)


class PersonRefOut(Schema):
    uuid: uuid.UUID
    name: str | None = None


class RoleOut(Schema):
    uuid: uuid.UUID
    name: Role.Name
    organisation: OrganisationRefOut
    person: PersonRefOut
    started_at: datetime
    ended_at: datetime | None


class RoleListOut(Schema):
    items: list[RoleOut]
    count: int


class FacilitatorIn(Schema):
    person: uuid.UUID
    organisation: uuid.UUID


class DelegateIn(Schema):
    person: uuid.UUID
    organisation: uuid.UUID


class InvitationIn(Schema):
    email: str = Field(..., max_length=254)
    organisation: str | None = Field(None, max_length=80, description="Slug or UUID.")
    kind: Membership.Kind = Membership.Kind.MEMBER
    message: str = Field("", max_length=2000)


class InvitationOut(Schema):
    uuid: uuid.UUID
    email: str
    organisation: OrganisationRefOut | None
    kind: Membership.Kind
    message: str
    expires_at: datetime
    answered_at: datetime | None
    outcome: str


class InvitationListOut(Schema):
    items: list[InvitationOut]
    count: int


class InvitationAcceptIn(Schema):
    organisation: uuid.UUID | None = None


# Filters ---------------------------------------------------------------------------------


class EcosystemFilters(Page):
    q: str = Field("", max_length=100)
    theme: str = Field("", max_length=80)


class MembershipFilters(Page):
    state: Membership.State | None = None
    kind: Membership.Kind | None = None
    q: str = Field("", max_length=100)


class RoleFilters(Page):
    name: Role.Name | None = None
    current: bool = True


class ActivityFilters(Page):
    after_seq: int | None = Field(None, ge=0)
