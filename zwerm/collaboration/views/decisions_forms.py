"""Forms of the decision pages; the rules themselves live in the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zwerm.collaboration.models import CollaborationSettings, Position, Proposal

DATE_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Proposal"), max_length=20000, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown. Say what you propose, why, and what it asks of whom."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Proposal.Kind.choices,
                             initial=Proposal.Kind.CONSENT, widget=forms.RadioSelect)
    working_group = forms.ChoiceField(label=_("Who is asked"), required=False)
    deadline = forms.DateTimeField(
        label=_("Deadline"), widget=DATE_WIDGET,
        help_text=_("At least one hour and at most 90 days from now (Amsterdam time)."),
    )
    options = forms.CharField(
        label=_("Poll options"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only for a poll: 2 to 10 options, one per line."),
    )

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["working_group"].choices = [
            ("", _("The whole ecosystem")),
            *[(group.slug, group.name) for group in groups],
        ]

    def option_labels(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("options", "").splitlines()
                if line.strip()]


class AmendForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Proposal"), max_length=20000,
                           widget=forms.Textarea(attrs={"rows": 8}), help_text=_("Markdown."))
    reason = forms.CharField(
        label=_("Why amended"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Say which concerns or objections the amendment answers."),
    )
    deadline = forms.DateTimeField(
        label=_("New deadline"), widget=DATE_WIDGET,
        help_text=_("At least one hour and at most 90 days from now (Amsterdam time)."),
    )


class PositionForm(forms.Form):
    stance = forms.ChoiceField(label=_("Your position"), choices=Position.Stance.choices,
                               widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for an objection: what would make the proposal safe enough "
                    "to try?"),
    )


class PollChoiceForm(forms.Form):
    option = forms.ChoiceField(label=_("Your choice"), widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Comment"), required=False, max_length=5000,
                             widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, options=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].choices = [(str(o.uuid), o.label) for o in options]


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Why withdrawn (optional)"), required=False,
                             max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class StatementForm(forms.Form):
    statement = forms.CharField(label=_("Outcome statement"), max_length=5000,
                                widget=forms.Textarea(attrs={"rows": 5}))


class SettingsForm(forms.Form):
    unit_of_account = forms.CharField(
        label=_("Unit of account"), required=False, max_length=40,
        help_text=_("The unit in which members value contributions, e.g. euro or hour "
                    "equivalents. Leave empty to record quantities only."),
    )
    decision_mode = forms.ChoiceField(
        label=_("Who gives positions"), choices=CollaborationSettings.DecisionMode.choices,
        widget=forms.RadioSelect,
    )
    quorum_percent = forms.IntegerField(
        label=_("Quorum (%)"), required=False, min_value=1, max_value=100,
        help_text=_("Share of those asked who must respond for a proposal to be adopted. "
                    "Leave empty for no quorum."),
    )


class RegisterFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    outcome = forms.ChoiceField(label=_("Outcome"), required=False)
    working_group = forms.ChoiceField(label=_("Working group"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int,
                                  empty_value=None)

    def __init__(self, *args, groups=(), years=(), **kwargs):
        from zwerm.collaboration.models import Decision

        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = [("", _("All outcomes")),
                                          *Decision.Outcome.choices]
        self.fields["working_group"].choices = [("", _("All")),
                                                *[(g.slug, g.name) for g in groups]]
        self.fields["year"].choices = [("", _("All years")), *[(y, y) for y in years]]
