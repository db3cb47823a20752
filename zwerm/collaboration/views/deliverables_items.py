"""Pages' actions on a deliverable's milestones, links and attachments (all POST but the
download), each calling one service and returning to the deliverable."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zwerm.collaboration.models import Attachment, Deliverable
from zwerm.collaboration.permissions import deliverables as permissions
from zwerm.collaboration.services import deliverables_attachments as attachments
from zwerm.collaboration.services import deliverables_milestones as milestones
from zwerm.collaboration.views.common import ecosystem_or_404, forbidden
from zwerm.collaboration.views.deliverables import (
    deliverable_or_404,
    detail_redirect,
    refused,
    render_detail,
)
from zwerm.collaboration.views.deliverables_forms import (
    AttachmentForm,
    LinkForm,
    MilestoneForm,
    MilestoneStateForm,
)
from zwerm.core.errors import DomainError
from zwerm.ecosystems.forms import add_domain_error


def _deliverable(request: HttpRequest, ecosystem: str, deliverable: Any) -> Deliverable:
    return deliverable_or_404(request, ecosystem_or_404(request, ecosystem), deliverable)


def _part(deliverable: Deliverable, related: str, uuid: Any) -> Any:
    """One of the deliverable's milestones, links or attachments (``related`` names which),
    from what the page loaded, or a 404."""
    found = next((entry for entry in getattr(deliverable, related).all() if entry.uuid == uuid),
                 None)
    if found is None:
        raise Http404
    found.deliverable = deliverable
    return found


def _flash_error(request: HttpRequest, error: DomainError) -> None:
    messages.error(request, str(error.message))


# Milestones --------------------------------------------------------------------------------


@login_required
@require_POST
def milestone_add(request: HttpRequest, ecosystem: str, deliverable: Any) -> HttpResponse:
    item = _deliverable(request, ecosystem, deliverable)
    form = MilestoneForm(request.POST, auto_id="id_m_%s")
    if form.is_valid():
        try:
            milestones.milestone_add(actor=request.actor, deliverable=item,
                                     title=form.cleaned_data["title"],
                                     due_on=form.cleaned_data["due_on"])
        except DomainError as error:
            if (response := refused(request, error)) is not None:
                return response
            add_domain_error(form, error)
        else:
            messages.success(request, _("The milestone has been added."))
            return detail_redirect(item, "milestones")
    return render_detail(request, item, milestone_form=form)


@login_required
def milestone_edit(request: HttpRequest, ecosystem: str, deliverable: Any,
                   milestone: Any) -> HttpResponse:
    item = _deliverable(request, ecosystem, deliverable)
    found = _part(item, "milestones", milestone)
    if not permissions.can_edit(request.user, item):
        return forbidden(request, _("Only the people of the owner organisation, the working "
                                    "group's lead and secretary, and the facilitators may "
                                    "change this deliverable."))
    form = MilestoneForm(request.POST or None,
                         initial={"title": found.title, "due_on": found.due_on})
    if request.method == "POST" and form.is_valid():
        try:
            milestones.milestone_update(actor=request.actor, milestone=found,
                                        title=form.cleaned_data["title"],
                                        due_on=form.cleaned_data["due_on"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The milestone has been saved."))
            return detail_redirect(item, "milestones")
    return render(request, "collaboration/deliverables/milestone_form.html",
                  {"ecosystem": item.ecosystem, "deliverable": item, "milestone": found,
                   "form": form})


@login_required
@require_POST
def milestone_state(request: HttpRequest, ecosystem: str, deliverable: Any,
                    milestone: Any) -> HttpResponse:
    item = _deliverable(request, ecosystem, deliverable)
    found = _part(item, "milestones", milestone)
    form = MilestoneStateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the offered states."))
        return detail_redirect(item, "milestones")
    try:
        milestones.milestone_state_set(actor=request.actor, milestone=found,
                                       state=form.cleaned_data["state"])
    except DomainError as error:
        _flash_error(request, error)
    else:
        messages.success(request, _("The milestone “%(title)s” is now: %(state)s.")
                         % {"title": found.title, "state": found.get_state_display()})
    return detail_redirect(item, "milestones")


@login_required
@require_POST
def milestone_move(request: HttpRequest, ecosystem: str, deliverable: Any,
                   milestone: Any) -> HttpResponse:
    item = _deliverable(request, ecosystem, deliverable)
    found = _part(item, "milestones", milestone)
    try:
        milestones.milestone_move(actor=request.actor, milestone=found,
                                  direction=request.POST.get("direction", ""))
    except DomainError as error:
        _flash_error(request, error)
    else:
        messages.success(request, _("The milestone has been moved."))
    return detail_redirect(item, "milestones")


@login_required
@require_POST
def milestone_remove(request: HttpRequest, ecosystem: str, deliverable: Any,
                     milestone: Any) -> HttpResponse:
    item = _deliverable(request, ecosystem, deliverable)
    found = _part(item, "milestones", milestone)
    try:
        milestones.milestone_remove(actor=request.actor, milestone=found)
    except DomainError as error:
        _flash_error(request, error)
    else:
        messages.success(request, _("The milestone has been removed."))
    return detail_redirect(item, "milestones")


# Links -------------------------------------------------------------------------------------


@login_required
@require_POST
def link_add(request: HttpRequest, ecosystem: str, deliverable: Any) -> HttpResponse:
    item = _deliverable(request, ecosystem, deliverable)
    form = LinkForm(request.POST, auto_id="id_l_%s")
    if form.is_valid():
        try:
            attachments.link_add(actor=request.actor, deliverable=item, **form.cleaned_data)
        except DomainError as error:
            if (response := refused(request, error)) is not None:
                return response
            add_domain_error(form, error)
        else:
            messages.success(request, _("The link has been added."))
            return detail_redirect(item, "outcome")
    return render_detail(request, item, link_form=form)


@login_required
@require_POST
def link_remove(request: HttpRequest, ecosystem: str, deliverable: Any,
                link: Any) -> HttpResponse:
    item = _deliverable(request, ecosystem, deliverable)
    found = _part(item, "links", link)
    try:
        attachments.link_remove(actor=request.actor, link=found)
    except DomainError as error:
        _flash_error(request, error)
    else:
        messages.success(request, _("The link has been removed."))
    return detail_redirect(item, "outcome")


# Attachments -------------------------------------------------------------------------------


@login_required
@require_POST
def attachment_add(request: HttpRequest, ecosystem: str, deliverable: Any) -> HttpResponse:
    item = _deliverable(request, ecosystem, deliverable)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachments.attachment_add(actor=request.actor, deliverable=item,
                                       upload=form.cleaned_data["file"])
        except DomainError as error:
            if (response := refused(request, error)) is not None:
                return response
            add_domain_error(form, error)
        else:
            messages.success(request, _("The file has been attached."))
            return detail_redirect(item, "files")
    return render_detail(request, item, attachment_form=form)


def attachment_download(request: HttpRequest, ecosystem: str, deliverable: Any,
                        attachment: Any) -> HttpResponse:
    """The file, only for those who may see the deliverable, never rendered in the page."""
    item = _deliverable(request, ecosystem, deliverable)
    found = _part(item, "attachments", attachment)
    if not permissions.can_view_attachment(request.user, found):
        raise Http404
    return attachment_response(found)


def attachment_response(attachment: Attachment) -> FileResponse:
    """Served as a download with its checked type; browsers may not guess another."""
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=attachment.name,
                            content_type=attachment.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def attachment_remove(request: HttpRequest, ecosystem: str, deliverable: Any,
                      attachment: Any) -> HttpResponse:
    item = _deliverable(request, ecosystem, deliverable)
    found = _part(item, "attachments", attachment)
    try:
        attachments.attachment_remove(actor=request.actor, attachment=found)
    except DomainError as error:
        _flash_error(request, error)
    else:
        messages.success(request, _("The file has been removed."))
    return detail_redirect(item, "files")
