"""Who may do what in a working group; used by services, views, API and templates alike.

Seeing a working group follows its ecosystem. Write rights answer "no" for an archived group
(it is read-only), except unarchiving. Every function accepts ``None``, an anonymous user, a
``User`` or an ``Actor``; those that need the organisation someone acts for take an actor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

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
    "can_manage", "can_take_part", "can_start_from_initiative", "current_roles",
    "InitiativeStarts", "initiative_starts",
]

ROLES = (WorkingGroupRole.Name.LEAD, WorkingGroupRole.Name.SECRETARY)


def current_roles(
    *, person: Any = None, organisation: Any = None, working_group: Any = None,
    ecosystem: Any = None, open_groups_only: bool = False, acting: bool = True,
) -> QuerySet[WorkingGroupRole]:
    """The one definition of "a role held now": role rows not ended, narrowed by the
    arguments given.

    ``acting`` (the default) keeps only roles that carry powers: the holder is still an
    active member of the group for the organisation the role is held for. A role whose
    holder's membership ended (their organisation left the ecosystem while its hand-over is
    pending) is still *held* (pass ``acting=False`` to list it, to hand it over), but gives
    no powers. ``open_groups_only`` leaves out archived groups.
    """
    queryset = WorkingGroupRole.objects.filter(ended_at__isnull=True)
    if person is not None:
        queryset = queryset.filter(person=person)
    if organisation is not None:
        queryset = queryset.filter(organisation=organisation)
    if working_group is not None:
        queryset = queryset.filter(working_group=working_group)
    if ecosystem is not None:
        queryset = queryset.filter(working_group__ecosystem=ecosystem)
    if open_groups_only:
        queryset = queryset.filter(working_group__archived_at__isnull=True)
    if acting:
        queryset = queryset.filter(Exists(WorkingGroupMember.objects.filter(
            working_group_id=OuterRef("working_group_id"), person_id=OuterRef("person_id"),
            organisation_id=OuterRef("organisation_id"),
            state=WorkingGroupMember.State.ACTIVE)))
    return queryset


def held_roles(who: Any, working_group: WorkingGroup) -> set[str]:
    """The roles (``lead``, ``secretary``) that give the person powers in the group now.

    A role counts only while its holder is an active member of the group for the role's
    organisation (see ``current_roles``). Reads the prefetched ``current_roles`` and
    ``member_list`` when the selector loaded them (the detail page does).
    """
    person = _person(who)
    if person is None:
        return set()
    current = getattr(working_group, "current_roles", None)
    if current is not None:
        mine = [role for role in current if role.person_id == person.pk]
        if not mine:
            return set()
        members = getattr(working_group, "member_list", None)
        if members is not None:
            acting_for = {m.organisation_id for m in members if m.person_id == person.pk
                          and m.state == WorkingGroupMember.State.ACTIVE}
            return {role.name for role in mine if role.organisation_id in acting_for}
    return set(current_roles(person=person, working_group=working_group)
               .values_list("name", flat=True))


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


def can_delete_post(who: Any, post: Any, *, moderates: bool | None = None) -> bool:
    """Authors delete their own posts; facilitators moderate.

    A page asking for many posts of one group passes ``moderates`` (``can_manage`` answered
    once for the viewer) and the posts' ``working_group`` loaded: then no query runs per post.
    """
    person = _person(who)
    if person is None or post.deleted_at is not None or post.working_group.is_archived:
        return False
    if post.author_id == person.pk:
        return True
    if moderates is None:
        moderates = can_manage(person, post.working_group.ecosystem)
    return moderates


@dataclass(frozen=True)
class InitiativeStarts:
    """The answers of ``can_start_from_initiative`` for one challenge, computed once: then
    asked for each initiative without a query (the initiatives page asks for every one)."""

    manages: bool = False
    committed: frozenset[int] = frozenset()  # initiatives the actor's organisation committed to
    taken: frozenset[int] = frozenset()  # initiatives that already have a working group

    def allows(self, initiative: Any) -> bool:
        return (initiative.started_at is not None and initiative.pk not in self.taken
                and (self.manages or initiative.pk in self.committed))


def initiative_starts(actor: Any, challenge: Any, *, taken: Any = None) -> InitiativeStarts:
    """Who may start a working group from the initiatives of a challenge, in a fixed number
    of queries: ``taken`` (the ids of initiatives that have a group) may be given when the
    caller loaded the groups already."""
    from zwerm.ideation.models import Commitment as InitiativeCommitment

    ecosystem = challenge.ecosystem
    if ecosystem is None or _person(actor) is None:
        return InitiativeStarts()
    if taken is None:
        taken = WorkingGroup.objects.filter(initiative__challenge=challenge).values_list(
            "initiative_id", flat=True)
    manages = can_manage(actor, ecosystem)
    committed: frozenset[int] = frozenset()
    organisation = getattr(actor, "organisation", None)
    if not manages and organisation is not None and belongs_to(actor, organisation):
        committed = frozenset(InitiativeCommitment.objects.filter(
            initiative__challenge=challenge, organisation=organisation,
        ).values_list("initiative_id", flat=True))
    return InitiativeStarts(manages=manages, committed=committed, taken=frozenset(taken))


def can_start_from_initiative(actor: Any, initiative: Any) -> bool:
    """A facilitator, or someone of an organisation that committed, turns a started
    initiative of an ecosystem's challenge into a working group (once)."""
    if initiative.started_at is None:
        return False
    return initiative_starts(actor, initiative.challenge).allows(initiative)
