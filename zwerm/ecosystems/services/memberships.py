"""Writes about memberships: joining, requests, pausing, coming back and leaving."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from zwerm.core.actor import Actor
from zwerm.core.errors import NotAllowed, NotFound, ValidationFailed
from zwerm.core.notifications import notify
from zwerm.ecosystems import hooks, permissions
from zwerm.ecosystems.models import Ecosystem, Membership, Role
from zwerm.ecosystems.services._common import (
    apply_transition,
    clean_reason,
    ecosystem_url,
    facilitator_people,
    lock_membership,
    organisation_admins,
    require_person,
)
from zwerm.ecosystems.services.roles import delegate_default, roles_end_for_organisation
from zwerm.organisations.models import Organisation


def _committing_organisation(actor: Actor, ecosystem: Ecosystem) -> Organisation:
    require_person(actor)
    if not permissions.can_view(actor.person, ecosystem):
        raise NotFound(_("This ecosystem was not found, or you may not see it."))
    if actor.organisation is None:
        raise NotAllowed(_("Act for an organisation to join an ecosystem."),
                         code="no_organisation")
    if not permissions.can_commit(actor.person, actor.organisation):
        raise NotAllowed(
            _("Only an administrator of %(organisation)s may commit it to an ecosystem.")
            % {"organisation": actor.organisation}
        )
    return actor.organisation


def _kind(kind: str) -> str:
    if kind not in Membership.Kind.values:
        raise ValidationFailed(_("Choose member or observer."), field="kind")
    return kind


@transaction.atomic
def membership_join(
    *, actor: Actor, ecosystem: Ecosystem, kind: str = Membership.Kind.MEMBER
) -> Membership:
    """Join an open ecosystem at once, for the organisation the actor acts for."""
    organisation = _committing_organisation(actor, ecosystem)
    if ecosystem.join_policy != Ecosystem.JoinPolicy.OPEN:
        raise NotAllowed(_("This ecosystem works on request: ask to join instead."),
                         code="request_required")
    membership, _activity = apply_transition(
        actor=actor, ecosystem=ecosystem, organisation=organisation,
        membership=lock_membership(ecosystem, organisation), action="join", kind=_kind(kind),
    )
    delegate_default(actor=actor, membership=membership)
    return membership


@transaction.atomic
def membership_request(
    *, actor: Actor, ecosystem: Ecosystem, kind: str = Membership.Kind.MEMBER, reason: str = ""
) -> Membership:
    """Ask to join; the facilitators hear of it and accept or decline."""
    organisation = _committing_organisation(actor, ecosystem)
    membership, activity = apply_transition(
        actor=actor, ecosystem=ecosystem, organisation=organisation,
        membership=lock_membership(ecosystem, organisation), action="request",
        kind=_kind(kind), reason=clean_reason(reason),
    )
    notify(recipients=facilitator_people(ecosystem), kind="ecosystems.requests",
           activity=activity, url=ecosystem_url(ecosystem, "manage"))
    return membership


@transaction.atomic
def membership_enter(
    *, actor: Actor, ecosystem: Ecosystem, kind: str = Membership.Kind.MEMBER, reason: str = ""
) -> Membership:
    """Join or ask to join, whichever the ecosystem's policy asks for (the page's one button)."""
    if ecosystem.join_policy == Ecosystem.JoinPolicy.OPEN:
        return membership_join(actor=actor, ecosystem=ecosystem, kind=kind)
    return membership_request(actor=actor, ecosystem=ecosystem, kind=kind, reason=reason)


def _facilitator_answer(actor: Actor, membership: Membership) -> None:
    require_person(actor)
    if not permissions.can_manage(actor.person, membership.ecosystem):
        raise NotAllowed(_("Only the facilitators of this ecosystem may answer requests."))


@transaction.atomic
def membership_accept(*, actor: Actor, membership: Membership, reason: str = "") -> Membership:
    """A facilitator accepts a request; the organisation's admins hear of it."""
    _facilitator_answer(actor, membership)
    membership, activity = apply_transition(
        actor=actor, ecosystem=membership.ecosystem, organisation=membership.organisation,
        membership=lock_membership(membership.ecosystem, membership.organisation),
        action="accept", reason=clean_reason(reason),
    )
    delegate_default(actor=actor, membership=membership)
    notify(recipients=organisation_admins(membership.organisation), kind="ecosystems.membership",
           activity=activity, url=ecosystem_url(membership.ecosystem))
    return membership


@transaction.atomic
def membership_decline(*, actor: Actor, membership: Membership, reason: str) -> Membership:
    """A facilitator declines a request, always with a reason the organisation can read."""
    _facilitator_answer(actor, membership)
    membership, activity = apply_transition(
        actor=actor, ecosystem=membership.ecosystem, organisation=membership.organisation,
        membership=lock_membership(membership.ecosystem, membership.organisation),
        action="decline", reason=clean_reason(reason, required=True),
    )
    notify(recipients=organisation_admins(membership.organisation), kind="ecosystems.membership",
           activity=activity, url=ecosystem_url(membership.ecosystem))
    return membership


def _require_speaker(actor: Actor, membership: Membership) -> None:
    require_person(actor)
    if not permissions.can_speak_for(actor.person, membership):
        raise NotAllowed(
            _("Only an administrator or the delegate of %(organisation)s may do this.")
            % {"organisation": membership.organisation}
        )


def _own_step(
    actor: Actor, membership: Membership, action: str, reason: str = ""
) -> Membership:
    _require_speaker(actor, membership)
    membership, _activity = apply_transition(
        actor=actor, ecosystem=membership.ecosystem, organisation=membership.organisation,
        membership=lock_membership(membership.ecosystem, membership.organisation),
        action=action, reason=reason, acting_organisation=membership.organisation,
    )
    return membership


@transaction.atomic
def membership_pause(*, actor: Actor, membership: Membership, reason: str = "") -> Membership:
    """Take a break: the organisation stays listed and keeps its roles, but is not active.

    Apps' departure handlers run in the same transaction (``action="pause"``)."""
    membership = _own_step(actor, membership, "pause", clean_reason(reason))
    hooks.run_departure(actor=actor, membership=membership, action="pause")
    return membership


@transaction.atomic
def membership_resume(*, actor: Actor, membership: Membership) -> Membership:
    return _own_step(actor, membership, "resume")


@transaction.atomic
def membership_leave(*, actor: Actor, membership: Membership, reason: str) -> Membership:
    """Leave with a reason; the organisation's roles end (the last facilitator must hand over).

    Apps' departure handlers run in the same transaction (``action="leave"``), just before
    the membership changes state: while the organisation still takes part, they release what
    it did not hand over, keeping the history. If the step then fails, nothing is stored."""
    reason = clean_reason(reason, required=True)
    if membership.state == Membership.State.REQUESTED:
        return _own_step(actor, membership, "withdraw", reason)
    _require_speaker(actor, membership)
    if membership.state in (Membership.State.ACTIVE, Membership.State.PAUSED):
        hooks.run_departure(actor=actor, membership=membership, action="leave")
    membership = _own_step(actor, membership, "leave", reason)
    roles_end_for_organisation(
        actor=actor, ecosystem=membership.ecosystem, organisation=membership.organisation,
        names=(Role.Name.FACILITATOR, Role.Name.DELEGATE),
    )
    return membership
