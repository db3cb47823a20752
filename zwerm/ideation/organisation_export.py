"""Ideation's tables in an organisation's data export (``zwerm.ecosystems.exports``): its
ideas, comments, initiative commitments and non-secret ballots in this ecosystem's
challenges.

Secret ballots are left out entirely: not even the organisation may link a secret ballot to
its voter. Names follow ``zwerm.core.privacy`` for the viewer who exports.
"""

from __future__ import annotations

from typing import Any

from zwerm.ecosystems.exports import PersonLabels, plain, register_organisation_exporter, uuid_of
from zwerm.ideation.models import Ballot, Comment, Commitment, Idea


def organisation_tables(*, organisation: Any, ecosystem: Any, viewer: Any = None
                        ) -> dict[str, list[dict[str, Any]]]:
    ideas = list(Idea.objects.filter(organisation=organisation, challenge__ecosystem=ecosystem)
                 .select_related("challenge", "author").order_by("created_at", "id"))
    comments = list(Comment.objects.filter(organisation=organisation,
                                           idea__challenge__ecosystem=ecosystem)
                    .select_related("idea", "author").order_by("created_at", "id"))
    commitments = list(Commitment.objects.filter(organisation=organisation,
                                                 initiative__challenge__ecosystem=ecosystem)
                       .select_related("initiative", "person").order_by("created_at", "id"))
    ballots = list(Ballot.objects.filter(organisation=organisation,
                                         challenge__ecosystem=ecosystem,
                                         challenge__secret=False)
                   .select_related("challenge", "person").order_by("created_at", "id"))
    names = PersonLabels(viewer, [i.author for i in ideas] + [c.author for c in comments]
                         + [c.person for c in commitments] + [b.person for b in ballots])
    return {
        "ideas": [
            {"uuid": str(i.uuid), "challenge": str(i.challenge.uuid),
             "challenge_question": i.challenge.question, "title": i.title,
             "description": i.description, "tags": list(i.tags), "author": uuid_of(i.author),
             "author_name": names(i.author), "created_at": plain(i.created_at)}
            for i in ideas
        ],
        "idea_comments": [
            {"uuid": str(c.uuid), "idea": str(c.idea.uuid), "idea_title": c.idea.title,
             "body": c.body, "author": uuid_of(c.author), "author_name": names(c.author),
             "created_at": plain(c.created_at)}
            for c in comments
        ],
        "initiative_commitments": [
            {"uuid": str(c.uuid), "initiative": str(c.initiative.uuid),
             "initiative_title": c.initiative.title, "text": c.text,
             "person": uuid_of(c.person), "person_name": names(c.person),
             "created_at": plain(c.created_at)}
            for c in commitments
        ],
        "ballots": [
            {"challenge": str(b.challenge.uuid), "challenge_question": b.challenge.question,
             "person": uuid_of(b.person), "person_name": names(b.person),
             "choices": b.choices, "updated_at": plain(b.updated_at)}
            for b in ballots
        ],
    }


register_organisation_exporter("ideation", organisation_tables)
