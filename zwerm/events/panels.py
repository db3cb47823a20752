"""The events panel on the ecosystem page (``zwerm.core.panels``, slot ``ecosystem_aside``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from zwerm.events import permissions, selectors

SHOWN = 5


def ecosystem_events_panel(request: HttpRequest, ecosystem: Any) -> dict[str, Any]:
    """The ecosystem's next events the viewer may see, and the ways to follow them."""
    viewer = getattr(request, "user", None)
    events = list(selectors.event_list(viewer=viewer, ecosystem=ecosystem)[:SHOWN])
    return {
        "ecosystem": ecosystem,
        "events": events,
        "can_plan": permissions.can_create(getattr(request, "actor", viewer), ecosystem),
    }
