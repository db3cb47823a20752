"""Checks every collaboration service shares: who may act, who may see, and clean input."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext_lazy as _

from zwerm.collaboration.permissions import can_view
from zwerm.core.actor import Actor
from zwerm.core.errors import NotAllowed, NotFound, ValidationFailed
from zwerm.ecosystems.models import Ecosystem


def require_person(actor: Actor) -> None:
    """Writes need a signed-in person."""
    if not actor.is_authenticated:
        raise NotAllowed(_("Sign in to do this."), code="unauthenticated")


def require_view(actor: Actor, ecosystem: Ecosystem, *, message: Any = None) -> None:
    """Members-only ecosystems do not exist for outsiders, not even in error messages."""
    if not actor.is_system and not can_view(actor, ecosystem):
        raise NotFound(message or _("This ecosystem does not exist or is not visible to you."))


def clean_text(value: Any, *, field: str, label: Any, required: bool, max_length: int) -> str:
    """The text stripped; a required one must not be empty, none may exceed ``max_length``."""
    value = str(value or "").strip()
    if required and not value:
        raise ValidationFailed(_("Please fill in the %(field)s.") % {"field": label}, field=field)
    if len(value) > max_length:
        raise ValidationFailed(
            _("The %(field)s may be at most %(max)d characters long.")
            % {"field": label, "max": max_length},
            field=field,
        )
    return value


def clean_date(value: Any, *, field: str, required: bool = False) -> datetime.date | None:
    """A ``date`` or an ISO ``YYYY-MM-DD`` string; empty is None unless ``required``."""
    if isinstance(value, str):
        value = value.strip()
    if value in (None, ""):
        if required:
            raise ValidationFailed(_("Enter a date as YYYY-MM-DD."), field=field)
        return None
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            value = None
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise ValidationFailed(_("Enter a date as YYYY-MM-DD."), field=field)
    return value
