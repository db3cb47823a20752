"""Background work of core: notification emails, immediately and as a daily digest."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from zwerm.core.models import Notification, NotificationPreference


def _send(person, notifications, template: str) -> None:
    with translation.override(person.language or settings.LANGUAGE_CODE):
        context = {"person": person, "notifications": notifications, "site_url": settings.SITE_URL}
        subject = render_to_string(f"core/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"core/email/{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email])


@db_task(retries=3, retry_delay=30)
def send_notification_emails(notification_uuids: list[str]) -> int:
    """Email each notification to its recipient, once, in the recipient's language."""
    pending = (
        Notification.objects.filter(uuid__in=notification_uuids, emailed_at__isnull=True)
        .select_related("recipient", "activity", "activity__actor")
        .order_by("recipient_id", "created_at")
    )
    sent = 0
    for notification in pending:
        if not notification.recipient.is_active:
            continue
        _send(notification.recipient, [notification], "notification")
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent


@db_periodic_task(crontab(hour="7", minute="0"), retries=2, retry_delay=60)
def send_daily_digests() -> int:
    """One email per person with the digest channel, covering unread, unsent notifications."""
    since = timezone.now() - timedelta(days=2)
    digest_kinds_by_person: dict[int, set[str]] = {}
    for person_id, kind in NotificationPreference.objects.filter(
        channel=NotificationPreference.Channel.DIGEST
    ).values_list("person_id", "kind"):
        digest_kinds_by_person.setdefault(person_id, set()).add(kind)
    from zwerm.core.notifications import kinds

    default_digest = {k.name for k in kinds() if k.default == NotificationPreference.Channel.DIGEST}
    candidates = (
        Notification.objects.filter(
            emailed_at__isnull=True, read_at__isnull=True, created_at__gte=since
        )
        .select_related("recipient", "activity", "activity__actor")
        .order_by("recipient_id", "created_at")
    )
    by_person: dict[int, list[Notification]] = {}
    for notification in candidates:
        wanted = digest_kinds_by_person.get(notification.recipient_id, set()) | default_digest
        if notification.kind in wanted:
            by_person.setdefault(notification.recipient_id, []).append(notification)
    for notifications in by_person.values():
        person = notifications[0].recipient
        if not person.is_active:
            continue
        _send(person, notifications, "digest")
        Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
            emailed_at=timezone.now()
        )
    return len(by_person)
