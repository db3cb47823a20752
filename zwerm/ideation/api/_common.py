"""What the ideation endpoints share: the router, lookups that 404, and response shaping."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import Field as NinjaField
from ninja import Router, Schema

from zwerm.accounts.models import User
from zwerm.core.api_support import Names, actor_of, organisation_ref
from zwerm.core.errors import ValidationFailed
from zwerm.ecosystems.models import Ecosystem
from zwerm.ecosystems.selectors import visible_ecosystems_q
from zwerm.ideation import selectors
from zwerm.ideation.models import Challenge, Cluster, Comment, Idea, Initiative, Phase

router = Router(tags=["ideation"])


class Page(Schema):
    limit: int = NinjaField(20, ge=1, le=100)
    offset: int = NinjaField(0, ge=0)


class ChallengeFilters(Page):
    q: str = NinjaField("", max_length=100)
    phase: Phase | None = None
    ecosystem: str = NinjaField("", max_length=80)


class IdeaFilters(Page):
    q: str = NinjaField("", max_length=100)
    cluster: str = NinjaField("", max_length=40)
    tag: str = NinjaField("", max_length=40)
    include_merged: bool = False


# Lookups -----------------------------------------------------------------------------------


def _challenge(request, slug: str) -> Challenge:
    challenge = selectors.visible_challenge(viewer=actor_of(request).person, slug=slug)
    if challenge is None:
        raise Http404
    return challenge


def _idea(challenge: Challenge, idea_uuid: uuid.UUID, field: str | None = None) -> Idea:
    idea = challenge.ideas.select_related("challenge").filter(uuid=idea_uuid).first()
    if idea is None:
        if field:
            raise ValidationFailed(_("No idea of this challenge has this identifier."),
                                   field=field)
        raise Http404
    return idea


def _cluster(challenge: Challenge, cluster_uuid: uuid.UUID, field: str | None = None) -> Cluster:
    cluster = challenge.clusters.select_related("challenge").filter(uuid=cluster_uuid).first()
    if cluster is None:
        if field:
            raise ValidationFailed(_("No cluster of this challenge has this identifier."),
                                   field=field)
        raise Http404
    return cluster


def _ecosystem(request, ref: str | None) -> Ecosystem | None:
    if not ref:
        return None
    queryset = Ecosystem.objects.filter(visible_ecosystems_q(actor_of(request).person))
    try:
        found = queryset.filter(Q(slug=ref) | Q(uuid=uuid.UUID(ref))).first()
    except ValueError:
        found = queryset.filter(slug=ref).first()
    if found is None:
        raise ValidationFailed(_("No ecosystem was found with this identifier."),
                               field="ecosystem")
    return found


def _people(uuids: list[uuid.UUID], challenge: Challenge) -> list[Any]:
    people = list(User.objects.filter(uuid__in=uuids))
    if len(people) != len(set(uuids)):
        raise ValidationFailed(_("No person was found with this identifier."),
                               field="co_authors")
    return people


def _page(queryset, page: Page) -> dict[str, Any]:
    return {"count": queryset.count(), "items": list(queryset[page.offset:page.offset +
                                                               page.limit])}


# Shaping -----------------------------------------------------------------------------------


def _idea_row(idea: Idea, names: Names) -> dict[str, Any]:
    return {
        "uuid": idea.uuid, "number": idea.position, "title": idea.title,
        "author": names(idea.author), "organisation": organisation_ref(idea.organisation),
        "co_authors": [names(p) for p in idea.co_authors.all()], "tags": idea.tags,
        "cluster": idea.cluster.uuid if idea.cluster_id else None,
        "merged_into": idea.merged_into.uuid if idea.merged_into_id else None,
        "comment_count": getattr(idea, "comment_count", None),
        "support_count": getattr(idea, "support_count", None),
        "created_at": idea.created_at,
    }


def _comment_row(comment: Comment, names: Names) -> dict[str, Any]:
    return {
        "uuid": comment.uuid, "author": names(comment.author),
        "organisation": comment.organisation.name if comment.organisation_id else None,
        "body": comment.body, "created_at": comment.created_at,
        "replies": [_comment_row(reply, names) for reply in getattr(comment, "reply_list", [])],
    }


def _cluster_row(cluster: Cluster, names: Names) -> dict[str, Any]:
    ideas = ([i.uuid for i in cluster.ideas.all()] if cluster.state == Cluster.State.ACCEPTED
             else [uuid.UUID(u) for u in cluster.proposed_ideas])
    return {
        "uuid": cluster.uuid, "name": cluster.name, "origin": cluster.origin,
        "state": cluster.state, "edited": cluster.edited, "keywords": cluster.keywords,
        "ideas": ideas, "made_by": names(cluster.created_by),
        "decided_by": names(cluster.decided_by), "decided_at": cluster.decided_at,
    }


def _initiative_row(initiative: Initiative) -> dict[str, Any]:
    commitments = list(initiative.commitments.all())
    return {
        "uuid": initiative.uuid, "title": initiative.title,
        "description": initiative.description,
        "idea": initiative.idea.uuid if initiative.idea_id else None,
        "cluster": initiative.cluster.uuid if initiative.cluster_id else None,
        "threshold": initiative.threshold, "committed": len(commitments),
        "started": initiative.is_started, "started_at": initiative.started_at,
        "commitments": [
            {"uuid": c.uuid, "organisation": organisation_ref(c.organisation), "text": c.text,
             "created_at": c.created_at} for c in commitments
        ],
    }
