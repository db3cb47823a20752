"""Ballot contents as stored (the tally's canonical form), and how a merge rewrites them."""

from __future__ import annotations

from typing import Any


def merge_choices(method: str, choices: Any, source: str, target: str) -> Any:
    """The choices after ``source`` was merged into ``target``: support moves to the target.

    dot: the dots add up; approval: approving either approves the target; score: the
    higher score counts; ranked: the target takes the better of the two places.
    """
    if method in ("dot", "score"):
        if source not in choices:
            return choices
        result = dict(choices)
        moved = result.pop(source)
        result[target] = result.get(target, 0) + moved if method == "dot" else max(
            result.get(target, 0), moved)
        return dict(sorted(result.items()))
    if method == "approval":
        if source not in choices:
            return choices
        return sorted({*(c for c in choices if c != source), target})
    ranks: list[Any] = []
    source_at = target_at = None
    for position, item in enumerate(choices):
        group = item if isinstance(item, list) else [item]
        if source in group:
            source_at = position
        if target in group:
            target_at = position
        ranks.append(list(group))
    if source_at is None:
        return choices
    best = source_at if target_at is None else min(source_at, target_at)
    for group in ranks:
        for option in (source, target):
            if option in group:
                group.remove(option)
    ranks[best].append(target)
    result = []
    for group in ranks:
        if len(group) == 1:
            result.append(group[0])
        elif group:
            result.append(sorted(group))
    return result
