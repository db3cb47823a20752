"""Endpoints about the vote, its result and export, and the initiatives."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import Http404
from ninja import Query, Status

from zwerm.core.api_support import OPTIONAL, REQUIRED, actor_of
from zwerm.ideation import results, selectors, services
from zwerm.ideation.api._common import (
    Page,
    _challenge,
    _cluster,
    _idea,
    _initiative_row,
    _page,
    router,
)
from zwerm.ideation.exports import ballot_export
from zwerm.ideation.models import Ballot, Challenge, Initiative
from zwerm.ideation.schemas import (
    BallotIn,
    BallotOut,
    CommitmentIn,
    InitiativeIn,
    InitiativeListOut,
    InitiativeOut,
    ResultOut,
)
from zwerm.ideation.services.voting import voter_key

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
