"""Endpoints about ideas: adding, reading, editing, comments, reactions, links, merges."""

from __future__ import annotations

import uuid

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import Query, Status

from zwerm.core.api_support import OPTIONAL, REQUIRED, Names, actor_of
from zwerm.core.errors import ValidationFailed
from zwerm.ideation import selectors, services
from zwerm.ideation.api._common import (
    IdeaFilters,
    _challenge,
    _cluster,
    _comment_row,
    _idea,
    _idea_row,
    _page,
    _people,
    router,
)
from zwerm.ideation.models import Comment
from zwerm.ideation.schemas import (
    CommentIn,
    CommentOut,
    FollowIn,
    IdeaClusterIn,
    IdeaDetailOut,
    IdeaIn,
    IdeaListOut,
    IdeaOut,
    IdeaPatchIn,
    ReactionIn,
    TargetIn,
)

# Ideas -------------------------------------------------------------------------------------


@router.get("/{slug}/ideas", response=IdeaListOut, auth=OPTIONAL, summary="Ideas")
def list_ideas(request, slug: str, filters: Query[IdeaFilters]):
    challenge = _challenge(request, slug)
    queryset = selectors.idea_list(challenge=challenge, include_merged=filters.include_merged,
                                   cluster=filters.cluster, tag=filters.tag,
                                   query=filters.q.strip())
    page = _page(queryset, filters)
    names = Names(request, [p for i in page["items"] for p in [i.author, *i.co_authors.all()]])
    page["items"] = [_idea_row(idea, names) for idea in page["items"]]
    return page


@router.post("/{slug}/ideas", response={201: IdeaOut}, auth=REQUIRED, summary="Add an idea")
def create_idea(request, slug: str, payload: IdeaIn):
    challenge = _challenge(request, slug)
    idea = services.idea_submit(
        actor=actor_of(request), challenge=challenge, title=payload.title,
        description=payload.description, tags=payload.tags,
        co_authors=_people(payload.co_authors, challenge),
        builds_on=[_idea(challenge, u, "builds_on") for u in payload.builds_on],
    )
    return Status(201, _idea_row(idea, Names(request, [idea.author])))


@router.get("/{slug}/ideas/{idea_uuid}", response=IdeaDetailOut, auth=OPTIONAL,
            summary="One idea with its comments")
def get_idea(request, slug: str, idea_uuid: uuid.UUID):
    challenge = _challenge(request, slug)
    idea = selectors.idea_detail(challenge=challenge, uuid=idea_uuid)
    if idea is None:
        raise Http404
    threads = idea.threads
    for thread in threads:
        thread.reply_list = list(thread.replies.all())
    people = [idea.author, *idea.co_authors.all(),
              *[c.author for t in threads for c in [t, *t.reply_list]],
              *[m.merged_by for m in idea.merges_in.all()]]
    names = Names(request, people)
    return {
        **_idea_row(idea, names), "description": idea.description,
        "builds_on": [link.target.uuid for link in idea.links_out.all()],
        "built_upon_by": [link.idea.uuid for link in idea.links_in.all()],
        "reactions": selectors.reaction_counts(idea=idea),
        "comments": [_comment_row(thread, names) for thread in threads],
        "merged_from": [
            {"source": m.source.uuid, "merged_by": names(m.merged_by),
             "comments_moved": m.comments_moved, "ballots_moved": m.ballots_moved,
             "created_at": m.created_at} for m in idea.merges_in.all()
        ],
    }


@router.patch("/{slug}/ideas/{idea_uuid}", response=IdeaOut, auth=REQUIRED,
              summary="Edit an idea (authors, facilitators)")
def update_idea(request, slug: str, idea_uuid: uuid.UUID, payload: IdeaPatchIn):
    challenge = _challenge(request, slug)
    idea = _idea(challenge, idea_uuid)
    changes = payload.dict(exclude_unset=True)
    if changes.get("co_authors") is not None:
        changes["co_authors"] = _people(changes["co_authors"], challenge)
    idea = services.idea_update(actor=actor_of(request), idea=idea, **changes)
    return _idea_row(idea, Names(request, [idea.author, *idea.co_authors.all()]))


@router.post("/{slug}/ideas/{idea_uuid}/comments", response={201: CommentOut}, auth=REQUIRED,
             summary="Comment, or reply to a comment")
def create_comment(request, slug: str, idea_uuid: uuid.UUID, payload: CommentIn):
    challenge = _challenge(request, slug)
    idea = _idea(challenge, idea_uuid)
    parent = None
    if payload.parent:
        parent = Comment.objects.filter(idea=idea, uuid=payload.parent).first()
        if parent is None:
            raise ValidationFailed(_("Reply to a comment on the same idea."), field="parent")
    comment = services.comment_post(actor=actor_of(request), idea=idea, body=payload.body,
                                    parent=parent)
    return Status(201, _comment_row(comment, Names(request, [comment.author])))


@router.post("/{slug}/ideas/{idea_uuid}/reactions", response=dict[str, int], auth=REQUIRED,
             summary="Add or withdraw a reaction")
def react(request, slug: str, idea_uuid: uuid.UUID, payload: ReactionIn):
    idea = _idea(_challenge(request, slug), idea_uuid)
    services.reaction_set(actor=actor_of(request), idea=idea, kind=payload.kind, on=payload.on)
    return selectors.reaction_counts(idea=idea)


@router.post("/{slug}/ideas/{idea_uuid}/follow", response=dict[str, bool], auth=REQUIRED,
             summary="Follow an idea's comments, or stop")
def follow(request, slug: str, idea_uuid: uuid.UUID, payload: FollowIn):
    idea = _idea(_challenge(request, slug), idea_uuid)
    services.idea_follow(actor=actor_of(request), idea=idea, follow=payload.follow)
    return {"following": payload.follow}


@router.post("/{slug}/ideas/{idea_uuid}/builds-on", response={201: dict[str, uuid.UUID]},
             auth=REQUIRED, summary="Say that this idea builds on another")
def link(request, slug: str, idea_uuid: uuid.UUID, payload: TargetIn):
    challenge = _challenge(request, slug)
    idea = _idea(challenge, idea_uuid)
    made = services.idea_link(actor=actor_of(request), idea=idea,
                              target=_idea(challenge, payload.target, "target"))
    return Status(201, {"idea": idea.uuid, "builds_on": made.target.uuid})


@router.post("/{slug}/ideas/{idea_uuid}/merge", response=IdeaOut, auth=REQUIRED,
             summary="Merge this duplicate into another idea (facilitators)")
def merge(request, slug: str, idea_uuid: uuid.UUID, payload: TargetIn):
    challenge = _challenge(request, slug)
    source = _idea(challenge, idea_uuid)
    target = _idea(challenge, payload.target, "target")
    services.idea_merge(actor=actor_of(request), source=source, target=target)
    target = selectors.idea_list(challenge=challenge).get(pk=target.pk)
    return _idea_row(target, Names(request, [target.author, *target.co_authors.all()]))


@router.post("/{slug}/ideas/{idea_uuid}/cluster", response=IdeaOut, auth=REQUIRED,
             summary="Move an idea into a cluster, or out (facilitators)")
def set_cluster(request, slug: str, idea_uuid: uuid.UUID, payload: IdeaClusterIn):
    challenge = _challenge(request, slug)
    idea = _idea(challenge, idea_uuid)
    cluster = _cluster(challenge, payload.cluster, "cluster") if payload.cluster else None
    idea = services.idea_cluster_set(actor=actor_of(request), idea=idea, cluster=cluster)
    return _idea_row(idea, Names(request, [idea.author]))
