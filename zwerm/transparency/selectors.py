"""Read queries of the log, filtered to the ecosystems the viewer may see.

Readers see the log as far as its latest signed checkpoint reaches: entries, tiles and
proofs beyond that size are not served (C2SP tlog-tiles), so everything a reader fetches
can be checked against a signature. Appended entries become visible within one checkpoint
interval; until then an activity's mark reads "pending".
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from zwerm.core.errors import NotFound, ValidationFailed
from zwerm.ecosystems.models import Ecosystem
from zwerm.ecosystems.selectors import visible_ecosystems_q
from zwerm.transparency import formats, registry, storage
from zwerm.transparency.models import Checkpoint, Cosignature, Log, LogEntry, WitnessKey


@dataclass
class LogView:
    """An ecosystem's log as one viewer may read it: up to the latest signed checkpoint."""

    ecosystem: Ecosystem
    log: Log | None
    checkpoint: Checkpoint | None = None

    @property
    def size(self) -> int:
        """Entries appended so far (signed or not)."""
        return self.log.size if self.log else 0

    @property
    def signed_size(self) -> int:
        """Entries covered by the latest signed checkpoint: all that readers are served."""
        return self.checkpoint.size if self.checkpoint else 0

    @property
    def is_private(self) -> bool:
        return not self.ecosystem.is_public


def log_view(*, viewer: Any, ecosystem_uuid: uuid.UUID) -> LogView:
    """The ecosystem, its log and latest checkpoint, or NotFound when the viewer may not see it."""
    ecosystem = (
        Ecosystem.objects.filter(visible_ecosystems_q(viewer), uuid=ecosystem_uuid)
        .only("pk", "uuid", "name", "slug", "visibility")
        .first()
    )
    if ecosystem is None:
        raise NotFound(_("This ecosystem was not found, or you may not see it."))
    log = Log.objects.filter(ecosystem_uuid=ecosystem.uuid).first()
    return LogView(ecosystem=ecosystem, log=log, checkpoint=latest_checkpoint(log=log))


def latest_checkpoint(*, log: Log | None) -> Checkpoint | None:
    if log is None:
        return None
    checkpoint = Checkpoint.objects.filter(log=log).order_by("-size").first()
    if checkpoint is not None:
        checkpoint.log = log
    return checkpoint


def checkpoint_witnesses(*, checkpoint: Checkpoint | None) -> QuerySet[Cosignature]:
    if checkpoint is None:
        return Cosignature.objects.none()
    return Cosignature.objects.filter(checkpoint=checkpoint).order_by("organisation_label")


def entry(*, view: LogView, index: int) -> tuple[int, bytes, bytes, str, int]:
    """One signed entry as (idx, body, leaf_hash, kind, activity_seq)."""
    if view.log is None or not 0 <= index < view.signed_size:
        raise NotFound(_("This log has no signed entry with that index."))
    return storage.entry_rows(view.log.pk, index, index + 1)[0]


@dataclass
class EntryPage:
    items: list[tuple[int, bytes, bytes, str, int]] = field(default_factory=list)
    count: int = 0


def entry_list(
    *, view: LogView, offset: int = 0, limit: int = 50, kind: str = ""
) -> EntryPage:
    """Signed entries, newest first, optionally of one kind (a verb or a verb prefix)."""
    if view.log is None or view.signed_size == 0:
        return EntryPage()
    queryset = LogEntry.objects.filter(log_id=view.log.pk, idx__lt=view.signed_size)
    if kind:
        queryset = queryset.filter(kind__startswith=kind)
    count = queryset.count() if kind else view.signed_size
    rows = queryset.order_by("-idx").values_list(
        "idx", "body", "leaf_hash", "kind", "activity_seq"
    )[offset : offset + limit]
    return EntryPage(
        items=[(i, bytes(b), bytes(h), k, s) for i, b, h, k, s in rows], count=count
    )


