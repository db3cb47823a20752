"""Pages of proposals: the list, tabling one, its detail with positions, amending and
withdrawing. Thin: the services hold the rules."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zwerm.collaboration.models import Position, Proposal, WorkingGroup
from zwerm.collaboration.permissions import can_manage
from zwerm.collaboration.permissions import decisions as rules
from zwerm.collaboration.selectors import decisions as selectors
from zwerm.collaboration.services import decisions as services
from zwerm.collaboration.services.decisions_outcome import evaluate
from zwerm.collaboration.views.common import ecosystem_or_404
from zwerm.collaboration.views.decisions_forms import (
    AmendForm,
    PollChoiceForm,
    PositionForm,
    ProposalForm,
    WithdrawForm,
)
from zwerm.core.errors import DomainError
from zwerm.ecosystems.forms import add_domain_error
from zwerm.ecosystems.models import Ecosystem


def proposal_or_404(request, ecosystem: Ecosystem, uuid: Any) -> Proposal:
    proposal = selectors.proposal_detail(viewer=request.user, uuid=uuid)
    if proposal is None or proposal.ecosystem_id != ecosystem.pk:
        raise Http404
    return proposal


def _open_groups(ecosystem: Ecosystem) -> list[WorkingGroup]:
    return list(WorkingGroup.objects.filter(ecosystem=ecosystem, archived_at__isnull=True)
                .order_by("name"))


def proposal_list(request, ecosystem):
    ecosystem = ecosystem_or_404(request, ecosystem)
    state = request.GET.get("state", "")
    state = state if state in Proposal.State.values else ""
    page = Paginator(selectors.proposal_list(ecosystem=ecosystem, viewer=request.user,
                                             state=state), 25).get_page(request.GET.get("page"))
    proposals = list(page.object_list)
    awaiting = {p.pk for p in selectors.awaiting_position(
        actor=request.actor, ecosystem=ecosystem, proposals=proposals)}
    for proposal in proposals:
        proposal.awaits_me = proposal.pk in awaiting
    return render(request, "collaboration/decisions/proposal_list.html", {
        "ecosystem": ecosystem, "page_obj": page, "proposals": proposals, "state": state,
        "states": Proposal.State.choices, "can_manage": can_manage(request.user, ecosystem),
        "can_propose": rules.can_propose(request.actor, ecosystem),
    })


@login_required
def proposal_create(request, ecosystem):
    ecosystem = ecosystem_or_404(request, ecosystem)
    groups = _open_groups(ecosystem)
    initial = {"working_group": request.GET.get("working_group", "")}
    form = ProposalForm(request.POST or None, groups=groups, initial=initial)
    allowed = rules.can_propose(request.actor, ecosystem)
    if request.method == "POST" and allowed and form.is_valid():
        slug = form.cleaned_data["working_group"]
        group = next((g for g in groups if g.slug == slug), None)
        try:
            proposal = services.proposal_open(
                actor=request.actor, ecosystem=ecosystem, title=form.cleaned_data["title"],
                body=form.cleaned_data["body"], deadline=form.cleaned_data["deadline"],
                kind=form.cleaned_data["kind"], working_group=group,
                options=form.option_labels())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your proposal is open. Everyone asked has been told."))
            return redirect("collaboration:proposal_detail", ecosystem=ecosystem.slug,
                            proposal=proposal.uuid)
    return render(request, "collaboration/decisions/proposal_form.html", {
        "ecosystem": ecosystem, "form": form, "allowed": allowed,
        "can_manage": can_manage(request.user, ecosystem),
    }, status=200 if allowed else 403)


def _voter_rows(request, proposal: Proposal, voters: dict, current: list[Position]) -> list:
    by_key = {p.voter_key: p for p in current}
    return [{"voter": voter, "position": by_key.get(key)} for key, voter in voters.items()]


def proposal_detail(request, ecosystem, proposal, position_form=None, poll_form=None):
    ecosystem = ecosystem_or_404(request, ecosystem)
    proposal = proposal_or_404(request, ecosystem, proposal)
    proposal.ecosystem = ecosystem
    positions = list(proposal.positions.all())
    current = [p for p in positions if p.version == proposal.version and not p.superseded_at]
    voters = selectors.proposal_voters(proposal)
    result = evaluate(proposal, now=timezone.now(), voters=voters, positions=current)
    actor = request.actor
    my_key = rules.voter_key_for(actor, proposal) if proposal.state == "open" else None
    mine = next((p for p in current if p.voter_key == my_key), None) if my_key else None
    initial = {"stance": mine.stance, "reason": mine.reason} if mine else None
    options = list(proposal.options.all())
    versions = list(proposal.versions.all())
    for version in versions:
        version.history = [p for p in positions if p.version == version.number]
    return render(request, "collaboration/decisions/proposal_detail.html", {
        "ecosystem": ecosystem, "proposal": proposal, "versions": versions,
        "voters": _voter_rows(request, proposal, voters, current), "result": result,
        "options": options, "counts": {o.label: result.counts.get(str(o.uuid), 0)
                                       for o in options} if options else {},
        "decisions": list(proposal.decisions.all()), "my_key": my_key, "mine": mine,
        "position_form": position_form or PositionForm(initial=initial),
        "poll_form": poll_form or PollChoiceForm(
            options=options, initial={"option": str(mine.option.uuid)} if mine and
            mine.option_id else None),
        "withdraw_form": WithdrawForm(),
        "can_amend": rules.can_amend(actor, proposal),
        "can_withdraw": rules.can_withdraw(actor, proposal),
        "can_manage": can_manage(request.user, ecosystem),
        "who_may_respond": rules.who_may_respond(actor, proposal),
        "people": [p.person for p in positions],
    })


@login_required
@require_POST
def proposal_position(request, ecosystem, proposal):
    ecosystem_obj = ecosystem_or_404(request, ecosystem)
    found = proposal_or_404(request, ecosystem_obj, proposal)
    is_poll = found.kind == Proposal.Kind.POLL
    form = (PollChoiceForm(request.POST, options=list(found.options.all())) if is_poll
            else PositionForm(request.POST))
    if form.is_valid():
        try:
            services.position_give(
                actor=request.actor, proposal=found,
                stance="" if is_poll else form.cleaned_data["stance"],
                option=form.cleaned_data["option"] if is_poll else None,
                reason=form.cleaned_data["reason"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your position has been recorded."))
            return redirect("collaboration:proposal_detail", ecosystem=ecosystem_obj.slug,
                            proposal=found.uuid)
    response = proposal_detail(request, ecosystem, proposal,
                               position_form=None if is_poll else form,
                               poll_form=form if is_poll else None)
    response.status_code = 400
    return response


@login_required
def proposal_amend(request, ecosystem, proposal):
    ecosystem = ecosystem_or_404(request, ecosystem)
    found = proposal_or_404(request, ecosystem, proposal)
    allowed = rules.can_amend(request.actor, found)
    form = AmendForm(request.POST or None, initial={"title": found.title, "body": found.body})
    if request.method == "POST" and allowed and form.is_valid():
        try:
            services.proposal_amend(actor=request.actor, proposal=found, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The proposal has been amended; positions are asked "
                                        "again."))
            return redirect("collaboration:proposal_detail", ecosystem=ecosystem.slug,
                            proposal=found.uuid)
    return render(request, "collaboration/decisions/proposal_amend.html", {
        "ecosystem": ecosystem, "proposal": found, "form": form, "allowed": allowed,
        "can_manage": can_manage(request.user, ecosystem),
    }, status=200 if allowed else 403)


@login_required
@require_POST
def proposal_withdraw(request, ecosystem, proposal):
    ecosystem = ecosystem_or_404(request, ecosystem)
    found = proposal_or_404(request, ecosystem, proposal)
    form = WithdrawForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.proposal_withdraw(actor=request.actor, proposal=found, reason=reason)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The proposal has been withdrawn."))
    return redirect("collaboration:proposal_detail", ecosystem=ecosystem.slug,
                    proposal=found.uuid)
