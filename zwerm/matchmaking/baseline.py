"""The baseline matcher the engine must beat: plain keyword overlap, no Django."""

from __future__ import annotations

from collections.abc import Iterable

from zwerm.matchmaking.engine import OFFER, SEEK, Profile
from zwerm.matchmaking.text import keyword_set


def keyword_rank(
    profiles: Iterable[Profile], organisation: int, *, limit: int = 10
) -> list[tuple[int, int]]:
    """The baseline: shared plain keywords between needs and offers, both ways."""
    profiles = list(profiles)
    by_id = {profile.id: profile for profile in profiles}
    me = by_id[organisation]

    def words(profile: Profile, kind: str) -> set[str]:
        return keyword_set(
            f"{entry.title} {entry.description}" for entry in profile.entries if entry.kind == kind
        )

    my_needs, my_offers = words(me, SEEK), words(me, OFFER)
    scored = []
    for profile in profiles:
        if profile.id == organisation:
            continue
        score = len(my_needs & words(profile, OFFER)) + len(my_offers & words(profile, SEEK))
        if score:
            scored.append((profile.id, score))
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored[:limit]
