"""Schemas of core's API: activities and notifications."""


from datetime import datetime
from typing import Any
from uuid import UUID

from ninja import Field, Schema


class Page(Schema):
    limit: int = Field(20, ge=1, le=100, description="How many items to return (1–100).")
    offset: int = Field(0, ge=0, le=10_000_000, description="How many items to skip.")


class ActivityFilters(Page):
    ecosystem: UUID | None = Field(None, description="Only activities in this ecosystem.")
    organisation: UUID | None = Field(
        None, description="Only activities done for, or about, this organisation."
    )
    verb: str | None = Field(
        None, max_length=100, pattern=r"^[a-z_.]*$",
        description="Only verbs starting with this prefix, e.g. `ecosystems.membership`.",
    )
    after: int | None = Field(
        None, ge=0,
        description=(
            "Follow the stream: only activities with a sequence number above this one, oldest "
            "first. Pass the last `seq` you saw."
        ),
    )


class ActivityOut(Schema):
    uuid: UUID
    seq: int
    verb: str
    sentence: str = Field(description="The activity as a sentence in the request's language.")
    actor_name: str = Field(
        description=(
            "The actor as the viewer may see them: a name, 'someone from <organisation>', "
            "'a former participant' or 'Zwerm' for system actions."
        )
    )
    actor_uuid: UUID | None = Field(
        description="The actor's UUID, only when the viewer may see their name."
    )
    is_system: bool
    organisation_uuid: UUID | None
    organisation_label: str
    ecosystem_uuid: UUID | None
    ecosystem_label: str
    subject_type: str
    subject_uuid: UUID | None
    subject_label: str
    payload: dict[str, Any]
    created_at: datetime


class ActivityListOut(Schema):
    items: list[ActivityOut]
    count: int


class NotificationFilters(Page):
    unread: bool = Field(False, description="Only unread notifications.")


class NotificationOut(Schema):
    uuid: UUID
    kind: str
    url: str
    created_at: datetime
    read_at: datetime | None
    activity: ActivityOut | None


class NotificationListOut(Schema):
    items: list[NotificationOut]
    count: int
    unread: int


class MarkReadIn(Schema):
    uuid: UUID | None = Field(
        None, description="The notification to mark as read; leave out to mark all."
    )


class MarkReadOut(Schema):
    marked: int
    unread: int


class PreferenceOut(Schema):
    kind: str
    label: str
    channel: str
    default: str


class PreferencesIn(Schema):
    channels: dict[str, str] = Field(
        description="Per kind, one of `immediate`, `digest`, `app` or `off`."
    )


class PreferenceListOut(Schema):
    items: list[PreferenceOut]
    count: int
    channels: list[str]
