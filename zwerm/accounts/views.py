"""HTML pages of accounts: the profile, notification settings, tokens, export and erasure.

Thin: parse the form, call the service, show a ``DomainError`` as a form error.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zwerm.accounts import forms, selectors, services
from zwerm.core import notifications
from zwerm.core.errors import DomainError
from zwerm.core.http import safe_next


def _show(form, error: DomainError) -> None:
    """Put a domain error on the form: on its field when the form has it, else on top."""
    placed = False
    for field, field_messages in error.fields.items():
        if field in form.fields:
            for message in field_messages:
                form.add_error(field, message)
            placed = True
    if not placed:
        form.add_error(None, str(error.message))


def _organisations(person):
    from zwerm.organisations.selectors import person_organisations

    return list(person_organisations(person=person))


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    person = request.user
    initial = {
        "name": person.name,
        "language": person.language,
        "time_zone": person.time_zone,
        "name_visibility": person.name_visibility,
    }
    form = forms.ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_update(actor=request.actor, **form.cleaned_data)
        except DomainError as error:
            _show(form, error)
        else:
            messages.success(request, _("Your profile has been saved."))
            response = redirect("accounts:profile")
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME, form.cleaned_data["language"],
                max_age=365 * 24 * 3600, samesite="Lax", secure=settings.LANGUAGE_COOKIE_SECURE,
            )
            return response
    return render(request, "accounts/profile.html", {"form": form, "person": person})


@login_required
@require_http_methods(["GET", "POST"])
def notification_preferences(request):
    preferences = notifications.preferences_for(request.user)
    form = forms.NotificationPreferencesForm(request.POST or None, preferences=preferences)
    if request.method == "POST" and form.is_valid():
        try:
            notifications.preferences_set(actor=request.actor, channels=form.cleaned_data)
        except DomainError as error:
            _show(form, error)
        else:
            messages.success(request, _("Your notification settings have been saved."))
            return redirect("accounts:notification_preferences")
    return render(request, "accounts/notification_preferences.html", {"form": form})


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def tokens(request):
    """List the person's tokens and create one; the raw token is shown once, on this answer."""
    organisations = _organisations(request.user)
    form = forms.TokenForm(
        request.POST or None,
        organisations=organisations,
        initial={"organisation": str(request.actor.organisation.uuid)}
        if request.actor.organisation else None,
    )
    created = raw = None
    if request.method == "POST" and form.is_valid():
        try:
            created, raw = services.token_create(
                actor=request.actor,
                name=form.cleaned_data["name"],
                organisation_uuid=form.cleaned_data["organisation"] or None,
            )
        except DomainError as error:
            _show(form, error)
        else:
            form = forms.TokenForm(organisations=organisations)
    token_list = list(selectors.token_list(person=request.user))
    acting_for = selectors.token_organisations(tokens=token_list)
    for token in token_list:
        token.organisation = acting_for.get(token.organisation_uuid)
    return render(
        request,
        "accounts/tokens.html",
        {
            "form": form,
            "tokens": token_list,
            "created": created,
            "raw_token": raw,
        },
    )


@login_required
@require_POST
def token_revoke(request, token_uuid):
    try:
        services.token_revoke(actor=request.actor, token_uuid=token_uuid)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The token has been revoked; it no longer works."))
    return redirect("accounts:tokens")


@login_required
@require_GET
def privacy(request):
    """What Zwerm keeps about the person, the download, and the way to erase the account."""
    return render(request, "accounts/privacy.html", {})


@login_required
@require_GET
@never_cache
def export(request):
    """All personal data as one JSON file."""
    data = selectors.personal_data_export(person=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    filename = f"zwerm-personal-data-{timezone.now():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def erase(request):
    form = forms.EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_erase(actor=request.actor, password=form.cleaned_data["password"])
        except DomainError as error:
            _show(form, error)
        else:
            logout(request)
            messages.success(request, _("Your account and personal data have been erased."))
            return redirect("core:home")
    return render(request, "accounts/erase.html", {"form": form})


@require_POST
def set_language(request):
    """Switch the interface language; a signed-in person keeps it as their preference."""
    language = request.POST.get("language", "")
    response = HttpResponseRedirect(safe_next(request))
    if language not in dict(settings.LANGUAGES):
        return response
    if request.user.is_authenticated:
        services.language_set(actor=request.actor, language=language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=settings.LANGUAGE_COOKIE_SECURE,
    )
    return response
