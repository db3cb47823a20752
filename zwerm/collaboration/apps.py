from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollaborationConfig(AppConfig):
    name = "zwerm.collaboration"
    label = "collaboration"
    verbose_name = _("Keeping together")

    def ready(self) -> None:
        from zwerm.collaboration import handlers, panels, verbs  # noqa: F401
        from zwerm.core.notifications import register_kind

        register_kind("collaboration.working_groups",
                      _("Announcements and join requests in my working groups"))
        register_kind("collaboration.proposals",
                      _("Proposals awaiting my position, and their approaching deadlines"))
        register_kind("collaboration.acknowledgements",
                      _("Contributions my organisation is asked to acknowledge"))
        register_kind("collaboration.commitments",
                      _("Commitments of my organisation that are due soon"))
        register_kind("collaboration.handovers",
                      _("Requests to take over a commitment or role"))
        handlers.register()
        panels.register()
