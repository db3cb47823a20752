from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransparencyConfig(AppConfig):
    name = "zwerm.transparency"
    label = "transparency"
    verbose_name = _("Transparency log")

    def ready(self) -> None:
        from zwerm.core.activity import register_listener
        from zwerm.transparency.listeners import sequence_after_commit

        register_listener(sequence_after_commit)
