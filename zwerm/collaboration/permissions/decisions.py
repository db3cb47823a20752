"""Who may table, respond to, amend and withdraw proposals, and edit decisions and settings.

Used by services, views, API and templates alike. Every function accepts an ``Actor``; the
ones about seeing also accept a bare person or ``None``.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from zwerm.collaboration.models import Decision, Proposal, WorkingGroup, WorkingGroupMember
from zwerm.collaboration.permissions import (
    _person,
    belongs_to,
    can_manage,
    can_take_part,
    can_view,
    is_active_member,
)
from zwerm.ecosystems.models import Ecosystem, Role
from zwerm.organisations.models import OrganisationMember

__all__ = [
    "can_amend", "can_edit_settings", "can_edit_statement", "can_give_position", "can_propose",
    "can_view", "can_withdraw", "is_amendable", "voter_key_for", "who_may_respond",
]


def can_propose(actor: Any, ecosystem: Ecosystem, working_group: WorkingGroup | None = None
                ) -> bool:
    """A person acting for an active member organisation; a working group must be this
    ecosystem's and not archived."""
    if not can_take_part(actor, ecosystem):
        return False
    if working_group is None:
        return True
    return working_group.ecosystem_id == ecosystem.pk and not working_group.is_archived


def _delegates(proposal: Proposal, organisation: Any) -> list[Any]:
    return [role.person for role in Role.objects.filter(
        ecosystem_id=proposal.ecosystem_id, organisation=organisation,
        name=Role.Name.DELEGATE, ended_at__isnull=True,
    ).select_related("person")]


def voter_keys_for(actor: Any, ecosystem: Ecosystem, proposals: list[Proposal]
                   ) -> dict[int, str | None]:
    """Per proposal of one ecosystem: the voter this actor may give a position for, or None.

    Organisation mode: the organisation the actor acts for, when it is asked and the actor is
    its current delegate (or one of its admins when it has no delegate). Person mode: the
    person, when they act for an active member organisation (for a working group: as an
    active member of it). A fixed number of queries, however many proposals.
    """
    keys: dict[int, str | None] = {p.pk: None for p in proposals}
    person = _person(actor)
    organisation = getattr(actor, "organisation", None)
    if (not proposals or person is None or organisation is None
            or not belongs_to(person, organisation)
            or not is_active_member(organisation, ecosystem)):
        return keys
    delegate_ids = set(Role.objects.filter(
        ecosystem=ecosystem, organisation=organisation, name=Role.Name.DELEGATE,
        ended_at__isnull=True).values_list("person_id", flat=True))
    speaks = person.pk in delegate_ids if delegate_ids else OrganisationMember.objects.filter(
        person=person, organisation=organisation, left_at__isnull=True,
        role=OrganisationMember.Role.ADMIN).exists()
    rows = WorkingGroupMember.objects.filter(
        working_group__ecosystem=ecosystem, state=WorkingGroupMember.State.ACTIVE,
        organisation=organisation).values_list("working_group_id", "person_id")
    organisation_groups = {group for group, _who in rows}
    person_groups = {group for group, who in rows if who == person.pk}
    for proposal in proposals:
        group = proposal.working_group_id
        if proposal.decision_mode == "organisation":
            if speaks and (group is None or group in organisation_groups):
                keys[proposal.pk] = f"org:{organisation.uuid}"
        elif group is None or group in person_groups:
            keys[proposal.pk] = f"person:{person.uuid}"
    return keys


def voter_key_for(actor: Any, proposal: Proposal) -> str | None:
    """The voter this actor may give a position for on this proposal, or None."""
    return voter_keys_for(actor, proposal.ecosystem, [proposal])[proposal.pk]


def who_may_respond(actor: Any, proposal: Proposal) -> str:
    """A full sentence saying who may give a position, for the refusal message."""
    organisation = getattr(actor, "organisation", None)
    group = proposal.working_group
    if organisation is not None and not is_active_member(organisation, proposal.ecosystem):
        return _("%(organisation)s is not an active member of this ecosystem, so it is not "
                 "asked.") % {"organisation": organisation.name}
    if proposal.decision_mode == "organisation":
        if organisation is not None and group is not None and not WorkingGroupMember.objects.filter(
                working_group=group, organisation=organisation,
                state=WorkingGroupMember.State.ACTIVE).exists():
            return _("Only organisations with an active member in the working group %(group)s "
                     "are asked.") % {"group": group.name}
        if organisation is not None:
            delegates = _delegates(proposal, organisation)
            if delegates:
                return _("Organisations give their position through their delegate: for "
                         "%(organisation)s that is %(names)s.") % {
                    "organisation": organisation.name,
                    "names": ", ".join(str(d) for d in delegates)}
            return _("Organisations give their position through their delegate; "
                     "%(organisation)s has none, so one of its admins responds.") % {
                "organisation": organisation.name}
        return _("Organisations give their position through their delegate.")
    if group is not None:
        return _("Every active member of the working group %(group)s responds, acting for "
                 "an active member organisation.") % {"group": group.name}
    return _("Every person of an active member organisation responds, acting for it.")


def can_give_position(actor: Any, proposal: Proposal) -> bool:
    return proposal.state == Proposal.State.OPEN and voter_key_for(actor, proposal) is not None


def is_proposer(actor: Any, proposal: Proposal) -> bool:
    person = _person(actor)
    return person is not None and proposal.proposer_id == person.pk


def _last_not_adopted(proposal: Proposal) -> bool:
    decisions = list(proposal.decisions.all())
    latest = max(decisions, key=lambda d: d.version, default=None)
    return latest is not None and latest.outcome == Decision.Outcome.NOT_ADOPTED


def can_amend(actor: Any, proposal: Proposal) -> bool:
    """The proposer, while the proposal is open, or after it was not adopted (amend and
    reopen), as long as they still act for an organisation that may table proposals."""
    return (is_proposer(actor, proposal) and is_amendable(proposal)
            and can_take_part(actor, proposal.ecosystem))


def is_amendable(proposal: Proposal) -> bool:
    """Open, or closed as a consent proposal that was not adopted (amend and reopen)."""
    if proposal.state == Proposal.State.OPEN:
        return True
    return (proposal.state == Proposal.State.CLOSED and proposal.kind == Proposal.Kind.CONSENT
            and _last_not_adopted(proposal))


def can_withdraw(actor: Any, proposal: Proposal) -> bool:
    """The proposer or a facilitator, while the proposal is open."""
    if proposal.state != Proposal.State.OPEN:
        return False
    return is_proposer(actor, proposal) or can_manage(actor, proposal.ecosystem)


def can_edit_statement(actor: Any, decision: Decision) -> bool:
    """The proposer or a facilitator may rewrite or complete the outcome statement."""
    return is_proposer(actor, decision.proposal) or can_manage(actor, decision.ecosystem)


def can_edit_settings(actor: Any, ecosystem: Ecosystem) -> bool:
    """Only facilitators (and operators) set the ecosystem's collaboration agreements."""
    return can_manage(actor, ecosystem)
