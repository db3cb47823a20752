"""Ideation's entries on kernel pages (main navigation, an ecosystem's sub-navigation),
through ``zwerm.core.panels`` so the kernel never imports this app."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def main_nav(request: HttpRequest, _obj: Any) -> dict:
    return {}


def ecosystem_subnav(request: HttpRequest, ecosystem: Any) -> dict:
    return {"ecosystem": ecosystem}


def register() -> None:
    from zwerm.core.panels import register_panel

    register_panel("main_nav", "ideation/panels/_nav.html", main_nav, order=20)
    register_panel("ecosystem_subnav", "ideation/panels/_ecosystem_subnav.html", ecosystem_subnav)
