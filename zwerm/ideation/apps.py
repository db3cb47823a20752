from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeationConfig(AppConfig):
    name = "zwerm.ideation"
    label = "ideation"
    verbose_name = _("Ideation")

    def ready(self) -> None:
        from zwerm.core import privacy
        from zwerm.core.notifications import register_kind
        from zwerm.ideation import handlers, panels, verbs  # noqa: F401
        from zwerm.organisations import hooks

        register_kind(
            "ideation.phases",
            _("Phase changes and started initiatives in challenges I take part in"),
        )
        register_kind("ideation.comments", _("New comments on ideas I follow"))
        privacy.register_exporter("ideation", handlers.export_person)
        from zwerm.ideation import organisation_export  # noqa: F401  (organisation data export)
        privacy.register_erasure_check(handlers.last_facilitator_blockers)
        hooks.register_merge(handlers.on_merge)
        panels.register()
