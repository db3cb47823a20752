"""What every collaboration page shares: finding the ecosystem, refusing politely, and
sending the browser back to a part of a page."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

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


def redirect_to(to: str, *, anchor: str = "", **kwargs: object) -> HttpResponse:
    """A redirect to the named page, to the part of it that ``anchor`` names (if any)."""
    response = redirect(to, **kwargs)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response
