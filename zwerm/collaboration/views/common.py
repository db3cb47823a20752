"""What every collaboration page shares: finding the ecosystem and refusing politely."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from zwerm.ecosystems.models import Ecosystem
from zwerm.ecosystems.selectors import visible_ecosystem


def ecosystem_or_404(request: HttpRequest, slug: str) -> Ecosystem:
    """The ecosystem the viewer may see; a members-only one is a 404 for outsiders."""
    ecosystem = visible_ecosystem(viewer=request.user, slug=slug)
    if ecosystem is None:
        raise Http404
    return ecosystem


def forbidden(request: HttpRequest, message: str) -> HttpResponse:
    """The not-allowed page with the reason, as a 403."""
    return render(request, "ecosystems/forbidden.html", {"message": message}, status=403)
