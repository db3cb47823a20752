"""JSON API of accounts: thin endpoints over the app's services and selectors."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth import logout
from django.http import HttpRequest
from ninja import Router, Status

from zwerm.accounts import selectors, services
from zwerm.accounts.models import User
from zwerm.accounts.schemas import (
    EraseIn,
    MeIn,
    MeOut,
    TokenCreatedOut,
    TokenIn,
    TokenListOut,
    TokenOut,
)
from zwerm.core.api_support import REQUIRED, actor_of

router = Router(tags=["accounts"])


def _org(organisation) -> dict[str, Any] | None:
    if organisation is None:
        return None
    return {"uuid": organisation.uuid, "slug": organisation.slug, "name": organisation.name}


def _me(person: User, acting_for) -> dict[str, Any]:
    from zwerm.organisations.selectors import person_organisations

    return {
        "uuid": person.uuid,
        "name": person.name,
        "email": person.email,
        "language": person.language,
        "time_zone": person.time_zone,
        "name_visibility": person.name_visibility,
        "acting_for": _org(acting_for),
        "organisations": [_org(org) for org in person_organisations(person=person)],
    }


@router.get(
    "/me",
    response=MeOut,
    auth=REQUIRED,
    summary="Your profile",
    description="The signed-in person (or the token's person) and the organisation acted for.",
)
def get_me(request: HttpRequest):
    actor = actor_of(request)
    return _me(actor.person, actor.organisation)


@router.patch(
    "/me",
    response=MeOut,
    auth=REQUIRED,
    summary="Change your profile",
    description="Change your name, language, time zone or who may see your name. "
    "Fields you leave out stay as they are.",
)
def patch_me(request: HttpRequest, payload: MeIn):
    actor = actor_of(request)
    person = services.profile_update(actor=actor, **payload.dict(exclude_unset=True))
    return _me(person, actor.organisation)


@router.get(
    "/me/tokens",
    response=TokenListOut,
    auth=REQUIRED,
    tags=["tokens"],
    summary="Your personal access tokens",
    description="Your tokens, revoked ones included, newest first. The tokens themselves are "
    "never shown again after creation.",
)
def list_tokens(request: HttpRequest):
    tokens = list(selectors.token_list(person=actor_of(request).person))
    return {"items": tokens, "count": len(tokens)}


@router.post(
    "/me/tokens",
    response={201: TokenCreatedOut},
    auth=REQUIRED,
    tags=["tokens"],
    summary="Create a personal access token",
    description="Creates a token that acts as you for one of your organisations. The answer "
    "holds the token itself, once: store it safely.",
)
def create_token(request: HttpRequest, payload: TokenIn):
    token, raw = services.token_create(
        actor=actor_of(request), name=payload.name, organisation_uuid=payload.organisation
    )
    token.token = raw  # shown this once; the database keeps only its hash
    return Status(201, token)


@router.post(
    "/me/tokens/{token_uuid}/revoke",
    response=TokenOut,
    auth=REQUIRED,
    tags=["tokens"],
    summary="Revoke a personal access token",
    description="The token stops working at once. Revoking it twice is a conflict (409).",
)
def revoke_token(request: HttpRequest, token_uuid: uuid.UUID):
    return services.token_revoke(actor=actor_of(request), token_uuid=token_uuid)


@router.get(
    "/me/export",
    response=dict[str, Any],
    auth=REQUIRED,
    tags=["privacy"],
    summary="Download your personal data",
    description="Everything Zwerm holds about you, one section per part of Zwerm, as JSON.",
)
def export(request: HttpRequest):
    return selectors.personal_data_export(person=actor_of(request).person)


@router.post(
    "/me/erase",
    response={204: None},
    auth=REQUIRED,
    tags=["privacy"],
    summary="Erase your account",
    description="Deletes your account and personal data after checking your password. What "
    "you did stays, shown as done by 'a former participant'. Refused (409, code "
    "`erasure_blocked`) with the reasons when something must be handed over first.",
)
def erase(request: HttpRequest, payload: EraseIn):
    services.person_erase(actor=actor_of(request), password=payload.password)
    if getattr(request, "session", None) is not None:
        logout(request)
    return Status(204, None)
