"""Activity verbs of events and how they read in a feed."""

from django.utils.translation import gettext_lazy as _

from zwerm.core.verbs import register

register("events.event.created", _("%(actor)s planned the event %(subject)s"))
register("events.event.updated", _("%(actor)s changed the details of %(subject)s"))
register("events.event.cancelled", _("%(actor)s cancelled the event %(subject)s"),
         notification_kind="events.registrations")
register("events.event.minutes_updated",
         _("%(actor)s updated the agenda or minutes of %(subject)s"))
register("events.event.followed_up",
         _("%(actor)s started the ecosystem %(ecosystem)s as a follow-up of %(subject)s"))
register("events.event.followed_up_challenge",
         _("%(actor)s started a challenge as a follow-up of %(subject)s"),
         notification_kind="events.follow_up")
register("events.series.created", _("%(actor)s planned the series %(subject)s"))
register("events.organiser.added", _("%(actor)s added an organiser to %(subject)s"),
         notification_kind="events.organising")
register("events.organiser.removed", _("%(actor)s removed an organiser from %(subject)s"))
register("events.question.created",
         _("%(actor)s added a registration question to %(subject)s"))
register("events.question.deleted",
         _("%(actor)s removed a registration question from %(subject)s"))

register("events.registration.confirmed", _("%(actor)s registered for %(subject)s"),
         notification_kind="events.organising")
register("events.registration.waitlisted",
         _("%(actor)s joined the waiting list of %(subject)s"),
         notification_kind="events.organising")
register("events.registration.requested",
         _("A guest registered for %(subject)s and was sent a confirmation link"))
register("events.registration.guest_confirmed",
         _("A guest confirmed their registration for %(subject)s"),
         notification_kind="events.organising")
register("events.registration.guest_waitlisted",
         _("A guest joined the waiting list of %(subject)s"),
         notification_kind="events.organising")
register("events.registration.promoted",
         _("A seat came free at %(subject)s and went to the first on the waiting list"),
         notification_kind="events.registrations")
register("events.registration.cancelled", _("%(actor)s cancelled a registration for %(subject)s"))
register("events.registration.guest_cancelled",
         _("A guest cancelled their registration for %(subject)s"))
register("events.registration.updated",
         _("%(actor)s changed their registration for %(subject)s"), personal=True)
register("events.attendance.checked_in", _("%(actor)s checked someone in at %(subject)s"))
register("events.attendance.check_in_undone",
         _("%(actor)s undid a check-in at %(subject)s"))
register("events.calendar.token_regenerated",
         _("%(actor)s made a new address for their calendar feed"), personal=True)
