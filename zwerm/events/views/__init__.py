"""HTML pages of events: thin views over services and selectors."""

from zwerm.events.views.calendar import ecosystem_ics, event_ics, my_calendar, personal_ics
from zwerm.events.views.events import (
    event_cancel,
    event_create,
    event_detail,
    event_edit,
    event_follow_up,
    event_list,
    event_minutes,
)
from zwerm.events.views.manage import event_check_in, event_door, event_export, event_manage
from zwerm.events.views.registrations import (
    event_attendees,
    event_meet,
    event_register,
    event_register_guest,
    registration_cancel,
    registration_edit,
    registration_link,
)

__all__ = [
    "ecosystem_ics",
    "event_attendees",
    "event_cancel",
    "event_check_in",
    "event_create",
    "event_detail",
    "event_door",
    "event_edit",
    "event_export",
    "event_follow_up",
    "event_ics",
    "event_list",
    "event_manage",
    "event_meet",
    "event_minutes",
    "event_register",
    "event_register_guest",
    "my_calendar",
    "personal_ics",
    "registration_cancel",
    "registration_edit",
    "registration_link",
]
