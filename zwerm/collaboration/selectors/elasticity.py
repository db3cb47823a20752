"""Read side of elasticity: what an organisation still holds, who could take it over, the
hand-over requests waiting, and the welcome page of a new member.

Every list is shaped for its page or endpoint in a fixed number of queries, whatever the
number of rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db.models import (
    Count,
    DecimalField,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from zwerm.collaboration.models import (
    Commitment,
    Decision,
    HandOver,
    WorkingGroup,
    WorkingGroupMember,
    WorkingGroupRole,
)
from zwerm.collaboration.models.types import QUANTITY_PLACES
from zwerm.collaboration.permissions.working_groups import current_roles
from zwerm.collaboration.selectors.decisions import recent_decisions
from zwerm.core.privacy import visible_name_ids
from zwerm.ecosystems.models import Ecosystem, Membership, MembershipEvent
from zwerm.organisations.models import Organisation

#: An organisation joined "recently" for this many days: the welcome panel points there.
NEW_MEMBER_DAYS = 60


def amount(value: Any) -> str:
    """A quantity as the ledger writes it (fixed decimal places), whatever the database's sum
    returned."""
    return str(Decimal(value or 0).quantize(Decimal(1).scaleb(-QUANTITY_PLACES)))


def _pending_prefetch() -> Prefetch:
    return Prefetch(
        "hand_overs",
        queryset=HandOver.objects.filter(state=HandOver.State.PENDING).select_related(
            "to_organisation", "to_person"),
        to_attr="pending_hand_overs",
    )


def open_commitments(*, ecosystem: Ecosystem, organisation: Any) -> QuerySet[Commitment]:
    """The organisation's open commitments here, with what was delivered so far and any
    pending hand-over (``pending_hand_overs``)."""
    zero = Value(Decimal("0"), output_field=DecimalField())
    return (
        Commitment.objects.filter(ecosystem=ecosystem, organisation=organisation,
                                  state=Commitment.State.OPEN)
        .select_related("deliverable", "working_group", "initiative")
        .annotate(delivered=Coalesce(Sum("contributions__quantity"), zero))
        .prefetch_related(_pending_prefetch())
        .order_by("due_on", "id")
    )


def held_roles(*, ecosystem: Ecosystem, organisation: Any) -> QuerySet[WorkingGroupRole]:
    """Working-group roles its people hold for it in this ecosystem's groups, now."""
    return (
        current_roles(ecosystem=ecosystem, organisation=organisation, acting=False)
        .select_related("working_group", "person")
        .prefetch_related(_pending_prefetch())
        .order_by("working_group__name", "name")
    )


def receiving_organisations(*, ecosystem: Ecosystem, exclude: Any = None
                            ) -> QuerySet[Organisation]:
    """Active member organisations (not observers, not paused) that could take over."""
    queryset = Organisation.objects.filter(
        ecosystem_memberships__ecosystem=ecosystem,
        ecosystem_memberships__kind=Membership.Kind.MEMBER,
        ecosystem_memberships__state=Membership.State.ACTIVE,
        merged_into__isnull=True,
    ).order_by("name")
    if exclude is not None:
        queryset = queryset.exclude(pk=exclude.pk)
    return queryset


def role_candidates(*, roles: list[WorkingGroupRole]) -> dict[int, list[WorkingGroupMember]]:
    """For each role: active members of its group from other, active member organisations
    (one query for all roles)."""
    if not roles:
        return {}
    ecosystem_id = roles[0].working_group.ecosystem_id
    active = Membership.objects.filter(
        ecosystem_id=ecosystem_id, kind=Membership.Kind.MEMBER, state=Membership.State.ACTIVE,
    ).values("organisation_id")
    members = list(
        WorkingGroupMember.objects.filter(
            working_group_id__in={role.working_group_id for role in roles},
            state=WorkingGroupMember.State.ACTIVE, organisation_id__in=active,
        ).select_related("person", "organisation").order_by("person__name", "id")
    )
    return {
        role.pk: [m for m in members if m.working_group_id == role.working_group_id
                  and m.organisation_id != role.organisation_id]
        for role in roles
    }


