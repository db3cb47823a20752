"""The matching engine: pure Python and numpy over plain data, no Django.

An organisation's needs are compared with every other organisation's offers (and the
reverse) as TF-IDF vectors of their terms (``text.Analyser``), then shared themes, shared
or neighbouring ecosystems and the triple helix add points. Every point of a score comes
from one ``Part``, so a suggestion can always say why it is there.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse

from zwerm.matchmaking.text import CONCEPT, Analyser, default_analyser

OFFER, SEEK = "offer", "seek"
HELIX = ("government", "company", "knowledge")

# Weights, in points. A perfect answer to one need is worth NEED_POINTS.
NEED_POINTS = 100
OFFER_POINTS = 45  # the reverse direction: my offer answers their need
MIN_SIMILARITY = 0.12
DESCRIPTION_WEIGHT = 0.5
CONCEPT_WEIGHT = 1.0
THEME_POINTS, MAX_THEMES = 12, 3
SHARED_ECOSYSTEM_POINTS, NEIGHBOUR_POINTS, MAX_ECOSYSTEMS = 8, 4, 2
HELIX_POINTS = 10
# Patching keeps the term weights of the last full build; past this share of organisations
# changed (and at least REBUILD_MINIMUM), everything is rebuilt with fresh weights.
REBUILD_SHARE, REBUILD_MINIMUM = 0.05, 50


@dataclass(frozen=True)
class Entry:
    id: int
    kind: str  # OFFER or SEEK
    title: str
    description: str = ""
    terms: tuple[str, ...] | None = None  # title terms, when analysed already
    description_terms: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Profile:
    """What the engine knows of one organisation."""

    id: int
    kind: str = "other"
    themes: frozenset[int] = frozenset()
    ecosystems: frozenset[int] = frozenset()  # where it is an active member
    entries: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class Part:
    """One explainable piece of a score.

    ``data`` holds ids and titles: offer_answers_need / need_answered_by_offer carry
    ``offer_id, offer, need_id, need``; shared_theme ``theme``; neighbouring_ecosystem
    ``own, theirs`` (equal when the ecosystem is shared); triple_helix ``own, theirs`` kinds.
    """

    kind: str
    points: int
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Match:
    organisation: int
    score: int
    parts: tuple[Part, ...]


def analyse(profile: Profile, analyser: Analyser | None = None) -> Profile:
    """The profile with every entry's terms filled in."""
    analyser = analyser or default_analyser()
    entries = tuple(
        entry if entry.terms is not None else Entry(
            id=entry.id, kind=entry.kind, title=entry.title, description=entry.description,
            terms=tuple(analyser.terms(entry.title)),
            description_terms=tuple(analyser.terms(entry.description)),
        )
        for entry in profile.entries
    )
    return Profile(profile.id, profile.kind, profile.themes, profile.ecosystems, entries)


class _Side:
    """The entries of one kind as a row-normalised sparse matrix, grouped by organisation."""

    def __init__(self, entries: list[Entry], owner: np.ndarray, matrix: sparse.csr_matrix,
                 n: int) -> None:
        self.entries = entries
        self.owner = owner
        self.matrix = matrix
        self.transposed = matrix.T.tocsr()
        self.starts = np.searchsorted(owner, np.arange(n + 1))
        self.has = self.starts[1:] > self.starts[:-1]

    def span(self, index: int) -> tuple[int, int]:
        return int(self.starts[index]), int(self.starts[index + 1])


