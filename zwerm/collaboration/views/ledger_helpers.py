"""What the ledger pages share: paging, and the lists that fill the forms."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator

from zwerm.collaboration.models import Deliverable, WorkingGroup
from zwerm.collaboration.selectors.ledger import member_organisations
from zwerm.ecosystems.models import Ecosystem

PAGE_SIZE = 25


def page_of(request, queryset: Any):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def choices_for(ecosystem: Ecosystem) -> dict[str, list[Any]]:
    """Organisations, working groups and deliverables of the ecosystem, for selects."""
    return {
        "organisations": list(member_organisations(ecosystem=ecosystem)),
        "groups": list(WorkingGroup.objects.filter(ecosystem=ecosystem).order_by("name")),
        "deliverables": list(Deliverable.objects.filter(ecosystem=ecosystem).order_by("title")),
    }
