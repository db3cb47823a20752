"""Who may see and change deliverables, their milestones, links and attachments.

Seeing follows the ecosystem. Creating needs a person acting for an active member
organisation (and, in a working group, an active membership of the group). Changing is for
the people of the owner organisation, the group's current lead and secretary, and the
ecosystem's facilitators (and operators).
"""

from __future__ import annotations

from typing import Any

from zwerm.collaboration.models import (
    Attachment,
    Deliverable,
    WorkingGroup,
    WorkingGroupMember,
    WorkingGroupRole,
)
from zwerm.collaboration.permissions import (
    _person,
    belongs_to,
    can_manage,
    can_take_part,
)
from zwerm.collaboration.permissions import (
    can_view as can_view_ecosystem,
)


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
    """The person is the group's current lead or secretary."""
    person = _person(who)
    if person is None or working_group is None:
        return False
    return WorkingGroupRole.objects.filter(
        working_group=working_group, person=person, ended_at__isnull=True
    ).exists()


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
    """People of the owner organisation, the group's lead and secretary, facilitators."""
    if _person(who) is None or not can_view(who, deliverable):
        return False
    return (
        belongs_to(who, deliverable.owner)
        or can_manage(who, deliverable.ecosystem)
        or holds_group_role(who, deliverable.working_group)
    )


def can_view_attachment(who: Any, attachment: Attachment) -> bool:
    """Whoever may see the deliverable (so members-only files stay with the members)."""
    return can_view(who, attachment.deliverable)


def can_remove_attachments_of(who: Any, deliverable: Deliverable) -> bool:
    """The people of the owner organisation and the facilitators remove any of its files."""
    if _person(who) is None or not can_view(who, deliverable):
        return False
    return belongs_to(who, deliverable.owner) or can_manage(who, deliverable.ecosystem)


def can_remove_attachment(who: Any, attachment: Attachment) -> bool:
    """The uploader, the people of the owner organisation, and the facilitators."""
    person = _person(who)
    deliverable = attachment.deliverable
    if person is None or not can_view(who, deliverable):
        return False
    return attachment.uploaded_by_id == person.pk or can_remove_attachments_of(who, deliverable)
