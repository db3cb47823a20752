from django import forms
from django.utils.translation import gettext_lazy as _

from zwerm.core.errors import DomainError
from zwerm.matchmaking.services import MAX_MESSAGE


class IntroductionForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"), max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Why would you like to meet? The organisation's administrators read it."),
    )


class AnswerForm(forms.Form):
    reply = forms.CharField(
        label=_("Reply (optional)"), max_length=MAX_MESSAGE, required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


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
