"""The full server-side check behind ``verify_log``: storage, checkpoints and activities.

Every stored node is recomputed from the entry bodies, every checkpoint's signature and
root is checked, and every entry is compared with the activity it came from (with the
salts where they still exist; after an erasure only the unsalted fields can be compared).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zwerm.core.models import Activity
from zwerm.transparency import entries, formats, keys, merkle, notes, registry, services, storage
from zwerm.transparency.models import Checkpoint, Cursor, Log, Salt

CHUNK = 10_000


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    entries: int = 0
    checkpoints: int = 0
    erased: int = 0
    pending: int = 0


def _check_tree(log: Log, report: Report) -> list[bytes]:
    level_hashes: list[bytes] = []
    for start in range(0, log.size, CHUNK):
        for idx, body, leaf, _kind, _seq in storage.entry_rows(log.pk, start, start + CHUNK):
            if merkle.leaf_hash(body) != leaf:
                report.problems.append(f"{log}: entry {idx} does not match its leaf hash.")
            level_hashes.append(merkle.leaf_hash(body))
    level, leaves = 0, level_hashes
    while level_hashes:
        stored = storage.level_hashes(log.pk, level, 0, len(level_hashes))
        if len(stored) != len(level_hashes):
            report.problems.append(f"{log}: level {level} has {len(stored)} stored nodes.")
        for idx, (mine, theirs) in enumerate(zip(level_hashes, stored, strict=False)):
            if mine != theirs:
                report.problems.append(f"{log}: tree node {level}/{idx} was altered.")
        level_hashes = [
            merkle.node_hash(level_hashes[i], level_hashes[i + 1])
            for i in range(0, len(level_hashes) - 1, 2)
        ]
        level += 1
    return leaves


def _check_checkpoints(log: Log, leaves: list[bytes], report: Report) -> None:
    verifier = keys.verifier(log.origin)
    for checkpoint in Checkpoint.objects.filter(log=log).order_by("size"):
        report.checkpoints += 1
        try:
            text, _signed = notes.verify_note(checkpoint.note, [verifier])
            parsed = notes.parse_checkpoint(text)
        except notes.NoteError as error:
            report.problems.append(f"{log}: checkpoint {checkpoint.size}: {error}")
            continue
        _size, root = merkle.root_of_leaves(leaves[: parsed.size])
        if parsed.size != checkpoint.size or parsed.root != bytes(checkpoint.root):
            report.problems.append(f"{log}: checkpoint {checkpoint.size} differs from its note.")
        if parsed.size > len(leaves) or root != parsed.root:
            report.problems.append(
                f"{log}: the entries no longer match signed checkpoint {parsed.size}."
            )


def _check_activities(log: Log, report: Report) -> set[int]:
    seen: set[int] = set()
    for start in range(0, log.size, CHUNK):
        rows = storage.entry_rows(log.pk, start, start + CHUNK)
        activities = Activity.objects.select_related("actor").in_bulk(
            [row[4] for row in rows], field_name="seq"
        )
        salts: dict[int, dict[str, bytes]] = {}
        for salt in Salt.objects.filter(activity_seq__in=[row[4] for row in rows]):
            salts.setdefault(salt.activity_seq, {})[salt.field] = bytes(salt.value)
        for idx, body, _leaf, kind, seq in rows:
            seen.add(seq)
            report.entries += 1
            activity = activities.get(seq)
            if activity is None or activity.ecosystem_uuid != log.ecosystem_uuid:
                report.problems.append(f"{log}: entry {idx} has no matching activity #{seq}.")
                continue
            try:
                fields = formats.decode_leaf(body)
            except ValueError:
                report.problems.append(f"{log}: entry {idx} is not a readable log entry.")
                continue
            expected = entries.public_fields(activity)
            if kind != activity.verb or any(fields.get(k) != v for k, v in expected.items()):
                report.problems.append(f"{log}: activity #{seq} differs from entry {idx}.")
                continue
            needed = {entries.PAYLOAD} | ({entries.ACTOR} if activity.actor_id else set())
            if not needed <= salts.get(seq, {}).keys():
                report.erased += 1
                continue
            if entries.leaf_body(activity, salts[seq]) != body:
                report.problems.append(f"{log}: activity #{seq} differs from entry {idx}.")
    return seen


def audit() -> Report:
    report = Report()
    logged: set[int] = set()
    for log in Log.objects.order_by("pk"):
        leaves = _check_tree(log, report)
        _check_checkpoints(log, leaves, report)
        logged |= _check_activities(log, report)
    cursor = Cursor.objects.filter(name=services.SEQUENCER).values_list("seq", flat=True).first()
    expected = Activity.objects.filter(
        seq__lte=cursor or 0, ecosystem_uuid__isnull=False, verb__regex=registry.verb_regex()
    ).values_list("seq", flat=True)
    for seq in expected.iterator():
        if seq not in logged:
            report.problems.append(f"Activity #{seq} was sequenced but is missing from its log.")
    report.pending = services.pending_activities().count()
    return report
