"""Reads of deliverables, filtered to what the viewer may see, in a fixed number of queries.

For other parts: ``deliverables_of`` (a board or a working group's list),
``deliverable_detail`` (one deliverable with milestones, links and attachments),
``visible_deliverable`` (look one up by UUID anywhere) and ``trail_of`` (challenge → idea →
initiative → working group → deliverable).
"""

from __future__ import annotations

import datetime
import uuid as uuid_module
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from zwerm.collaboration.models import Attachment, Deliverable, Milestone, WorkingGroup
from zwerm.collaboration.permissions import can_view
from zwerm.ecosystems.models import Ecosystem, Membership
from zwerm.ecosystems.selectors import visible_ecosystems_q
from zwerm.organisations.models import Organisation

State = Deliverable.State
OPEN_STATES = (State.PLANNED, State.IN_PROGRESS)
CLOSED_STATES = (State.DELIVERED, State.CANCELLED)
BOARD_STATES = (State.PLANNED, State.IN_PROGRESS, State.DELIVERED, State.CANCELLED)


def _uuid(value: Any) -> uuid_module.UUID | None:
    try:
        return uuid_module.UUID(str(value))
    except (TypeError, ValueError):
        return None


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


def overdue_q(today: datetime.date | None = None) -> Q:
    """Due before today (Amsterdam) and neither delivered nor cancelled."""
    return Q(due_on__lt=_today(today)) & ~Q(state__in=CLOSED_STATES)


@dataclass
class BoardFilters:
    """The board's filters, read once from a page's query string or the API's parameters."""

    working_group: WorkingGroup | None = None
    owner: Organisation | None = None
    state: str = ""
    overdue: bool = False
    invalid: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, ecosystem: Ecosystem, params: Mapping[str, Any]) -> BoardFilters:
        """Slugs (or UUIDs) of a working group and an owner organisation, a state, overdue.

        Unknown values are listed in ``invalid`` (the API refuses them, the page ignores them).
        """
        filters = cls()
        group_ref = str(params.get("working_group") or "").strip()
        if group_ref:
            groups = WorkingGroup.objects.filter(ecosystem=ecosystem)
            ref_uuid = _uuid(group_ref)
            filters.working_group = (groups.filter(uuid=ref_uuid) if ref_uuid
                                     else groups.filter(slug=group_ref)).first()
            if filters.working_group is None:
                filters.invalid.append("working_group")
        owner_ref = str(params.get("owner") or "").strip()
        if owner_ref:
            owners = Organisation.objects.filter(ecosystem_memberships__ecosystem=ecosystem)
            ref_uuid = _uuid(owner_ref)
            filters.owner = (owners.filter(uuid=ref_uuid) if ref_uuid
                             else owners.filter(slug=owner_ref)).first()
            if filters.owner is None:
                filters.invalid.append("owner")
        state = str(params.get("state") or "").strip()
        if state in State.values:
            filters.state = state
        elif state:
            filters.invalid.append("state")
        overdue = params.get("overdue")
        filters.overdue = overdue is True or str(overdue).lower() in ("1", "true", "on", "yes")
        return filters

    @property
    def active(self) -> bool:
        return bool(self.working_group or self.owner or self.state or self.overdue)


def deliverables_of(
    *, ecosystem: Ecosystem, viewer: Any, working_group: WorkingGroup | None = None,
    owner: Organisation | None = None, state: str = "", overdue: bool = False,
    today: datetime.date | None = None,
) -> QuerySet[Deliverable]:
    """An ecosystem's deliverables (optionally one working group's), with owner, group and
    milestone counts (total, done, overdue) in one query; nothing when the viewer may not
    see the ecosystem."""
    if not can_view(viewer, ecosystem):
        return Deliverable.objects.none()
    today = _today(today)
    queryset = Deliverable.objects.filter(ecosystem=ecosystem)
    if working_group is not None:
        queryset = queryset.filter(working_group=working_group)
    if owner is not None:
        queryset = queryset.filter(owner=owner)
    if state:
        queryset = queryset.filter(state=state)
    if overdue:
        queryset = queryset.filter(overdue_q(today))
    late_milestone = Q(milestones__due_on__lt=today) & ~Q(milestones__state=Milestone.State.DONE)
    return (
        queryset.select_related("ecosystem", "owner", "working_group")
        .annotate(
            milestone_total=Count("milestones", distinct=True),
            milestone_done=Count("milestones", filter=Q(milestones__state=Milestone.State.DONE),
                                 distinct=True),
            milestones_overdue=Count("milestones", filter=late_milestone, distinct=True),
        )
        .order_by(F("due_on").asc(nulls_last=True), "title", "id")
    )


def board_columns(deliverables: Any) -> list[dict[str, Any]]:
    """The deliverables grouped by state, one column per state, in the board's order."""
    items = list(deliverables)
    return [
        {"state": state, "label": State(state).label,
         "items": [d for d in items if d.state == state]}
        for state in BOARD_STATES
    ]


