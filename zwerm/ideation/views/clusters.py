"""The facilitators' page for clusters: by hand, or proposed by the assistant and judged."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zwerm.core.errors import DomainError
from zwerm.ideation import selectors, services
from zwerm.ideation.forms import ClusterForm, add_domain_error
from zwerm.ideation.models import Cluster
from zwerm.ideation.views._helpers import challenge_or_404, standing


def cluster_list(request, slug):
    challenge = challenge_or_404(request, slug)
    me = standing(request, challenge)
    ideas = selectors.vote_options(challenge=challenge)
    by_uuid = {str(i.uuid): i for i in ideas}
    clusters = list(selectors.cluster_list(challenge=challenge))
    for cluster in clusters:
        cluster.proposed = [by_uuid[u] for u in cluster.proposed_ideas if u in by_uuid]
    form = ClusterForm(request.POST or None, ideas=ideas)
    if request.method == "POST" and me.can_manage and form.is_valid():
        chosen = [by_uuid[u] for u in form.cleaned_data["ideas"]]
        try:
            services.cluster_create(actor=request.actor, challenge=challenge,
                                    name=form.cleaned_data["name"], ideas=chosen)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The cluster has been made."))
            return redirect("ideation:clusters", slug=challenge.slug)
    return render(request, "ideation/clusters.html", {
        "challenge": challenge, "me": me, "form": form,
        "people": [p for c in clusters for p in (c.created_by, c.decided_by) if p is not None],
        "proposed": [c for c in clusters if c.state == Cluster.State.PROPOSED],
        "accepted": [c for c in clusters if c.state == Cluster.State.ACCEPTED],
        "rejected": [c for c in clusters if c.state == Cluster.State.REJECTED],
        "unclustered": [i for i in ideas if i.cluster_id is None],
    })


@login_required
@require_POST
def cluster_propose(request, slug):
    challenge = challenge_or_404(request, slug)
    try:
        proposed = services.cluster_propose(actor=request.actor, challenge=challenge)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        if proposed:
            messages.success(request, _("The assistant proposes %(count)d clusters. Accept, "
                                        "edit or reject each.") % {"count": len(proposed)})
        else:
            messages.info(request, _("The assistant found no ideas that belong together."))
    return redirect("ideation:clusters", slug=challenge.slug)


@login_required
@require_POST
def cluster_decide(request, slug, cluster):
    challenge = challenge_or_404(request, slug)
    found = challenge.clusters.filter(uuid=cluster).first()
    if found is None:
        return redirect("ideation:clusters", slug=challenge.slug)
    try:
        name = request.POST.get("name", "").strip()
        if name and name != found.name and request.POST.get("decision") == "accept":
            found = services.cluster_update(actor=request.actor, cluster=found, name=name)
        services.cluster_decide(actor=request.actor, cluster=found,
                                accept=request.POST.get("decision") == "accept")
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Your decision has been saved."))
    return redirect("ideation:clusters", slug=challenge.slug)
