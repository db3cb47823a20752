"""JSON API of matchmaking: thin endpoints over the app's services and selectors."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from zwerm.core.api_support import OPTIONAL, REQUIRED, actor_of
from zwerm.core.errors import NotAllowed
from zwerm.ecosystems.models import Ecosystem
from zwerm.ecosystems.selectors import visible_ecosystem
from zwerm.matchmaking import permissions, selectors, services
from zwerm.matchmaking.models import Introduction
from zwerm.matchmaking.schemas import (
    AnswerIn,
    ConnectionListOut,
    IntroductionIn,
    IntroductionListOut,
    IntroductionOut,
    SuggestionListOut,
)
from zwerm.organisations.models import Organisation

router = Router(tags=["matchmaking"])

MAX_SUGGESTIONS = 100


class Page(Schema):
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0)


class SuggestionFilters(Page):
    among: str = Field("", max_length=4000,
                       description="Comma-separated slugs: only suggest among these.")


class IntroductionFilters(Page):
    direction: Literal["incoming", "outgoing"] = "incoming"
    state: Introduction.State | None = None


def _page(items: list | Any, page: Page) -> dict[str, Any]:
    if isinstance(items, list):
        return {"count": len(items), "items": items[page.offset:page.offset + page.limit]}
    return {"count": items.count(), "items": list(items[page.offset:page.offset + page.limit])}


def _own(request):
    actor = actor_of(request)
    own = permissions.acting_organisation(actor)
    if own is None:
        raise NotAllowed(_("Act for an organisation you belong to first."), code="no_organisation")
    return actor, own


def _organisation(ref: str) -> Organisation:
    queryset = Organisation.objects.filter(merged_into__isnull=True)
    try:
        organisation = queryset.filter(uuid=uuid.UUID(ref)).first()
    except ValueError:
        organisation = queryset.filter(slug=ref).first()
    if organisation is None:
        raise Http404
    return organisation


def _suggestion_out(suggestion) -> dict[str, Any]:
    return {"organisation": suggestion.organisation, "score": suggestion.score,
            "reasons": suggestion.reasons}


@router.get("/suggestions", response=SuggestionListOut, auth=OPTIONAL,
            summary="Suggested organisations for the organisation I act for")
def list_suggestions(request, filters: Query[SuggestionFilters]):
    _actor, own = _own(request)
    among = None
    if filters.among.strip():
        slugs = [slug.strip() for slug in filters.among.split(",") if slug.strip()]
        among = list(Organisation.objects.filter(slug__in=slugs).values_list("pk", flat=True))
    found = selectors.suggestions_for(viewer=actor_of(request).person, organisation=own,
                                      among=among, limit=MAX_SUGGESTIONS)
    return _page([_suggestion_out(suggestion) for suggestion in found], filters)


@router.post("/suggestions/{ref}/dismiss", response={204: None}, auth=REQUIRED,
             summary="Hide an organisation from my suggestions")
def dismiss(request, ref: str):
    services.suggestion_dismiss(actor=actor_of(request), organisation=_organisation(ref))
    return Status(204, None)


@router.delete("/suggestions/{ref}/dismiss", response={204: None}, auth=REQUIRED,
               summary="Show a dismissed organisation again")
def restore(request, ref: str):
    services.suggestion_restore(actor=actor_of(request), organisation=_organisation(ref))
    return Status(204, None)


@router.get("/ecosystems/{ref}/candidates", response=SuggestionListOut, auth=OPTIONAL,
            summary="Who should join an ecosystem (for its facilitators)")
def ecosystem_candidates(request, ref: str, filters: Query[Page]):
    person = actor_of(request).person
    ecosystem: Ecosystem | None
    try:
        ecosystem = visible_ecosystem(viewer=person, uuid_=uuid.UUID(ref))
    except ValueError:
        ecosystem = visible_ecosystem(viewer=person, slug=ref)
    if ecosystem is None:
        raise Http404
    if not permissions.can_see_candidates(person, ecosystem):
        raise NotAllowed(_("Only the facilitators of this ecosystem see who should join."))
    found = selectors.ecosystem_candidates(viewer=person, ecosystem=ecosystem,
                                           limit=MAX_SUGGESTIONS)
    return _page([_suggestion_out(suggestion) for suggestion in found], filters)


@router.get("/introductions", response=IntroductionListOut, auth=OPTIONAL,
            summary="Introductions asked of (incoming) or by (outgoing) my organisation")
def list_introductions(request, filters: Query[IntroductionFilters]):
    _actor, own = _own(request)
    queryset = selectors.introduction_list(
        organisation=own, direction=filters.direction, state=filters.state or ""
    )
    return _page(queryset, filters)


@router.post("/introductions", response={201: IntroductionOut}, auth=REQUIRED,
             summary="Ask for an introduction")
def request_introduction(request, payload: IntroductionIn):
    introduction = services.introduction_request(
        actor=actor_of(request), organisation=_organisation(payload.organisation),
        message=payload.message,
    )
    return Status(201, introduction)


def _introduction(request, key: uuid.UUID) -> Introduction:
    introduction = selectors.introduction_for(viewer=actor_of(request).person, uuid_=key)
    if introduction is None:
        raise Http404
    return introduction


@router.get("/introductions/{key}", response=IntroductionOut, auth=OPTIONAL,
            summary="One introduction")
def get_introduction(request, key: uuid.UUID):
    return _introduction(request, key)


@router.post("/introductions/{key}/accept", response=IntroductionOut, auth=REQUIRED,
             summary="Accept an introduction: the organisations are connected")
def accept(request, key: uuid.UUID, payload: AnswerIn):
    introduction = _introduction(request, key)
    services.introduction_accept(actor=actor_of(request), introduction=introduction,
                                 reply=payload.reply)
    return _introduction(request, key)


@router.post("/introductions/{key}/decline", response=IntroductionOut, auth=REQUIRED,
             summary="Decline an introduction")
def decline(request, key: uuid.UUID, payload: AnswerIn):
    introduction = _introduction(request, key)
    return services.introduction_decline(actor=actor_of(request), introduction=introduction,
                                         reply=payload.reply)


@router.get("/connections", response=ConnectionListOut, auth=OPTIONAL,
            summary="The organisations my organisation is connected with")
def list_connections(request, filters: Query[Page]):
    _actor, own = _own(request)
    queryset = selectors.connection_list(organisation=own)
    total = queryset.count()
    rows = queryset[filters.offset:filters.offset + filters.limit]
    return {"count": total, "items": [(row, row.other(own.pk)) for row in rows]}