def pending_requests(*, ecosystem: Ecosystem, organisation: Any, person: Any = None
                     ) -> QuerySet[HandOver]:
    """Hand-over requests waiting for an answer from this organisation (or this person)."""
    where = Q(to_organisation=organisation) if organisation is not None else Q(pk__in=[])
    if person is not None and getattr(person, "is_authenticated", False):
        where |= Q(to_person=person)
    return (
        HandOver.objects.filter(where, ecosystem=ecosystem, state=HandOver.State.PENDING)
        .select_related("ecosystem", "from_organisation", "to_organisation", "to_person",
                        "requested_by", "commitment__deliverable",
                        "commitment__working_group", "commitment__initiative",
                        "role__working_group")
        .annotate(delivered=Sum("commitment__contributions__quantity"))
        .order_by("created_at", "id")
    )


def sent_hand_overs(*, ecosystem: Ecosystem, organisation: Any) -> QuerySet[HandOver]:
    """Everything the organisation decided about what it held here, newest first."""
    return (
        HandOver.objects.filter(ecosystem=ecosystem, from_organisation=organisation)
        .select_related("ecosystem", "from_organisation", "to_organisation", "to_person",
                        "commitment", "role__working_group")
        .order_by("-created_at", "-id")
    )


def hand_over_for(*, uuid_: Any) -> HandOver | None:
    """One hand-over by UUID (callers check who may see or answer it)."""
    return (
        HandOver.objects.filter(uuid=uuid_)
        .select_related("ecosystem", "from_organisation", "to_organisation", "to_person",
                        "commitment", "role__working_group")
        .first()
    )


def person_labels(viewer: Any, people: list[Any]) -> dict[int, str]:
    """Names the viewer may see (privacy rules), by person id; the viewer always sees their own."""
    ids = {p.pk for p in people if p is not None}
    visible = visible_name_ids(viewer, ids)
    if getattr(viewer, "is_authenticated", False):
        visible.add(viewer.pk)
    return {p.pk: str(p) for p in people if p is not None and p.pk in visible}


# Onboarding --------------------------------------------------------------------------------


@dataclass
class Welcome:
    """What a new member sees first."""

    ecosystem: Ecosystem
    organisation: Any
    membership: Membership | None
    charter: list[tuple[str, Any, str]]
    working_groups: list[WorkingGroup]
    decisions: list[Decision]
    events: list[Any]
    suggestions: list[Any]
    has_delegate: bool
    profile_complete: bool
    in_a_working_group: bool
    steps: list[tuple[str, bool]] = field(default_factory=list)


def member_organisation(*, ecosystem: Ecosystem, organisation: Any) -> Any:
    """The organisation if it is an active or paused member here (the one the welcome page
    is about), else None."""
    if organisation is None:
        return None
    is_member = Membership.objects.filter(
        ecosystem=ecosystem, organisation=organisation,
        state__in=(Membership.State.ACTIVE, Membership.State.PAUSED),
    ).exists()
    return organisation if is_member else None


def member_of(*, ecosystem: Ecosystem, organisation: Any, person: Any = None
              ) -> Membership | None:
    """The membership, with ``first_active_at`` (when it first became active) and, given a
    person, ``waiting_for_either`` (pending hand-over requests to the organisation or naming
    the person) and ``waiting_for_person`` in the same query."""
    if organisation is None:
        return None
    queryset = Membership.objects.filter(ecosystem=ecosystem, organisation=organisation)
    if person is not None:
        pending = HandOver.objects.filter(ecosystem=ecosystem, state=HandOver.State.PENDING)
        queryset = queryset.annotate(
            waiting_for_either=_count(pending.filter(Q(to_organisation=organisation)
                                                     | Q(to_person=person))),
            waiting_for_person=_count(pending.filter(to_person=person)),
        )
    return queryset.annotate(
        first_active_at=Subquery(
            MembershipEvent.objects.filter(membership=OuterRef("pk"),
                                           to_state=Membership.State.ACTIVE)
            .order_by("created_at").values("created_at")[:1]),
    ).first()


def _count(queryset: QuerySet) -> Subquery:
    return Subquery(queryset.order_by().values("ecosystem").annotate(n=Count("pk"))
                    .values("n")[:1], output_field=IntegerField())


