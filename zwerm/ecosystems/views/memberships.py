"""Pages about memberships: joining, the organisation's own steps, management, invitations."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from zwerm.core.errors import DomainError, ValidationFailed
from zwerm.ecosystems import hooks, permissions, selectors, services
from zwerm.ecosystems.forms import (
    AppointFacilitatorForm,
    DecisionForm,
    DelegateForm,
    InvitationAnswerForm,
    InviteForm,
    JoinForm,
    ReasonForm,
    add_domain_error,
)
from zwerm.ecosystems.models import EcosystemInvitation, Membership, Role
from zwerm.ecosystems.views._helpers import (
    ecosystem_or_404,
    forbidden,
    label_people,
    standing,
)
from zwerm.organisations.models import Organisation, OrganisationMember


@login_required
def ecosystem_join(request, slug):
    """Join an open ecosystem, or ask to join one that works on request."""
    ecosystem = ecosystem_or_404(request, slug)
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.membership_enter(
                actor=request.actor, ecosystem=ecosystem, **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            if membership.state == Membership.State.ACTIVE:
                messages.success(request, _("Welcome! Your organisation is now a member."))
            else:
                messages.success(request, _("Your request has been sent to the facilitators."))
            return redirect("ecosystems:detail", slug=ecosystem.slug)
    return render(request, "ecosystems/join.html", {
        "ecosystem": ecosystem, "form": form, "me": standing(request, ecosystem),
    })


ACTIONS = {
    "pause": (
        gettext_lazy("Pause the membership"),
        gettext_lazy("While paused, your organisation stays listed and keeps its roles, but "
                     "does not take part. You can come back at any time."),
        False,
    ),
    "resume": (gettext_lazy("Resume the membership"),
               gettext_lazy("Your organisation takes part again."), None),
    "leave": (
        gettext_lazy("Leave the ecosystem"),
        gettext_lazy("Your organisation's roles in the ecosystem end. Its history stays, and "
                     "you can ask to join again later."),
        True,
    ),
}


@login_required
def membership_action(request, slug, action):
    """Pause, resume or leave, for the organisation the viewer acts for."""
    if action not in ACTIONS:
        raise Http404
    ecosystem = ecosystem_or_404(request, slug)
    me = standing(request, ecosystem)
    if me.membership is None:
        raise Http404
    title, explanation, reason_required = ACTIONS[action]
    data = request.POST if request.method == "POST" else None
    form = ReasonForm(data, required=bool(reason_required))
    if action == "resume":
        form.fields.pop("reason")
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data.get("reason", "")
        try:
            if action == "pause":
                services.membership_pause(actor=request.actor, membership=me.membership,
                                          reason=reason)
            elif action == "resume":
                services.membership_resume(actor=request.actor, membership=me.membership)
            else:
                services.membership_leave(actor=request.actor, membership=me.membership,
                                          reason=reason)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The membership has been updated."))
            return redirect("ecosystems:detail", slug=ecosystem.slug)
    obligations = []
    if action in ("pause", "leave") and me.can_speak:
        obligations = hooks.open_obligations(membership=me.membership)
    handle_links = {(item.handle_url, str(item.handle_label)) for item in obligations
                    if item.handle_url}
    return render(request, "ecosystems/membership_action.html", {
        "ecosystem": ecosystem, "form": form, "me": me, "action": action, "title": title,
        "explanation": explanation, "obligations": obligations,
        "handle_links": sorted(handle_links),
    })


def _manage_context(request, ecosystem, **forms):
    members = list(selectors.ecosystem_members(ecosystem=ecosystem, viewer=request.user))
    roles = list(selectors.ecosystem_roles(ecosystem=ecosystem))
    label_people(request.user, roles)
    candidates = list(selectors.candidate_facilitators(ecosystem=ecosystem))
    requests = [m for m in members if m.state == Membership.State.REQUESTED]
    reasons = selectors.request_reasons(memberships=requests)
    for membership in requests:
        membership.request_reason = reasons.get(membership.pk, "")
    context = {
        "ecosystem": ecosystem,
        "requests": requests,
        "members": [m for m in members if m.state != Membership.State.REQUESTED],
        "invitations": selectors.open_invitations(ecosystem=ecosystem),
        "facilitators": [r for r in roles if r.name == Role.Name.FACILITATOR],
        "delegates": [r for r in roles if r.name == Role.Name.DELEGATE],
        "invite_form": InviteForm(),
        "appoint_form": AppointFacilitatorForm(candidates=candidates),
        "decision_form": None,
        "decision_for": None,
    }
    context.update(forms)
    return context


@login_required
def ecosystem_manage(request, slug):
    """The facilitators' page: requests, invitations, members and roles (one POST per action)."""
    ecosystem = ecosystem_or_404(request, slug)
    if not permissions.can_manage(request.user, ecosystem):
        return forbidden(request, _("Only the facilitators of this ecosystem may manage it."))
    if request.method != "POST":
        return render(request, "ecosystems/manage.html", _manage_context(request, ecosystem))
    action = request.POST.get("action", "")
    forms: dict = {}
    try:
        if action == "invite":
            form = forms["invite_form"] = InviteForm(request.POST)
            if form.is_valid():
                _invite(request, ecosystem, form)
                messages.success(request, _("The invitation has been sent."))
                return redirect("ecosystems:manage", slug=ecosystem.slug)
        elif action in ("accept", "decline"):
            form = forms["decision_form"] = DecisionForm(request.POST)
            if form.is_valid():
                membership = ecosystem.memberships.filter(
                    uuid=form.cleaned_data["membership"]
                ).select_related("organisation").first()
                if membership is None:
                    raise Http404
                forms["decision_for"] = membership.uuid
                if action == "accept":
                    services.membership_accept(actor=request.actor, membership=membership,
                                               reason=form.cleaned_data["reason"])
                    messages.success(request, _("The request has been accepted."))
                else:
                    services.membership_decline(actor=request.actor, membership=membership,
                                                reason=form.cleaned_data["reason"])
                    messages.success(request, _("The request has been declined."))
                return redirect("ecosystems:manage", slug=ecosystem.slug)
        elif action == "appoint":
            candidates = list(selectors.candidate_facilitators(ecosystem=ecosystem))
            form = forms["appoint_form"] = AppointFacilitatorForm(
                request.POST, candidates=candidates
            )
            if form.is_valid():
                org_uuid, person_uuid = form.cleaned_data["candidate"].split(":")
                chosen = next(
                    m for m in candidates
                    if str(m.organisation.uuid) == org_uuid and str(m.person.uuid) == person_uuid
                )
                services.facilitator_appoint(actor=request.actor, ecosystem=ecosystem,
                                             person=chosen.person,
                                             organisation=chosen.organisation)
                messages.success(request, _("The facilitator has been appointed."))
                return redirect("ecosystems:manage", slug=ecosystem.slug)
        elif action == "end_role":
            role = ecosystem.roles.filter(
                uuid=_uuid_or_none(request.POST.get("role")), ended_at__isnull=True
            ).first()
            if role is None:
                raise Http404
            services.facilitator_end(actor=request.actor, role=role)
            messages.success(request, _("The role has ended."))
            return redirect("ecosystems:manage", slug=ecosystem.slug)
        elif action == "withdraw":
            invitation = ecosystem.invitations.filter(
                uuid=_uuid_or_none(request.POST.get("invitation"))
            ).first()
            if invitation is None:
                raise Http404
            services.invitation_revoke(actor=request.actor, invitation=invitation)
            messages.success(request, _("The invitation has been withdrawn."))
            return redirect("ecosystems:manage", slug=ecosystem.slug)
        else:
            raise Http404
    except DomainError as error:
        target = next(iter(forms.values()), None) if forms else None
        if target is None:
            messages.error(request, str(error.message))
            return redirect("ecosystems:manage", slug=ecosystem.slug)
        add_domain_error(target, error)
    return render(request, "ecosystems/manage.html",
                  _manage_context(request, ecosystem, **forms), status=200)


