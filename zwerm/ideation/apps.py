from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeationConfig(AppConfig):
    name = "zwerm.ideation"
    label = "ideation"
    verbose_name = _("Ideation")
