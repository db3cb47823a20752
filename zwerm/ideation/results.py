"""What the results page and endpoint show: the tally joined to titles, bars and turnout.

Turnout per kind of organisation is hidden for any kind where fewer than three people
voted, so a small group's choice cannot be inferred from it.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from django.db.models import Count

from zwerm.ideation.models import Ballot, Challenge, Phase, Result
from zwerm.ideation.models.challenges import PHASE_ORDER
from zwerm.ideation.tally.core import shown
from zwerm.organisations.models import Organisation

TURNOUT_MINIMUM = 3
BAR_WIDTH = 400  # the widest bar of a chart, in SVG user units


def vote_closed(challenge: Challenge) -> bool:
    return challenge.phase_index() > PHASE_ORDER.index(Phase.VOTE)


def result_data(challenge: Challenge) -> dict[str, Any] | None:
    """The published result, or (before the job published it) the same tally, counted now;
    None while the vote is open, and when nobody voted."""
    if not vote_closed(challenge):
        return None
    published = Result.objects.filter(challenge=challenge).first()
    if published is not None:
        return published.data
    if not Ballot.objects.filter(challenge=challenge).exists():
        return None  # the vote was skipped, or nobody voted: there is nothing to count
    from zwerm.ideation.services.voting import compute_result

    return compute_result(challenge)


def ranking_rows(challenge: Challenge, data: dict[str, Any]) -> list[dict[str, Any]]:
    """Ranking rows with titles and bar lengths (whole SVG units, largest = BAR_WIDTH)."""
    titles = {str(idea.uuid): idea for idea in challenge.ideas.all()}
    ranked = data["method"] == Challenge.Method.RANKED
    values = [
        Fraction(row["beats"]) if ranked else Fraction(row["score"]) for row in data["ranking"]
    ]
    top = max(values, default=Fraction(0))
    rows = []
    for index, (row, value) in enumerate(zip(data["ranking"], values, strict=True)):
        idea = titles.get(row["option"])
        rows.append({
            **row,
            "idea": idea,
            "title": idea.title if idea else row["option"],
            "value": str(row["beats"]) if ranked else row["score_shown"],
            "bar": int(value * BAR_WIDTH / top) if top else 0,
            "y": index * 32,
        })
    return rows


def turnout(challenge: Challenge) -> dict[str, Any]:
    """Ballots and organisations per kind of organisation; small groups hidden."""
    labels = dict(Organisation.Kind.choices)
    rows = (
        Ballot.objects.filter(challenge=challenge)
        .values("organisation_kind")
        .annotate(ballots=Count("id"), organisations=Count("organisation", distinct=True))
        .order_by("organisation_kind")
    )
    kinds = []
    for row in rows:
        hidden = row["ballots"] < TURNOUT_MINIMUM
        kinds.append({
            "kind": row["organisation_kind"] or "none",
            "label": labels.get(row["organisation_kind"], labels.get("other")),
            "hidden": hidden,
            "ballots": None if hidden else row["ballots"],
            "organisations": None if hidden else row["organisations"],
        })
    return {
        "ballots": sum(row["ballots"] for row in rows),
        "kinds": kinds,
        "minimum": TURNOUT_MINIMUM,
    }


def open_ballots(challenge: Challenge) -> list[Ballot]:
    """Who voted how, only for open votes that have closed; ``readable`` names the ideas."""
    if challenge.secret or not vote_closed(challenge):
        return []
    titles = {str(idea.uuid): idea.title for idea in challenge.ideas.all()}
    ballots = list(
        Ballot.objects.filter(challenge=challenge).select_related("person", "organisation")
        .order_by("organisation__name", "id")
    )
    for ballot in ballots:
        ballot.readable = readable(challenge.method, ballot.choices, titles)
    return ballots


def readable(method: str, choices: Any, titles: dict[str, str]) -> str:
    """A ballot in words: "A (2), B (1)" for dots and scores, "1. A; 2. B = C" for rankings."""
    if method in (Challenge.Method.DOT, Challenge.Method.SCORE):
        return ", ".join(f"{titles.get(key, key)} ({value})" for key, value in choices.items())
    if method == Challenge.Method.APPROVAL:
        return ", ".join(titles.get(key, key) for key in choices)
    parts = []
    for position, item in enumerate(choices, start=1):
        group = item if isinstance(item, list) else [item]
        parts.append(f"{position}. " + " = ".join(titles.get(key, key) for key in group))
    return "; ".join(parts)


PAIRWISE_MAX = 12


def pairwise_rows(data: dict[str, Any], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For ranked votes: in ranking order, how many (weighted) voters preferred each idea
    over each other idea — the numbers Schulze's method starts from. Shown up to 12 ideas."""
    if data.get("method") != Challenge.Method.RANKED or not 1 < len(rows) <= PAIRWISE_MAX:
        return []
    position = {option: i for i, option in enumerate(data["option_order"])}
    table = []
    for row in rows:
        i = position[row["option"]]
        cells = []
        for other in rows:
            j = position[other["option"]]
            if i == j:
                cells.append({"value": "", "wins": False, "self": True})
                continue
            mine, theirs = Fraction(data["pairwise"][i][j]), Fraction(data["pairwise"][j][i])
            value = str(mine.numerator) if mine.denominator == 1 else shown(mine)
            cells.append({"value": value, "wins": mine > theirs, "self": False})
        table.append({"title": row["title"], "cells": cells})
    return table
