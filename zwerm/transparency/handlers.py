"""The log's part in a person's data export (``zwerm.core.privacy``).

The log itself holds no personal data. What ties it to a person is kept beside it: the
salts behind the salted hashes in their entries, and the witness keys they registered. The
export gives them both, so a person can prove which entries were theirs; erasing the
account deletes the salts (``Salt.person`` cascades) and every proof keeps verifying.
"""

from __future__ import annotations

from typing import Any

from zwerm.transparency.models import Log, LogEntry, Salt, WitnessKey


def export_person(person: Any) -> dict[str, Any]:
    salts = list(Salt.objects.filter(person=person).order_by("activity_seq", "field"))
    entries = {
        seq: (log_id, idx)
        for seq, log_id, idx in LogEntry.objects.filter(
            activity_seq__in={salt.activity_seq for salt in salts}
        ).values_list("activity_seq", "log_id", "idx")
    }
    origins = dict(
        Log.objects.filter(pk__in={log_id for log_id, _idx in entries.values()}).values_list(
            "pk", "origin"
        )
    )
    keys = WitnessKey.objects.filter(created_by=person).select_related("organisation")
    return {
        "entry_salts": [
            {
                "activity_seq": salt.activity_seq,
                "log": origins.get(entries[salt.activity_seq][0])
                if salt.activity_seq in entries else None,
                "index": entries[salt.activity_seq][1] if salt.activity_seq in entries else None,
                "field": salt.field,
                "salt": bytes(salt.value).hex(),
            }
            for salt in salts
        ],
        "witness_keys": [
            {
                "organisation": key.organisation.name,
                "name": key.name,
                "vkey": key.vkey,
                "registered_at": key.created_at.isoformat(),
                "revoked_at": key.revoked_at.isoformat() if key.revoked_at else None,
            }
            for key in keys
        ],
    }
