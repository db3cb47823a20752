"""Writes of working groups: starting, editing, archiving, joining and leaving.

Roles live in ``working_groups_roles``, the thread and the initiative hand-off in
``working_groups_posts``. Every function validates, writes and records exactly one activity in
one transaction; an archived group refuses every write with a Conflict (code ``archived``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from zwerm.collaboration.models import WorkingGroup, WorkingGroupMember, WorkingGroupRole
from zwerm.collaboration.permissions import working_groups as permissions
from zwerm.collaboration.services.common import clean_text, require_person, require_view
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.notifications import notify

KIND = "collaboration.working_groups"
NAME_MAX, PURPOSE_MAX, DESCRIPTION_MAX, REASON_MAX = 200, 2000, 20000, 2000
ROTATION_MAX = 60
UNSET: Any = object()
#: Slugs that name pages next to the groups' own addresses.
RESERVED_SLUGS = {"new", "from-initiative"}


# Helpers shared by the working-group services ---------------------------------------------


def wg_url(working_group: WorkingGroup) -> str:
    return reverse("collaboration:wg_detail", kwargs={
        "ecosystem": working_group.ecosystem.slug, "slug": working_group.slug})


def locked(working_group: WorkingGroup) -> WorkingGroup:
    """The group as stored now, locked for this transaction, refusing writes when archived."""
    fresh = WorkingGroup.objects.select_for_update(of=("self",)).select_related("ecosystem").get(
        pk=working_group.pk)
    if fresh.is_archived:
        raise Conflict(_("This working group is archived: it can be read but no longer "
                         "changed."), code="archived")
    return fresh


def clean_rotation(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        months = int(value)
    except (TypeError, ValueError):
        months = 0
    if not 1 <= months <= ROTATION_MAX:
        raise ValidationFailed(
            _("The role term is a number of months from 1 to %(max)d, or empty.")
            % {"max": ROTATION_MAX}, field="rotation_months")
    return months


def clean_join_policy(value: str) -> str:
    if value not in WorkingGroup.JoinPolicy.values:
        raise ValidationFailed(_("Choose whether the group is open or joined on request."),
                               field="join_policy")
    return value


def term_end(working_group: WorkingGroup, today: date | None = None) -> date | None:
    """The end of a role's term that starts today, or None when roles have no fixed term."""
    if not working_group.rotation_months:
        return None
    return (today or timezone.localdate()) + relativedelta(months=working_group.rotation_months)


