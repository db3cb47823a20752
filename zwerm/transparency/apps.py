from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransparencyConfig(AppConfig):
    name = "zwerm.transparency"
    label = "transparency"
    verbose_name = _("Transparency log")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from zwerm.core.models import Activity
        from zwerm.transparency.signals import sequence_after_commit

        post_save.connect(sequence_after_commit, sender=Activity, dispatch_uid="translog")
