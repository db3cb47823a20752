from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcosystemsConfig(AppConfig):
    name = "zwerm.ecosystems"
    label = "ecosystems"
    verbose_name = _("Ecosystems")

    def ready(self) -> None:
        from zwerm.core import privacy
        from zwerm.core.notifications import register_kind
        from zwerm.core.visibility import register_hidden_ecosystems
        from zwerm.ecosystems import exports, handlers, verbs  # noqa: F401
        from zwerm.ecosystems.selectors import hidden_ecosystem_uuids
        from zwerm.organisations import hooks

        register_hidden_ecosystems(hidden_ecosystem_uuids)
        register_kind(
            "ecosystems.requests",
            _("Requests to join, and answers to invitations, in ecosystems I facilitate"),
        )
        register_kind(
            "ecosystems.membership",
            _("Invitations and answers for my organisation's ecosystem memberships"),
        )
        register_kind("ecosystems.roles", _("Roles given to me in an ecosystem"))
        privacy.register_exporter("ecosystems", handlers.export_person)
        privacy.register_erasure_check(handlers.last_facilitator_blockers)
        privacy.register_name_visibility(handlers.names_shared_in_ecosystems)
        hooks.register_held_roles(handlers.held_roles)
        hooks.register_member_leave(handlers.on_member_leave)
        hooks.register_merge(handlers.on_merge)
