"""The log's panel on the ecosystem page (``zwerm.core.panels``, slot ``ecosystem_aside``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from zwerm.transparency import selectors


def ecosystem_log_panel(request: HttpRequest, ecosystem: Any) -> dict[str, Any] | None:
    """The log link, the latest checkpoint's size and time, and who witnessed it."""
    viewer = getattr(request, "actor", None) or getattr(request, "user", None)
    summary = selectors.log_summary(viewer=viewer, ecosystem=ecosystem)
    if summary is None:
        return None
    return {"summary": summary}
