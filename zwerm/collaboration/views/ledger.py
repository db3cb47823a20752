"""Pages of the contributions ledger: the list, recording, an entry, correcting,
acknowledging, what waits for my organisation, balances and the CSV export."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zwerm.collaboration import balances as pure
from zwerm.collaboration.models import REUSABLE_TYPES, ContributionType
from zwerm.collaboration.models.types import unit_label
from zwerm.collaboration.permissions import ledger as permissions
from zwerm.collaboration.selectors import ledger as selectors
from zwerm.collaboration.selectors.settings import settings_for
from zwerm.collaboration.services import ledger as services
from zwerm.collaboration.views.common import ecosystem_or_404, forbidden
from zwerm.collaboration.views.ledger_forms import (
    ContributionForm,
    CorrectionForm,
    LedgerFilterForm,
    add_domain_error,
)
from zwerm.collaboration.views.ledger_helpers import (
    choices_for,
    page_of,
)
from zwerm.core.errors import DomainError
from zwerm.organisations.models import Organisation


def _entry_or_404(request, ecosystem, contribution):
    entry = selectors.contribution_detail(viewer=request.user, ecosystem=ecosystem,
                                          uuid=contribution)
    if entry is None:
        raise Http404
    return entry


def ledger(request, ecosystem):
    ecosystem = ecosystem_or_404(request, ecosystem)
    choices = choices_for(ecosystem)
    form = LedgerFilterForm(request.GET or None, **choices)
    entries = selectors.contribution_list(viewer=request.user, ecosystem=ecosystem,
                                          **form.selector_arguments())
    return render(request, "collaboration/ledger/ledger.html", {
        "ecosystem": ecosystem, "form": form, "page_obj": page_of(request, entries),
        "can_record": permissions.can_record_contribution(request.actor, ecosystem),
        "filtering": any(request.GET.get(k) for k in form.fields),
    })


def _contribution_form(request, ecosystem, data=None, initial=None):
    choices = choices_for(ecosystem)
    commitments = list(selectors.open_commitments_of(
        ecosystem=ecosystem, organisation=request.actor.organisation))
    return ContributionForm(
        data, initial=initial, commitments=commitments, deliverables=choices["deliverables"],
        groups=choices["groups"],
        organisations=[o for o in choices["organisations"]
                       if o.pk != getattr(request.actor.organisation, "pk", None)],
        unit_of_account=settings_for(ecosystem).unit_of_account.strip(),
    )


@login_required
def ledger_record(request, ecosystem):
    ecosystem = ecosystem_or_404(request, ecosystem)
    if not permissions.can_record_contribution(request.actor, ecosystem):
        return forbidden(request, _("Only people acting for a member organisation can record "
                                    "what it gave."))
    initial = {"given_on": timezone.localdate(), "commitment": request.GET.get("commitment", "")}
    form = _contribution_form(request, ecosystem, request.POST or None, initial)
    chosen = form.lookup["commitment"].get(initial["commitment"])
    if chosen is not None:  # prefilled from a commitment: its type and unit
        form.initial.update(type=chosen.type, unit=chosen.unit)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.contribution_record(actor=request.actor, ecosystem=ecosystem,
                                                 **form.service_arguments())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The contribution has been recorded. The receiving "
                                        "side is asked to acknowledge it."))
            return redirect("collaboration:ledger_entry", ecosystem=ecosystem.slug,
                            contribution=entry.uuid)
    return render(request, "collaboration/ledger/record.html", {
        "ecosystem": ecosystem, "form": form,
        "unit_of_account": settings_for(ecosystem).unit_of_account.strip(),
    })


def ledger_entry(request, ecosystem, contribution):
    ecosystem = ecosystem_or_404(request, ecosystem)
    entry = _entry_or_404(request, ecosystem, contribution)
    return render(request, "collaboration/ledger/entry.html", {
        "ecosystem": ecosystem, "entry": entry,
        "receivers": permissions.receiving_organisations(entry),
        "can_acknowledge": permissions.can_acknowledge(request.actor, entry),
        "can_correct": permissions.can_correct(request.actor, entry),
        "reusable": entry.type in REUSABLE_TYPES,
    })


@login_required
def ledger_correct(request, ecosystem, contribution):
    ecosystem = ecosystem_or_404(request, ecosystem)
    entry = _entry_or_404(request, ecosystem, contribution)
    if not permissions.can_correct(request.actor, entry):
        return forbidden(request, _("Only the giving organisation corrects an entry, and only "
                                    "until it is acknowledged."))
    unit = settings_for(ecosystem).unit_of_account.strip()
    initial = {name: getattr(entry, name) for name in (
        "quantity", "unit", "value", "given_on", "description", "persistent_link", "licence",
        "format", "schema")}
    form = CorrectionForm(request.POST or None, initial=initial, unit_of_account=unit,
                          reusable=entry.type in REUSABLE_TYPES)
    if request.method == "POST" and form.is_valid():
        try:
            services.contribution_correct(actor=request.actor, contribution=entry,
                                          **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The contribution has been corrected."))
            return redirect("collaboration:ledger_entry", ecosystem=ecosystem.slug,
                            contribution=entry.uuid)
    return render(request, "collaboration/ledger/correct.html", {
        "ecosystem": ecosystem, "entry": entry, "form": form})


@login_required
@require_POST
def ledger_acknowledge(request, ecosystem, contribution):
    ecosystem = ecosystem_or_404(request, ecosystem)
    entry = _entry_or_404(request, ecosystem, contribution)
    try:
        services.contribution_acknowledge(actor=request.actor, contribution=entry)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Thank you: the contribution has been acknowledged."))
    return redirect("collaboration:ledger_entry", ecosystem=ecosystem.slug,
                    contribution=entry.uuid)


@login_required
def ledger_waiting(request, ecosystem):
    ecosystem = ecosystem_or_404(request, ecosystem)
    entries = selectors.awaiting_acknowledgement(person=request.user, ecosystem=ecosystem)
    return render(request, "collaboration/ledger/waiting.html", {
        "ecosystem": ecosystem, "page_obj": page_of(request, entries)})


def type_label(type_: str) -> str:
    return ContributionType(type_).label if type_ in ContributionType.values else type_


def _balance_rows(view: selectors.BalanceView, only=None):
    rows = []
    for key, lines in view.balances.quantities.items():
        if only is not None and key != only:
            continue
        for (type_, unit), line in sorted(lines.items()):
            rows.append({"organisation": view.organisations.get(key),
                         "commons": key == pure.COMMONS, "type": type_label(type_),
                         "unit": unit_label(unit), "line": line})
    rows.sort(key=lambda r: (r["commons"], r["organisation"].name if r["organisation"]
                             else "", r["type"], r["unit"]))
    return rows


def _value_rows(view: selectors.BalanceView, unit: str, only=None):
    rows = []
    for key, lines in view.balances.values.items():
        if (only is not None and key != only) or unit not in lines:
            continue
        rows.append({"organisation": view.organisations.get(key),
                     "commons": key == pure.COMMONS, "line": lines[unit]})
    rows.sort(key=lambda r: (r["commons"], r["organisation"].name if r["organisation"]
                             else ""))
    return rows


def ledger_balances(request, ecosystem):
    ecosystem = ecosystem_or_404(request, ecosystem)
    view = selectors.balances_for(ecosystem=ecosystem, viewer=request.user)
    unit = settings_for(ecosystem).unit_of_account.strip()
    return render(request, "collaboration/ledger/balances.html", {
        "ecosystem": ecosystem, "unit_of_account": unit,
        "totals": [{"type": type_label(t), "unit": unit_label(u), "line": line}
                   for (t, u), line in sorted(view.balances.totals.items())],
        "rows": _balance_rows(view),
        "value_rows": _value_rows(view, unit) if unit else [],
        "value_total": view.balances.value_totals.get(unit) if unit else None,
        "kept": selectors.kept_on_time_per_organisation(ecosystem=ecosystem),
    })


def ledger_organisation(request, ecosystem, organisation):
    ecosystem = ecosystem_or_404(request, ecosystem)
    found = Organisation.objects.filter(slug=organisation).first()
    if found is None:
        raise Http404
    view = selectors.balances_for(ecosystem=ecosystem, viewer=request.user)
    unit = settings_for(ecosystem).unit_of_account.strip()
    entries = selectors.contribution_list(viewer=request.user, ecosystem=ecosystem,
                                          organisation=found)
    return render(request, "collaboration/ledger/organisation.html", {
        "ecosystem": ecosystem, "organisation": found, "unit_of_account": unit,
        "rows": _balance_rows(view, only=found.pk),
        "value_rows": _value_rows(view, unit, only=found.pk) if unit else [],
        "kept": selectors.kept_on_time(ecosystem=ecosystem, organisation=found),
        "commitments": selectors.commitment_list(viewer=request.user, ecosystem=ecosystem,
                                                 organisation=found, state="open"),
        "page_obj": page_of(request, entries),
    })


CSV_COLUMNS = ["uuid", "given_on", "giver_organisation", "type", "quantity", "unit", "value",
               "value_unit", "deliverable", "working_group", "recipient", "beneficiaries",
               "commitment", "description", "persistent_link", "licence", "format", "schema",
               "acknowledged", "acknowledged_at", "acknowledged_for"]


def csv_rows(entries):
    """The ledger as CSV rows (header first); the format is documented in the docs."""
    yield CSV_COLUMNS
    for e in entries:
        yield [
            str(e.uuid), e.given_on.isoformat(), e.giver_organisation.name, e.type,
            str(e.quantity), e.unit, "" if e.value is None else str(e.value), e.value_unit,
            e.deliverable.title if e.deliverable_id else "",
            e.working_group.name if e.working_group_id else "",
            e.recipient.name if e.recipient_id else "",
            "; ".join(sorted(b.name for b in e.beneficiaries.all())),
            str(e.commitment.uuid) if e.commitment_id else "", e.description,
            e.persistent_link, e.licence, e.format, e.schema,
            "yes" if e.is_acknowledged else "no",
            e.acknowledged_at.isoformat() if e.acknowledged_at else "",
            e.acknowledged_for.name if e.acknowledged_for_id else "",
        ]


def csv_response(ecosystem, entries) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ledger-{ecosystem.slug}.csv"'
    writer = csv.writer(response)
    for row in csv_rows(entries):
        writer.writerow([_safe(cell) for cell in row])
    return response


def _safe(cell: str) -> str:
    """Keep spreadsheets from running a cell as a formula."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@") and not _number(cell) else cell


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def ledger_export(request, ecosystem):
    ecosystem = ecosystem_or_404(request, ecosystem)
    return csv_response(ecosystem, selectors.ledger_rows(viewer=request.user,
                                                         ecosystem=ecosystem))

