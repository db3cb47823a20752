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


def register() -> None:
    """Wire this part into the kernel (privacy export)."""
    from zwerm.core import privacy

    privacy.register_exporter("collaboration_decisions", export_person)
