"""Who may see and do what in matchmaking; used by services, views, API and templates.

Every function accepts ``None``, an anonymous user or an ``Actor``.
"""

from __future__ import annotations

from typing import Any

from zwerm.ecosystems import permissions as ecosystem_permissions
from zwerm.ecosystems.models import Ecosystem
from zwerm.matchmaking.models import Introduction
from zwerm.organisations import permissions as organisation_permissions
from zwerm.organisations.models import Organisation


def acting_organisation(actor: Any) -> Organisation | None:
    """The organisation the actor acts for, when they still belong to it."""
    organisation = getattr(actor, "organisation", None)
    if organisation is None or organisation.is_merged:
        return None
    return organisation if organisation_permissions.is_member(actor, organisation) else None


def can_see_suggestions(actor: Any) -> bool:
    """Suggestions are for the people of the organisation they are made for."""
    return acting_organisation(actor) is not None


def can_request_introduction(actor: Any, organisation: Organisation) -> bool:
    own = acting_organisation(actor)
    return own is not None and own.pk != organisation.pk and not organisation.is_merged


def can_view_introduction(actor: Any, introduction: Introduction) -> bool:
    if organisation_permissions.is_operator(actor):
        return True
    return any(
        organisation_permissions.is_member(actor, organisation)
        for organisation in (introduction.requester, introduction.recipient)
    )


def can_answer_for(actor: Any, organisation: Organisation) -> bool:
    """The administrators of an organisation decide whom it meets."""
    return organisation_permissions.is_admin(actor, organisation)


def can_answer_introduction(actor: Any, introduction: Introduction) -> bool:
    return can_answer_for(actor, introduction.recipient)


def can_see_candidates(actor: Any, ecosystem: Ecosystem) -> bool:
    """'Who should join' is a facilitator's tool (and an operator's)."""
    return ecosystem_permissions.can_manage(actor, ecosystem)
