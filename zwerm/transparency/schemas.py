"""Shapes of the log's JSON API."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema


class KeyOut(Schema):
    algorithm: str
    public_key: str


class WitnessOut(Schema):
    organisation_uuid: str
    organisation: str
    timestamp: int


class CheckpointOut(Schema):
    origin: str
    size: int
    root: str
    note: str
    witnesses: list[WitnessOut]


class LogOut(Schema):
    ecosystem_uuid: str
    origin: str
    vkey: str
    size: int  # covered by the latest signed checkpoint: what entries, tiles and proofs serve
    appended: int  # appended so far; the rest is signed within one checkpoint interval
    checkpoint: CheckpointOut | None


class EntryOut(Schema):
    index: int
    kind: str
    body: str
    leaf_hash: str
    fields: dict


class EntryListOut(Schema):
    items: list[EntryOut]
    count: int


class InclusionOut(Schema):
    index: int
    size: int
    leaf_hash: str
    root: str
    proof: list[str]


class ConsistencyOut(Schema):
    first: int
    second: int
    first_root: str
    second_root: str
    proof: list[str]


class CosignatureIn(Schema):
    size: int
    line: str


class WitnessKeyIn(Schema):
    vkey: str


class WitnessKeyOut(Schema):
    uuid: str
    name: str
    vkey: str
    organisation: str
    registered_at: datetime
    revoked_at: datetime | None


class WitnessKeyListOut(Schema):
    items: list[WitnessKeyOut]
    count: int
