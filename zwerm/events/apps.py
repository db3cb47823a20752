from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "zwerm.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_delete

        from zwerm.core import privacy
        from zwerm.core.models import NotificationPreference
        from zwerm.core.notifications import register_kind
        from zwerm.core.panels import register_panel
        from zwerm.events import handlers, verbs  # noqa: F401
        from zwerm.events.panels import ecosystem_events_panel

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
        pre_delete.connect(handlers.release_seats_of_erased_person, sender=get_user_model(),
                           dispatch_uid="events.release_seats_of_erased_person")
        register_panel("ecosystem_aside", "events/_ecosystem_panel.html", ecosystem_events_panel,
                       order=50)
