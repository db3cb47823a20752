from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "zwerm.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from zwerm.core import verbs  # noqa: F401  (registers the core verbs)
