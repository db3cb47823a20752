"""Who may see the ledger and commitments, commit, record, correct and acknowledge.

Seeing follows the ecosystem. Committing needs an active member organisation; recording a
contribution also an organisation that paused (it may still give). People of the committed
organisation change a commitment; only its admins and delegate release it (as for
hand-overs). Only the giving side edits a contribution, and only until the receiving side
acknowledged; only the receiving side acknowledges.
"""

from __future__ import annotations

from typing import Any

from zwerm.collaboration.models import Commitment, Contribution, WorkingGroupRole
from zwerm.collaboration.permissions import (
    _person,
    belongs_to,
    can_speak_for,
    can_take_part,
    can_view,
)
from zwerm.collaboration.permissions.elasticity import is_settling_member
from zwerm.core.actor import Actor
from zwerm.ecosystems.models import Ecosystem, Membership

GIVING_STATES = (Membership.State.ACTIVE, Membership.State.PAUSED)


def can_view_ledger(who: Any, ecosystem: Ecosystem) -> bool:
    """The ledger and commitments are as visible as the ecosystem (members-only stays so)."""
    return can_view(who, ecosystem)


def can_commit(actor: Any, ecosystem: Ecosystem) -> bool:
    """A person acting for an active member organisation commits it."""
    return can_take_part(actor, ecosystem)


def can_edit_commitment(who: Any, commitment: Commitment) -> bool:
    """People of the committed organisation change an open commitment."""
    return commitment.state == Commitment.State.OPEN and belongs_to(who, commitment.organisation)


def can_release(who: Any, commitment: Commitment) -> bool:
    """The people who speak for the committed organisation — its admins and its delegate
    in the ecosystem — release an open commitment, as they decide on hand-overs: while the
    organisation is an active or paused member and, given an ``Actor``, only acting for
    that organisation. Other people of the organisation change it but do not release it."""
    if commitment.state != Commitment.State.OPEN:
        return False
    if isinstance(who, Actor) and getattr(who.organisation, "pk", None) != (
        commitment.organisation_id
    ):
        return False
    return is_settling_member(commitment.organisation, commitment.ecosystem) and can_speak_for(
        who, commitment.ecosystem, commitment.organisation)


def may_give(organisation: Any, ecosystem: Ecosystem) -> bool:
    """Active and paused member organisations may record what they gave."""
    if organisation is None:
        return False
    return Membership.objects.filter(
        ecosystem=ecosystem, organisation=organisation, kind=Membership.Kind.MEMBER,
        state__in=GIVING_STATES,
    ).exists()


def can_record_contribution(actor: Any, ecosystem: Ecosystem) -> bool:
    organisation = getattr(actor, "organisation", None)
    return belongs_to(actor, organisation) and may_give(organisation, ecosystem)


def can_correct(who: Any, contribution: Contribution) -> bool:
    """The giving side corrects an entry until it is acknowledged; then it is final."""
    return not contribution.is_acknowledged and belongs_to(
        who, contribution.giver_organisation
    )


def receiving_organisations(contribution: Contribution) -> list[Any]:
    """Who acknowledges: the receiving organisation; else the deliverable's owner; else the
    working group's (or the deliverable's group's) lead and secretary
    organisations — never the giving organisation. A
    level that names only the giver passes on to the next."""
    giver_id = contribution.giver_organisation_id
    levels: list[list[Any]] = []
    if contribution.recipient_id:
        levels.append([contribution.recipient])
    if contribution.deliverable_id:
        levels.append([contribution.deliverable.owner])
    group_id = contribution.working_group_id or (
        contribution.deliverable.working_group_id if contribution.deliverable_id else None)
    if group_id:
        roles = WorkingGroupRole.objects.filter(
            working_group_id=group_id, ended_at__isnull=True
        ).select_related("organisation")
        levels.append([role.organisation for role in roles])
    for level in levels:
        found = {o.pk: o for o in level if o is not None and o.pk != giver_id}
        if found:
            return list(found.values())
    return []


def acknowledging_organisation(who: Any, contribution: Contribution,
                               preferred: Any = None) -> Any:
    """The receiving organisation the person acknowledges for (the one they act for first)."""
    if _person(who) is None:
        return None
    candidates = receiving_organisations(contribution)
    if preferred is not None:
        candidates.sort(key=lambda o: o.pk != preferred.pk)
    ecosystem = contribution.ecosystem
    for organisation in candidates:
        if belongs_to(who, organisation) or can_speak_for(who, ecosystem, organisation):
            return organisation
    return None


def can_acknowledge(who: Any, contribution: Contribution) -> bool:
    """People of the receiving side, once; never the person who gave it nor anyone of the
    giving organisation (two sides means two different parties)."""
    if contribution.is_acknowledged or _person(who) is None:
        return False
    if contribution.giver_id == _person(who).pk or belongs_to(
        who, contribution.giver_organisation
    ):
        return False
    return acknowledging_organisation(
        who, contribution, getattr(who, "organisation", None)
    ) is not None
