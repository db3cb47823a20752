"""``{% verifiable activity %}``: the mark that opens a logged activity's entry and proof.

Marks are looked up in batches, once per request: ``{% verifiable activity among=activities %}``
primes the whole list on its first use (one query for any number of activities), as does
``{% prime_verifiable activities %}`` before a loop. A mark asked for without priming costs
one query of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template

from zwerm.transparency import selectors

register = template.Library()

_CACHE = "_zwerm_verifiable_marks"


def _marks(context) -> dict[int, selectors.Mark | None]:
    """This render's known marks: kept on the request, else on the template context."""
    holder = context.get("request")
    if holder is not None:
        marks = getattr(holder, _CACHE, None)
        if marks is None:
            marks = {}
            setattr(holder, _CACHE, marks)
        return marks
    if _CACHE not in context.dicts[0]:
        context.dicts[0][_CACHE] = {}
    return context.dicts[0][_CACHE]


def _prime(context, activities: Iterable[Any]) -> dict[int, selectors.Mark | None]:
    marks = _marks(context)
    unknown = [a for a in activities or [] if a is not None and a.seq not in marks]
    if unknown:
        found = selectors.verifiable_marks(unknown)
        for activity in unknown:
            marks[activity.seq] = found.get(activity.seq)
    return marks


@register.simple_tag(takes_context=True)
def prime_verifiable(context, activities) -> str:
    """Look up the marks of a list of activities in one query."""
    _prime(context, activities)
    return ""


@register.inclusion_tag("transparency/_verifiable.html", takes_context=True)
def verifiable(context, activity: Any, among: Iterable[Any] | None = None) -> dict[str, Any]:
    """"Verifiable" (a link to the entry and its proof) once signed, "pending" before."""
    if activity is None:
        return {"mark": None}
    marks = _marks(context)
    if activity.seq not in marks:
        _prime(context, [*(among or []), activity])
    return {"mark": marks.get(activity.seq)}
