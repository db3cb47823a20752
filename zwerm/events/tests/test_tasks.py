"""Background work: the reminder the day before, once, in each recipient's language."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from zwerm.core.actor import Actor
from zwerm.events import services, tasks
from zwerm.events.models import Registration
from zwerm.events.tests.factories import attendee, organised_event

pytestmark = pytest.mark.django_db


def test_reminders_go_once_to_seats_within_a_day(django_capture_on_commit_callbacks):
    tomorrow, organiser, organisation = organised_event(
        title="Morgen", capacity=1, starts_at=timezone.now() + timedelta(hours=20),
        ends_at=timezone.now() + timedelta(hours=22))
    later, *_ = organised_event(title="Volgende week")
    english, english_actor = attendee(language="en")
    services.registration_create(actor=english_actor, event=tomorrow)
    services.registration_create(actor=attendee()[1], event=tomorrow)  # waiting: no reminder
    services.registration_create(actor=attendee()[1], event=later)
    guest = services.registration_create_guest(actor=Actor(person=None), event=tomorrow,
                                               name="G", email="g@example.org", language="nl")
    mail.outbox.clear()
    assert tasks.send_reminders.call_local() == 1
    (message,) = mail.outbox
    assert message.to == [english.email] and message.subject == "Tomorrow: Morgen"
    assert "is tomorrow" in message.body
    assert Registration.objects.get(person=english).reminded_at is not None
    assert tasks.send_reminders.call_local() == 0  # it remembers what it sent
    assert len(mail.outbox) == 1
    services.registration_confirm_guest(actor=Actor(person=None), secret=guest.secret)
    assert tasks.send_reminders.call_local() == 0  # the guest is waiting, not seated


def test_a_failed_reminder_is_tried_again(monkeypatch):
    event, *_ = organised_event(starts_at=timezone.now() + timedelta(hours=3),
                                ends_at=timezone.now() + timedelta(hours=4))
    person, actor = attendee()
    services.registration_create(actor=actor, event=event)

    def broken(*args, **kwargs):
        raise ConnectionError("SMTP is down")

    monkeypatch.setattr(tasks, "_send", broken)
    with pytest.raises(ConnectionError):
        tasks.send_reminders.call_local()
    assert Registration.objects.get(person=person).reminded_at is None
    monkeypatch.undo()
    assert tasks.send_reminders.call_local() == 1


def test_cancelled_events_send_no_reminder():
    event, organiser, organisation = organised_event(
        starts_at=timezone.now() + timedelta(hours=3), ends_at=timezone.now() + timedelta(hours=4))
    services.registration_create(actor=attendee()[1], event=event)
    services.event_cancel(actor=Actor(person=organiser, organisation=organisation), event=event)
    assert tasks.send_reminders.call_local() == 0


def test_stale_emails_are_skipped(django_capture_on_commit_callbacks):
    event, *_ = organised_event()
    _person, actor = attendee()
    registration = services.registration_create(actor=actor, event=event)
    services.registration_cancel(actor=actor, registration=registration)
    assert tasks.send_registration_email.call_local(registration.pk, "confirmed") is False
    assert tasks.send_registration_email.call_local(registration.pk, "cancelled") is True


def test_a_new_time_or_place_is_announced_once(django_capture_on_commit_callbacks):
    event, organiser, organisation = organised_event(capacity=1)
    actor = Actor(person=organiser, organisation=organisation)
    seated, seated_actor = attendee(language="en")
    waiting, waiting_actor = attendee()
    services.registration_create(actor=seated_actor, event=event)
    services.registration_create(actor=waiting_actor, event=event)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(actor=actor, event=event, agenda="1. Welkom")
    assert mail.outbox == []  # the agenda is no news for the mailbox
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(actor=actor, event=event, venue="Bibliotheek Utrecht")
    english = next(m for m in mail.outbox if m.to == [seated.email])
    assert english.subject.startswith("Changed:") and "Bibliotheek Utrecht" in english.body
    dutch = next(m for m in mail.outbox if m.to == [waiting.email])
    assert dutch.subject.startswith("Gewijzigd:")
    event.refresh_from_db()
    assert tasks.send_event_changed.call_local(event.pk, event.sequence - 1) == 0  # superseded


def test_guests_are_forgotten_after_their_event():
    from zwerm.events.models import Event

    event, organiser, organisation = organised_event()
    question = services.question_create(actor=Actor(person=organiser, organisation=organisation),
                                        event=event, label="Dieet?")
    guest = services.registration_create_guest(actor=Actor(person=None), event=event,
                                               name="Greet Gast", email="greet@example.org",
                                               answers={str(question.uuid): "Noten"})
    member = services.registration_create(actor=attendee()[1], event=event)
    assert tasks.forget_guests.call_local() == 0  # the event has not even happened
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(days=tasks.GUEST_DATA_DAYS + 2),
        ends_at=timezone.now() - timedelta(days=tasks.GUEST_DATA_DAYS + 1))
    old_secret = guest.secret
    assert tasks.forget_guests.call_local() == 1
    guest.refresh_from_db()
    assert guest.guest_name == "" and "greet" not in guest.guest_email
    assert guest.secret != old_secret and not guest.answers.exists()
    assert member.person is not None and Registration.objects.get(pk=member.pk).person
    assert tasks.forget_guests.call_local() == 0
