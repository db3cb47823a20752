"""Pages about events themselves: the list, one event, planning, changing and cancelling."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.core.errors import DomainError
from zwerm.ecosystems.models import Ecosystem, Role
from zwerm.ecosystems.selectors import visible_ecosystem
from zwerm.events import permissions, selectors, services
from zwerm.events.forms import (
    COMMON_ZONES,
    EventForm,
    FollowUpChallengeForm,
    FollowUpForm,
    GuestForm,
    MinutesForm,
    ReasonForm,
    RegistrationForm,
    SearchForm,
    SeriesForm,
    add_domain_error,
)
from zwerm.events.models import Event
from zwerm.events.permissions import member_ecosystem_ids
from zwerm.events.views._helpers import event_or_404, forbidden, standing

PAGE_SIZE = 24


def event_list(request):
    form = SearchForm(request.GET or None)
    query, kind, when = "", "", "upcoming"
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        kind = form.cleaned_data["kind"]
        when = form.cleaned_data["when"] or "upcoming"
    ecosystem = None
    if request.GET.get("ecosystem"):
        ecosystem = visible_ecosystem(viewer=request.user, slug=request.GET["ecosystem"])
    events = selectors.event_list(viewer=request.user, query=query, kind=kind, when=when,
                                  ecosystem=ecosystem)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "events/event_list.html", {
        "form": form, "page_obj": page, "events": page.object_list, "ecosystem": ecosystem,
        "searching": bool(query or kind or when != "upcoming"),
        "mine": list(selectors.my_registrations(person=request.user)[:10]),
    })


def _registration_form(request, event: Event, data=None):
    questions = list(event.questions.all())
    if request.user.is_authenticated:
        return RegistrationForm(data, questions=questions, prefix="reg")
    return GuestForm(data, questions=questions, prefix="guest")


def registration_edit_form(event: Event, registration, data=None) -> RegistrationForm:
    """The person's own answers and attendee-list choice, to change after registering."""
    initial = {f"question-{answer.question.uuid}": answer.value
               for answer in registration.answers.select_related("question")}
    initial["show_on_attendee_list"] = registration.show_on_attendee_list
    return RegistrationForm(data, questions=list(event.questions.all()), initial=initial,
                            prefix="mine")


def render_detail(request, event: Event, form=None, edit_form=None, status: int = 200):
    me = standing(request, event)
    organisers = selectors.organisers_of(event=event)
    if form is None and me.state in (None, "cancelled"):
        form = _registration_form(request, event)
    if edit_form is None and me.state in ("confirmed", "waiting"):
        edit_form = registration_edit_form(event, me.registration)
    return render(request, "events/event_detail.html", {
        "event": event, "me": me, "form": form, "edit_form": edit_form,
        "organisers": organisers,
        "registration_state": event.registration_state(),
        "show_link": permissions.can_see_online_link(request.user, event),
        "can_follow_up": permissions.can_follow_up(request.user, event) and event.has_ended,
        "guest_allowed": event.is_public,
        "follow_up_challenge": selectors.follow_up_challenge(viewer=request.user, event=event),
        "seats_left": None if event.capacity is None
        else max(event.capacity - event.seats_taken, 0),
    }, status=status)


def event_detail(request, slug):
    return render_detail(request, event_or_404(request, slug))


def _ecosystems_for(request):
    """Ecosystems the person may plan events in: their members' ones, and facilitated ones."""
    person = request.user
    if person.is_staff:
        return Ecosystem.objects.order_by("name")
    facilitated = Role.objects.filter(person=person, name=Role.Name.FACILITATOR,
                                      ended_at__isnull=True).values("ecosystem_id")
    return Ecosystem.objects.filter(
        Q(id__in=member_ecosystem_ids(person)) | Q(id__in=facilitated)
    ).order_by("name")


@login_required
def event_create(request):
    ecosystems = list(_ecosystems_for(request))
    initial = {}
    chosen = request.GET.get("ecosystem")
    for ecosystem in ecosystems:
        if ecosystem.slug == chosen:
            initial["ecosystem"] = str(ecosystem.uuid)
    form = SeriesForm(request.POST or None, ecosystems=ecosystems, initial=initial)
    if request.method == "POST":
        with timezone.override(_zone(request, "Europe/Amsterdam")):
            valid = form.is_valid()
        if valid:
            arguments = form.service_arguments()
            frequency, count = arguments.pop("frequency"), arguments.pop("count")
            try:
                if frequency:
                    series = services.series_create(actor=request.actor, frequency=frequency,
                                                    count=count or 0, **arguments)
                    event = series.events.order_by("starts_at").first()
                    messages.success(request, _("The series has been planned. Each occurrence "
                                                "can be changed on its own."))
                else:
                    event = services.event_create(actor=request.actor, **arguments)
                    messages.success(request, _("The event has been planned."))
            except DomainError as error:
                add_domain_error(form, error)
            else:
                return redirect("events:detail", slug=event.slug)
    return render(request, "events/event_form.html", {"form": form, "event": None})


