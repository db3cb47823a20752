"""Who may see and change deliverables, their milestones, links and attachments.

Seeing follows the ecosystem. Creating needs a person acting for an active member
organisation (and, in a working group, an active membership of the group). Changing is for
the people of the owner organisation while it is still an active or paused member of the
ecosystem, the group's current lead and secretary, and the ecosystem's facilitators (and
operators). Making another organisation the owner needs its consent: the facilitators, or
someone who speaks for that organisation (``may_make_owner``).
"""

from __future__ import annotations

from typing import Any

from zwerm.collaboration.models import (
    Attachment,
    Deliverable,
    WorkingGroup,
    WorkingGroupMember,
)
from zwerm.collaboration.permissions import (
    _person,
    belongs_to,
    can_manage,
    can_speak_for,
    can_take_part,
)
from zwerm.collaboration.permissions import (
    can_view as can_view_ecosystem,
)
from zwerm.collaboration.permissions.working_groups import held_roles
from zwerm.ecosystems.models import Membership, Role
from zwerm.organisations.models import OrganisationMember
from zwerm.organisations.permissions import organisation_roles

#: An owner organisation in these states still changes its deliverables; once it left, only
#: the facilitators and the group's lead and secretary do.
OWNER_STATES = (Membership.State.ACTIVE, Membership.State.PAUSED)


def can_view(who: Any, deliverable: Deliverable) -> bool:
    return can_view_ecosystem(who, deliverable.ecosystem)


def is_group_member(who: Any, working_group: WorkingGroup | None) -> bool:
    person = _person(who)
    if person is None or working_group is None:
        return False
    return WorkingGroupMember.objects.filter(
        working_group=working_group, person=person, state=WorkingGroupMember.State.ACTIVE
    ).exists()


def holds_group_role(who: Any, working_group: WorkingGroup | None) -> bool:
    """The person is the group's current lead or secretary (and so still an active member of
    it: the working groups' ``held_roles``)."""
    if _person(who) is None or working_group is None:
        return False
    return bool(held_roles(who, working_group))


def owner_still_member(deliverable: Deliverable) -> bool:
    """The owner organisation is still an active or paused member of the ecosystem."""
    return Membership.objects.filter(
        ecosystem_id=deliverable.ecosystem_id, organisation_id=deliverable.owner_id,
        state__in=OWNER_STATES,
    ).exists()


def acts_for_owner(who: Any, deliverable: Deliverable) -> bool:
    """The person belongs to the owner organisation, and that organisation has not left."""
    return belongs_to(who, deliverable.owner) and owner_still_member(deliverable)


def may_make_owner(actor: Any, ecosystem: Any, owner: Any) -> bool:
    """Whoever may create or edit a deliverable makes their own organisation its owner;
    another organisation only by a facilitator, or by someone who speaks for it (an admin
    or its delegate): ownership gives that organisation rights and duties."""
    if owner is None:
        return False
    organisation = getattr(actor, "organisation", None)
    if organisation is not None and organisation.pk == owner.pk:
        return True
    return can_manage(actor, ecosystem) or can_speak_for(actor, ecosystem, owner)


def ownable_ids(actor: Any, ecosystem: Any) -> set[int] | None:
    """``may_make_owner`` for a whole form at once: the ids of the organisations the actor
    may make owner, or None when any member organisation will do (facilitators)."""
    if can_manage(actor, ecosystem):
        return None
    person = _person(actor)
    organisation = getattr(actor, "organisation", None)
    ids = {organisation.pk} if organisation is not None else set()
    if person is None:
        return ids
    ids |= {pk for pk, role in organisation_roles(person).items()
            if role == OrganisationMember.Role.ADMIN}
    ids |= set(Role.objects.filter(
        ecosystem=ecosystem, person=person, name=Role.Name.DELEGATE, ended_at__isnull=True,
    ).values_list("organisation_id", flat=True))
    return ids


def can_create(actor: Any, ecosystem: Any, working_group: WorkingGroup | None = None) -> bool:
    """Acting for an active member organisation; in a working group (not archived), also an
    active member of the group."""
    if _person(actor) is None or not can_take_part(actor, ecosystem):
        return False
    if working_group is None:
        return True
    return (working_group.ecosystem_id == ecosystem.pk and not working_group.is_archived
            and is_group_member(actor, working_group))


def can_edit(who: Any, deliverable: Deliverable) -> bool:
    """People of the owner organisation (while it has not left the ecosystem), the group's
    lead and secretary, facilitators."""
    if _person(who) is None or not can_view(who, deliverable):
        return False
    return (
        acts_for_owner(who, deliverable)
        or can_manage(who, deliverable.ecosystem)
        or holds_group_role(who, deliverable.working_group)
    )


def can_view_attachment(who: Any, attachment: Attachment) -> bool:
    """Whoever may see the deliverable (so members-only files stay with the members)."""
    return can_view(who, attachment.deliverable)


def can_remove_attachments_of(who: Any, deliverable: Deliverable) -> bool:
    """The people of the owner organisation (while it has not left the ecosystem) and the
    facilitators remove any of its files."""
    if _person(who) is None or not can_view(who, deliverable):
        return False
    return acts_for_owner(who, deliverable) or can_manage(who, deliverable.ecosystem)


def can_remove_attachment(who: Any, attachment: Attachment) -> bool:
    """The uploader, the people of the owner organisation, and the facilitators."""
    person = _person(who)
    deliverable = attachment.deliverable
    if person is None or not can_view(who, deliverable):
        return False
    return attachment.uploaded_by_id == person.pk or can_remove_attachments_of(who, deliverable)
