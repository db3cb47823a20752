"""Background work of events: the emails to registrants and the reminder the day before.

Emails go in the recipient's language (a guest's: the language they registered in).
Tasks take primary keys; the reminder job remembers what it sent (``reminded_at``).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from zwerm.events.models import Answer, Registration, new_secret
from zwerm.events.selectors import waiting_position

SUBJECTS = {
    "confirmed": _("You are registered for %(event)s"),
    "guest_link": _("Confirm your registration for %(event)s"),
    "waiting": _("You are on the waiting list for %(event)s"),
    "promoted": _("A seat came free: you are registered for %(event)s"),
    "cancelled": _("Your registration for %(event)s was cancelled"),
    "event_cancelled": _("Cancelled: %(event)s"),
    "reminder": _("Tomorrow: %(event)s"),
    "changed": _("Changed: %(event)s"),
}
REMINDER_AHEAD = timedelta(hours=24)
#: How long after an event guests' names and addresses are kept (for questions afterwards).
GUEST_DATA_DAYS = 90


def _send(registration: Registration, kind: str) -> None:
    event = registration.event
    with translation.override(registration.recipient_language):
        context = {
            "kind": kind,
            "registration": registration,
            "event": event,
            "name": str(registration.person) if registration.person_id
            else registration.guest_name,
            "event_url": settings.SITE_URL + reverse("events:detail", kwargs={"slug": event.slug}),
            "link_url": settings.SITE_URL
            + reverse("events:registration_link", kwargs={"secret": registration.secret}),
            "ics_url": settings.SITE_URL + reverse("events:ics", kwargs={"slug": event.slug}),
            "position": waiting_position(registration),
            "site_url": settings.SITE_URL,
        }
        subject = str(SUBJECTS[kind] % {"event": event.title})[:200]
        body = render_to_string("events/email/registration.txt", context)
        message = EmailMultiAlternatives(
            subject, body, settings.DEFAULT_FROM_EMAIL, [registration.email],
            headers={"Content-Language": translation.get_language()},
        )
    message.send()


def _load(registration_id: int) -> Registration | None:
    return (Registration.objects.select_related("event", "person")
            .filter(pk=registration_id).first())


@db_task(retries=3, retry_delay=30)
def send_registration_email(registration_id: int, kind: str) -> bool:
    """One email about one registration; skipped when its state moved on in the meantime."""
    registration = _load(registration_id)
    expected = {
        "confirmed": Registration.State.CONFIRMED, "promoted": Registration.State.CONFIRMED,
        "waiting": Registration.State.WAITING, "guest_link": Registration.State.UNCONFIRMED,
        "cancelled": Registration.State.CANCELLED,
    }
    if registration is None or registration.state != expected[kind]:
        return False
    _send(registration, kind)
    return True


@db_task(retries=3, retry_delay=30)
def send_event_cancelled(event_id: int) -> int:
    """Tell everyone with a seat, on the waiting list or still to confirm."""
    registrations = Registration.objects.select_related("event", "person").filter(
        event_id=event_id, event__cancelled_at__isnull=False,
        state__in=[Registration.State.CONFIRMED, Registration.State.WAITING,
                   Registration.State.UNCONFIRMED],
    )
    sent = 0
    for registration in registrations:
        _send(registration, "event_cancelled")
        sent += 1
    return sent


@db_task(retries=3, retry_delay=30)
def send_event_changed(event_id: int, sequence: int) -> int:
    """Tell everyone with a seat or on the waiting list the new time or place, once.

    Skipped when a later change already superseded this one (its own email follows).
    """
    registrations = Registration.objects.select_related("event", "person").filter(
        event_id=event_id, event__sequence=sequence, event__cancelled_at__isnull=True,
        state__in=[Registration.State.CONFIRMED, Registration.State.WAITING],
    )
    sent = 0
    for registration in registrations:
        _send(registration, "changed")
        sent += 1
    return sent


@db_periodic_task(crontab(minute="*/15"), retries=2, retry_delay=60)
def send_reminders() -> int:
    """Remind everyone with a seat, once, in the 24 hours before the event starts.

    Each registration is claimed (``reminded_at`` set) before its email goes out, so two
    workers never send the same reminder; a failed send releases the claim for a retry.
    """
    now = timezone.now()
    due = Registration.objects.filter(
        state=Registration.State.CONFIRMED, reminded_at__isnull=True,
        event__cancelled_at__isnull=True, event__starts_at__gt=now,
        event__starts_at__lte=now + REMINDER_AHEAD,
    ).values_list("pk", flat=True)
    sent = 0
    for registration_id in list(due):
        claimed = Registration.objects.filter(pk=registration_id, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if not claimed:
            continue
        registration = _load(registration_id)
        try:
            _send(registration, "reminder")
        except Exception:
            Registration.objects.filter(pk=registration_id).update(reminded_at=None)
            raise
        sent += 1
    return sent


@db_periodic_task(crontab(hour="3", minute="30"), retries=2, retry_delay=60)
def forget_guests() -> int:
    """Erase guests' names, addresses and answers some time after their event ended.

    Guests have no account to erase, so the platform does it for them; the registration
    itself stays (it counted a seat) with a placeholder address that can reach nobody.
    """
    cutoff = timezone.now() - timedelta(days=GUEST_DATA_DAYS)
    stale = list(Registration.objects.filter(
        person__isnull=True, event__ends_at__lt=cutoff,
    ).exclude(guest_email__endswith="@forgotten.invalid").values_list("pk", "uuid"))
    for pk, uuid in stale:
        Answer.objects.filter(registration_id=pk).delete()
        Registration.objects.filter(pk=pk).update(
            guest_name="", guest_email=f"{uuid}@forgotten.invalid", secret=new_secret(),
        )
    return len(stale)
