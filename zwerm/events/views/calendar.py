"""Calendar files: one event, an ecosystem's public feed and a person's private feed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from zwerm.core.errors import DomainError
from zwerm.ecosystems.models import Ecosystem
from zwerm.events import ical, permissions, selectors, services
from zwerm.events.models import CalendarToken
from zwerm.events.views._helpers import event_or_404


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=300"
    return response


def event_ics(request, slug):
    event = event_or_404(request, slug)
    show_link = permissions.can_see_online_link(request.user, event)
    registration = selectors.registration_for(event=event, person=request.user)
    return _ics(ical.calendar([(event, registration, show_link)], name=event.title),
                f"{event.slug}.ics")


def ecosystem_ics(request, slug):
    """Public by design (calendar apps fetch it without signing in): public events only."""
    ecosystem = Ecosystem.objects.filter(slug=slug, visibility=Ecosystem.Visibility.PUBLIC).first()
    if ecosystem is None:
        raise Http404
    events = [(event, None, False) for event in selectors.ecosystem_feed(ecosystem=ecosystem)]
    return _ics(ical.calendar(events, name=ecosystem.name), f"{ecosystem.slug}.ics")


def personal_ics(request, token):
    """The person's registrations and organised events, behind a secret that can be renewed."""
    found = CalendarToken.objects.select_related("person").filter(token=token).first()
    if found is None or not found.person.is_active:
        raise Http404
    person = found.person
    events = [
        (event, registration,
         (registration is not None and registration.state == "confirmed")
         or registration is None)
        for event, registration in selectors.person_calendar(person=person)
    ]
    return _ics(ical.calendar(events, name=_("My Zwerm events")), "zwerm.ics")


def personal_feed_url(request, token: CalendarToken) -> str:
    return request.build_absolute_uri(reverse("events:personal_ics",
                                              kwargs={"token": token.token}))


@login_required
def my_calendar(request):
    if request.method == "POST":
        try:
            services.calendar_token_regenerate(actor=request.actor)
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("Your calendar has a new address; the old one no "
                                        "longer works."))
        return redirect("events:my_calendar")
    token = services.calendar_token_for(request.user)
    return render(request, "events/my_calendar.html", {
        "feed_url": personal_feed_url(request, token),
        "registrations": list(selectors.my_registrations(person=request.user)),
    })
