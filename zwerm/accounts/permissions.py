"""Who may do what with accounts: a person manages only their own account."""

from __future__ import annotations

from typing import Any


def can_manage_account(user: Any) -> bool:
    """Only a signed-in, active person can change, export or erase their own account."""
    return bool(user is not None and user.is_authenticated and user.is_active)
