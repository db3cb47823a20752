"""What events plug into other apps' hooks: the data export, and an account's erasure."""

from __future__ import annotations

from typing import Any

from zwerm.events.models import Registration


def export_person(person: Any) -> dict[str, Any]:
    """The person's registrations and their answers, for their data export."""
    registrations = (
        Registration.objects.filter(person=person)
        .select_related("event", "organisation")
        .prefetch_related("answers__question")
    )
    return {
        "registrations": [
            {
                "event": registration.event.title,
                "event_uuid": str(registration.event.uuid),
                "state": registration.state,
                "organisation": registration.organisation.name
                if registration.organisation else None,
                "on_attendee_list": registration.show_on_attendee_list,
                "registered_at": registration.created_at.isoformat(),
                "checked_in_at": registration.checked_in_at.isoformat()
                if registration.checked_in_at else None,
                "answers": {answer.question.label: answer.value
                            for answer in registration.answers.all()},
            }
            for registration in registrations
        ]
    }


def release_seats_of_erased_person(person: Any) -> None:
    """Before an account is erased (``accounts.services.person_erase``), free its seats.

    The registrations would otherwise vanish with the account (cascade) and leave seats
    empty while people wait; the service promotes them and records each step.
    """
    from zwerm.core.actor import Actor
    from zwerm.events.services import registrations_release

    registrations_release(actor=Actor.system(), person=person)
