"""Background work of core: notification emails, immediately and as a daily digest.

Emails are rendered in the recipient's language, with names as the recipient may see
them. Tasks take UUIDs, not model instances, and are safe to run twice: a notification
is emailed at most once (``emailed_at``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from zwerm.core.models import Notification, NotificationPreference

DIGEST_WINDOW = timedelta(days=2)


def _send(person: Any, notifications: Sequence[Notification], template: str) -> None:
    language = person.language if person.language in dict(settings.LANGUAGES) else None
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {"person": person, "notifications": notifications, "site_url": settings.SITE_URL}
        subject = " ".join(
            render_to_string(f"core/email/{template}_subject.txt", context).split()
        )[:200]
        body = render_to_string(f"core/email/{template}.txt", context)
        message = EmailMultiAlternatives(
            subject, body, settings.DEFAULT_FROM_EMAIL, [person.email],
            headers={"Content-Language": translation.get_language()},
        )
    message.send()


def _notifications(queryset):
    return queryset.select_related("recipient", "activity", "activity__actor").order_by(
        "recipient_id", "created_at", "id"
    )


@db_task(retries=3, retry_delay=30)
def send_notification_emails(notification_uuids: list[str]) -> int:
    """Email each notification to its recipient, once, in the recipient's language."""
    pending = _notifications(
        Notification.objects.filter(uuid__in=notification_uuids, emailed_at__isnull=True)
    )
    sent = 0
    for notification in pending:
        if not notification.recipient.is_active:
            continue
        _send(notification.recipient, [notification], "notification")
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent


def _digest_channel(chosen: dict[tuple[int, str], str], person_id: int, kind: str) -> bool:
    from zwerm.core.notifications import get_kind

    channel = chosen.get((person_id, kind))
    if channel is None:
        try:
            channel = get_kind(kind).default
        except KeyError:
            return False
    return channel == NotificationPreference.Channel.DIGEST


@db_periodic_task(crontab(hour="7", minute="0"), retries=2, retry_delay=60)
def send_daily_digests() -> int:
    """One email per person for their digest kinds: unread, unsent, of the last two days.

    The channel is read now, not when the notification was made, so a person who turned a
    kind off since then gets no digest of it.
    """
    candidates = list(
        _notifications(
            Notification.objects.filter(
                emailed_at__isnull=True,
                read_at__isnull=True,
                created_at__gte=timezone.now() - DIGEST_WINDOW,
                recipient__is_active=True,
            )
        )
    )
    person_ids = {notification.recipient_id for notification in candidates}
    chosen = {
        (person_id, kind): channel
        for person_id, kind, channel in NotificationPreference.objects.filter(
            person_id__in=person_ids
        ).values_list("person_id", "kind", "channel")
    }
    by_person: dict[int, list[Notification]] = {}
    for notification in candidates:
        if _digest_channel(chosen, notification.recipient_id, notification.kind):
            by_person.setdefault(notification.recipient_id, []).append(notification)
    for notifications in by_person.values():
        _send(notifications[0].recipient, notifications, "digest")
        Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
            emailed_at=timezone.now()
        )
    return len(by_person)
