"""Background work of matchmaking: keeping the index current, and introduction emails."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from zwerm.ecosystems.models import Membership
from zwerm.organisations.models import Organisation


@db_task(retries=3, retry_delay=10)
def reindex_organisations(
    organisation_uuids: list[str], membership_uuids: list[str], ecosystems_changed: bool = False
) -> int:
    """Reindex the organisations named by one committed transaction's activities."""
    from zwerm.matchmaking import index

    ids = set(Organisation.objects.filter(uuid__in=organisation_uuids).values_list("pk", flat=True))
    ids |= set(
        Membership.objects.filter(uuid__in=membership_uuids).values_list(
            "organisation_id", flat=True
        )
    )
    if ids:
        return index.reindex(ids)
    return index.touch() if ecosystems_changed else 0
