"""Decisions in kernel flows: a person's data export (their proposals and positions).

Erasure needs no check: proposals and positions keep their organisation, and the person
reference is set to empty when the account goes (``on_delete=SET_NULL``), so the register
stays whole.
"""

from __future__ import annotations

from typing import Any


def export_person(person: Any) -> dict[str, Any]:
    """Every proposal the person tabled and every position they gave, with the text."""
    from zwerm.collaboration.selectors.decisions import person_proposals_and_positions

    found = person_proposals_and_positions(person=person)
    return {
        "proposals": [
            {"uuid": str(p.uuid), "ecosystem": p.ecosystem.name, "title": p.title,
             "body": p.body, "kind": p.kind, "state": p.state, "version": p.version,
             "deadline": p.deadline.isoformat(), "created_at": p.created_at.isoformat()}
            for p in found["proposals"]
        ],
        "positions": [
            {"uuid": str(p.uuid), "proposal_uuid": str(p.proposal.uuid),
             "proposal": p.proposal.title, "version": p.version,
             "organisation": p.organisation.name, "stance": p.stance,
             "option": p.option.label if p.option_id else None, "reason": p.reason,
             "superseded_at": p.superseded_at.isoformat() if p.superseded_at else None,
             "created_at": p.created_at.isoformat()}
            for p in found["positions"]
        ],
    }


def on_merge(*, actor: Any, source: Any, target: Any) -> None:
    """Proposals and positions of a merged organisation move to the one it joined.

    Where both gave a current position on the same version, the target's stands and the
    source's is kept as superseded history (one position per organisation).
    """
    from django.db.models import Q
    from django.utils import timezone

    from zwerm.collaboration.models import Position, Proposal

    Proposal.objects.filter(proposer_organisation=source).update(
        proposer_organisation=target)
    source_key, target_key = f"org:{source.uuid}", f"org:{target.uuid}"
    taken = set(Position.objects.filter(voter_key=target_key, superseded_at__isnull=True)
                .values_list("proposal_id", "version"))
    clashes = Q()
    for proposal_id, version in taken:
        clashes |= Q(proposal_id=proposal_id, version=version)
    if taken:
        Position.objects.filter(clashes, voter_key=source_key,
                                superseded_at__isnull=True).update(
            superseded_at=timezone.now())
    Position.objects.filter(voter_key=source_key).update(voter_key=target_key)
    Position.objects.filter(organisation=source).update(organisation=target)


def register() -> None:
    """Wire this part into the kernel (privacy export, organisation merges)."""
    from zwerm.core import privacy
    from zwerm.organisations import hooks

    hooks.register_merge(on_merge)

    privacy.register_exporter("collaboration_decisions", export_person)
