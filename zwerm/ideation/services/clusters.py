"""Writes about clusters: made by hand, or proposed by the assistant and then judged."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, ValidationFailed
from zwerm.ideation import clustering
from zwerm.ideation.models import Challenge, Cluster, Idea, Phase
from zwerm.ideation.services._common import clean_text, require_manager, require_phase

NAME_MAX = 200
CLUSTER_PHASES = (Phase.COLLECT, Phase.REFINE)


def _ideas_of(challenge: Challenge, ideas: Iterable[Idea]) -> list[Idea]:
    ideas = list(ideas)
    if any(idea.challenge_id != challenge.pk or idea.is_merged for idea in ideas):
        raise ValidationFailed(_("Choose ideas of this challenge that were not merged."),
                               field="ideas")
    return ideas


@transaction.atomic
def cluster_create(
    *, actor: Actor, challenge: Challenge, name: str, ideas: Iterable[Idea] = ()
) -> Cluster:
    """A facilitator groups ideas by hand under a name."""
    require_manager(actor, challenge)
    require_phase(challenge, *CLUSTER_PHASES)
    name = clean_text(name, field="name", label=_("name"), required=True, max_length=NAME_MAX)
    ideas = _ideas_of(challenge, ideas)
    cluster = Cluster.objects.create(
        challenge=challenge, name=name, origin=Cluster.Origin.MANUAL,
        state=Cluster.State.ACCEPTED, created_by=actor.person, decided_by=actor.person,
        decided_at=timezone.now(),
    )
    Idea.objects.filter(pk__in=[i.pk for i in ideas]).update(cluster=cluster)
    record(verb="ideation.cluster.created", actor=actor, subject=cluster,
           ecosystem=challenge.ecosystem,
           payload={"challenge": str(challenge.uuid), "ideas": [str(i.uuid) for i in ideas]})
    return cluster


@transaction.atomic
def cluster_propose(*, actor: Actor, challenge: Challenge) -> list[Cluster]:
    """Ask the assistant to group the ideas not yet in a cluster; proposals wait for a
    facilitator. Earlier proposals nobody judged are replaced."""
    require_manager(actor, challenge)
    require_phase(challenge, *CLUSTER_PHASES)
    challenge.clusters.filter(state=Cluster.State.PROPOSED).delete()
    free = challenge.ideas.filter(merged_into__isnull=True, cluster__isnull=True)
    texts = {str(idea.uuid): f"{idea.title}\n{idea.title}\n{idea.description}" for idea in free}
    proposals = clustering.propose(texts)
    clusters = [
        Cluster.objects.create(
            challenge=challenge, name=proposal.name[:NAME_MAX], origin=Cluster.Origin.PROPOSED,
            state=Cluster.State.PROPOSED, created_by=actor.person,
            keywords=list(proposal.keywords), proposed_ideas=list(proposal.keys),
        )
        for proposal in proposals
    ]
    record(verb="ideation.cluster.proposed", actor=actor, subject=challenge,
           ecosystem=challenge.ecosystem,
           payload={"clusters": [str(c.uuid) for c in clusters], "ideas": len(texts)})
    return clusters


def _lock(cluster: Cluster) -> Cluster:
    return Cluster.objects.select_for_update().select_related("challenge").get(pk=cluster.pk)


@transaction.atomic
def cluster_update(
    *, actor: Actor, cluster: Cluster, name: str | None = None,
    ideas: Iterable[Idea] | None = None,
) -> Cluster:
    """Rename a cluster or change its ideas; editing a proposal marks it as edited."""
    cluster = _lock(cluster)
    challenge = cluster.challenge
    require_manager(actor, challenge)
    require_phase(challenge, *CLUSTER_PHASES)
    if cluster.state == Cluster.State.REJECTED:
        raise Conflict(_("This proposal was rejected."))
    fields: list[str] = []
    if name is not None:
        cluster.name = clean_text(name, field="name", label=_("name"), required=True,
                                  max_length=NAME_MAX)
        fields.append("name")
    if ideas is not None:
        ideas = _ideas_of(challenge, ideas)
        if cluster.state == Cluster.State.PROPOSED:
            cluster.proposed_ideas = [str(i.uuid) for i in ideas]
            fields.append("proposed_ideas")
        else:
            cluster.ideas.exclude(pk__in=[i.pk for i in ideas]).update(cluster=None)
            Idea.objects.filter(pk__in=[i.pk for i in ideas]).update(cluster=cluster)
    if cluster.state == Cluster.State.PROPOSED and fields:
        cluster.edited = True
        fields.append("edited")
    if fields:
        cluster.save(update_fields=[*fields, "updated_at"])
    if fields or ideas is not None:
        record(verb="ideation.cluster.renamed", actor=actor, subject=cluster,
               ecosystem=challenge.ecosystem,
               payload={"fields": sorted({*fields, *(["ideas"] if ideas is not None else [])}
                                         - {"edited", "proposed_ideas"})})
    return cluster


@transaction.atomic
def cluster_decide(*, actor: Actor, cluster: Cluster, accept: bool) -> Cluster:
    """Accept a proposal (its ideas join it) or reject it (it stays, for the record)."""
    cluster = _lock(cluster)
    challenge = cluster.challenge
    require_manager(actor, challenge)
    require_phase(challenge, *CLUSTER_PHASES)
    if cluster.state != Cluster.State.PROPOSED:
        raise Conflict(_("Only a proposed cluster can be accepted or rejected."))
    cluster.state = Cluster.State.ACCEPTED if accept else Cluster.State.REJECTED
    cluster.decided_by, cluster.decided_at = actor.person, timezone.now()
    cluster.save(update_fields=["state", "decided_by", "decided_at", "updated_at"])
    joined = 0
    if accept:
        joined = challenge.ideas.filter(
            uuid__in=cluster.proposed_ideas, merged_into__isnull=True
        ).update(cluster=cluster)
    record(verb="ideation.cluster.accepted" if accept else "ideation.cluster.rejected",
           actor=actor, subject=cluster, ecosystem=challenge.ecosystem,
           payload={"edited": cluster.edited, "ideas": joined})
    return cluster


@transaction.atomic
def idea_cluster_set(*, actor: Actor, idea: Idea, cluster: Cluster | None) -> Idea:
    """Move one idea into an accepted cluster, or out of its cluster."""
    challenge = idea.challenge
    require_manager(actor, challenge)
    require_phase(challenge, *CLUSTER_PHASES)
    if cluster is not None and (
        cluster.challenge_id != challenge.pk or cluster.state != Cluster.State.ACCEPTED
    ):
        raise ValidationFailed(_("Choose an accepted cluster of this challenge."),
                               field="cluster")
    idea.cluster = cluster
    idea.save(update_fields=["cluster", "updated_at"])
    record(verb="ideation.idea.clustered", actor=actor, subject=idea,
           ecosystem=challenge.ecosystem,
           payload={"cluster": str(cluster.uuid) if cluster else ""})
    return idea
