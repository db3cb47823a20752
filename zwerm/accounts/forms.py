"""Forms of accounts: they parse input; the services validate and write."""

from __future__ import annotations

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from zwerm.accounts.models import User
from zwerm.accounts.services import time_zones
from zwerm.core.notifications import Channel, Kind


class SignupForm(AllauthSignupForm):
    """Sign-up asks for the person's name too."""

    name = forms.CharField(label=_("Your name"), max_length=150, widget=forms.TextInput(
        attrs={"autocomplete": "name"}
    ))

    field_order = ["name", "email", "password1", "password2"]


class ProfileForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES,
        help_text=_("The language of the pages and of the emails Zwerm sends you."),
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        help_text=_("Times are shown in this zone."),
    )
    name_visibility = forms.ChoiceField(
        label=_("Who may see my name"),
        choices=User.NameVisibility.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Others see “someone from <organisation>” instead. Your email address is never "
            "shown to other people."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [(zone, zone) for zone in sorted(time_zones())]


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=100,
        help_text=_("What the token is for, e.g. “dashboard script”."),
    )
    organisation = forms.ChoiceField(
        label=_("Acts for"),
        help_text=_("Everything done with this token is recorded as done for this organisation."),
    )

    def __init__(self, *args, organisations=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(org.uuid), org.name) for org in organisations]
        if not choices:
            choices = [("", _("No organisation (you belong to none yet)"))]
            self.fields["organisation"].required = False
        self.fields["organisation"].choices = choices


class EraseForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To be sure it is you."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and personal data are erased for good."),
    )


class NotificationPreferencesForm(forms.Form):
    """One choice of channel per kind of notification."""

    def __init__(self, *args, preferences: list[tuple[Kind, str]] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind, channel in preferences:
            self.fields[kind.name] = forms.ChoiceField(
                label=kind.label, choices=Channel.choices, initial=channel
            )


class LoginForm(AllauthLoginForm):
    """The login page links to the password reset itself, below the button."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""
