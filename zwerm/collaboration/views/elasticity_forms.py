"""Forms of the hand-over pages: one decision per commitment or role, and the answers."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

HAND_OVER = "hand_over"
RELEASE = "release"


class ItemDecisionForm(forms.Form):
    """What happens to one commitment or role: hand it over (to whom) or release it."""

    choice = forms.ChoiceField(
        label=_("What happens to it?"), widget=forms.RadioSelect,
        choices=[(HAND_OVER, _("Hand it over")), (RELEASE, _("Release it"))],
    )
    receiver = forms.ChoiceField(label=_("To"), required=False)
    note = forms.CharField(
        label=_("Note (optional)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For the organisation that takes over, or why you release it."),
    )

    def __init__(self, *args, receivers=(), receiver_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receiver"].choices = [("", _("Choose…")), *receivers]
        if receiver_label:
            self.fields["receiver"].label = receiver_label

    def clean(self):
        data = super().clean()
        if data.get("choice") == HAND_OVER and not data.get("receiver"):
            self.add_error("receiver", _("Choose who takes it over."))
        return data


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why not?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The organisation that asked reads this and may ask another one."),
    )
