"""Pages for the organisers: registrations and questions, the door list and the export."""

from __future__ import annotations

import csv
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zwerm.accounts.models import User
from zwerm.core.errors import DomainError
from zwerm.core.text import spreadsheet_safe
from zwerm.events import permissions, selectors, services
from zwerm.events.forms import OrganiserForm, QuestionForm, add_domain_error
from zwerm.events.models import Event, Registration
from zwerm.events.views._helpers import event_or_404, forbidden
from zwerm.organisations.models import OrganisationMember


def _managed(request, slug) -> Event:
    event = event_or_404(request, slug)
    if not permissions.can_manage(request.user, event):
        raise PermissionError
    return event


def _candidates(request, event: Event) -> list[User]:
    """People of the organiser's organisations who do not organise the event yet."""
    organisation_ids = OrganisationMember.objects.filter(
        person=request.user, left_at__isnull=True).values("organisation_id")
    return list(
        User.objects.filter(organisation_memberships__organisation_id__in=organisation_ids,
                            organisation_memberships__left_at__isnull=True, is_active=True)
        .exclude(organised_events__event=event).distinct().order_by("name", "email")
    )


def _registration(event: Event, value: str) -> Registration:
    try:
        return event.registrations.select_related("event").get(uuid=uuid.UUID(str(value)))
    except (ValueError, Registration.DoesNotExist):
        raise Http404 from None


@login_required
def event_manage(request, slug):
    try:
        event = _managed(request, slug)
    except PermissionError:
        return forbidden(request, _("Only the organisers of this event may manage it."))
    question_form = QuestionForm(prefix="question")
    organiser_form = OrganiserForm(people=_candidates(request, event), prefix="organiser")
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "add_question":
                question_form = QuestionForm(request.POST, prefix="question")
                if question_form.is_valid():
                    services.question_create(actor=request.actor, event=event,
                                             **question_form.service_arguments())
                    messages.success(request, _("The question has been added."))
                    return redirect("events:manage", slug=event.slug)
            elif action == "delete_question":
                question = event.questions.filter(uuid=request.POST.get("question")).first()
                if question is None:
                    raise Http404
                services.question_delete(actor=request.actor, question=question)
                messages.success(request, _("The question has been removed."))
                return redirect("events:manage", slug=event.slug)
            elif action == "add_organiser":
                organiser_form = OrganiserForm(request.POST, people=_candidates(request, event),
                                               prefix="organiser")
                if organiser_form.is_valid():
                    services.organiser_add(
                        actor=request.actor, event=event,
                        person=organiser_form.people[organiser_form.cleaned_data["person"]],
                    )
                    messages.success(request, _("The organiser has been added."))
                    return redirect("events:manage", slug=event.slug)
            elif action == "cancel_registration":
                services.registration_cancel(
                    actor=request.actor,
                    registration=_registration(event, request.POST.get("registration")),
                )
                messages.success(request, _("The registration has been cancelled and the "
                                            "person has been told."))
                return redirect("events:manage", slug=event.slug)
        except DomainError as error:
            form = organiser_form if action == "add_organiser" else question_form
            add_domain_error(form, error)
    registrations = list(selectors.registrations_of(event=event))
    return render(request, "events/manage.html", {
        "event": event, "question_form": question_form, "organiser_form": organiser_form,
        "questions": list(event.questions.all()),
        "organisers": selectors.organisers_of(event=event),
        "confirmed": [r for r in registrations if r.state == "confirmed"],
        "waiting": sorted((r for r in registrations if r.state == "waiting"),
                          key=lambda r: (r.waiting_since, r.id)),
        "unconfirmed": [r for r in registrations if r.state == "unconfirmed"],
        "cancelled": [r for r in registrations if r.state == "cancelled"],
    })


@login_required
def event_door(request, slug):
    """The list at the door: search live (htmx), check in with one tap."""
    try:
        event = _managed(request, slug)
    except PermissionError:
        return forbidden(request, _("Only the organisers of this event may check people in."))
    query = request.GET.get("q", "").strip()[:100]
    rows = list(selectors.door_list(event=event, query=query))
    context = {"event": event, "rows": rows, "query": query,
               "checked_in": sum(1 for r in rows if r.checked_in_at)}
    if request.htmx and request.htmx.target == "door-rows":
        return render(request, "events/_door_rows.html", context)
    return render(request, "events/door.html", context)


@login_required
@require_POST
def event_check_in(request, slug, registration_uuid):
    try:
        event = _managed(request, slug)
    except PermissionError:
        return forbidden(request, _("Only the organisers of this event may check people in."))
    registration = _registration(event, registration_uuid)
    error = None
    try:
        if request.POST.get("action") == "undo":
            registration = services.registration_check_in_undo(actor=request.actor,
                                                               registration=registration)
        else:
            registration = services.registration_check_in(actor=request.actor,
                                                          registration=registration)
    except DomainError as problem:
        error = problem.message
        registration.refresh_from_db()
    if request.htmx:
        registration = selectors.registrations_of(event=event).get(pk=registration.pk)
        return render(request, "events/_door_row.html", {
            "event": event, "registration": registration, "error": error,
            "query": request.POST.get("q", ""),
        })
    if error:
        messages.error(request, str(error))
    url = redirect("events:door", slug=event.slug)
    query = request.POST.get("q", "").strip()
    if query:
        url["Location"] += "?" + _query(query)
    return url


def _query(value: str) -> str:
    from urllib.parse import urlencode

    return urlencode({"q": value})


@login_required
def event_export(request, slug):
    """The attendee list as CSV for Excel: UTF-8 with a BOM, every field quoted as needed."""
    try:
        event = _managed(request, slug)
    except PermissionError:
        return forbidden(request, _("Only the organisers of this event may export attendees."))
    questions = list(event.questions.all())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-attendees.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([_("Name"), _("Email address (guests)"), _("Organisation"), _("State"),
                     _("Seat"), _("Registered at"), _("Checked in at"), _("On the attendee list"),
                     *[question.label for question in questions]])
    zone = event.zone
    for registration in selectors.registrations_of(event=event).exclude(state="cancelled"):
        answers = {answer.question_id: answer.value for answer in registration.answers.all()}
        writer.writerow([
            spreadsheet_safe(str(registration.person) if registration.person_id
                  else registration.guest_name),
            registration.guest_email,  # people's own addresses are never shown to others
            registration.organisation.name if registration.organisation else "",
            registration.get_state_display(),
            registration.seat or "",
            timezone.localtime(registration.created_at, zone).strftime("%Y-%m-%d %H:%M"),
            timezone.localtime(registration.checked_in_at, zone).strftime("%Y-%m-%d %H:%M")
            if registration.checked_in_at else "",
            _("yes") if registration.show_on_attendee_list else _("no"),
            *[spreadsheet_safe(answers.get(question.pk, "")) for question in questions],
        ])
    return response

