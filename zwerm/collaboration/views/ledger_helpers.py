"""What the ledger pages share: the visible ecosystem, the lists that fill the forms."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from zwerm.collaboration.models import Deliverable, WorkingGroup
from zwerm.collaboration.selectors.ledger import member_organisations
from zwerm.ecosystems.models import Ecosystem
from zwerm.ecosystems.selectors import visible_ecosystem

PAGE_SIZE = 25


def ecosystem_or_404(request, slug: str) -> Ecosystem:
    ecosystem = visible_ecosystem(viewer=request.user, slug=slug)
    if ecosystem is None:
        raise Http404
    return ecosystem


def forbidden(request, message: str):
    return render(request, "ecosystems/forbidden.html", {"message": message}, status=403)


def page_of(request, queryset: Any):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def choices_for(ecosystem: Ecosystem) -> dict[str, list[Any]]:
    """Organisations, working groups and deliverables of the ecosystem, for selects."""
    return {
        "organisations": list(member_organisations(ecosystem=ecosystem)),
        "groups": list(WorkingGroup.objects.filter(ecosystem=ecosystem).order_by("name")),
        "deliverables": list(Deliverable.objects.filter(ecosystem=ecosystem).order_by("title")),
    }
