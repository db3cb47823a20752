"""When an organisation is merged into another, its matchmaking follows it.

Registered with ``zwerm.organisations.hooks.register_merge``; runs inside the merge's
transaction.
"""

from __future__ import annotations

from django.db.models import Q

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.matchmaking.models import Connection, Dismissal, Introduction
from zwerm.organisations.models import Organisation


def on_merge(*, actor: Actor, source: Organisation, target: Organisation) -> None:
    """Connections, dismissals and pending introductions of ``source`` move to ``target``;
    where the target already has the same one (or it would point at itself), the source's
    copy goes. Answered introductions stay as they were: they are history."""
    moved = {"connections": 0, "dismissals": 0, "introductions": 0}
    for connection in Connection.objects.select_for_update().filter(
        Q(first=source) | Q(second=source)
    ):
        other_id = connection.second_id if connection.first_id == source.pk else connection.first_id
        connection.delete()
        if other_id == target.pk:
            continue
        low, high = sorted((other_id, target.pk))
        _link, created = Connection.objects.get_or_create(
            first_id=low, second_id=high, defaults={"introduction": connection.introduction}
        )
        moved["connections"] += int(created)
    for dismissal in Dismissal.objects.filter(Q(organisation=source) | Q(dismissed=source)):
        owner = target.pk if dismissal.organisation_id == source.pk else dismissal.organisation_id
        hidden = target.pk if dismissal.dismissed_id == source.pk else dismissal.dismissed_id
        dismissal.delete()
        if owner != hidden and not Dismissal.objects.filter(
            organisation_id=owner, dismissed_id=hidden
        ).exists():
            Dismissal.objects.create(organisation_id=owner, dismissed_id=hidden,
                                     dismissed_by=dismissal.dismissed_by)
            moved["dismissals"] += 1
    for introduction in Introduction.objects.select_for_update(of=("self",)).filter(
        Q(requester=source) | Q(recipient=source), state=Introduction.State.PENDING
    ):
        requester = target.pk if introduction.requester_id == source.pk else (
            introduction.requester_id)
        recipient = target.pk if introduction.recipient_id == source.pk else (
            introduction.recipient_id)
        duplicate = Introduction.objects.filter(
            state=Introduction.State.PENDING, requester_id=requester, recipient_id=recipient
        ).exists()
        if requester == recipient or duplicate:
            continue
        introduction.requester_id, introduction.recipient_id = requester, recipient
        introduction.save(update_fields=["requester", "recipient", "updated_at"])
        moved["introductions"] += 1
    if any(moved.values()):
        record(verb="matchmaking.organisation.merged", actor=actor, subject=target,
               organisation=target, payload={"from_organisation": str(source.uuid), **moved})
