"""Forms of the working-group pages; the rules themselves live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from zwerm.collaboration.models import WorkingGroup, WorkingGroupRole
from zwerm.collaboration.services.working_groups import ROTATION_MAX


class WorkingGroupForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    purpose = forms.CharField(
        label=_("Purpose"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the group sets out to achieve, in a sentence or two."))
    description = forms.CharField(
        label=_("Description"), required=False, max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown: how you work, who you are looking for, where to start."))
    join_policy = forms.ChoiceField(
        label=_("Joining"), choices=WorkingGroup.JoinPolicy.choices,
        initial=WorkingGroup.JoinPolicy.OPEN, widget=forms.RadioSelect)
    rotation_months = forms.IntegerField(
        label=_("Role term (months)"), required=False, min_value=1, max_value=ROTATION_MAX,
        help_text=_("After how many months the lead and secretary roles rotate. Leave empty "
                    "for no fixed term."))


class ArchiveForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the group archived?"), max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: the deliverable is finished, or the group merged with "
                    "another one."))


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Markdown is allowed."))
    announcement = forms.BooleanField(
        label=_("Post as an announcement: every member is notified"), required=False)

    def __init__(self, *args: Any, can_announce: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not can_announce:
            del self.fields["announcement"]


class HandOverForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=WorkingGroupRole.Name.choices)
    to_member = forms.ChoiceField(label=_("Hand over to"))
    reason = forms.CharField(label=_("Why (optional)"), required=False, max_length=300)

    def __init__(self, *args: Any, members: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_member"].choices = [
            (str(m.uuid), f"{m.person} ({m.organisation.name})") for m in members]


class StepDownForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=WorkingGroupRole.Name.choices)
    reason = forms.CharField(label=_("Why (optional)"), required=False, max_length=300)
