"""Core pages: health check and the notification centre."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from zwerm.core import notifications
from zwerm.core.http import safe_next
from zwerm.core.privacy import NameResolver
from zwerm.core.selectors import notification_list as notifications_for
from zwerm.core.selectors import unread_notification_count

PAGE_SIZE = 25


@require_GET
@never_cache
def healthz(request):
    """200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@login_required
@require_GET
def notification_list(request):
    """The notification centre: newest first, unread ones marked, filterable to unread."""
    unread_only = request.GET.get("unread") == "1"
    page = Paginator(
        notifications_for(person=request.user, unread_only=unread_only), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    NameResolver.for_request(request).prime(
        n.activity.actor_id for n in page if n.activity is not None
    )
    return render(
        request,
        "core/notification_list.html",
        {
            "page_obj": page,
            "unread_only": unread_only,
            "unread_count": unread_notification_count(person=request.user),
        },
    )


@login_required
@require_POST
def notifications_mark_read(request):
    """Mark one notification (``uuid``) or all as read; htmx gets the changed item back."""
    uuid = request.POST.get("uuid") or None
    notifications.mark_read(person=request.user, uuid=uuid)
    if request.htmx and uuid:
        notification = notifications_for(person=request.user).filter(uuid=uuid).first() if (
            _is_uuid(uuid)
        ) else None
        return render(
            request,
            "core/_notification_item.html",
            {
                "notification": notification,
                "unread_count": unread_notification_count(person=request.user),
                "oob": True,
            },
        )
    return HttpResponseRedirect(safe_next(request, "/notifications/"))


def _is_uuid(value: str) -> bool:
    import uuid

    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
