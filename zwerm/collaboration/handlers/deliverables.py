"""Deliverables in kernel flows: a person's data export, and organisation merges."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from zwerm.collaboration.models import Attachment, Deliverable
from zwerm.core.actor import Actor


def export_person(person: Any) -> dict[str, Any]:
    """The deliverables a person created and the files they uploaded (names, not contents:
    the files belong to the deliverable and are downloaded there)."""
    created = Deliverable.objects.filter(created_by=person).select_related("ecosystem", "owner")
    uploaded = Attachment.objects.filter(uploaded_by=person).select_related(
        "deliverable__ecosystem")
    return {
        "deliverables_created": [
            {"uuid": str(d.uuid), "ecosystem": d.ecosystem.name,
             "ecosystem_uuid": str(d.ecosystem.uuid), "title": d.title,
             "description": d.description, "owner": d.owner.name, "state": d.state,
             "due_on": d.due_on.isoformat() if d.due_on else None,
             "created_at": d.created_at.isoformat()}
            for d in created.order_by("created_at", "id")
        ],
        "attachments_uploaded": [
            {"uuid": str(a.uuid), "deliverable_uuid": str(a.deliverable.uuid),
             "deliverable": a.deliverable.title, "name": a.name,
             "content_type": a.content_type, "size": a.size,
             "created_at": a.created_at.isoformat()}
            for a in uploaded.order_by("created_at", "id")
        ],
    }


def on_merge(*, actor: Actor, source: Any, target: Any) -> None:
    """A merged organisation's deliverables are owned by the organisation it joined."""
    Deliverable.objects.filter(owner=source).update(owner=target, updated_at=timezone.now())


def register() -> None:
    """Wire this part into the kernel (privacy export, organisation merges)."""
    from zwerm.core import privacy
    from zwerm.organisations import hooks

    privacy.register_exporter("collaboration_deliverables", export_person)
    hooks.register_merge(on_merge)
