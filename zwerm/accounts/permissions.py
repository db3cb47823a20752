"""Who may do what with accounts: a person manages only their own account."""

from __future__ import annotations

from typing import Any

from zwerm.accounts.models import PersonalAccessToken


def can_manage_account(user: Any) -> bool:
    """Only a signed-in, active person can change, export or erase their own account."""
    return bool(user is not None and user.is_authenticated and user.is_active)


def can_revoke_token(user: Any, token: PersonalAccessToken) -> bool:
    return can_manage_account(user) and token.person_id == user.pk
