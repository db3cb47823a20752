"""Pages of elasticity: deciding what happens to an organisation's commitments and roles,
answering hand-over requests, and the welcome page of a new member."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from zwerm.collaboration.permissions import can_speak_for
from zwerm.collaboration.permissions import elasticity as permissions
from zwerm.collaboration.selectors import elasticity as selectors
from zwerm.collaboration.services import elasticity as services
from zwerm.collaboration.services import ledger as ledger_services
from zwerm.collaboration.views.common import ecosystem_or_404, forbidden
from zwerm.collaboration.views.elasticity_forms import (
    HAND_OVER,
    DeclineForm,
    ItemDecisionForm,
)
from zwerm.core.errors import DomainError, ValidationFailed
from zwerm.ecosystems.forms import add_domain_error
from zwerm.ecosystems.models import Ecosystem
from zwerm.organisations.models import Organisation

#: Service error fields shown on the form's ``receiver`` field.
RECEIVER_FIELDS = ("to_organisation", "to_person", "item")
#: Service error fields shown on the form's ``note`` field (a release's reason).
NOTE_FIELDS = ("reason",)


def _show_error(form: ItemDecisionForm, error: DomainError) -> None:
    moved = dict(error.fields)
    for name in RECEIVER_FIELDS:
        if name in moved:
            moved.setdefault("receiver", []).extend(moved.pop(name))
    for name in NOTE_FIELDS:
        if name in moved:
            moved.setdefault("note", []).extend(moved.pop(name))
    error.fields = moved
    add_domain_error(form, error)


def _items(request: HttpRequest, ecosystem: Ecosystem) -> list[dict[str, Any]]:
    """Every open commitment and role of the organisation, each with its decision form."""
    organisation = request.actor.organisation
    commitments = list(selectors.open_commitments(ecosystem=ecosystem,
                                                  organisation=organisation))
    roles = list(selectors.held_roles(ecosystem=ecosystem, organisation=organisation))
    organisations = [(o.slug, o.name) for o in selectors.receiving_organisations(
        ecosystem=ecosystem, exclude=organisation)]
    candidates = selectors.role_candidates(roles=roles)
    names = selectors.person_labels(
        request.user, [m.person for members in candidates.values() for m in members]
        + [r.person for r in roles])
    items = []
    for commitment in commitments:
        items.append({"key": f"c-{commitment.uuid}", "kind": "commitment", "obj": commitment,
                      "pending": (commitment.pending_hand_overs or [None])[0],
                      "receivers": organisations, "label": _("To organisation")})
    for role in roles:
        role.shown_name = names.get(role.person_id, "")
        people = [(str(m.person.uuid), _("%(person)s (%(organisation)s)") % {
            "person": names.get(m.person_id) or _("someone"),
            "organisation": m.organisation.name}) for m in candidates.get(role.pk, [])]
        items.append({"key": f"r-{role.uuid}", "kind": "role", "obj": role,
                      "pending": (role.pending_hand_overs or [None])[0],
                      "receivers": people, "candidates": candidates.get(role.pk, []),
                      "label": _("To person")})
    return items


def _decide(request: HttpRequest, item: dict[str, Any], form: ItemDecisionForm) -> None:
    data = form.cleaned_data
    obj = item["obj"]
    target = {"commitment": obj} if item["kind"] == "commitment" else {"role": obj}
    if data["choice"] == HAND_OVER:
        if item["kind"] == "commitment":
            receiver = Organisation.objects.filter(slug=data["receiver"]).first()
            if receiver is None:
                raise ValidationFailed(_("No organisation has this web address."),
                                       field="to_organisation")
            services.hand_over_request(actor=request.actor, to_organisation=receiver,
                                       note=data["note"], **target)
        else:
            member = next(m for m in item["candidates"]
                          if str(m.person.uuid) == data["receiver"])
            services.hand_over_request(actor=request.actor, to_person=member.person,
                                       to_organisation=member.organisation, note=data["note"],
                                       **target)
        messages.success(request, _("The request has been sent; it changes hands once they "
                                    "accept."))
    elif item["kind"] == "commitment":
        # The ledger's one path for releasing; the note is the reason it asks for.
        ledger_services.commitment_release(actor=request.actor, commitment=obj,
                                           reason=data["note"])
        messages.success(request, _("The commitment has been released."))
    else:
        services.role_release(actor=request.actor, role=obj, note=data["note"])
        messages.success(request, _("The role has been released."))


@login_required
def handover(request: HttpRequest, ecosystem: str) -> HttpResponse:
    """Every open commitment and role of the organisation the viewer speaks for, each with
    the choice to hand it over or release it; and what was decided before."""
    ecosystem = ecosystem_or_404(request, ecosystem)
    if not permissions.can_hand_over(request.actor, ecosystem):
        return forbidden(request, _("Only an administrator or the delegate of a member "
                                    "organisation decides what happens to its commitments "
                                    "and roles."))
    organisation = request.actor.organisation
    items = _items(request, ecosystem)
    posted = request.POST.get("item") if request.method == "POST" else None
    for item in items:
        data = request.POST if item["key"] == posted else None
        item["form"] = ItemDecisionForm(data, prefix=item["key"], receivers=item["receivers"],
                                        receiver_label=item["label"])
    status = 200
    if request.method == "POST":
        try:
            if request.POST.get("action") == "withdraw":
                hand_over = selectors.sent_hand_overs(
                    ecosystem=ecosystem, organisation=organisation,
                ).filter(uuid=_uuid(request.POST.get("hand_over"))).first()
                if hand_over is None:
                    raise Http404
                services.hand_over_withdraw(actor=request.actor, hand_over=hand_over)
                messages.success(request, _("The request has been withdrawn."))
                return redirect("collaboration:handover", ecosystem=ecosystem.slug)
            item = next((i for i in items if i["key"] == posted), None)
            if item is None:
                raise Http404
            if item["form"].is_valid():
                try:
                    _decide(request, item, item["form"])
                except DomainError as error:
                    _show_error(item["form"], error)
                else:
                    return redirect("collaboration:handover", ecosystem=ecosystem.slug)
            status = 422
        except DomainError as error:
            messages.error(request, str(error.message))
            return redirect("collaboration:handover", ecosystem=ecosystem.slug)
    history = list(selectors.sent_hand_overs(ecosystem=ecosystem,
                                             organisation=organisation)[:50])
    return render(request, "collaboration/elasticity/handover.html", {
        "ecosystem": ecosystem, "organisation": organisation, "items": items,
        "history": history,
    }, status=status)


def _url(name: str, **kwargs: Any) -> str:
    """A page of another part, or "" while that part has no such page (the welcome page
    then shows the name without a link)."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""


