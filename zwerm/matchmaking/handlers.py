"""Hooks of matchmaking into the kernel: the activity listener that keeps the index current.

The listener runs inside the service's transaction and only schedules the reindexing
after commit, as ``core.activity.register_listener`` asks; a rolled-back change reindexes
nothing.
"""

from __future__ import annotations

from django.db import transaction

from zwerm.core.models import Activity


def _after_commit(organisations: list[str], memberships: list[str], ecosystems: bool) -> None:
    def run() -> None:
        from zwerm.matchmaking.tasks import reindex_organisations

        reindex_organisations(organisations, memberships, ecosystems)

    transaction.on_commit(run)


def on_activity(activity: Activity) -> None:
    """Organisation and membership changes reindex the organisations they name."""
    verb = activity.verb
    if verb.startswith("organisations."):
        named = {activity.organisation_uuid}
        if activity.subject_type == "organisations.organisation":
            named.add(activity.subject_uuid)
        _after_commit(sorted(str(key) for key in named if key), [], False)
    elif verb.startswith("ecosystems.membership."):
        # The subject is the organisation; the payload names the membership.
        organisations = []
        if activity.subject_type == "organisations.organisation" and activity.subject_uuid:
            organisations.append(str(activity.subject_uuid))
        membership = (activity.payload or {}).get("membership")
        _after_commit(organisations, [membership] if membership else [], False)
    elif verb in ("ecosystems.ecosystem.created", "ecosystems.ecosystem.updated"):
        _after_commit([], [], True)
