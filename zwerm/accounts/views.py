"""HTML pages of accounts: the profile, preferences, tokens, export and erasure."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_POST

from zwerm.accounts import services
from zwerm.core.http import safe_next


@login_required
def profile(request):
    return render(request, "accounts/profile.html", {})


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
