"""Writes of rotating roles in a working group: handing over, stepping down, term reminders.

A role has one holder at a time (a database constraint); handing over ends the old row with a
reason and starts a new one, so the rows are the role's history.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.collaboration.models import WorkingGroup, WorkingGroupMember, WorkingGroupRole
from zwerm.collaboration.permissions import working_groups as permissions
from zwerm.collaboration.services.common import clean_text, require_person, require_view
from zwerm.collaboration.services.working_groups import (
    KIND,
    active_people,
    end_membership,
    locked,
    start_role,
    wg_url,
)
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.notifications import notify

REMIND_DAYS = 14
REASON_MAX = 300


def clean_role(role: str) -> str:
    if role not in WorkingGroupRole.Name.values:
        raise ValidationFailed(_("Choose the lead or the secretary role."), field="role")
    return role


def current_role(working_group: WorkingGroup, role: str) -> WorkingGroupRole | None:
    return WorkingGroupRole.objects.select_for_update(of=("self",)).filter(
        working_group=working_group, name=role, ended_at__isnull=True).first()


@transaction.atomic
def role_hand_over(
    *, actor: Actor, working_group: WorkingGroup, role: str, to_member: WorkingGroupMember,
    reason: str = "",
) -> WorkingGroupRole:
    """The holder (or a facilitator) hands a role to another active member of the group.

    A vacant role is filled the same way; besides facilitators, the holder of the other role
    may fill it, and any active member may take a vacant role up themselves.
    """
    require_person(actor)
    require_view(actor, working_group.ecosystem)
    group = locked(working_group)
    role = clean_role(role)
    holder = current_role(group, role)
    taking_up_vacant = holder is None and to_member.person_id == actor.person.pk
    allowed = permissions.can_manage_roles(actor, group, role) or (
        holder is None and (permissions.can_manage_roles(actor, group) or taking_up_vacant))
    if not allowed:
        raise NotAllowed(_("Only the holder of this role or a facilitator hands it over."))
    if to_member.working_group_id != group.pk or (
            to_member.state != WorkingGroupMember.State.ACTIVE):
        raise ValidationFailed(_("Hand the role to an active member of this working group."),
                               field="to_member")
    if holder is not None and holder.person_id == to_member.person_id:
        raise Conflict(_("This person already holds the role."), code="same_holder",
                       field="to_member")
    reason = clean_text(reason, field="reason", label=_("reason"), required=False,
                        max_length=REASON_MAX)
    if holder is not None:
        holder.ended_at = timezone.now()
        holder.end_reason = reason or str(_("Handed over"))
        holder.save(update_fields=["ended_at", "end_reason"])
    try:
        with transaction.atomic():
            new = start_role(group, role, to_member)
    except IntegrityError as error:
        raise Conflict(_("Someone else just changed this role; reload the page and try again.")
                       ) from error
    activity = record(
        verb="collaboration.working_group_role.handed_over", actor=actor, subject=group,
        ecosystem=group.ecosystem,
        payload={"role": role, "to": str(to_member.person.uuid),
                 "from": str(holder.person.uuid) if holder else None, "reason": reason,
                 "term_ends_on": new.term_ends_on.isoformat() if new.term_ends_on else None})
    notify(recipients=[to_member.person], kind=KIND, activity=activity,
           url=wg_url(group) + "#roles")
    return new


@transaction.atomic
def role_step_down(*, actor: Actor, working_group: WorkingGroup, role: str, reason: str = ""
                   ) -> WorkingGroupRole:
    """The holder steps down (or a facilitator ends the role); it stays vacant until filled."""
    require_person(actor)
    require_view(actor, working_group.ecosystem)
    group = locked(working_group)
    role = clean_role(role)
    holder = current_role(group, role)
    if holder is None:
        raise Conflict(_("Nobody holds this role now."), code="vacant")
    if holder.person_id != actor.person.pk and not permissions.can_manage(actor, group.ecosystem):
        raise NotAllowed(_("Only the holder of this role or a facilitator ends it."))
    reason = clean_text(reason, field="reason", label=_("reason"), required=False,
                        max_length=REASON_MAX)
    holder.ended_at = timezone.now()
    holder.end_reason = reason or str(_("Stepped down"))
    holder.save(update_fields=["ended_at", "end_reason"])
    activity = record(
        verb="collaboration.working_group_role.stepped_down", actor=actor, subject=group,
        ecosystem=group.ecosystem, organisation=holder.organisation,
        payload={"role": role, "holder": str(holder.person.uuid), "reason": reason})
    notify(recipients=active_people(group), kind=KIND, activity=activity,
           url=wg_url(group) + "#roles")
    return holder


@transaction.atomic
def role_remind_term_end(*, role: WorkingGroupRole) -> bool:
    """Tell the holder and the group that a term ends within two weeks (once per term)."""
    role = WorkingGroupRole.objects.select_for_update(of=("self",)).select_related(
        "working_group__ecosystem", "organisation", "person").get(pk=role.pk)
    limit = timezone.localdate() + timedelta(days=REMIND_DAYS)
    if (role.ended_at is not None or role.reminded_at is not None or role.term_ends_on is None
            or role.term_ends_on > limit or role.working_group.is_archived):
        return False
    role.reminded_at = timezone.now()
    role.save(update_fields=["reminded_at"])
    group = role.working_group
    activity = record(
        verb="collaboration.working_group_role.term_ending", actor=Actor.system(),
        subject=group, ecosystem=group.ecosystem, organisation=role.organisation,
        payload={"role": role.name, "holder": str(role.person.uuid),
                 "term_ends_on": role.term_ends_on.isoformat()})
    notify(recipients={role.person, *active_people(group)}, kind=KIND, activity=activity,
           url=wg_url(group) + "#roles")
    return True


def remind_term_ends() -> int:
    """Every role whose term ends within two weeks and was not announced yet (the daily job)."""
    limit = timezone.localdate() + timedelta(days=REMIND_DAYS)
    due = WorkingGroupRole.objects.filter(
        ended_at__isnull=True, reminded_at__isnull=True, term_ends_on__isnull=False,
        term_ends_on__lte=limit, working_group__archived_at__isnull=True).order_by("pk")
    return sum(1 for role in due if role_remind_term_end(role=role))


def _successor_membership(group: WorkingGroup, successor: Any, organisation: Any
                          ) -> WorkingGroupMember:
    """The successor's open membership of the group, made active (joined if need be)."""
    member = WorkingGroupMember.objects.select_for_update(of=("self",)).filter(
        working_group=group, person=successor,
        state__in=[WorkingGroupMember.State.REQUESTED, WorkingGroupMember.State.ACTIVE],
    ).first()
    if member is None:
        return WorkingGroupMember.objects.create(
            working_group=group, person=successor, organisation=organisation,
            state=WorkingGroupMember.State.ACTIVE, joined_at=timezone.now())
    if member.state == WorkingGroupMember.State.REQUESTED:
        member.state, member.joined_at = WorkingGroupMember.State.ACTIVE, timezone.now()
        member.save(update_fields=["state", "joined_at", "updated_at"])
    return member