def _uuid_or_none(value):
    import uuid

    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _invite(request, ecosystem, form: InviteForm) -> EcosystemInvitation:
    organisation = None
    slug = form.cleaned_data["organisation"]
    if slug:
        organisation = Organisation.objects.filter(slug=slug, merged_into__isnull=True).first()
        if organisation is None:
            raise ValidationFailed(_("No organisation has this web address."),
                                   field="organisation")
    return services.invitation_create(
        actor=request.actor, ecosystem=ecosystem, email=form.cleaned_data["email"],
        organisation=organisation, kind=form.cleaned_data["kind"],
        message=form.cleaned_data["message"],
    )


@login_required
def delegate_appoint(request, slug):
    """An organisation's admins choose who speaks for it in the ecosystem."""
    ecosystem = ecosystem_or_404(request, slug)
    me = standing(request, ecosystem)
    if me.membership is None or not permissions.can_appoint_delegate(
        request.user, me.membership.organisation
    ):
        return forbidden(request,
            _("Only the administrators of the organisation may appoint its delegate.")
        )
    organisation = me.membership.organisation
    people = list(selectors.organisation_people(organisation=organisation))
    current = ecosystem.roles.filter(
        organisation=organisation, name=Role.Name.DELEGATE, ended_at__isnull=True
    ).select_related("person").first()
    form = DelegateForm(request.POST or None, people=people,
                        initial={"person": str(current.person.uuid) if current else None})
    if request.method == "POST" and form.is_valid():
        person = next(p for p in people if str(p.uuid) == form.cleaned_data["person"])
        try:
            services.delegate_appoint(actor=request.actor, ecosystem=ecosystem,
                                      organisation=organisation, person=person)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The delegate has been appointed."))
            return redirect("ecosystems:detail", slug=ecosystem.slug)
    return render(request, "ecosystems/delegate_form.html", {
        "ecosystem": ecosystem, "form": form, "organisation": organisation, "current": current,
    })


