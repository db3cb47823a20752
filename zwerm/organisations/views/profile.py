"""Pages about an organisation's profile: directory, profile page, editing, offers and seeks."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zwerm.core.errors import DomainError
from zwerm.organisations import permissions, selectors, services
from zwerm.organisations.filters import OrganisationFilterForm
from zwerm.organisations.forms import EntryForm, OrganisationForm, add_domain_error
from zwerm.organisations.models import Organisation, ProfileEntry

PER_PAGE = 20


def _organisation(request, slug: str) -> Organisation:
    organisation = selectors.organisation_get(viewer=request.user, slug=slug)
    if organisation is None:
        raise Http404
    return organisation


def _editable(request, slug: str) -> Organisation:
    organisation = _organisation(request, slug)
    if organisation.is_merged:
        raise Http404
    if not permissions.can_edit(request.user, organisation):
        raise PermissionDenied
    return organisation


def directory(request):
    form = OrganisationFilterForm(request.GET)
    form.offer_theme_options()
    organisations = selectors.organisation_list(viewer=request.user, filters=form)
    page = Paginator(organisations, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "organisations/directory.html",
        {"form": form, "page_obj": page, "organisations": page.object_list},
    )


def organisation_detail(request, slug):
    organisation = _organisation(request, slug)
    if organisation.is_merged:
        target = organisation.merged_into
        while target.merged_into_id is not None:
            target = target.merged_into
        return redirect("organisations:detail", target.slug, permanent=True)
    role = permissions.role_in(request.user, organisation)
    context = {
        "organisation": organisation,
        "offers": selectors.entries_of(organisation, ProfileEntry.Kind.OFFER),
        "seeks": selectors.entries_of(organisation, ProfileEntry.Kind.SEEK),
        "people": selectors.organisation_people(viewer=request.user, organisation=organisation),
        "activities": selectors.organisation_activity(
            viewer=request.user, organisation=organisation
        )[:15],
        "role": role,
        "can_edit": permissions.can_edit(request.user, organisation),
        "can_manage_people": permissions.can_manage_people(request.user, organisation),
        "can_leave": role is not None,
    }
    return render(request, "organisations/organisation_detail.html", context)


@login_required
def organisation_create(request):
    form = OrganisationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(actor=request.actor, **form.changes())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request, _("%(name)s is on Zwerm. You act for it from now on.")
                % {"name": organisation.name},
            )
            return redirect("organisations:entries", organisation.slug)
    return render(request, "organisations/organisation_form.html", {"form": form})


@login_required
def organisation_edit(request, slug):
    organisation = _editable(request, slug)
    operator = permissions.can_verify(request.user)
    form = OrganisationForm(
        request.POST or None, request.FILES or None, operator=operator,
        initial=OrganisationForm.initial_for(organisation),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                actor=request.actor, organisation=organisation, **form.changes()
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The profile was saved."))
            return redirect("organisations:detail", organisation.slug)
    return render(
        request, "organisations/organisation_form.html",
        {"form": form, "organisation": organisation},
    )


@login_required
def entries(request, slug):
    """Manage what the organisation offers and seeks; the add form posts here."""
    organisation = _editable(request, slug)
    form = EntryForm(request.POST or None, initial={"kind": request.GET.get("kind", "offer")})
    if request.method == "POST" and form.is_valid():
        try:
            services.entry_create(
                actor=request.actor, organisation=organisation, **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Added."))
            return redirect("organisations:entries", organisation.slug)
    return render(
        request, "organisations/entries.html",
        {
            "organisation": organisation,
            "form": form,
            "offers": selectors.entries_of(organisation, ProfileEntry.Kind.OFFER),
            "seeks": selectors.entries_of(organisation, ProfileEntry.Kind.SEEK),
        },
    )


def _entry(request, slug: str, uuid) -> ProfileEntry:
    organisation = _editable(request, slug)
    entry = next((e for e in organisation.entries.all() if e.uuid == uuid), None)
    if entry is None:
        raise Http404
    return entry


@login_required
def entry_edit(request, slug, uuid):
    entry = _entry(request, slug, uuid)
    initial = {"kind": entry.kind, "title": entry.title, "description": entry.description}
    form = EntryForm(request.POST or None, initial=initial)
    form.fields["kind"].disabled = True
    if request.method == "POST" and form.is_valid():
        try:
            services.entry_update(
                actor=request.actor, entry=entry, title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("organisations:entries", slug)
    return render(
        request, "organisations/entry_form.html",
        {"organisation": entry.organisation, "entry": entry, "form": form},
    )


@login_required
@require_POST
def entry_delete(request, slug, uuid):
    entry = _entry(request, slug, uuid)
    try:
        services.entry_delete(actor=request.actor, entry=entry)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("“%(title)s” was removed.") % {"title": entry.title})
    return HttpResponseRedirect(reverse("organisations:entries", args=[slug]))


@login_required
@require_POST
def entry_move(request, slug, uuid):
    entry = _entry(request, slug, uuid)
    offset = -1 if request.POST.get("direction") == "up" else 1
    try:
        services.entry_move(actor=request.actor, entry=entry, offset=offset)
    except DomainError as error:
        messages.error(request, str(error.message))
    return HttpResponseRedirect(reverse("organisations:entries", args=[slug]) + f"#{entry.kind}s")
