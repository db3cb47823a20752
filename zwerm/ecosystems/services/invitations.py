"""Writes about invitations: facilitators invite organisations by email; they answer."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.models import Activity
from zwerm.core.notifications import notify
from zwerm.core.text import single_stops
from zwerm.ecosystems import permissions
from zwerm.ecosystems.models import Ecosystem, EcosystemInvitation, Membership
from zwerm.ecosystems.services._common import (
    apply_transition,
    clean_reason,
    ecosystem_url,
    facilitator_people,
    lock_membership,
    organisation_admins,
    require_person,
)
from zwerm.ecosystems.services.roles import delegate_default
from zwerm.organisations.models import Organisation


def invitation_url(invitation: EcosystemInvitation) -> str:
    from django.urls import reverse

    return reverse("ecosystems:invitation", kwargs={"uuid": invitation.uuid})


def _record(verb: str, actor: Actor, invitation: EcosystemInvitation, **extra: Any) -> Activity:
    """Record a step of an invitation without its UUID: that is the key in the emailed link."""
    return record(
        verb=verb, actor=actor, subject=invitation, ecosystem=invitation.ecosystem,
        secret_subject=True,
        payload={
            "kind": invitation.kind,
            "organisation": str(invitation.organisation.uuid) if invitation.organisation else "",
            **extra,
        },
    )


@transaction.atomic
def invitation_create(
    *,
    actor: Actor,
    ecosystem: Ecosystem,
    email: str,
    organisation: Organisation | None = None,
    kind: str = Membership.Kind.MEMBER,
    message: str = "",
) -> EcosystemInvitation:
    """Invite an organisation by email; the email goes out after commit in the inviter's
    language. Naming a known organisation lists it as invited at once."""
    require_person(actor)
    if not permissions.can_manage(actor.person, ecosystem):
        raise NotAllowed(_("Only the facilitators of this ecosystem may invite organisations."))
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationFailed(_("Enter a valid email address."), field="email") from None
    if kind not in Membership.Kind.values:
        raise ValidationFailed(_("Choose member or observer."), field="kind")
    message = (message or "").strip()
    if len(message) > 2000:
        raise ValidationFailed(_("Keep the message under 2000 characters."), field="message")
    if ecosystem.invitations.filter(
        email=email, answered_at__isnull=True, expires_at__gt=timezone.now()
    ).exists():
        raise Conflict(_("This address already has an open invitation."), field="email")
    if organisation is not None and organisation.is_merged:
        raise ValidationFailed(_("This organisation was merged into another one."),
                               field="organisation")
    invitation = EcosystemInvitation.objects.create(
        ecosystem=ecosystem, organisation=organisation, email=email, kind=kind, message=message,
        invited_by=actor.person, language=translation.get_language() or settings.LANGUAGE_CODE,
        expires_at=timezone.now() + timedelta(days=settings.ZWERM_INVITATION_DAYS),
    )
    if organisation is not None:
        _membership, activity = apply_transition(
            actor=actor, ecosystem=ecosystem, organisation=organisation,
            membership=lock_membership(ecosystem, organisation), action="invite", kind=kind,
        )
        notify(recipients=organisation_admins(organisation), kind="ecosystems.membership",
               activity=activity, url=invitation_url(invitation))
    else:  # the membership's "invited" step is the activity when the organisation is known
        _record("ecosystems.invitation.sent", actor, invitation)
    from zwerm.ecosystems.tasks import send_invitation_email

    invitation_id = invitation.pk
    transaction.on_commit(lambda: send_invitation_email(invitation_id))
    return invitation


def _require_open(invitation: EcosystemInvitation) -> EcosystemInvitation:
    invitation = EcosystemInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.answered_at is not None:
        raise Conflict(_("This invitation has already been answered or withdrawn."),
                       code="invitation_closed")
    if invitation.expires_at <= timezone.now():
        raise Conflict(_("This invitation has expired. Ask a facilitator for a new one."),
                       code="invitation_expired")
    return invitation


def _close(invitation: EcosystemInvitation, actor: Actor, outcome: str, reason: str = "") -> None:
    invitation.answered_at = timezone.now()
    invitation.answered_by = actor.person
    invitation.outcome = outcome
    invitation.answer_reason = reason
    invitation.save(update_fields=[
        "answered_at", "answered_by", "outcome", "answer_reason", "organisation", "updated_at"
    ])


@transaction.atomic
def invitation_accept(
    *, actor: Actor, invitation: EcosystemInvitation, organisation: Organisation | None = None
) -> Membership:
    """The invited person accepts for one of the organisations they administer."""
    require_person(actor)
    invitation = _require_open(invitation)
    organisation = organisation or invitation.organisation or actor.organisation
    if organisation is None:
        raise ValidationFailed(
            _("Choose the organisation that joins, or create one first."), field="organisation"
        )
    if invitation.organisation_id and organisation.pk != invitation.organisation_id:
        raise ValidationFailed(
            single_stops(_("This invitation is for %(organisation)s.")
                         % {"organisation": invitation.organisation}),
            field="organisation",
        )
    if not permissions.can_commit(actor.person, organisation):
        raise NotAllowed(
            _("Only an administrator of %(organisation)s may accept for it.")
            % {"organisation": organisation},
            field="organisation",
        )
    ecosystem = invitation.ecosystem
    membership, activity = apply_transition(
        actor=actor, ecosystem=ecosystem, organisation=organisation,
        membership=lock_membership(ecosystem, organisation), action="accept_invitation",
        kind=invitation.kind, acting_organisation=organisation,
    )
    invitation.organisation = organisation
    _close(invitation, actor, EcosystemInvitation.Outcome.ACCEPTED)
    ecosystem.invitations.filter(organisation=organisation, answered_at__isnull=True).exclude(
        pk=invitation.pk
    ).update(answered_at=timezone.now(), answered_by=actor.person,
             outcome=EcosystemInvitation.Outcome.ACCEPTED)
    delegate_default(actor=actor, membership=membership)
    notify(recipients=facilitator_people(ecosystem), kind="ecosystems.requests",
           activity=activity, url=ecosystem_url(ecosystem, "manage"))
    return membership


@transaction.atomic
def invitation_decline(
    *, actor: Actor, invitation: EcosystemInvitation, reason: str = ""
) -> EcosystemInvitation:
    """Say no, thank you; an invitation to a named organisation is its admins' to decline."""
    require_person(actor)
    invitation = _require_open(invitation)
    reason = clean_reason(reason)
    organisation = invitation.organisation
    if organisation is not None:
        if not permissions.can_commit(actor.person, organisation):
            raise NotAllowed(
                _("Only an administrator of %(organisation)s may decline for it.")
                % {"organisation": organisation}
            )
        membership = lock_membership(invitation.ecosystem, organisation)
        if membership is not None and membership.state == Membership.State.INVITED:
            _membership, activity = apply_transition(
                actor=actor, ecosystem=invitation.ecosystem, organisation=organisation,
                membership=membership, action="decline_invitation", reason=reason,
                acting_organisation=organisation,
            )
            _close(invitation, actor, EcosystemInvitation.Outcome.DECLINED, reason)
            notify(recipients=facilitator_people(invitation.ecosystem),
                   kind="ecosystems.requests", activity=activity,
                   url=ecosystem_url(invitation.ecosystem, "manage"))
            return invitation
    _close(invitation, actor, EcosystemInvitation.Outcome.DECLINED, reason)
    activity = _record("ecosystems.invitation.declined_by_email", actor, invitation,
                       with_reason=bool(reason))
    notify(recipients=facilitator_people(invitation.ecosystem), kind="ecosystems.requests",
           activity=activity, url=ecosystem_url(invitation.ecosystem, "manage"))
    return invitation


@transaction.atomic
def invitation_revoke(*, actor: Actor, invitation: EcosystemInvitation) -> EcosystemInvitation:
    """A facilitator withdraws an open invitation; its link stops working."""
    require_person(actor)
    if not permissions.can_manage(actor.person, invitation.ecosystem):
        raise NotAllowed(_("Only the facilitators of this ecosystem may withdraw invitations."))
    invitation = _require_open(invitation)
    organisation = invitation.organisation
    membership = (
        lock_membership(invitation.ecosystem, organisation) if organisation is not None else None
    )
    _close(invitation, actor, EcosystemInvitation.Outcome.REVOKED)
    if membership is not None and membership.state == Membership.State.INVITED:
        apply_transition(
            actor=actor, ecosystem=invitation.ecosystem, organisation=organisation,
            membership=membership, action="revoke_invitation",
        )
    else:
        _record("ecosystems.invitation.withdrawn", actor, invitation)
    return invitation
