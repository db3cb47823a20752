"""What every app's API shares: authentication, the actor, pagination and the error format,
and how people and organisations are shown.

One error format everywhere: ``{"code": ..., "message": ..., "fields": {name: [messages]}}``
with the right 4xx status, the message in the request's language.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError
from ninja.security import APIKeyHeader, HttpBearer

from zwerm.core.actor import Actor
from zwerm.core.errors import NotAllowed
from zwerm.core.privacy import visible_name_ids


class ErrorOut(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] = {}


def _actor_for_token(raw: str) -> Actor | None:
    from zwerm.accounts.models import PersonalAccessToken
    from zwerm.organisations.selectors import person_organisations

    token = (
        PersonalAccessToken.objects.select_related("person")
        .filter(token_hash=PersonalAccessToken.hash(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.person.is_active:
        return None
    PersonalAccessToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    organisation = None
    if token.organisation_uuid is not None:
        organisation = (
            person_organisations(person=token.person).filter(uuid=token.organisation_uuid).first()
        )
        if organisation is None:
            return None
    return Actor(person=token.person, organisation=organisation)


class TokenAuth(HttpBearer):
    """``Authorization: Bearer zwt_...`` — a personal access token."""

    def authenticate(self, request: HttpRequest, token: str) -> Actor | None:
        actor = _actor_for_token(token)
        if actor is not None:
            request.user = actor.person
            request.actor = actor
        return actor


class SessionAuth(APIKeyHeader):
    """The browser's session; unsafe methods must carry the CSRF token."""

    param_name = "X-CSRFToken"
    openapi_name = "session"

    def __call__(self, request: HttpRequest) -> Actor | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if request.method not in ("GET", "HEAD", "OPTIONS", "TRACE"):
            check = CsrfViewMiddleware(lambda r: None)
            check.process_request(request)
            if check.process_view(request, lambda r: None, (), {}) is not None:
                raise NotAllowed(
                    _("The CSRF token is missing or wrong. Reload the page and try again."),
                    code="csrf_failed",
                )
        return request.actor

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:  # pragma: no cover
        return None


def anonymous(request: HttpRequest) -> Actor:
    """Lets a read endpoint answer anonymous visitors (with only public data).

    A request that sent credentials which did not authenticate is refused instead of
    silently answered as anonymous, so a client with a revoked token notices.
    """
    if request.headers.get("Authorization"):
        raise AuthenticationError()
    return Actor(person=None)


token_auth = TokenAuth()
session_auth = SessionAuth()
REQUIRED = [token_auth, session_auth]
OPTIONAL = [token_auth, session_auth, anonymous]


def actor_of(request: HttpRequest) -> Actor:
    actor = getattr(request, "auth", None)
    return actor if isinstance(actor, Actor) else Actor(person=None)


class Names:
    """Whose names the viewer may see, asked once per response."""

    def __init__(self, request: HttpRequest, people: list[Any]) -> None:
        viewer = actor_of(request).person
        self.visible = visible_name_ids(viewer, {p.pk for p in people if p is not None})
        if viewer is not None:
            self.visible.add(viewer.pk)

    def __call__(self, person: Any) -> dict[str, Any] | None:
        if person is None:
            return None
        return {"uuid": person.uuid, "name": str(person) if person.pk in self.visible else None}


def organisation_ref(organisation: Any) -> dict[str, Any] | None:
    """An organisation as the API shows it wherever it is referred to; None stays None."""
    if organisation is None:
        return None
    return {"uuid": organisation.uuid, "slug": organisation.slug, "name": organisation.name}
