"""Read queries of the log, filtered to the ecosystems the viewer may see."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from zwerm.core.errors import NotFound, ValidationFailed
from zwerm.ecosystems.models import Ecosystem
from zwerm.ecosystems.selectors import ecosystem_list
from zwerm.transparency import formats, storage
from zwerm.transparency.models import Checkpoint, Cosignature, Log, LogEntry


@dataclass
class LogView:
    ecosystem: Ecosystem
    log: Log | None

    @property
    def size(self) -> int:
        return self.log.size if self.log else 0

    @property
    def is_private(self) -> bool:
        return not self.ecosystem.is_public


def log_view(*, viewer: Any, ecosystem_uuid: uuid.UUID) -> LogView:
    """The ecosystem and its log, or NotFound when the viewer may not see the ecosystem."""
    ecosystem = ecosystem_list(viewer=viewer).filter(uuid=ecosystem_uuid).first()
    if ecosystem is None:
        raise NotFound(_("This ecosystem was not found, or you may not see it."))
    log = Log.objects.filter(ecosystem_uuid=ecosystem.uuid).first()
    return LogView(ecosystem=ecosystem, log=log)


def latest_checkpoint(*, log: Log | None) -> Checkpoint | None:
    if log is None:
        return None
    return Checkpoint.objects.filter(log=log).order_by("-size").first()


def checkpoint_witnesses(*, checkpoint: Checkpoint | None) -> QuerySet[Cosignature]:
    if checkpoint is None:
        return Cosignature.objects.none()
    return Cosignature.objects.filter(checkpoint=checkpoint).order_by("organisation_label")


def entry(*, view: LogView, index: int) -> tuple[int, bytes, bytes, str, int]:
    if view.log is None or not 0 <= index < view.log.size:
        raise NotFound(_("This log has no entry with that index."))
    return storage.entry_rows(view.log.pk, index, index + 1)[0]


def entry_for_activity(*, activity_seq: int) -> LogEntry | None:
    return LogEntry.objects.filter(activity_seq=activity_seq).only("log_id", "idx").first()


def check_sizes(view: LogView, *sizes: int) -> None:
    for size in sizes:
        if view.log is None or not 0 <= size <= view.log.size:
            raise ValidationFailed(_("The tree size must lie between 0 and the log's size."))


def tile(*, view: LogView, level: int, index: int, width: int) -> bytes | None:
    """A tlog-tiles hash tile, or None when the log does not hold that many hashes yet."""
    if view.log is None or level < 0 or not 1 <= width <= formats.TILE_WIDTH:
        return None
    height = level * formats.TILE_HEIGHT
    start = index * formats.TILE_WIDTH
    if (view.log.size >> height) < start + width:
        return None
    return b"".join(storage.level_hashes(view.log.pk, height, start, start + width))


def entry_bundle(*, view: LogView, index: int, width: int) -> bytes | None:
    if view.log is None or not 1 <= width <= formats.TILE_WIDTH:
        return None
    start = index * formats.TILE_WIDTH
    if view.log.size < start + width:
        return None
    rows = storage.entry_rows(view.log.pk, start, start + width)
    return formats.bundle([row[1] for row in rows])
