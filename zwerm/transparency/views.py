"""HTML pages of the log, and the C2SP tlog-tiles read paths (plain bytes, cache headers).

Members-only logs answer only their members (by session or personal access token) and are
sent ``Cache-Control: private``; a public log's full tiles never change and are immutable.
"""

from __future__ import annotations

import uuid

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from zwerm.core.actor import Actor
from zwerm.core.api_support import token_auth
from zwerm.core.errors import NotFound
from zwerm.transparency import formats, keys, merkle, notes, selectors, services, storage

IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=5"


def _viewer(request: HttpRequest) -> Actor:
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        actor = token_auth.authenticate(request, header[7:].strip())
        if actor is not None:
            return actor
        raise Http404
    return getattr(request, "actor", None) or Actor(person=request.user)


def _log_view(request: HttpRequest, ecosystem: uuid.UUID) -> selectors.LogView:
    try:
        return selectors.log_view(viewer=_viewer(request), ecosystem_uuid=ecosystem)
    except NotFound as error:
        raise Http404(str(error)) from error


def _bytes(view: selectors.LogView, data: bytes, content_type: str, cache: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Cache-Control"] = "private, no-cache" if view.is_private else cache
    if view.is_private:
        response["Vary"] = "Cookie, Authorization"
    return response


def checkpoint(request: HttpRequest, ecosystem: uuid.UUID) -> HttpResponse:
    """The latest checkpoint's signed note, with the witnesses' cosignature lines added."""
    view = _log_view(request, ecosystem)
    if view.checkpoint is None:
        raise Http404
    cosignatures = selectors.checkpoint_witnesses(checkpoint=view.checkpoint)
    note = view.checkpoint.note + "".join(f"{c.line}\n" for c in cosignatures)
    return _bytes(view, note.encode(), "text/plain; charset=utf-8", SHORT)


def tile(request: HttpRequest, ecosystem: uuid.UUID, rest: str) -> HttpResponse:
    """``tile/<L>/<N>[.p/<W>]`` and ``tile/entries/<N>[.p/<W>]``."""
    view = _log_view(request, ecosystem)
    parts = rest.split("/")
    width = formats.TILE_WIDTH
    if len(parts) >= 3 and parts[-2].endswith(".p"):
        if not parts[-1].isdigit() or not 1 <= int(parts[-1]) < formats.TILE_WIDTH:
            raise Http404
        width = int(parts[-1])
        parts = [*parts[:-2], parts[-2][:-2]]
    try:
        index = formats.parse_tile_index(parts[1:])
    except ValueError as error:
        raise Http404 from error
    if parts[0] == "entries":
        data = selectors.entry_bundle(view=view, index=index, width=width)
    elif parts[0].isdigit() and len(parts[0]) <= 2:
        data = selectors.tile(view=view, level=int(parts[0]), index=index, width=width)
    else:
        data = None
    if data is None:
        raise Http404
    cache = IMMUTABLE if width == formats.TILE_WIDTH else SHORT
    return _bytes(view, data, "application/octet-stream", cache)


def well_known_key(request: HttpRequest) -> HttpResponse:
    """The instance's checkpoint key: ``ed25519 <base64 key>``; a log's vkey adds its origin."""
    response = HttpResponse(
        f"ed25519 {notes.b64(keys.public_key())}\n", content_type="text/plain; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response


PAGE_SIZE = 25


class _SignedEntries:
    """The signed entries, newest first, as a sequence Django's paginator can slice."""

    def __init__(self, view: selectors.LogView) -> None:
        self.view = view

    def __len__(self) -> int:
        return self.view.signed_size

    def __getitem__(self, window: slice) -> list[dict]:
        page = selectors.entry_list(
            view=self.view, offset=window.start, limit=window.stop - window.start
        )
        return [
            {"index": idx, "kind": kind, "fields": formats.decode_leaf(body)}
            for idx, body, _leaf, kind, _seq in page.items
        ]


def log_page(request: HttpRequest, ecosystem: uuid.UUID) -> HttpResponse:
    """What the log guarantees and how to check it, the latest checkpoint and recent entries."""
    view = _log_view(request, ecosystem)
    latest = view.checkpoint
    origin = view.log.origin if view.log else services.origin_for(view.ecosystem.uuid)
    page = Paginator(_SignedEntries(view), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "view": view,
        "ecosystem": view.ecosystem,
        "checkpoint": latest,
        "root": notes.b64(bytes(latest.root)) if latest else "",
        "witnesses": selectors.checkpoint_witnesses(checkpoint=latest),
        "vkey": keys.verifier(origin).vkey,
        "base_url": request.build_absolute_uri("/").rstrip("/"),
        "pending": services.pending_activities().filter(ecosystem_uuid=ecosystem).count()
        + view.size - view.signed_size,
        "page_obj": page,
    }
    response = render(request, "transparency/log.html", context)
    if view.is_private:
        response["Cache-Control"] = "private"
    return response


def entry_page(request: HttpRequest, ecosystem: uuid.UUID, index: int) -> HttpResponse:
    """One signed entry with its inclusion proof in the latest checkpoint, checked here too."""
    view = _log_view(request, ecosystem)
    try:
        _idx, body, leaf, kind, _seq = selectors.entry(view=view, index=index)
    except NotFound as error:
        raise Http404(str(error)) from error
    latest = view.checkpoint
    hashes = storage.inclusion_proof(view.log.pk, index, latest.size)
    try:
        merkle.verify_inclusion(index, latest.size, leaf, hashes, bytes(latest.root))
        included = True
    except merkle.VerificationError:
        included = False
    context = {
        "view": view,
        "ecosystem": view.ecosystem,
        "index": index,
        "kind": kind,
        "fields": formats.decode_leaf(body),
        "leaf_hash": notes.b64(leaf),
        "checkpoint": latest,
        "proof": [notes.b64(h) for h in hashes],
        "included": included,
    }
    response = render(request, "transparency/entry.html", context)
    if view.is_private:
        response["Cache-Control"] = "private"
    return response
