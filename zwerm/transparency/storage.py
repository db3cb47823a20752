"""The node store: the one module with raw SQL, because the ORM is the bottleneck here.

Layout: ``node(0, i)`` is entry i's ``leaf_hash`` and is stored only there; the node table
holds the interior nodes (level >= 1), about one row per entry. On SQLite both tables are
``WITHOUT ROWID`` (migration 0003), so each row lives once, in its primary-key B-tree.

An append reads the log's right edge (at most 64 nodes, one query), computes every node the
batch completes in memory and writes entries and nodes with one ``executemany`` each; proofs
fetch the O(log n) nodes they need in one query. Callers hold the log's row lock
(``services.append``) while appending.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from django.db import connections

from zwerm.transparency import merkle
from zwerm.transparency.models import LogEntry, TreeNode

ENTRIES = LogEntry._meta.db_table
NODES = TreeNode._meta.db_table
GUARD = "transparency_maintenance"
ENTRY_INSERT = (
    f"INSERT INTO {ENTRIES} (log_id, idx, body, leaf_hash, kind, activity_seq, created_at) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s)"
)
NODE_INSERT = f"INSERT INTO {NODES} (log_id, level, idx, hash) VALUES (%s, %s, %s, %s)"


@dataclass(frozen=True)
class NewEntry:
    body: bytes
    kind: str
    activity_seq: int
    created_at: datetime


def _cursor(using: str):
    return connections[using].cursor()


def _bytes(value) -> bytes:
    return bytes(value) if value is not None else value


def _in(values: Sequence[int]) -> str:
    return ", ".join(["%s"] * len(values))


def get_nodes(log_id: int, wanted: set[merkle.Node], using: str = "default") -> dict:
    """Fetch stored nodes in one statement: a primary-key lookup per level, UNION ALL."""
    if not wanted:
        return {}
    by_level: dict[int, list[int]] = {}
    for level, idx in wanted:
        by_level.setdefault(level, []).append(idx)
    selects, params = [], []
    for level, indexes in by_level.items():
        if level == 0:
            selects.append(
                f"SELECT 0, idx, leaf_hash FROM {ENTRIES} WHERE log_id = %s "
                f"AND idx IN ({_in(indexes)})"
            )
            params += [log_id, *indexes]
        else:
            selects.append(
                f"SELECT level, idx, hash FROM {NODES} WHERE log_id = %s AND level = %s "
                f"AND idx IN ({_in(indexes)})"
            )
            params += [log_id, level, *indexes]
    with _cursor(using) as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        found = {(level, idx): _bytes(h) for level, idx, h in cursor.fetchall()}
    missing = wanted - found.keys()
    if missing:
        raise LookupError(f"Tree nodes missing from log {log_id}: {sorted(missing)[:5]}")
    return found


def append(
    log_id: int, size: int, entries: Sequence[NewEntry], using: str = "default"
) -> list[bytes]:
    """Append entries at ``size``, ``size + 1``, … with their nodes; returns the leaf hashes."""
    if not entries:
        return []
    leaves = [merkle.leaf_hash(entry.body) for entry in entries]
    edge = merkle.frontier(size)
    known = get_nodes(log_id, set(edge), using)
    nodes = merkle.appended_nodes(size, leaves, [known[node] for node in edge])
    connection = connections[using]
    stamp = connection.ops.adapt_datetimefield_value(entries[0].created_at)
    entry_rows = [
        (log_id, idx, e.body, leaf, e.kind, e.activity_seq, stamp)
        for idx, e, leaf in zip(range(size, size + len(entries)), entries, leaves, strict=True)
    ]
    node_rows = [(log_id, level, idx, h) for level, idx, h in nodes]
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        # The driver's own executemany: Django's wrapper costs more than the insert here.
        raw = connection.connection
        raw.executemany(ENTRY_INSERT.replace("%s", "?"), entry_rows)
        raw.executemany(NODE_INSERT.replace("%s", "?"), node_rows)
    else:
        with connection.cursor() as cursor:
            cursor.executemany(ENTRY_INSERT, entry_rows)
            if node_rows:
                cursor.executemany(NODE_INSERT, node_rows)
    return leaves


def root(log_id: int, size: int, using: str = "default") -> bytes:
    plan = merkle.root_plan(size)
    nodes = get_nodes(log_id, set(plan), using)
    return merkle.fold([nodes[node] for node in plan])


def inclusion_proof(log_id: int, index: int, size: int, using: str = "default") -> list[bytes]:
    plan = merkle.inclusion_plan(index, size)
    return merkle.resolve(plan, get_nodes(log_id, merkle.plan_nodes(plan), using))


def consistency_proof(log_id: int, first: int, second: int, using: str = "default") -> list[bytes]:
    plan = merkle.consistency_plan(first, second)
    return merkle.resolve(plan, get_nodes(log_id, merkle.plan_nodes(plan), using))


def entry_rows(
    log_id: int, start: int, stop: int, using: str = "default"
) -> list[tuple[int, bytes, bytes, str, int]]:
    """(idx, body, leaf_hash, kind, activity_seq) of entries ``[start, stop)``."""
    with _cursor(using) as cursor:
        cursor.execute(
            f"SELECT idx, body, leaf_hash, kind, activity_seq FROM {ENTRIES} "
            "WHERE log_id = %s AND idx >= %s AND idx < %s ORDER BY idx",
            [log_id, start, stop],
        )
        return [(i, _bytes(b), _bytes(h), k, s) for i, b, h, k, s in cursor.fetchall()]


def level_hashes(
    log_id: int, level: int, start: int, stop: int, using: str = "default"
) -> list[bytes]:
    """Stored hashes at one level for indexes ``[start, stop)``, in order (tiles, audits)."""
    if level == 0:
        sql = (
            f"SELECT leaf_hash FROM {ENTRIES} WHERE log_id = %s AND idx >= %s AND idx < %s "
            "ORDER BY idx"
        )
        params = [log_id, start, stop]
    else:
        sql = (
            f"SELECT hash FROM {NODES} WHERE log_id = %s AND level = %s AND idx >= %s "
            "AND idx < %s ORDER BY idx"
        )
        params = [log_id, level, start, stop]
    with _cursor(using) as cursor:
        cursor.execute(sql, params)
        return [_bytes(row[0]) for row in cursor.fetchall()]


def has_append_only_triggers(using: str = "default") -> set[str]:
    """Names of the tables that carry the append-only triggers (checked by tests)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute(
                "SELECT event_object_table FROM information_schema.triggers "
                "WHERE trigger_name LIKE 'transparency_%%'"
            )
        return {row[0] for row in cursor.fetchall() if row[0].startswith("transparency_")}


@contextmanager
def maintenance(reason: str, using: str = "default") -> Iterator[None]:
    """Lift the append-only triggers for a deliberate wipe (``flush``), then restore them."""
    with _cursor(using) as cursor:
        cursor.execute(f"DELETE FROM {GUARD} WHERE reason = %s", [reason])
        cursor.execute(f"INSERT INTO {GUARD} (reason) VALUES (%s)", [reason])
    try:
        yield
    finally:
        with _cursor(using) as cursor:
            cursor.execute(f"DELETE FROM {GUARD} WHERE reason = %s", [reason])


def guard_exists(using: str = "default") -> bool:
    return GUARD in connections[using].introspection.table_names()
