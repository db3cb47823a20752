"""Decisions on kernel pages: the ecosystem sub-navigation, the ecosystem's aside, and the
working-group page (slot ``working_group_sections``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from zwerm.collaboration.permissions import can_view

RECENT = 3


def ecosystem_subnav(request: HttpRequest, ecosystem: Any) -> dict[str, Any]:
    return {"ecosystem": ecosystem}


def ecosystem_aside(request: HttpRequest, ecosystem: Any) -> dict[str, Any] | None:
    """Open proposals awaiting the viewer's position, and the latest decisions."""
    from zwerm.collaboration.selectors.decisions import awaiting_position, recent_decisions

    viewer = getattr(request, "user", None)
    if not can_view(viewer, ecosystem):
        return None
    actor = getattr(request, "actor", None)
    return {
        "ecosystem": ecosystem,
        "awaiting": awaiting_position(actor=actor, ecosystem=ecosystem) if actor else [],
        "decisions": recent_decisions(ecosystem=ecosystem, viewer=viewer, limit=RECENT),
    }


def working_group_sections(request: HttpRequest, working_group: Any) -> dict[str, Any] | None:
    from zwerm.collaboration.selectors.decisions import working_group_proposals

    viewer = getattr(request, "user", None)
    if not can_view(viewer, working_group.ecosystem):
        return None
    return {"working_group": working_group, "ecosystem": working_group.ecosystem,
            **working_group_proposals(working_group=working_group, viewer=viewer)}


def register() -> None:
    """Add this part's panels to kernel pages."""
    from zwerm.core.panels import register_panel

    register_panel("ecosystem_subnav", "collaboration/decisions/panels/_subnav.html",
                   ecosystem_subnav, order=140)
    register_panel("ecosystem_aside", "collaboration/decisions/panels/_aside.html",
                   ecosystem_aside, order=140)
    register_panel("working_group_sections",
                   "collaboration/decisions/panels/_working_group.html",
                   working_group_sections, order=140)
