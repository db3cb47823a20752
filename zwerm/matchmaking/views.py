"""Pages of matchmaking: suggestions, introductions, connections and 'who should join'."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zwerm.core.errors import DomainError
from zwerm.ecosystems.selectors import visible_ecosystem
from zwerm.matchmaking import permissions, selectors, services
from zwerm.matchmaking.forms import AnswerForm, IntroductionForm, add_domain_error
from zwerm.organisations.models import Organisation

SUGGESTIONS = 20


def _no_organisation(request):
    return render(request, "matchmaking/no_organisation.html", status=403)


def _organisation(slug: str) -> Organisation:
    return get_object_or_404(Organisation, slug=slug, merged_into__isnull=True)


@login_required
def suggestions(request):
    """The organisations the acting organisation should meet, and why."""
    own = permissions.acting_organisation(request.actor)
    if own is None:
        return _no_organisation(request)
    found = selectors.suggestions_for(viewer=request.user, organisation=own, limit=SUGGESTIONS)
    pending = selectors.pending_with(own)
    return render(request, "matchmaking/suggestions.html", {
        "organisation": own,
        "suggestions": [(suggestion, pending.get(suggestion.organisation.pk))
                        for suggestion in found],
        "dismissed": selectors.dismissed_list(organisation=own),
        "current": "suggestions",
    })


@login_required
@require_POST
def dismiss(request, slug):
    organisation = _organisation(slug)
    try:
        services.suggestion_dismiss(actor=request.actor, organisation=organisation)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("%(name)s is hidden from your suggestions.")
                         % {"name": organisation.name})
    return redirect("matchmaking:suggestions")


@login_required
@require_POST
def restore(request, slug):
    organisation = _organisation(slug)
    try:
        services.suggestion_restore(actor=request.actor, organisation=organisation)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("%(name)s may be suggested again.")
                         % {"name": organisation.name})
    return redirect("matchmaking:suggestions")


@login_required
def introduction_new(request, slug):
    """Ask to be introduced to an organisation, with a message."""
    organisation = _organisation(slug)
    own = permissions.acting_organisation(request.actor)
    if own is None:
        return _no_organisation(request)
    form = IntroductionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.introduction_request(
                actor=request.actor, organisation=organisation, **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your request was sent to %(name)s.")
                             % {"name": organisation.name})
            return redirect("matchmaking:introductions")
    matching = selectors.suggestions_for(
        viewer=request.user, organisation=own, among=[organisation.pk], limit=1
    )
    return render(request, "matchmaking/introduction_form.html", {
        "organisation": organisation, "own": own, "form": form,
        "suggestion": matching[0] if matching else None,
    })


@login_required
def introductions(request):
    """Requests to the acting organisation (to answer) and its own requests."""
    own = permissions.acting_organisation(request.actor)
    if own is None:
        return _no_organisation(request)
    return render(request, "matchmaking/introductions.html", {
        "organisation": own,
        "incoming": selectors.introduction_list(organisation=own, direction="incoming"),
        "outgoing": selectors.introduction_list(organisation=own, direction="outgoing"),
        "can_answer": permissions.can_answer_for(request.user, own),
        "current": "introductions",
    })


@login_required
def introduction_answer(request, uuid):
    """Accept or decline one introduction, with an optional reply."""
    introduction = selectors.introduction_for(viewer=request.user, uuid_=uuid)
    if introduction is None:
        raise Http404
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action")
        try:
            if action == "accept":
                services.introduction_accept(actor=request.actor, introduction=introduction,
                                             **form.cleaned_data)
                messages.success(request, _("You are now connected with %(name)s.")
                                 % {"name": introduction.requester.name})
            elif action == "decline":
                services.introduction_decline(actor=request.actor, introduction=introduction,
                                              **form.cleaned_data)
                messages.success(request, _("You declined the introduction."))
            else:
                raise Http404
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return redirect("matchmaking:introductions")
    return render(request, "matchmaking/introduction_answer.html", {
        "introduction": introduction, "form": form,
        "can_answer": permissions.can_answer_introduction(request.user, introduction),
    })


@login_required
def connections(request):
    own = permissions.acting_organisation(request.actor)
    if own is None:
        return _no_organisation(request)
    return render(request, "matchmaking/connections.html", {
        "organisation": own,
        "connections": [
            (connection, connection.other(own.pk))
            for connection in selectors.connection_list(organisation=own)
        ],
        "current": "connections",
    })


@login_required
def ecosystem_candidates(request, slug):
    """'Who should join': a facilitator's list of organisations to invite, with reasons."""
    ecosystem = visible_ecosystem(viewer=request.user, slug=slug)
    if ecosystem is None:
        raise Http404
    if not permissions.can_see_candidates(request.user, ecosystem):
        return render(request, "matchmaking/forbidden.html", {
            "message": _("Only the facilitators of this ecosystem see who should join."),
        }, status=403)
    return render(request, "matchmaking/ecosystem_candidates.html", {
        "ecosystem": ecosystem,
        "suggestions": selectors.ecosystem_candidates(
            viewer=request.user, ecosystem=ecosystem, limit=SUGGESTIONS
        ),
    })
