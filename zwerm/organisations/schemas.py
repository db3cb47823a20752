"""Input and output shapes of the organisations API."""


from datetime import datetime
from typing import Literal
from uuid import UUID

from ninja import Field, Schema

from zwerm.core.schemas import Page
from zwerm.organisations.models import Organisation, OrganisationMember, ProfileEntry

Kind = Literal["company", "government", "knowledge", "nonprofit", "other"]
EntryKind = Literal["offer", "seek"]
RoleName = Literal["admin", "member"]


class ThemeOut(Schema):
    name: str
    slug: str


class EntryOut(Schema):
    uuid: UUID
    kind: EntryKind
    title: str
    description: str
    position: int


class OrganisationSummaryOut(Schema):
    uuid: UUID
    slug: str
    name: str
    kind: Kind
    region: str
    website: str
    is_verified: bool
    themes: list[ThemeOut]
    url: str

    @staticmethod
    def resolve_themes(obj: Organisation) -> list[ThemeOut]:
        return [ThemeOut(name=t.name, slug=t.slug) for t in obj.themes.all()]

    @staticmethod
    def resolve_url(obj: Organisation) -> str:
        return f"/organisations/{obj.slug}/"


class OrganisationOut(OrganisationSummaryOut):
    description: str
    logo_url: str | None
    kvk_number: str
    oin: str
    offers: list[EntryOut]
    seeks: list[EntryOut]
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_logo_url(obj: Organisation) -> str | None:
        return obj.logo.url if obj.logo else None

    @staticmethod
    def resolve_offers(obj: Organisation) -> list[ProfileEntry]:
        return [e for e in obj.entries.all() if e.kind == ProfileEntry.Kind.OFFER]

    @staticmethod
    def resolve_seeks(obj: Organisation) -> list[ProfileEntry]:
        return [e for e in obj.entries.all() if e.kind == ProfileEntry.Kind.SEEK]


class OrganisationListOut(Schema):
    items: list[OrganisationSummaryOut]
    count: int


class OrganisationFiltersIn(Page):
    """The directory's filters (validated by the same form as the page) and the page."""

    q: str = Field("", description="Words to find in name, description, offers, requests, themes.")
    kind: str = Field("", description="One of the kinds of organisation.")
    region: str = Field("", description="One of the regions.")
    theme: str = Field("", description="A theme's slug.")


class OrganisationIn(Schema):
    name: str = Field(..., max_length=200)
    kind: Kind
    slug: str = Field("", max_length=80)
    website: str = Field("", max_length=200)
    region: str = ""
    description: str = Field("", max_length=10_000)
    themes: list[str] = Field(default_factory=list, max_length=20)
    kvk_number: str = Field("", max_length=20)
    oin: str = Field("", max_length=30)


class OrganisationPatch(Schema):
    name: str | None = Field(None, max_length=200)
    kind: Kind | None = None
    slug: str | None = Field(None, max_length=80)
    website: str | None = Field(None, max_length=200)
    region: str | None = None
    description: str | None = Field(None, max_length=10_000)
    themes: list[str] | None = Field(None, max_length=20)
    kvk_number: str | None = Field(None, max_length=20)
    oin: str | None = Field(None, max_length=30)
    is_verified: bool | None = Field(None, description="Operators only.")


class EntryIn(Schema):
    kind: EntryKind
    title: str = Field(..., max_length=120)
    description: str = Field("", max_length=2000)


class EntryPatch(Schema):
    title: str | None = Field(None, max_length=120)
    description: str | None = Field(None, max_length=2000)


class EntryOrderIn(Schema):
    kind: EntryKind
    order: list[UUID]


class PersonOut(Schema):
    uuid: UUID | None = Field(None, description="Given to the organisation's own people.")
    name: str | None = Field(None, description="Empty when the person's setting hides it.")
    role: RoleName
    since: datetime


class PeopleOut(Schema):
    items: list[PersonOut]
    count: int


class RoleIn(Schema):
    role: RoleName


class MemberOut(Schema):
    organisation: str
    person: UUID
    role: RoleName
    left_at: datetime | None

    @staticmethod
    def resolve_organisation(obj: OrganisationMember) -> str:
        return obj.organisation.slug

    @staticmethod
    def resolve_person(obj: OrganisationMember) -> UUID:
        return obj.person.uuid


class LeaveIn(Schema):
    successor: UUID | None = None
    person: UUID | None = Field(
        None, description="Someone else to remove (administrators); yourself when empty."
    )


class InvitationIn(Schema):
    email: str = Field(..., max_length=254)
    role: RoleName = "member"


class InvitationOut(Schema):
    uuid: UUID
    organisation: str
    email: str
    role: RoleName
    state: Literal["open", "accepted", "revoked", "expired"]
    created_at: datetime
    expires_at: datetime

    @staticmethod
    def resolve_organisation(obj) -> str:
        return obj.organisation.slug

    @staticmethod
    def resolve_state(obj) -> str:
        from zwerm.organisations.selectors import invitation_state

        return invitation_state(obj)


class InvitationListOut(Schema):
    items: list[InvitationOut]
    count: int


class MergeIn(Schema):
    target: str = Field(..., description="The slug of the organisation that stays.")
