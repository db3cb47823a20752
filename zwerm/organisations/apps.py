from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "zwerm.organisations"
    label = "organisations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from zwerm.core import notifications
        from zwerm.core.privacy import register_erasure_check, register_exporter
        from zwerm.organisations import privacy, verbs

        register_exporter("organisations", privacy.export)
        register_erasure_check(privacy.erasure_blockers)
        notifications.register_kind(
            verbs.INVITATION_ACCEPTED,
            _("Someone accepted an invitation to your organisation"),
        )
        notifications.register_kind(
            verbs.ROLE_CHANGED, _("Your role in an organisation changed")
        )
