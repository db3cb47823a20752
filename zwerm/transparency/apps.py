from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransparencyConfig(AppConfig):
    name = "zwerm.transparency"
    label = "transparency"
    verbose_name = _("Transparency log")

    def ready(self) -> None:
        from zwerm.core import privacy
        from zwerm.core.activity import register_listener
        from zwerm.core.panels import register_panel
        from zwerm.transparency import handlers, verbs  # noqa: F401
        from zwerm.transparency.listeners import sequence_after_commit
        from zwerm.transparency.panels import ecosystem_log_panel

        register_listener(sequence_after_commit)
        privacy.register_exporter("transparency", handlers.export_person)
        register_panel(
            "ecosystem_aside", "transparency/_ecosystem_panel.html", ecosystem_log_panel
        )