def _uuid(value: Any) -> Any:
    import uuid

    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


@login_required
def handover_requests(request: HttpRequest, ecosystem: str) -> HttpResponse:
    """Requests to take over a commitment or role, waiting for the viewer's organisation
    (or for the viewer, named to take a role), with accept and decline."""
    ecosystem = ecosystem_or_404(request, ecosystem)
    organisation = request.actor.organisation
    speaks = can_speak_for(request.actor, ecosystem, organisation)
    pending = list(selectors.pending_requests(
        ecosystem=ecosystem, organisation=organisation if speaks else None,
        person=request.user))
    decline_forms = {h.uuid: DeclineForm(prefix=str(h.uuid)) for h in pending}
    status = 200
    if request.method == "POST":
        hand_over = next((h for h in pending if h.uuid == _uuid(request.POST.get("hand_over"))),
                         None)
        if hand_over is None:
            raise Http404
        try:
            if request.POST.get("action") == "accept":
                services.hand_over_accept(actor=request.actor, hand_over=hand_over)
                messages.success(request, _("You took it over."))
                return redirect("collaboration:handover_requests", ecosystem=ecosystem.slug)
            form = decline_forms[hand_over.uuid] = DeclineForm(request.POST,
                                                               prefix=str(hand_over.uuid))
            if form.is_valid():
                services.hand_over_decline(actor=request.actor, hand_over=hand_over,
                                           reason=form.cleaned_data["reason"])
                messages.success(request, _("You declined; they have been told."))
                return redirect("collaboration:handover_requests", ecosystem=ecosystem.slug)
            status = 422
        except DomainError as error:
            messages.error(request, str(error.message))
            return redirect("collaboration:handover_requests", ecosystem=ecosystem.slug)
    may_answer = permissions.answerable(request.actor, pending)
    for hand_over in pending:
        hand_over.decline_form = decline_forms[hand_over.uuid]
        hand_over.may_answer = hand_over.pk in may_answer
    return render(request, "collaboration/elasticity/requests.html", {
        "ecosystem": ecosystem, "organisation": organisation, "pending": pending,
    }, status=status)


@login_required
def welcome(request: HttpRequest, ecosystem: str) -> HttpResponse:
    """The onboarding page for people of member organisations; others are sent to the
    ecosystem's page, where they can ask to join."""
    ecosystem = ecosystem_or_404(request, ecosystem)
    if not permissions.can_see_onboarding(request.user, ecosystem):
        messages.info(request, _("The welcome page is for member organisations; join the "
                                 "ecosystem first."))
        return redirect("ecosystems:detail", slug=ecosystem.slug)
    organisation = selectors.member_organisation(
        ecosystem=ecosystem, organisation=request.actor.organisation)
    data = selectors.welcome(viewer=request.user, ecosystem=ecosystem,
                             organisation=organisation)
    for group in data.working_groups:
        group.url = _url("collaboration:wg_detail", ecosystem=ecosystem.slug, slug=group.slug)
    for decision in data.decisions:
        decision.url = _url("collaboration:decision_detail", ecosystem=ecosystem.slug,
                            number=decision.number)
    return render(request, "collaboration/elasticity/welcome.html", {
        "ecosystem": ecosystem, "welcome": data,
    })
