"""``{% panels "slot" obj %}``: render the panels feature apps registered for a slot."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from zwerm.core.panels import panel_contexts

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, slot: str, obj: Any = None) -> SafeString:
    """Each panel's template rendered with its own context (plus the request), in order."""
    request = context.get("request")
    engine = context.template.engine
    parts = []
    for panel, values in panel_contexts(slot, request, obj):
        panel_template = engine.get_template(panel.template_name)
        parts.append(panel_template.render(context.new({"request": request, **values})))
    return mark_safe("".join(parts))  # each part was rendered (and escaped) by its template