class Engine:
    """Profiles in memory; ``rank`` answers one organisation's top matches.

    ``update`` and ``remove`` change profiles; the next ``rank`` patches only the rows of
    the changed organisations (keeping the term weights), and rebuilds everything, with
    fresh weights, once more than ``REBUILD_SHARE`` of the organisations were patched.
    No text is analysed twice.
    """

    def __init__(self, analyser: Analyser | None = None) -> None:
        self.analyser = analyser or default_analyser()
        self._profiles: dict[int, Profile] = {}
        self._ecosystem_themes: dict[int, frozenset[int]] = {}
        self._built = False
        self._pending: set[int] = set()
        self._patched: set[int] = set()
        self._stale_structures = False
        self.full_builds = 0  # how often everything was rebuilt (tests and benchmark read it)

    # -- keeping the profiles -------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._profiles)

    def __contains__(self, organisation: int) -> bool:
        return organisation in self._profiles

    def profile(self, organisation: int) -> Profile | None:
        return self._profiles.get(organisation)

    def update(self, profiles: Iterable[Profile]) -> None:
        for profile in profiles:
            self._profiles[profile.id] = analyse(profile, self.analyser)
            self._pending.add(profile.id)

    def remove(self, organisations: Iterable[int]) -> None:
        for organisation in organisations:
            self._profiles.pop(organisation, None)
            self._pending.add(organisation)

    def set_ecosystems(self, themes: Mapping[int, Iterable[int]]) -> None:
        """The themes of every ecosystem (its members come from the profiles)."""
        themes = {key: frozenset(value) for key, value in themes.items()}
        if themes != self._ecosystem_themes:
            self._ecosystem_themes = themes
            self._stale_structures = True

    def ready(self) -> None:
        """Bring the matrices up to date with the profiles: patch, or rebuild."""
        limit = max(REBUILD_MINIMUM, REBUILD_SHARE * len(self._profiles))
        if not self._built or len(self._patched | self._pending) > limit:
            self.build()
            return
        if self._pending:
            self._patch()
        elif self._stale_structures:
            self._structures()

    # -- building ---------------------------------------------------------------------------
    def build(self) -> None:
        """Everything from the profiles, with fresh term weights."""
        ids = sorted(self._profiles)
        self._ids = np.array(ids, dtype=np.int64)
        self._index = {organisation: index for index, organisation in enumerate(ids)}
        n = len(ids)
        document_frequency: Counter[str] = Counter()
        rows: dict[str, list[tuple[int, Entry]]] = {OFFER: [], SEEK: []}
        for index, organisation in enumerate(ids):
            for entry in self._profiles[organisation].entries:
                if entry.kind in rows:
                    rows[entry.kind].append((index, entry))
                    document_frequency.update(set(entry.terms or ()) | set(
                        entry.description_terms or ()))
        self._documents = len(rows[OFFER]) + len(rows[SEEK])
        self._vocabulary = {term: column for column, term in enumerate(document_frequency)}
        self._idf = np.array(
            [self._weight(term, document_frequency[term]) for term in self._vocabulary]
        )
        self._sides = {
            kind: _Side(
                [entry for _, entry in kind_rows],
                np.array([index for index, _ in kind_rows], dtype=np.int64),
                self._vectors(kind_rows), n,
            )
            for kind, kind_rows in rows.items()
        }
        self._pending, self._patched = set(), set()
        self._built = True
        self.full_builds += 1
        self._structures()

    def _weight(self, term: str, frequency: int) -> float:
        boost = CONCEPT_WEIGHT if term.startswith(CONCEPT) else 1.0
        return boost * (math.log((self._documents + 1) / (frequency + 1)) + 1)

    def _patch(self) -> None:
        """Replace the rows of the changed organisations; new ones are appended."""
        changed, self._pending = self._pending, set()
        ids = self._ids.tolist()
        positions: dict[int, int] = {}
        for organisation in sorted(changed):
            if organisation in self._index:
                positions[self._index[organisation]] = organisation
                if organisation not in self._profiles:
                    del self._index[organisation]
            elif organisation in self._profiles:
                self._index[organisation] = len(ids)
                positions[len(ids)] = organisation
                ids.append(organisation)
        self._ids = np.array(ids, dtype=np.int64)
        new_terms = []
        for organisation in positions.values():
            for entry in getattr(self._profiles.get(organisation), "entries", ()):
                for term in (*(entry.terms or ()), *(entry.description_terms or ())):
                    if term not in self._vocabulary:
                        self._vocabulary[term] = len(self._vocabulary)
                        new_terms.append(self._weight(term, 1))
        self._idf = np.concatenate([self._idf, np.array(new_terms)])
        for kind, side in self._sides.items():
            self._sides[kind] = self._replace(side, kind, positions, len(ids))
        self._patched |= changed
        self._structures()

    def _replace(self, side: _Side, kind: str, positions: dict[int, int], n: int) -> _Side:
        matrix = side.matrix.copy()
        matrix.resize((matrix.shape[0], max(len(self._vocabulary), 1)))
        pieces, owners, entries, previous = [], [], [], 0
        total = matrix.shape[0]
        for position in sorted(positions):
            start, end = side.span(position) if position + 1 < len(side.starts) else (
                total, total)
            pieces.append(matrix[previous:start])
            owners.append(side.owner[previous:start])
            entries.extend(side.entries[previous:start])
            profile = self._profiles.get(positions[position])
            rows = [(position, entry) for entry in (profile.entries if profile else ())
                    if entry.kind == kind]
            pieces.append(self._vectors(rows))
            owners.append(np.full(len(rows), position, dtype=np.int64))
            entries.extend(entry for _, entry in rows)
            previous = end
        pieces.append(matrix[previous:])
        owners.append(side.owner[previous:])
        entries.extend(side.entries[previous:])
        return _Side(entries, np.concatenate(owners), sparse.vstack(pieces, format="csr"), n)

    def _structures(self) -> None:
        """Kinds, themes, ecosystem memberships and neighbours of the organisations."""
        profiles = [self._profiles.get(int(organisation)) for organisation in self._ids]
        self._alive = np.array([profile is not None for profile in profiles], dtype=bool)
        empty = Profile(id=0)
        profiles = [profile or empty for profile in profiles]
        self._kinds = [profile.kind for profile in profiles]
        self._helix = np.array([kind in HELIX for kind in self._kinds], dtype=bool)
        self._kind_codes = np.array([HELIX.index(k) if k in HELIX else -1 for k in self._kinds])
        all_themes = set().union(
            *(profile.themes for profile in profiles), *self._ecosystem_themes.values()
        )
        self._theme_index = {key: column for column, key in enumerate(sorted(all_themes))}
        self._themes = self._incidence([profile.themes for profile in profiles],
                                       self._theme_index)
        ecosystem_ids = sorted(
            set(self._ecosystem_themes).union(*(profile.ecosystems for profile in profiles))
        )
        self._ecosystem_ids = np.array(ecosystem_ids, dtype=np.int64)
        self._ecosystem_index = {key: column for column, key in enumerate(ecosystem_ids)}
        members = self._incidence([profile.ecosystems for profile in profiles],
                                  self._ecosystem_index)
        self._members = members
        theme_of_ecosystem = self._incidence(
            [self._ecosystem_themes.get(key, frozenset()) for key in ecosystem_ids]
            or [frozenset()],  # one empty row keeps the shapes consistent
            self._theme_index,
        )
        shared_members = (members.T @ members) > 0
        shared_themes = (theme_of_ecosystem @ theme_of_ecosystem.T) > 0
        neighbours = (shared_members + shared_themes).astype(np.int8).tolil()
        neighbours.setdiag(0)
        self._neighbours = neighbours.tocsr()
        self._stale_structures = False

    @staticmethod
    def _incidence(sets: list[frozenset[int]], index: dict[int, int]) -> sparse.csr_matrix:
        rows, columns = [], []
        for row, keys in enumerate(sets):
            for key in keys:
                if key in index:
                    rows.append(row)
                    columns.append(index[key])
        return sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.int32), (rows, columns)),
            shape=(len(sets), max(len(index), 1)),
        )

    def _vectors(self, rows: list[tuple[int, Entry]]) -> sparse.csr_matrix:
        vocabulary, idf = self._vocabulary, self._idf
        data, indices, pointers = [], [], [0]
        for _, entry in rows:
            weights: dict[int, float] = {}
            for term in entry.description_terms or ():
                weights[vocabulary[term]] = DESCRIPTION_WEIGHT
            for term in entry.terms or ():
                weights[vocabulary[term]] = 1.0
            columns = np.fromiter(weights, dtype=np.int64, count=len(weights))
            values = np.fromiter(weights.values(), dtype=np.float64, count=len(weights))
            values = values * idf[columns] if len(columns) else values
            norm = float(np.sqrt((values * values).sum())) or 1.0
            indices.extend(columns.tolist())
            data.extend((values / norm).tolist())
            pointers.append(len(indices))
        return sparse.csr_matrix(
            (np.array(data), np.array(indices, dtype=np.int64), np.array(pointers)),
            shape=(len(rows), max(len(vocabulary), 1)),
        )

    # -- ranking ----------------------------------------------------------------------------
    def rank(
        self,
        organisation: int,
        *,
        among: Iterable[int] | None = None,
        exclude: Iterable[int] = (),
        visible_ecosystems: Iterable[int] | None = None,
        limit: int = 10,
    ) -> list[Match]:
        """The best ``limit`` matches for one organisation, with the parts of their scores.

        ``visible_ecosystems`` are the ecosystems the viewer may see (None: all); others
        add no points and appear in no reason, so a members-only ecosystem never leaks.
        """
        self.ready()
        me = self._index.get(organisation)
        if me is None or limit <= 0:
            return []
        profile = self._profiles[organisation]
        visible = self._visible_mask(visible_ecosystems)
        own_ecosystems = {
            key for key in profile.ecosystems if visible[self._ecosystem_index[key]]
        }
        helix = self._helix & self._helix[me] & (self._kind_codes != self._kind_codes[me])
        return self._rank(
            [me], profile.themes, own_ecosystems, visible, helix, {me},
            among, exclude, limit,
        )

    def rank_group(
        self,
        members: Iterable[int],
        *,
        themes: Iterable[int] = (),
        ecosystem: int | None = None,
        exclude: Iterable[int] = (),
        visible_ecosystems: Iterable[int] | None = None,
        limit: int = 10,
    ) -> list[Match]:
        """Who should join a group (an ecosystem, a round table): organisations that answer
        its members' needs, share its themes, and bring a kind of the triple helix it lacks."""
        self.ready()
        rows = [self._index[key] for key in members if key in self._index]
        visible = self._visible_mask(visible_ecosystems)
        own_ecosystems = set()
        if ecosystem in self._ecosystem_index and visible[self._ecosystem_index[ecosystem]]:
            own_ecosystems = {ecosystem}
        present = {self._kind_codes[row] for row in rows}
        helix = self._helix & ~np.isin(self._kind_codes, list(present))
        return self._rank(
            rows, frozenset(themes), own_ecosystems, visible, helix, set(rows),
            None, exclude, limit,
        )

    def _rank(self, rows, themes, own_ecosystems, visible, helix, skip, among, exclude, limit):
        n = len(self._ids)
        if not rows or limit <= 0:
            return []
        needs = self._similarities(rows, SEEK, OFFER)
        gives = self._similarities(rows, OFFER, SEEK)
        total = needs[1].sum(axis=0) * NEED_POINTS + gives[1].sum(axis=0) * OFFER_POINTS
        theme_vector = np.zeros(self._themes.shape[1], dtype=np.int32)
        theme_vector[[self._theme_index[key] for key in themes if key in self._theme_index]] = 1
        shared_themes = np.asarray(self._themes @ theme_vector).ravel()
        total = total + np.minimum(shared_themes, MAX_THEMES) * THEME_POINTS
        shared, neighbouring = self._ecosystem_counts(own_ecosystems, visible)
        total = total + np.minimum(shared, MAX_ECOSYSTEMS) * SHARED_ECOSYSTEM_POINTS
        total = total + np.minimum(neighbouring, MAX_ECOSYSTEMS) * NEIGHBOUR_POINTS
        total = total + np.where(helix & (total > 0), HELIX_POINTS, 0)

        allowed = self._alive.copy()
        allowed[list(skip)] = False
        if among is not None:
            chosen = np.zeros(n, dtype=bool)
            chosen[[self._index[key] for key in among if key in self._index]] = True
            allowed &= chosen
        for key in exclude:
            if key in self._index:
                allowed[self._index[key]] = False
        total = np.where(allowed, total, 0.0)
        candidates = np.flatnonzero(total > 0)
        if len(candidates) > limit * 3:
            keep = np.argpartition(-total[candidates], limit * 3)[: limit * 3]
            candidates = candidates[keep]
        matches = [
            self._explain(int(other), needs, gives, themes, own_ecosystems, visible,
                          bool(helix[other]), rows)
            for other in candidates
        ]
        matches.sort(key=lambda match: (-match.score, match.organisation))
        return [match for match in matches if match.score > 0][:limit]

    def _similarities(self, rows: list[int], mine: str, theirs: str):
        """Per entry of the given organisations × organisation: the best cosine, or 0."""
        own, other = self._sides[mine], self._sides[theirs]
        n = len(self._ids)
        entries = np.concatenate(
            [np.arange(*own.span(row)) for row in rows] or [np.array([], dtype=np.int64)]
        ).astype(np.int64)
        if not len(entries) or other.matrix.shape[0] == 0:
            return entries, np.zeros((1, n)), None
        cosine = (own.matrix[entries] @ other.transposed).toarray()
        best = np.zeros((len(entries), n))
        groups = np.flatnonzero(other.has)
        best[:, groups] = np.maximum.reduceat(cosine, other.starts[groups], axis=1)
        best[best < MIN_SIMILARITY] = 0.0
        return entries, best, cosine

    def _visible_mask(self, visible: Iterable[int] | None) -> np.ndarray:
        count = max(len(self._ecosystem_ids), 1)
        if visible is None:
            return np.ones(count, dtype=bool)
        mask = np.zeros(count, dtype=bool)
        mask[[self._ecosystem_index[k] for k in visible if k in self._ecosystem_index]] = True
        return mask

    def _ecosystem_counts(self, own: set[int], visible: np.ndarray):
        mine = np.zeros(len(visible), dtype=np.int32)
        mine[[self._ecosystem_index[key] for key in own]] = 1
        shared = np.asarray(self._members @ mine).ravel()
        near = (np.asarray(self._neighbours @ mine).ravel() > 0) & visible & (mine == 0)
        neighbouring = np.asarray(self._members @ near.astype(np.int32)).ravel()
        return shared, neighbouring

    def _explain(self, other, needs, gives, themes, own_ecosystems, visible, helix, rows):
        parts: list[Part] = []
        for (entries, best, cosine), mine, theirs, kind, points in (
            (needs, SEEK, OFFER, "offer_answers_need", NEED_POINTS),
            (gives, OFFER, SEEK, "need_answered_by_offer", OFFER_POINTS),
        ):
            if cosine is None:
                continue
            start, end = self._sides[theirs].span(other)
            for row in np.flatnonzero(best[:, other]):
                column = start + int(np.argmax(cosine[row, start:end]))
                own = self._sides[mine].entries[int(entries[row])]
                owner = int(self._ids[self._sides[mine].owner[int(entries[row])]])
                their = self._sides[theirs].entries[column]
                offer, need = (their, own) if mine == SEEK else (own, their)
                parts.append(Part(kind, round(best[row, other] * points), {
                    "offer_id": offer.id, "offer": offer.title,
                    "need_id": need.id, "need": need.title, "member": owner,
                    "similarity": f"{best[row, other]:.2f}",
                }))
        their_profile = self._profiles[int(self._ids[other])]
        for theme in sorted(set(themes) & their_profile.themes)[:MAX_THEMES]:
            parts.append(Part("shared_theme", THEME_POINTS, {"theme": theme}))
        seen = {int(key) for key in self._ecosystem_ids[visible[: len(self._ecosystem_ids)]]}
        theirs_ecosystems = their_profile.ecosystems & seen
        for ecosystem in sorted(own_ecosystems & theirs_ecosystems)[:MAX_ECOSYSTEMS]:
            parts.append(Part("neighbouring_ecosystem", SHARED_ECOSYSTEM_POINTS,
                              {"own": ecosystem, "theirs": ecosystem}))
        near = []
        for theirs in sorted(theirs_ecosystems - own_ecosystems):
            column = self._ecosystem_index[theirs]
            for own in sorted(own_ecosystems):
                if self._neighbours[self._ecosystem_index[own], column]:
                    near.append((own, theirs))
                    break
        for own, theirs in near[:MAX_ECOSYSTEMS]:
            parts.append(Part("neighbouring_ecosystem", NEIGHBOUR_POINTS,
                              {"own": own, "theirs": theirs}))
        if helix and parts:
            own_kinds = sorted({self._kinds[row] for row in rows})
            parts.append(Part("triple_helix", HELIX_POINTS,
                              {"own": ",".join(own_kinds), "theirs": their_profile.kind}))
        parts = [part for part in parts if part.points > 0]
        return Match(int(self._ids[other]), sum(part.points for part in parts), tuple(parts))
