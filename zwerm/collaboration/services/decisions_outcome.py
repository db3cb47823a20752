"""Deciding proposals: applying the consent rule, numbering and recording the decision,
the outcome statement, and the deadline reminders the periodic job sends."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zwerm.collaboration import consent
from zwerm.collaboration.models import Decision, Position, Proposal
from zwerm.collaboration.permissions import decisions as rules
from zwerm.collaboration.selectors.decisions import current_positions, proposal_voters
from zwerm.collaboration.services.common import clean_text, require_person, require_view
from zwerm.collaboration.services.decisions import proposal_url
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import NotAllowed
from zwerm.core.notifications import notify
from zwerm.ecosystems.models import Ecosystem

REMIND_BEFORE = timedelta(hours=24)


def evaluate(proposal: Proposal, *, now: datetime, voters: dict | None = None,
             positions: list[Position] | None = None) -> consent.ConsentResult | consent.PollResult:
    """The consent rule (or the poll count) applied to the proposal as stored now."""
    voters = proposal_voters(proposal) if voters is None else voters
    positions = current_positions(proposal=proposal) if positions is None else positions
    if proposal.kind == Proposal.Kind.POLL:
        return consent.poll_outcome(
            eligible=set(voters), options=[str(o.uuid) for o in proposal.options.all()],
            choices=[consent.Choice(voter=p.voter_key, option=str(p.option.uuid),
                                    version=p.version) for p in positions if p.option_id],
            version=proposal.version, deadline=proposal.deadline, now=now,
        )
    return consent.consent_outcome(
        eligible=set(voters),
        positions=[consent.Stance(voter=p.voter_key, stance=p.stance, version=p.version,
                                  objection_open=p.objection_resolved_at is None)
                   for p in positions if p.stance],
        version=proposal.version, quorum_percent=proposal.quorum_percent,
        deadline=proposal.deadline, now=now,
    )


def outcome_statement(proposal: Proposal, result: Any) -> str:
    """A clear sentence from the count, in the ecosystem's default language (Dutch)."""
    with translation.override(settings.LANGUAGE_CODE):
        if isinstance(result, consent.PollResult):
            labels = {str(o.uuid): o.label for o in proposal.options.all()}
            counts = ", ".join(f"{labels[key]}: {count}" for key, count in result.counts.items())
            return gettext("Poll result: %(counts)s (%(responded)d of %(eligible)d responded).") % {
                "counts": counts, "responded": result.responded, "eligible": result.eligible}
        counts = result.counts
        values = {"consent": counts["consent"], "concern": counts["concern"],
                  "abstain": counts["abstain"], "objection": counts["objection"],
                  "responded": result.responded, "eligible": result.eligible,
                  "quorum": result.quorum_percent}
        tally = gettext("%(consent)d consent, %(concern)d concern, %(abstain)d abstain, "
                        "%(objection)d objection") % values
        if result.quorum_percent is None:
            quorum = gettext("no quorum required (%(responded)d of %(eligible)d responded)")
        elif result.quorum_met:
            quorum = gettext("quorum %(quorum)d %% met (%(responded)d of %(eligible)d)")
        else:
            quorum = gettext("quorum %(quorum)d %% not met (%(responded)d of %(eligible)d)")
        quorum = quorum % values
        if result.state == consent.ADOPTED:
            return gettext("Adopted by consent: %(tally)s; %(quorum)s.") % {
                "tally": tally, "quorum": quorum}
        why = []
        if consent.OPEN_OBJECTION in result.reasons:
            why.append(gettext("an objection is still open"))
        if consent.NO_ONE_ASKED in result.reasons:
            why.append(gettext("no one was asked"))
        if consent.QUORUM_NOT_MET in result.reasons:
            why.append(gettext("the quorum was not met"))
        return gettext("Not adopted (%(why)s): %(tally)s; %(quorum)s.") % {
            "why": ", ".join(why), "tally": tally, "quorum": quorum}


def _next_number(ecosystem_id: int) -> int:
    """Lock the ecosystem's row, then take the next number: numbers stay sequential when two
    proposals close at the same moment (the unique constraint guards it as well)."""
    Ecosystem.objects.select_for_update(of=("self",)).filter(pk=ecosystem_id).values_list("pk").first()
    highest = Decision.objects.filter(ecosystem_id=ecosystem_id).aggregate(n=Max("number"))["n"]
    return (highest or 0) + 1


def _voter_summary(voters: dict, positions: list[Position]) -> list[dict]:
    by_key = {p.voter_key: p for p in positions}
    rows = []
    for key, voter in voters.items():
        position = by_key.get(key)
        rows.append({
            "voter": key, "label": voter.label,
            "position": (position.stance or str(position.option.uuid)) if position else None,
        })
    return rows


