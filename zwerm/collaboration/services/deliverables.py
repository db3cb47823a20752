"""Writes about deliverables: create, edit and move through their states.

Milestones live in ``deliverables_milestones``, links and attachments in
``deliverables_attachments``; all share the checks below. Every change is recorded as one
activity in the same transaction; deleting a deliverable is not offered (history stays).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.collaboration.models import Deliverable, WorkingGroup
from zwerm.collaboration.permissions import deliverables as permissions
from zwerm.collaboration.permissions import is_active_member
from zwerm.collaboration.services.common import clean_date, clean_text, require_person
from zwerm.collaboration.services.common import require_view as require_view_ecosystem
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.notifications import notify

TITLE_MAX = 200
DESCRIPTION_MAX = 20000
REASON_MAX = 2000

State = Deliverable.State

#: Where a deliverable may go from each state; leaving delivered or cancelled is a reopening.
TRANSITIONS: dict[str, set[str]] = {
    State.PLANNED: {State.IN_PROGRESS, State.DELIVERED, State.CANCELLED},
    State.IN_PROGRESS: {State.PLANNED, State.DELIVERED, State.CANCELLED},
    State.DELIVERED: {State.PLANNED, State.IN_PROGRESS},
    State.CANCELLED: {State.PLANNED, State.IN_PROGRESS},
}

_UNSET: Any = object()


# Checks shared by the deliverables services -------------------------------------------------


def require_view(actor: Actor, deliverable: Deliverable) -> None:
    """The deliverable's own visibility (its ecosystem's, narrowed by the deliverable)."""
    if not actor.is_system and not permissions.can_view(actor, deliverable):
        raise NotFound(_("This deliverable does not exist or is not visible to you."))


def require_edit(actor: Actor, deliverable: Deliverable) -> None:
    """Only the owner organisation's people, the group's lead and secretary, facilitators."""
    if actor.is_system:
        return
    require_person(actor)
    require_view(actor, deliverable)
    if not permissions.can_edit(actor, deliverable):
        raise NotAllowed(
            _("Only the people of the owner organisation, the working group's lead and "
              "secretary, and the facilitators may change this deliverable."),
            code="not_editor",
        )


def clean_due_on(value: Any, *, field: str) -> datetime.date | None:
    """Deliverables take a date object only (the forms and the API parse the text first), so a
    string is refused here rather than read as ISO like the ledger does."""
    if isinstance(value, str) and value:
        raise ValidationFailed(_("Enter a valid date."), field=field)
    return clean_date(value, field=field)


def lock(deliverable: Deliverable) -> Deliverable:
    """The deliverable as stored now, its row locked until the transaction ends."""
    return (
        Deliverable.objects.select_for_update(of=("self",))
        .select_related("ecosystem", "owner", "working_group")
        .get(pk=deliverable.pk)
    )


def deliverable_url(deliverable: Deliverable) -> str:
    return reverse(
        "collaboration:deliverable_detail",
        kwargs={"ecosystem": deliverable.ecosystem.slug, "deliverable": deliverable.uuid},
    )


def _check_working_group(ecosystem: Any, working_group: WorkingGroup | None) -> None:
    if working_group is None:
        return
    if working_group.ecosystem_id != ecosystem.pk:
        raise ValidationFailed(_("Choose a working group of this ecosystem."),
                               field="working_group")
    if working_group.is_archived:
        raise Conflict(_("This working group is archived; it takes no new deliverables."),
                       field="working_group", code="archived")


def _check_owner(ecosystem: Any, owner: Any) -> None:
    if owner is None or not is_active_member(owner, ecosystem):
        raise ValidationFailed(
            _("The owner must be an active member organisation of this ecosystem."),
            field="owner",
        )


def _check_may_make_owner(actor: Actor, ecosystem: Any, owner: Any) -> None:
    """Another organisation becomes the owner only with its consent (someone who speaks for
    it) or by a facilitator: ownership gives it edit rights and duties in the ledger."""
    if actor.is_system or permissions.may_make_owner(actor, ecosystem, owner):
        return
    raise NotAllowed(
        _("Only a facilitator, or an admin or the delegate of %(organisation)s, may make "
          "%(organisation)s the owner of a deliverable.") % {"organisation": owner.name},
        code="not_owner_speaker", field="owner",
    )


# Deliverables ------------------------------------------------------------------------------


@transaction.atomic
def deliverable_create(
    *, actor: Actor, ecosystem: Any, title: str, description: str = "", owner: Any = None,
    working_group: WorkingGroup | None = None, due_on: datetime.date | None = None,
) -> Deliverable:
    """A member organisation (or, in a working group, a member of it) takes on a result.

    The owner defaults to the organisation the actor acts for.
    """
    require_person(actor)
    require_view_ecosystem(actor, ecosystem)
    _check_working_group(ecosystem, working_group)
    if not permissions.can_create(actor, ecosystem, working_group):
        if working_group is not None:
            raise NotAllowed(_("Only active members of the working group add its "
                               "deliverables."), code="not_group_member")
        raise NotAllowed(_("Act for an active member organisation of this ecosystem to add "
                           "a deliverable."), code="not_member")
    owner = owner if owner is not None else actor.organisation
    _check_owner(ecosystem, owner)
    _check_may_make_owner(actor, ecosystem, owner)
    title = clean_text(title, field="title", label=_("title"), required=True,
                       max_length=TITLE_MAX)
    description = clean_text(description, field="description", label=_("description"),
                             required=False, max_length=DESCRIPTION_MAX)
    due_on = clean_due_on(due_on, field="due_on")
    deliverable = Deliverable.objects.create(
        ecosystem=ecosystem, working_group=working_group, owner=owner, title=title,
        description=description, due_on=due_on, created_by=actor.person,
    )
    record(
        verb="collaboration.deliverable.created", actor=actor, subject=deliverable,
        ecosystem=ecosystem, organisation=actor.organisation,
        payload={
            "owner": str(owner.uuid),
            "working_group": str(working_group.uuid) if working_group else None,
            "due_on": due_on.isoformat() if due_on else None,
        },
    )
    return deliverable


@transaction.atomic
def deliverable_update(
    *, actor: Actor, deliverable: Deliverable, title: Any = _UNSET, description: Any = _UNSET,
    due_on: Any = _UNSET, owner: Any = _UNSET, working_group: Any = _UNSET,
) -> Deliverable:
    """Change what is given; one activity names the fields that changed (none: no activity)."""
    deliverable = lock(deliverable)
    require_edit(actor, deliverable)
    changes: dict[str, Any] = {}
    if title is not _UNSET:
        changes["title"] = clean_text(title, field="title", label=_("title"), required=True,
                                      max_length=TITLE_MAX)
    if description is not _UNSET:
        changes["description"] = clean_text(description, field="description",
                                            label=_("description"), required=False,
                                            max_length=DESCRIPTION_MAX)
    if due_on is not _UNSET:
        changes["due_on"] = clean_due_on(due_on, field="due_on")
    if owner is not _UNSET and owner != deliverable.owner:
        _check_owner(deliverable.ecosystem, owner)
        _check_may_make_owner(actor, deliverable.ecosystem, owner)
        changes["owner"] = owner
    if working_group is not _UNSET and working_group != deliverable.working_group:
        _check_working_group(deliverable.ecosystem, working_group)
        changes["working_group"] = working_group
    changed = sorted(name for name, value in changes.items()
                     if getattr(deliverable, name) != value)
    if not changed:
        return deliverable
    for name in changed:
        setattr(deliverable, name, changes[name])
    deliverable.save(update_fields=[*changed, "updated_at"])
    payload: dict[str, Any] = {"fields": changed}
    if "due_on" in changed:
        payload["due_on"] = deliverable.due_on.isoformat() if deliverable.due_on else None
    if "owner" in changed:
        payload["owner"] = str(deliverable.owner.uuid)
    record(verb="collaboration.deliverable.updated", actor=actor, subject=deliverable,
           ecosystem=deliverable.ecosystem, organisation=actor.organisation, payload=payload)
    return deliverable


@transaction.atomic
def deliverable_state_set(
    *, actor: Actor, deliverable: Deliverable, state: str, reason: str = ""
) -> Deliverable:
    """Planned → in progress → delivered, or cancelled with a reason; delivered and cancelled
    deliverables can be reopened. Delivering sets ``delivered_at``."""
    deliverable = lock(deliverable)
    require_edit(actor, deliverable)
    if state not in State.values:
        raise ValidationFailed(_("Choose one of the offered states."), field="state")
    previous = deliverable.state
    if state == previous:
        raise Conflict(_("The deliverable is already in this state."), field="state",
                       code="same_state")
    if state not in TRANSITIONS[previous]:
        raise Conflict(_("A deliverable cannot move from this state to that one."),
                       field="state", code="wrong_state")
    reason = clean_text(reason, field="reason", label=_("reason"),
                        required=state == State.CANCELLED, max_length=REASON_MAX)
    deliverable.state = state
    deliverable.delivered_at = timezone.now() if state == State.DELIVERED else None
    deliverable.state_reason = reason if state == State.CANCELLED else ""
    deliverable.save(update_fields=["state", "delivered_at", "state_reason", "updated_at"])
    activity = record(
        verb="collaboration.deliverable.state_changed", actor=actor, subject=deliverable,
        ecosystem=deliverable.ecosystem, organisation=actor.organisation,
        payload={"from": previous, "to": state,
                 "reopened": previous in (State.DELIVERED, State.CANCELLED),
                 "reason": reason},
    )
    if state == State.DELIVERED:
        _tell_committers(deliverable, activity)
    return deliverable


def _tell_committers(deliverable: Deliverable, activity: Any) -> None:
    """Whoever committed something to the deliverable hears that it was delivered."""
    from zwerm.collaboration.models import Commitment

    people = [c.person for c in Commitment.objects.filter(deliverable=deliverable)
              .exclude(state=Commitment.State.RELEASED).select_related("person")]
    notify(recipients=people, kind="collaboration.commitments", activity=activity,
           url=deliverable_url(deliverable))
