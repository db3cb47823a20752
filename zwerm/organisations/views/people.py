"""Pages about an organisation's people: invitations, roles, leaving, acting for."""

from __future__ import annotations

import uuid as uuid_lib

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zwerm.core.errors import DomainError
from zwerm.core.http import safe_next
from zwerm.core.text import single_stops
from zwerm.organisations import permissions, selectors, services
from zwerm.organisations.forms import InvitationForm, LeaveForm, RoleForm, add_domain_error
from zwerm.organisations.models import Organisation
from zwerm.organisations.views.profile import _organisation


def _managed(request, slug: str) -> Organisation:
    organisation = _organisation(request, slug)
    if organisation.is_merged:
        raise Http404
    if not permissions.can_manage_people(request.user, organisation):
        raise PermissionDenied
    return organisation


def _current_person(organisation: Organisation, uuid):
    return get_object_or_404(
        get_user_model(),
        uuid=uuid,
        organisation_memberships__organisation=organisation,
        organisation_memberships__left_at__isnull=True,
    )


@login_required
def people(request, slug):
    """The administrators' page: people and roles, invitations, the invite form."""
    organisation = _managed(request, slug)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_create(
                actor=request.actor, organisation=organisation, **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request, _("The invitation was sent to %(email)s.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("organisations:people", organisation.slug)
    return render(
        request, "organisations/people.html",
        {
            "organisation": organisation,
            "form": form,
            "people": selectors.organisation_people(
                viewer=request.user, organisation=organisation
            ),
            "invitations": selectors.organisation_invitations(
                organisation=organisation, open_only=True
            ),
            "role_form": RoleForm(),
        },
    )


@login_required
@require_POST
def member_role(request, slug, uuid):
    organisation = _managed(request, slug)
    person = _current_person(organisation, uuid)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            services.member_role_set(
                actor=request.actor, organisation=organisation, person=person,
                role=form.cleaned_data["role"],
            )
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("The role was changed."))
    else:
        messages.error(request, _("Choose one of the roles."))
    return HttpResponseRedirect(reverse("organisations:people", args=[slug]))


@login_required
@require_POST
def invitation_revoke(request, slug, uuid):
    organisation = _managed(request, slug)
    found = get_object_or_404(organisation.invitations, uuid=uuid)
    try:
        services.invitation_revoke(actor=request.actor, invitation=found)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The invitation was withdrawn."))
    return HttpResponseRedirect(reverse("organisations:people", args=[slug]))


def _leave_flow(request, organisation: Organisation, person, template_context: dict):
    """The shared flow of leaving and of removing someone: ask for a successor when needed."""
    needs = services.leave_requirements(organisation=organisation, person=person)
    form = LeaveForm(
        request.POST if request.method == "POST" else None, candidates=needs["candidates"],
        required=needs["needs_successor"],
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.member_leave(
                actor=request.actor, organisation=organisation, person=person,
                successor=form.chosen_successor(),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return None
    return render(
        request, "organisations/leave.html",
        {"organisation": organisation, "form": form, "needs": needs, **template_context},
    )


@login_required
def leave(request, slug):
    organisation = _organisation(request, slug)
    if organisation.is_merged or not permissions.can_leave(request.user, organisation):
        raise Http404
    response = _leave_flow(request, organisation, request.user, {"removing": False})
    if response is not None:
        return response
    messages.success(request, single_stops(_("You left %(name)s.") % {"name": organisation.name}))
    return redirect("organisations:detail", organisation.slug)


@login_required
def member_remove(request, slug, uuid):
    organisation = _managed(request, slug)
    person = _current_person(organisation, uuid)
    if person.pk == request.user.pk:
        return redirect("organisations:leave", organisation.slug)
    response = _leave_flow(request, organisation, person, {"removing": True, "person": person})
    if response is not None:
        return response
    messages.success(request, _("The person was removed from the organisation."))
    return redirect("organisations:people", organisation.slug)


def invitation(request, uuid):
    """The link in the invitation email: sign up or sign in, then accept here."""
    found = selectors.invitation_get(value=uuid)
    if found is None:
        raise Http404
    error = None
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        try:
            services.invitation_accept(actor=request.actor, invitation=found)
        except DomainError as exc:
            error = str(exc.message)
        else:
            welcome = (
                _("Welcome to %(name)s. You act for it from now on.")
                if request.user.acting_organisation_uuid == found.organisation.uuid
                else _("Welcome to %(name)s.")
            )
            messages.success(request, single_stops(welcome % {"name": found.organisation.name}))
            return redirect("organisations:detail", found.organisation.slug)
    return render(
        request, "organisations/invitation.html",
        {
            "invitation": found,
            "state": selectors.invitation_state(found),
            "error": error,
            "already_member": permissions.is_member(request.user, found.organisation),
        },
    )


@login_required
@require_POST
def act_for(request):
    try:
        key = uuid_lib.UUID(request.POST.get("organisation", ""))
    except ValueError:
        raise Http404 from None
    organisation = get_object_or_404(selectors.person_organisations(person=request.user), uuid=key)
    try:
        services.acting_organisation_set(actor=request.actor, organisation=organisation)
    except DomainError as error:
        messages.error(request, str(error.message))
    return HttpResponseRedirect(safe_next(request))