def deliverable_counts(*, ecosystem: Ecosystem, viewer: Any,
                       today: datetime.date | None = None) -> dict[str, int]:
    """Open, overdue and delivered deliverables of an ecosystem, in one query."""
    if not can_view(viewer, ecosystem):
        return {"open": 0, "overdue": 0, "delivered": 0}
    return Deliverable.objects.filter(ecosystem=ecosystem).aggregate(
        open=Count("id", filter=Q(state__in=OPEN_STATES)),
        overdue=Count("id", filter=overdue_q(today)),
        delivered=Count("id", filter=Q(state=State.DELIVERED)),
    )


def _detail_queryset() -> QuerySet[Deliverable]:
    return Deliverable.objects.select_related(
        "ecosystem", "owner", "created_by", "working_group__initiative__challenge",
        "working_group__initiative__idea", "working_group__initiative__cluster",
    ).prefetch_related(
        Prefetch("milestones", queryset=Milestone.objects.order_by("position", "id")),
        "links",
        Prefetch("attachments",
                 queryset=Attachment.objects.select_related("uploaded_by").order_by(
                     "created_at", "id")),
    )


def deliverable_detail(*, viewer: Any, ecosystem: Ecosystem, uuid: Any) -> Deliverable | None:
    """One deliverable of this ecosystem with everything its page and endpoint show."""
    found = _uuid(uuid)
    if found is None or not can_view(viewer, ecosystem):
        return None
    deliverable = _detail_queryset().filter(ecosystem=ecosystem, uuid=found).first()
    if deliverable is not None:
        deliverable.ecosystem = ecosystem
    return deliverable


def visible_deliverable(viewer: Any, uuid: Any) -> Deliverable | None:
    """A deliverable by UUID in any ecosystem the viewer may see (members-only stay hidden)."""
    found = _uuid(uuid)
    if found is None:
        return None
    ecosystems = Ecosystem.objects.filter(visible_ecosystems_q(viewer)).values("id")
    return _detail_queryset().filter(uuid=found, ecosystem__in=ecosystems).first()


def owner_choices(*, ecosystem: Ecosystem) -> QuerySet[Organisation]:
    """Organisations that may own a deliverable: the ecosystem's active members."""
    return Organisation.objects.filter(
        ecosystem_memberships__ecosystem=ecosystem,
        ecosystem_memberships__state=Membership.State.ACTIVE,
        ecosystem_memberships__kind=Membership.Kind.MEMBER,
    ).order_by("name")


def board_owners(*, ecosystem: Ecosystem) -> QuerySet[Organisation]:
    """Organisations that own a deliverable here (for the board's owner filter)."""
    return Organisation.objects.filter(owned_deliverables__ecosystem=ecosystem).distinct() \
        .order_by("name")


def working_group_choices(*, ecosystem: Ecosystem, open_only: bool = False
                          ) -> QuerySet[WorkingGroup]:
    groups = WorkingGroup.objects.filter(ecosystem=ecosystem)
    if open_only:
        groups = groups.filter(archived_at__isnull=True)
    return groups.order_by("name")


# The trail ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrailStep:
    kind: str  # challenge, idea, cluster, initiative, working_group, deliverable
    label: str
    url: str | None


def working_group_url(working_group: WorkingGroup) -> str:
    """The working group's page (the working-groups part), else its deliverables board."""
    slug = working_group.ecosystem.slug
    try:
        return reverse("collaboration:wg_detail",
                       kwargs={"ecosystem": slug, "slug": working_group.slug})
    except NoReverseMatch:
        return reverse("collaboration:deliverable_group_board",
                       kwargs={"ecosystem": slug, "working_group": working_group.slug})


def trail_of(deliverable: Deliverable, viewer: Any = None) -> list[TrailStep]:
    """Where the deliverable comes from: challenge → idea (or cluster) → initiative →
    working group → deliverable, each step that exists.

    Steps link to their pages. A challenge the viewer may not see (one of another,
    members-only ecosystem) is left out together with its idea and initiative, so the trail
    never reveals what the viewer may not read.
    """
    from zwerm.ideation.selectors import visible_challenge

    steps: list[TrailStep] = []
    group = deliverable.working_group
    initiative = group.initiative if group is not None else None
    if initiative is not None:
        challenge = initiative.challenge
        if visible_challenge(viewer=viewer, slug=challenge.slug) is not None:
            steps.append(TrailStep("challenge", challenge.question,
                                   reverse("ideation:challenge", kwargs={"slug": challenge.slug})))
            if initiative.idea is not None:
                steps.append(TrailStep("idea", initiative.idea.title, reverse(
                    "ideation:idea", kwargs={"slug": challenge.slug,
                                             "idea": initiative.idea.uuid})))
            elif initiative.cluster is not None:
                steps.append(TrailStep("cluster", initiative.cluster.name, reverse(
                    "ideation:clusters", kwargs={"slug": challenge.slug})))
            steps.append(TrailStep("initiative", initiative.title, reverse(
                "ideation:initiatives", kwargs={"slug": challenge.slug})
                + f"#initiative-{initiative.uuid}"))
    if group is not None:
        group.ecosystem = deliverable.ecosystem
        steps.append(TrailStep("working_group", group.name, working_group_url(group)))
    steps.append(TrailStep("deliverable", deliverable.title, None))
    return steps
