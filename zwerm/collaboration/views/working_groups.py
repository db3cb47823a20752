"""Pages of working groups: list, start, detail with thread, edit, roles, archive, join/leave.

Thin: find what the viewer may see (404 otherwise), call one service, redirect or re-render
with the service's error on the form.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zwerm.collaboration.models import WorkingGroup, WorkingGroupMember
from zwerm.collaboration.permissions import working_groups as permissions
from zwerm.collaboration.selectors import working_groups as selectors
from zwerm.collaboration.services import working_groups as services
from zwerm.collaboration.services import working_groups_posts as post_services
from zwerm.collaboration.services import working_groups_roles as role_services
from zwerm.collaboration.views.common import ecosystem_or_404, forbidden, redirect_to
from zwerm.collaboration.views.working_groups_forms import (
    ArchiveForm,
    HandOverForm,
    PostForm,
    StepDownForm,
    WorkingGroupForm,
)
from zwerm.core.errors import DomainError
from zwerm.ecosystems.forms import add_domain_error


def _group(request, ecosystem_slug: str, slug: str) -> WorkingGroup:
    ecosystem = ecosystem_or_404(request, ecosystem_slug)
    group = selectors.working_group_detail(ecosystem=ecosystem, slug=slug, viewer=request.user)
    if group is None:
        raise Http404
    return group


def _to_detail(group: WorkingGroup, anchor: str = "") -> HttpResponse:
    return redirect_to("collaboration:wg_detail", anchor=anchor,
                       ecosystem=group.ecosystem.slug, slug=group.slug)


def wg_list(request, ecosystem):
    """Every group of the ecosystem, open ones first, archived ones after."""
    ecosystem = ecosystem_or_404(request, ecosystem)
    groups = list(selectors.working_groups_of(ecosystem=ecosystem, viewer=request.user))
    return render(request, "collaboration/working_groups/list.html", {
        "ecosystem": ecosystem,
        "active_groups": [g for g in groups if not g.is_archived],
        "archived_groups": [g for g in groups if g.is_archived],
        "can_start": permissions.can_start(request.actor, ecosystem),
        "can_manage": permissions.can_manage(request.user, ecosystem),
        "roles": [g_role for g in groups for g_role in g.current_roles],
    })


@login_required
def wg_create(request, ecosystem):
    ecosystem = ecosystem_or_404(request, ecosystem)
    if not permissions.can_start(request.actor, ecosystem):
        return forbidden(request, _("Only people acting for an active member organisation of "
                                     "this ecosystem start working groups."))
    form = WorkingGroupForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                group = services.working_group_start(actor=request.actor, ecosystem=ecosystem,
                                                     **form.cleaned_data)
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The working group has started. You are its lead."))
                return _to_detail(group)
        status = 422
    return render(request, "collaboration/working_groups/form.html", {
        "ecosystem": ecosystem, "form": form, "group": None}, status=status)


def _standing(request, group: WorkingGroup) -> dict[str, Any]:
    person = request.user if request.user.is_authenticated else None
    mine = next((m for m in group.member_list if person is not None and m.person_id == person.pk
                 and m.state in (WorkingGroupMember.State.ACTIVE,
                                 WorkingGroupMember.State.REQUESTED)), None)
    return {
        "membership": mine,
        "can_edit": permissions.can_edit(request.user, group),
        "can_archive": permissions.can_archive(request.user, group),
        "can_unarchive": permissions.can_unarchive(request.user, group),
        "can_join": mine is None and permissions.can_join(request.actor, group),
        "can_post": mine is not None and mine.state == WorkingGroupMember.State.ACTIVE
        and not group.is_archived,
        "can_announce": permissions.can_announce(request.user, group),
        "can_manage_roles": permissions.can_manage_roles(request.user, group) or (
            mine is not None and mine.state == WorkingGroupMember.State.ACTIVE
            and not group.is_archived),
        "can_answer": permissions.can_answer_requests(request.user, group),
        "can_moderate": permissions.can_manage(request.user, group.ecosystem),
    }


def wg_detail(request, ecosystem, slug):
    """The group: purpose, other parts' sections, members, roles and the thread."""
    return _render_detail(request, _group(request, ecosystem, slug))


