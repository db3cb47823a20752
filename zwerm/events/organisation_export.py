"""Events' table in an organisation's data export (``zwerm.ecosystems.exports``): the
registrations of the organisation's people for this ecosystem's events.

Only registrations made for the organisation; no other organisation's people, and no email
addresses. Names follow ``zwerm.core.privacy`` for the viewer who exports.
"""

from __future__ import annotations

from typing import Any

from zwerm.ecosystems.exports import PersonLabels, plain, register_organisation_exporter, uuid_of
from zwerm.events.models import Registration


def organisation_tables(*, organisation: Any, ecosystem: Any, viewer: Any = None
                        ) -> dict[str, list[dict[str, Any]]]:
    registrations = list(
        Registration.objects.filter(organisation=organisation, event__ecosystem=ecosystem)
        .select_related("event", "person").order_by("event__starts_at", "id")
    )
    names = PersonLabels(viewer, [r.person for r in registrations])
    return {
        "event_registrations": [
            {"uuid": str(r.uuid), "event": str(r.event.uuid), "event_title": r.event.title,
             "event_starts_at": plain(r.event.starts_at), "person": uuid_of(r.person),
             "person_name": names(r.person), "state": r.state,
             "registered_at": plain(r.created_at), "confirmed_at": plain(r.confirmed_at),
             "cancelled_at": plain(r.cancelled_at), "checked_in_at": plain(r.checked_in_at)}
            for r in registrations
        ],
    }


register_organisation_exporter("events", organisation_tables)
