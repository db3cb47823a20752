"""Writes about roles: facilitators (at least one, always) and one delegate per organisation."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.notifications import notify
from zwerm.ecosystems import permissions
from zwerm.ecosystems.models import Ecosystem, Membership, Role
from zwerm.ecosystems.services._common import (
    current_facilitators,
    ecosystem_url,
    organisation_admins,
    require_person,
)
from zwerm.organisations.models import Organisation, OrganisationMember


def _belongs(person: Any, organisation: Organisation) -> bool:
    return OrganisationMember.objects.filter(
        person=person, organisation=organisation, left_at__isnull=True
    ).exists()


def _start(
    *, actor: Actor, ecosystem: Ecosystem, person: Any, organisation: Organisation, name: str
) -> Role:
    role = Role.objects.create(
        ecosystem=ecosystem, person=person, organisation=organisation, name=name,
        appointed_by=actor.person, started_at=timezone.now(),
    )
    activity = record(
        verb=f"ecosystems.role.{name}_appointed", actor=actor, subject=organisation,
        ecosystem=ecosystem,
        payload={"role": str(role.uuid), "person": str(person.uuid), "name": name},
    )
    if person != actor.person:
        notify(recipients=[person], kind="ecosystems.roles", activity=activity,
               url=ecosystem_url(ecosystem))
    return role


def _end(*, actor: Actor, role: Role, reason: str = "") -> Role:
    role.ended_at = timezone.now()
    role.save(update_fields=["ended_at"])
    record(
        verb=f"ecosystems.role.{role.name}_ended", actor=actor, subject=role.organisation,
        ecosystem=role.ecosystem,
        payload={"role": str(role.uuid), "person": str(role.person.uuid), "name": role.name,
                 "with_reason": bool(reason)},
    )
    return role


def _require_active_member(ecosystem: Ecosystem, organisation: Organisation) -> None:
    if not Membership.objects.filter(
        ecosystem=ecosystem, organisation=organisation,
        state=Membership.State.ACTIVE, kind=Membership.Kind.MEMBER,
    ).exists():
        raise ValidationFailed(
            _("A facilitator must belong to an active member organisation of the ecosystem."),
            field="organisation",
        )


@transaction.atomic
def facilitator_appoint(
    *, actor: Actor, ecosystem: Ecosystem, person: Any, organisation: Organisation
) -> Role:
    """Make a person of an active member organisation a facilitator."""
    require_person(actor)
    if not permissions.can_manage(actor.person, ecosystem):
        raise NotAllowed(_("Only the facilitators of this ecosystem may appoint facilitators."))
    _require_active_member(ecosystem, organisation)
    if person is None or not _belongs(person, organisation):
        raise ValidationFailed(
            _("This person does not belong to the organisation you chose."), field="person"
        )
    if Role.objects.filter(
        ecosystem=ecosystem, person=person, name=Role.Name.FACILITATOR, ended_at__isnull=True
    ).exists():
        raise Conflict(_("This person is already a facilitator of the ecosystem."))
    return _start(actor=actor, ecosystem=ecosystem, person=person, organisation=organisation,
                  name=Role.Name.FACILITATOR)


@transaction.atomic
def facilitator_end(*, actor: Actor, role: Role, reason: str = "") -> Role:
    """End a facilitator role; facilitators may step down themselves, but never the last one."""
    require_person(actor)
    if role.name != Role.Name.FACILITATOR or role.ended_at is not None:
        raise Conflict(_("This is not a current facilitator role."))
    if role.person_id != actor.person.pk and not permissions.can_manage(
        actor.person, role.ecosystem
    ):
        raise NotAllowed(_("Only the facilitators of this ecosystem may end this role."))
    if len(current_facilitators(role.ecosystem)) <= 1:
        raise Conflict(
            _("An ecosystem always keeps at least one facilitator. Appoint another one first."),
            code="last_facilitator",
        )
    return _end(actor=actor, role=role, reason=reason)


@transaction.atomic
def delegate_appoint(
    *, actor: Actor, ecosystem: Ecosystem, organisation: Organisation, person: Any
) -> Role:
    """Appoint the one person who speaks for an organisation; the previous delegate steps down."""
    require_person(actor)
    if not permissions.can_appoint_delegate(actor.person, organisation):
        raise NotAllowed(_("Only the administrators of the organisation may appoint its delegate."))
    if not Membership.objects.filter(
        ecosystem=ecosystem, organisation=organisation, kind=Membership.Kind.MEMBER,
        state__in=[Membership.State.ACTIVE, Membership.State.PAUSED],
    ).exists():
        raise ValidationFailed(
            _("Only a member organisation of the ecosystem has a delegate."), field="organisation"
        )
    if person is None or not _belongs(person, organisation):
        raise ValidationFailed(
            _("The delegate must be a person of the organisation."), field="person"
        )
    current = (
        Role.objects.select_for_update()
        .filter(ecosystem=ecosystem, organisation=organisation, name=Role.Name.DELEGATE,
                ended_at__isnull=True)
        .first()
    )
    if current is not None:
        if current.person_id == person.pk:
            raise Conflict(_("This person already is the organisation's delegate."))
        _end(actor=actor, role=current)
    return _start(actor=actor, ecosystem=ecosystem, person=person, organisation=organisation,
                  name=Role.Name.DELEGATE)


def delegate_default(*, actor: Actor, membership: Membership) -> Role | None:
    """When an organisation becomes a member, an admin (the actor if they are one) is delegate."""
    if membership.kind != Membership.Kind.MEMBER:
        return None
    if Role.objects.filter(
        ecosystem=membership.ecosystem, organisation=membership.organisation,
        name=Role.Name.DELEGATE, ended_at__isnull=True,
    ).exists():
        return None
    admins = organisation_admins(membership.organisation)
    if not admins:
        return None
    person = actor.person if actor.person in admins else admins[0]
    return _start(actor=actor, ecosystem=membership.ecosystem, person=person,
                  organisation=membership.organisation, name=Role.Name.DELEGATE)


def roles_end_for_organisation(
    *, actor: Actor, ecosystem: Ecosystem, organisation: Organisation, names: tuple[str, ...]
) -> list[Role]:
    """End the organisation's roles (on leaving); refuse to remove the last facilitator."""
    roles = list(
        Role.objects.select_for_update()
        .filter(ecosystem=ecosystem, organisation=organisation, name__in=names,
                ended_at__isnull=True)
        .select_related("person", "organisation", "ecosystem")
    )
    ending_facilitators = {r.pk for r in roles if r.name == Role.Name.FACILITATOR}
    if ending_facilitators:
        others = [r for r in current_facilitators(ecosystem) if r.pk not in ending_facilitators]
        if not others:
            raise Conflict(
                _("The facilitators of this ecosystem all come from this organisation. "
                  "Appoint a facilitator from another organisation first."),
                code="last_facilitator",
            )
    return [_end(actor=actor, role=role) for role in roles]


def roles_hand_over(
    *, actor: Actor, person: Any, organisation: Organisation, successor: Any | None
) -> list[Role]:
    """Hand a leaving person's roles for ``organisation`` over to ``successor``.

    Without a successor the roles end, except a last facilitator role, which blocks.
    """
    roles = list(
        Role.objects.select_for_update()
        .filter(person=person, organisation=organisation, ended_at__isnull=True)
        .select_related("ecosystem", "organisation", "person")
    )
    started = []
    for role in roles:
        if successor is None and role.name == Role.Name.FACILITATOR and len(
            current_facilitators(role.ecosystem)
        ) <= 1:
            raise Conflict(
                _("%(person)s is the last facilitator of %(ecosystem)s. Name who takes over "
                  "first.") % {"person": person, "ecosystem": role.ecosystem},
                code="last_facilitator",
            )
        _end(actor=actor, role=role)
        if successor is None:
            continue
        if Role.objects.filter(
            ecosystem=role.ecosystem, person=successor, name=role.name, ended_at__isnull=True
        ).exists():
            continue
        started.append(_start(actor=actor, ecosystem=role.ecosystem, person=successor,
                              organisation=organisation, name=role.name))
    return started
