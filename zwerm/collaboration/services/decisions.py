"""Writes of proposals and positions: tabling, amending, withdrawing, responding.

Deciding (applying the consent rule and recording the decision) lives in
``decisions_outcome``; giving a position calls it, so a proposal that everyone answered is
decided at once.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.collaboration.models import PollOption, Position, Proposal, ProposalVersion, WorkingGroup
from zwerm.collaboration.permissions import decisions as rules
from zwerm.collaboration.selectors.decisions import proposal_voters
from zwerm.collaboration.selectors.settings import settings_for
from zwerm.collaboration.services.common import clean_text, require_person, require_view
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.notifications import notify
from zwerm.ecosystems.models import Ecosystem

MIN_AHEAD = timedelta(hours=1)
MAX_AHEAD = timedelta(days=90)
MIN_OPTIONS, MAX_OPTIONS = 2, 10


def proposal_url(proposal: Proposal) -> str:
    return reverse("collaboration:proposal_detail",
                   kwargs={"ecosystem": proposal.ecosystem.slug, "proposal": proposal.uuid})


def clean_deadline(deadline: datetime | None, *, now: datetime) -> datetime:
    """Between one hour and 90 days ahead, as an aware datetime."""
    if deadline is None:
        raise ValidationFailed(_("Please fill in the deadline."), field="deadline")
    if timezone.is_naive(deadline):
        deadline = timezone.make_aware(deadline)
    if deadline < now + MIN_AHEAD:
        raise ValidationFailed(_("The deadline must be at least one hour from now."),
                               field="deadline")
    if deadline > now + MAX_AHEAD:
        raise ValidationFailed(_("The deadline may be at most 90 days from now."),
                               field="deadline")
    return deadline


def _clean_options(kind: str, options: list[str] | None) -> list[str]:
    labels = [(label or "").strip() for label in (options or [])]
    labels = [label for label in labels if label]
    if kind == Proposal.Kind.CONSENT:
        if labels:
            raise ValidationFailed(_("Only a poll has options."), field="options")
        return []
    if not MIN_OPTIONS <= len(labels) <= MAX_OPTIONS:
        raise ValidationFailed(_("A poll has from 2 to 10 options."), field="options")
    if len({label.casefold() for label in labels}) != len(labels):
        raise ValidationFailed(_("Each option of a poll must be different."), field="options")
    if any(len(label) > 200 for label in labels):
        raise ValidationFailed(_("An option may be at most 200 characters long."),
                               field="options")
    return labels


def _require_view(actor: Actor, ecosystem: Ecosystem) -> None:
    require_view(actor, ecosystem,
                 message=_("This proposal does not exist or is not visible to you."))


def _notify_asked(proposal: Proposal, activity: Any) -> None:
    people = {p for voter in proposal_voters(proposal).values() for p in voter.people}
    notify(recipients=people, kind="collaboration.proposals", activity=activity,
           url=proposal_url(proposal))


def _lock(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update(of=("self",)).select_related(
        "ecosystem", "working_group", "proposer_organisation").get(pk=proposal.pk)


@transaction.atomic
def proposal_open(
    *, actor: Actor, ecosystem: Ecosystem, title: str, body: str, deadline: datetime | None,
    kind: str = Proposal.Kind.CONSENT, working_group: WorkingGroup | None = None,
    options: list[str] | None = None,
) -> Proposal:
    """A member tables a proposal (or a poll) to the ecosystem or one of its working groups.

    The decision mode and quorum are copied from the settings now, so a later change of the
    settings does not change the rule of a proposal under way.
    """
    require_person(actor)
    _require_view(actor, ecosystem)
    if not rules.can_take_part(actor, ecosystem):
        raise NotAllowed(_("Only people acting for an active member organisation table "
                           "proposals."), code="not_member")
    if working_group is not None and (working_group.ecosystem_id != ecosystem.pk):
        raise ValidationFailed(_("Choose a working group of this ecosystem."),
                               field="working_group")
    if working_group is not None and working_group.is_archived:
        raise ValidationFailed(_("This working group is archived; it takes no new proposals."),
                               field="working_group")
    if kind not in Proposal.Kind.values:
        raise ValidationFailed(_("Choose a consent proposal or a poll."), field="kind")
    now = timezone.now()
    title = clean_text(title, field="title", label=_("title"), required=True, max_length=200)
    body = clean_text(body, field="body", label=_("proposal text"), required=True,
                      max_length=20000)
    deadline = clean_deadline(deadline, now=now)
    labels = _clean_options(kind, options)
    found = settings_for(ecosystem)
    proposal = Proposal.objects.create(
        ecosystem=ecosystem, working_group=working_group, kind=kind, title=title, body=body,
        proposer=actor.person, proposer_organisation=actor.organisation, deadline=deadline,
        decision_mode=found.decision_mode, quorum_percent=found.quorum_percent,
    )
    ProposalVersion.objects.create(proposal=proposal, number=1, title=title, body=body,
                                   deadline=deadline, created_by=actor.person)
    PollOption.objects.bulk_create(
        [PollOption(proposal=proposal, label=label, position=index)
         for index, label in enumerate(labels)])
    activity = record(
        verb="collaboration.proposal.opened", actor=actor, subject=proposal, ecosystem=ecosystem,
        payload={"kind": kind, "version": 1, "deadline": deadline.isoformat(),
                 "decision_mode": proposal.decision_mode,
                 "quorum_percent": proposal.quorum_percent,
                 "working_group": str(working_group.uuid) if working_group else None},
    )
    _notify_asked(proposal, activity)
    return proposal


@transaction.atomic
def proposal_amend(
    *, actor: Actor, proposal: Proposal, title: str, body: str, reason: str,
    deadline: datetime | None,
) -> Proposal:
    """The proposer amends the text: a new version, every position is asked again.

    Also reopens a proposal that was not adopted ("amend and reopen").
    """
    require_person(actor)
    proposal = _lock(proposal)
    _require_view(actor, proposal.ecosystem)
    if not rules.can_amend(actor, proposal):
        if not rules.is_proposer(actor, proposal):
            raise NotAllowed(_("Only the proposer amends a proposal."), code="not_proposer")
        if not rules.is_amendable(proposal):
            raise Conflict(_("This proposal can be amended only while it is open or after it "
                             "was not adopted."), code="not_amendable")
        if proposal.state == Proposal.State.OPEN:
            raise NotAllowed(_("Only people acting for an active member organisation amend "
                               "proposals."), code="not_member")
        raise NotAllowed(_("Only people acting for an active member organisation reopen "
                           "proposals."), code="not_member")
    reopening = proposal.state != Proposal.State.OPEN
    if reopening and proposal.working_group is not None and proposal.working_group.is_archived:
        raise Conflict(_("The working group is archived; the proposal cannot be reopened."),
                       code="archived")
    now = timezone.now()
    title = clean_text(title, field="title", label=_("title"), required=True, max_length=200)
    body = clean_text(body, field="body", label=_("proposal text"), required=True,
                      max_length=20000)
    reason = clean_text(reason, field="reason", label=_("reason for the amendment"),
                        required=True, max_length=2000)
    deadline = clean_deadline(deadline, now=now)
    proposal.version += 1
    ProposalVersion.objects.create(proposal=proposal, number=proposal.version, title=title,
                                   body=body, reason=reason, deadline=deadline,
                                   created_by=actor.person)
    proposal.title, proposal.body, proposal.deadline = title, body, deadline
    proposal.state, proposal.closed_at = Proposal.State.OPEN, None
    proposal.save(update_fields=["version", "title", "body", "deadline", "state", "closed_at",
                                 "updated_at"])
    activity = record(
        verb="collaboration.proposal.amended", actor=actor, subject=proposal,
        ecosystem=proposal.ecosystem,
        payload={"version": proposal.version, "deadline": deadline.isoformat(),
                 "reopened": reopening},
    )
    _notify_asked(proposal, activity)
    return proposal


@transaction.atomic
def proposal_withdraw(*, actor: Actor, proposal: Proposal, reason: str = "") -> Proposal:
    """The proposer (or a facilitator) withdraws an open proposal; nothing is decided."""
    require_person(actor)
    proposal = _lock(proposal)
    _require_view(actor, proposal.ecosystem)
    if proposal.state != Proposal.State.OPEN:
        raise Conflict(_("Only an open proposal can be withdrawn."), code="not_open")
    if not rules.can_withdraw(actor, proposal):
        raise NotAllowed(_("Only the proposer or a facilitator withdraws a proposal."))
    reason = clean_text(reason, field="reason", label=_("reason"), required=False,
                        max_length=2000)
    proposal.state, proposal.closed_at = Proposal.State.WITHDRAWN, timezone.now()
    proposal.save(update_fields=["state", "closed_at", "updated_at"])
    record(verb="collaboration.proposal.withdrawn", actor=actor, subject=proposal,
           ecosystem=proposal.ecosystem, payload={"version": proposal.version,
                                                  "reason": reason})
    return proposal


def _clean_position(proposal: Proposal, stance: str, option: Any, reason: str
                    ) -> tuple[str, PollOption | None, str]:
    reason = clean_text(reason, field="reason", label=_("reason"), required=False,
                        max_length=5000)
    if proposal.kind == Proposal.Kind.POLL:
        if stance:
            raise ValidationFailed(_("In a poll you choose an option."), field="option")
        wanted = str(getattr(option, "uuid", option)) if option is not None else None
        chosen = next((o for o in proposal.options.all() if str(o.uuid) == wanted), None)
        if chosen is None:
            raise ValidationFailed(_("Choose one of the poll's options."), field="option")
        return "", chosen, reason
    if option is not None:
        raise ValidationFailed(_("A consent proposal has no options; give a position."),
                               field="stance")
    if stance not in Position.Stance.values:
        raise ValidationFailed(_("Choose consent, abstain, concern or objection."),
                               field="stance")
    if stance == Position.Stance.OBJECTION and not reason:
        raise ValidationFailed(_("An objection needs a reason: say what would make the "
                                 "proposal safe enough to try."), field="reason")
    return stance, None, reason


@transaction.atomic
def position_give(
    *, actor: Actor, proposal: Proposal, stance: str = "", option: Any = None, reason: str = "",
) -> Position:
    """Give (or change) one's position on the current version; the earlier row is kept as
    superseded. When everyone asked has responded, the proposal is decided at once."""
    from zwerm.collaboration.services.decisions_outcome import proposal_decide_if_due

    require_person(actor)
    proposal = _lock(proposal)
    _require_view(actor, proposal.ecosystem)
    now = timezone.now()
    if proposal.state != Proposal.State.OPEN:
        raise Conflict(_("This proposal is no longer open for positions."), code="not_open")
    if now >= proposal.deadline:
        raise Conflict(_("The deadline has passed; the outcome is being recorded."),
                       code="deadline_passed")
    key = rules.voter_key_for(actor, proposal)
    if key is None:
        raise NotAllowed(
            _("You cannot give a position on this proposal. %(who)s")
            % {"who": rules.who_may_respond(actor, proposal)}, code="not_voter")
    stance, chosen, reason = _clean_position(proposal, stance, option, reason)
    earlier = proposal.positions.select_for_update(of=("self",)).filter(
        version=proposal.version, voter_key=key, superseded_at__isnull=True).first()
    if earlier is not None and (earlier.stance, earlier.option_id, earlier.reason) == (
            stance, chosen.pk if chosen else None, reason):
        return earlier
    if earlier is not None:
        earlier.superseded_at = now
        fields = ["superseded_at", "updated_at"]
        if earlier.stance == Position.Stance.OBJECTION and stance != Position.Stance.OBJECTION:
            earlier.objection_resolved_at = now
            fields.append("objection_resolved_at")
        earlier.save(update_fields=fields)
    position = Position.objects.create(
        proposal=proposal, version=proposal.version, voter_key=key, person=actor.person,
        organisation=actor.organisation, stance=stance, option=chosen, reason=reason,
    )
    record(
        verb="collaboration.position.changed" if earlier else "collaboration.position.given",
        actor=actor, subject=proposal, ecosystem=proposal.ecosystem,
        payload={"position": str(position.uuid), "version": proposal.version,
                 "stance": stance, "option": str(chosen.uuid) if chosen else None},
    )
    proposal_decide_if_due(proposal=proposal, now=now)
    return position
