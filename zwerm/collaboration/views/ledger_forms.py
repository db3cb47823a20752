"""Forms of the ledger pages. They only shape input; the services validate (one rule set
for pages and API), and their errors land on the fields named here."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zwerm.collaboration.models import ContributionType
from zwerm.collaboration.selectors.ledger import COMMITMENT_STATES
from zwerm.core.errors import DomainError

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
AMOUNT = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
TYPE_CHOICES = [("", _("Choose a type")), *ContributionType.choices]


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a service's error on the field it names, else above the form."""
    placed = False
    for field, messages in error.fields.items():
        if field in form.fields:
            for message in messages:
                form.add_error(field, message)
            placed = True
    if not placed:
        form.add_error(None, str(error.message))


def _choices(empty: Any, items: list[Any], label=str, key=lambda o: str(o.uuid)) -> list:
    return [("", empty), *((key(item), label(item)) for item in items)]


class CommitmentForm(forms.Form):
    target = forms.ChoiceField(label=_("Commit to"))
    type = forms.ChoiceField(label=_("Type"), choices=TYPE_CHOICES)
    quantity = forms.CharField(label=_("Quantity"), max_length=30, widget=AMOUNT,
                               help_text=_("For example 10 or 2.5."))
    unit = forms.CharField(label=_("Unit"), max_length=30, required=False,
                           help_text=_("Leave empty for the type's usual unit (hours, EUR, "
                                       "days…)."))
    due_on = forms.DateField(label=_("By when"), widget=DATE)
    description = forms.CharField(label=_("What you promise"), required=False, max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, targets: dict[str, list[Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        groups = [("", _("Choose what you commit to"))]
        names = {"deliverable": _("Deliverables"), "working_group": _("Working groups"),
                 "initiative": _("Initiatives")}
        for kind, items in targets.items():
            if items:
                groups.append((names[kind], [(f"{kind}:{item.uuid}", str(item))
                                             for item in items]))
        self.fields["target"].choices = groups
        self.targets = targets

    def chosen_target(self) -> dict[str, Any]:
        kind, _sep, key = self.cleaned_data["target"].partition(":")
        found = next((t for t in self.targets.get(kind, []) if str(t.uuid) == key), None)
        return {kind: found} if found is not None else {}


class CommitmentEditForm(forms.Form):
    quantity = CommitmentForm.base_fields["quantity"]
    unit = forms.CharField(label=_("Unit"), max_length=30)
    due_on = CommitmentForm.base_fields["due_on"]
    description = CommitmentForm.base_fields["description"]


class ReleaseForm(forms.Form):
    reason = forms.CharField(label=_("Why does your organisation release it?"),
                             max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class ContributionForm(forms.Form):
    commitment = forms.ChoiceField(label=_("For our commitment"), required=False)
    type = forms.ChoiceField(label=_("Type"), choices=TYPE_CHOICES)
    quantity = forms.CharField(label=_("Quantity"), max_length=30, widget=AMOUNT)
    unit = forms.CharField(label=_("Unit"), max_length=30, required=False,
                           help_text=_("Leave empty for the type's usual unit, or the "
                                       "commitment's."))
    value = forms.CharField(label=_("Value"), max_length=30, required=False, widget=AMOUNT)
    deliverable = forms.ChoiceField(label=_("To the deliverable"), required=False)
    working_group = forms.ChoiceField(label=_("To the working group"), required=False)
    recipient = forms.ChoiceField(label=_("To the organisation"), required=False)
    beneficiaries = forms.MultipleChoiceField(
        label=_("Beneficiaries"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("The organisations that benefit; leave empty when it is the receiver."),
    )
    given_on = forms.DateField(label=_("Date"), widget=DATE)
    description = forms.CharField(label=_("Description"), max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    persistent_link = forms.CharField(label=_("Persistent link"), max_length=500,
                                      required=False,
                                      help_text=_("For data and expertise: where it lives."))
    licence = forms.CharField(label=_("Licence"), max_length=100, required=False,
                              help_text=_("For example CC BY 4.0."))
    format = forms.CharField(label=_("Format"), max_length=100, required=False,
                             help_text=_("For example CSV or GeoJSON."))
    schema = forms.CharField(label=_("Schema"), max_length=300, required=False)

    def __init__(self, *args: Any, commitments: list[Any], deliverables: list[Any],
                 groups: list[Any], organisations: list[Any], unit_of_account: str,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lookup = {
            "commitment": {str(c.uuid): c for c in commitments},
            "deliverable": {str(d.uuid): d for d in deliverables},
            "working_group": {str(g.uuid): g for g in groups},
            "recipient": {o.slug: o for o in organisations},
        }
        self.fields["commitment"].choices = _choices(
            _("None"), commitments,
            label=lambda c: f"{c.quantity} {c.unit_display} {c.get_type_display()} → "
                            f"{c.deliverable or c.working_group or c.initiative}")
        self.fields["deliverable"].choices = _choices(_("None"), deliverables)
        self.fields["working_group"].choices = _choices(_("None"), groups)
        self.fields["recipient"].choices = _choices(_("None"), organisations,
                                                    key=lambda o: o.slug)
        self.fields["beneficiaries"].choices = [(o.slug, o.name) for o in organisations]
        if unit_of_account:
            self.fields["value"].help_text = _(
                "Optional, in the ecosystem's unit of account: %(unit)s.") % {
                "unit": unit_of_account}
        else:
            del self.fields["value"]

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        for name in ("commitment", "deliverable", "working_group", "recipient"):
            data[name] = self.lookup[name].get(data.get(name) or "")
        data["beneficiaries"] = [self.lookup["recipient"][slug]
                                 for slug in data.get("beneficiaries", [])]
        return data


class CorrectionForm(forms.Form):
    quantity = ContributionForm.base_fields["quantity"]
    unit = forms.CharField(label=_("Unit"), max_length=30)
    value = ContributionForm.base_fields["value"]
    given_on = ContributionForm.base_fields["given_on"]
    description = ContributionForm.base_fields["description"]
    persistent_link = ContributionForm.base_fields["persistent_link"]
    licence = ContributionForm.base_fields["licence"]
    format = ContributionForm.base_fields["format"]
    schema = ContributionForm.base_fields["schema"]

    def __init__(self, *args: Any, unit_of_account: str, reusable: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if not unit_of_account:
            del self.fields["value"]
        if not reusable:
            for name in ("persistent_link", "licence", "format", "schema"):
                del self.fields[name]


ACK_CHOICES = [("", _("All")), ("no", _("Waiting for acknowledgement")),
               ("yes", _("Acknowledged"))]


class LedgerFilterForm(forms.Form):
    type = forms.ChoiceField(label=_("Type"), required=False,
                             choices=[("", _("All types")), *ContributionType.choices])
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    acknowledged = forms.ChoiceField(label=_("Acknowledged"), required=False,
                                     choices=ACK_CHOICES)
    working_group = forms.ChoiceField(label=_("Working group"), required=False)
    deliverable = forms.ChoiceField(label=_("Deliverable"), required=False)

    def __init__(self, *args: Any, organisations: list[Any], groups: list[Any],
                 deliverables: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lookup = {
            "organisation": {o.slug: o for o in organisations},
            "working_group": {str(g.uuid): g for g in groups},
            "deliverable": {str(d.uuid): d for d in deliverables},
        }
        self.fields["organisation"].choices = _choices(_("All organisations"), organisations,
                                                       key=lambda o: o.slug)
        self.fields["working_group"].choices = _choices(_("All working groups"), groups)
        self.fields["deliverable"].choices = _choices(_("All deliverables"), deliverables)

    def selector_arguments(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "type": data.get("type") or "",
            "organisation": self.lookup["organisation"].get(data.get("organisation") or ""),
            "acknowledged": {"yes": True, "no": False}.get(data.get("acknowledged") or ""),
            "working_group": self.lookup["working_group"].get(data.get("working_group") or ""),
            "deliverable": self.lookup["deliverable"].get(data.get("deliverable") or ""),
        }


STATE_LABELS = {"open": pgettext_lazy("commitment state", "Open"), "overdue": _("Overdue"),
                "fulfilled": _("Fulfilled"),
                "released": _("Released"), "handed_over": _("Handed over")}


class CommitmentFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False,
                              choices=[("", _("All states")),
                                       *((s, STATE_LABELS[s]) for s in COMMITMENT_STATES)])
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    type = LedgerFilterForm.base_fields["type"]

    def __init__(self, *args: Any, organisations: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lookup = {o.slug: o for o in organisations}
        self.fields["organisation"].choices = _choices(_("All organisations"), organisations,
                                                       key=lambda o: o.slug)

    def selector_arguments(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"state": data.get("state") or "", "type": data.get("type") or "",
                "organisation": self.lookup.get(data.get("organisation") or "")}
