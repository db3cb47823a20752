"""Forms of the ideation pages; the rules themselves live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from zwerm.ecosystems.forms import add_domain_error
from zwerm.ideation.models import Challenge, Idea, Phase, Reaction

__all__ = ["add_domain_error"]

DATE_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _date(label) -> forms.DateTimeField:
    return forms.DateTimeField(label=label, required=False, widget=DATE_WIDGET)


class ChallengeForm(forms.Form):
    question = forms.CharField(
        label=_("Question"), max_length=300,
        help_text=_("The question the organisations answer together, e.g. How do we halve "
                    "construction waste in our region?"),
    )
    context = forms.CharField(
        label=_("Context"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown: why this question matters, what is known, what is out of scope."),
    )
    ecosystem = forms.ChoiceField(label=_("Ecosystem"), required=False)
    refine_starts_at = _date(_("Refining and clustering from"))
    vote_starts_at = _date(_("Voting from"))
    select_starts_at = _date(_("Selection and commitment from"))
    closes_at = _date(_("Closes at"))
    method = forms.ChoiceField(label=_("Voting method"), choices=Challenge.Method.choices,
                               initial=Challenge.Method.DOT)
    dots = forms.IntegerField(label=_("Dots per voter"), min_value=1, max_value=100, initial=5,
                              help_text=_("Only for dot voting."))
    weighting = forms.ChoiceField(
        label=_("Weighting"), choices=[("", _("Default: per organisation in an ecosystem, "
                                              "per person in a public challenge")),
                                       *Challenge.Weighting.choices],
        required=False,
    )
    secret = forms.BooleanField(
        label=_("Secret ballot: nobody sees who voted how"), required=False, initial=True
    )
    commitment_threshold = forms.IntegerField(
        label=_("Organisations needed to start an initiative"), min_value=1, max_value=1000,
        initial=3,
    )

    def __init__(self, *args: Any, ecosystems: list[Any] | None = None,
                 editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["ecosystem"]
            self.fields["weighting"].choices = Challenge.Weighting.choices
            self.fields["weighting"].required = True
        else:
            self.fields["ecosystem"].choices = [
                ("", _("None: a public challenge")),
                *[(e.slug, e.name) for e in ecosystems or []],
            ]

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("ecosystem", None)
        if not data.get("weighting"):
            data["weighting"] = None
        return data


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(
        label=_("Phase"),
        choices=[("", _("Follow the dates")), *Phase.choices], required=False,
    )


class IdeaForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown: what is the idea, who would benefit, what would it take?"),
    )
    tags = forms.CharField(label=_("Tags"), required=False, max_length=500,
                           help_text=_("Separate tags with commas, e.g. energy, mobility."))
    builds_on = forms.ChoiceField(label=_("Builds on"), required=False)
    co_authors = forms.MultipleChoiceField(
        label=_("Co-authors"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("People who worked out the idea with you; they follow it too."),
    )

    def __init__(self, *args: Any, ideas: list[Idea] | None = None,
                 people: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if ideas is None:
            del self.fields["builds_on"]
        else:
            self.fields["builds_on"].choices = [
                ("", _("No other idea")), *[(str(i.uuid), i.title) for i in ideas]
            ]
        if people:
            self.fields["co_authors"].choices = people
        else:
            del self.fields["co_authors"]

    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.cleaned_data.get("tags", "").split(",") if t.strip()]


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 3}))
    parent = forms.UUIDField(required=False, widget=forms.HiddenInput)


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=Reaction.Kind.choices)
    on = forms.BooleanField(required=False)


class MergeForm(forms.Form):
    target = forms.ChoiceField(label=_("Merge this idea into"))

    def __init__(self, *args: Any, ideas: list[Idea], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [(str(i.uuid), i.title) for i in ideas]


class ClusterForm(forms.Form):
    name = forms.CharField(label=_("Name of the cluster"), max_length=200)
    ideas = forms.MultipleChoiceField(label=_("Ideas"), required=False,
                                      widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, ideas: list[Idea], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ideas"].choices = [(str(i.uuid), i.title) for i in ideas]


class SelectForm(forms.Form):
    source = forms.ChoiceField(label=_("Idea or cluster"))
    title = forms.CharField(label=_("Title of the initiative"), max_length=200, required=False,
                            help_text=_("Left empty, it takes the title of the idea or cluster."))

    def __init__(self, *args: Any, ideas: list[Idea], clusters: list[Any], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [
            (_("Ideas"), [(f"idea:{i.uuid}", i.title) for i in ideas]),
            (_("Clusters"), [(f"cluster:{c.uuid}", c.name) for c in clusters]),
        ]


class CommitmentForm(forms.Form):
    text = forms.CharField(
        label=_("What does your organisation commit?"), max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Be concrete: hours, knowledge, a location, a budget, data."),
    )


def ballot_form(challenge: Challenge, options: list[Idea], current: Any,
                data: Any = None) -> forms.Form:
    """A form with one field per idea on the ballot, shaped by the voting method."""
    fields: dict[str, forms.Field] = {}
    method = challenge.method
    for idea in options:
        key = str(idea.uuid)
        name = f"o-{key}"
        if method == Challenge.Method.DOT:
            fields[name] = forms.IntegerField(
                label=idea.title, min_value=0, max_value=challenge.dots, required=False,
                initial=(current or {}).get(key, 0),
            )
        elif method == Challenge.Method.APPROVAL:
            fields[name] = forms.BooleanField(label=idea.title, required=False,
                                              initial=key in (current or []))
        elif method == Challenge.Method.SCORE:
            fields[name] = forms.TypedChoiceField(
                label=idea.title, coerce=int, choices=[(n, str(n)) for n in range(6)],
                initial=(current or {}).get(key, 0),
            )
        else:
            rank = None
            for position, item in enumerate(current or [], start=1):
                if key in (item if isinstance(item, list) else [item]):
                    rank = position
            fields[name] = forms.IntegerField(
                label=idea.title, min_value=1, max_value=len(options), required=False,
                initial=rank,
            )
    form_class = type("BallotForm", (forms.Form,), fields)
    return form_class(data)


def ballot_choices(challenge: Challenge, form: forms.Form) -> Any:
    """The ballot in the tally's form, from a valid ballot form."""
    values = {name[2:]: value for name, value in form.cleaned_data.items()}
    method = challenge.method
    if method in (Challenge.Method.DOT, Challenge.Method.SCORE):
        return {key: value for key, value in values.items() if value}
    if method == Challenge.Method.APPROVAL:
        return [key for key, value in values.items() if value]
    ranks: dict[int, list[str]] = {}
    for key, value in values.items():
        if value:
            ranks.setdefault(value, []).append(key)
    return [group[0] if len(group) == 1 else sorted(group)
            for _rank, group in sorted(ranks.items())]
