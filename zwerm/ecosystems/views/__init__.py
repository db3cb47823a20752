"""HTML pages of ecosystems: thin views over services and selectors."""

from zwerm.ecosystems.views.ecosystems import (
    ecosystem_activity,
    ecosystem_charter,
    ecosystem_create,
    ecosystem_detail,
    ecosystem_edit,
    ecosystem_history,
    ecosystem_list,
)
from zwerm.ecosystems.views.memberships import (
    delegate_appoint,
    ecosystem_join,
    ecosystem_manage,
    invitation_detail,
    membership_action,
)

__all__ = [
    "delegate_appoint",
    "ecosystem_activity",
    "ecosystem_charter",
    "ecosystem_create",
    "ecosystem_detail",
    "ecosystem_edit",
    "ecosystem_history",
    "ecosystem_join",
    "ecosystem_list",
    "ecosystem_manage",
    "invitation_detail",
    "membership_action",
]
