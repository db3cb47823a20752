"""Schemas of the accounts API: the signed-in person, tokens, export and erasure."""


from datetime import datetime
from uuid import UUID

from ninja import Field, Schema


class OrganisationRefOut(Schema):
    uuid: UUID
    slug: str
    name: str


class MeOut(Schema):
    uuid: UUID
    name: str
    email: str = Field(description="Your primary email address; only ever shown to you.")
    language: str
    time_zone: str
    name_visibility: str = Field(description="`everyone`, `ecosystems` or `organisation`.")
    acting_for: OrganisationRefOut | None = Field(
        description="The organisation this request acts for."
    )
    organisations: list[OrganisationRefOut]


class MeIn(Schema):
    name: str | None = Field(None, max_length=150)
    language: str | None = Field(None, description="`nl` or `en`.")
    time_zone: str | None = Field(None, max_length=64, description="e.g. `Europe/Amsterdam`.")
    name_visibility: str | None = Field(
        None, description="Who may see your name: `everyone`, `ecosystems` or `organisation`."
    )


class TokenOut(Schema):
    uuid: UUID
    name: str
    hint: str = Field(description="The first characters of the token, to recognise it.")
    organisation_uuid: UUID | None
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokenListOut(Schema):
    items: list[TokenOut]
    count: int


class TokenIn(Schema):
    name: str = Field(max_length=100)
    organisation: UUID | None = Field(
        None,
        description="The organisation the token acts for; one of yours. Defaults to the one "
        "this request acts for.",
    )


class TokenCreatedOut(TokenOut):
    token: str = Field(description="The token itself. It is shown only this once.")


class EraseIn(Schema):
    password: str = Field(max_length=4096)
