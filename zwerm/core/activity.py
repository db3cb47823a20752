"""Recording activities: the single stream that feeds, notifications and logs follow."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from zwerm.core.actor import Actor
from zwerm.core.models import Activity, ActivityCounter

STREAM = "activity"

Listener = Callable[[Activity], None]
_listeners: list[Listener] = []


def register_listener(listener: Listener) -> None:
    """Call ``listener(activity)`` inside the transaction of every recorded activity.

    Listeners only schedule work (``transaction.on_commit``); readers such as the
    transparency log still follow the stream by sequence number, so nothing is lost
    when a listener's work fails.
    """
    if listener not in _listeners:
        _listeners.append(listener)


def _next_seq() -> int:
    """Take the counter's row lock and return the next number (held until commit).

    One statement increments and reads (``UPDATE … RETURNING``: SQLite 3.35+, PostgreSQL).
    The UPDATE takes the row lock (SQLite: the database's write lock), so numbers are
    handed out in commit order.
    """
    connection = transaction.get_connection()
    quote = connection.ops.quote_name
    table, value, name = quote(ActivityCounter._meta.db_table), quote("value"), quote("name")
    sql = f"UPDATE {table} SET {value} = {value} + 1 WHERE {name} = %s RETURNING {value}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [STREAM])
        row = cursor.fetchone()
        if row is None:  # the very first activity: create the counter, then take it
            ActivityCounter.objects.get_or_create(name=STREAM, defaults={"value": 0})
            cursor.execute(sql, [STREAM])
            row = cursor.fetchone()
    return row[0]


def _check_payload(value: Any, path: str = "payload") -> None:
    """Payloads hold references and exact values only: no floats."""
    if isinstance(value, float):
        raise TypeError(f"{path} holds a float; store exact values (str, int, Decimal as str).")
    if isinstance(value, Mapping):
        for key, item in value.items():
            _check_payload(item, f"{path}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_payload(item, f"{path}[{index}]")


def _uuid_of(obj: Any) -> uuid.UUID | None:
    return getattr(obj, "uuid", None) if obj is not None else None


def record(
    *,
    verb: str,
    actor: Actor,
    subject: Any,
    subject_type: str | None = None,
    ecosystem: Any = None,
    organisation: Any = None,
    payload: Mapping[str, Any] | None = None,
    secret_subject: bool = False,
) -> Activity:
    """Record one activity inside the caller's transaction.

    ``organisation`` defaults to the organisation the actor acts for. Subjects, organisations
    and ecosystems are referenced by UUID with a label snapshot, never by foreign key.
    ``secret_subject`` leaves out the subject's UUID when it is a key (an invitation's link):
    the stream is public, and whoever holds that key may act with it.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("record() must run inside the service's transaction.")
    payload = dict(payload or {})
    _check_payload(payload)
    organisation = organisation if organisation is not None else actor.organisation
    activity = Activity.objects.create(
        seq=_next_seq(),
        verb=verb,
        actor=actor.person if actor.person is not None and actor.person.pk else None,
        is_system=actor.is_system,
        organisation_uuid=_uuid_of(organisation),
        organisation_label=str(organisation)[:200] if organisation is not None else "",
        ecosystem_uuid=_uuid_of(ecosystem),
        ecosystem_label=str(ecosystem)[:200] if ecosystem is not None else "",
        subject_type=subject_type or subject._meta.label_lower,
        subject_uuid=None if secret_subject else _uuid_of(subject),
        subject_label=str(subject)[:300],
        payload=payload,
        created_at=timezone.now(),
    )
    for listener in _listeners:
        listener(activity)
    return activity
