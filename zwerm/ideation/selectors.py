"""Read queries of ideation, always filtered to what the viewer may see."""

from __future__ import annotations

import uuid as uuid_module
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from zwerm.ecosystems.selectors import visible_ecosystems_q
from zwerm.ideation.models import (
    Ballot,
    Challenge,
    Cluster,
    Comment,
    Idea,
    IdeaMerge,
    Initiative,
    Reaction,
)


def visible_challenges_q(viewer: Any) -> Q:
    """Public challenges, plus those of ecosystems the viewer may see."""
    ecosystem_q = visible_ecosystems_q(viewer)
    if not ecosystem_q:
        return Q()
    from zwerm.ecosystems.models import Ecosystem

    return Q(ecosystem__isnull=True) | Q(
        ecosystem__in=Ecosystem.objects.filter(ecosystem_q).values("id")
    )


def challenge_list(
    *, viewer: Any, ecosystem: Any = None, query: str = ""
) -> QuerySet[Challenge]:
    """Challenges the viewer may see, newest first, with their idea counts.

    The phase depends on the time of reading, so filtering on it happens in Python
    (``filter_phase``) over this one query.
    """
    queryset = Challenge.objects.filter(visible_challenges_q(viewer))
    if ecosystem is not None:
        queryset = queryset.filter(ecosystem=ecosystem)
    if query:
        queryset = queryset.filter(Q(question__icontains=query) | Q(context__icontains=query))
    return queryset.select_related("ecosystem").annotate(
        idea_count=Count("ideas", filter=Q(ideas__merged_into__isnull=True), distinct=True)
    ).order_by("-created_at", "-id")


def filter_phase(challenges: QuerySet[Challenge], phase: str) -> list[Challenge]:
    return [challenge for challenge in challenges if not phase or challenge.phase == phase]


def visible_challenge(*, viewer: Any, slug: str) -> Challenge | None:
    return (
        Challenge.objects.filter(visible_challenges_q(viewer), slug=slug)
        .select_related("ecosystem", "organisation")
        .prefetch_related("facilitators")
        .first()
    )


def _uuid(value: Any) -> uuid_module.UUID | None:
    try:
        return uuid_module.UUID(str(value))
    except ValueError:
        return None


def idea_list(
    *, challenge: Challenge, include_merged: bool = False, cluster: str = "", tag: str = "",
    query: str = "",
) -> QuerySet[Idea]:
    """A challenge's ideas with authors, organisations, clusters and counts in fixed queries."""
    queryset = challenge.ideas.all()
    if not include_merged:
        queryset = queryset.filter(merged_into__isnull=True)
    if cluster:
        cluster_uuid = _uuid(cluster)
        queryset = queryset.filter(cluster__uuid=cluster_uuid) if cluster_uuid else queryset.none()
    if tag:
        queryset = queryset.filter(tags__icontains=f'"{tag}"')
    if query:
        queryset = queryset.filter(Q(title__icontains=query) | Q(description__icontains=query))
    return (
        queryset.select_related("author", "organisation", "cluster", "merged_into")
        .prefetch_related("co_authors")
        .annotate(
            comment_count=Count("comments", distinct=True),
            support_count=Count(
                "reactions", filter=Q(reactions__kind=Reaction.Kind.SUPPORT), distinct=True
            ),
        )
        .order_by("position")
    )


def idea_detail(*, challenge: Challenge, uuid: Any) -> Idea | None:
    idea_uuid = _uuid(uuid)
    if idea_uuid is None:
        return None
    replies = Comment.objects.select_related("author", "organisation").order_by("created_at")
    return (
        challenge.ideas.filter(uuid=idea_uuid)
        .select_related("author", "organisation", "cluster", "merged_into")
        .prefetch_related(
            "co_authors",
            Prefetch("links_out", queryset=_links().select_related("target")),
            Prefetch("links_in", queryset=_links().select_related("idea")),
            Prefetch(
                "comments",
                queryset=Comment.objects.filter(parent__isnull=True)
                .select_related("author", "organisation")
                .prefetch_related(Prefetch("replies", queryset=replies))
                .order_by("created_at"),
                to_attr="threads",
            ),
            Prefetch("merges_in", queryset=IdeaMerge.objects.select_related("source", "merged_by")),
        )
        .first()
    )


def _links():
    from zwerm.ideation.models import IdeaLink

    return IdeaLink.objects.order_by("created_at")


def reaction_counts(*, idea: Idea) -> dict[str, int]:
    counts = dict(
        idea.reactions.values_list("kind").annotate(n=Count("id")).values_list("kind", "n")
    )
    return {kind: counts.get(kind, 0) for kind in Reaction.Kind.values}


def cluster_list(*, challenge: Challenge, states: tuple[str, ...] = ()) -> QuerySet[Cluster]:
    queryset = challenge.clusters.select_related("created_by", "decided_by")
    if states:
        queryset = queryset.filter(state__in=states)
    return queryset.prefetch_related(
        Prefetch("ideas", queryset=Idea.objects.filter(merged_into__isnull=True)
                 .order_by("position"))
    ).order_by("state", "name")


def vote_options(*, challenge: Challenge) -> list[Idea]:
    """The ideas on the ballot: every idea that was not merged into another, in order."""
    return list(challenge.ideas.filter(merged_into__isnull=True).order_by("position"))


def ballot_count(*, challenge: Challenge) -> int:
    return Ballot.objects.filter(challenge=challenge).count()


def initiative_list(*, challenge: Challenge) -> QuerySet[Initiative]:
    from zwerm.ideation.models import Commitment

    return (
        challenge.initiatives.select_related("idea", "cluster")
        .prefetch_related(
            Prefetch("commitments", queryset=Commitment.objects.select_related("organisation"))
        )
        .annotate(commitment_count=Count("commitments", distinct=True))
        .order_by("created_at", "id")
    )


def co_author_candidates(*, challenge: Challenge, person: Any) -> list[Any]:
    """Who may be named co-author: the people of the ecosystem's active members and
    observers (in a public challenge, the author's colleagues), the author left out."""
    from zwerm.ecosystems.models import Membership
    from zwerm.organisations.models import OrganisationMember

    members = OrganisationMember.objects.filter(left_at__isnull=True, person__is_active=True)
    if challenge.ecosystem_id is not None:
        members = members.filter(
            organisation__ecosystem_memberships__ecosystem_id=challenge.ecosystem_id,
            organisation__ecosystem_memberships__state=Membership.State.ACTIVE,
        )
    else:
        mine = OrganisationMember.objects.filter(person=person, left_at__isnull=True)
        members = members.filter(organisation_id__in=mine.values("organisation_id"))
    members = members.exclude(person=person).select_related("person", "organisation")
    seen: dict[int, Any] = {}
    for member in members.order_by("organisation__name", "person__name"):
        seen.setdefault(member.person_id, member)
    return list(seen.values())
