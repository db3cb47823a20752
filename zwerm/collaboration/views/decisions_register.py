"""Pages of the decision register (search, one decision, its statement) and the ecosystem's
collaboration settings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from zwerm.collaboration.models import WorkingGroup
from zwerm.collaboration.permissions import can_manage
from zwerm.collaboration.permissions import decisions as rules
from zwerm.collaboration.selectors import decisions as selectors
from zwerm.collaboration.selectors.settings import settings_for
from zwerm.collaboration.services.decisions_outcome import decision_statement_update
from zwerm.collaboration.services.settings import collaboration_settings_update
from zwerm.collaboration.views.common import ecosystem_or_404
from zwerm.collaboration.views.decisions_forms import (
    RegisterFilterForm,
    SettingsForm,
    StatementForm,
)
from zwerm.core.errors import DomainError
from zwerm.ecosystems.forms import add_domain_error


def decision_register(request, ecosystem):
    ecosystem = ecosystem_or_404(request, ecosystem)
    groups = list(WorkingGroup.objects.filter(ecosystem=ecosystem).order_by("name"))
    form = RegisterFilterForm(request.GET or None, groups=groups,
                              years=selectors.decision_years(ecosystem=ecosystem))
    form.is_valid()  # a filter that does not validate is left out; the others still apply
    filters = getattr(form, "cleaned_data", {})
    decisions = selectors.decision_register(
        ecosystem=ecosystem, viewer=request.user, query=(filters.get("q") or "").strip(),
        outcome=filters.get("outcome") or "", working_group=filters.get("working_group") or "",
        year=filters.get("year"))
    page = Paginator(decisions, 25).get_page(request.GET.get("page"))
    return render(request, "collaboration/decisions/decision_register.html", {
        "ecosystem": ecosystem, "form": form, "page_obj": page,
        "can_manage": can_manage(request.user, ecosystem),
    })


def decision_detail(request, ecosystem, number, statement_form=None):
    ecosystem = ecosystem_or_404(request, ecosystem)
    decision = selectors.decision_detail(ecosystem=ecosystem, viewer=request.user,
                                         number=number)
    if decision is None:
        raise Http404
    proposal = selectors.proposal_detail(viewer=request.user, uuid=decision.proposal.uuid)
    proposal.ecosystem = ecosystem
    positions = list(proposal.positions.all())
    versions = list(proposal.versions.all())
    for version in versions:
        version.history = [p for p in positions if p.version == version.number]
    options = {str(o.uuid): o.label for o in proposal.options.all()}
    return render(request, "collaboration/decisions/decision_detail.html", {
        "ecosystem": ecosystem, "decision": decision, "proposal": proposal,
        "versions": versions, "people": [p.person for p in positions],
        "poll_counts": [(options.get(key, key), count)
                        for key, count in decision.tally.get("counts", {}).items()]
        if decision.outcome == "poll_result" else [],
        "can_edit_statement": rules.can_edit_statement(request.actor, decision),
        "statement_form": statement_form or StatementForm(
            initial={"statement": decision.statement}),
        "can_manage": can_manage(request.user, ecosystem),
    })


@login_required
def decision_statement(request, ecosystem, number):
    if request.method != "POST":
        return redirect("collaboration:decision_detail", ecosystem=ecosystem, number=number)
    ecosystem_obj = ecosystem_or_404(request, ecosystem)
    decision = selectors.decision_detail(ecosystem=ecosystem_obj, viewer=request.user,
                                         number=number)
    if decision is None:
        raise Http404
    form = StatementForm(request.POST)
    if form.is_valid():
        try:
            decision_statement_update(actor=request.actor, decision=decision,
                                      statement=form.cleaned_data["statement"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The outcome statement has been saved."))
            return redirect("collaboration:decision_detail", ecosystem=ecosystem_obj.slug,
                            number=decision.number)
    response = decision_detail(request, ecosystem, number, statement_form=form)
    response.status_code = 400
    return response


@login_required
def collaboration_settings(request, ecosystem):
    ecosystem = ecosystem_or_404(request, ecosystem)
    if not rules.can_edit_settings(request.actor, ecosystem):
        return render(request, "ecosystems/forbidden.html", {
            "message": _("Only the facilitators of this ecosystem change its settings.")},
            status=403)
    current = settings_for(ecosystem)
    form = SettingsForm(request.POST or None, initial={
        "unit_of_account": current.unit_of_account, "decision_mode": current.decision_mode,
        "quorum_percent": current.quorum_percent})
    if request.method == "POST" and form.is_valid():
        try:
            collaboration_settings_update(actor=request.actor, ecosystem=ecosystem,
                                          **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The settings have been saved."))
            return redirect("collaboration:collaboration_settings", ecosystem=ecosystem.slug)
    return render(request, "collaboration/decisions/settings_form.html", {
        "ecosystem": ecosystem, "form": form, "can_manage": True,
    })
