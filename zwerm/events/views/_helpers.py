"""What the event views share: finding a visible event and the viewer's standing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render

from zwerm.events import permissions, selectors
from zwerm.events.models import Event, Registration


def event_or_404(request, slug: str) -> Event:
    event = selectors.visible_event(viewer=request.user, slug=slug)
    if event is None:
        raise Http404
    return event


@dataclass
class Standing:
    """What the viewer is and may do at one event."""

    registration: Registration | None
    can_manage: bool
    is_attendee: bool
    waiting_position: int | None

    @property
    def state(self) -> str | None:
        return self.registration.state if self.registration else None


def standing(request, event: Event) -> Standing:
    registration = selectors.registration_for(event=event, person=request.user)
    if registration is not None:
        registration.event = event
    attending = registration is not None and registration.state == Registration.State.CONFIRMED
    return Standing(
        registration=registration,
        can_manage=permissions.can_manage(request.user, event),
        is_attendee=attending,
        waiting_position=selectors.waiting_position(registration) if registration else None,
    )


def forbidden(request, message: Any) -> HttpResponse:
    """A readable 403 page that says what the visitor may not do, and why."""
    return render(request, "events/forbidden.html", {"message": message}, status=403)
