"""The form behind the witness key page; the service validates the key itself."""

from django import forms
from django.utils.translation import gettext_lazy as _


class WitnessKeyForm(forms.Form):
    vkey = forms.CharField(
        label=_("Verifier key"),
        max_length=300,
        help_text=_(
            "The cosignature verifier key of your witness: name+keyID+base64 key, with key "
            "type 0x04 (C2SP tlog-cosignature)."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
