"""django-allauth adapter: email-only accounts whose language follows the interface."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.name = form.cleaned_data.get("name", "") or user.name
        language = translation.get_language() or "nl"
        user.language = "en" if language.startswith("en") else "nl"
        if commit:
            user.save()
        return user
