"""Writes about an organisation's people: invitations, roles, leaving, acting for."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.notifications import notify
from zwerm.organisations import hooks, permissions
from zwerm.organisations.models import Organisation, OrganisationInvitation, OrganisationMember
from zwerm.organisations.verbs import INVITATION_ACCEPTED, ROLE_CHANGED

Role = OrganisationMember.Role


def _current(organisation: Organisation) -> QuerySet[OrganisationMember]:
    return OrganisationMember.objects.filter(organisation=organisation, left_at__isnull=True)


def _require_people(actor: Actor, organisation: Organisation) -> None:
    if organisation.is_merged:
        raise Conflict(_("This organisation was merged into another one and can no longer change."))
    if not permissions.can_manage_people(actor, organisation):
        raise NotAllowed(_("Only the organisation's administrators can manage its people."))


def _admins(organisation: Organisation) -> list[Any]:
    return [
        member.person
        for member in _current(organisation).filter(role=Role.ADMIN).select_related("person")
    ]


@transaction.atomic
def invitation_create(
    *, actor: Actor, organisation: Organisation, email: str, role: str = Role.MEMBER
) -> OrganisationInvitation:
    """Invite a colleague by email; the email goes out after commit in the inviter's language."""
    _require_people(actor, organisation)
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationFailed(_("Enter a valid email address."), field="email") from None
    if role not in Role.values:
        raise ValidationFailed(_("Choose one of the roles."), field="role")
    if _current(organisation).filter(person__email__iexact=email).exists():
        raise Conflict(_("This person already belongs to the organisation."), field="email")
    now = timezone.now()
    if organisation.invitations.filter(
        email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
    ).exists():
        raise Conflict(
            _("An open invitation for this email address exists already; withdraw it first to "
              "send a new one."),
            field="email",
        )
    invitation = OrganisationInvitation.objects.create(
        organisation=organisation, email=email, role=role, invited_by=actor.person,
        expires_at=now + timedelta(days=settings.ZWERM_INVITATION_DAYS),
    )
    record(
        verb="organisations.invitation.created", actor=actor, subject=organisation,
        # Not the invitation's UUID: it is the key in the emailed link, and the stream is public.
        organisation=organisation, payload={"role": role},
    )
    from zwerm.organisations.tasks import send_invitation_email

    language = translation.get_language() or settings.LANGUAGE_CODE
    key = str(invitation.uuid)
    transaction.on_commit(lambda: send_invitation_email(key, language))
    return invitation


@transaction.atomic
def invitation_revoke(*, actor: Actor, invitation: OrganisationInvitation) -> None:
    organisation = invitation.organisation
    _require_people(actor, organisation)
    if invitation.accepted_at is not None:
        raise Conflict(_("This invitation was accepted already; it can no longer be withdrawn."))
    if invitation.revoked_at is not None:
        return
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at", "updated_at"])
    record(
        verb="organisations.invitation.revoked", actor=actor, subject=organisation,
        organisation=organisation, payload={"invitation": str(invitation.uuid)},
    )


