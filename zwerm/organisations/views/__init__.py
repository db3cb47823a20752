"""HTML pages of organisations: thin views over services, selectors and permissions."""

from zwerm.organisations.views.people import (
    act_for,
    invitation,
    invitation_revoke,
    leave,
    member_remove,
    member_role,
    people,
)
from zwerm.organisations.views.profile import (
    directory,
    entries,
    entry_delete,
    entry_edit,
    entry_move,
    organisation_create,
    organisation_detail,
    organisation_edit,
)

__all__ = [
    "act_for",
    "directory",
    "entries",
    "entry_delete",
    "entry_edit",
    "entry_move",
    "invitation",
    "invitation_revoke",
    "leave",
    "member_remove",
    "member_role",
    "organisation_create",
    "organisation_detail",
    "organisation_edit",
    "people",
]