def invitation_detail(request, uuid):
    """The page behind the invitation link: sign in or up, choose the organisation, answer."""
    invitation = (
        EcosystemInvitation.objects.select_related("ecosystem", "organisation", "invited_by")
        .filter(uuid=uuid).first()
    )
    if invitation is None:
        raise Http404
    context = {"invitation": invitation, "ecosystem": invitation.ecosystem}
    if not request.user.is_authenticated or not invitation.is_open:
        return render(request, "ecosystems/invitation.html", context)
    admin_of = Organisation.objects.filter(
        memberships__person=request.user, memberships__left_at__isnull=True,
        memberships__role=OrganisationMember.Role.ADMIN, merged_into__isnull=True,
    ).order_by("name")
    if invitation.organisation_id:
        admin_of = admin_of.filter(pk=invitation.organisation_id)
    organisations = list(admin_of)
    answer_form = InvitationAnswerForm(
        request.POST if request.POST.get("answer") == "accept" else None,
        organisations=organisations,
        initial={"organisation": str(request.actor.organisation.uuid)
                 if request.actor.organisation else None},
    )
    decline_form = ReasonForm(
        request.POST if request.POST.get("answer") == "decline" else None, required=False,
        label=_("Reason (optional)"),
    )
    if request.method == "POST":
        try:
            if request.POST.get("answer") == "accept" and answer_form.is_valid():
                organisation = next(
                    o for o in organisations if str(o.uuid) == answer_form.cleaned_data[
                        "organisation"]
                )
                services.invitation_accept(actor=request.actor, invitation=invitation,
                                           organisation=organisation)
                messages.success(request, _("Welcome! Your organisation is now a member."))
                return redirect("ecosystems:detail", slug=invitation.ecosystem.slug)
            if request.POST.get("answer") == "decline" and decline_form.is_valid():
                services.invitation_decline(actor=request.actor, invitation=invitation,
                                            reason=decline_form.cleaned_data["reason"])
                messages.success(request, _("You declined the invitation."))
                return redirect("core:dashboard")
        except DomainError as error:
            add_domain_error(
                answer_form if request.POST.get("answer") == "accept" else decline_form, error
            )
    context.update({
        "organisations": organisations, "answer_form": answer_form, "decline_form": decline_form,
    })
    return render(request, "ecosystems/invitation.html", context)


@require_POST
@login_required
def organisation_export(request, slug, organisation, file_format):
    """An organisation's data in this ecosystem, as JSON or as a zip of CSV files.

    Asked with a POST (a button, not a link): taking the data is recorded as an activity,
    and a GET must change nothing.

    Found by slug even when the viewer no longer sees a members-only ecosystem: an
    organisation that left still takes its data with it. Whoever may not export gets a 404
    (a 403 only where the ecosystem is visible to them anyway).
    """
    import json

    from django.http import HttpResponse

    from zwerm.ecosystems import exports
    from zwerm.ecosystems.models import Ecosystem

    ecosystem = Ecosystem.objects.filter(slug=slug).first()
    found = Organisation.objects.filter(slug=organisation).first()
    if ecosystem is None or found is None:
        raise Http404
    if not exports.can_export_organisation(request.user, ecosystem, found):
        if permissions.can_view(request.user, ecosystem):
            return forbidden(request, _("Only an administrator or the delegate of the "
                                        "organisation may export its data."))
        raise Http404
    document = exports.organisation_export_make(
        actor=request.actor, ecosystem=ecosystem, organisation=found,
        file_format="csv" if file_format == "zip" else "json",
    )
    name = f"{ecosystem.slug}-{found.slug}"
    if file_format == "zip":
        response = HttpResponse(exports.export_zip(document), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{name}.zip"'
        return response
    response = HttpResponse(json.dumps(document, ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response
