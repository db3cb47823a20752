"""Event services: planning, registering, the waiting list, guests, check-in and follow-up."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.models import Activity
from zwerm.ecosystems.models import EcosystemInvitation, Membership
from zwerm.ecosystems.tests.factories import member_organisation, started_ecosystem
from zwerm.events import services
from zwerm.events.models import Event, EventSeries, Question, Registration
from zwerm.events.tests.factories import (
    EventFactory,
    RegistrationFactory,
    attendee,
    organised_event,
    soon,
)

pytestmark = pytest.mark.django_db


def verbs():
    return list(Activity.objects.order_by("seq").values_list("verb", flat=True))


def test_create_records_and_makes_the_creator_first_organiser():
    event, organiser, organisation = organised_event(capacity=5, kind="round_table")
    assert event.organisers.get().person == organiser
    assert event.slug == "ronde-tafel-circulair-bouwen"
    assert "events.event.created" in verbs()
    activity = Activity.objects.get(verb="events.event.created")
    assert activity.payload["capacity"] == 5 and activity.subject_uuid == event.uuid


@pytest.mark.parametrize("changes, field", [
    ({"title": " "}, "title"),
    ({"ends_at": soon(7) - timedelta(hours=1), "starts_at": soon(7)}, "ends_at"),
    ({"mode": "online"}, "online_url"),
    ({"mode": "in_person", "venue": ""}, "venue"),
    ({"capacity": 0}, "capacity"),
    ({"time_zone": "Mars/Olympus"}, "time_zone"),
    ({"visibility": "members"}, "visibility"),
    ({"kind": "party"}, "kind"),
    ({"starts_at": soon(-1), "ends_at": soon(-1, 2)}, "starts_at"),
    ({"online_url": "javascript:alert(1)", "mode": "hybrid"}, "online_url"),
])
def test_create_refuses_bad_input(changes, field):
    with pytest.raises(ValidationFailed) as caught:
        organised_event(**changes)
    assert field in caught.value.fields


def test_create_needs_a_person_and_ecosystem_membership():
    with pytest.raises(NotAllowed):
        services.event_create(actor=Actor(person=None), title="X", starts_at=soon(),
                              ends_at=soon(7, 1), venue="Hier")
    ecosystem, _facilitator, _home = started_ecosystem()
    _person, outsider = attendee()
    with pytest.raises(NotAllowed):
        services.event_create(actor=outsider, title="X", starts_at=soon(), ends_at=soon(7, 1),
                              venue="Hier", ecosystem=ecosystem)


def test_naive_times_are_read_in_the_event_time_zone():
    start = (timezone.now() + timedelta(days=30)).replace(tzinfo=None, hour=19, minute=0,
                                                          second=0, microsecond=0)
    event, *_ = organised_event(starts_at=start, ends_at=start + timedelta(hours=2),
                                time_zone="America/New_York")
    local = event.starts_at.astimezone(event.zone)
    assert (local.hour, local.minute) == (19, 0)
    assert event.starts_at.utcoffset() == timedelta(0)


def test_series_keeps_the_wall_clock_time_across_daylight_saving():
    _event, organiser, organisation = organised_event()
    day = timezone.datetime(timezone.now().year + 1, 2, 1, 19, 0)
    day += timedelta(days=(1 - day.weekday()) % 7)  # the first Tuesday of February
    first = timezone.make_aware(day, Event(time_zone="Europe/Amsterdam").zone)
    series = services.series_create(
        actor=Actor(person=organiser, organisation=organisation), frequency="monthly", count=4,
        title="Maandelijkse ronde tafel", starts_at=first, ends_at=first + timedelta(hours=2),
        venue="Stadhuis", kind="round_table", capacity=12,
    )
    occurrences = list(series.events.order_by("starts_at"))
    assert len(occurrences) == 4
    local = [e.starts_at.astimezone(e.zone) for e in occurrences]
    assert all((t.hour, t.minute, t.weekday()) == (19, 0, 1) for t in local)
    assert all(t.day <= 7 for t in local)  # the first Tuesday of every month
    assert {e.starts_at.utcoffset() for e in occurrences} == {timedelta(0)}
    assert len({e.slug for e in occurrences}) == 4
    assert occurrences[0].capacity == 12 and occurrences[0].organisers.count() == 1
    assert EventSeries.objects.get().title == "Maandelijkse ronde tafel"
    with pytest.raises(ValidationFailed):
        services.series_create(actor=Actor(person=organiser, organisation=organisation),
                               frequency="monthly", count=1, title="X", starts_at=first,
                               ends_at=first + timedelta(hours=1), venue="Hier")


def test_update_raises_the_sequence_and_refuses_strangers():
    event, organiser, organisation = organised_event()
    actor = Actor(person=organiser, organisation=organisation)
    services.event_update(actor=actor, event=event, venue="Bibliotheek")
    event.refresh_from_db()
    assert event.venue == "Bibliotheek" and event.sequence == 1
    services.event_update(actor=actor, event=event, capacity=3)
    event.refresh_from_db()
    assert event.sequence == 1  # capacity does not change anybody's calendar
    _person, stranger = attendee()
    with pytest.raises(NotAllowed):
        services.event_update(actor=stranger, event=event, title="Overgenomen")


def test_full_event_waiting_list_and_promotion_with_emails(django_capture_on_commit_callbacks):
    event, *_ = organised_event(capacity=2)
    people = [attendee() for _ in range(4)]
    with django_capture_on_commit_callbacks(execute=True):
        registrations = [services.registration_create(actor=a, event=event) for _, a in people]
    assert [r.state for r in registrations] == ["confirmed", "confirmed", "waiting", "waiting"]
    assert [r.seat for r in registrations] == [1, 2, None, None]
    assert len(mail.outbox) == 4
    assert mail.outbox[2].subject.startswith("Je staat op de wachtlijst")
    assert "nummer 1" in mail.outbox[2].body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(actor=people[0][1], registration=registrations[0])
    states = {r.pk: (r.state, r.seat) for r in Registration.objects.all()}
    assert states[registrations[0].pk] == ("cancelled", None)
    assert states[registrations[2].pk] == ("confirmed", 1)
    assert states[registrations[3].pk] == ("waiting", None)
    assert [m.to for m in mail.outbox] == [[people[2][0].email]]
    assert "events.registration.promoted" in verbs()
    assert people[2][0].notifications.filter(kind="events.registrations").exists()


def test_registration_rules():
    event, *_ = organised_event(capacity=5, per_organisation_limit=1)
    person, actor = attendee()
    services.registration_create(actor=actor, event=event)
    with pytest.raises(Conflict, match="already registered"):
        services.registration_create(actor=actor, event=event)
    _colleague, colleague = attendee(organisation=actor.organisation)
    with pytest.raises(Conflict) as caught:
        services.registration_create(actor=colleague, event=event)
    assert caught.value.code == "organisation_limit"
    with pytest.raises(NotAllowed):
        services.registration_create(actor=Actor(person=None), event=event)
    closed = EventFactory(registration_closes_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(Conflict, match="closed"):
        services.registration_create(actor=actor, event=closed)
    later = EventFactory(registration_opens_at=timezone.now() + timedelta(days=1))
    with pytest.raises(Conflict, match="not opened"):
        services.registration_create(actor=actor, event=later)


def test_cancelled_registration_can_register_again_in_the_same_row():
    event, *_ = organised_event(capacity=1)
    _person, actor = attendee()
    first = services.registration_create(actor=actor, event=event)
    services.registration_cancel(actor=actor, registration=first)
    again = services.registration_create(actor=actor, event=event)
    assert again.pk == first.pk and again.state == "confirmed" and again.seat == 1


def test_members_only_event_is_not_found_for_outsiders():
    ecosystem, facilitator, home = started_ecosystem()
    event = services.event_create(
        actor=Actor(person=facilitator, organisation=home), title="Alleen leden",
        starts_at=soon(), ends_at=soon(7, 2), venue="Hier", ecosystem=ecosystem,
        visibility="members",
    )
    _person, outsider = attendee()
    with pytest.raises(NotFound):
        services.registration_create(actor=outsider, event=event)
    with pytest.raises(NotFound):
        services.registration_create_guest(actor=Actor(person=None), event=event, name="G",
                                           email="g@example.org")
    organisation, admin = member_organisation(ecosystem)
    member = Actor(person=admin, organisation=organisation)
    assert services.registration_create(actor=member, event=event).state == "confirmed"


def test_answers_are_validated_and_kept():
    event, organiser, organisation = organised_event()
    actor = Actor(person=organiser, organisation=organisation)
    diet = services.question_create(actor=actor, event=event, label="Dieetwensen?")
    lunch = services.question_create(actor=actor, event=event, label="Lunch?", kind="yes_no",
                                     required=True)
    size = services.question_create(actor=actor, event=event, label="Maat", kind="choice",
                                    choices=["S", "M", "M", " "])
    assert size.choices == ["S", "M"]
    with pytest.raises(ValidationFailed):
        services.question_create(actor=actor, event=event, label="Kies", kind="choice",
                                 choices=["één"])
    _person, guest = attendee()
    with pytest.raises(ValidationFailed) as caught:
        services.registration_create(actor=guest, event=event, answers={})
    assert f"question-{lunch.uuid}" in caught.value.fields
    with pytest.raises(ValidationFailed):
        services.registration_create(actor=guest, event=event,
                                     answers={str(lunch.uuid): "misschien"})
    with pytest.raises(ValidationFailed):
        services.registration_create(actor=guest, event=event,
                                     answers={str(lunch.uuid): "yes", str(size.uuid): "XL"})
    registration = services.registration_create(
        actor=guest, event=event,
        answers={str(lunch.uuid): "yes", str(diet.uuid): "Vegetarisch", str(size.uuid): "M"},
    )
    assert {a.question.label: a.value for a in registration.answers.all()} == {
        "Dieetwensen?": "Vegetarisch", "Lunch?": "yes", "Maat": "M"}
    services.question_delete(actor=actor, question=diet)
    assert not Question.objects.filter(pk=diet.pk).exists()
    with pytest.raises(NotAllowed):
        services.question_create(actor=guest, event=event, label="Mag ik?")


def test_guest_registers_confirms_by_link_and_cancels(django_capture_on_commit_callbacks):
    event, *_ = organised_event(capacity=1)
    anonymous = Actor(person=None)
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.registration_create_guest(
            actor=anonymous, event=event, name="Gerda Gast", email="Gerda@Example.org",
            language="en")
    assert registration.state == "unconfirmed" and registration.seat is None
    assert registration.guest_email == "gerda@example.org"
    assert mail.outbox[-1].subject.startswith("Confirm your registration")
    assert registration.secret in mail.outbox[-1].body
    services.registration_confirm_guest(actor=anonymous, secret=registration.secret)
    with pytest.raises(Conflict):
        services.registration_create_guest(actor=anonymous, event=event, name="Gerda",
                                           email="gerda@example.org")
    registration.refresh_from_db()
    assert registration.state == "confirmed" and registration.seat == 1
    again = services.registration_confirm_guest(actor=anonymous, secret=registration.secret)
    assert again.state == "confirmed"  # a second click changes nothing
    with pytest.raises(NotFound):
        services.registration_confirm_guest(actor=anonymous, secret="nope")
    services.registration_cancel_by_link(actor=anonymous, secret=registration.secret)
    registration.refresh_from_db()
    assert registration.state == "cancelled"
    with pytest.raises(Conflict):
        services.registration_confirm_guest(actor=anonymous, secret=registration.secret)
    assert {"events.registration.requested", "events.registration.guest_confirmed",
            "events.registration.guest_cancelled"} <= set(verbs())
    for activity in Activity.objects.filter(verb__startswith="events.registration"):
        assert "gerda" not in str(activity.payload).lower()
        assert "gerda" not in activity.subject_label.lower()


def test_guest_bad_input():
    event, *_ = organised_event()
    anonymous = Actor(person=None)
    with pytest.raises(ValidationFailed) as caught:
        services.registration_create_guest(actor=anonymous, event=event, name="G", email="nope")
    assert "email" in caught.value.fields
    with pytest.raises(ValidationFailed) as caught:
        services.registration_create_guest(actor=anonymous, event=event, name=" ",
                                           email="g@example.org")
    assert "name" in caught.value.fields


def test_unconfirmed_guests_hold_no_seat():
    event, *_ = organised_event(capacity=1)
    guest = services.registration_create_guest(actor=Actor(person=None), event=event,
                                               name="G", email="g@example.org")
    _person, actor = attendee()
    assert services.registration_create(actor=actor, event=event).state == "confirmed"
    confirmed = services.registration_confirm_guest(actor=Actor(person=None), secret=guest.secret)
    assert confirmed.state == "waiting"


def test_check_in_and_undo():
    event, organiser, organisation = organised_event()
    door = Actor(person=organiser, organisation=organisation)
    person, actor = attendee()
    registration = services.registration_create(actor=actor, event=event)
    with pytest.raises(NotAllowed):
        services.registration_check_in(actor=actor, registration=registration)
    checked = services.registration_check_in(actor=door, registration=registration)
    assert checked.checked_in_at is not None and checked.checked_in_by == organiser
    with pytest.raises(Conflict):
        services.registration_check_in(actor=door, registration=registration)
    services.registration_check_in_undo(actor=door, registration=registration)
    registration.refresh_from_db()
    assert registration.checked_in_at is None
    with pytest.raises(Conflict):
        services.registration_check_in_undo(actor=door, registration=registration)
    assert verbs().count("events.attendance.checked_in") == 1
    assert "events.attendance.check_in_undone" in verbs()
    services.registration_cancel(actor=actor, registration=registration)
    with pytest.raises(Conflict, match="seat"):
        services.registration_check_in(actor=door, registration=registration)


def test_capacity_changes_promote_and_refuse_too_low():
    event, organiser, organisation = organised_event(capacity=1)
    actor = Actor(person=organiser, organisation=organisation)
    first = services.registration_create(actor=attendee()[1], event=event)
    second = services.registration_create(actor=attendee()[1], event=event)
    assert (first.state, second.state) == ("confirmed", "waiting")
    services.event_update(actor=actor, event=event, capacity=2)
    second.refresh_from_db()
    assert second.state == "confirmed" and second.seat == 2
    with pytest.raises(Conflict):
        services.event_update(actor=actor, event=event, capacity=1)
    services.registration_cancel(actor=actor, registration=first)
    services.event_update(actor=actor, event=event, capacity=1)
    second.refresh_from_db()
    assert second.seat == 1  # renumbered into the smaller room


def test_cancel_event_tells_everyone(django_capture_on_commit_callbacks):
    event, organiser, organisation = organised_event(capacity=1)
    person, actor = attendee(language="en")
    services.registration_create(actor=actor, event=event)
    services.registration_create(actor=attendee()[1], event=event)
    guest = services.registration_create_guest(actor=Actor(person=None), event=event, name="G",
                                               email="g@example.org", language="nl-nl")
    assert guest.language == "nl"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(actor=Actor(person=organiser, organisation=organisation),
                              event=event, reason="De zaal is onder water gelopen.")
    assert len(mail.outbox) == 3
    english = next(m for m in mail.outbox if m.to == [person.email])
    assert english.subject.startswith("Cancelled:") and "onder water" in english.body
    dutch = next(m for m in mail.outbox if m.to == [guest.guest_email])
    assert dutch.subject.startswith("Afgelast:") and "Helaas" in dutch.body
    event.refresh_from_db()
    assert event.is_cancelled and event.sequence == 1
    with pytest.raises(Conflict):
        services.event_cancel(actor=Actor(person=organiser, organisation=organisation),
                              event=event)
    with pytest.raises(Conflict):
        services.registration_create(actor=attendee()[1], event=event)
    assert person.notifications.filter(kind="events.registrations").exists()


def test_organisers_can_be_added_and_not_all_removed():
    event, organiser, organisation = organised_event()
    actor = Actor(person=organiser, organisation=organisation)
    colleague, _ = attendee(organisation=organisation)
    services.organiser_add(actor=actor, event=event, person=colleague)
    assert [o.person for o in event.organisers.all()] == [organiser, colleague]
    with pytest.raises(Conflict):
        services.organiser_add(actor=actor, event=event, person=colleague)
    services.organiser_remove(actor=actor, event=event, person=organiser)
    with pytest.raises(Conflict):
        services.organiser_remove(actor=Actor(person=colleague), event=event, person=colleague)


def test_ecosystem_facilitators_manage_its_events():
    ecosystem, facilitator, home = started_ecosystem()
    organisation, admin = member_organisation(ecosystem)
    event = services.event_create(actor=Actor(person=admin, organisation=organisation),
                                  title="Meetup", starts_at=soon(), ends_at=soon(7, 1),
                                  venue="Hier", ecosystem=ecosystem)
    services.event_update(actor=Actor(person=facilitator, organisation=home), event=event,
                          title="Meetup van het ecosysteem")


def test_minutes_and_follow_up_ecosystem(django_capture_on_commit_callbacks):
    event, organiser, organisation = organised_event(kind="round_table", capacity=10)
    actor = Actor(person=organiser, organisation=organisation)
    people = [attendee() for _ in range(2)]
    for _person, a in people:
        services.registration_create(actor=a, event=event)
    services.registration_create(actor=actor, event=event)
    services.minutes_update(actor=actor, event=event, agenda="1. Welkom",
                            minutes="Besloten: samen verder.")
    event.refresh_from_db()
    assert event.minutes == "Besloten: samen verder."
    with pytest.raises(Conflict, match="ended"):
        services.follow_up_ecosystem(actor=actor, event=event, name="Samen", goal="Doel")
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - timedelta(hours=3),
                                             ends_at=timezone.now() - timedelta(hours=1))
    event.refresh_from_db()
    with pytest.raises(NotAllowed):
        services.follow_up_ecosystem(actor=people[0][1], event=event, name="X", goal="Y")
    with django_capture_on_commit_callbacks(execute=True):
        ecosystem = services.follow_up_ecosystem(actor=actor, event=event,
                                                 name="Samen verder", goal="Doorbouwen.")
    assert Membership.objects.get(ecosystem=ecosystem, state="active").organisation == organisation
    invited = set(EcosystemInvitation.objects.filter(ecosystem=ecosystem)
                  .values_list("organisation_id", flat=True))
    assert invited == {a.organisation.pk for _p, a in people}
    assert {m.state for m in Membership.objects.filter(organisation_id__in=invited)} == {
        "invited"}
    event.refresh_from_db()
    assert event.follow_up_ecosystem == ecosystem
    with pytest.raises(Conflict):
        services.follow_up_ecosystem(actor=actor, event=event, name="Nog een", goal="Y")
    meetup, *_ = organised_event()
    with pytest.raises(NotAllowed):
        services.follow_up_ecosystem(actor=actor, event=meetup, name="X", goal="Y")


def test_the_database_refuses_a_second_holder_of_a_seat():
    event = EventFactory(capacity=2)
    RegistrationFactory(event=event, person=attendee()[0], seat=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(event=event, person=attendee()[0], seat=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(event=event, person=attendee()[0], seat=None)  # confirmed, no seat
    person = attendee()[0]
    RegistrationFactory(event=event, person=person, seat=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(event=event, person=person, state="waiting", seat=None)


def test_calendar_token_regenerates():
    person, actor = attendee()
    old = services.calendar_token_for(person).token
    assert services.calendar_token_regenerate(actor=actor).token != old
    with pytest.raises(NotAllowed):
        services.calendar_token_regenerate(actor=Actor(person=None))


def test_follow_up_challenge_names_the_round_table_and_invites_attendees():
    from zwerm.ideation.models import Challenge

    ecosystem, facilitator, home = started_ecosystem()
    actor = Actor(person=facilitator, organisation=home)
    event = services.event_create(actor=actor, title="Ronde tafel restwarmte", kind="round_table",
                                  starts_at=soon(), ends_at=soon(7, 2), venue="Hier",
                                  ecosystem=ecosystem)
    organisation, member = member_organisation(ecosystem)
    services.registration_create(actor=Actor(person=member, organisation=organisation),
                                 event=event)
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - timedelta(hours=3),
                                             ends_at=timezone.now() - timedelta(hours=1))
    event.refresh_from_db()
    with pytest.raises(NotAllowed):
        services.follow_up_challenge(actor=Actor(person=member, organisation=organisation),
                                     event=event, question="Hoe delen we restwarmte?")
    challenge = services.follow_up_challenge(actor=actor, event=event,
                                             question="Hoe delen we restwarmte?")
    assert isinstance(challenge, Challenge)
    assert challenge.ecosystem == ecosystem and challenge.source_uuid == event.uuid
    assert "Ronde tafel restwarmte" in challenge.context
    event.refresh_from_db()
    assert event.follow_up_challenge_uuid == challenge.uuid
    assert member.notifications.filter(kind="events.follow_up").exists()
    with pytest.raises(Conflict):
        services.follow_up_challenge(actor=actor, event=event, question="Nog een?")
    with pytest.raises(Conflict):
        services.follow_up_ecosystem(actor=actor, event=event, name="X", goal="Y")


def test_erasing_an_account_passes_its_seat_on():
    from zwerm.accounts.services import person_erase

    event, *_ = organised_event(capacity=1)
    leaving, leaving_actor = attendee()
    services.registration_create(actor=leaving_actor, event=event)
    waiting, waiting_actor = attendee()
    services.registration_create(actor=waiting_actor, event=event)
    person_erase(actor=leaving_actor, password="correct horse battery")
    assert not Registration.objects.filter(person_id=leaving.pk).exists()
    assert Registration.objects.get(person=waiting).state == "confirmed"
    assert "events.registration.promoted" in verbs()
