"""Panels: feature apps add a box to a kernel page without the kernel importing them.

A page names a *slot* (``{% load panels %}{% panels "ecosystem_aside" ecosystem %}``); an app
registers, in its ``AppConfig.ready``, a template and a context function for that slot. The
function receives the request and the page's object and returns the template's context, or
None to show nothing (the viewer may not see it, or there is nothing to show). Panels render
in the order given at registration, then by registration order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

PanelContext = Callable[[HttpRequest, Any], dict[str, Any] | None]


@dataclass(frozen=True)
class Panel:
    slot: str
    template_name: str
    context: PanelContext
    order: int = 100


_panels: dict[str, list[Panel]] = {}


def register_panel(
    slot: str, template_name: str, context: PanelContext, *, order: int = 100
) -> None:
    """Add a panel to a slot; registering the same template twice replaces the first."""
    panels = [p for p in _panels.get(slot, []) if p.template_name != template_name]
    panels.append(Panel(slot=slot, template_name=template_name, context=context, order=order))
    panels.sort(key=lambda panel: panel.order)  # stable: equal orders keep registration order
    _panels[slot] = panels


def unregister_panel(slot: str, template_name: str) -> None:
    _panels[slot] = [p for p in _panels.get(slot, []) if p.template_name != template_name]


def panels_for(slot: str) -> list[Panel]:
    return list(_panels.get(slot, []))


def panel_contexts(slot: str, request: HttpRequest, obj: Any) -> list[tuple[Panel, dict]]:
    """The panels of a slot that have something to show, each with its context."""
    shown = []
    for panel in panels_for(slot):
        context = panel.context(request, obj)
        if context is not None:
            shown.append((panel, context))
    return shown
