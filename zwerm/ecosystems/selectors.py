"""Read queries of ecosystems, always filtered to what the viewer may see."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Q, QuerySet

from zwerm.ecosystems.models import Ecosystem, Membership

SEEING_STATES = (Membership.State.ACTIVE, Membership.State.PAUSED)


def _person(viewer: Any) -> Any:
    """Accept a User, an AnonymousUser, an Actor or None."""
    person = getattr(viewer, "person", viewer)
    if person is None or not getattr(person, "is_authenticated", False):
        return None
    return person


def viewer_organisation_ids(viewer: Any) -> list[int]:
    person = _person(viewer)
    if person is None:
        return []
    cached = getattr(person, "_zwerm_organisation_ids", None)
    if cached is None:
        cached = list(
            person.organisation_memberships.filter(left_at__isnull=True).values_list(
                "organisation_id", flat=True
            )
        )
        person._zwerm_organisation_ids = cached
    return cached


def visible_ecosystems_q(viewer: Any) -> Q:
    """A Q over Ecosystem: public ones, plus members-only ones the viewer belongs to."""
    person = _person(viewer)
    if person is not None and person.is_staff:
        return Q()
    public = Q(visibility=Ecosystem.Visibility.PUBLIC)
    organisation_ids = viewer_organisation_ids(viewer)
    if not organisation_ids:
        return public
    return public | Q(
        memberships__organisation_id__in=organisation_ids,
        memberships__state__in=SEEING_STATES,
    )


def ecosystem_list(*, viewer: Any) -> QuerySet[Ecosystem]:
    return Ecosystem.objects.filter(visible_ecosystems_q(viewer)).distinct()


def hidden_ecosystem_uuids(viewer: Any) -> set[uuid.UUID]:
    """UUIDs of members-only ecosystems the viewer may not see (for core's activity feed)."""
    person = _person(viewer)
    if person is not None and person.is_staff:
        return set()
    private = Ecosystem.objects.filter(visibility=Ecosystem.Visibility.MEMBERS)
    organisation_ids = viewer_organisation_ids(viewer)
    if organisation_ids:
        private = private.exclude(
            memberships__organisation_id__in=organisation_ids,
            memberships__state__in=SEEING_STATES,
        )
    return set(private.values_list("uuid", flat=True))
