"""Every state change of events, one function per action (pages and API share them)."""

from zwerm.events.services.events import (
    event_cancel,
    event_create,
    event_update,
    minutes_update,
    organiser_add,
    organiser_remove,
    series_create,
)
from zwerm.events.services.follow_up import (
    attendee_organisations,
    follow_up_challenge,
    follow_up_ecosystem,
)
from zwerm.events.services.questions import (
    calendar_token_for,
    calendar_token_regenerate,
    question_create,
    question_delete,
)
from zwerm.events.services.registrations import (
    clean_answers,
    promote_waiting,
    registration_by_secret,
    registration_cancel,
    registration_cancel_by_link,
    registration_check_in,
    registration_check_in_undo,
    registration_confirm_guest,
    registration_create,
    registration_create_guest,
    registration_update,
    registrations_release,
)

__all__ = [
    "attendee_organisations",
    "calendar_token_for",
    "calendar_token_regenerate",
    "clean_answers",
    "event_cancel",
    "event_create",
    "event_update",
    "follow_up_challenge",
    "follow_up_ecosystem",
    "minutes_update",
    "organiser_add",
    "organiser_remove",
    "promote_waiting",
    "question_create",
    "question_delete",
    "registration_by_secret",
    "registration_cancel",
    "registration_cancel_by_link",
    "registration_check_in",
    "registration_check_in_undo",
    "registration_confirm_guest",
    "registration_create",
    "registration_create_guest",
    "registration_update",
    "registrations_release",
    "series_create",
]
