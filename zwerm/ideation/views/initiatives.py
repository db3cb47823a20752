"""Pages about initiatives: selecting them, and organisations committing to them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zwerm.core.errors import DomainError
from zwerm.ideation import permissions, selectors, services
from zwerm.ideation.forms import CommitmentForm, SelectForm, add_domain_error
from zwerm.ideation.models import Cluster, Phase
from zwerm.ideation.views._helpers import challenge_or_404, standing


def initiative_list(request, slug):
    challenge = challenge_or_404(request, slug)
    me = standing(request, challenge)
    ideas = selectors.vote_options(challenge=challenge)
    clusters = list(selectors.cluster_list(challenge=challenge,
                                           states=(Cluster.State.ACCEPTED,)))
    form = SelectForm(request.POST or None, ideas=ideas, clusters=clusters)
    if request.method == "POST" and form.is_valid():
        kind, _sep, key = form.cleaned_data["source"].partition(":")
        idea = next((i for i in ideas if str(i.uuid) == key), None) if kind == "idea" else None
        cluster = next((c for c in clusters if str(c.uuid) == key), None) if (
            kind == "cluster") else None
        try:
            services.initiative_select(actor=request.actor, challenge=challenge, idea=idea,
                                       cluster=cluster, title=form.cleaned_data["title"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The initiative has been selected. Organisations can "
                                        "now commit to it."))
            return redirect("ideation:initiatives", slug=challenge.slug)
    initiatives = list(selectors.initiative_list(challenge=challenge))
    organisation = request.actor.organisation if request.user.is_authenticated else None
    for initiative in initiatives:
        initiative.progress = min(100, initiative.commitment_count * 100 // initiative.threshold)
        initiative.mine = organisation is not None and any(
            c.organisation_id == organisation.pk for c in initiative.commitments.all())
    return render(request, "ideation/initiatives.html", {
        "challenge": challenge, "me": me, "form": form, "initiatives": initiatives,
        "commit_form": CommitmentForm(),
        "can_commit": challenge.phase == Phase.SELECT and me.can_participate
        and permissions.can_commit_for(request.user, organisation),
        "organisation": organisation,
    })


@login_required
@require_POST
def initiative_commit(request, slug, initiative):
    challenge = challenge_or_404(request, slug)
    found = challenge.initiatives.filter(uuid=initiative).first()
    if found is None:
        return redirect("ideation:initiatives", slug=challenge.slug)
    form = CommitmentForm(request.POST)
    if request.POST.get("withdraw"):
        try:
            services.commitment_withdraw(actor=request.actor, initiative=found)
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("Your organisation's commitment has been withdrawn."))
    elif form.is_valid():
        try:
            services.commitment_make(actor=request.actor, initiative=found,
                                     text=form.cleaned_data["text"])
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("Your organisation's commitment has been recorded."))
    else:
        messages.error(request, _("Say what your organisation commits."))
    return redirect("ideation:initiatives", slug=challenge.slug)
