"""Answers remembered for the length of one read-only request.

A page asks "which organisations does this person belong to?" from many places: the
navigation, permission checks, panels of several apps. Within one GET request the answer
cannot change, so the first caller's answer is kept and the others reuse it. Outside a
request (services, jobs, tests) and in requests that write (POST and friends) nothing is
remembered: every call asks the database, so a write is always seen by the next read.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import TypeVar

from django.http import HttpRequest, HttpResponse

T = TypeVar("T")

_store: ContextVar[dict[Hashable, object] | None] = ContextVar("zwerm_request_cache",
                                                                default=None)
READ_ONLY_METHODS = frozenset({"GET", "HEAD"})


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or its earlier answer for ``key`` within this read-only request."""
    store = _store.get()
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    return store[key]  # type: ignore[return-value]


class RequestCacheMiddleware:
    """Opens the store for a GET or HEAD request and drops it when the response is made."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in READ_ONLY_METHODS:
            return self.get_response(request)
        token = _store.set({})
        try:
            return self.get_response(request)
        finally:
            _store.reset(token)
