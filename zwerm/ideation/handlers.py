"""What ideation plugs into other apps' hooks: a person's data export and erasure, and
organisation merges."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.utils.translation import gettext as _

from zwerm.core.actor import Actor
from zwerm.ideation.models import (
    Ballot,
    Challenge,
    Comment,
    Commitment,
    Idea,
    Phase,
    Reaction,
)


def export_person(person: Any) -> dict[str, Any]:
    """Ideas, comments, reactions and commitments a person made; their ballots in open votes.

    Secret ballots are not linked to anyone, so they cannot be exported (nor erased) per
    person; that is what makes them secret.
    """
    ideas = Idea.objects.filter(author=person).select_related("challenge")
    comments = Comment.objects.filter(author=person).select_related("idea__challenge")
    reactions = Reaction.objects.filter(person=person).select_related("idea")
    commitments = Commitment.objects.filter(person=person).select_related(
        "initiative__challenge", "organisation")
    ballots = Ballot.objects.filter(person=person).select_related("challenge")
    return {
        "ideas": [
            {"challenge": idea.challenge.question, "challenge_uuid": str(idea.challenge.uuid),
             "uuid": str(idea.uuid), "title": idea.title, "description": idea.description,
             "tags": idea.tags, "created_at": idea.created_at.isoformat()}
            for idea in ideas
        ],
        "comments": [
            {"idea_uuid": str(c.idea.uuid), "idea": c.idea.title, "body": c.body,
             "created_at": c.created_at.isoformat()} for c in comments
        ],
        "reactions": [{"idea_uuid": str(r.idea.uuid), "kind": r.kind} for r in reactions],
        "commitments": [
            {"initiative": c.initiative.title, "initiative_uuid": str(c.initiative.uuid),
             "organisation": c.organisation.name, "text": c.text,
             "created_at": c.created_at.isoformat()} for c in commitments
        ],
        "open_ballots": [
            {"challenge_uuid": str(b.challenge.uuid), "choices": b.choices} for b in ballots
        ],
    }


def on_merge(*, actor: Actor, source: Any, target: Any) -> None:
    """Ideas, comments and commitments of a merged organisation move to the one it joined.

    Ballots move only while their vote is open: a closed vote's ballots must keep recounting
    to the published result. Where both organisations committed to one initiative, the
    target's commitment stays and the source's is kept as it was, for the record.
    """
    Idea.objects.filter(organisation=source).update(organisation=target)
    Comment.objects.filter(organisation=source).update(organisation=target)
    for commitment in Commitment.objects.filter(organisation=source):
        if not Commitment.objects.filter(initiative=commitment.initiative_id,
                                         organisation=target).exists():
            commitment.organisation = target
            commitment.save(update_fields=["organisation", "updated_at"])
    for ballot in Ballot.objects.filter(organisation=source).select_related("challenge"):
        if ballot.challenge.phase == Phase.VOTE:
            ballot.organisation = target
            ballot.organisation_kind = target.kind
            ballot.save(update_fields=["organisation", "organisation_kind", "updated_at"])


def last_facilitator_blockers(person: Any) -> list[str]:
    """The only facilitator of a public challenge that is still open must hand over first
    (an ecosystem's challenges are also run by the ecosystem's facilitators)."""
    held = Challenge.objects.filter(facilitators=person, ecosystem__isnull=True).values("id")
    lonely = (
        Challenge.objects.filter(id__in=held)
        .annotate(count=Count("facilitators"))
        .filter(count=1)
        .order_by("question")
    )
    return [
        _("You are the only facilitator of the challenge %(challenge)s. Add another "
          "facilitator first.") % {"challenge": challenge.question}
        for challenge in lonely if challenge.phase != Phase.CLOSED
    ]
