"""Endpoints about deliverables: the board's list, adding, reading, editing, the state.

Milestones, links and attachments are in ``deliverables_items`` (mounted on this router).
Members-only ecosystems answer 404 to whoever may not see them.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Status

from zwerm.collaboration.api.common import by_ref, ecosystem_of, organisation_of
from zwerm.collaboration.api.deliverables_schemas import (
    DeliverableDetailOut,
    DeliverableFilters,
    DeliverableIn,
    DeliverableListOut,
    DeliverablePatchIn,
    StateIn,
)
from zwerm.collaboration.models import Deliverable, WorkingGroup
from zwerm.collaboration.selectors import deliverables as selectors
from zwerm.collaboration.services import deliverables as services
from zwerm.core.api_support import OPTIONAL, REQUIRED, actor_of
from zwerm.core.errors import ValidationFailed
from zwerm.ecosystems.models import Ecosystem

router = Router(tags=["deliverables"])


# Lookups -----------------------------------------------------------------------------------


def deliverable_of(request: HttpRequest, deliverable_uuid: uuid.UUID) -> Deliverable:
    found = selectors.visible_deliverable(actor_of(request).person, deliverable_uuid)
    if found is None:
        raise Http404
    return found


def group_of(ecosystem: Ecosystem, ref: str | None) -> WorkingGroup | None:
    if not ref:
        return None
    found = by_ref(WorkingGroup.objects.filter(ecosystem=ecosystem), ref)
    if found is None:
        raise ValidationFailed(_("No working group of this ecosystem has this identifier."),
                               field="working_group")
    return found


# Shaping -----------------------------------------------------------------------------------


def _ref(obj: Any) -> dict[str, Any] | None:
    if obj is None:
        return None
    return {"uuid": obj.uuid, "slug": obj.slug, "name": str(obj)}


def download_url(attachment: Any, deliverable: Deliverable) -> str:
    return reverse("api:deliverable_attachment_download",
                   kwargs={"deliverable_uuid": deliverable.uuid,
                           "attachment_uuid": attachment.uuid})


def deliverable_row(deliverable: Deliverable) -> dict[str, Any]:
    milestones = None
    if not hasattr(deliverable, "milestone_total"):
        milestones = list(deliverable.milestones.all())
    total = getattr(deliverable, "milestone_total", None)
    return {
        "uuid": deliverable.uuid, "title": deliverable.title,
        "ecosystem": _ref(deliverable.ecosystem), "owner": _ref(deliverable.owner),
        "working_group": _ref(deliverable.working_group), "state": deliverable.state,
        "state_reason": deliverable.state_reason, "due_on": deliverable.due_on,
        "delivered_at": deliverable.delivered_at, "overdue": deliverable.is_overdue,
        "progress": deliverable.progress,
        "milestone_total": total if milestones is None else len(milestones),
        "milestone_done": deliverable.milestone_done if milestones is None
        else sum(1 for m in milestones if m.state == "done"),
        "milestones_overdue": deliverable.milestones_overdue if milestones is None
        else sum(1 for m in milestones if m.is_overdue),
        "url": services.deliverable_url(deliverable),
        "created_at": deliverable.created_at, "updated_at": deliverable.updated_at,
    }


def deliverable_detail_row(deliverable: Deliverable, viewer: Any) -> dict[str, Any]:
    return {
        **deliverable_row(deliverable),
        "description": deliverable.description,
        "milestones": [
            {"uuid": m.uuid, "title": m.title, "due_on": m.due_on, "state": m.state,
             "done_at": m.done_at, "position": m.position,
             "overdue": m.is_overdue and not deliverable.is_closed}
            for m in deliverable.milestones.all()
        ],
        "links": list(deliverable.links.all()),
        "attachments": [
            {"uuid": a.uuid, "name": a.name, "content_type": a.content_type, "size": a.size,
             "created_at": a.created_at, "download_url": download_url(a, deliverable)}
            for a in deliverable.attachments.all()
        ],
        "trail": [step.__dict__ for step in selectors.trail_of(deliverable, viewer)],
    }


def fresh_detail(request: HttpRequest, deliverable: Deliverable) -> dict[str, Any]:
    """The deliverable as stored after a change, shaped like the detail endpoint."""
    viewer = actor_of(request).person
    return deliverable_detail_row(deliverable_of(request, deliverable.uuid), viewer)


# Endpoints ---------------------------------------------------------------------------------


@router.get("/ecosystems/{slug}/deliverables", response=DeliverableListOut, auth=OPTIONAL,
            summary="An ecosystem's deliverables",
            description="Filter by working group, owner organisation, state, overdue only.")
def list_deliverables(request: HttpRequest, slug: str, filters: Query[DeliverableFilters]):
    ecosystem = ecosystem_of(request, slug)
    parsed = selectors.BoardFilters.from_params(ecosystem, filters.dict())
    if parsed.invalid:
        message = _("No such working group or organisation here.")
        raise ValidationFailed(message, fields={name: [str(message)] for name in parsed.invalid})
    queryset = selectors.deliverables_of(
        ecosystem=ecosystem, viewer=actor_of(request).person,
        working_group=parsed.working_group, owner=parsed.owner, state=parsed.state,
        overdue=parsed.overdue,
    )
    items = list(queryset[filters.offset:filters.offset + filters.limit])
    return {"count": queryset.count(), "items": [deliverable_row(d) for d in items]}


@router.post("/ecosystems/{slug}/deliverables", response={201: DeliverableDetailOut},
             auth=REQUIRED, summary="Add a deliverable")
def create_deliverable(request: HttpRequest, slug: str, payload: DeliverableIn):
    ecosystem = ecosystem_of(request, slug)
    deliverable = services.deliverable_create(
        actor=actor_of(request), ecosystem=ecosystem, title=payload.title,
        description=payload.description, owner=organisation_of(payload.owner, field="owner"),
        working_group=group_of(ecosystem, payload.working_group), due_on=payload.due_on,
    )
    return Status(201, fresh_detail(request, deliverable))


@router.get("/deliverables/{deliverable_uuid}", response=DeliverableDetailOut, auth=OPTIONAL,
            summary="One deliverable with milestones, links, attachments, progress and trail")
def get_deliverable(request: HttpRequest, deliverable_uuid: uuid.UUID):
    return deliverable_detail_row(deliverable_of(request, deliverable_uuid),
                                  actor_of(request).person)


@router.patch("/deliverables/{deliverable_uuid}", response=DeliverableDetailOut, auth=REQUIRED,
              summary="Edit a deliverable (owner organisation, group lead/secretary, "
                      "facilitators)")
def update_deliverable(request: HttpRequest, deliverable_uuid: uuid.UUID,
                       payload: DeliverablePatchIn):
    deliverable = deliverable_of(request, deliverable_uuid)
    changes = payload.dict(exclude_unset=True)
    if "owner" in changes:
        if changes["owner"] is None:
            raise ValidationFailed(_("A deliverable always has an owner organisation."),
                                   field="owner")
        changes["owner"] = organisation_of(changes["owner"], field="owner")
    if "working_group" in changes:
        changes["working_group"] = group_of(deliverable.ecosystem, changes["working_group"])
    if "title" in changes and changes["title"] is None:
        changes["title"] = ""
    if "description" in changes and changes["description"] is None:
        changes["description"] = ""
    services.deliverable_update(actor=actor_of(request), deliverable=deliverable, **changes)
    return fresh_detail(request, deliverable)


@router.post("/deliverables/{deliverable_uuid}/state", response=DeliverableDetailOut,
             auth=REQUIRED, summary="Change the state (a reason is required to cancel)")
def set_state(request: HttpRequest, deliverable_uuid: uuid.UUID, payload: StateIn):
    deliverable = deliverable_of(request, deliverable_uuid)
    services.deliverable_state_set(actor=actor_of(request), deliverable=deliverable,
                                   state=payload.state, reason=payload.reason)
    return fresh_detail(request, deliverable)


from zwerm.collaboration.api import deliverables_items  # noqa: E402  (routes use the helpers)

router.add_router("", deliverables_items.router)
