"""What the ecosystem views share: finding a visible ecosystem and the viewer's standing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render

from zwerm.core.privacy import visible_name_ids
from zwerm.ecosystems import permissions, selectors
from zwerm.ecosystems.models import Ecosystem, Membership, Role


def ecosystem_or_404(request, slug: str) -> Ecosystem:
    ecosystem = selectors.visible_ecosystem(viewer=request.user, slug=slug)
    if ecosystem is None:
        raise Http404
    return ecosystem


@dataclass
class Standing:
    """What the viewer, acting for their organisation, is and may do in one ecosystem."""

    membership: Membership | None
    can_manage: bool
    can_commit: bool
    can_speak: bool
    is_facilitator: bool

    @property
    def state(self) -> str | None:
        return self.membership.state if self.membership else None


def standing(request, ecosystem: Ecosystem) -> Standing:
    user = request.user
    organisation = request.actor.organisation if user.is_authenticated else None
    membership = selectors.membership_of(ecosystem=ecosystem, organisation=organisation)
    return Standing(
        membership=membership,
        can_manage=permissions.can_manage(user, ecosystem),
        can_commit=permissions.can_commit(user, organisation),
        can_speak=membership is not None and permissions.can_speak_for(user, membership),
        is_facilitator=permissions.is_facilitator(user, ecosystem),
    )


def label_people(viewer: Any, roles: list[Role]) -> None:
    """Set ``role.shown_name``: the person's name if they let the viewer see it, else empty."""
    visible = visible_name_ids(viewer, {role.person_id for role in roles})
    if getattr(viewer, "is_authenticated", False):
        visible.add(viewer.pk)
    for role in roles:
        role.shown_name = str(role.person) if role.person_id in visible else ""


def forbidden(request, message: str) -> HttpResponse:
    """A readable 403 page that says what the visitor may not do, and why."""
    return render(request, "ecosystems/forbidden.html", {"message": message}, status=403)
