"""Pages of deliverables: the boards, adding and editing, the detail page and its state."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zwerm.collaboration.models import Deliverable, Milestone, WorkingGroup
from zwerm.collaboration.permissions import can_manage
from zwerm.collaboration.permissions import deliverables as permissions
from zwerm.collaboration.selectors import deliverables as selectors
from zwerm.collaboration.services import deliverables as services
from zwerm.collaboration.services.deliverables import TRANSITIONS
from zwerm.collaboration.views.common import ecosystem_or_404, forbidden, redirect_to
from zwerm.collaboration.views.deliverables_forms import (
    AttachmentForm,
    DeliverableForm,
    LinkForm,
    MilestoneForm,
    StateForm,
)
from zwerm.core.errors import DomainError, NotAllowed
from zwerm.ecosystems.forms import add_domain_error
from zwerm.ecosystems.models import Ecosystem
from zwerm.organisations.models import Organisation


def deliverable_or_404(request: HttpRequest, ecosystem: Ecosystem, uuid: Any) -> Deliverable:
    deliverable = selectors.deliverable_detail(viewer=request.user, ecosystem=ecosystem,
                                               uuid=uuid)
    if deliverable is None:
        raise Http404
    return deliverable


def refused(request: HttpRequest, error: DomainError) -> HttpResponse | None:
    """Someone who may not do this gets the not-allowed page, not a form they cannot use."""
    if isinstance(error, NotAllowed):
        return forbidden(request, str(error.message))
    return None


def detail_redirect(deliverable: Deliverable, anchor: str = "") -> HttpResponse:
    return redirect_to("collaboration:deliverable_detail", anchor=anchor,
                       ecosystem=deliverable.ecosystem.slug, deliverable=deliverable.uuid)


# Boards ------------------------------------------------------------------------------------


def _board_context(request: HttpRequest, ecosystem: Ecosystem,
                   working_group: WorkingGroup | None) -> dict[str, Any]:
    filters = selectors.BoardFilters.from_params(ecosystem, request.GET)
    if working_group is not None:
        filters.working_group = working_group
    items = list(selectors.deliverables_of(
        ecosystem=ecosystem, viewer=request.user, working_group=filters.working_group,
        owner=filters.owner, state=filters.state, overdue=filters.overdue,
    ))
    return {
        "ecosystem": ecosystem, "working_group": working_group, "filters": filters,
        "columns": selectors.board_columns(items), "count": len(items),
        "overdue_count": sum(1 for d in items if d.is_overdue),
        "groups": list(selectors.working_group_choices(ecosystem=ecosystem)),
        "owners": list(selectors.board_owners(ecosystem=ecosystem)),
        "states": Deliverable.State.choices,
        "can_create": permissions.can_create(request.actor, ecosystem, working_group),
        "can_manage": can_manage(request.user, ecosystem),
    }


def deliverable_board(request: HttpRequest, ecosystem: str) -> HttpResponse:
    """The ecosystem's deliverables by state; overdue ones stand out."""
    found = ecosystem_or_404(request, ecosystem)
    return render(request, "collaboration/deliverables/board.html",
                  _board_context(request, found, None))


def deliverable_group_board(request: HttpRequest, ecosystem: str,
                            working_group: str) -> HttpResponse:
    """One working group's deliverables by state."""
    found = ecosystem_or_404(request, ecosystem)
    group = WorkingGroup.objects.filter(ecosystem=found, slug=working_group).first()
    if group is None:
        raise Http404
    group.ecosystem = found
    context = _board_context(request, found, group)
    context["group_url"] = selectors.working_group_url(group)
    return render(request, "collaboration/deliverables/board.html", context)


# Adding and editing ------------------------------------------------------------------------


def _ownable(request: HttpRequest, ecosystem: Ecosystem) -> list[Organisation]:
    """The owner drop-down lists only organisations the person may make owner."""
    allowed = permissions.ownable_ids(request.actor, ecosystem)
    return [organisation for organisation in selectors.owner_choices(ecosystem=ecosystem)
            if allowed is None or organisation.pk in allowed]