@transaction.atomic
def working_groups_person_left_organisation(
    *, actor: Actor, organisation: Any, person: Any, successor: Any = None,
) -> int:
    """A person left an organisation: their memberships for it end, and the roles they held
    for it go to the successor the organisation named (who joins the group if needed), or
    become vacant. One activity per group; returns how many groups were affected."""
    members = WorkingGroupMember.objects.select_for_update(of=("self",)).filter(
        person=person, organisation=organisation,
        state__in=[WorkingGroupMember.State.REQUESTED, WorkingGroupMember.State.ACTIVE],
    ).select_related("working_group__ecosystem")
    why = str(_("Left the organisation"))
    count = 0
    for member in members:
        group = member.working_group
        handed = []
        if successor is not None and not group.is_archived:
            for role in WorkingGroupRole.objects.select_for_update(of=("self",)).filter(
                    working_group=group, person=person, ended_at__isnull=True):
                role.ended_at, role.end_reason = timezone.now(), why
                role.save(update_fields=["ended_at", "end_reason"])
                start_role(group, role.name, _successor_membership(group, successor,
                                                                   organisation))
                handed.append(role.name)
        ended = end_membership(member, why)
        record(verb="collaboration.working_group.left", actor=actor, subject=group,
               ecosystem=group.ecosystem, organisation=organisation,
               payload={"member": str(member.uuid), "left_organisation": True,
                        "roles_ended": ended, "roles_handed_over": handed,
                        "successor": str(successor.uuid) if handed else None})
        count += 1
    return count