@transaction.atomic
def invitation_accept(*, actor: Actor, invitation: OrganisationInvitation) -> OrganisationMember:
    """The signed-in person behind the link joins the organisation with the invited role."""
    person = actor.person
    if person is None:
        raise NotAllowed(_("Sign in or create an account to accept the invitation."))
    invitation = (
        OrganisationInvitation.objects.select_for_update(of=("self",))
        .select_related("organisation", "invited_by")
        .get(pk=invitation.pk)
    )
    organisation = invitation.organisation
    if organisation.is_merged:
        raise Conflict(_("This organisation was merged into another one; ask for a new "
                         "invitation."))
    if invitation.revoked_at is not None:
        raise Conflict(_("This invitation was withdrawn."))
    if invitation.accepted_at is not None:
        raise Conflict(_("This invitation was used already."))
    if invitation.expires_at <= timezone.now():
        raise Conflict(_("This invitation has expired; ask for a new one."))
    if _current(organisation).filter(person=person).exists():
        raise Conflict(_("You already belong to this organisation."))
    had_organisations = OrganisationMember.objects.filter(
        person=person, left_at__isnull=True, organisation__merged_into__isnull=True
    ).exists()
    member = OrganisationMember.objects.create(
        organisation=organisation, person=person, role=invitation.role
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at", "updated_at"])
    if not had_organisations:
        person.acting_organisation_uuid = organisation.uuid
        person.save(update_fields=["acting_organisation_uuid"])
    activity = record(
        verb="organisations.invitation.accepted",
        actor=Actor(person=person, organisation=organisation),
        subject=organisation, organisation=organisation,
        payload={"invitation": str(invitation.uuid), "person": str(person.uuid),
                 "role": invitation.role},
    )
    recipients = {p.pk: p for p in _admins(organisation)}
    if invitation.invited_by is not None:
        recipients[invitation.invited_by.pk] = invitation.invited_by
    notify(
        recipients=recipients.values(), kind=INVITATION_ACCEPTED, activity=activity,
        url=reverse("organisations:people", args=[organisation.slug]),
    )
    return member


def _member_of(organisation: Organisation, person: Any) -> OrganisationMember:
    member = _current(organisation).select_for_update().filter(person=person).first()
    if member is None:
        raise NotFound(_("This person does not belong to the organisation."))
    return member


@transaction.atomic
def member_role_set(
    *, actor: Actor, organisation: Organisation, person: Any, role: str
) -> OrganisationMember:
    """Make a colleague an administrator or a member; one administrator always remains."""
    _require_people(actor, organisation)
    if role not in Role.values:
        raise ValidationFailed(_("Choose one of the roles."), field="role")
    member = _member_of(organisation, person)
    if member.role == role:
        return member
    if member.role == Role.ADMIN and _current(organisation).filter(role=Role.ADMIN).count() == 1:
        raise Conflict(
            _("An organisation needs at least one administrator. Make someone else an "
              "administrator first."),
            field="role",
        )
    previous = member.role
    member.role = role
    member.save(update_fields=["role", "updated_at"])
    activity = record(
        verb="organisations.member.role_changed", actor=actor, subject=organisation,
        organisation=organisation,
        payload={"person": str(person.uuid), "from": previous, "to": role},
    )
    notify(
        recipients=[member.person], kind=ROLE_CHANGED, activity=activity,
        url=reverse("organisations:detail", args=[organisation.slug]),
    )
    return member


def leave_requirements(*, organisation: Organisation, person: Any) -> dict[str, Any]:
    """What the leave flow must ask: the roles to hand over and who could take them."""
    current = _current(organisation)
    member = current.filter(person=person).first()
    others = list(current.exclude(person=person).select_related("person"))
    is_last_admin = (
        member is not None
        and member.role == Role.ADMIN
        and not any(other.role == Role.ADMIN for other in others)
    )
    roles = hooks.held_roles(organisation=organisation, person=person)
    return {
        "member": member,
        "candidates": [other.person for other in others],
        "is_last_admin": is_last_admin,
        "held_roles": roles,
        "needs_successor": bool(others) and (is_last_admin or bool(roles)),
    }


@transaction.atomic
def member_leave(
    *,
    actor: Actor,
    organisation: Organisation,
    person: Any = None,
    successor: Any = None,
) -> OrganisationMember:
    """A person leaves (or an administrator removes them); a successor takes over their roles.

    The successor is required when the person is the last administrator, or holds roles
    for the organisation elsewhere (e.g. in an ecosystem), while others remain.
    """
    if actor.person is None:
        raise NotAllowed(_("Sign in to do this."))
    person = person or actor.person
    removing = person.pk != actor.person.pk
    if removing:
        _require_people(actor, organisation)
    member = _member_of(organisation, person)
    needs = leave_requirements(organisation=organisation, person=person)
    if successor is not None:
        if successor.pk == person.pk or successor not in needs["candidates"]:
            raise ValidationFailed(
                _("The successor must be another person of this organisation."),
                field="successor",
            )
    elif needs["needs_successor"]:
        raise ValidationFailed(
            _("Choose who takes over the roles before leaving."), field="successor"
        )
    if successor is not None and member.role == Role.ADMIN and needs["is_last_admin"]:
        successor_member = _member_of(organisation, successor)
        successor_member.role = Role.ADMIN
        successor_member.save(update_fields=["role", "updated_at"])
    member.left_at = timezone.now()
    member.save(update_fields=["left_at", "updated_at"])
    hooks.run_member_leave(
        actor=actor, organisation=organisation, person=person, successor=successor
    )
    if person.acting_organisation_uuid == organisation.uuid:
        person.acting_organisation_uuid = None
        person.save(update_fields=["acting_organisation_uuid"])
    record(
        verb="organisations.member.removed" if removing else "organisations.member.left",
        actor=actor, subject=organisation, organisation=organisation,
        payload={
            "person": str(person.uuid),
            "role": member.role,
            "successor": str(successor.uuid) if successor is not None else None,
        },
    )
    return member


@transaction.atomic
def acting_organisation_set(*, actor: Actor, organisation: Organisation) -> None:
    """Remember which organisation the person acts for from now on.

    A personal preference, like the interface language, so no activity: what the person
    then does is recorded for this organisation.
    """
    person = actor.person
    if person is None or not permissions.is_member(person, organisation) or (
        organisation.is_merged
    ):
        raise NotAllowed(_("You can only act for an organisation you belong to."))
    if person.acting_organisation_uuid != organisation.uuid:
        person.acting_organisation_uuid = organisation.uuid
        person.save(update_fields=["acting_organisation_uuid"])
