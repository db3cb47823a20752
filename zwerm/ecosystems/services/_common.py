"""Helpers the ecosystem services share: applying a state transition and its records."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.models import Activity
from zwerm.ecosystems import states
from zwerm.ecosystems.models import Ecosystem, Membership, MembershipEvent, Role
from zwerm.organisations.models import Organisation, OrganisationMember

REASON_MAX = 2000

STATE_ERRORS = {
    "join": _("This organisation is already part of the ecosystem, or has a request open."),
    "request": _("This organisation is already part of the ecosystem, or has a request open."),
    "invite": _("This organisation is already a member, invited, or has a request open."),
    "accept": _("Only an open request can be accepted."),
    "decline": _("Only an open request can be declined."),
    "accept_invitation": _("This organisation is already a member of the ecosystem."),
    "decline_invitation": _("Only an open invitation can be declined."),
    "revoke_invitation": _("Only an open invitation can be withdrawn."),
    "pause": _("Only an active membership can be paused."),
    "resume": _("Only a paused membership can be resumed."),
    "leave": _("Only an active or paused membership can be ended."),
    "withdraw": _("Only an open request can be withdrawn."),
}


def require_person(actor: Actor) -> None:
    if not actor.is_authenticated and not actor.is_system:
        raise NotAllowed(_("Sign in to do this."))


def clean_reason(reason: str | None, *, required: bool = False) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise ValidationFailed(_("Please give a reason."), field="reason")
    if len(reason) > REASON_MAX:
        raise ValidationFailed(
            _("Keep the reason under %(max)d characters.") % {"max": REASON_MAX}, field="reason"
        )
    return reason


def lock_membership(ecosystem: Ecosystem, organisation: Organisation) -> Membership | None:
    return (
        Membership.objects.select_for_update()
        .filter(ecosystem=ecosystem, organisation=organisation)
        .first()
    )


def apply_transition(
    *,
    actor: Actor,
    ecosystem: Ecosystem,
    organisation: Organisation,
    membership: Membership | None,
    action: str,
    reason: str = "",
    kind: str | None = None,
    acting_organisation: Organisation | None = None,
) -> tuple[Membership, Activity]:
    """Move a membership (or create it) through ``action``; write the event and the activity.

    ``acting_organisation`` is whom the activity is recorded for when it is not the actor's
    current organisation (an admin speaking for the organisation the membership is of).
    """
    current = membership.state if membership is not None else None
    try:
        step = states.transition(current, action)
    except states.InvalidTransition:
        raise Conflict(STATE_ERRORS[action], code="invalid_transition") from None
    now = timezone.now()
    if membership is None:
        membership = Membership.objects.create(
            ecosystem=ecosystem, organisation=organisation,
            kind=kind or Membership.Kind.MEMBER, state=step.target, state_changed_at=now,
        )
    else:
        membership.state = step.target
        membership.state_changed_at = now
        fields = ["state", "state_changed_at", "updated_at"]
        if kind and current in states.FRESH + (states.INVITED, states.REQUESTED):
            membership.kind = kind
            fields.append("kind")
        membership.save(update_fields=fields)
    MembershipEvent.objects.create(
        membership=membership, from_state=current or "", to_state=step.target,
        kind=membership.kind, reason=reason, actor=actor.person, created_at=now,
    )
    activity = record(
        verb=step.verb, actor=actor, subject=organisation, ecosystem=ecosystem,
        organisation=acting_organisation,
        payload={
            "membership": str(membership.uuid), "from": current or "", "to": step.target,
            "kind": membership.kind, "with_reason": bool(reason),
        },
    )
    return membership, activity


def current_facilitators(ecosystem: Ecosystem) -> list[Role]:
    return list(
        Role.objects.select_for_update().filter(
            ecosystem=ecosystem, name=Role.Name.FACILITATOR, ended_at__isnull=True
        )
    )


def organisation_admins(organisation: Organisation) -> list[Any]:
    return [
        m.person
        for m in OrganisationMember.objects.filter(
            organisation=organisation, left_at__isnull=True, role=OrganisationMember.Role.ADMIN,
            person__is_active=True,
        ).select_related("person").order_by("created_at", "id")
    ]


def facilitator_people(ecosystem: Ecosystem) -> list[Any]:
    return [
        role.person
        for role in Role.objects.filter(
            ecosystem=ecosystem, name=Role.Name.FACILITATOR, ended_at__isnull=True
        ).select_related("person")
    ]


def ecosystem_url(ecosystem: Ecosystem, name: str = "detail") -> str:
    return reverse(f"ecosystems:{name}", kwargs={"slug": ecosystem.slug})
