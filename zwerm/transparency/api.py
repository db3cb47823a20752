"""JSON API of the transparency log: checkpoint, entries, proofs, witnesses."""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Status
from ninja import Schema as _Schema

from zwerm.core.api_support import OPTIONAL, REQUIRED, actor_of
from zwerm.core.errors import NotFound, ValidationFailed
from zwerm.transparency import formats, keys, notes, selectors, services, storage
from zwerm.transparency.models import Checkpoint
from zwerm.transparency.schemas import (
    CheckpointOut,
    ConsistencyOut,
    CosignatureIn,
    EntryListOut,
    EntryOut,
    InclusionOut,
    KeyOut,
    LogOut,
    WitnessKeyIn,
    WitnessKeyListOut,
    WitnessKeyOut,
    WitnessOut,
)

router = Router(tags=["transparency"])


def _view(
    request: HttpRequest, ecosystem_uuid: uuid.UUID, response: HttpResponse | None = None
) -> selectors.LogView:
    """The visible log; members-only logs are marked so no shared cache keeps them."""
    view = selectors.log_view(viewer=actor_of(request), ecosystem_uuid=ecosystem_uuid)
    if response is not None:
        response["Cache-Control"] = "private, no-cache" if view.is_private else "no-cache"
    return view


def checkpoint_out(checkpoint: Checkpoint | None) -> CheckpointOut | None:
    if checkpoint is None:
        return None
    witnesses = [
        WitnessOut(organisation_uuid=str(c.organisation_uuid), organisation=c.organisation_label,
                   timestamp=c.timestamp)
        for c in selectors.checkpoint_witnesses(checkpoint=checkpoint)
    ]
    return CheckpointOut(
        origin=checkpoint.log.origin, size=checkpoint.size, root=notes.b64(bytes(checkpoint.root)),
        note=checkpoint.note, witnesses=witnesses,
    )


@router.get("/transparency/key", response=KeyOut, auth=OPTIONAL)
def instance_key(request: HttpRequest):
    """The instance's Ed25519 checkpoint key; each log's vkey uses its origin as name."""
    return KeyOut(algorithm="ed25519", public_key=notes.b64(keys.public_key()))


@router.get("/transparency/logs/{ecosystem_uuid}", response=LogOut, auth=OPTIONAL)
def log_detail(request: HttpRequest, ecosystem_uuid: uuid.UUID,
    response: HttpResponse,
):
    view = _view(request, ecosystem_uuid, response)
    origin = view.log.origin if view.log else services.origin_for(view.ecosystem.uuid)
    return LogOut(
        ecosystem_uuid=str(view.ecosystem.uuid), origin=origin,
        vkey=keys.verifier(origin).vkey, size=view.signed_size, appended=view.size,
        checkpoint=checkpoint_out(view.checkpoint),
    )


def entry_out(row: tuple[int, bytes, bytes, str, int]) -> EntryOut:
    idx, body, leaf, kind, _seq = row
    return EntryOut(index=idx, kind=kind, body=notes.b64(body), leaf_hash=notes.b64(leaf),
                    fields=formats.decode_leaf(body))


class PageIn(_Schema):
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0)


class EntryFilter(PageIn):
    kind: str = ""


@router.get("/transparency/logs/{ecosystem_uuid}/entries", response=EntryListOut,
            auth=OPTIONAL)
def entry_list(request: HttpRequest, ecosystem_uuid: uuid.UUID, q: Query[EntryFilter],
    response: HttpResponse,
):
    """Signed entries, newest first; ``kind`` filters by verb or verb prefix."""
    view = _view(request, ecosystem_uuid, response)
    page = selectors.entry_list(view=view, offset=q.offset, limit=q.limit, kind=q.kind)
    return EntryListOut(items=[entry_out(row) for row in page.items], count=page.count)


@router.get("/transparency/logs/{ecosystem_uuid}/entries/{index}", response=EntryOut,
            auth=OPTIONAL)
def entry_detail(request: HttpRequest, ecosystem_uuid: uuid.UUID, index: int,
    response: HttpResponse,
):
    view = _view(request, ecosystem_uuid, response)
    return entry_out(selectors.entry(view=view, index=index))


class InclusionQuery(_Schema):
    index: int
    size: int


