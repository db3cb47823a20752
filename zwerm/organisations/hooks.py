"""Hooks through which apps above organisations take part in its flows.

Organisations sit below ecosystems and feature apps, so they cannot import them. Those apps
register here (in ``AppConfig.ready``) and organisations call them at the right moment:

- ``register_held_roles(provider)``: ``provider(*, organisation, person)`` returns translated
  sentences naming the roles the person holds for that organisation elsewhere (e.g.
  "Facilitator of Circulair bouwen"); a person who holds any must name a successor to leave.
- ``register_member_leave(handler)``: ``handler(*, actor, organisation, person, successor)``
  runs inside the leave transaction and hands those roles over to ``successor``.
- ``register_merge(handler)``: ``handler(*, actor, source, target)`` runs inside the merge
  transaction and moves the app's records from ``source`` to ``target``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

HeldRoles = Callable[..., list[str]]
MemberLeaveHandler = Callable[..., None]
MergeHandler = Callable[..., None]

_held_roles: list[HeldRoles] = []
_member_leave: list[MemberLeaveHandler] = []
_merge: list[MergeHandler] = []


def register_held_roles(provider: HeldRoles) -> None:
    if provider not in _held_roles:
        _held_roles.append(provider)


def register_member_leave(handler: MemberLeaveHandler) -> None:
    if handler not in _member_leave:
        _member_leave.append(handler)


def register_merge(handler: MergeHandler) -> None:
    if handler not in _merge:
        _merge.append(handler)


def unregister(handler: Callable[..., Any]) -> None:
    """Remove a provider or handler (tests register temporary ones)."""
    for registry in (_held_roles, _member_leave, _merge):
        if handler in registry:
            registry.remove(handler)


def held_roles(*, organisation: Any, person: Any) -> list[str]:
    return [
        sentence
        for provider in _held_roles
        for sentence in provider(organisation=organisation, person=person)
    ]


def run_member_leave(*, actor: Any, organisation: Any, person: Any, successor: Any) -> None:
    for handler in list(_member_leave):
        handler(actor=actor, organisation=organisation, person=person, successor=successor)


def run_merge(*, actor: Any, source: Any, target: Any) -> None:
    for handler in list(_merge):
        handler(actor=actor, source=source, target=target)
