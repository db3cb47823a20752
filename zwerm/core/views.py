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
from zwerm.core.selectors import notification_list as notifications_for


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
def notification_list(request):
    page = Paginator(notifications_for(person=request.user), 25).get_page(request.GET.get("page"))
    return render(request, "core/notification_list.html", {"page_obj": page})


@login_required
@require_POST
def notifications_mark_read(request):
    notifications.mark_read(person=request.user, uuid=request.POST.get("uuid") or None)
    return HttpResponseRedirect(safe_next(request, "/notifications/"))