def is_new_member(membership: Membership | None) -> bool:
    """Active members that first joined within ``NEW_MEMBER_DAYS`` (the welcome panel).

    Reads ``first_active_at`` when ``member_of`` annotated it; else the history, and only
    when the state changed recently."""
    if membership is None or membership.state != Membership.State.ACTIVE:
        return False
    cutoff = timezone.now() - timedelta(days=NEW_MEMBER_DAYS)
    if membership.state_changed_at < cutoff:
        return False
    if hasattr(membership, "first_active_at"):
        return membership.first_active_at is not None and membership.first_active_at >= cutoff
    first = membership.events.filter(to_state=Membership.State.ACTIVE).order_by(
        "created_at").values_list("created_at", flat=True).first()
    return first is not None and first >= cutoff


def waiting_from(membership: Membership, *, ecosystem: Ecosystem, actor: Any) -> int:
    """``waiting_count`` from the counts ``member_of`` annotated (a query only when requests
    wait that the actor might answer as a speaker of the organisation)."""
    from zwerm.collaboration.permissions import can_speak_for

    either, own = membership.waiting_for_either or 0, membership.waiting_for_person or 0
    if either > own and can_speak_for(actor, ecosystem, actor.organisation):
        return either
    return own


def waiting_count(*, ecosystem: Ecosystem, actor: Any) -> int:
    """How many hand-over requests wait for the actor: named in them, or speaking for the
    organisation asked (the speaker check runs only when there are any)."""
    from zwerm.collaboration.permissions import can_speak_for

    person, organisation = actor.person, actor.organisation
    rows = list(HandOver.objects.filter(
        Q(to_person=person) | Q(to_organisation=organisation), ecosystem=ecosystem,
        state=HandOver.State.PENDING).values_list("to_person_id", flat=True))
    if not rows:
        return 0
    if can_speak_for(actor, ecosystem, organisation):
        return len(rows)
    return sum(1 for to_person in rows if to_person == person.pk)


def open_working_groups(*, ecosystem: Ecosystem, limit: int = 10) -> list[WorkingGroup]:
    return list(
        WorkingGroup.objects.filter(ecosystem=ecosystem, archived_at__isnull=True)
        .annotate(member_count=Count("members", filter=Q(
            members__state=WorkingGroupMember.State.ACTIVE)))
        .order_by("name")[:limit]
    )


def welcome(*, viewer: Any, ecosystem: Ecosystem, organisation: Any) -> Welcome:
    """The welcome page: charter, goal, open groups, recent decisions, upcoming events,
    organisations to meet (the matchmaker's suggestions among the members) and first steps."""
    from zwerm.ecosystems.charter import LABELS
    from zwerm.ecosystems.models import PRINCIPLES, Role
    from zwerm.events.selectors import event_list
    from zwerm.matchmaking.selectors import suggestions_for

    membership = Membership.objects.filter(ecosystem=ecosystem,
                                           organisation=organisation).first()
    suggestions: list[Any] = []
    if organisation is not None:
        members = Membership.objects.filter(
            ecosystem=ecosystem, state__in=(Membership.State.ACTIVE, Membership.State.PAUSED),
        ).exclude(organisation=organisation).values_list("organisation_id", flat=True)
        among = list(members)
        if among:
            suggestions = suggestions_for(viewer=viewer, organisation=organisation,
                                          among=among, limit=5)
    has_delegate = organisation is not None and Role.objects.filter(
        ecosystem=ecosystem, organisation=organisation, name=Role.Name.DELEGATE,
        ended_at__isnull=True).exists()
    profile_complete = bool(organisation is not None and organisation.description
                            and organisation.entries.exists())
    in_group = organisation is not None and WorkingGroupMember.objects.filter(
        working_group__ecosystem=ecosystem, organisation=organisation,
        state=WorkingGroupMember.State.ACTIVE).exists()
    result = Welcome(
        ecosystem=ecosystem, organisation=organisation, membership=membership,
        charter=[(p, LABELS[p], ecosystem.charter_text(p)) for p in PRINCIPLES],
        working_groups=open_working_groups(ecosystem=ecosystem),
        decisions=recent_decisions(ecosystem=ecosystem, viewer=viewer, limit=5),
        events=list(event_list(viewer=viewer, ecosystem=ecosystem)[:5]),
        suggestions=suggestions, has_delegate=has_delegate,
        profile_complete=profile_complete, in_a_working_group=in_group,
    )
    result.steps = [("profile", profile_complete), ("delegate", has_delegate),
                    ("working_group", in_group)]
    return result
