"""Writes about votes: casting (and changing) a ballot, publishing the result.

A secret ballot is stored without a link to its voter (``voter_key`` is a keyed digest)
and recorded as an activity without actor or organisation, holding only a salted digest
of its content; the voter gets the salt as a receipt to check the log.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import uuid as uuid_module
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import NotAllowed, ValidationFailed
from zwerm.ideation import permissions, tally
from zwerm.ideation.models import Ballot, Challenge, Phase, Result
from zwerm.ideation.services._common import require_participant, require_phase


def voter_key(challenge: Challenge, person: Any) -> str:
    """One key per voter and challenge, from which the person cannot be read back."""
    message = f"{challenge.salt}:{person.uuid}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def canonical(choices: Any) -> str:
    return json.dumps(choices, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def ballot_digest(receipt: str, choices: Any) -> str:
    """The digest logged for a ballot: sha256 of the receipt, a colon and the choices."""
    return hashlib.sha256(f"{receipt}:{canonical(choices)}".encode()).hexdigest()


def option_ids(challenge: Challenge) -> list[str]:
    from zwerm.ideation.selectors import vote_options

    return [str(idea.uuid) for idea in vote_options(challenge=challenge)]


def _voting_organisation(actor: Actor, challenge: Challenge) -> Any:
    organisation = actor.organisation
    if challenge.weighting == Challenge.Weighting.ORGANISATION and organisation is None:
        raise NotAllowed(_("Act for an organisation to vote: every organisation counts once."),
                         code="no_organisation")
    if challenge.ecosystem_id is not None and not permissions.can_vote_for(
        organisation, challenge
    ):
        raise NotAllowed(
            _("Vote for an organisation that is an active member of the ecosystem."),
            code="not_member",
        )
    return organisation


@transaction.atomic
def ballot_cast(*, actor: Actor, challenge: Challenge, choices: Any) -> tuple[Ballot, str]:
    """Cast or change one's ballot while the vote is open; returns it and the receipt."""
    require_participant(actor, challenge)
    require_phase(challenge, Phase.VOTE)
    organisation = _voting_organisation(actor, challenge)
    dots = challenge.dots if challenge.method == Challenge.Method.DOT else None
    try:
        choices = tally.validate_ballot(challenge.method, choices, option_ids(challenge), dots)
    except tally.BallotError:
        raise ValidationFailed(_ballot_help(challenge), field="choices") from None
    key = voter_key(challenge, actor.person)
    values = {
        "choices": choices, "public_id": uuid_module.uuid4(),
        "person": None if challenge.secret else actor.person, "organisation": organisation,
        "organisation_kind": organisation.kind if organisation is not None else "",
    }
    ballot = Ballot.objects.select_for_update().filter(challenge=challenge, voter_key=key).first()
    changed = ballot is not None
    if ballot is None:
        try:
            with transaction.atomic():  # a savepoint: two first casts at once leave one ballot
                ballot = Ballot.objects.create(challenge=challenge, voter_key=key, **values)
        except IntegrityError:
            ballot = Ballot.objects.select_for_update().get(challenge=challenge, voter_key=key)
            changed = True
    if changed:
        for field, value in values.items():
            setattr(ballot, field, value)
        ballot.save(update_fields=[*values, "updated_at"])
    receipt = secrets.token_hex(16)
    record(
        verb="ideation.ballot.changed" if changed else "ideation.ballot.cast",
        actor=Actor.system() if challenge.secret else actor,
        organisation=None if challenge.secret else organisation,
        subject=challenge, ecosystem=challenge.ecosystem,
        payload={"digest": ballot_digest(receipt, choices), "secret": challenge.secret},
    )
    return ballot, receipt


def _ballot_help(challenge: Challenge) -> str:
    if challenge.method == Challenge.Method.DOT:
        return str(_("Hand out at most %(dots)d dots, as whole numbers, to ideas on the ballot.")
                   % {"dots": challenge.dots})
    if challenge.method == Challenge.Method.SCORE:
        return str(_("Give each idea on the ballot a score from 0 to 5."))
    if challenge.method == Challenge.Method.APPROVAL:
        return str(_("Choose ideas on the ballot, each at most once."))
    return str(_("Rank ideas on the ballot, each at most once."))


def compute_result(challenge: Challenge) -> dict[str, Any]:
    """The tally of the ballots as they stand (pure; used for the published result)."""
    from zwerm.ideation.exports import ballots_for_tally

    options, ballots = ballots_for_tally(challenge)
    return tally.count(
        method=challenge.method, options=options, ballots=ballots,
        weighting=challenge.weighting,
        dots=challenge.dots if challenge.method == Challenge.Method.DOT else None,
    )


@transaction.atomic
def result_publish(*, actor: Actor, challenge: Challenge) -> Result:
    """Count and publish the result once the vote has closed; recorded in the log."""
    if challenge.phase_index() <= [*Phase.values].index(Phase.VOTE):
        raise ValidationFailed(_("The result is published when the vote has closed."))
    existing = Result.objects.filter(challenge=challenge).first()
    if existing is not None:
        return existing
    data = compute_result(challenge)
    digest = hashlib.sha256(canonical(data).encode()).hexdigest()
    result = Result.objects.create(challenge=challenge, data=data, digest=digest)
    record(
        verb="ideation.result.published", actor=actor, subject=challenge,
        ecosystem=challenge.ecosystem,
        payload={"digest": digest, "ballots": data["ballots"], "method": data["method"],
                 "weighting": data["weighting"], "winner": data["winner"] or ""},
    )
    return result
