"""The accounts section of a person's data export: profile, addresses, tokens, activities."""

from __future__ import annotations

from typing import Any

from zwerm.accounts.models import PersonalAccessToken, User
from zwerm.core.models import Activity, NotificationPreference


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def export_person(person: User) -> dict[str, Any]:
    """What accounts holds about the person; token hashes are never exported."""
    from allauth.account.models import EmailAddress

    return {
        "profile": {
            "uuid": str(person.uuid),
            "name": person.name,
            "email": person.email,
            "language": person.language,
            "time_zone": person.time_zone,
            "name_visibility": person.name_visibility,
            "acting_organisation": (
                str(person.acting_organisation_uuid) if person.acting_organisation_uuid else None
            ),
            "date_joined": _iso(person.date_joined),
            "last_login": _iso(person.last_login),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=person).order_by("email")
        ],
        "tokens": [
            {
                "uuid": str(token.uuid),
                "name": token.name,
                "hint": token.hint,
                "organisation": str(token.organisation_uuid) if token.organisation_uuid else None,
                "created_at": _iso(token.created_at),
                "last_used_at": _iso(token.last_used_at),
                "revoked_at": _iso(token.revoked_at),
            }
            for token in PersonalAccessToken.objects.filter(person=person).order_by("created_at")
        ],
        "notification_preferences": dict(
            NotificationPreference.objects.filter(person=person)
            .order_by("kind")
            .values_list("kind", "channel")
        ),
        "activities": [
            {
                "uuid": str(row["uuid"]),
                "seq": row["seq"],
                "verb": row["verb"],
                "organisation": str(row["organisation_uuid"]) if row["organisation_uuid"] else None,
                "ecosystem": str(row["ecosystem_uuid"]) if row["ecosystem_uuid"] else None,
                "subject_type": row["subject_type"],
                "subject": str(row["subject_uuid"]) if row["subject_uuid"] else None,
                "created_at": _iso(row["created_at"]),
            }
            for row in Activity.objects.filter(actor=person)
            .order_by("seq")
            .values(
                "uuid", "seq", "verb", "organisation_uuid", "ecosystem_uuid",
                "subject_type", "subject_uuid", "created_at",
            )
            .iterator(chunk_size=1000)
        ],
    }
