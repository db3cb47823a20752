"""Hooks through which kernel apps tell core what a viewer may not see.

Core knows no feature app, yet the activity stream must never show a members-only
ecosystem to an outsider. The ecosystems app registers a function that returns the
UUIDs of ecosystems hidden from a viewer; core's selectors apply it in the query.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from typing import Any

HiddenEcosystems = Callable[[Any], Iterable[uuid.UUID]]
_hidden_ecosystem_providers: list[HiddenEcosystems] = []


def register_hidden_ecosystems(provider: HiddenEcosystems) -> None:
    if provider not in _hidden_ecosystem_providers:
        _hidden_ecosystem_providers.append(provider)


def hidden_ecosystem_uuids(viewer: Any) -> set[uuid.UUID]:
    hidden: set[uuid.UUID] = set()
    for provider in _hidden_ecosystem_providers:
        hidden.update(provider(viewer))
    return hidden


HiddenSubjects = Callable[[Any], Iterable[uuid.UUID]]
_hidden_subject_providers: list[HiddenSubjects] = []


def register_hidden_subjects(provider: HiddenSubjects) -> None:
    """``provider(viewer)`` returns the UUIDs of subjects the viewer may not see.

    A feature app with its own visibility inside a visible ecosystem (a members-only event
    in a public ecosystem) registers one; returning a ``values_list(..., flat=True)``
    queryset keeps it a subquery, so the feed never loads the UUIDs into Python.
    """
    if provider not in _hidden_subject_providers:
        _hidden_subject_providers.append(provider)


def hidden_subjects(viewer: Any) -> list[Iterable[uuid.UUID]]:
    return [provider(viewer) for provider in _hidden_subject_providers]
