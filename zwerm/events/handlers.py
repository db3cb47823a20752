"""What events plug into core's hooks: the person's data export."""

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