@login_required
def deliverable_create(request: HttpRequest, ecosystem: str) -> HttpResponse:
    found = ecosystem_or_404(request, ecosystem)
    if not permissions.can_create(request.actor, found):
        return forbidden(request, _("Act for an active member organisation of this ecosystem "
                                    "to add a deliverable."))
    owners = _ownable(request, found)
    groups = list(selectors.working_group_choices(ecosystem=found, open_only=True))
    initial = {"working_group": request.GET.get("working_group", "")}
    if request.actor.organisation is not None:
        initial["owner"] = str(request.actor.organisation.uuid)
    form = DeliverableForm(request.POST or None, owners=owners, groups=groups, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            deliverable = services.deliverable_create(
                actor=request.actor, ecosystem=found, **form.service_arguments())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The deliverable has been added. Add its milestones "
                                        "next."))
            return detail_redirect(deliverable)
    return render(request, "collaboration/deliverables/form.html",
                  {"ecosystem": found, "form": form, "deliverable": None})


@login_required
def deliverable_edit(request: HttpRequest, ecosystem: str, deliverable: Any) -> HttpResponse:
    found = ecosystem_or_404(request, ecosystem)
    item = deliverable_or_404(request, found, deliverable)
    if not permissions.can_edit(request.user, item):
        return forbidden(request, _("Only the people of the owner organisation, the working "
                                    "group's lead and secretary, and the facilitators may "
                                    "change this deliverable."))
    owners = _ownable(request, found)
    if item.owner not in owners:
        owners.insert(0, item.owner)
    groups = list(selectors.working_group_choices(ecosystem=found, open_only=True))
    if item.working_group is not None and item.working_group not in groups:
        groups.insert(0, item.working_group)
    initial = {
        "title": item.title, "description": item.description, "owner": str(item.owner.uuid),
        "working_group": item.working_group.slug if item.working_group else "",
        "due_on": item.due_on,
    }
    form = DeliverableForm(request.POST or None, owners=owners, groups=groups, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.deliverable_update(actor=request.actor, deliverable=item,
                                        **form.service_arguments())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The deliverable has been saved."))
            return detail_redirect(item)
    return render(request, "collaboration/deliverables/form.html",
                  {"ecosystem": found, "form": form, "deliverable": item})


# The detail page ---------------------------------------------------------------------------


def state_form(deliverable: Deliverable, data: Any = None) -> StateForm:
    form = StateForm(data)
    allowed = TRANSITIONS[deliverable.state]
    form.fields["state"].choices = [
        (value, label) for value, label in Deliverable.State.choices if value in allowed
    ]
    return form


def render_detail(request: HttpRequest, deliverable: Deliverable, status: int = 200,
                  **forms: Any) -> HttpResponse:
    """The deliverable page; a form that failed comes back bound, with its errors."""
    user = request.user
    can_edit = permissions.can_edit(user, deliverable)
    remove_any = permissions.can_remove_attachments_of(user, deliverable)
    attachments = list(deliverable.attachments.all())
    for attachment in attachments:
        attachment.removable = remove_any or (
            user.is_authenticated and attachment.uploaded_by_id == user.pk)
    milestones = list(deliverable.milestones.all())
    context = {
        "ecosystem": deliverable.ecosystem, "deliverable": deliverable,
        "milestones": milestones, "links": list(deliverable.links.all()),
        "attachments": attachments, "trail": selectors.trail_of(deliverable, user),
        "can_edit": can_edit, "can_manage": can_manage(user, deliverable.ecosystem),
        "done_count": sum(1 for m in milestones if m.state == "done"),
        "milestone_states": Milestone.State.choices,
        "state_form": forms.get("state_form") or state_form(deliverable),
        "milestone_form": forms.get("milestone_form") or MilestoneForm(auto_id="id_m_%s"),
        "link_form": forms.get("link_form") or LinkForm(auto_id="id_l_%s"),
        "attachment_form": forms.get("attachment_form") or AttachmentForm(),
    }
    return render(request, "collaboration/deliverables/detail.html", context, status=status)


def deliverable_detail(request: HttpRequest, ecosystem: str, deliverable: Any) -> HttpResponse:
    found = ecosystem_or_404(request, ecosystem)
    return render_detail(request, deliverable_or_404(request, found, deliverable))


@login_required
@require_POST
def deliverable_state(request: HttpRequest, ecosystem: str, deliverable: Any) -> HttpResponse:
    found = ecosystem_or_404(request, ecosystem)
    item = deliverable_or_404(request, found, deliverable)
    form = state_form(item, request.POST)
    if form.is_valid():
        try:
            services.deliverable_state_set(actor=request.actor, deliverable=item,
                                           state=form.cleaned_data["state"],
                                           reason=form.cleaned_data["reason"])
        except DomainError as error:
            if (response := refused(request, error)) is not None:
                return response
            add_domain_error(form, error)
        else:
            messages.success(request, _("The state of the deliverable has been changed."))
            return detail_redirect(item)
    return render_detail(request, item, state_form=form)
