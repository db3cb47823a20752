"""Writes about a deliverable's outcome: links to it, and files attached to it.

Uploads are checked on their content (``deliverables_files.sniff``) and size, stored under a
random name so the storage path reveals nothing, and served only through a view that checks
who may see the deliverable.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from zwerm.collaboration.models import Attachment, Deliverable, DeliverableLink
from zwerm.collaboration.permissions import deliverables as permissions
from zwerm.collaboration.services.common import clean_text, require_person
from zwerm.collaboration.services.deliverables import (
    TITLE_MAX,
    lock,
    require_edit,
    require_view,
)
from zwerm.collaboration.services.deliverables_files import ALLOWED_EXTENSIONS, sniff
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed

URL_MAX = 500
NAME_MAX = 200
_url_validator = URLValidator(schemes=["http", "https"])


# Links -------------------------------------------------------------------------------------


@transaction.atomic
def link_add(
    *, actor: Actor, deliverable: Deliverable, kind: str, url: str, title: str = ""
) -> DeliverableLink:
    """Point to the real outcome: a document, repository, API, dataset or website."""
    deliverable = lock(deliverable)
    require_edit(actor, deliverable)
    if kind not in DeliverableLink.Kind.values:
        raise ValidationFailed(_("Choose one of the offered kinds of link."), field="kind")
    url = clean_text(url, field="url", label=_("address"), required=True, max_length=URL_MAX)
    try:
        _url_validator(url)
    except ValidationError:
        raise ValidationFailed(
            _("Enter a full web address starting with http:// or https://."), field="url"
        ) from None
    title = clean_text(title, field="title", label=_("title"), required=False,
                       max_length=TITLE_MAX)
    if deliverable.links.filter(url=url).exists():
        raise Conflict(_("This deliverable already links to this address."), field="url")
    link = DeliverableLink.objects.create(deliverable=deliverable, kind=kind, url=url,
                                          title=title)
    record(verb="collaboration.deliverable_link.added", actor=actor, subject=link,
           ecosystem=deliverable.ecosystem, organisation=actor.organisation,
           payload={"deliverable": str(deliverable.uuid), "kind": kind, "url": url})
    return link


@transaction.atomic
def link_remove(*, actor: Actor, link: DeliverableLink) -> None:
    deliverable = lock(link.deliverable)
    require_edit(actor, deliverable)
    record(verb="collaboration.deliverable_link.removed", actor=actor, subject=link,
           ecosystem=deliverable.ecosystem, organisation=actor.organisation,
           payload={"deliverable": str(deliverable.uuid), "kind": link.kind, "url": link.url})
    link.delete()


# Attachments -------------------------------------------------------------------------------


def _display_name(name: str) -> str:
    """The original name without any path, shortened (keeping its extension) to fit."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip() or "file"
    if len(base) <= NAME_MAX:
        return base
    stem, dot, extension = base.rpartition(".")
    if not dot or len(extension) > 10:
        return base[:NAME_MAX]
    return f"{stem[:NAME_MAX - len(extension) - 1]}.{extension}"


def _read(upload: Any, limit: int) -> bytes:
    """The upload's bytes, refusing empty and too large files before reading too much."""
    megabytes = max(1, limit // (1024 * 1024))
    too_large = ValidationFailed(
        _("A file may be at most %(size)d MB.") % {"size": megabytes}, field="file",
        code="too_large",
    )
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise too_large
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read(limit + 1)
    if not data:
        raise ValidationFailed(_("The file is empty."), field="file", code="empty")
    if len(data) > limit:
        raise too_large
    return data


@transaction.atomic
def attachment_add(*, actor: Actor, deliverable: Deliverable, upload: Any) -> Attachment:
    """Attach a file whose content is on the allow-list and whose size is within the limit."""
    deliverable = lock(deliverable)
    require_edit(actor, deliverable)
    if upload is None:
        raise ValidationFailed(_("Choose a file to upload."), field="file")
    name = _display_name(getattr(upload, "name", ""))
    data = _read(upload, settings.ZWERM_ATTACHMENT_MAX_BYTES)
    kind = sniff(data, name)
    if kind is None:
        raise ValidationFailed(
            _("This type of file is not accepted, or its content does not match its name. "
              "Upload a PDF, PNG, JPEG, CSV, text, Markdown, ODF text or spreadsheet, DOCX, "
              "XLSX or ZIP file (%(extensions)s).")
            % {"extensions": ", ".join(ALLOWED_EXTENSIONS)},
            field="file", code="file_type",
        )
    attachment = Attachment(
        deliverable=deliverable, name=name, content_type=kind.content_type, size=len(data),
        uploaded_by=actor.person,
    )
    attachment.file.save(f"{uuid.uuid4().hex}.{kind.extension}", ContentFile(data), save=False)
    stored = attachment.file.name
    try:
        attachment.save()
        record(verb="collaboration.attachment.added", actor=actor, subject=attachment,
               ecosystem=deliverable.ecosystem, organisation=actor.organisation,
               payload={"deliverable": str(deliverable.uuid), "content_type": kind.content_type,
                        "size": len(data)})
    except Exception:
        attachment.file.storage.delete(stored)
        raise
    return attachment


@transaction.atomic
def attachment_remove(*, actor: Actor, attachment: Attachment) -> None:
    """The uploader, the owner organisation's people or a facilitator removes a file; the
    stored file goes once the removal is committed."""
    require_person(actor)
    deliverable = lock(attachment.deliverable)
    attachment.deliverable = deliverable
    require_view(actor, deliverable)
    if not actor.is_system and not permissions.can_remove_attachment(actor, attachment):
        raise NotAllowed(_("Only the uploader, the owner organisation and the facilitators "
                           "may remove this file."), code="not_allowed")
    stored, storage = attachment.file.name, attachment.file.storage
    record(verb="collaboration.attachment.removed", actor=actor, subject=attachment,
           ecosystem=deliverable.ecosystem, organisation=actor.organisation,
           payload={"deliverable": str(deliverable.uuid)})
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(stored))