def _render_detail(request, group: WorkingGroup, post_form: PostForm | None = None,
                   status: int = 200) -> HttpResponse:
    me = _standing(request, group)
    holders = selectors.role_holders(group)
    people = [m.person for m in group.member_list] + [r.person for r in group.role_history] + [
        p.author for post in group.thread for p in [post, *post.replies.all()] if p.author]
    return render(request, "collaboration/working_groups/detail.html", {
        "ecosystem": group.ecosystem, "group": group, "me": me, "holders": holders,
        "holders_count": len(group.current_roles), "people": people,
        "active_members": [m for m in group.member_list
                           if m.state == WorkingGroupMember.State.ACTIVE],
        "left_members": [m for m in group.member_list
                         if m.state == WorkingGroupMember.State.LEFT],
        "requests": selectors.pending_requests(group) if me["can_answer"] else [],
        "post_form": post_form or PostForm(can_announce=me["can_announce"]),
        "user_id": request.user.pk if request.user.is_authenticated else None,
    }, status=status)


@login_required
def wg_edit(request, ecosystem, slug):
    group = _group(request, ecosystem, slug)
    if not permissions.can_edit(request.user, group):
        return forbidden(request, _("Only the lead, the secretary or a facilitator edits this "
                                     "group, and only while it is not archived."))
    initial = {field: getattr(group, field) for field in
               ("name", "purpose", "description", "join_policy", "rotation_months")}
    form = WorkingGroupForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.working_group_update(actor=request.actor, working_group=group,
                                              **form.cleaned_data)
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The working group has been updated."))
                return _to_detail(group)
        status = 422
    return render(request, "collaboration/working_groups/form.html", {
        "ecosystem": group.ecosystem, "form": form, "group": group}, status=status)


@login_required
def wg_archive(request, ecosystem, slug):
    group = _group(request, ecosystem, slug)
    if not permissions.can_archive(request.user, group):
        return forbidden(request, _("Only the lead or a facilitator archives this group."))
    form = ArchiveForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.working_group_archive(actor=request.actor, working_group=group,
                                               reason=form.cleaned_data["reason"])
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The working group has been archived. It stays "
                                            "visible, read-only."))
                return _to_detail(group)
        status = 422
    return render(request, "collaboration/working_groups/archive.html", {
        "ecosystem": group.ecosystem, "group": group, "form": form}, status=status)


def _act(request, group: WorkingGroup, action, success: str, anchor: str = "") -> HttpResponse:
    """Run one service; its error becomes a message on the group's page."""
    try:
        action()
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, success)
    return _to_detail(group, anchor)


@login_required
@require_POST
def wg_unarchive(request, ecosystem, slug):
    group = _group(request, ecosystem, slug)
    return _act(request, group, lambda: services.working_group_unarchive(
        actor=request.actor, working_group=group), _("The working group has been reopened."))


@login_required
@require_POST
def wg_join(request, ecosystem, slug):
    group = _group(request, ecosystem, slug)
    success = (_("Welcome: you have joined the working group.")
               if group.join_policy == WorkingGroup.JoinPolicy.OPEN
               else _("Your request has been sent to the lead and the secretary."))
    return _act(request, group, lambda: services.working_group_join(
        actor=request.actor, working_group=group), success)


@login_required
@require_POST
def wg_leave(request, ecosystem, slug):
    group = _group(request, ecosystem, slug)
    return _act(request, group, lambda: services.working_group_leave(
        actor=request.actor, working_group=group), _("You have left the working group."))


@login_required
@require_POST
def wg_answer(request, ecosystem, slug, member):
    group = _group(request, ecosystem, slug)
    found = selectors.member_by_uuid(group, member)
    if found is None:
        raise Http404
    accept = request.POST.get("answer") == "accept"
    success = _("The request has been accepted.") if accept else _(
        "The request has been declined.")
    return _act(request, group, lambda: services.working_group_answer_request(
        actor=request.actor, member=found, accept=accept, reason=request.POST.get("reason", "")),
        success, "requests")


