from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "zwerm.accounts"
    label = "accounts"
    verbose_name = _("People and accounts")

    def ready(self) -> None:
        from zwerm.accounts import name_visibility, verbs  # noqa: F401
        from zwerm.accounts.export import export_person
        from zwerm.core import privacy

        privacy.register_exporter("accounts", export_person)
        for provider in name_visibility.PROVIDERS:
            privacy.register_name_visibility(provider)
