from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchmakingConfig(AppConfig):
    name = "zwerm.matchmaking"
    label = "matchmaking"
    verbose_name = _("Matchmaking")

    def ready(self) -> None:
        from zwerm.core.activity import register_listener
        from zwerm.core.notifications import register_kind
        from zwerm.matchmaking import handlers, merge, panels, verbs
        from zwerm.organisations import hooks

        register_listener(handlers.on_activity)
        panels.register()
        hooks.register_merge(merge.on_merge)
        register_kind(
            verbs.INTRODUCTIONS,
            _("Introductions: requests to my organisation, and answers to its requests"),
        )