@login_required
def wg_roles(request, ecosystem, slug):
    """Hand a role over or step down; the page also shows each role's full history."""
    group = _group(request, ecosystem, slug)
    members = [m for m in group.member_list if m.state == WorkingGroupMember.State.ACTIVE]
    action = request.POST.get("action") if request.method == "POST" else None
    hand_over = HandOverForm(request.POST if action == "hand_over" else None, members=members)
    step_down = StepDownForm(request.POST if action == "step_down" else None,
                             prefix="step")
    status = 200
    if action in ("hand_over", "step_down"):
        form = hand_over if action == "hand_over" else step_down
        if form.is_valid():
            data = form.cleaned_data
            try:
                if action == "hand_over":
                    to_member = next(m for m in members if str(m.uuid) == data["to_member"])
                    role_services.role_hand_over(
                        actor=request.actor, working_group=group, role=data["role"],
                        to_member=to_member, reason=data["reason"])
                else:
                    role_services.role_step_down(actor=request.actor, working_group=group,
                                                 role=data["role"], reason=data["reason"])
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The role has been handed over.")
                                 if action == "hand_over" else _("The role is now vacant."))
                return _to_detail(group, "roles")
        status = 422
    me = _standing(request, group)
    return render(request, "collaboration/working_groups/roles.html", {
        "ecosystem": group.ecosystem, "group": group, "me": me, "hand_over": hand_over,
        "step_down": step_down, "holders": selectors.role_holders(group),
        "people": [r.person for r in group.role_history],
    }, status=status)


@login_required
@require_POST
def wg_post(request, ecosystem, slug):
    group = _group(request, ecosystem, slug)
    reply_to = None
    if request.POST.get("reply_to"):
        reply_to = selectors.post_by_uuid(group, request.POST["reply_to"])
        if reply_to is None:
            messages.error(request, _("Reply to a message of this working group."))
            return _to_detail(group, "thread")
    form = PostForm(request.POST, can_announce=permissions.can_announce(request.user, group))
    if form.is_valid():
        try:
            post = post_services.post_create(
                actor=request.actor, working_group=group, body=form.cleaned_data["body"],
                reply_to=reply_to, announcement=form.cleaned_data.get("announcement", False))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your message has been posted."))
            return _to_detail(group, f"post-{post.uuid}")
    if reply_to is not None:
        messages.error(request, form.errors.get("body", [_("Write a reply first.")])[0])
        return _to_detail(group, f"post-{reply_to.uuid}")
    return _render_detail(request, group, post_form=form, status=422)


@login_required
@require_POST
def wg_post_delete(request, ecosystem, slug, post):
    group = _group(request, ecosystem, slug)
    found = selectors.post_by_uuid(group, post)
    if found is None:
        raise Http404
    return _act(request, group, lambda: post_services.post_delete(actor=request.actor,
                                                                  post=found),
                _("The message has been deleted."), "thread")


@login_required
def wg_from_initiative(request, ecosystem, initiative):
    """Turn a started initiative into a working group, prefilled from the initiative."""
    ecosystem = ecosystem_or_404(request, ecosystem)
    found = selectors.initiative_in(ecosystem=ecosystem, uuid=initiative)
    if found is None:
        raise Http404
    existing = selectors.group_of_initiative(found)
    if existing is not None:
        return _to_detail(existing)
    if not permissions.can_start_from_initiative(request.actor, found):
        return forbidden(request, _("Only a facilitator or someone of a committed "
                                     "organisation turns a started initiative into a working "
                                     "group."))
    form = WorkingGroupForm(request.POST or None, initial={
        "name": found.title, "purpose": (found.description or found.title)[:2000],
        "description": found.description, "join_policy": WorkingGroup.JoinPolicy.OPEN})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                group = post_services.working_group_from_initiative(
                    actor=request.actor, initiative=found, **form.cleaned_data)
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The initiative is now a working group; its "
                                            "committed organisations are members."))
                return _to_detail(group)
        status = 422
    return render(request, "collaboration/working_groups/form.html", {
        "ecosystem": ecosystem, "form": form, "group": None, "initiative": found},
        status=status)
