"""The directory's filters, defined once for the page and the API."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from zwerm.organisations.models import Organisation, ProfileEntry, Region, Theme

MAX_TERMS = 8


class OrganisationFilterForm(forms.Form):
    """Validates the directory's query string; ``apply`` narrows a queryset with it."""

    q = forms.CharField(
        label=_("Search"), required=False, max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_("Name, description, offers, requests or themes."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False,
        choices=[("", _("All kinds")), *Organisation.Kind.choices],
    )
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions")), *Region.choices]
    )
    theme = forms.SlugField(label=_("Theme"), required=False, max_length=80)

    def __init__(self, data: Mapping[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(data if data is not None else {}, **kwargs)

    def offer_theme_options(self) -> None:
        """Show the theme as a list of the themes in use (the page; the API takes any slug)."""
        options = [(theme.slug, theme.name) for theme in theme_choices()]
        self.fields["theme"].widget = forms.Select(choices=[("", _("All themes")), *options])

    @property
    def active(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())

    def apply(self, queryset: QuerySet[Organisation]) -> QuerySet[Organisation]:
        """Filter with the valid values; call ``is_valid()`` first."""
        data = self.cleaned_data
        for term in data.get("q", "").split()[:MAX_TERMS]:
            queryset = queryset.filter(_matches(term))
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("region"):
            queryset = queryset.filter(region=data["region"])
        if data.get("theme"):
            queryset = queryset.filter(themes__slug=data["theme"])
        return queryset


def _matches(term: str) -> Q:
    """One search term in the profile, an offer or request, or a theme (no duplicate rows)."""
    in_entries = ProfileEntry.objects.filter(
        Q(title__icontains=term) | Q(description__icontains=term)
    ).values("organisation_id")
    in_themes = Theme.objects.filter(name__icontains=term).values("organisations__id")
    return (
        Q(name__icontains=term)
        | Q(description__icontains=term)
        | Q(pk__in=in_entries)
        | Q(pk__in=in_themes)
    )


def theme_choices() -> QuerySet[Theme]:
    """Themes that at least one organisation in the directory uses, for the filter."""
    return (
        Theme.objects.filter(organisations__merged_into__isnull=True)
        .distinct()
        .order_by("name")
    )
