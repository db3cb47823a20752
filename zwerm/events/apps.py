from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "zwerm.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from zwerm.core import privacy
        from zwerm.core.models import NotificationPreference
        from zwerm.core.notifications import register_kind
        from zwerm.core.panels import register_panel
        from zwerm.core.visibility import register_hidden_subjects
        from zwerm.events import handlers, verbs  # noqa: F401
        from zwerm.events.panels import ecosystem_events_panel
        from zwerm.events.permissions import hidden_event_uuids

        # Registrants get their own emails from tasks.py; these kinds only show in the app.
        register_kind(
            "events.registrations",
            _("Changes to events I registered for: a seat for me, a cancelled event"),
            default=NotificationPreference.Channel.APP,
        )
        register_kind(
            "events.organising",
            _("Registrations for events I organise"),
            default=NotificationPreference.Channel.DIGEST,
        )
        register_kind(
            "events.follow_up",
            _("Follow-ups of round tables I attended: a new challenge to take part in"),
        )
        privacy.register_exporter("events", handlers.export_person)
        from zwerm.events import organisation_export  # noqa: F401  (organisation data export)
        privacy.register_before_erasure(handlers.release_seats_of_erased_person)
        register_hidden_subjects(hidden_event_uuids)
        register_panel("main_nav", "events/panels/_nav.html", lambda request, obj: {}, order=10)
        register_panel("ecosystem_aside", "events/_ecosystem_panel.html", ecosystem_events_panel,
                       order=50)
