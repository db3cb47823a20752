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
_before_erasure: list[Callable[[Any], None]] = []


def register_exporter(section: str, exporter: Exporter) -> None:
    _exporters[section] = exporter


def register_erasure_check(check: ErasureCheck) -> None:
    if check not in _erasure_checks:
        _erasure_checks.append(check)


def register_name_visibility(provider: NameVisibility) -> None:
    """``provider(viewer, person_ids)`` returns the subset whose names the viewer may see."""
    if provider not in _name_visibility:
        _name_visibility.append(provider)


def register_before_erasure(handler: Callable[[Any], None]) -> None:
    """``handler(person)`` runs in the erasure transaction, before the account is deleted
    (e.g. to give up seats so that a waiting list moves on)."""
    if handler not in _before_erasure:
        _before_erasure.append(handler)


def before_erasure(person: Any) -> None:
    for handler in _before_erasure:
        handler(person)


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


class NameResolver:
    """Decides, for one viewer, how each person's name reads; one batch per set of people.

    ``prime(ids)`` asks the providers about every id not yet known in one go; ``name(...)``
    then answers from memory. Pages create one resolver per request (``for_request``), so a
    feed, the notification list and a member list share the answers.
    """

    def __init__(self, viewer: Any) -> None:
        self.viewer = viewer if getattr(viewer, "is_authenticated", False) else None
        self._known: set[int] = set()
        self._visible: set[int] = set()

    def prime(self, person_ids: Iterable[int | None]) -> None:
        unknown = {pid for pid in person_ids if pid is not None} - self._known
        if unknown:
            self._visible |= visible_name_ids(self.viewer, unknown)
            self._known |= unknown

    def may_see(self, person_id: int | None) -> bool:
        if person_id is None:
            return False
        self.prime([person_id])
        return person_id in self._visible

    def name(self, person: Any, organisation_label: str = "") -> str:
        """The person's name, or who they are without it, or "a former participant"."""
        from django.utils.translation import gettext

        if person is None or person.pk is None:
            return gettext("a former participant")
        if self.may_see(person.pk):
            return str(person)
        if organisation_label:
            return gettext("someone from %(organisation)s") % {"organisation": organisation_label}
        return gettext("a participant")

    @classmethod
    def for_request(cls, request: Any) -> NameResolver:
        """The resolver of this request (created on first use)."""
        viewer = getattr(request, "user", None)
        resolver = getattr(request, "_zwerm_names", None)
        if resolver is None or resolver.viewer != (
            viewer if getattr(viewer, "is_authenticated", False) else None
        ):
            resolver = cls(viewer)
            request._zwerm_names = resolver
        return resolver


def activity_actor_name(activity: Any, resolver: NameResolver) -> str:
    """How the actor of an activity reads for the resolver's viewer."""
    from django.utils.translation import gettext

    if activity.is_system:
        return gettext("Zwerm")
    if activity.actor_id is None:
        return gettext("a former participant")
    return resolver.name(activity.actor, activity.organisation_label)
