"""Writes about milestones: add, edit, reorder, set their state, remove while open."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.collaboration.models import Deliverable, Milestone
from zwerm.collaboration.services.common import clean_text
from zwerm.collaboration.services.deliverables import (
    _UNSET,
    TITLE_MAX,
    clean_due_on,
    lock,
    require_edit,
)
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, ValidationFailed

MAX_MILESTONES = 100


def _record(verb: str, actor: Actor, milestone: Milestone, deliverable: Deliverable,
            **payload: Any) -> None:
    record(verb=verb, actor=actor, subject=milestone, ecosystem=deliverable.ecosystem,
           organisation=actor.organisation,
           payload={"deliverable": str(deliverable.uuid), **payload})


def _locked_milestone(milestone: Milestone) -> tuple[Milestone, Deliverable]:
    deliverable = lock(milestone.deliverable)
    milestone = Milestone.objects.select_for_update(of=("self",)).get(pk=milestone.pk)
    milestone.deliverable = deliverable
    return milestone, deliverable


@transaction.atomic
def milestone_add(
    *, actor: Actor, deliverable: Deliverable, title: str,
    due_on: datetime.date | None = None,
) -> Milestone:
    """A step towards the deliverable, added at the end of the list."""
    deliverable = lock(deliverable)
    require_edit(actor, deliverable)
    title = clean_text(title, field="title", label=_("title"), required=True,
                       max_length=TITLE_MAX)
    due_on = clean_due_on(due_on, field="due_on")
    if deliverable.milestones.count() >= MAX_MILESTONES:
        raise Conflict(_("A deliverable has at most %(count)d milestones.")
                       % {"count": MAX_MILESTONES}, field="title")
    last = deliverable.milestones.aggregate(last=Max("position"))["last"]
    milestone = Milestone.objects.create(
        deliverable=deliverable, title=title, due_on=due_on,
        position=0 if last is None else last + 1,
    )
    _record("collaboration.milestone.added", actor, milestone, deliverable,
            due_on=due_on.isoformat() if due_on else None)
    return milestone


@transaction.atomic
def milestone_update(
    *, actor: Actor, milestone: Milestone, title: Any = _UNSET, due_on: Any = _UNSET
) -> Milestone:
    milestone, deliverable = _locked_milestone(milestone)
    require_edit(actor, deliverable)
    changes: dict[str, Any] = {}
    if title is not _UNSET:
        changes["title"] = clean_text(title, field="title", label=_("title"), required=True,
                                      max_length=TITLE_MAX)
    if due_on is not _UNSET:
        changes["due_on"] = clean_due_on(due_on, field="due_on")
    changed = sorted(name for name, value in changes.items() if getattr(milestone, name) != value)
    if not changed:
        return milestone
    for name in changed:
        setattr(milestone, name, changes[name])
    milestone.save(update_fields=[*changed, "updated_at"])
    _record("collaboration.milestone.updated", actor, milestone, deliverable, fields=changed)
    return milestone


@transaction.atomic
def milestone_state_set(*, actor: Actor, milestone: Milestone, state: str) -> Milestone:
    """Open, in progress or done; done sets ``done_at`` (and leaving done clears it)."""
    milestone, deliverable = _locked_milestone(milestone)
    require_edit(actor, deliverable)
    if state not in Milestone.State.values:
        raise ValidationFailed(_("Choose one of the offered states."), field="state")
    previous = milestone.state
    if state == previous:
        raise Conflict(_("The milestone is already in this state."), field="state",
                       code="same_state")
    milestone.state = state
    milestone.done_at = timezone.now() if state == Milestone.State.DONE else None
    milestone.save(update_fields=["state", "done_at", "updated_at"])
    _record("collaboration.milestone.state_changed", actor, milestone, deliverable,
            **{"from": previous, "to": state})
    return milestone


@transaction.atomic
def milestone_remove(*, actor: Actor, milestone: Milestone) -> None:
    """Only a milestone nobody started on can go; the others are part of the history."""
    milestone, deliverable = _locked_milestone(milestone)
    require_edit(actor, deliverable)
    if milestone.state != Milestone.State.OPEN:
        raise Conflict(_("Only an open milestone can be removed; this one was started."),
                       code="not_open")
    _record("collaboration.milestone.removed", actor, milestone, deliverable)
    milestone.delete()


def _apply_order(deliverable: Deliverable, ordered: Sequence[Milestone]) -> None:
    for position, milestone in enumerate(ordered):
        if milestone.position != position:
            milestone.position = position
            milestone.save(update_fields=["position", "updated_at"])


def _record_order(actor: Actor, deliverable: Deliverable, ordered: Sequence[Milestone]) -> None:
    record(verb="collaboration.milestone.reordered", actor=actor, subject=deliverable,
           ecosystem=deliverable.ecosystem, organisation=actor.organisation,
           payload={"order": [str(m.uuid) for m in ordered]})


@transaction.atomic
def milestone_move(*, actor: Actor, milestone: Milestone, direction: str) -> list[Milestone]:
    """Move a milestone one place up or down (the pages' buttons)."""
    milestone, deliverable = _locked_milestone(milestone)
    require_edit(actor, deliverable)
    if direction not in ("up", "down"):
        raise ValidationFailed(_("Move a milestone up or down."), field="direction")
    ordered = list(deliverable.milestones.order_by("position", "id"))
    index = next(i for i, m in enumerate(ordered) if m.pk == milestone.pk)
    other = index - 1 if direction == "up" else index + 1
    if other < 0 or other >= len(ordered):
        raise Conflict(_("This milestone cannot move further that way."), field="direction",
                       code="at_edge")
    ordered[index], ordered[other] = ordered[other], ordered[index]
    _apply_order(deliverable, ordered)
    _record_order(actor, deliverable, ordered)
    return ordered


@transaction.atomic
def milestone_reorder(
    *, actor: Actor, deliverable: Deliverable, order: Sequence[Any]
) -> list[Milestone]:
    """Put all milestones in the given order (UUIDs); every milestone exactly once."""
    deliverable = lock(deliverable)
    require_edit(actor, deliverable)
    current = {str(m.uuid): m for m in deliverable.milestones.all()}
    wanted = [str(value) for value in order]
    if sorted(wanted) != sorted(current) or len(set(wanted)) != len(wanted):
        raise ValidationFailed(
            _("Name every milestone of this deliverable exactly once."), field="order"
        )
    ordered = [current[key] for key in wanted]
    if [m.pk for m in ordered] == [m.pk for m in sorted(current.values(),
                                                         key=lambda m: (m.position, m.pk))]:
        return ordered  # already in this order: nothing changes, nothing is recorded
    _apply_order(deliverable, ordered)
    _record_order(actor, deliverable, ordered)
    return ordered
