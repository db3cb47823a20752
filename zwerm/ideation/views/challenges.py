"""Pages about challenges themselves: the list, one challenge, starting, editing, phases."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zwerm.core.errors import DomainError
from zwerm.core.selectors import activity_list
from zwerm.ecosystems.models import Ecosystem
from zwerm.ecosystems.selectors import (
    candidate_facilitators,
    person_memberships,
    visible_ecosystem,
)
from zwerm.ideation import permissions, selectors, services
from zwerm.ideation.forms import ChallengeForm, PhaseForm, add_domain_error
from zwerm.ideation.models import Phase
from zwerm.ideation.models.challenges import PHASE_ORDER, PHASE_STARTS
from zwerm.ideation.views._helpers import challenge_or_404, forbidden, standing

PAGE_SIZE = 24


def challenge_list(request):
    query = request.GET.get("q", "").strip()[:200]
    phase = request.GET.get("phase", "")
    ecosystem = None
    if request.GET.get("ecosystem"):
        ecosystem = visible_ecosystem(viewer=request.user, slug=request.GET["ecosystem"][:80])
    challenges = selectors.challenge_list(viewer=request.user, query=query, ecosystem=ecosystem)
    if phase in Phase.values:
        challenges = selectors.filter_phase(challenges, phase)
    page = Paginator(challenges, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "ideation/challenge_list.html", {
        "page_obj": page, "challenges": page.object_list, "query": query, "phase": phase,
        "phases": Phase.choices, "searching": bool(query or phase or ecosystem),
        "ecosystem": ecosystem,
        "can_create": request.user.is_authenticated,
    })


def phase_steps(challenge) -> list[dict]:
    current = challenge.phase_index()
    steps = []
    for index, phase in enumerate(PHASE_ORDER):
        field = PHASE_STARTS.get(phase, "opens_at")
        steps.append({"phase": phase, "label": phase.label, "starts": getattr(challenge, field),
                      "state": "done" if index < current else
                      "current" if index == current else "todo"})
    return steps


def challenge_detail(request, slug):
    challenge = challenge_or_404(request, slug)
    ideas = list(selectors.idea_list(challenge=challenge, cluster=request.GET.get("cluster", ""),
                                     tag=request.GET.get("tag", "")[:40]))
    clusters = list(selectors.cluster_list(challenge=challenge, states=("accepted",)))
    me = standing(request, challenge)
    facilitators = list(challenge.facilitators.all())
    candidates = []
    if me.can_manage and challenge.ecosystem_id is not None:
        chosen = {person.pk for person in facilitators}
        candidates = [m for m in candidate_facilitators(ecosystem=challenge.ecosystem)
                      if m.person_id not in chosen]
    return render(request, "ideation/challenge_detail.html", {
        "challenge": challenge, "me": me, "ideas": ideas,
        "facilitators": facilitators, "candidates": candidates,
        "people": [idea.author for idea in ideas if idea.author_id] + facilitators
        + [m.person for m in candidates],
        "clusters": clusters, "steps": phase_steps(challenge),
        "phase_form": PhaseForm(initial={"phase": challenge.manual_phase}),
        "activities": activity_list(viewer=request.user).filter(
            subject_uuid__in=[challenge.uuid, *[i.uuid for i in ideas[:50]],
                              *[c.uuid for c in clusters],
                              *challenge.initiatives.values_list("uuid", flat=True)])[:8],
        "filtered": bool(request.GET.get("cluster") or request.GET.get("tag")),
    })


def _ecosystems_for(request) -> list[Ecosystem]:
    memberships = person_memberships(person=request.user).filter(state="active")
    return sorted({m.ecosystem for m in memberships}, key=lambda e: e.name)


@login_required
def challenge_create(request):
    ecosystems = _ecosystems_for(request)
    form = ChallengeForm(request.POST or None, ecosystems=ecosystems,
                         initial={"ecosystem": request.GET.get("ecosystem", "")})
    if request.method == "POST" and form.is_valid():
        ecosystem = next((e for e in ecosystems if e.slug == form.cleaned_data["ecosystem"]),
                         None)
        try:
            challenge = services.challenge_create(
                actor=request.actor, ecosystem=ecosystem, **form.service_arguments()
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The challenge has started. Invite everyone to add "
                                        "their ideas."))
            return redirect("ideation:challenge", slug=challenge.slug)
    return render(request, "ideation/challenge_form.html", {"form": form, "challenge": None})


@login_required
def challenge_edit(request, slug):
    challenge = challenge_or_404(request, slug)
    if not permissions.can_manage(request.user, challenge):
        return forbidden(request, _("Only the facilitators of this challenge may change it."))
    fields = ["question", "context", "refine_starts_at", "vote_starts_at", "select_starts_at",
              "closes_at", "method", "dots", "weighting", "secret", "commitment_threshold"]
    form = ChallengeForm(request.POST or None, editing=True,
                         initial={f: getattr(challenge, f) for f in fields})
    if request.method == "POST" and form.is_valid():
        try:
            services.challenge_update(actor=request.actor, challenge=challenge,
                                      **{f: form.cleaned_data[f] for f in fields})
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect("ideation:challenge", slug=challenge.slug)
    return render(request, "ideation/challenge_form.html", {"form": form,
                                                            "challenge": challenge})


@login_required
@require_POST
def challenge_phase(request, slug):
    challenge = challenge_or_404(request, slug)
    form = PhaseForm(request.POST)
    if form.is_valid():
        try:
            services.challenge_phase_set(actor=request.actor, challenge=challenge,
                                         phase=form.cleaned_data["phase"])
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("The phase has been changed."))
    return redirect("ideation:challenge", slug=challenge.slug)


@login_required
@require_POST
def challenge_facilitator(request, slug):
    challenge = challenge_or_404(request, slug)
    if not permissions.can_manage(request.user, challenge) or challenge.ecosystem_id is None:
        return forbidden(request, _("Only the facilitators of this challenge may change it."))
    membership = get_object_or_404(
        candidate_facilitators(ecosystem=challenge.ecosystem),
        person__uuid=request.POST.get("person") or None,
    )
    try:
        services.challenge_facilitator_add(actor=request.actor, challenge=challenge,
                                           person=membership.person)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The facilitator has been added."))
    return redirect("ideation:challenge", slug=challenge.slug)
