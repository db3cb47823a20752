"""Pages that bring several apps together: the home page and a person's dashboard."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from zwerm.core.selectors import activity_list
from zwerm.ecosystems.selectors import ecosystem_list


def home(request):
    """Explains Zwerm to a first-time visitor and shows the public ecosystems."""
    ecosystems = ecosystem_list(viewer=None).prefetch_related("themes")[:12]
    return render(request, "core/home.html", {"ecosystems": ecosystems})


@login_required
def dashboard(request):
    """A person's start page: their organisations, ecosystems and what happened lately."""
    activities = activity_list(viewer=request.user)[:15]
    return render(
        request,
        "core/dashboard.html",
        {"ecosystems": ecosystem_list(viewer=request.user)[:12], "activities": activities},
    )