@router.get("/transparency/logs/{ecosystem_uuid}/proof/inclusion", response=InclusionOut,
            auth=OPTIONAL)
def inclusion(request: HttpRequest, ecosystem_uuid: uuid.UUID, q: Query[InclusionQuery],
    response: HttpResponse,
):
    view = _view(request, ecosystem_uuid, response)
    selectors.check_sizes(view, q.size)
    if not 0 <= q.index < q.size:
        raise ValidationFailed(_("The entry index must be smaller than the tree size."),
                               field="index")
    _idx, _body, leaf, _kind, _seq = selectors.entry(view=view, index=q.index)
    proof = storage.inclusion_proof(view.log.pk, q.index, q.size)
    return InclusionOut(
        index=q.index, size=q.size, leaf_hash=notes.b64(leaf),
        root=notes.b64(storage.root(view.log.pk, q.size)), proof=[notes.b64(p) for p in proof],
    )


class ConsistencyQuery(_Schema):
    first: int
    second: int


@router.get("/transparency/logs/{ecosystem_uuid}/proof/consistency", response=ConsistencyOut,
            auth=OPTIONAL)
def consistency(request: HttpRequest, ecosystem_uuid: uuid.UUID, q: Query[ConsistencyQuery],
    response: HttpResponse,
):
    view = _view(request, ecosystem_uuid, response)
    selectors.check_sizes(view, q.first, q.second)
    if q.first > q.second:
        raise ValidationFailed(_("The first tree size must not exceed the second."),
                               field="first")
    log_id = view.log.pk
    proof = storage.consistency_proof(log_id, q.first, q.second)
    return ConsistencyOut(
        first=q.first, second=q.second, first_root=notes.b64(storage.root(log_id, q.first)),
        second_root=notes.b64(storage.root(log_id, q.second)), proof=[notes.b64(p) for p in proof],
    )


@router.post("/transparency/logs/{ecosystem_uuid}/cosignatures", response={201: WitnessOut},
             auth=REQUIRED)
def cosign(request: HttpRequest, ecosystem_uuid: uuid.UUID, data: CosignatureIn):
    """A witness adds its tlog-cosignature line to a checkpoint it has verified."""
    view = _view(request, ecosystem_uuid)
    if view.log is None:
        raise NotFound(_("There is no checkpoint of this size."))
    cosignature = services.cosignature_add(
        actor=actor_of(request), log=view.log, size=data.size, line=data.line
    )
    return Status(201, WitnessOut(organisation_uuid=str(cosignature.organisation_uuid),
                           organisation=cosignature.organisation_label,
                           timestamp=cosignature.timestamp))


def witness_key_out(key) -> WitnessKeyOut:
    return WitnessKeyOut(
        uuid=str(key.uuid), name=key.name, vkey=key.vkey, organisation=str(key.organisation),
        registered_at=key.created_at, revoked_at=key.revoked_at,
    )


@router.get("/transparency/witness-keys", response=WitnessKeyListOut, auth=REQUIRED)
def witness_key_list(request: HttpRequest, q: Query[PageIn]):
    """The witness keys of the organisation you act for, newest first."""
    keys = selectors.witness_keys(viewer=actor_of(request)).order_by("-created_at")
    return WitnessKeyListOut(
        items=[witness_key_out(key) for key in keys[q.offset : q.offset + q.limit]],
        count=keys.count(),
    )


@router.post("/transparency/witness-keys", response={201: WitnessKeyOut}, auth=REQUIRED)
def witness_key_create(request: HttpRequest, data: WitnessKeyIn):
    """An organisation admin registers the organisation's witness key (acting organisation)."""
    key = services.witness_key_register(actor=actor_of(request), vkey=data.vkey)
    return Status(201, witness_key_out(key))


@router.delete("/transparency/witness-keys/{key_uuid}", response=WitnessKeyOut, auth=REQUIRED)
def witness_key_revoke(request: HttpRequest, key_uuid: uuid.UUID):
    """Revoke a witness key: its cosignatures are no longer accepted."""
    actor = actor_of(request)
    key = selectors.witness_key(viewer=actor, key_uuid=key_uuid)
    return witness_key_out(services.witness_key_revoke(actor=actor, key=key))
