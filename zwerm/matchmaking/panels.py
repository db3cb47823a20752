"""Matchmaking's entries on kernel pages: the main navigation, the ecosystem's sub-navigation
and the organisation page (through ``zwerm.core.panels``, so the kernel never imports us)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from zwerm.matchmaking import permissions


def main_nav(request: HttpRequest, _obj: Any) -> dict | None:
    actor = getattr(request, "actor", None)
    return {} if actor is not None and permissions.can_see_suggestions(actor) else None


def ecosystem_subnav(request: HttpRequest, ecosystem: Any) -> dict | None:
    actor = getattr(request, "actor", None)
    if actor is None or not permissions.can_see_candidates(actor, ecosystem):
        return None
    return {"ecosystem": ecosystem}


def organisation_actions(request: HttpRequest, organisation: Any) -> dict | None:
    actor = getattr(request, "actor", None)
    if actor is None or not permissions.can_request_introduction(actor, organisation):
        return None
    return {"organisation": organisation}


def register() -> None:
    from zwerm.core.panels import register_panel

    register_panel("main_nav", "matchmaking/panels/_nav.html", main_nav, order=30)
    register_panel(
        "ecosystem_subnav", "matchmaking/panels/_ecosystem_subnav.html", ecosystem_subnav
    )
    register_panel(
        "organisation_actions",
        "matchmaking/panels/_organisation_actions.html",
        organisation_actions,
    )
