"""The ballots of a vote as plain data: for the tally, and as the public JSON export.

The export (format ``zwerm-ballots/1``, docs/ballot-format.md) holds random ballot ids,
organisations only as pseudonyms (keyed by the challenge's secret salt), no times and no
people, ordered by ballot id, so nothing in it links a ballot to its voter.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from django.conf import settings

from zwerm.ideation import tally
from zwerm.ideation.models import Ballot, Challenge


def pseudonym(challenge: Challenge, organisation_uuid: Any) -> str:
    message = f"{challenge.salt}:{organisation_uuid}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()
    return f"org-{digest[:12]}"


def _ballot_rows(challenge: Challenge) -> list[dict[str, Any]]:
    rows = []
    by_organisation = challenge.weighting == Challenge.Weighting.ORGANISATION
    for ballot in (
        Ballot.objects.filter(challenge=challenge)
        .select_related("organisation").order_by("public_id")
    ):
        group = None
        if by_organisation and ballot.organisation is not None:
            group = pseudonym(challenge, ballot.organisation.uuid)
        rows.append({"id": str(ballot.public_id), "group": group, "choices": ballot.choices})
    return rows


def ballots_for_tally(challenge: Challenge) -> tuple[list[str], list[dict[str, Any]]]:
    from zwerm.ideation.selectors import vote_options

    options = [str(idea.uuid) for idea in vote_options(challenge=challenge)]
    return options, _ballot_rows(challenge)


def ballot_export(challenge: Challenge, result: dict[str, Any] | None) -> dict[str, Any]:
    from zwerm.ideation.selectors import vote_options

    return {
        "format": tally.FORMAT,
        "challenge": {"id": str(challenge.uuid), "question": challenge.question},
        "method": challenge.method,
        "weighting": challenge.weighting,
        "dots": challenge.dots if challenge.method == Challenge.Method.DOT else None,
        "secret": challenge.secret,
        "options": [
            {"id": str(idea.uuid), "title": idea.title}
            for idea in vote_options(challenge=challenge)
        ],
        "ballots": _ballot_rows(challenge),
        "result": result,
    }