def unique_slug(ecosystem: Any, name: str) -> str:
    base = (slugify(name)[:70].strip("-")) or "working-group"
    taken = set(WorkingGroup.objects.filter(ecosystem=ecosystem, slug__startswith=base)
                .values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def start_role(working_group: WorkingGroup, name: str, member: WorkingGroupMember
               ) -> WorkingGroupRole:
    return WorkingGroupRole.objects.create(
        working_group=working_group, name=name, person=member.person,
        organisation=member.organisation, term_ends_on=term_end(working_group))


def role_holders(working_group: WorkingGroup) -> list[Any]:
    """The people holding the lead and secretary roles now."""
    return [role.person for role in WorkingGroupRole.objects.filter(
        working_group=working_group, ended_at__isnull=True).select_related("person")]


def facilitators(ecosystem: Any) -> list[Any]:
    """Who answers a group's requests while both its roles are vacant."""
    from zwerm.ecosystems.models import Role

    return [role.person for role in Role.objects.filter(
        ecosystem=ecosystem, name=Role.Name.FACILITATOR, ended_at__isnull=True
    ).select_related("person")]


def active_people(working_group: WorkingGroup) -> list[Any]:
    return [member.person for member in WorkingGroupMember.objects.filter(
        working_group=working_group, state=WorkingGroupMember.State.ACTIVE
    ).select_related("person")]


def create_group(*, actor: Actor, ecosystem: Any, name: str, purpose: str, description: str,
                 join_policy: str, rotation_months: Any, started_for: Any,
                 initiative: Any = None) -> WorkingGroup:
    """Validate and store a new group (no members yet); callers add members and record."""
    name = clean_text(name, field="name", label=_("name"), required=True, max_length=NAME_MAX)
    purpose = clean_text(purpose, field="purpose", label=_("purpose"), required=True,
                         max_length=PURPOSE_MAX)
    description = clean_text(description, field="description", label=_("description"),
                             required=False, max_length=DESCRIPTION_MAX)
    join_policy = clean_join_policy(join_policy)
    rotation = clean_rotation(rotation_months)
    if WorkingGroup.objects.filter(ecosystem=ecosystem, name__iexact=name).exists():
        raise ValidationFailed(_("This ecosystem already has a working group with this name."),
                               field="name")
    try:
        with transaction.atomic():
            return WorkingGroup.objects.create(
                ecosystem=ecosystem, name=name, slug=unique_slug(ecosystem, name),
                purpose=purpose, description=description, join_policy=join_policy,
                rotation_months=rotation, started_by=actor.person, started_for=started_for,
                initiative=initiative)
    except IntegrityError as error:  # a parallel start took the slug or the initiative
        raise Conflict(_("Someone else just did the same; reload the page and try again.")
                       ) from error


def add_member(working_group: WorkingGroup, person: Any, organisation: Any,
               state: str = WorkingGroupMember.State.ACTIVE) -> WorkingGroupMember:
    return WorkingGroupMember.objects.create(
        working_group=working_group, person=person, organisation=organisation, state=state,
        joined_at=timezone.now() if state == WorkingGroupMember.State.ACTIVE else None)


# Starting, editing, archiving -------------------------------------------------------------


@transaction.atomic
def working_group_start(
    *, actor: Actor, ecosystem: Any, name: str, purpose: str, description: str = "",
    join_policy: str = WorkingGroup.JoinPolicy.OPEN, rotation_months: int | None = None,
) -> WorkingGroup:
    """Self-organisation: any active member starts a group; the starter becomes its lead."""
    require_person(actor)
    require_view(actor, ecosystem)
    if not permissions.can_start(actor, ecosystem):
        raise NotAllowed(_("Only people acting for an active member organisation of this "
                           "ecosystem start working groups."), code="not_member")
    group = create_group(actor=actor, ecosystem=ecosystem, name=name, purpose=purpose,
                         description=description, join_policy=join_policy,
                         rotation_months=rotation_months, started_for=actor.organisation)
    member = add_member(group, actor.person, actor.organisation)
    start_role(group, WorkingGroupRole.Name.LEAD, member)
    record(verb="collaboration.working_group.started", actor=actor, subject=group,
           ecosystem=ecosystem, organisation=actor.organisation,
           payload={"join_policy": group.join_policy, "slug": group.slug})
    return group


@transaction.atomic
def working_group_update(
    *, actor: Actor, working_group: WorkingGroup, name: str = UNSET, purpose: str = UNSET,
    description: str = UNSET, join_policy: str = UNSET, rotation_months: int | None = UNSET,
) -> WorkingGroup:
    """The lead, secretary or a facilitator edits the group; the slug (its address) stays."""
    require_person(actor)
    require_view(actor, working_group.ecosystem)
    group = locked(working_group)
    if not permissions.can_edit(actor, group):
        raise NotAllowed(_("Only the lead, the secretary or a facilitator edits this group."))
    changes: dict[str, Any] = {}
    if name is not UNSET:
        changes["name"] = clean_text(name, field="name", label=_("name"), required=True,
                                     max_length=NAME_MAX)
        if WorkingGroup.objects.filter(ecosystem=group.ecosystem, name__iexact=changes["name"]
                                       ).exclude(pk=group.pk).exists():
            raise ValidationFailed(
                _("This ecosystem already has a working group with this name."), field="name")
    if purpose is not UNSET:
        changes["purpose"] = clean_text(purpose, field="purpose", label=_("purpose"),
                                        required=True, max_length=PURPOSE_MAX)
    if description is not UNSET:
        changes["description"] = clean_text(description, field="description",
                                            label=_("description"), required=False,
                                            max_length=DESCRIPTION_MAX)
    if join_policy is not UNSET:
        changes["join_policy"] = clean_join_policy(join_policy)
    if rotation_months is not UNSET:
        changes["rotation_months"] = clean_rotation(rotation_months)
    changed = sorted(key for key, value in changes.items() if getattr(group, key) != value)
    if not changed:
        return group
    for key in changed:
        setattr(group, key, changes[key])
    group.save(update_fields=[*changed, "updated_at"])
    record(verb="collaboration.working_group.updated", actor=actor, subject=group,
           ecosystem=group.ecosystem, payload={"fields": changed})
    return group


@transaction.atomic
def working_group_archive(*, actor: Actor, working_group: WorkingGroup, reason: str
                          ) -> WorkingGroup:
    """The lead or a facilitator archives a group; it stays visible, read-only."""
    require_person(actor)
    require_view(actor, working_group.ecosystem)
    group = locked(working_group)
    if not permissions.can_archive(actor, group):
        raise NotAllowed(_("Only the lead or a facilitator archives this group."))
    reason = clean_text(reason, field="reason", label=_("reason"), required=True,
                        max_length=REASON_MAX)
    group.archived_at = timezone.now()
    group.archive_reason = reason
    group.save(update_fields=["archived_at", "archive_reason", "updated_at"])
    record(verb="collaboration.working_group.archived", actor=actor, subject=group,
           ecosystem=group.ecosystem, payload={"reason": reason})
    return group


@transaction.atomic
def working_group_unarchive(*, actor: Actor, working_group: WorkingGroup) -> WorkingGroup:
    """A facilitator reopens an archived group; its members and roles are as they were."""
    require_person(actor)
    require_view(actor, working_group.ecosystem)
    group = WorkingGroup.objects.select_for_update(of=("self",)).select_related("ecosystem").get(
        pk=working_group.pk)
    if not permissions.can_manage(actor, group.ecosystem):
        raise NotAllowed(_("Only a facilitator of the ecosystem reopens an archived group."))
    if not group.is_archived:
        raise Conflict(_("This working group is not archived."), code="not_archived")
    group.archived_at = None
    group.archive_reason = ""
    group.save(update_fields=["archived_at", "archive_reason", "updated_at"])
    record(verb="collaboration.working_group.unarchived", actor=actor, subject=group,
           ecosystem=group.ecosystem)
    return group


# Joining and leaving ----------------------------------------------------------------------


@transaction.atomic
def working_group_join(*, actor: Actor, working_group: WorkingGroup) -> WorkingGroupMember:
    """Join an open group at once, or ask to join one that is on request."""
    require_person(actor)
    require_view(actor, working_group.ecosystem)
    group = locked(working_group)
    if not permissions.can_take_part(actor, group.ecosystem):
        raise NotAllowed(_("Only people acting for an active member organisation of this "
                           "ecosystem join its working groups."), code="not_member")
    if permissions.membership_of(actor, group) is not None:
        raise Conflict(_("You are already in this working group, or your request is waiting "
                         "for an answer."), code="already_member")
    open_group = group.join_policy == WorkingGroup.JoinPolicy.OPEN
    state = WorkingGroupMember.State.ACTIVE if open_group else WorkingGroupMember.State.REQUESTED
    try:
        with transaction.atomic():
            member = add_member(group, actor.person, actor.organisation, state)
    except IntegrityError as error:
        raise Conflict(_("You are already in this working group, or your request is waiting "
                         "for an answer."), code="already_member") from error
    verb = "collaboration.working_group.joined" if open_group else (
        "collaboration.working_group.requested")
    activity = record(verb=verb, actor=actor, subject=group, ecosystem=group.ecosystem,
                      payload={"member": str(member.uuid)})
    if not open_group:
        notify(recipients=role_holders(group) or facilitators(group.ecosystem), kind=KIND,
               activity=activity, url=wg_url(group) + "#requests")
    return member


@transaction.atomic
def working_group_answer_request(
    *, actor: Actor, member: WorkingGroupMember, accept: bool, reason: str = "",
) -> WorkingGroupMember:
    """The lead, secretary or a facilitator accepts a request, or declines it with a reason."""
    require_person(actor)
    require_view(actor, member.working_group.ecosystem)
    group = locked(member.working_group)
    if not permissions.can_answer_requests(actor, group):
        raise NotAllowed(_("Only the lead, the secretary or a facilitator answers requests."))
    member = WorkingGroupMember.objects.select_for_update(of=("self",)).get(pk=member.pk)
    if member.state != WorkingGroupMember.State.REQUESTED:
        raise Conflict(_("This request has already been answered or withdrawn."),
                       code="not_requested")
    reason = clean_text(reason, field="reason", label=_("reason"), required=not accept,
                        max_length=REASON_MAX)
    if accept:
        member.state, member.joined_at = WorkingGroupMember.State.ACTIVE, timezone.now()
        member.save(update_fields=["state", "joined_at", "updated_at"])
    else:
        member.state = WorkingGroupMember.State.DECLINED
        member.save(update_fields=["state", "updated_at"])
    verb = "collaboration.working_group.accepted" if accept else (
        "collaboration.working_group.declined")
    payload = {"member": str(member.uuid), "person": str(member.person.uuid)}
    if reason:
        payload["reason"] = reason
    activity = record(verb=verb, actor=actor, subject=group, ecosystem=group.ecosystem,
                      organisation=member.organisation, payload=payload)
    notify(recipients=[member.person], kind=KIND, activity=activity, url=wg_url(group))
    return member


def end_membership(member: WorkingGroupMember, why: str) -> list[str]:
    """End a membership and the roles its person holds in the group; returns those roles."""
    now = timezone.now()
    roles = list(WorkingGroupRole.objects.filter(
        working_group_id=member.working_group_id, person_id=member.person_id,
        ended_at__isnull=True))
    for role in roles:
        role.ended_at, role.end_reason = now, why
        role.save(update_fields=["ended_at", "end_reason"])
    member.state, member.left_at = WorkingGroupMember.State.LEFT, now
    member.save(update_fields=["state", "left_at", "updated_at"])
    return [role.name for role in roles]


@transaction.atomic
def working_group_leave(*, actor: Actor, working_group: WorkingGroup) -> WorkingGroupMember:
    """Leave the group (or withdraw a request); roles held end, the membership stays listed.

    Leaving is allowed from an archived group too: nobody is kept in a group against their will.
    """
    require_person(actor)
    require_view(actor, working_group.ecosystem)
    member = WorkingGroupMember.objects.select_for_update(of=("self",)).filter(
        working_group=working_group, person=actor.person,
        state__in=[WorkingGroupMember.State.REQUESTED, WorkingGroupMember.State.ACTIVE],
    ).select_related("organisation").first()
    if member is None:
        raise Conflict(_("You are not a member of this working group."), code="not_member")
    roles = end_membership(member, str(_("Left the working group")))
    record(verb="collaboration.working_group.left", actor=actor, subject=working_group,
           ecosystem=working_group.ecosystem, organisation=member.organisation,
           payload={"member": str(member.uuid), "roles_ended": roles})
    return member


@transaction.atomic
def working_groups_release_person(*, person: Any) -> int:
    """Before a person's account is erased: end their memberships and roles in every group,
    one system activity per group, so the groups see the roles fall vacant."""
    members = WorkingGroupMember.objects.select_for_update(of=("self",)).filter(
        person=person,
        state__in=[WorkingGroupMember.State.REQUESTED, WorkingGroupMember.State.ACTIVE],
    ).select_related("working_group__ecosystem", "organisation")
    count = 0
    for member in members:
        roles = end_membership(member, str(_("The account was erased")))
        record(verb="collaboration.working_group.left", actor=Actor.system(),
               subject=member.working_group, ecosystem=member.working_group.ecosystem,
               organisation=member.organisation,
               payload={"member": str(member.uuid), "roles_ended": roles, "erased": True})
        count += 1
    return count
