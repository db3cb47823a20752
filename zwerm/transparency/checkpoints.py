"""Signing checkpoints: never one that is inconsistent with the previous signed one."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from zwerm.transparency import keys, merkle, notes, storage
from zwerm.transparency.models import Checkpoint, Log


class InconsistentLog(Exception):
    """The stored tree does not extend the last signed checkpoint: refuse to sign."""


def checkpoint_sign(log: Log) -> Checkpoint | None:
    """Sign the log's current size if it grew; check consistency with storage first."""
    with transaction.atomic():
        locked = Log.objects.select_for_update().get(pk=log.pk)
        if locked.size == 0 or locked.size <= locked.last_signed_size:
            return None
        size = locked.size
        root = storage.root(locked.pk, size)
        previous = Checkpoint.objects.filter(log=locked).order_by("-size").first()
        if previous is not None:
            _check_previous(locked, previous, size, root)
        text = notes.checkpoint_text(locked.origin, size, root)
        note = notes.sign_note(text, locked.origin, keys.signing_key())
        checkpoint = Checkpoint.objects.create(
            log=locked, size=size, root=root, note=note, created_at=timezone.now()
        )
        Log.objects.filter(pk=locked.pk).update(last_signed_size=size)
    return checkpoint


def _check_previous(log: Log, previous: Checkpoint, size: int, root: bytes) -> None:
    try:
        text, _signed = notes.verify_note(previous.note, [keys.verifier(log.origin)])
        parsed = notes.parse_checkpoint(text)
        if parsed.size != previous.size or parsed.root != bytes(previous.root):
            raise InconsistentLog(f"The stored checkpoint {previous.size} of {log} was altered.")
        proof = storage.consistency_proof(log.pk, previous.size, size)
        merkle.verify_consistency(previous.size, size, parsed.root, root, proof)
    except (notes.NoteError, merkle.VerificationError, LookupError) as error:
        raise InconsistentLog(
            f"Refusing to sign {log} at {size}: it does not extend checkpoint "
            f"{previous.size} ({error})."
        ) from error


def checkpoints_sign_due() -> list[Checkpoint]:
    """Sign every log that has grown since its last checkpoint."""
    signed = []
    for log in Log.objects.filter(size__gt=F("last_signed_size")):
        checkpoint = checkpoint_sign(log)
        if checkpoint is not None:
            signed.append(checkpoint)
    return signed
