"""Pages for taking part: registering (with an account or as a guest), the emailed link,
cancelling, the attendee list and who to meet."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zwerm.core.errors import DomainError, NotFound
from zwerm.events import permissions, selectors, services
from zwerm.events.forms import GuestForm, RegistrationForm, add_domain_error
from zwerm.events.views._helpers import event_or_404, forbidden
from zwerm.events.views.events import registration_edit_form, render_detail


@login_required
@require_POST
def event_register(request, slug):
    event = event_or_404(request, slug)
    form = RegistrationForm(request.POST, questions=list(event.questions.all()), prefix="reg")
    if form.is_valid():
        try:
            registration = services.registration_create(
                actor=request.actor, event=event, answers=form.answers(),
                show_on_attendee_list=form.cleaned_data["show_on_attendee_list"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            if registration.state == "confirmed":
                messages.success(request, _("You are registered. A confirmation is on its way "
                                            "to your mailbox."))
            else:
                messages.info(request, _("The event is full, so you are on the waiting list. "
                                         "We will email you when a seat comes free."))
            return redirect("events:detail", slug=event.slug)
    return render_detail(request, event, form=form, status=200)


@require_POST
def event_register_guest(request, slug):
    event = event_or_404(request, slug)
    form = GuestForm(request.POST, questions=list(event.questions.all()), prefix="guest")
    if form.is_valid():
        try:
            services.registration_create_guest(
                actor=request.actor, event=event, name=form.cleaned_data["name"],
                email=form.cleaned_data["email"], answers=form.answers(),
                show_on_attendee_list=form.cleaned_data["show_on_attendee_list"],
                language=translation.get_language(),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return render(request, "events/guest_pending.html", {"event": event})
    return render_detail(request, event, form=form, status=200)


def registration_link(request, secret):
    """The page behind the emailed link: confirm (guests) or cancel, always with a button.

    Nothing happens on a plain visit, since mail scanners open links too.
    """
    try:
        registration = services.registration_by_secret(secret)
    except NotFound:
        raise Http404 from None
    error = None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "confirm":
                registration = services.registration_confirm_guest(actor=request.actor,
                                                                   secret=secret)
                if registration.state == "confirmed":
                    messages.success(request, _("Your registration is confirmed. See you there!"))
                else:
                    messages.info(request, _("The event is full, so you are on the waiting "
                                             "list. We will email you when a seat comes free."))
            elif action == "cancel":
                registration = services.registration_cancel_by_link(actor=request.actor,
                                                                    secret=secret)
                messages.success(request, _("Your registration has been cancelled."))
            return redirect("events:registration_link", secret=secret)
        except DomainError as problem:
            error = problem.message
    return render(request, "events/registration_link.html", {
        "registration": registration, "event": registration.event, "error": error,
        "position": selectors.waiting_position(registration),
    })


@login_required
@require_POST
def registration_cancel(request, slug):
    event = event_or_404(request, slug)
    registration = selectors.registration_for(event=event, person=request.user)
    if registration is None:
        raise Http404
    try:
        services.registration_cancel(actor=request.actor, registration=registration)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Your registration has been cancelled."))
    return redirect("events:detail", slug=event.slug)


@login_required
@require_POST
def registration_edit(request, slug):
    """Change one's answers or the choice to appear on the attendee list."""
    event = event_or_404(request, slug)
    registration = selectors.registration_for(event=event, person=request.user)
    if registration is None:
        raise Http404
    form = registration_edit_form(event, registration, request.POST)
    if form.is_valid():
        try:
            services.registration_update(
                actor=request.actor, registration=registration, answers=form.answers(),
                show_on_attendee_list=form.cleaned_data["show_on_attendee_list"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your registration has been updated."))
            return redirect("events:detail", slug=event.slug)
    return render_detail(request, event, edit_form=form)


@login_required
def event_attendees(request, slug):
    event = event_or_404(request, slug)
    if not permissions.can_see_attendees(request.user, event):
        return forbidden(request, _("The attendee list is for the people with a seat."))
    return render(request, "events/attendees.html", {
        "event": event, "attendees": list(selectors.attendee_list(event=event)),
    })


@login_required
def event_meet(request, slug):
    event = event_or_404(request, slug)
    can_manage = permissions.can_manage(request.user, event)
    if not (permissions.is_attendee(request.user, event) or can_manage):
        return forbidden(request, _("Suggestions are for the people with a seat."))
    organisation = request.actor.organisation
    return render(request, "events/meet.html", {
        "event": event, "organisation": organisation,
        "suggestions": selectors.people_to_meet(viewer=request.user, organisation=organisation,
                                                event=event),
        "to_invite": selectors.organisations_to_invite(viewer=request.user, event=event)
        if can_manage and event.is_round_table else None,
    })
