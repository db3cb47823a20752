"""Hooks through which feature apps take part in an organisation's departure from an ecosystem.

Ecosystems sit below the feature apps, so they cannot import them. Those apps register here
(in ``AppConfig.ready``) and the membership services and pages call them at the right moment:

- ``register_open_obligations(provider)``: ``provider(*, membership)`` returns a list of
  ``Obligation`` items naming what the organisation still holds in the ecosystem (an open
  commitment, a working-group role). The leave and pause pages list them and point to the
  app's page where the organisation decides what happens to each (``handle_url``).
- ``register_departure(handler)``: ``handler(*, actor, membership, action)`` runs inside the
  leave (``action="leave"``) or pause (``action="pause"``) transaction. On leaving it runs
  just before the membership changes state (the organisation still takes part, so the
  app's own services accept the actor): an app releases what was not handed over. On
  pausing it runs just after. A handler that raises a ``DomainError`` stops the whole step
  (nothing is stored).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Obligation:
    """One thing an organisation still holds in an ecosystem, in words for the leave page."""

    label: str
    kind: str  # e.g. "commitment", "working_group_role"
    url: str = ""
    handle_url: str = ""  # where the organisation decides: hand over or release
    handle_label: str = ""


ObligationProvider = Callable[..., list[Obligation]]
DepartureHandler = Callable[..., None]

_obligations: list[ObligationProvider] = []
_departure: list[DepartureHandler] = []


def register_open_obligations(provider: ObligationProvider) -> None:
    if provider not in _obligations:
        _obligations.append(provider)


def register_departure(handler: DepartureHandler) -> None:
    if handler not in _departure:
        _departure.append(handler)


def unregister(handler: Callable[..., Any]) -> None:
    """Remove a provider or handler (tests register temporary ones)."""
    for registry in (_obligations, _departure):
        if handler in registry:
            registry.remove(handler)


def open_obligations(*, membership: Any) -> list[Obligation]:
    return [item for provider in list(_obligations) for item in provider(membership=membership)]


def run_departure(*, actor: Any, membership: Any, action: str) -> None:
    for handler in list(_departure):
        handler(actor=actor, membership=membership, action=action)

