"""Small helpers shared by HTML views."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, fallback: str = "/") -> str:
    """The page to return to after a POST, only ever on this site."""
    target = request.POST.get("next") or request.GET.get("next") or request.META.get(
        "HTTP_REFERER"
    ) or fallback
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback
