"""Every state change of ecosystems, one function per action (pages and API share them)."""

from zwerm.ecosystems.services.ecosystems import (
    charter_update,
    ecosystem_create,
    ecosystem_update,
)
from zwerm.ecosystems.services.invitations import (
    invitation_accept,
    invitation_create,
    invitation_decline,
    invitation_revoke,
    invitation_url,
)
from zwerm.ecosystems.services.memberships import (
    membership_accept,
    membership_decline,
    membership_enter,
    membership_join,
    membership_leave,
    membership_pause,
    membership_request,
    membership_resume,
)
from zwerm.ecosystems.services.roles import (
    delegate_appoint,
    facilitator_appoint,
    facilitator_end,
    roles_hand_over,
)

__all__ = [
    "charter_update",
    "delegate_appoint",
    "ecosystem_create",
    "ecosystem_update",
    "facilitator_appoint",
    "facilitator_end",
    "invitation_accept",
    "invitation_create",
    "invitation_decline",
    "invitation_revoke",
    "invitation_url",
    "membership_accept",
    "membership_decline",
    "membership_enter",
    "membership_join",
    "membership_leave",
    "membership_pause",
    "membership_request",
    "membership_resume",
    "roles_hand_over",
]
