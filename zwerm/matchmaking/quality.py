"""Measuring match quality on the labelled cases (``tests/labelled.json``); no Django.

precision@5 of a case is the share of its truly relevant organisations found in the top
five, out of at most five: ``hits / min(5, relevant)``. The mean over cases is reported,
for all cases and split by whether the relevant organisations write in the same language.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

from zwerm.matchmaking.baseline import keyword_rank
from zwerm.matchmaking.engine import OFFER, SEEK, Engine, Entry, Profile

LABELLED = Path(__file__).resolve().parent / "tests" / "labelled.json"
K = 5


@dataclass(frozen=True)
class Case:
    organisation: int
    relevant: frozenset[int]
    cross_language: bool


@dataclass(frozen=True)
class Labelled:
    profiles: list[Profile]
    cases: list[Case]
    keys: dict[str, int]  # organisation key → id
    languages: dict[int, str]


def load(first_id: int = 1, path: Path = LABELLED) -> Labelled:
    """The labelled organisations as profiles with ids from ``first_id``; themes by name."""
    data = json.loads(path.read_text(encoding="utf-8"))
    keys, languages, themes, profiles = {}, {}, {}, []
    entry_id = first_id * 100
    for offset, item in enumerate(data["organisations"]):
        organisation = first_id + offset
        keys[item["key"]] = organisation
        languages[organisation] = item["lang"]
        entries = []
        for kind, titles in ((OFFER, item["offers"]), (SEEK, item["seeks"])):
            for title in titles:
                entry_id += 1
                entries.append(Entry(id=entry_id, kind=kind, title=title))
        theme_ids = frozenset(themes.setdefault(name, len(themes) + 1) for name in item["themes"])
        profiles.append(Profile(organisation, item["kind"], theme_ids, frozenset(), tuple(entries)))
    cases = []
    for case in data["cases"]:
        organisation = keys[case["org"]]
        relevant = frozenset(keys[key] for key in case["relevant"])
        cross = any(languages[other] != languages[organisation] for other in relevant)
        cases.append(Case(organisation, relevant, cross))
    return Labelled(profiles, cases, keys, languages)


def precision_at_k(ranked: list[int], relevant: Iterable[int], k: int = K) -> float:
    relevant = set(relevant)
    return len(set(ranked[:k]) & relevant) / min(k, len(relevant))


def evaluate(cases: list[Case], rank: Callable[[int], list[int]]) -> dict[str, float]:
    """Mean precision@5 overall, for same-language and for cross-language cases."""
    scores = [(case, precision_at_k(rank(case.organisation), case.relevant)) for case in cases]

    def average(chosen: list[float]) -> float:
        return round(mean(chosen), 3) if chosen else 0.0

    return {
        "all": average([score for _, score in scores]),
        "same_language": average([score for case, score in scores if not case.cross_language]),
        "cross_language": average([score for case, score in scores if case.cross_language]),
    }


def engine_ranker(engine: Engine) -> Callable[[int], list[int]]:
    return lambda organisation: [
        match.organisation for match in engine.rank(organisation, limit=K)
    ]


def baseline_ranker(profiles: list[Profile]) -> Callable[[int], list[int]]:
    return lambda organisation: [
        key for key, _ in keyword_rank(profiles, organisation, limit=K)
    ]
