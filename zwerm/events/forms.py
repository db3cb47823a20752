"""Forms of the event pages; the rules themselves live in the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zwerm.core.errors import DomainError
from zwerm.ecosystems.models import Ecosystem
from zwerm.events.models import Event, EventSeries, Question

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
COMMON_ZONES = [
    "Europe/Amsterdam", "Europe/Brussels", "Europe/London", "Europe/Berlin", "Europe/Paris",
    "UTC", "America/New_York", "Asia/Jakarta", "America/Paramaribo", "America/Curacao",
]


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


class EventForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind of event"), choices=Event.Kind.choices,
                             initial=Event.Kind.MEETUP)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown: **bold**, *italic*, lists and links."),
    )
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DATETIME)
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DATETIME)
    time_zone = forms.ChoiceField(
        label=_("Time zone"), choices=[(zone, zone) for zone in COMMON_ZONES],
        initial="Europe/Amsterdam",
        help_text=_("Times are shown to everyone in this time zone."),
    )
    mode = forms.ChoiceField(label=_("Where does it take place?"), choices=Event.Mode.choices,
                             initial=Event.Mode.IN_PERSON, widget=forms.RadioSelect)
    venue = forms.CharField(label=_("Venue"), required=False, max_length=200)
    address = forms.CharField(label=_("Address"), required=False, max_length=300)
    online_url = forms.URLField(
        label=_("Online link"), required=False, max_length=500, assume_scheme="https",
        help_text=_("Shown only to people with a seat."),
    )
    capacity = forms.IntegerField(label=_("Capacity"), required=False, min_value=1,
                                  help_text=_("Empty for no limit."))
    per_organisation_limit = forms.IntegerField(
        label=_("Seats per organisation"), required=False, min_value=1,
        help_text=_("Empty for no limit."),
    )
    registration_opens_at = forms.DateTimeField(label=_("Registration opens"), required=False,
                                                widget=DATETIME,
                                                help_text=_("Empty: open right away."))
    registration_closes_at = forms.DateTimeField(label=_("Registration closes"), required=False,
                                                 widget=DATETIME,
                                                 help_text=_("Empty: when the event starts."))
    ecosystem = forms.ChoiceField(label=_("Ecosystem"), required=False)
    visibility = forms.ChoiceField(label=_("Who may see the event?"),
                                   choices=Event.Visibility.choices,
                                   initial=Event.Visibility.PUBLIC, widget=forms.RadioSelect)
    agenda = forms.CharField(label=_("Agenda"), required=False,
                             widget=forms.Textarea(attrs={"rows": 4}),
                             help_text=_("Markdown. Especially useful for round tables."))

    def __init__(self, *args, ecosystems=(), editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.ecosystems = {str(e.uuid): e for e in ecosystems}
        self.fields["ecosystem"].choices = [("", _("None"))] + [
            (key, e.name) for key, e in self.ecosystems.items()
        ]
        if editing:
            del self.fields["ecosystem"]
        zone = self.initial.get("time_zone")
        if zone and zone not in COMMON_ZONES:  # planned through the API in another zone
            self.fields["time_zone"].choices = [(zone, zone), *self.fields["time_zone"].choices]

    def clean_ecosystem(self) -> Ecosystem | None:
        return self.ecosystems.get(self.cleaned_data.get("ecosystem") or "")

    def service_arguments(self) -> dict:
        return dict(self.cleaned_data)


class SeriesForm(EventForm):
    frequency = forms.ChoiceField(
        label=_("Repeat"), required=False,
        choices=[("", _("Does not repeat"))] + list(EventSeries.Frequency.choices),
    )
    count = forms.IntegerField(label=_("Number of occurrences"), required=False, min_value=2,
                               max_value=24, initial=6)


class RegistrationForm(forms.Form):
    """The event's own questions plus the attendee-list opt-in."""

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            name = f"question-{question.uuid}"
            if question.kind == Question.Kind.CHOICE:
                field = forms.ChoiceField(
                    choices=[("", _("Choose…"))] + [(c, c) for c in question.choices]
                )
            elif question.kind == Question.Kind.YES_NO:
                field = forms.ChoiceField(choices=[("yes", _("Yes")), ("no", _("No"))],
                                          widget=forms.RadioSelect)
            else:
                field = forms.CharField(max_length=2000,
                                        widget=forms.Textarea(attrs={"rows": 2}))
            field.label = question.label
            field.required = question.required
            self.fields[name] = field
        self.fields["show_on_attendee_list"] = forms.BooleanField(
            label=_("Show my name and organisation on the attendee list that other attendees "
                    "see"),
            required=False,
        )

    def answers(self) -> dict[str, str]:
        return {
            str(question.uuid): self.cleaned_data.get(f"question-{question.uuid}") or ""
            for question in self.questions
        }

    def question_fields(self):
        return [self[f"question-{question.uuid}"] for question in self.questions]


class GuestForm(RegistrationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"] = forms.CharField(label=_("Your name"), max_length=150)
        self.fields["email"] = forms.EmailField(
            label=_("Your email address"),
            help_text=_("We send you a link to confirm; your seat counts once you have."),
        )
        self.order_fields(["name", "email"])


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Message to the people registered"), required=False,
                             max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class MinutesForm(forms.Form):
    agenda = forms.CharField(label=_("Agenda"), required=False,
                             widget=forms.Textarea(attrs={"rows": 6}),
                             help_text=_("Markdown."))
    minutes = forms.CharField(label=_("Minutes"), required=False,
                              widget=forms.Textarea(attrs={"rows": 12}),
                              help_text=_("Markdown: decisions, actions and who takes them."))


class QuestionForm(forms.Form):
    label = forms.CharField(label=_("Question"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind of answer"), choices=Question.Kind.choices)
    choices = forms.CharField(
        label=_("Options"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For a choice: one option per line."),
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False)

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        data["choices"] = [line for line in data["choices"].splitlines() if line.strip()]
        return data


class FollowUpForm(forms.Form):
    name = forms.CharField(label=_("Name of the new ecosystem"), max_length=200)
    goal = forms.CharField(label=_("Shared goal"), max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 3}))
    visibility = forms.ChoiceField(label=_("Who may see the ecosystem?"),
                                   choices=Ecosystem.Visibility.choices,
                                   initial=Ecosystem.Visibility.PUBLIC, widget=forms.RadioSelect)
    message = forms.CharField(label=_("Message with the invitations"), required=False,
                              max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class FollowUpChallengeForm(forms.Form):
    question = forms.CharField(label=_("The challenge's question"), max_length=300,
                               help_text=_("E.g. How do we share residual heat in the region?"))
    context = forms.CharField(label=_("Context"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("Markdown. Left empty, it names the round table."))


class OrganiserForm(forms.Form):
    person = forms.ChoiceField(label=_("Person"))

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(person.uuid): person for person in people}
        self.fields["person"].choices = [(key, str(p)) for key, p in self.people.items()]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("All kinds"))] + list(Event.Kind.choices))
    when = forms.ChoiceField(label=_("When"), required=False, choices=[
        ("upcoming", _("Upcoming")), ("past", _("Past")), ("all", _("All")),
    ])