@transaction.atomic
def proposal_decide_if_due(*, proposal: Proposal, now: datetime | None = None
                           ) -> Decision | None:
    """Apply the rule; when decided, record the numbered decision and close the proposal.

    Called after every position and by the periodic job; deciding twice is impossible (the
    proposal row is locked and must still be open).
    """
    now = now or timezone.now()
    proposal = Proposal.objects.select_for_update(of=("self",)).select_related(
        "ecosystem", "working_group").filter(pk=proposal.pk).first()
    if proposal is None or proposal.state != Proposal.State.OPEN:
        return None
    voters = proposal_voters(proposal)
    positions = current_positions(proposal=proposal)
    result = evaluate(proposal, now=now, voters=voters, positions=positions)
    if not result.decided:
        return None
    if isinstance(result, consent.PollResult):
        outcome = Decision.Outcome.POLL_RESULT
    else:
        outcome = (Decision.Outcome.ADOPTED if result.state == consent.ADOPTED
                   else Decision.Outcome.NOT_ADOPTED)
    tally = {**result.as_tally(), "voters": _voter_summary(voters, positions)}
    decision = Decision.objects.create(
        proposal=proposal, ecosystem=proposal.ecosystem,
        number=_next_number(proposal.ecosystem_id), version=proposal.version, outcome=outcome,
        statement=outcome_statement(proposal, result), tally=tally, decided_at=now,
    )
    proposal.state, proposal.closed_at = Proposal.State.CLOSED, now
    proposal.save(update_fields=["state", "closed_at", "updated_at"])
    activity = record(
        verb="collaboration.decision.recorded", actor=Actor.system(), subject=decision,
        ecosystem=proposal.ecosystem, organisation=proposal.proposer_organisation,
        payload={"proposal": str(proposal.uuid), "number": decision.number,
                 "version": decision.version, "outcome": outcome,
                 "counts": dict(result.counts), "eligible": result.eligible,
                 "responded": result.responded},
    )
    recipients = {p for voter in voters.values() for p in voter.people}
    if proposal.proposer_id:
        recipients.add(proposal.proposer)
    notify(recipients=recipients, kind="collaboration.proposals", activity=activity,
           url=proposal_url(proposal))
    return decision


@transaction.atomic
def decision_statement_update(*, actor: Actor, decision: Decision, statement: str) -> Decision:
    """The proposer or a facilitator rewrites or completes the outcome statement."""
    require_person(actor)
    decision = Decision.objects.select_for_update(of=("self",)).select_related(
        "proposal", "ecosystem").get(pk=decision.pk)
    require_view(actor, decision.ecosystem,
                 message=_("This decision does not exist or is not visible to you."))
    if not rules.can_edit_statement(actor, decision):
        raise NotAllowed(_("Only the proposer or a facilitator edits the outcome statement."))
    statement = clean_text(statement, field="statement", label=_("outcome statement"),
                           required=True, max_length=5000)
    if statement == decision.statement:
        return decision
    decision.statement = statement
    decision.save(update_fields=["statement", "updated_at"])
    record(verb="collaboration.decision.statement_updated", actor=actor, subject=decision,
           ecosystem=decision.ecosystem, payload={"number": decision.number})
    return decision


@transaction.atomic
def proposal_remind(*, proposal: Proposal, now: datetime) -> int:
    """Remind those who have not responded, once per version, within a day of the deadline.

    Returns how many people were reminded.
    """
    proposal = Proposal.objects.select_for_update(of=("self",)).select_related(
        "ecosystem", "working_group").get(pk=proposal.pk)
    if (proposal.state != Proposal.State.OPEN or proposal.reminded_version >= proposal.version
            or not now < proposal.deadline <= now + REMIND_BEFORE):
        return 0
    voters = proposal_voters(proposal)
    result = evaluate(proposal, now=now, voters=voters)
    people = {p for key in result.missing for p in voters[key].people}
    proposal.reminded_version = proposal.version
    proposal.save(update_fields=["reminded_version", "updated_at"])
    activity = record(verb="collaboration.proposal.reminded", actor=Actor.system(),
                      subject=proposal, ecosystem=proposal.ecosystem,
                      organisation=proposal.proposer_organisation,
                      payload={"version": proposal.version, "missing": len(result.missing)})
    return len(notify(recipients=people, kind="collaboration.proposals", activity=activity,
                      url=proposal_url(proposal)))


def decide_due_proposals(*, now: datetime | None = None) -> dict[str, int]:
    """The periodic job's work: decide proposals past their deadline and send reminders."""
    now = now or timezone.now()
    decided = 0
    for proposal in Proposal.objects.filter(state=Proposal.State.OPEN, deadline__lte=now):
        decided += proposal_decide_if_due(proposal=proposal, now=now) is not None
    reminded = 0
    for proposal in Proposal.objects.filter(
            state=Proposal.State.OPEN, deadline__gt=now, deadline__lte=now + REMIND_BEFORE,
    ).exclude(reminded_version__gte=F("version")):
        reminded += proposal_remind(proposal=proposal, now=now)
    return {"decided": decided, "reminded": reminded}