def check_sizes(view: LogView, *sizes: int) -> None:
    """Proofs are served only within the latest signed checkpoint."""
    for size in sizes:
        if view.log is None or not 0 <= size <= view.signed_size:
            raise ValidationFailed(
                _("The tree size must lie between 0 and the size of the latest signed "
                  "checkpoint."),
                field="size",
            )


def tile(*, view: LogView, level: int, index: int, width: int) -> bytes | None:
    """A tlog-tiles hash tile within the signed tree, or None when it holds too few hashes."""
    if view.log is None or level < 0 or not 1 <= width <= formats.TILE_WIDTH:
        return None
    height = level * formats.TILE_HEIGHT
    start = index * formats.TILE_WIDTH
    if (view.signed_size >> height) < start + width:
        return None
    return b"".join(storage.level_hashes(view.log.pk, height, start, start + width))


def entry_bundle(*, view: LogView, index: int, width: int) -> bytes | None:
    if view.log is None or not 1 <= width <= formats.TILE_WIDTH:
        return None
    start = index * formats.TILE_WIDTH
    if view.signed_size < start + width:
        return None
    rows = storage.entry_rows(view.log.pk, start, start + width)
    return formats.bundle([row[1] for row in rows])


@dataclass(frozen=True)
class Mark:
    """What an activity's "verifiable" mark shows: a signed entry, or pending."""

    ecosystem_uuid: uuid.UUID
    index: int | None

    @property
    def signed(self) -> bool:
        return self.index is not None


def verifiable_marks(activities: Iterable[Any]) -> dict[int, Mark]:
    """Marks of the logged activities among these, keyed by sequence number: one query.

    Activities of kinds the log does not record get no mark; logged ones not yet covered
    by a signed checkpoint are pending (``index`` None), never missing.
    """
    logged = {
        activity.seq: activity.ecosystem_uuid
        for activity in activities
        if activity is not None
        and activity.ecosystem_uuid is not None
        and registry.is_logged(activity.verb)
    }
    if not logged:
        return {}
    signed = {
        seq: idx
        for seq, idx, signed_size in LogEntry.objects.filter(
            activity_seq__in=list(logged)
        ).values_list("activity_seq", "idx", "log__last_signed_size")
        if idx < signed_size
    }
    return {seq: Mark(ecosystem_uuid=eco, index=signed.get(seq)) for seq, eco in logged.items()}


@dataclass
class LogSummary:
    ecosystem: Ecosystem
    checkpoint: Checkpoint | None
    witnesses: list[Cosignature]


def log_summary(*, viewer: Any, ecosystem: Ecosystem) -> LogSummary | None:
    """The latest checkpoint and its witnesses for a panel; None when the viewer may not see.

    Two queries for a public ecosystem, four for a members-only one (the viewer is checked).
    """
    if not ecosystem.is_public and not Ecosystem.objects.filter(
        visible_ecosystems_q(viewer), pk=ecosystem.pk
    ).exists():
        return None
    checkpoint = (
        Checkpoint.objects.filter(log__ecosystem_uuid=ecosystem.uuid)
        .order_by("-size")
        .prefetch_related("cosignatures")
        .first()
    )
    witnesses = list(checkpoint.cosignatures.all()) if checkpoint else []
    return LogSummary(ecosystem=ecosystem, checkpoint=checkpoint, witnesses=witnesses)


def witness_keys(*, viewer: Any) -> QuerySet[WitnessKey]:
    """The witness keys of the organisation the viewer acts for (none without one)."""
    organisation = getattr(viewer, "organisation", None)
    if organisation is None:
        return WitnessKey.objects.none()
    return WitnessKey.objects.filter(organisation=organisation).select_related("organisation")


def witness_key(*, viewer: Any, key_uuid: uuid.UUID) -> WitnessKey:
    key = witness_keys(viewer=viewer).filter(uuid=key_uuid).first()
    if key is None:
        raise NotFound(_("Your organisation has no witness key with this identifier."))
    return key
