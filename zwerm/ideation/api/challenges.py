"""Endpoints about challenges themselves: listing, starting, changing and phases."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from ninja import Query, Status

from zwerm.accounts.models import User
from zwerm.core.api_support import OPTIONAL, REQUIRED, Names, actor_of
from zwerm.core.errors import ValidationFailed
from zwerm.ideation import selectors, services
from zwerm.ideation.api._common import (
    ChallengeFilters,
    _challenge,
    _ecosystem,
    _page,
    router,
)
from zwerm.ideation.schemas import (
    ChallengeDetailOut,
    ChallengeIn,
    ChallengeListOut,
    ChallengePatchIn,
    FacilitatorIn,
    PersonOut,
    PhaseIn,
)

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
