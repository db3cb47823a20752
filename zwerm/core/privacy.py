"""Hooks for personal data: every app adds what it holds about a person.

Core knows no feature app, so apps register here (in ``AppConfig.ready``):

- an *exporter* returns the JSON-ready personal data the app holds about a person;
- an *erasure check* returns translated sentences that explain what must happen before
  the person can erase their account (e.g. hand over the last facilitator role);
- a *name visibility provider* says which people's names a viewer may see, batched so a
  feed renders in a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

Exporter = Callable[[Any], Any]
ErasureCheck = Callable[[Any], list[str]]
NameVisibility = Callable[[Any, set[int]], set[int]]

_exporters: dict[str, Exporter] = {}
_erasure_checks: list[ErasureCheck] = []
_name_visibility: list[NameVisibility] = []


def register_exporter(section: str, exporter: Exporter) -> None:
    _exporters[section] = exporter


def register_erasure_check(check: ErasureCheck) -> None:
    if check not in _erasure_checks:
        _erasure_checks.append(check)


def register_name_visibility(provider: NameVisibility) -> None:
    """``provider(viewer, person_ids)`` returns the subset whose names the viewer may see."""
    if provider not in _name_visibility:
        _name_visibility.append(provider)


def export_sections(person: Any) -> dict[str, Any]:
    return {section: exporter(person) for section, exporter in sorted(_exporters.items())}


def erasure_blockers(person: Any) -> list[str]:
    return [message for check in _erasure_checks for message in check(person)]


def visible_name_ids(viewer: Any, person_ids: Iterable[int]) -> set[int]:
    """Which of these people's names the viewer may see (union over the providers)."""
    remaining = {pid for pid in person_ids if pid is not None}
    visible: set[int] = set()
    for provider in _name_visibility:
        if not remaining:
            break
        found = provider(viewer, remaining)
        visible |= found
        remaining -= found
    return visible
