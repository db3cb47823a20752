"""``{% verifiable activity %}``: the mark that opens a logged activity's entry and proof."""

from __future__ import annotations

from typing import Any

from django import template

from zwerm.transparency import selectors

register = template.Library()


@register.inclusion_tag("transparency/_verifiable.html")
def verifiable(activity: Any) -> dict[str, Any]:
    """Shows nothing until the sequencer has appended the activity (it is pending)."""
    entry = selectors.entry_for_activity(activity_seq=activity.seq)
    return {"entry": entry, "ecosystem_uuid": activity.ecosystem_uuid}
