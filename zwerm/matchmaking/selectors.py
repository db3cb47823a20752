"""Read side of matchmaking: suggestions for an organisation or an ecosystem.

Other apps (events, round tables) call ``suggestions_for`` and ``ecosystem_candidates``;
their signatures are stable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from zwerm.ecosystems.models import Ecosystem, Membership
from zwerm.organisations.models import Organisation, ProfileEntry


@dataclass(frozen=True)
class Reason:
    """One explainable part of a score: what matched, in a sentence, and its points."""

    kind: str  # offer_answers_need, need_answered_by_offer, shared_theme, ...
    text: str
    points: int


@dataclass(frozen=True)
class Suggestion:
    organisation: Organisation
    score: int
    reasons: list[Reason] = field(default_factory=list)


_WORD = re.compile(r"\w{3,}")


def _words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text)}


def suggestions_for(
    *,
    viewer: Any,
    organisation: Organisation,
    among: Iterable[int] | None = None,
    exclude: Iterable[int] = (),
    limit: int = 10,
) -> list[Suggestion]:
    """Organisations that ``organisation`` should meet, best first, with their reasons.

    ``among`` restricts the candidates to these organisation ids (an event's attendees);
    ``exclude`` leaves some out (already members, already connected).
    """
    candidates = Organisation.objects.filter(merged_into__isnull=True).exclude(
        pk=organisation.pk
    ).exclude(pk__in=list(exclude))
    if among is not None:
        candidates = candidates.filter(pk__in=list(among))
    candidates = candidates.prefetch_related("entries", "themes")
    own = list(organisation.entries.all())
    own_themes = set(organisation.themes.values_list("id", flat=True))
    results = []
    for other in candidates:
        reasons = []
        for mine in own:
            for theirs in other.entries.all():
                if mine.kind == theirs.kind:
                    continue
                if _words(mine.title) & _words(theirs.title):
                    if mine.kind == ProfileEntry.Kind.SEEK:
                        reasons.append(Reason(
                            "offer_answers_need",
                            _("Their offer “%(offer)s” answers your need “%(need)s”.")
                            % {"offer": theirs.title, "need": mine.title}, 10))
                    else:
                        reasons.append(Reason(
                            "need_answered_by_offer",
                            _("Your offer “%(offer)s” answers their need “%(need)s”.")
                            % {"offer": mine.title, "need": theirs.title}, 6))
        shared = [theme for theme in other.themes.all() if theme.id in own_themes]
        for theme in shared:
            reasons.append(Reason(
                "shared_theme", _("You both work on %(theme)s.") % {"theme": theme.name}, 3))
        if reasons:
            results.append(Suggestion(other, sum(r.points for r in reasons), reasons))
    results.sort(key=lambda s: (-s.score, s.organisation.name))
    return results[:limit]


def ecosystem_candidates(*, viewer: Any, ecosystem: Ecosystem, limit: int = 10) -> list[Suggestion]:
    """Organisations that should join ``ecosystem``: they answer what its members seek."""
    member_ids = set(
        Membership.objects.filter(ecosystem=ecosystem).values_list("organisation_id", flat=True)
    )
    totals: dict[int, Suggestion] = {}
    for member in Organisation.objects.filter(pk__in=member_ids):
        for suggestion in suggestions_for(
            viewer=viewer, organisation=member, exclude=member_ids, limit=limit
        ):
            known = totals.get(suggestion.organisation.pk)
            if known is None or known.score < suggestion.score:
                totals[suggestion.organisation.pk] = suggestion
    ranked = sorted(totals.values(), key=lambda s: (-s.score, s.organisation.name))
    return ranked[:limit]
