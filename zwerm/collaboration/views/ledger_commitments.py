"""Pages of commitments: the list with promised versus delivered, making one (from a
select or prefilled from a panel link), one commitment, changing and releasing it, and
how organisations kept their commitments."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from zwerm.collaboration.permissions import ledger as permissions
from zwerm.collaboration.selectors import ledger as selectors
from zwerm.collaboration.services import ledger as services
from zwerm.collaboration.views.common import ecosystem_or_404, forbidden
from zwerm.collaboration.views.ledger_forms import (
    CommitmentEditForm,
    CommitmentFilterForm,
    CommitmentForm,
    ReleaseForm,
    add_domain_error,
)
from zwerm.collaboration.views.ledger_helpers import (
    choices_for,
    page_of,
)
from zwerm.core.errors import DomainError


def _with_progress(commitments):
    for commitment in commitments:
        commitment.progress = selectors.commitment_progress(commitment)
    return commitments


def commitment_list(request, ecosystem):
    ecosystem = ecosystem_or_404(request, ecosystem)
    organisations = choices_for(ecosystem)["organisations"]
    form = CommitmentFilterForm(request.GET or None, organisations=organisations)
    commitments = selectors.commitment_list(viewer=request.user, ecosystem=ecosystem,
                                            **form.selector_arguments())
    page_obj = page_of(request, commitments)
    _with_progress(page_obj.object_list)
    return render(request, "collaboration/ledger/commitments.html", {
        "ecosystem": ecosystem, "form": form, "page_obj": page_obj,
        "can_commit": permissions.can_commit(request.actor, ecosystem),
        "filtering": any(request.GET.get(k) for k in form.fields),
    })


def _commitment_or_404(request, ecosystem, commitment):
    found = selectors.commitment_detail(viewer=request.user, ecosystem=ecosystem,
                                        uuid=commitment)
    if found is None:
        raise Http404
    return found


@login_required
def commitment_new(request, ecosystem):
    ecosystem = ecosystem_or_404(request, ecosystem)
    if not permissions.can_commit(request.actor, ecosystem):
        return forbidden(request, _("Only people acting for an active member organisation can "
                                    "commit it."))
    targets = selectors.commitment_targets(ecosystem=ecosystem)
    initial = {}
    for kind in targets:
        if request.GET.get(kind):
            initial["target"] = f"{kind}:{request.GET[kind]}"
    form = CommitmentForm(request.POST or None, initial=initial, targets=targets)
    if request.method == "POST" and form.is_valid():
        try:
            commitment = services.commitment_make(
                actor=request.actor, ecosystem=ecosystem, type=form.cleaned_data["type"],
                quantity=form.cleaned_data["quantity"], unit=form.cleaned_data["unit"],
                due_on=form.cleaned_data["due_on"],
                description=form.cleaned_data["description"], **form.chosen_target())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your organisation's commitment has been recorded."))
            return redirect("collaboration:commitment_detail", ecosystem=ecosystem.slug,
                            commitment=commitment.uuid)
    return render(request, "collaboration/ledger/commit.html", {
        "ecosystem": ecosystem, "form": form, "organisation": request.actor.organisation})


def commitment_detail(request, ecosystem, commitment):
    ecosystem = ecosystem_or_404(request, ecosystem)
    found = _commitment_or_404(request, ecosystem, commitment)
    found.progress = selectors.commitment_progress(found)
    contributions = selectors.contribution_list(viewer=request.user, ecosystem=ecosystem,
                                                commitment=found)
    return render(request, "collaboration/ledger/commitment.html", {
        "ecosystem": ecosystem, "commitment": found, "contributions": contributions,
        "can_edit": permissions.can_edit_commitment(request.actor, found),
        "can_release": permissions.can_release(request.actor, found),
        "can_record": permissions.can_record_contribution(request.actor, ecosystem)
        and request.actor.organisation == found.organisation and found.state == "open",
        "release_form": ReleaseForm(),
    })


@login_required
def commitment_edit(request, ecosystem, commitment):
    ecosystem = ecosystem_or_404(request, ecosystem)
    found = _commitment_or_404(request, ecosystem, commitment)
    if not permissions.can_edit_commitment(request.actor, found):
        return forbidden(request, _("Only people of the committed organisation change an open "
                                    "commitment."))
    initial = {n: getattr(found, n) for n in ("quantity", "unit", "due_on", "description")}
    form = CommitmentEditForm(request.POST or None, initial=initial)
    release_form = ReleaseForm(request.POST if "reason" in request.POST else None)
    if request.method == "POST" and "reason" in request.POST:
        if release_form.is_valid():
            try:
                services.commitment_release(actor=request.actor, commitment=found,
                                            reason=release_form.cleaned_data["reason"])
            except DomainError as error:
                add_domain_error(release_form, error)
            else:
                messages.success(request, _("The commitment has been released."))
                return redirect("collaboration:commitment_detail", ecosystem=ecosystem.slug,
                                commitment=found.uuid)
        form = CommitmentEditForm(initial=initial)
    elif request.method == "POST" and form.is_valid():
        try:
            services.commitment_update(actor=request.actor, commitment=found,
                                       **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The commitment has been changed."))
            return redirect("collaboration:commitment_detail", ecosystem=ecosystem.slug,
                            commitment=found.uuid)
    return render(request, "collaboration/ledger/commitment_edit.html", {
        "ecosystem": ecosystem, "commitment": found, "form": form,
        "release_form": release_form,
        "can_release": permissions.can_release(request.actor, found),
        "handing_over": selectors.is_being_handed_over(found)})


def commitment_kept(request, ecosystem):
    ecosystem = ecosystem_or_404(request, ecosystem)
    return render(request, "collaboration/ledger/kept.html", {
        "ecosystem": ecosystem,
        "kept": selectors.kept_on_time_per_organisation(ecosystem=ecosystem)})
