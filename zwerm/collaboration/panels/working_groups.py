"""Working groups on kernel and ideation pages: the ecosystem's sub-navigation, a section on
the ecosystem page, and "start a working group" next to each started initiative."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from zwerm.collaboration.models import WorkingGroup
from zwerm.collaboration.permissions import working_groups as permissions
from zwerm.collaboration.selectors import working_groups as selectors

SHOWN = 3


def ecosystem_subnav(request: HttpRequest, ecosystem: Any) -> dict[str, Any]:
    match = getattr(request, "resolver_match", None)
    current = bool(match and match.namespace == "collaboration"
                   and (match.url_name or "").startswith("wg_"))
    return {"ecosystem": ecosystem, "current": current}


def ecosystem_aside(request: HttpRequest, ecosystem: Any) -> dict[str, Any] | None:
    """How many groups are active, and the three where something happened last."""
    viewer = getattr(request, "user", None)
    if not permissions.can_view(viewer, ecosystem):
        return None
    return {
        "ecosystem": ecosystem,
        "count": selectors.working_group_count(ecosystem=ecosystem, viewer=viewer),
        "groups": selectors.recently_active(ecosystem=ecosystem, viewer=viewer, limit=SHOWN),
        "can_start": permissions.can_start(getattr(request, "actor", viewer), ecosystem),
    }


def _groups_by_initiative(request: HttpRequest, initiative: Any) -> dict[int, WorkingGroup]:
    """The groups of all initiatives of the challenge, loaded once per request."""
    cache = getattr(request, "_wg_by_initiative", None)
    if cache is None or initiative.challenge_id not in cache:
        cache = cache or {}
        cache[initiative.challenge_id] = {
            group.initiative_id: group for group in WorkingGroup.objects.filter(
                initiative__challenge_id=initiative.challenge_id).select_related("ecosystem")}
        request._wg_by_initiative = cache
    return cache[initiative.challenge_id]


def _initiative_starts(request: HttpRequest, initiative: Any) -> permissions.InitiativeStarts:
    """Who may start a group from which of the challenge's initiatives, answered once per
    request (the initiatives page asks for every initiative)."""
    cache = getattr(request, "_wg_initiative_starts", None)
    if cache is None:
        cache = request._wg_initiative_starts = {}
    if initiative.challenge_id not in cache:
        taken = _groups_by_initiative(request, initiative).keys()
        cache[initiative.challenge_id] = permissions.initiative_starts(
            getattr(request, "actor", None), initiative.challenge, taken=taken)
    return cache[initiative.challenge_id]


def initiative_actions(request: HttpRequest, initiative: Any) -> dict[str, Any] | None:
    """A link to the initiative's working group, or the button to start it."""
    ecosystem = initiative.challenge.ecosystem
    if ecosystem is None:
        return None
    group = _groups_by_initiative(request, initiative).get(initiative.pk)
    if group is not None:
        return {"group": group}
    if initiative.started_at is None:
        return None
    if not _initiative_starts(request, initiative).allows(initiative):
        return None
    return {"group": None, "can_start": True, "ecosystem": ecosystem, "initiative": initiative}


def register() -> None:
    """Add this part's panels to kernel pages."""
    from zwerm.core.panels import register_panel

    register_panel("ecosystem_subnav", "collaboration/working_groups/panels/_ecosystem_subnav.html",
                   ecosystem_subnav, order=40)
    register_panel("ecosystem_aside", "collaboration/working_groups/panels/_ecosystem_aside.html",
                   ecosystem_aside, order=40)
    register_panel("initiative_actions",
                   "collaboration/working_groups/panels/_initiative_action.html",
                   initiative_actions)
