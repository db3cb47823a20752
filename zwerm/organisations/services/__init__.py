"""Writes about organisations: every state change goes through one of these functions."""

from zwerm.organisations.services.entries import (
    entries_reorder,
    entry_create,
    entry_delete,
    entry_move,
    entry_update,
)
from zwerm.organisations.services.merge import organisation_merge
from zwerm.organisations.services.people import (
    acting_organisation_set,
    invitation_accept,
    invitation_create,
    invitation_revoke,
    leave_requirements,
    member_leave,
    member_role_set,
)
from zwerm.organisations.services.profile import (
    ProfileChanges,
    logo_validate,
    organisation_create,
    organisation_update,
    organisation_verify_set,
    themes_resolve,
)

__all__ = [
    "ProfileChanges",
    "acting_organisation_set",
    "entries_reorder",
    "entry_create",
    "entry_delete",
    "entry_move",
    "entry_update",
    "invitation_accept",
    "invitation_create",
    "invitation_revoke",
    "leave_requirements",
    "logo_validate",
    "member_leave",
    "member_role_set",
    "organisation_create",
    "organisation_merge",
    "organisation_update",
    "organisation_verify_set",
    "themes_resolve",
]
