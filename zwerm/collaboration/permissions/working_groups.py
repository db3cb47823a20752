"""Who may do what in a working group; used by services, views, API and templates alike.

Seeing a working group follows its ecosystem. Write rights answer "no" for an archived group
(it is read-only), except unarchiving. Every function accepts ``None``, an anonymous user, a
``User`` or an ``Actor``; those that need the organisation someone acts for take an actor.
"""

from __future__ import annotations

from typing import Any

from zwerm.collaboration.models import WorkingGroup, WorkingGroupMember, WorkingGroupRole
from zwerm.collaboration.permissions import (
    _person,
    belongs_to,
    can_manage,
    can_take_part,
    can_view,
)

__all__ = [
    "can_view", "can_start", "can_edit", "can_archive", "can_unarchive", "can_join",
    "can_leave", "can_post", "can_announce", "can_manage_roles", "can_answer_requests",
    "can_delete_post", "held_roles", "is_active_member_of", "membership_of", "belongs_to",
    "can_manage", "can_take_part", "can_start_from_initiative",
]

ROLES = (WorkingGroupRole.Name.LEAD, WorkingGroupRole.Name.SECRETARY)


def held_roles(who: Any, working_group: WorkingGroup) -> set[str]:
    """The current roles (``lead``, ``secretary``) the person holds in the group.

    Reads the prefetched ``current_roles`` when the selector loaded them (the pages do).
    """
    person = _person(who)
    if person is None:
        return set()
    current = getattr(working_group, "current_roles", None)
    if current is not None:
        return {role.name for role in current if role.person_id == person.pk}
    return set(
        WorkingGroupRole.objects.filter(
            working_group=working_group, person=person, ended_at__isnull=True
        ).values_list("name", flat=True)
    )


def membership_of(who: Any, working_group: WorkingGroup) -> WorkingGroupMember | None:
    """The person's open (requested or active) membership, if any."""
    person = _person(who)
    if person is None:
        return None
    return WorkingGroupMember.objects.filter(
        working_group=working_group, person=person,
        state__in=[WorkingGroupMember.State.REQUESTED, WorkingGroupMember.State.ACTIVE],
    ).first()


def is_active_member_of(who: Any, working_group: WorkingGroup) -> bool:
    person = _person(who)
    if person is None:
        return False
    return WorkingGroupMember.objects.filter(
        working_group=working_group, person=person, state=WorkingGroupMember.State.ACTIVE
    ).exists()


def can_start(actor: Any, ecosystem: Any) -> bool:
    """Self-organisation: anyone acting for an active member organisation starts a group."""
    return can_take_part(actor, ecosystem)


def can_edit(who: Any, working_group: WorkingGroup) -> bool:
    """The lead, the secretary, or a facilitator of the ecosystem."""
    if working_group.is_archived:
        return False
    return bool(held_roles(who, working_group)) or can_manage(who, working_group.ecosystem)


def can_archive(who: Any, working_group: WorkingGroup) -> bool:
    """The lead or a facilitator closes a group that has done its work."""
    if working_group.is_archived:
        return False
    return WorkingGroupRole.Name.LEAD in held_roles(who, working_group) or can_manage(
        who, working_group.ecosystem)


def can_unarchive(who: Any, working_group: WorkingGroup) -> bool:
    """Only a facilitator brings an archived group back."""
    return working_group.is_archived and can_manage(who, working_group.ecosystem)


def can_join(actor: Any, working_group: WorkingGroup) -> bool:
    """People acting for an active member organisation, not yet in (or waiting for) the group."""
    if working_group.is_archived or not can_take_part(actor, working_group.ecosystem):
        return False
    return membership_of(actor, working_group) is None


def can_leave(who: Any, working_group: WorkingGroup) -> bool:
    """Members (and those waiting for an answer) may always go, even from an archived group."""
    return membership_of(who, working_group) is not None


def can_post(who: Any, working_group: WorkingGroup) -> bool:
    """Active members take part in the thread."""
    return not working_group.is_archived and is_active_member_of(who, working_group)


def can_announce(who: Any, working_group: WorkingGroup) -> bool:
    """The lead and the secretary speak to the whole group."""
    return not working_group.is_archived and bool(held_roles(who, working_group))


def can_manage_roles(who: Any, working_group: WorkingGroup, role: str | None = None) -> bool:
    """A role's current holder hands it on; facilitators may hand over any role.

    Without ``role``: may the person hand over at least one role.
    """
    if working_group.is_archived:
        return False
    if can_manage(who, working_group.ecosystem):
        return True
    held = held_roles(who, working_group)
    return bool(held) if role is None else role in held


def can_answer_requests(who: Any, working_group: WorkingGroup) -> bool:
    """The lead, the secretary and facilitators accept or decline requests to join."""
    if working_group.is_archived:
        return False
    return bool(held_roles(who, working_group)) or can_manage(who, working_group.ecosystem)


def can_delete_post(who: Any, post: Any) -> bool:
    """Authors delete their own posts; facilitators moderate."""
    person = _person(who)
    if person is None or post.deleted_at is not None or post.working_group.is_archived:
        return False
    return post.author_id == person.pk or can_manage(person, post.working_group.ecosystem)


def can_start_from_initiative(actor: Any, initiative: Any) -> bool:
    """A facilitator, or someone of an organisation that committed, turns a started
    initiative of an ecosystem's challenge into a working group (once)."""
    ecosystem = initiative.challenge.ecosystem
    if ecosystem is None or initiative.started_at is None or _person(actor) is None:
        return False
    if WorkingGroup.objects.filter(initiative=initiative).exists():
        return False
    if can_manage(actor, ecosystem):
        return True
    organisation = getattr(actor, "organisation", None)
    return organisation is not None and belongs_to(actor, organisation) and (
        initiative.commitments.filter(organisation=organisation).exists())
