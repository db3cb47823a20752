"""JSON API of core: the activity stream and the notification centre."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from zwerm.core import notifications
from zwerm.core.api_support import OPTIONAL, REQUIRED, actor_of
from zwerm.core.models import Activity, Notification
from zwerm.core.privacy import NameResolver, activity_actor_name
from zwerm.core.schemas import (
    ActivityFilters,
    ActivityListOut,
    MarkReadIn,
    MarkReadOut,
    NotificationFilters,
    NotificationListOut,
    PreferenceListOut,
    PreferencesIn,
)
from zwerm.core.selectors import activity_list, notification_list, unread_notification_count
from zwerm.core.templatetags.zwerm import sentence_for

router = Router(tags=["activities"])


def activity_out(activity: Activity, resolver: NameResolver) -> dict[str, Any]:
    visible = not activity.is_system and resolver.may_see(activity.actor_id)
    return {
        "uuid": activity.uuid,
        "seq": activity.seq,
        "verb": activity.verb,
        "sentence": sentence_for(activity, resolver),
        "actor_name": activity_actor_name(activity, resolver),
        "actor_uuid": activity.actor.uuid if visible else None,
        "is_system": activity.is_system,
        "organisation_uuid": activity.organisation_uuid,
        "organisation_label": activity.organisation_label,
        "ecosystem_uuid": activity.ecosystem_uuid,
        "ecosystem_label": activity.ecosystem_label,
        "subject_type": activity.subject_type,
        "subject_uuid": activity.subject_uuid,
        "subject_label": activity.subject_label,
        "payload": activity.payload,
        "created_at": activity.created_at,
    }


@router.get(
    "/activities",
    response=ActivityListOut,
    auth=OPTIONAL,
    summary="List activities",
    description=(
        "The activity stream, newest first, limited to what you may see (members-only "
        "ecosystems only for their members). Names follow each person's privacy setting. "
        "With `after`, the stream is returned oldest first from that sequence number on, "
        "so a reader can follow it without missing or repeating an activity."
    ),
)
def list_activities(request: HttpRequest, filters: Query[ActivityFilters]):
    viewer = actor_of(request).person
    queryset = activity_list(
        viewer=viewer,
        ecosystem_uuid=filters.ecosystem,
        organisation_uuid=filters.organisation,
        verb_prefix=filters.verb,
        after_seq=filters.after,
    )
    page = list(queryset[filters.offset : filters.offset + filters.limit])
    resolver = NameResolver(viewer)
    resolver.prime(activity.actor_id for activity in page)
    return {
        "items": [activity_out(activity, resolver) for activity in page],
        "count": queryset.count(),
    }


def _notification_out(notification: Notification, resolver: NameResolver) -> dict[str, Any]:
    return {
        "uuid": notification.uuid,
        "kind": notification.kind,
        "url": notification.url,
        "created_at": notification.created_at,
        "read_at": notification.read_at,
        "activity": (
            activity_out(notification.activity, resolver) if notification.activity else None
        ),
    }


@router.get(
    "/notifications",
    response=NotificationListOut,
    auth=REQUIRED,
    tags=["notifications"],
    summary="List your notifications",
    description="Your notifications, newest first; `unread=true` for the unread ones only.",
)
def list_notifications(request: HttpRequest, filters: Query[NotificationFilters]):
    person = actor_of(request).person
    queryset = notification_list(person=person, unread_only=filters.unread)
    page = list(queryset[filters.offset : filters.offset + filters.limit])
    resolver = NameResolver(person)
    resolver.prime(n.activity.actor_id for n in page if n.activity is not None)
    return {
        "items": [_notification_out(notification, resolver) for notification in page],
        "count": queryset.count(),
        "unread": unread_notification_count(person=person),
    }


@router.post(
    "/notifications/read",
    response=MarkReadOut,
    auth=REQUIRED,
    tags=["notifications"],
    summary="Mark notifications as read",
    description="Marks one notification (`uuid`) or, without it, all your notifications as read.",
)
def mark_notifications_read(request: HttpRequest, payload: MarkReadIn):
    person = actor_of(request).person
    marked = notifications.mark_read(
        person=person, uuid=str(payload.uuid) if payload.uuid else None
    )
    return {"marked": marked, "unread": unread_notification_count(person=person)}


def _preferences(person) -> dict[str, Any]:
    items = [
        {"kind": kind.name, "label": str(kind.label), "channel": channel, "default": kind.default}
        for kind, channel in notifications.preferences_for(person)
    ]
    return {"items": items, "count": len(items), "channels": list(notifications.Channel.values)}


@router.get(
    "/notifications/preferences",
    response=PreferenceListOut,
    auth=REQUIRED,
    tags=["notifications"],
    summary="Your notification settings",
    description="Every kind of notification with the channel you chose (or its default).",
)
def get_preferences(request: HttpRequest):
    return _preferences(actor_of(request).person)


@router.put(
    "/notifications/preferences",
    response=PreferenceListOut,
    auth=REQUIRED,
    tags=["notifications"],
    summary="Change your notification settings",
    description=(
        "Sets the channel per kind: `immediate` (app and email at once), `digest` (app and "
        "the daily email), `app` (app only) or `off`. Kinds you leave out keep their setting."
    ),
)
def put_preferences(request: HttpRequest, payload: PreferencesIn):
    actor = actor_of(request)
    notifications.preferences_set(actor=actor, channels=payload.channels)
    return _preferences(actor.person)
