from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "zwerm.organisations"
    label = "organisations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from zwerm.organisations import verbs  # noqa: F401
