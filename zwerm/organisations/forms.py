"""HTML forms of organisations: they parse input; the services validate and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from zwerm.core.errors import DomainError
from zwerm.organisations.models import Organisation, OrganisationMember, ProfileEntry, Region


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a service's error on the form: per field where it names one, else on top."""
    placed = False
    for field, messages in error.fields.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)
            placed = True
    if not placed:
        form.add_error(None, str(error.message))


class OrganisationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    slug = forms.CharField(
        label=_("Web address name"), max_length=80, required=False,
        help_text=_("Used in links, e.g. /organisations/my-organisation/. Leave empty to make "
                    "one from the name."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "—"), *Organisation.Kind.choices])
    website = forms.CharField(label=_("Website"), max_length=200, required=False)
    region = forms.ChoiceField(
        label=_("Region"), choices=[("", _("No region")), *Region.choices], required=False
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What the organisation does. Markdown: **bold**, *italic*, lists, links."),
    )
    themes = forms.CharField(
        label=_("Themes"), required=False, max_length=2000,
        help_text=_("Separate themes with commas, e.g. circular building, energy."),
    )
    logo = forms.FileField(
        label=_("Logo"), required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        help_text=_("PNG, JPEG or WebP, at most 2 MB."),
    )
    kvk_number = forms.CharField(
        label=_("Chamber of Commerce (KvK) number"), max_length=20, required=False,
        help_text=_("8 digits."),
    )
    oin = forms.CharField(
        label=_("Government identification number (OIN)"), max_length=30, required=False,
        help_text=_("20 digits; for government bodies."),
    )

    def __init__(self, *args: Any, operator: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if operator:
            self.fields["is_verified"] = forms.BooleanField(
                label=_("Verified"), required=False,
                help_text=_("Tick when you checked the organisation's identity."),
            )

    @classmethod
    def initial_for(cls, organisation: Organisation) -> dict[str, Any]:
        return {
            "name": organisation.name,
            "slug": organisation.slug,
            "kind": organisation.kind,
            "website": organisation.website,
            "region": organisation.region,
            "description": organisation.description,
            "themes": ", ".join(theme.name for theme in organisation.themes.all()),
            "logo": organisation.logo or None,
            "kvk_number": organisation.kvk_number,
            "oin": organisation.oin,
            "is_verified": organisation.is_verified,
        }

    def changes(self) -> dict[str, Any]:
        """The service's keyword arguments; the logo only when a file was sent or cleared."""
        data = dict(self.cleaned_data)
        logo = data.pop("logo", None)
        if logo is False:
            data["logo"] = None
        elif logo:
            data["logo"] = logo
        return data


class EntryForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ProfileEntry.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=120)
    description = forms.CharField(
        label=_("Description"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address of your colleague"))
    role = forms.ChoiceField(
        label=_("Role"), choices=OrganisationMember.Role.choices,
        initial=OrganisationMember.Role.MEMBER,
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=OrganisationMember.Role.choices)


class LeaveForm(forms.Form):
    successor = forms.ChoiceField(label=_("Who takes over the roles?"), required=False)

    def __init__(self, *args: Any, candidates: list[Any], required: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.candidates = {str(person.uuid): person for person in candidates}
        field = self.fields["successor"]
        field.required = required
        field.choices = [("", "—"), *((key, str(p)) for key, p in self.candidates.items())]

    def chosen_successor(self) -> Any:
        return self.candidates.get(self.cleaned_data.get("successor") or "")
