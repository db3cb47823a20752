"""Pages about ecosystems themselves: the list, one ecosystem, editing, history and feed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from zwerm.core.errors import DomainError
from zwerm.core.selectors import activity_list
from zwerm.ecosystems import permissions, selectors, services
from zwerm.ecosystems.charter import LABELS
from zwerm.ecosystems.forms import CharterForm, EcosystemForm, SearchForm, add_domain_error
from zwerm.ecosystems.models import PRINCIPLES, Membership
from zwerm.ecosystems.views._helpers import (
    ecosystem_or_404,
    forbidden,
    label_people,
    standing,
)
from zwerm.organisations.models import Theme

PAGE_SIZE = 24


def ecosystem_list(request):
    themes = Theme.objects.filter(ecosystems__isnull=False).distinct().order_by("name")
    form = SearchForm(request.GET or None, themes=themes)
    query = theme = ""
    if form.is_valid():
        query, theme = form.cleaned_data["q"].strip(), form.cleaned_data["theme"]
    ecosystems = selectors.ecosystem_list(viewer=request.user, query=query, theme=theme)
    page = Paginator(ecosystems, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "ecosystems/ecosystem_list.html", {
        "form": form, "page_obj": page, "ecosystems": page.object_list,
        "searching": bool(query or theme),
        "can_create": permissions.can_create_ecosystem(request.actor),
    })


def ecosystem_detail(request, slug):
    ecosystem = ecosystem_or_404(request, slug)
    me = standing(request, ecosystem)
    members = list(selectors.ecosystem_members(ecosystem=ecosystem, viewer=request.user))
    roles = selectors.roles_with_people(ecosystem=ecosystem)
    label_people(request.user, roles["facilitator"] + roles["delegate"])
    delegates = {role.organisation_id: role for role in roles["delegate"]}
    for membership in members:
        membership.delegate = delegates.get(membership.organisation_id)
    by_state = {
        "members": [m for m in members if m.state == "active" and m.kind == "member"],
        "observers": [m for m in members if m.state == "active" and m.kind == "observer"],
        "paused": [m for m in members if m.state == "paused"],
        "pending": [m for m in members if m.state in ("requested", "invited")],
    }
    return render(request, "ecosystems/ecosystem_detail.html", {
        "ecosystem": ecosystem,
        "me": me,
        "groups": by_state,
        "facilitators": roles["facilitator"],
        "charter": [(p, LABELS[p], ecosystem.charter_text(p)) for p in PRINCIPLES],
        "activities": activity_list(viewer=request.user, ecosystem_uuid=ecosystem.uuid)[:8],
        "can_appoint_delegate": me.membership is not None
        and me.membership.kind == Membership.Kind.MEMBER
        and me.state in ("active", "paused")
        and permissions.can_appoint_delegate(request.user, me.membership.organisation),
    })


@login_required
def ecosystem_create(request):
    if not permissions.can_create_ecosystem(request.actor):
        return render(request, "ecosystems/ecosystem_cannot_create.html", status=403)
    form = EcosystemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ecosystem = services.ecosystem_create(actor=request.actor, **form.service_arguments())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The ecosystem has been started. Invite the first "
                                        "organisations to join."))
            return redirect("ecosystems:detail", slug=ecosystem.slug)
    return render(request, "ecosystems/ecosystem_form.html", {"form": form, "ecosystem": None})


@login_required
def ecosystem_edit(request, slug):
    ecosystem = ecosystem_or_404(request, slug)
    if not permissions.can_manage(request.user, ecosystem):
        return forbidden(request, _("Only the facilitators of this ecosystem may change it."))
    initial = {
        "name": ecosystem.name, "goal": ecosystem.goal, "description": ecosystem.description,
        "visibility": ecosystem.visibility, "join_policy": ecosystem.join_policy,
        "slug": ecosystem.slug,
        "themes": ", ".join(theme.name for theme in ecosystem.themes.all()),
    }
    form = EcosystemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            arguments = form.service_arguments()
            arguments["slug"] = arguments["slug"] or ecosystem.slug
            services.ecosystem_update(actor=request.actor, ecosystem=ecosystem, **arguments)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect("ecosystems:detail", slug=ecosystem.slug)
    return render(request, "ecosystems/ecosystem_form.html", {"form": form, "ecosystem": ecosystem})


@login_required
def ecosystem_charter(request, slug):
    ecosystem = ecosystem_or_404(request, slug)
    if not permissions.can_manage(request.user, ecosystem):
        return forbidden(request, _("Only the facilitators of this ecosystem may change it."))
    form = CharterForm(request.POST or None, ecosystem=ecosystem)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.charter_update(
                actor=request.actor, ecosystem=ecosystem, texts=form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            if changed:
                messages.success(request, _("The charter has been updated."))
            else:
                messages.info(request, _("Nothing in the charter changed."))
            return redirect("ecosystems:detail", slug=ecosystem.slug)
    return render(request, "ecosystems/charter_form.html", {"form": form, "ecosystem": ecosystem})


def ecosystem_history(request, slug):
    ecosystem = ecosystem_or_404(request, slug)
    events = selectors.membership_history(ecosystem=ecosystem)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "ecosystems/membership_history.html", {
        "ecosystem": ecosystem, "page_obj": page,
        "can_manage": permissions.can_manage(request.user, ecosystem),
        "show_reasons": permissions.can_see_reasons(request.user, ecosystem),
    })


def ecosystem_activity(request, slug):
    ecosystem = ecosystem_or_404(request, slug)
    activities = activity_list(viewer=request.user, ecosystem_uuid=ecosystem.uuid)
    page = Paginator(activities, 30).get_page(request.GET.get("page"))
    return render(request, "ecosystems/ecosystem_activity.html", {
        "ecosystem": ecosystem, "page_obj": page, "activities": page.object_list,
        "can_manage": permissions.can_manage(request.user, ecosystem),
    })
