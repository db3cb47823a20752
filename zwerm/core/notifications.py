"""Notifications: kinds, per-person preferences, and delivery in the app and by email.

A service calls ``notify(...)`` inside its transaction; emails go out after commit through
the task queue, rendered in each recipient's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import Activity, Notification, NotificationPreference

Channel = NotificationPreference.Channel


@dataclass(frozen=True)
class Kind:
    name: str
    label: Promise
    default: str = Channel.IMMEDIATE


_KINDS: dict[str, Kind] = {}


def register_kind(name: str, label: Promise, default: str = Channel.IMMEDIATE) -> Kind:
    kind = Kind(name=name, label=label, default=default)
    _KINDS[name] = kind
    return kind


def kinds() -> list[Kind]:
    return sorted(_KINDS.values(), key=lambda kind: kind.name)


def get_kind(name: str) -> Kind:
    return _KINDS[name]


def channels_for(person: Any, kind_names: Iterable[str]) -> dict[str, str]:
    chosen = dict(
        NotificationPreference.objects.filter(person=person, kind__in=list(kind_names)).values_list(
            "kind", "channel"
        )
    )
    return {name: chosen.get(name, _KINDS[name].default) for name in kind_names}


def notify(
    *, recipients: Iterable[Any], kind: str, activity: Activity | None = None, url: str = ""
) -> list[Notification]:
    """Create in-app notifications and queue immediate emails after the commit."""
    if kind not in _KINDS:
        raise KeyError(f"Unknown notification kind {kind!r}; register it first.")
    people = {person.pk: person for person in recipients if person is not None and person.pk}
    actor_id = activity.actor_id if activity is not None else None
    people.pop(actor_id, None)
    if not people:
        return []
    chosen = dict(
        NotificationPreference.objects.filter(person_id__in=people, kind=kind).values_list(
            "person_id", "channel"
        )
    )
    created = []
    for person_id in people:
        channel = chosen.get(person_id, _KINDS[kind].default)
        if channel == Channel.OFF:
            continue
        created.append(
            Notification(recipient_id=person_id, kind=kind, activity=activity, url=url)
        )
    Notification.objects.bulk_create(created)
    default = _KINDS[kind].default
    immediate = [
        n.uuid for n in created if chosen.get(n.recipient_id, default) == Channel.IMMEDIATE
    ]
    if immediate:
        from zwerm.core.tasks import send_notification_emails

        ids = [str(value) for value in immediate]
        transaction.on_commit(lambda: send_notification_emails(ids))
    return created


def mark_read(*, person: Any, uuid: str | None = None) -> int:
    """Mark one notification (or all of them) as read; returns how many changed."""
    queryset = Notification.objects.filter(recipient=person, read_at__isnull=True)
    if uuid:
        queryset = queryset.filter(uuid=uuid)
    return queryset.update(read_at=timezone.now())


def preference_set(*, person: Any, kind: str, channel: str) -> NotificationPreference:
    from zwerm.core.errors import ValidationFailed

    if kind not in _KINDS:
        raise ValidationFailed(_("This kind of notification does not exist."), field="kind")
    if channel not in Channel.values:
        raise ValidationFailed(_("Choose one of the offered channels."), field="channel")
    preference, _created = NotificationPreference.objects.update_or_create(
        person=person, kind=kind, defaults={"channel": channel}
    )
    return preference
