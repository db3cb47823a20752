"""How the ledger takes part in kernel flows: a person's data export and organisation
merges."""

from __future__ import annotations

from typing import Any

from zwerm.collaboration.models import Commitment, Contribution
from zwerm.core.actor import Actor


def export_person(person: Any) -> dict[str, Any]:
    """The commitments a person made and the contributions they recorded or acknowledged."""
    commitments = Commitment.objects.filter(person=person).select_related(
        "ecosystem", "organisation")
    contributions = Contribution.objects.filter(giver=person).select_related(
        "ecosystem", "giver_organisation")
    acknowledged = Contribution.objects.filter(acknowledged_by=person).select_related(
        "ecosystem", "acknowledged_for")
    return {
        "commitments": [
            {"uuid": str(c.uuid), "ecosystem": c.ecosystem.name,
             "organisation": c.organisation.name, "type": c.type, "quantity": str(c.quantity),
             "unit": c.unit, "due_on": c.due_on.isoformat(), "state": c.state,
             "description": c.description, "created_at": c.created_at.isoformat()}
            for c in commitments
        ],
        "contributions": [
            {"uuid": str(c.uuid), "ecosystem": c.ecosystem.name,
             "organisation": c.giver_organisation.name, "type": c.type,
             "quantity": str(c.quantity), "unit": c.unit,
             "value": None if c.value is None else str(c.value), "value_unit": c.value_unit,
             "given_on": c.given_on.isoformat(), "description": c.description,
             "created_at": c.created_at.isoformat()}
            for c in contributions
        ],
        "acknowledgements": [
            {"contribution_uuid": str(c.uuid), "ecosystem": c.ecosystem.name,
             "for_organisation": c.acknowledged_for.name if c.acknowledged_for_id else None,
             "acknowledged_at": c.acknowledged_at.isoformat()}
            for c in acknowledged
        ],
    }


def on_merge(*, actor: Actor, source: Any, target: Any) -> None:
    """Commitments and ledger entries of a merged organisation move to the one it joined.

    An entry the source gave to the target (or the reverse) would become a gift to itself;
    it keeps the target as both sides, which the balances show as give and take at once.
    """
    Commitment.objects.filter(organisation=source).update(organisation=target)
    Contribution.objects.filter(giver_organisation=source).update(giver_organisation=target)
    Contribution.objects.filter(recipient=source).update(recipient=target)
    Contribution.objects.filter(acknowledged_for=source).update(acknowledged_for=target)
    through = Contribution.beneficiaries.through
    already = set(through.objects.filter(organisation=target).values_list(
        "contribution_id", flat=True))
    moving = through.objects.filter(organisation=source)
    moving.filter(contribution_id__in=already).delete()
    moving.update(organisation=target)


def register() -> None:
    """Wire this part into the kernel (privacy export, organisation merges)."""
    from zwerm.core import privacy
    from zwerm.organisations import hooks

    privacy.register_exporter("collaboration_ledger", export_person)
    hooks.register_merge(on_merge)
