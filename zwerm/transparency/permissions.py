"""Who may read a log and who may register witness keys."""

from __future__ import annotations

from typing import Any

from zwerm.ecosystems.models import Ecosystem
from zwerm.ecosystems.selectors import ecosystem_list
from zwerm.organisations.models import OrganisationMember


def can_view_log(viewer: Any, ecosystem: Ecosystem) -> bool:
    """A log is as visible as its ecosystem: public, or members-only for its members."""
    return ecosystem_list(viewer=viewer).filter(pk=ecosystem.pk).exists()


def can_manage_witnesses(person: Any, organisation: Any) -> bool:
    if person is None or not person.is_authenticated:
        return False
    return OrganisationMember.objects.filter(
        organisation=organisation, person=person, role=OrganisationMember.Role.ADMIN,
        left_at__isnull=True,
    ).exists()