def _zone(request, default: str) -> str:
    """Times in the form are read in the zone it names (an unknown one: its field says so)."""
    zone = request.POST.get("time_zone") or default
    return zone if zone in COMMON_ZONES or zone == default else default


def _initial(event: Event) -> dict:
    fields = ["title", "kind", "description", "mode", "venue", "address", "online_url",
              "capacity", "per_organisation_limit", "visibility", "agenda", "time_zone"]
    initial = {field: getattr(event, field) for field in fields}
    for field in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
        value = getattr(event, field)
        initial[field] = timezone.localtime(value, event.zone) if value else None
    return initial


@login_required
def event_edit(request, slug):
    event = event_or_404(request, slug)
    if not permissions.can_manage(request.user, event):
        return forbidden(request, _("Only the organisers of this event may change it."))
    form = EventForm(request.POST or None, initial=_initial(event), editing=True)
    if request.method == "POST":
        with timezone.override(_zone(request, event.time_zone)):
            valid = form.is_valid()
        if valid:
            try:
                services.event_update(actor=request.actor, event=event,
                                      **form.service_arguments())
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The changes have been saved."))
                return redirect("events:detail", slug=event.slug)
    with timezone.override(event.zone):  # the form shows the times in the event's zone
        return render(request, "events/event_form.html", {"form": form, "event": event})


@login_required
def event_cancel(request, slug):
    event = event_or_404(request, slug)
    if not permissions.can_manage(request.user, event):
        return forbidden(request, _("Only the organisers of this event may cancel it."))
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_cancel(actor=request.actor, event=event,
                                  reason=form.cleaned_data["reason"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The event has been cancelled; everyone registered "
                                        "is being told by email."))
            return redirect("events:detail", slug=event.slug)
    return render(request, "events/event_cancel.html", {"form": form, "event": event})


@login_required
def event_minutes(request, slug):
    event = event_or_404(request, slug)
    if not permissions.can_manage(request.user, event):
        return forbidden(request, _("Only the organisers may write the agenda and minutes."))
    form = MinutesForm(request.POST or None,
                       initial={"agenda": event.agenda, "minutes": event.minutes})
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_update(actor=request.actor, event=event, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The agenda and minutes have been saved."))
            return redirect("events:detail", slug=event.slug)
    return render(request, "events/minutes_form.html", {"form": form, "event": event})


@login_required
def event_follow_up(request, slug):
    """One page, two ways on: a new ecosystem, or an ideation challenge."""
    event = event_or_404(request, slug)
    if not permissions.can_follow_up(request.user, event):
        return forbidden(request, _("Only the organisers of a round table may give it a "
                                    "follow-up."))
    action = request.POST.get("action") if request.method == "POST" else None
    form = FollowUpForm(request.POST if action == "ecosystem" else None,
                        initial={"name": event.title}, prefix="ecosystem")
    challenge_form = FollowUpChallengeForm(request.POST if action == "challenge" else None,
                                           prefix="challenge")
    if action == "ecosystem" and form.is_valid():
        try:
            ecosystem = services.follow_up_ecosystem(actor=request.actor, event=event,
                                                     **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The ecosystem has been started and the attendees' "
                                        "organisations have been invited."))
            return redirect("ecosystems:detail", slug=ecosystem.slug)
    if action == "challenge" and challenge_form.is_valid():
        try:
            challenge = services.follow_up_challenge(actor=request.actor, event=event,
                                                     **challenge_form.cleaned_data)
        except DomainError as error:
            add_domain_error(challenge_form, error)
        else:
            messages.success(request, _("The challenge has started and the attendees have "
                                        "been invited to it."))
            return redirect("ideation:challenge", slug=challenge.slug)
    return render(request, "events/follow_up.html", {
        "form": form, "challenge_form": challenge_form, "event": event,
        "organisations": services.attendee_organisations(event),
    })
