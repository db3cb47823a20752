"""The index in the database, and each process's in-memory copy of it.

``reindex`` writes what the engine needs of some organisations (their entries' terms
analysed once) and raises ``IndexVersion``. ``IndexCache.engine()`` compares that version
with its own before every answer and reloads only the rows changed since, so several app
processes never serve a stale index. Profile changes reach ``reindex`` through an activity
listener (``handlers.py``), never through model signals.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import F

from zwerm.ecosystems.models import Ecosystem, Membership
from zwerm.matchmaking.engine import Engine, Entry, Match, Profile
from zwerm.matchmaking.models import IndexedOrganisation, IndexVersion
from zwerm.matchmaking.text import Analyser, default_analyser
from zwerm.organisations.models import Organisation, ProfileEntry

INDEXED_STATES = (Membership.State.ACTIVE, Membership.State.PAUSED)
BATCH = 500


def _next_version() -> int:
    """Take the version row's lock (until commit) and return the next number."""
    IndexVersion.objects.get_or_create(pk=1)
    IndexVersion.objects.filter(pk=1).update(value=F("value") + 1)
    return IndexVersion.objects.values_list("value", flat=True).get(pk=1)


def _rows(organisation_ids: list[int], analyser: Analyser, version: int):
    """One row per organisation; plain values, not model instances (10,000s at a rebuild)."""
    kinds = dict(Organisation.objects.filter(
        pk__in=organisation_ids, merged_into__isnull=True
    ).values_list("pk", "kind"))
    themes: dict[int, list[int]] = {key: [] for key in kinds}
    for organisation_id, theme_id in Organisation.themes.through.objects.filter(
        organisation_id__in=list(kinds)
    ).values_list("organisation_id", "theme_id").order_by("theme_id"):
        themes[organisation_id].append(theme_id)
    entries: dict[int, list[dict]] = {key: [] for key in kinds}
    for pk, organisation_id, kind, title, description in ProfileEntry.objects.filter(
        organisation_id__in=list(kinds)
    ).order_by("organisation_id", "kind", "position", "id").values_list(
        "pk", "organisation_id", "kind", "title", "description"
    ):
        entries[organisation_id].append({
            "id": pk, "kind": kind, "title": title,
            "t": analyser.terms(title), "d": analyser.terms(description),
        })
    ecosystems: dict[int, list[int]] = {key: [] for key in kinds}
    for organisation_id, ecosystem_id in Membership.objects.filter(
        organisation_id__in=list(kinds), state__in=INDEXED_STATES
    ).values_list("organisation_id", "ecosystem_id").order_by("ecosystem_id"):
        ecosystems[organisation_id].append(ecosystem_id)
    for key in organisation_ids:
        if key not in kinds:
            yield IndexedOrganisation(organisation_id=key, kind="", active=False, version=version)
            continue
        yield IndexedOrganisation(
            organisation_id=key, kind=kinds[key], themes=themes[key],
            ecosystems=ecosystems[key], entries=entries[key], active=True, version=version,
        )


@transaction.atomic
def reindex(organisation_ids: Iterable[int], analyser: Analyser | None = None) -> int:
    """Store the current profile of these organisations; returns the new version."""
    analyser = analyser or default_analyser()
    version = _next_version()
    wanted = sorted(set(organisation_ids))
    for start in range(0, len(wanted), BATCH):
        rows = list(_rows(wanted[start:start + BATCH], analyser, version))
        IndexedOrganisation.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["organisation_id"],
            update_fields=["kind", "themes", "ecosystems", "entries", "active", "version"],
        )
    return version


@transaction.atomic
def touch() -> int:
    """Raise the version without changing rows: an ecosystem's themes changed."""
    return _next_version()


@transaction.atomic
def rebuild(analyser: Analyser | None = None) -> int:
    """Index every organisation again (a new glossary, or a first start)."""
    analyser = analyser or default_analyser()
    IndexVersion.objects.get_or_create(pk=1)
    IndexVersion.objects.filter(pk=1).update(analyser=analyser.fingerprint)
    known = set(IndexedOrganisation.objects.values_list("organisation_id", flat=True))
    current = set(Organisation.objects.values_list("pk", flat=True))
    return reindex(known | current, analyser)


def _profile(row: IndexedOrganisation) -> Profile:
    return Profile(
        id=row.organisation_id, kind=row.kind, themes=frozenset(row.themes),
        ecosystems=frozenset(row.ecosystems),
        entries=tuple(
            Entry(id=item["id"], kind=item["kind"], title=item["title"],
                  terms=tuple(item["t"]), description_terms=tuple(item["d"]))
            for item in row.entries
        ),
    )


class IndexCache:
    """One process's copy of the index, kept current against ``IndexVersion``."""

    def __init__(self, analyser: Analyser | None = None) -> None:
        self.analyser = analyser or default_analyser()
        self.version = -1
        self._engine: Engine | None = None
        # The engine patches itself in place: one thread at a time updates or ranks.
        self._lock = threading.RLock()

    def engine(self) -> Engine:
        """The engine as of the database's current version (one query when unchanged)."""
        state = IndexVersion.objects.filter(pk=1).values_list("value", "analyser").first()
        if state is None or state[1] != self.analyser.fingerprint:
            rebuild(self.analyser)
            state = IndexVersion.objects.values_list("value", "analyser").get(pk=1)
        with self._lock:
            if self._engine is None or state[0] != self.version:
                self._load(state[0])
            self._engine.ready()
            return self._engine

    def rank(self, organisation: int, **options: Any) -> list[Match]:
        """``Engine.rank`` on the current index, safe with several threads."""
        with self._lock:
            return self.engine().rank(organisation, **options)

    def rank_group(self, members: list[int], **options: Any) -> list[Match]:
        with self._lock:
            return self.engine().rank_group(members, **options)

    def _load(self, version: int) -> None:
        if self._engine is None or version < self.version:  # first load, or a restored database
            self._engine = Engine(self.analyser)
            rows = IndexedOrganisation.objects.all()
        else:
            rows = IndexedOrganisation.objects.filter(version__gt=self.version)
        changed = list(rows.order_by("version"))
        self._engine.remove(row.organisation_id for row in changed if not row.active)
        self._engine.update(_profile(row) for row in changed if row.active)
        themes: dict[int, list[int]] = {key: [] for key in Ecosystem.objects.values_list(
            "pk", flat=True)}
        for ecosystem_id, theme_id in Ecosystem.themes.through.objects.values_list(
            "ecosystem_id", "theme_id"
        ):
            themes.setdefault(ecosystem_id, []).append(theme_id)
        self._engine.set_ecosystems(themes)
        self.version = max([version, *(row.version for row in changed)])


_cache = IndexCache()


def current_engine() -> Engine:
    """This process's engine, current as of the database."""
    return _cache.engine()


def current() -> IndexCache:
    """This process's copy of the index; rank through it (it is thread-safe)."""
    return _cache
