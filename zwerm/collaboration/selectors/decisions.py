"""Read queries of proposals and decisions, filtered to what the viewer may see.

Who is asked (the eligible voters) is also read here, so the services, the pages and the
periodic job agree on it. Other parts use ``recent_decisions``, ``open_proposals`` and
``awaiting_position``.
"""

from __future__ import annotations

import uuid as uuid_module
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)

from zwerm.collaboration.models import (
    Decision,
    Position,
    Proposal,
    ProposalVersion,
    WorkingGroup,
    WorkingGroupMember,
)
from zwerm.ecosystems.models import Ecosystem, Membership, Role
from zwerm.ecosystems.selectors import visible_ecosystems_q
from zwerm.organisations.models import Organisation, OrganisationMember

ORGANISATION = "organisation"
PERSON = "person"


def org_key(organisation: Any) -> str:
    return f"org:{organisation.uuid}"


def person_key(person: Any) -> str:
    return f"person:{person.uuid}"


@dataclass(frozen=True)
class Voter:
    """One voter asked by a proposal: an organisation (through its delegate) or a person."""

    key: str
    label: str
    organisation: Organisation | None = None
    person: Any = None
    people: tuple = ()  # who may give this voter's position (and is notified)


def _active_member_ids(ecosystem_id: int) -> QuerySet:
    return Membership.objects.filter(
        ecosystem_id=ecosystem_id, kind=Membership.Kind.MEMBER, state=Membership.State.ACTIVE,
    ).values("organisation_id")


def _asked_organisations(ecosystem_id: int, working_group_id: int | None) -> QuerySet:
    organisations = Organisation.objects.filter(id__in=_active_member_ids(ecosystem_id))
    if working_group_id is not None:
        organisations = organisations.filter(
            working_group_memberships__working_group_id=working_group_id,
            working_group_memberships__state=WorkingGroupMember.State.ACTIVE,
        ).distinct()
    return organisations.order_by("name")


def _speakers(ecosystem_id: int, organisation_ids: list[int]) -> dict[int, list[Any]]:
    """Per organisation: its current delegate, or its admins when it has no delegate."""
    delegates: dict[int, list[Any]] = {}
    for role in Role.objects.filter(
        ecosystem_id=ecosystem_id, organisation_id__in=organisation_ids,
        name=Role.Name.DELEGATE, ended_at__isnull=True,
    ).select_related("person"):
        delegates.setdefault(role.organisation_id, []).append(role.person)
    admins: dict[int, list[Any]] = {}
    for member in OrganisationMember.objects.filter(
        organisation_id__in=organisation_ids, left_at__isnull=True,
        role=OrganisationMember.Role.ADMIN, person__is_active=True,
    ).select_related("person"):
        admins.setdefault(member.organisation_id, []).append(member.person)
    return {oid: delegates.get(oid) or admins.get(oid, []) for oid in organisation_ids}


def eligible_voters(*, ecosystem: Ecosystem, working_group: WorkingGroup | None,
                    mode: str) -> dict[str, Voter]:
    """Who is asked, keyed by voter key, in a fixed number of queries.

    Organisation mode: the active member organisations (for a working group: those with an
    active member in it), each speaking through its delegate, or its admins when it has none.
    Person mode: the people of the active member organisations (for a working group: its
    active members whose organisation is an active member).
    """
    group_id = working_group.pk if working_group is not None else None
    if mode == ORGANISATION:
        organisations = list(_asked_organisations(ecosystem.pk, group_id))
        speakers = _speakers(ecosystem.pk, [o.pk for o in organisations])
        return {
            org_key(o): Voter(key=org_key(o), label=o.name, organisation=o,
                              people=tuple(speakers[o.pk]))
            for o in organisations
        }
    if group_id is not None:
        rows = WorkingGroupMember.objects.filter(
            working_group_id=group_id, state=WorkingGroupMember.State.ACTIVE,
            organisation_id__in=_active_member_ids(ecosystem.pk), person__is_active=True,
        )
    else:
        rows = OrganisationMember.objects.filter(
            organisation_id__in=_active_member_ids(ecosystem.pk), left_at__isnull=True,
            person__is_active=True,
        )
    voters: dict[str, Voter] = {}
    for row in rows.select_related("person", "organisation").order_by("person__name", "id"):
        key = person_key(row.person)
        if key not in voters:
            voters[key] = Voter(key=key, label=str(row.person), organisation=row.organisation,
                                person=row.person, people=(row.person,))
    return voters


