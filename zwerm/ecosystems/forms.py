"""Forms of the ecosystem pages; the rules themselves live in the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zwerm.core.errors import DomainError
from zwerm.ecosystems.charter import LABELS, QUESTIONS
from zwerm.ecosystems.models import PRINCIPLES, Ecosystem, Membership


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


def theme_names(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


class EcosystemForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    goal = forms.CharField(
        label=_("Shared goal"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences: what do the organisations want to achieve together?"),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown: **bold**, *italic*, lists and links."),
    )
    themes = forms.CharField(
        label=_("Themes"), required=False, max_length=900,
        help_text=_("Separate themes with commas, e.g. circular building, energy."),
    )
    visibility = forms.ChoiceField(
        label=_("Who may see the ecosystem?"), choices=Ecosystem.Visibility.choices,
        initial=Ecosystem.Visibility.PUBLIC, widget=forms.RadioSelect,
    )
    join_policy = forms.ChoiceField(
        label=_("How do organisations join?"), choices=Ecosystem.JoinPolicy.choices,
        initial=Ecosystem.JoinPolicy.REQUEST, widget=forms.RadioSelect,
    )
    slug = forms.SlugField(
        label=_("Web address"), required=False, max_length=80,
        help_text=_("The last part of the ecosystem's address; left empty, it follows the name."),
    )

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        data["themes"] = theme_names(data.get("themes", ""))
        return data


class CharterForm(forms.Form):
    def __init__(self, *args, ecosystem: Ecosystem, **kwargs):
        super().__init__(*args, **kwargs)
        for principle in PRINCIPLES:
            self.fields[principle] = forms.CharField(
                label=LABELS[principle], help_text=QUESTIONS[principle], max_length=5000,
                initial=ecosystem.charter_text(principle),
                widget=forms.Textarea(attrs={"rows": 5}),
            )


class JoinForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Take part as"), choices=Membership.Kind.choices, initial=Membership.Kind.MEMBER,
        widget=forms.RadioSelect,
        help_text=_("Observers follow what happens but take no part in decisions."),
    )
    reason = forms.CharField(
        label=_("Why do you want to join?"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The facilitators read this when they answer your request."),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, required: bool = True, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required
        if label:
            self.fields["reason"].label = label


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"), help_text=_("The person who receives the invitation.")
    )
    organisation = forms.SlugField(
        label=_("Organisation (optional)"), required=False,
        help_text=_("The web address name of a known organisation, e.g. gemeente-utrecht. "
                    "Left empty, the invited person chooses their organisation."),
    )
    kind = forms.ChoiceField(label=_("Invite as"), choices=Membership.Kind.choices,
                             initial=Membership.Kind.MEMBER)
    message = forms.CharField(label=_("Personal message"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(forms.Form):
    membership = forms.UUIDField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when you decline; the organisation will read it."),
    )


class AppointFacilitatorForm(forms.Form):
    candidate = forms.ChoiceField(label=_("Person"))

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidate"].choices = [
            (f"{member.organisation.uuid}:{member.person.uuid}",
             f"{member.person} ({member.organisation})")
            for member in candidates
        ]


class DelegateForm(forms.Form):
    person = forms.ChoiceField(label=_("Delegate"))

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [(str(person.uuid), str(person)) for person in people]


class InvitationAnswerForm(forms.Form):
    organisation = forms.ChoiceField(label=_("Organisation that joins"))

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(str(o.uuid), o.name) for o in organisations]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (theme.slug, theme.name) for theme in themes
        ]
