"""Notifications: kinds, per-person preferences, and delivery in the app and by email.

A service calls ``notify(...)`` inside its transaction; emails go out after commit through
the task queue, rendered in each recipient's language.
"""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from zwerm.core import verbs
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import NotAllowed, ValidationFailed
from zwerm.core.models import Activity, Notification, NotificationPreference

Channel = NotificationPreference.Channel

verbs.register(
    "core.notifications.preferences_changed",
    _("%(actor)s changed their notification settings"),
    personal=True,
)


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
    """Mark one notification (or all of them) as read; returns how many changed.

    Reading is no change to the shared state, so it records no activity. An unknown or
    malformed UUID marks nothing.
    """
    queryset = Notification.objects.filter(recipient=person, read_at__isnull=True)
    if uuid:
        try:
            queryset = queryset.filter(uuid=uuid_module.UUID(str(uuid)))
        except ValueError:
            return 0
    return queryset.update(read_at=timezone.now())


def preferences_for(person: Any) -> list[tuple[Kind, str]]:
    """Every kind with the channel the person chose for it (or the kind's default)."""
    chosen = channels_for(person, [kind.name for kind in kinds()])
    return [(kind, chosen[kind.name]) for kind in kinds()]


def _validate_preference(kind: str, channel: str) -> None:
    if kind not in _KINDS:
        raise ValidationFailed(_("This kind of notification does not exist."), field="kind")
    if channel not in Channel.values:
        raise ValidationFailed(_("Choose one of the offered channels."), field=kind)


@transaction.atomic
def preferences_set(*, actor: Actor, channels: Mapping[str, str]) -> dict[str, str]:
    """Choose, per kind, how the person hears about it; one activity for the whole change."""
    person = actor.person
    if person is None or not person.is_authenticated:
        raise NotAllowed(_("Sign in to choose your notifications."))
    for kind, channel in channels.items():
        _validate_preference(kind, channel)
    current = channels_for(person, list(channels))
    changed = sorted(kind for kind, channel in channels.items() if current[kind] != channel)
    for kind in changed:
        NotificationPreference.objects.update_or_create(
            person=person, kind=kind, defaults={"channel": channels[kind]}
        )
    if changed:
        record(
            verb="core.notifications.preferences_changed",
            actor=Actor(person=person, organisation=None),
            subject=_PersonReference(person.uuid),
            subject_type="accounts.person",
            payload={"kinds": changed},
        )
    return channels_for(person, [kind.name for kind in kinds()])


@dataclass(frozen=True)
class _PersonReference:
    uuid: Any

    def __str__(self) -> str:
        return ""
