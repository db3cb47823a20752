from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeationConfig(AppConfig):
    name = "zwerm.ideation"
    label = "ideation"
    verbose_name = _("Ideation")

    def ready(self) -> None:
        from zwerm.core.notifications import register_kind
        from zwerm.ideation import verbs  # noqa: F401

        register_kind(
            "ideation.phases",
            _("Phase changes and started initiatives in challenges I take part in"),
        )
        register_kind("ideation.comments", _("New comments on ideas I follow"))
