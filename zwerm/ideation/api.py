"""JSON API of ideation: thin endpoints over the app's services and selectors."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import Field as NinjaField
from ninja import Query, Router, Schema, Status

from zwerm.accounts.models import User
from zwerm.core.api_support import OPTIONAL, REQUIRED, actor_of
from zwerm.core.errors import ValidationFailed
from zwerm.core.privacy import visible_name_ids
from zwerm.ecosystems.models import Ecosystem
from zwerm.ecosystems.selectors import visible_ecosystems_q
from zwerm.ideation import results, selectors, services
from zwerm.ideation.exports import ballot_export
from zwerm.ideation.models import Ballot, Challenge, Cluster, Comment, Idea, Initiative, Phase
from zwerm.ideation.schemas import (
    BallotIn,
    BallotOut,
    ChallengeDetailOut,
    ChallengeIn,
    ChallengeListOut,
    ChallengePatchIn,
    ClusterIn,
    ClusterListOut,
    ClusterOut,
    ClusterPatchIn,
    CommentIn,
    CommentOut,
    CommitmentIn,
    FacilitatorIn,
    FollowIn,
    IdeaClusterIn,
    IdeaDetailOut,
    IdeaIn,
    IdeaListOut,
    IdeaOut,
    IdeaPatchIn,
    InitiativeIn,
    InitiativeListOut,
    InitiativeOut,
    PersonOut,
    PhaseIn,
    ReactionIn,
    ResultOut,
    TargetIn,
)
from zwerm.ideation.services.voting import voter_key

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


class Names:
    """Whose names the viewer may see, asked once per response."""

    def __init__(self, request, people: list[Any]) -> None:
        viewer = actor_of(request).person
        self.visible = visible_name_ids(viewer, {p.pk for p in people if p is not None})
        if viewer is not None:
            self.visible.add(viewer.pk)

    def __call__(self, person: Any) -> dict[str, Any] | None:
        if person is None:
            return None
        return {"uuid": person.uuid, "name": str(person) if person.pk in self.visible else None}


def _organisation(organisation: Any) -> dict[str, Any] | None:
    if organisation is None:
        return None
    return {"uuid": organisation.uuid, "slug": organisation.slug, "name": organisation.name}


def _idea_row(idea: Idea, names: Names) -> dict[str, Any]:
    return {
        "uuid": idea.uuid, "number": idea.position, "title": idea.title,
        "author": names(idea.author), "organisation": _organisation(idea.organisation),
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
            {"uuid": c.uuid, "organisation": _organisation(c.organisation), "text": c.text,
             "created_at": c.created_at} for c in commitments
        ],
    }


# Challenges --------------------------------------------------------------------------------


@router.get("", response=ChallengeListOut, auth=OPTIONAL, summary="List challenges")
def list_challenges(request, filters: Query[ChallengeFilters]):
    ecosystem = _ecosystem(request, filters.ecosystem) if filters.ecosystem else None
    queryset = selectors.challenge_list(viewer=actor_of(request).person, ecosystem=ecosystem,
                                        query=filters.q.strip())
    if filters.phase:
        rows = selectors.filter_phase(queryset, filters.phase)
        return {"count": len(rows), "items": rows[filters.offset:filters.offset + filters.limit]}
    return _page(queryset, filters)


@router.post("", response={201: ChallengeDetailOut}, auth=REQUIRED, summary="Start a challenge")
def create_challenge(request, payload: ChallengeIn):
    data = payload.dict()
    ecosystem = _ecosystem(request, data.pop("ecosystem"))
    challenge = services.challenge_create(actor=actor_of(request), ecosystem=ecosystem, **data)
    return Status(201, challenge)


@router.get("/{slug}", response=ChallengeDetailOut, auth=OPTIONAL, summary="One challenge")
def get_challenge(request, slug: str):
    return _challenge(request, slug)


@router.patch("/{slug}", response=ChallengeDetailOut, auth=REQUIRED,
              summary="Change a challenge (facilitators)")
def update_challenge(request, slug: str, payload: ChallengePatchIn):
    challenge = _challenge(request, slug)
    changes = payload.dict(exclude_unset=True)
    return services.challenge_update(actor=actor_of(request), challenge=challenge, **changes)


@router.post("/{slug}/phase", response=ChallengeDetailOut, auth=REQUIRED,
             summary="Move the phase by hand, or back to the dates (facilitators)")
def set_phase(request, slug: str, payload: PhaseIn):
    challenge = _challenge(request, slug)
    return services.challenge_phase_set(actor=actor_of(request), challenge=challenge,
                                        phase=payload.phase or "")


@router.post("/{slug}/facilitators", response=list[PersonOut], auth=REQUIRED,
             summary="Add a facilitator (facilitators)")
def add_facilitator(request, slug: str, payload: FacilitatorIn):
    challenge = _challenge(request, slug)
    person = User.objects.filter(uuid=payload.person, is_active=True).first()
    if person is None:
        raise ValidationFailed(_("No person was found with this identifier."), field="person")
    services.challenge_facilitator_add(actor=actor_of(request), challenge=challenge,
                                       person=person)
    people = list(challenge.facilitators.all())
    names = Names(request, people)
    return [names(p) for p in people]


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


# Clusters ----------------------------------------------------------------------------------


@router.get("/{slug}/clusters", response=ClusterListOut, auth=OPTIONAL,
            summary="Clusters, with their origin")
def list_clusters(request, slug: str, filters: Query[Page]):
    challenge = _challenge(request, slug)
    page = _page(selectors.cluster_list(challenge=challenge), filters)
    names = Names(request, [p for c in page["items"] for p in (c.created_by, c.decided_by)])
    page["items"] = [_cluster_row(cluster, names) for cluster in page["items"]]
    return page


@router.post("/{slug}/clusters", response={201: ClusterOut}, auth=REQUIRED,
             summary="Make a cluster by hand (facilitators)")
def create_cluster(request, slug: str, payload: ClusterIn):
    challenge = _challenge(request, slug)
    ideas = [_idea(challenge, u, "ideas") for u in payload.ideas]
    cluster = services.cluster_create(actor=actor_of(request), challenge=challenge,
                                      name=payload.name, ideas=ideas)
    return Status(201, _cluster_row(cluster, Names(request, [cluster.created_by])))


@router.post("/{slug}/clusters/propose", response=ClusterListOut, auth=REQUIRED,
             summary="Let the assistant propose clusters (facilitators)")
def propose_clusters(request, slug: str):
    challenge = _challenge(request, slug)
    clusters = services.cluster_propose(actor=actor_of(request), challenge=challenge)
    names = Names(request, [c.created_by for c in clusters])
    return {"count": len(clusters), "items": [_cluster_row(c, names) for c in clusters]}


@router.patch("/{slug}/clusters/{cluster_uuid}", response=ClusterOut, auth=REQUIRED,
              summary="Rename a cluster or change its ideas (facilitators)")
def update_cluster(request, slug: str, cluster_uuid: uuid.UUID, payload: ClusterPatchIn):
    challenge = _challenge(request, slug)
    cluster = _cluster(challenge, cluster_uuid)
    ideas = None if payload.ideas is None else [_idea(challenge, u, "ideas")
                                                for u in payload.ideas]
    cluster = services.cluster_update(actor=actor_of(request), cluster=cluster,
                                      name=payload.name, ideas=ideas)
    return _cluster_row(cluster, Names(request, [cluster.created_by, cluster.decided_by]))


def _decide(request, slug: str, cluster_uuid: uuid.UUID, accept: bool) -> dict[str, Any]:
    challenge = _challenge(request, slug)
    cluster = services.cluster_decide(actor=actor_of(request),
                                      cluster=_cluster(challenge, cluster_uuid), accept=accept)
    return _cluster_row(cluster, Names(request, [cluster.created_by, cluster.decided_by]))


@router.post("/{slug}/clusters/{cluster_uuid}/accept", response=ClusterOut, auth=REQUIRED,
             summary="Accept a proposed cluster (facilitators)")
def accept_cluster(request, slug: str, cluster_uuid: uuid.UUID):
    return _decide(request, slug, cluster_uuid, True)


@router.post("/{slug}/clusters/{cluster_uuid}/reject", response=ClusterOut, auth=REQUIRED,
             summary="Reject a proposed cluster (facilitators)")
def reject_cluster(request, slug: str, cluster_uuid: uuid.UUID):
    return _decide(request, slug, cluster_uuid, False)


# The vote ----------------------------------------------------------------------------------


@router.get("/{slug}/ballot", response=BallotOut, auth=REQUIRED, summary="My ballot")
def get_ballot(request, slug: str):
    challenge = _challenge(request, slug)
    ballot = Ballot.objects.filter(
        challenge=challenge, voter_key=voter_key(challenge, actor_of(request).person)
    ).first()
    if ballot is None:
        raise Http404
    return {"choices": ballot.choices, "receipt": None}


@router.put("/{slug}/ballot", response=BallotOut, auth=REQUIRED,
            summary="Cast or change my ballot while the vote is open")
def cast_ballot(request, slug: str, payload: BallotIn):
    challenge = _challenge(request, slug)
    ballot, receipt = services.ballot_cast(actor=actor_of(request), challenge=challenge,
                                           choices=payload.choices)
    return {"choices": ballot.choices, "receipt": receipt}


@router.get("/{slug}/results", response=ResultOut, auth=OPTIONAL,
            summary="The result, once the vote has closed")
def get_results(request, slug: str):
    challenge = _challenge(request, slug)
    data = results.result_data(challenge)
    return {"closed": data is not None, "ballots": selectors.ballot_count(challenge=challenge),
            "result": data, "turnout": results.turnout(challenge) if data else None}


@router.get("/{slug}/ballots", response=dict[str, Any], auth=OPTIONAL,
            summary="Export the ballots of a closed vote (docs/ballot-format.md)")
def export_ballots(request, slug: str):
    challenge = _challenge(request, slug)
    data = results.result_data(challenge)
    if data is None:
        raise Http404
    return ballot_export(challenge, data)


# Initiatives -------------------------------------------------------------------------------


@router.get("/{slug}/initiatives", response=InitiativeListOut, auth=OPTIONAL,
            summary="Initiatives and their commitments")
def list_initiatives(request, slug: str, filters: Query[Page]):
    challenge = _challenge(request, slug)
    page = _page(selectors.initiative_list(challenge=challenge), filters)
    page["items"] = [_initiative_row(i) for i in page["items"]]
    return page


def _initiative(challenge: Challenge, initiative_uuid: uuid.UUID) -> Initiative:
    found = selectors.initiative_list(challenge=challenge).filter(uuid=initiative_uuid).first()
    if found is None:
        raise Http404
    return found


@router.post("/{slug}/initiatives", response={201: InitiativeOut}, auth=REQUIRED,
             summary="Select an idea or cluster as an initiative (facilitators)")
def select_initiative(request, slug: str, payload: InitiativeIn):
    challenge = _challenge(request, slug)
    idea = _idea(challenge, payload.idea, "idea") if payload.idea else None
    cluster = _cluster(challenge, payload.cluster, "cluster") if payload.cluster else None
    initiative = services.initiative_select(
        actor=actor_of(request), challenge=challenge, idea=idea, cluster=cluster,
        title=payload.title, description=payload.description,
    )
    return Status(201, _initiative_row(_initiative(challenge, initiative.uuid)))


@router.post("/{slug}/initiatives/{initiative_uuid}/commitments",
             response={201: InitiativeOut}, auth=REQUIRED,
             summary="Commit my organisation to an initiative")
def commit(request, slug: str, initiative_uuid: uuid.UUID, payload: CommitmentIn):
    challenge = _challenge(request, slug)
    initiative = _initiative(challenge, initiative_uuid)
    services.commitment_make(actor=actor_of(request), initiative=initiative, text=payload.text)
    return Status(201, _initiative_row(_initiative(challenge, initiative_uuid)))


@router.delete("/{slug}/initiatives/{initiative_uuid}/commitments", response=InitiativeOut,
               auth=REQUIRED, summary="Withdraw my organisation's commitment")
def withdraw(request, slug: str, initiative_uuid: uuid.UUID):
    challenge = _challenge(request, slug)
    initiative = _initiative(challenge, initiative_uuid)
    services.commitment_withdraw(actor=actor_of(request), initiative=initiative)
    return _initiative_row(_initiative(challenge, initiative_uuid))
