"""Forms of accounts."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _


class SignupForm(AllauthSignupForm):
    """Sign-up asks for the person's name too."""

    name = forms.CharField(label=_("Your name"), max_length=150)

    field_order = ["name", "email", "password1", "password2"]
