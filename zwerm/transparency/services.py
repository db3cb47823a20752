"""Every write to the log: sequencing activities into entries, witnesses, erasure of salts."""

from __future__ import annotations

import time
from collections.abc import Sequence
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.models import Activity
from zwerm.transparency import entries, notes, registry, storage
from zwerm.transparency.models import (
    Checkpoint,
    Cosignature,
    Cursor,
    Log,
    Salt,
    WitnessKey,
)
from zwerm.transparency.permissions import can_manage_witnesses

SEQUENCER = "sequencer"
BATCH = 1000


def origin_for(ecosystem_uuid) -> str:
    host = urlsplit(settings.SITE_URL).netloc or "localhost"
    return f"{host}/ecosystems/{ecosystem_uuid}/log"


def log_for(ecosystem_uuid) -> Log:
    log, _created = Log.objects.get_or_create(
        ecosystem_uuid=ecosystem_uuid, defaults={"origin": origin_for(ecosystem_uuid)}
    )
    return log


def append(log: Log, new_entries: Sequence[storage.NewEntry]) -> int:
    """Append to one log under its row lock; returns the new size. Call inside a transaction."""
    locked = Log.objects.select_for_update().only("pk", "size").get(pk=log.pk)
    storage.append(locked.pk, locked.size, new_entries)
    size = locked.size + len(new_entries)
    Log.objects.filter(pk=locked.pk).update(size=size)
    log.size = size
    return size


def _cursor() -> Cursor:
    Cursor.objects.get_or_create(name=SEQUENCER)
    return Cursor.objects.select_for_update().get(name=SEQUENCER)


def sequence(*, limit: int = BATCH) -> int:
    """Append the next batch of logged activities, in sequence-number order.

    Returns how many activities were read (0 when the stream is fully sequenced). The
    cursor moves only in the same transaction as the appends, so nothing is lost or doubled.
    """
    with transaction.atomic():
        cursor = _cursor()
        activities = list(
            Activity.objects.filter(seq__gt=cursor.seq)
            .select_related("actor")
            .order_by("seq")[:limit]
        )
        if not activities:
            return 0
        by_log: dict = {}
        salts: list[Salt] = []
        now = timezone.now()
        for activity in activities:
            if activity.ecosystem_uuid is None or not registry.is_logged(activity.verb):
                continue
            activity_salts = entries.new_salts(activity)
            salts += [
                Salt(activity_seq=activity.seq, field=field, value=value,
                     person_id=activity.actor_id)
                for field, value in activity_salts.items()
            ]
            body = entries.leaf_body(activity, activity_salts)
            by_log.setdefault(activity.ecosystem_uuid, []).append(
                storage.NewEntry(body=body, kind=activity.verb, activity_seq=activity.seq,
                                 created_at=now)
            )
        for ecosystem_uuid, new_entries in by_log.items():
            append(log_for(ecosystem_uuid), new_entries)
        Salt.objects.bulk_create(salts)
        Cursor.objects.filter(pk=cursor.pk).update(seq=activities[-1].seq)
    return len(activities)


def sequence_all() -> int:
    total = 0
    while read := sequence():
        total += read
    return total


def pending_activities():
    """Logged activities the sequencer has not reached yet: pending, never missing."""
    cursor = Cursor.objects.filter(name=SEQUENCER).values_list("seq", flat=True).first() or 0
    return Activity.objects.filter(
        seq__gt=cursor, ecosystem_uuid__isnull=False, verb__regex=registry.verb_regex()
    )


@transaction.atomic
def witness_key_register(*, actor: Actor, vkey: str) -> WitnessKey:
    """Register the acting organisation's witness key (a tlog-cosignature verifier key)."""
    organisation = actor.organisation
    if organisation is None or not can_manage_witnesses(actor.person, organisation):
        raise NotAllowed(
            _("Only an administrator of the organisation can register its witness key.")
        )
    try:
        verifier = notes.parse_vkey(vkey)
    except notes.NoteError as error:
        raise ValidationFailed(
            _("This is not a valid verifier key (name+keyID+base64 key)."), field="vkey"
        ) from error
    if verifier.alg != notes.COSIGNATURE:
        raise ValidationFailed(
            _("A witness key must be a cosignature key (type 0x04)."), field="vkey"
        )
    if WitnessKey.objects.filter(vkey=verifier.vkey).exists():
        raise Conflict(_("This witness key is already registered."), field="vkey")
    key = WitnessKey.objects.create(
        organisation=organisation, name=verifier.name, key_id=verifier.key_id,
        public_key=verifier.public_key, vkey=verifier.vkey, created_by=actor.person,
    )
    record(
        verb="transparency.witness_key.registered", actor=actor, subject=key,
        organisation=organisation, payload={"key_id": verifier.key_id.hex()},
    )
    return key


@transaction.atomic
def witness_key_revoke(*, actor: Actor, key: WitnessKey) -> WitnessKey:
    """Stop accepting cosignatures by a key (lost or rotated); past cosignatures remain."""
    if not can_manage_witnesses(actor.person, key.organisation):
        raise NotAllowed(
            _("Only an administrator of the organisation can revoke its witness key.")
        )
    key = WitnessKey.objects.select_for_update().get(pk=key.pk)
    if key.revoked_at is not None:
        raise Conflict(_("This witness key was revoked already."))
    key.revoked_at = timezone.now()
    key.save(update_fields=["revoked_at"])
    record(
        verb="transparency.witness_key.revoked", actor=actor, subject=key,
        organisation=key.organisation, payload={"key_id": bytes(key.key_id).hex()},
    )
    return key


@transaction.atomic
def cosignature_add(*, actor: Actor, log: Log, size: int, line: str) -> Cosignature:
    """Store a witness's cosignature on a checkpoint after checking it against its key.

    Not an activity: witnesses cosign every checkpoint (every few seconds), and the
    cosignature rows are themselves the record, shown with the checkpoint they sign.
    """
    checkpoint = Checkpoint.objects.filter(log=log, size=size).first()
    if checkpoint is None:
        raise NotFound(_("There is no checkpoint of this size."))
    text, _signatures = notes.split_note(checkpoint.note)
    keys = WitnessKey.objects.filter(
        organisation=actor.organisation, revoked_at__isnull=True
    ).select_related("organisation")
    if actor.organisation is None or not keys:
        raise NotAllowed(_("Your organisation has no witness key registered."))
    for key in keys:
        verifier = notes.Verifier(
            name=key.name, key_id=bytes(key.key_id), public_key=bytes(key.public_key),
            alg=notes.COSIGNATURE,
        )
        try:
            stamp = notes.verify_cosignature(text, line.strip(), verifier)
        except notes.NoteError:
            continue
        if stamp > time.time() + 300:
            raise ValidationFailed(_("The cosignature's time lies in the future."), field="line")
        cosignature, _created = Cosignature.objects.get_or_create(
            checkpoint=checkpoint, witness=key,
            defaults={
                "organisation_uuid": key.organisation.uuid,
                "organisation_label": str(key.organisation)[:200],
                "timestamp": stamp, "line": line.strip(),
            },
        )
        return cosignature
    raise ValidationFailed(
        _("The cosignature does not verify with your organisation's witness key."), field="line"
    )
