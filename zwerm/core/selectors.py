"""Read queries of core: the activity feed and the notification centre."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet

from zwerm.core import verbs
from zwerm.core.models import Activity, Notification
from zwerm.core.visibility import hidden_ecosystem_uuids, hidden_subjects


def activity_list(
    *,
    viewer: Any,
    ecosystem_uuid: uuid.UUID | None = None,
    organisation_uuid: uuid.UUID | None = None,
    verb_prefix: str | None = None,
    after_seq: int | None = None,
    around: tuple[Iterable[uuid.UUID], Iterable[uuid.UUID]] | None = None,
) -> QuerySet[Activity]:
    """Activities the viewer may see, newest first; ``after_seq`` follows the stream.

    ``around=(ecosystem_uuids, organisation_uuids)`` keeps what happened in those ecosystems
    or to or by those organisations: a person's own corner of the stream.
    """
    queryset = Activity.objects.select_related("actor")
    personal = verbs.personal_verbs()
    if personal:
        person = getattr(viewer, "person", viewer)
        mine = Q(actor=person) if getattr(person, "is_authenticated", False) else Q(pk__in=[])
        queryset = queryset.filter(~Q(verb__in=personal) | mine)
    hidden = hidden_ecosystem_uuids(viewer)
    if hidden:
        queryset = queryset.exclude(ecosystem_uuid__in=hidden)
    for subjects in hidden_subjects(viewer):
        queryset = queryset.exclude(subject_uuid__in=subjects)
    if ecosystem_uuid is not None:
        queryset = queryset.filter(ecosystem_uuid=ecosystem_uuid)
    if organisation_uuid is not None:
        queryset = queryset.filter(
            Q(organisation_uuid=organisation_uuid) | Q(subject_uuid=organisation_uuid)
        )
    if around is not None:
        ecosystem_uuids, organisation_uuids = (list(values) for values in around)
        queryset = queryset.filter(
            Q(ecosystem_uuid__in=ecosystem_uuids)
            | Q(organisation_uuid__in=organisation_uuids)
            | Q(subject_uuid__in=organisation_uuids)
        )
    if verb_prefix:
        queryset = queryset.filter(verb__startswith=verb_prefix)
    if after_seq is not None:
        queryset = queryset.filter(seq__gt=after_seq).order_by("seq")
    return queryset


def notification_list(*, person: Any, unread_only: bool = False) -> QuerySet[Notification]:
    queryset = Notification.objects.filter(recipient=person).select_related(
        "activity", "activity__actor"
    )
    if unread_only:
        queryset = queryset.filter(read_at__isnull=True)
    return queryset


def unread_notification_count(*, person: Any) -> int:
    return Notification.objects.filter(recipient=person, read_at__isnull=True).count()
