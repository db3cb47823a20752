"""Endpoints about clusters: by hand, and the assistant's proposals."""

from __future__ import annotations

import uuid
from typing import Any

from ninja import Query, Status

from zwerm.core.api_support import OPTIONAL, REQUIRED, Names, actor_of
from zwerm.ideation import selectors, services
from zwerm.ideation.api._common import (
    Page,
    _challenge,
    _cluster,
    _cluster_row,
    _idea,
    _page,
    router,
)
from zwerm.ideation.schemas import (
    ClusterIn,
    ClusterListOut,
    ClusterOut,
    ClusterPatchIn,
)

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
