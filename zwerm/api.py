"""The versioned JSON API: one NinjaAPI mounting a router per app, one error format."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from zwerm.core.errors import DomainError

api = NinjaAPI(
    title="Zwerm API",
    version="1",
    description=(
        "The Zwerm API. Authenticate with a personal access token (`Authorization: Bearer ...`, "
        "created in your profile) or with the browser session plus the `X-CSRFToken` header. "
        "Every error has the form `{code, message, fields}`."
    ),
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


def error_response(request, status: int, code: str, message, fields=None):
    return api.create_response(
        request,
        {"code": code, "message": str(message), "fields": fields or {}},
        status=status,
    )


def _field_name(loc) -> str:
    parts = [str(part) for part in loc if part not in ("body", "query", "path", "form", "payload")]
    return ".".join(parts) or "__all__"


@api.exception_handler(DomainError)
def domain_error(request, exc: DomainError):
    return error_response(request, exc.status, exc.code, exc.message, exc.fields)


@api.exception_handler(NinjaValidationError)
def validation_error(request, exc: NinjaValidationError):
    fields: dict[str, list[str]] = {}
    for error in exc.errors:
        fields.setdefault(_field_name(error.get("loc", ())), []).append(str(error.get("msg", "")))
    return error_response(
        request, 422, "validation_error", _("Some fields are missing or invalid."), fields
    )


@api.exception_handler(DjangoValidationError)
def django_validation_error(request, exc: DjangoValidationError):
    fields = (
        {name: [str(m) for m in messages] for name, messages in exc.message_dict.items()}
        if hasattr(exc, "error_dict")
        else {"__all__": [str(m) for m in exc.messages]}
    )
    return error_response(
        request, 422, "validation_error", _("Some fields are missing or invalid."), fields
    )


@api.exception_handler(AuthenticationError)
def authentication_error(request, exc):
    return error_response(
        request, 401, "unauthenticated",
        _("Sign in, or send a valid personal access token, to do this."),
    )


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return error_response(request, 403, "forbidden", _("You are not allowed to do this."))


@api.exception_handler(Http404)
def not_found(request, exc):
    return error_response(
        request, 404, "not_found", _("This was not found, or you may not see it.")
    )


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    return error_response(request, exc.status_code, "error", str(exc))


@api.exception_handler(Exception)
def unexpected_error(request, exc):
    import logging

    logging.getLogger("zwerm.api").exception("Unexpected API error")
    return error_response(
        request, 500, "server_error", _("Something went wrong on our side. Please try again.")
    )


def api_not_found(request):
    """Unknown paths under /api/ answer in the one error format too."""
    from django.http import JsonResponse

    return JsonResponse(
        {
            "code": "not_found",
            "message": _("This API path does not exist. See /api/v1/docs for the endpoints."),
            "fields": {},
        },
        status=404,
    )


def _mount_routers() -> None:
    from zwerm.accounts.api import router as accounts_router
    from zwerm.collaboration.api import router as collaboration_router
    from zwerm.core.api import router as core_router
    from zwerm.ecosystems.api import router as ecosystems_router
    from zwerm.events.api import router as events_router
    from zwerm.ideation.api import router as ideation_router
    from zwerm.matchmaking.api import router as matchmaking_router
    from zwerm.organisations.api import router as organisations_router
    from zwerm.transparency.api import router as transparency_router

    api.add_router("/", core_router)
    api.add_router("/", accounts_router)
    api.add_router("/organisations", organisations_router)
    api.add_router("/ecosystems", ecosystems_router)
    api.add_router("/", transparency_router)
    api.add_router("/matchmaking", matchmaking_router)
    api.add_router("/events", events_router)
    api.add_router("/challenges", ideation_router)
    api.add_router("/collaboration", collaboration_router)


_mount_routers()
