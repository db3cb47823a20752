"""Forms of the deliverables pages; the rules themselves live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from zwerm.collaboration.models import Deliverable, DeliverableLink, Milestone
from zwerm.collaboration.services.deliverables_files import ALLOWED_EXTENSIONS

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DeliverableForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown: what the result is, for whom, and when it counts as delivered."),
    )
    owner = forms.ChoiceField(label=_("Owner organisation"))
    working_group = forms.ChoiceField(label=_("Working group"), required=False)
    due_on = forms.DateField(label=_("Due date"), required=False, widget=DATE_WIDGET)

    def __init__(self, *args: Any, owners: list[Any], groups: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owners = {str(o.uuid): o for o in owners}
        self.groups = {g.slug: g for g in groups}
        self.fields["owner"].choices = [(key, o.name) for key, o in self.owners.items()]
        self.fields["working_group"].choices = [
            ("", _("None: the ecosystem as a whole")),
            *[(slug, g.name) for slug, g in self.groups.items()],
        ]

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data["title"], "description": data["description"],
            "owner": self.owners.get(data["owner"]),
            "working_group": self.groups.get(data["working_group"]),
            "due_on": data["due_on"],
        }


class StateForm(forms.Form):
    state = forms.ChoiceField(label=_("New state"), choices=Deliverable.State.choices)
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when you cancel the deliverable."),
    )


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200)
    due_on = forms.DateField(label=_("Due date"), required=False, widget=DATE_WIDGET)


class MilestoneStateForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), choices=Milestone.State.choices)


class LinkForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DeliverableLink.Kind.choices)
    url = forms.CharField(label=_("Address"), max_length=500,
                          widget=forms.URLInput(attrs={"placeholder": "https://"}),
                          help_text=_("A full web address starting with https:// or http://."))
    title = forms.CharField(label=_("Title"), max_length=200, required=False)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"), allow_empty_file=True,
        help_text=_("PDF, PNG, JPEG, CSV, text, Markdown, ODF, DOCX, XLSX or ZIP."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(
            f".{ext}" for ext in ALLOWED_EXTENSIONS)}),
    )
