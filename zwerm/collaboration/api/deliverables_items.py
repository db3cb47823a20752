"""Endpoints about a deliverable's milestones, links and attachments."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import Http404, HttpRequest
from ninja import File, Router, Status, UploadedFile

from zwerm.collaboration.api.deliverables import deliverable_of, fresh_detail
from zwerm.collaboration.api.deliverables_schemas import (
    DeliverableDetailOut,
    LinkIn,
    MilestoneIn,
    MilestoneMoveIn,
    MilestoneOrderIn,
    MilestonePatchIn,
    MilestoneStateIn,
)
from zwerm.collaboration.models import Deliverable
from zwerm.collaboration.permissions import deliverables as permissions
from zwerm.collaboration.services import deliverables_attachments as attachments
from zwerm.collaboration.services import deliverables_milestones as milestones
from zwerm.collaboration.views.deliverables_items import attachment_response
from zwerm.core.api_support import OPTIONAL, REQUIRED, actor_of

router = Router(tags=["deliverables"])

ONE = "/deliverables/{deliverable_uuid}"


def _part(deliverable: Deliverable, related: str, key: uuid.UUID) -> Any:
    """One of the deliverable's milestones, links or attachments (``related`` names which),
    or a 404."""
    found = getattr(deliverable, related).filter(uuid=key).first()
    if found is None:
        raise Http404
    found.deliverable = deliverable
    return found


# Milestones --------------------------------------------------------------------------------


@router.post(ONE + "/milestones", response={201: DeliverableDetailOut}, auth=REQUIRED,
             summary="Add a milestone (at the end)")
def add_milestone(request: HttpRequest, deliverable_uuid: uuid.UUID, payload: MilestoneIn):
    deliverable = deliverable_of(request, deliverable_uuid)
    milestones.milestone_add(actor=actor_of(request), deliverable=deliverable,
                             title=payload.title, due_on=payload.due_on)
    return Status(201, fresh_detail(request, deliverable))


@router.put(ONE + "/milestones/order", response=DeliverableDetailOut, auth=REQUIRED,
            summary="Put all milestones in this order (every UUID once)")
def reorder_milestones(request: HttpRequest, deliverable_uuid: uuid.UUID,
                       payload: MilestoneOrderIn):
    deliverable = deliverable_of(request, deliverable_uuid)
    milestones.milestone_reorder(actor=actor_of(request), deliverable=deliverable,
                                 order=payload.order)
    return fresh_detail(request, deliverable)


@router.patch(ONE + "/milestones/{milestone_uuid}", response=DeliverableDetailOut,
              auth=REQUIRED, summary="Edit a milestone's title or due date")
def update_milestone(request: HttpRequest, deliverable_uuid: uuid.UUID,
                     milestone_uuid: uuid.UUID, payload: MilestonePatchIn):
    deliverable = deliverable_of(request, deliverable_uuid)
    changes = payload.dict(exclude_unset=True)
    if "title" in changes and changes["title"] is None:
        changes["title"] = ""
    milestones.milestone_update(actor=actor_of(request),
                                milestone=_part(deliverable, "milestones", milestone_uuid),
                                **changes)
    return fresh_detail(request, deliverable)


@router.post(ONE + "/milestones/{milestone_uuid}/state", response=DeliverableDetailOut,
             auth=REQUIRED, summary="Set a milestone open, in progress or done")
def set_milestone_state(request: HttpRequest, deliverable_uuid: uuid.UUID,
                        milestone_uuid: uuid.UUID, payload: MilestoneStateIn):
    deliverable = deliverable_of(request, deliverable_uuid)
    milestones.milestone_state_set(actor=actor_of(request),
                                   milestone=_part(deliverable, "milestones", milestone_uuid),
                                   state=payload.state)
    return fresh_detail(request, deliverable)


@router.post(ONE + "/milestones/{milestone_uuid}/move", response=DeliverableDetailOut,
             auth=REQUIRED, summary="Move a milestone one place up or down")
def move_milestone(request: HttpRequest, deliverable_uuid: uuid.UUID,
                   milestone_uuid: uuid.UUID, payload: MilestoneMoveIn):
    deliverable = deliverable_of(request, deliverable_uuid)
    milestones.milestone_move(actor=actor_of(request),
                              milestone=_part(deliverable, "milestones", milestone_uuid),
                              direction=payload.direction)
    return fresh_detail(request, deliverable)


@router.delete(ONE + "/milestones/{milestone_uuid}", response={204: None}, auth=REQUIRED,
               summary="Remove a milestone that is still open")
def remove_milestone(request: HttpRequest, deliverable_uuid: uuid.UUID,
                     milestone_uuid: uuid.UUID):
    deliverable = deliverable_of(request, deliverable_uuid)
    milestones.milestone_remove(actor=actor_of(request),
                                milestone=_part(deliverable, "milestones", milestone_uuid))
    return Status(204, None)


# Links -------------------------------------------------------------------------------------


@router.post(ONE + "/links", response={201: DeliverableDetailOut}, auth=REQUIRED,
             summary="Link the real outcome (http or https)")
def add_link(request: HttpRequest, deliverable_uuid: uuid.UUID, payload: LinkIn):
    deliverable = deliverable_of(request, deliverable_uuid)
    attachments.link_add(actor=actor_of(request), deliverable=deliverable, kind=payload.kind,
                         url=payload.url, title=payload.title)
    return Status(201, fresh_detail(request, deliverable))


@router.delete(ONE + "/links/{link_uuid}", response={204: None}, auth=REQUIRED,
               summary="Remove a link")
def remove_link(request: HttpRequest, deliverable_uuid: uuid.UUID, link_uuid: uuid.UUID):
    deliverable = deliverable_of(request, deliverable_uuid)
    attachments.link_remove(actor=actor_of(request), link=_part(deliverable, "links", link_uuid))
    return Status(204, None)


# Attachments -------------------------------------------------------------------------------


@router.post(ONE + "/attachments", response={201: DeliverableDetailOut}, auth=REQUIRED,
             summary="Upload a file (multipart/form-data, field `file`)",
             description="PDF, PNG, JPEG, CSV, text, Markdown, ODF text or spreadsheet, DOCX, "
                         "XLSX or ZIP, checked on content; at most ZWERM_ATTACHMENT_MAX_BYTES.")
def upload_attachment(request: HttpRequest, deliverable_uuid: uuid.UUID,
                      file: UploadedFile = File(...)):  # noqa: B008
    deliverable = deliverable_of(request, deliverable_uuid)
    attachments.attachment_add(actor=actor_of(request), deliverable=deliverable, upload=file)
    return Status(201, fresh_detail(request, deliverable))


@router.get(ONE + "/attachments/{attachment_uuid}", auth=OPTIONAL,
            url_name="deliverable_attachment_download",
            summary="Download a file (as an attachment, with its checked content type)")
def download_attachment(request: HttpRequest, deliverable_uuid: uuid.UUID,
                        attachment_uuid: uuid.UUID):
    deliverable = deliverable_of(request, deliverable_uuid)
    found = _part(deliverable, "attachments", attachment_uuid)
    if not permissions.can_view_attachment(actor_of(request).person, found):
        raise Http404
    return attachment_response(found)


@router.delete(ONE + "/attachments/{attachment_uuid}", response={204: None}, auth=REQUIRED,
               summary="Remove a file (uploader, owner organisation, facilitators)")
def remove_attachment(request: HttpRequest, deliverable_uuid: uuid.UUID,
                      attachment_uuid: uuid.UUID):
    deliverable = deliverable_of(request, deliverable_uuid)
    attachments.attachment_remove(actor=actor_of(request),
                                  attachment=_part(deliverable, "attachments", attachment_uuid))
    return Status(204, None)
