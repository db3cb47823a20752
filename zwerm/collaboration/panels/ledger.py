"""The ledger on other pages: the ecosystem's sub-navigation, commitments and contributions
on a working group, a deliverable and an initiative, and an organisation's page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from zwerm.collaboration.permissions import ledger as permissions
from zwerm.collaboration.selectors import ledger as selectors

SECTION_LIMIT = 10


def ecosystem_subnav(request: HttpRequest, ecosystem: Any) -> dict[str, Any]:
    match = getattr(request, "resolver_match", None)
    name = match.url_name if match is not None and match.namespace == "collaboration" else ""
    return {"ecosystem": ecosystem, "in_ledger": name.startswith("ledger"),
            "in_commitments": name.startswith("commitment")}


def _section(request: HttpRequest, ecosystem: Any, kind: str, target: Any) -> dict | None:
    viewer = getattr(request, "user", None)
    if not permissions.can_view_ledger(viewer, ecosystem):
        return None
    commitments = list(selectors.commitment_list(viewer=viewer, ecosystem=ecosystem,
                                                 **{kind: target})[:SECTION_LIMIT])
    for commitment in commitments:
        commitment.progress = selectors.commitment_progress(commitment)
    contributions = []
    if kind != "initiative":
        contributions = list(selectors.contribution_list(viewer=viewer, ecosystem=ecosystem,
                                                         **{kind: target})[:SECTION_LIMIT])
    actor = getattr(request, "actor", None)
    return {
        "ecosystem": ecosystem, "kind": kind, "target": target, "commitments": commitments,
        "contributions": contributions,
        "can_commit": actor is not None and permissions.can_commit(actor, ecosystem),
    }


def working_group_sections(request: HttpRequest, working_group: Any) -> dict | None:
    return _section(request, working_group.ecosystem, "working_group", working_group)


def deliverable_sections(request: HttpRequest, deliverable: Any) -> dict | None:
    return _section(request, deliverable.ecosystem, "deliverable", deliverable)


def _initiative_sections(request: HttpRequest, ecosystem: Any, challenge_id: int
                         ) -> dict[str, Any] | None:
    """For all initiatives of one challenge, once per request (the initiatives page shows
    every one): whether the viewer sees the ledger and may commit, and the commitments of
    all the challenge's initiatives in one query, grouped by initiative."""
    cache = getattr(request, "_ledger_initiatives", None)
    if cache is None:
        cache = request._ledger_initiatives = {}
    if challenge_id not in cache:
        viewer = getattr(request, "user", None)
        if not permissions.can_view_ledger(viewer, ecosystem):
            cache[challenge_id] = None
        else:
            by_initiative: dict[int, list[Any]] = {}
            commitments = selectors.commitment_list(viewer=viewer, ecosystem=ecosystem).filter(
                initiative__challenge_id=challenge_id)
            for commitment in commitments:
                shown = by_initiative.setdefault(commitment.initiative_id, [])
                if len(shown) < SECTION_LIMIT:
                    commitment.progress = selectors.commitment_progress(commitment)
                    shown.append(commitment)
            actor = getattr(request, "actor", None)
            cache[challenge_id] = {
                "commitments": by_initiative,
                "can_commit": actor is not None and permissions.can_commit(actor, ecosystem),
            }
    return cache[challenge_id]


def initiative_actions(request: HttpRequest, initiative: Any) -> dict | None:
    ecosystem = initiative.challenge.ecosystem
    if ecosystem is None:
        return None
    shared = _initiative_sections(request, ecosystem, initiative.challenge_id)
    if shared is None:
        return None
    return {
        "ecosystem": ecosystem, "kind": "initiative", "target": initiative,
        "commitments": shared["commitments"].get(initiative.pk, []), "contributions": [],
        "can_commit": shared["can_commit"],
    }


def organisation_actions(request: HttpRequest, organisation: Any) -> dict | None:
    """Links to the organisation's give/take and kept commitments in each ecosystem the
    viewer may see."""
    from zwerm.ecosystems.models import Ecosystem, Membership
    from zwerm.ecosystems.selectors import visible_ecosystems_q

    viewer = getattr(request, "user", None)
    ecosystems = list(Ecosystem.objects.filter(visible_ecosystems_q(viewer)).filter(
        memberships__organisation=organisation,
        memberships__state__in=(Membership.State.ACTIVE, Membership.State.PAUSED,
                                Membership.State.LEFT),
    ).distinct().order_by("name")[:SECTION_LIMIT])
    if not ecosystems:
        return None
    return {"organisation": organisation, "ecosystems": ecosystems}


def register() -> None:
    from zwerm.core.panels import register_panel

    register_panel("ecosystem_subnav", "collaboration/ledger/panels/_subnav.html",
                   ecosystem_subnav, order=130)
    register_panel("working_group_sections", "collaboration/ledger/panels/_section.html",
                   working_group_sections, order=40)
    register_panel("deliverable_sections", "collaboration/ledger/panels/_section.html",
                   deliverable_sections, order=40)
    register_panel("initiative_actions", "collaboration/ledger/panels/_initiative.html",
                   initiative_actions, order=40)
    register_panel("organisation_actions", "collaboration/ledger/panels/_organisation.html",
                   organisation_actions, order=140)
