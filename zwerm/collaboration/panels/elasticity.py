"""Elasticity's entries on kernel pages: the welcome page in the ecosystem's sub-navigation
for members, a "Welcome — start here" box for organisations that joined in the last 60 days,
and a box when hand-over requests wait for the viewer (one query each in the usual case)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def ecosystem_subnav(request: HttpRequest, ecosystem: Any) -> dict | None:
    from zwerm.collaboration.permissions import elasticity as permissions

    if not permissions.can_see_onboarding(request.user, ecosystem):
        return None
    return {"ecosystem": ecosystem}


def ecosystem_aside(request: HttpRequest, ecosystem: Any) -> dict | None:
    """Shown to people of a new member organisation, or when requests wait for an answer."""
    from zwerm.collaboration.selectors import elasticity as selectors

    actor = getattr(request, "actor", None)
    organisation = getattr(actor, "organisation", None)
    if organisation is None or not request.user.is_authenticated:
        return None
    membership = selectors.member_of(ecosystem=ecosystem, organisation=organisation,
                                     person=request.user)
    if membership is None:
        return None
    is_new = selectors.is_new_member(membership)
    waiting = selectors.waiting_from(membership, ecosystem=ecosystem, actor=actor)
    if not is_new and not waiting:
        return None
    return {"ecosystem": ecosystem, "is_new": is_new, "waiting": waiting}


def register() -> None:
    """Add this part's panels to kernel pages."""
    from zwerm.core.panels import register_panel

    register_panel("ecosystem_subnav", "collaboration/elasticity/panels/_subnav.html",
                   ecosystem_subnav, order=190)
    register_panel("ecosystem_aside", "collaboration/elasticity/panels/_aside.html",
                   ecosystem_aside, order=5)
