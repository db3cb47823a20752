"""What the ideation views share: finding a visible challenge and the viewer's standing."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.shortcuts import render

from zwerm.ideation import permissions, selectors
from zwerm.ideation.models import Challenge, Idea


def challenge_or_404(request, slug: str) -> Challenge:
    challenge = selectors.visible_challenge(viewer=request.user, slug=slug)
    if challenge is None:
        raise Http404
    return challenge


def idea_or_404(challenge: Challenge, uuid) -> Idea:
    idea = selectors.idea_detail(challenge=challenge, uuid=uuid)
    if idea is None:
        raise Http404
    idea.challenge = challenge
    return idea


@dataclass
class Standing:
    can_manage: bool
    can_participate: bool


def standing(request, challenge: Challenge) -> Standing:
    return Standing(
        can_manage=permissions.can_manage(request.user, challenge),
        can_participate=permissions.can_participate(request.user, challenge),
    )


def forbidden(request, message: str) -> HttpResponse:
    return render(request, "ecosystems/forbidden.html", {"message": message}, status=403)