def proposal_voters(proposal: Proposal) -> dict[str, Voter]:
    return eligible_voters(ecosystem=proposal.ecosystem, working_group=proposal.working_group,
                           mode=proposal.decision_mode)


def current_positions(*, proposal: Proposal) -> list[Position]:
    """The positions that count now: the current version's, not superseded."""
    return list(
        proposal.positions.filter(version=proposal.version, superseded_at__isnull=True)
        .select_related("person", "organisation", "option")
        .order_by("created_at", "id")
    )


# Visibility ---------------------------------------------------------------------------------


def visible_proposals_q(viewer: Any) -> Q:
    ecosystem_q = visible_ecosystems_q(viewer)
    if not ecosystem_q:
        return Q()
    return Q(ecosystem__in=Ecosystem.objects.filter(ecosystem_q).values("id"))


def _uuid(value: Any) -> uuid_module.UUID | None:
    try:
        return uuid_module.UUID(str(value))
    except ValueError:
        return None


def proposal_list(*, ecosystem: Ecosystem, viewer: Any, state: str = "",
                  working_group: WorkingGroup | None = None) -> QuerySet[Proposal]:
    """An ecosystem's proposals, open ones first (soonest deadline first), then the rest."""
    queryset = Proposal.objects.filter(visible_proposals_q(viewer), ecosystem=ecosystem)
    if state:
        queryset = queryset.filter(state=state)
    if working_group is not None:
        queryset = queryset.filter(working_group=working_group)
    return (
        queryset.select_related("ecosystem", "working_group", "proposer",
                                "proposer_organisation")
        .annotate(is_open=Case(When(state=Proposal.State.OPEN, then=Value(1)), default=Value(0),
                               output_field=IntegerField()))
        .order_by("-is_open", "deadline", "-id")
    )


def proposal_detail(*, viewer: Any, uuid: Any) -> Proposal | None:
    """One proposal with its versions, options, positions (all versions) and decisions."""
    proposal_uuid = _uuid(uuid)
    if proposal_uuid is None:
        return None
    return (
        Proposal.objects.filter(visible_proposals_q(viewer), uuid=proposal_uuid)
        .select_related("ecosystem", "working_group", "proposer", "proposer_organisation")
        .prefetch_related(
            Prefetch("versions", queryset=ProposalVersion.objects.select_related("created_by")
                     .order_by("number")),
            "options",
            Prefetch("positions", queryset=Position.objects.select_related(
                "person", "organisation", "option").order_by("version", "created_at", "id")),
            Prefetch("decisions", queryset=Decision.objects.order_by("version")),
        )
        .first()
    )


def open_proposals(*, ecosystem: Ecosystem, viewer: Any) -> QuerySet[Proposal]:
    """The ecosystem's open proposals the viewer may see, soonest deadline first."""
    return (
        Proposal.objects.filter(visible_proposals_q(viewer), ecosystem=ecosystem,
                                state=Proposal.State.OPEN)
        .select_related("working_group", "proposer_organisation")
        .order_by("deadline", "id")
    )


