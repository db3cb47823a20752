from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcosystemsConfig(AppConfig):
    name = "zwerm.ecosystems"
    label = "ecosystems"
    verbose_name = _("Ecosystems")

    def ready(self) -> None:
        from zwerm.core.visibility import register_hidden_ecosystems
        from zwerm.ecosystems import verbs  # noqa: F401
        from zwerm.ecosystems.selectors import hidden_ecosystem_uuids

        register_hidden_ecosystems(hidden_ecosystem_uuids)
