"""Deliverables on other pages: the ecosystem's sub-navigation and aside, and the board of
a working group on its page (slot ``working_group_sections``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from zwerm.collaboration.permissions import can_view
from zwerm.collaboration.permissions import deliverables as permissions
from zwerm.collaboration.selectors import deliverables as selectors


def ecosystem_subnav(request: HttpRequest, ecosystem: Any) -> dict[str, Any]:
    return {"ecosystem": ecosystem}


def ecosystem_aside(request: HttpRequest, ecosystem: Any) -> dict[str, Any] | None:
    """Open, overdue and delivered counts; nothing for who may not see the ecosystem."""
    viewer = getattr(request, "user", None)
    if not can_view(viewer, ecosystem):
        return None
    return {"ecosystem": ecosystem,
            "counts": selectors.deliverable_counts(ecosystem=ecosystem, viewer=viewer)}


def working_group_sections(request: HttpRequest, working_group: Any) -> dict[str, Any] | None:
    """The group's deliverables by state, with a way to add one for its members."""
    viewer = getattr(request, "user", None)
    ecosystem = working_group.ecosystem
    if not can_view(viewer, ecosystem):
        return None
    items = list(selectors.deliverables_of(ecosystem=ecosystem, viewer=viewer,
                                           working_group=working_group))
    actor = getattr(request, "actor", viewer)
    return {
        "ecosystem": ecosystem, "working_group": working_group, "count": len(items),
        "columns": [c for c in selectors.board_columns(items) if c["items"]],
        "can_create": permissions.can_create(actor, ecosystem, working_group),
    }


def register() -> None:
    from zwerm.core.panels import register_panel

    register_panel("ecosystem_subnav", "collaboration/deliverables/panels/_subnav.html",
                   ecosystem_subnav, order=110)
    register_panel("ecosystem_aside", "collaboration/deliverables/panels/_aside.html",
                   ecosystem_aside, order=110)
    register_panel("working_group_sections",
                   "collaboration/deliverables/panels/_working_group.html",
                   working_group_sections, order=20)