def awaiting_position(*, actor: Any, ecosystem: Ecosystem,
                      proposals: list[Proposal] | None = None) -> list[Proposal]:
    """Open proposals in which the actor may respond and their voter has not yet responded.

    Pass ``proposals`` (open ones of this ecosystem) to reuse a list already loaded.
    """
    from zwerm.collaboration.permissions.decisions import voter_keys_for

    if getattr(actor, "person", None) is None or not actor.person.is_authenticated:
        return []
    if proposals is None:
        proposals = list(open_proposals(ecosystem=ecosystem, viewer=actor.person))
    proposals = [p for p in proposals if p.state == Proposal.State.OPEN]
    keys = voter_keys_for(actor, ecosystem, proposals)
    wanted = {key for key in keys.values() if key}
    if not wanted:
        return []
    answered = set(Position.objects.filter(
        proposal__in=[p.pk for p in proposals], voter_key__in=wanted,
        superseded_at__isnull=True,
    ).values_list("proposal_id", "version", "voter_key"))
    return [p for p in proposals
            if keys[p.pk] and (p.pk, p.version, keys[p.pk]) not in answered]


def recent_decisions(*, ecosystem: Ecosystem, viewer: Any, limit: int = 3) -> list[Decision]:
    """The ecosystem's latest decisions the viewer may see."""
    return list(
        decision_register(ecosystem=ecosystem, viewer=viewer)[:limit]
    )


def decision_register(
    *, ecosystem: Ecosystem, viewer: Any, query: str = "", outcome: str = "",
    working_group: str = "", year: int | None = None,
) -> QuerySet[Decision]:
    """The searchable decision register: by title, text and statement; filters on outcome,
    working group (slug or UUID) and year; newest first."""
    queryset = Decision.objects.filter(ecosystem=ecosystem,
                                       proposal__in=Proposal.objects.filter(
                                           visible_proposals_q(viewer)).values("id"))
    if query:
        text = Q(statement__icontains=query) | Q(proposal__title__icontains=query) | Q(
            proposal__body__icontains=query)
        text |= Exists(ProposalVersion.objects.filter(
            Q(title__icontains=query) | Q(body__icontains=query),
            proposal_id=OuterRef("proposal_id")))
        queryset = queryset.filter(text)
    if outcome:
        queryset = queryset.filter(outcome=outcome)
    if working_group:
        group_uuid = _uuid(working_group)
        queryset = queryset.filter(
            Q(proposal__working_group__uuid=group_uuid) if group_uuid
            else Q(proposal__working_group__slug=working_group))
    if year:
        queryset = queryset.filter(decided_at__year=year)
    return queryset.select_related(
        "proposal", "proposal__working_group", "proposal__proposer_organisation", "ecosystem",
    ).order_by("-number")


def decision_detail(*, ecosystem: Ecosystem, viewer: Any, number: int) -> Decision | None:
    return (
        decision_register(ecosystem=ecosystem, viewer=viewer).filter(number=number).first()
    )


def decision_by_uuid(*, viewer: Any, uuid: Any) -> Decision | None:
    decision_uuid = _uuid(uuid)
    if decision_uuid is None:
        return None
    return (
        Decision.objects.filter(uuid=decision_uuid, proposal__in=Proposal.objects.filter(
            visible_proposals_q(viewer)).values("id"))
        .select_related("proposal", "proposal__working_group", "ecosystem",
                        "proposal__proposer_organisation", "proposal__proposer")
        .first()
    )


def decision_years(*, ecosystem: Ecosystem) -> list[int]:
    return sorted({d.year for d in Decision.objects.filter(ecosystem=ecosystem)
                   .dates("decided_at", "year")}, reverse=True)


def working_group_proposals(*, working_group: WorkingGroup, viewer: Any) -> dict[str, list]:
    """For the working-group page: its open proposals and its latest decisions."""
    visible = Proposal.objects.filter(visible_proposals_q(viewer), working_group=working_group)
    return {
        "open": list(visible.filter(state=Proposal.State.OPEN).order_by("deadline")[:10]),
        "decisions": list(
            Decision.objects.filter(proposal__in=visible.values("id"))
            .select_related("proposal").order_by("-number")[:5]
        ),
    }


def person_proposals_and_positions(*, person: Any) -> dict[str, QuerySet]:
    """Everything this part stores about one person (for the privacy export)."""
    return {
        "proposals": Proposal.objects.filter(proposer=person).select_related("ecosystem"),
        "positions": Position.objects.filter(person=person).select_related(
            "proposal", "organisation", "option"),
    }
