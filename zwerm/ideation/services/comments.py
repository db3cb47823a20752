"""Writes about comments: one level of replies; followers of the idea hear of them."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, ValidationFailed
from zwerm.core.notifications import notify
from zwerm.ideation.models import Comment, Follow, Idea
from zwerm.ideation.services._common import (
    clean_text,
    idea_url,
    require_open,
    require_participant,
)

BODY_MAX = 5000


@transaction.atomic
def comment_post(
    *, actor: Actor, idea: Idea, body: str, parent: Comment | None = None
) -> Comment:
    """Comment on an idea, or reply to a comment (replies to replies join the same thread)."""
    challenge = idea.challenge
    require_participant(actor, challenge)
    require_open(challenge)
    if idea.is_merged:
        raise Conflict(_("This idea was merged into another; comment there instead."))
    body = clean_text(body, field="body", label=_("comment"), required=True, max_length=BODY_MAX)
    if parent is not None:
        if parent.idea_id != idea.pk:
            raise ValidationFailed(_("Reply to a comment on the same idea."), field="parent")
        if parent.parent_id is not None:
            parent = parent.parent
    comment = Comment.objects.create(idea=idea, parent=parent, author=actor.person,
                                     organisation=actor.organisation, body=body)
    Follow.objects.get_or_create(idea=idea, person=actor.person)
    activity = record(
        verb="ideation.comment.posted", actor=actor, subject=idea, ecosystem=challenge.ecosystem,
        payload={"comment": str(comment.uuid),
                 "reply_to": str(parent.uuid) if parent is not None else ""},
    )
    followers = [f.person for f in idea.follows.select_related("person")
                 if f.person.is_active]
    notify(recipients=followers, kind="ideation.comments", activity=activity,
           url=f"{idea_url(idea)}#comment-{comment.uuid}")
    return comment
