"""From an activity to the leaf bytes: references and salted hashes, never personal data.

The actor is a salted hash of the person's UUID and the payload a salted hash of its
canonical JSON (so a short ballot cannot be guessed from its digest). The salts live in
``Salt``; deleting them (erasure) leaves every stored leaf, and so every proof, intact.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC
from typing import Any

from zwerm.core.models import Activity
from zwerm.transparency.formats import canonical_json, encode_leaf

SALT_BYTES = 32
ACTOR, PAYLOAD = "actor", "payload"


def new_salts(activity: Activity) -> dict[str, bytes]:
    salts = {PAYLOAD: secrets.token_bytes(SALT_BYTES)}
    if activity.actor_id is not None:
        salts[ACTOR] = secrets.token_bytes(SALT_BYTES)
    return salts


def commitment(salt: bytes, data: bytes) -> str:
    return hashlib.sha256(salt + data).hexdigest()


def timestamp(activity: Activity) -> str:
    return activity.created_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def public_fields(activity: Activity) -> dict[str, Any]:
    """The fields of a leaf that need no salt, so they can be checked after erasure too."""
    subject = activity.subject_type
    if activity.subject_uuid is not None:
        subject = f"{subject}/{activity.subject_uuid}"
    return {
        "type": activity.verb,
        "org": str(activity.organisation_uuid) if activity.organisation_uuid else None,
        "ts": timestamp(activity),
        "subject": subject,
    }


def leaf_fields(activity: Activity, salts: dict[str, bytes]) -> dict[str, Any]:
    """All leaf fields; ``activity.actor`` must be loaded when the activity has an actor."""
    fields = public_fields(activity)
    actor = None
    if activity.actor_id is not None:
        actor = commitment(salts[ACTOR], str(activity.actor.uuid).encode())
    fields["actor"] = actor
    fields["payload_sha256"] = commitment(salts[PAYLOAD], canonical_json(activity.payload))
    return fields


def leaf_body(activity: Activity, salts: dict[str, bytes]) -> bytes:
    return encode_leaf(leaf_fields(activity, salts))
