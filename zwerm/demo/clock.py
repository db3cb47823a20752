"""A clock that walks through the past year, so demo history gets realistic dates.

Services read the time from ``django.utils.timezone.now``; patching it makes every
activity, membership event and timestamp carry the demo's date. Model fields declared
with ``default=timezone.now`` hold the original function, so their cached default is
swapped too, and restored on exit.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from types import TracebackType
from unittest import mock

from django.apps import apps
from django.utils import timezone

# The demo year: day 0 lies DAYS + 1 days ago, so day DAYS (the last the clock reaches) is
# yesterday and day DAYS + 1 today; events planned beyond it are still to come.
DAYS = 365
LAST_DAY = DAYS


class DemoClock:
    """``with DemoClock(start) as clock: clock.at(day=12, minutes=30); service(...)``."""

    def __init__(self, start: datetime) -> None:
        self.start = start
        self.current = start
        self._patch = mock.patch("django.utils.timezone.now", self.now)
        self._fields: list = []

    def now(self) -> datetime:
        return self.current

    def at(self, *, day: int, minutes: int = 0) -> datetime:
        """Move to ``minutes`` past 09:00 UTC on ``day``; the clock never goes back."""
        moment = self.start + timedelta(days=day, hours=9, minutes=minutes)
        self.current = max(moment, self.current + timedelta(seconds=1))
        return self.current

    def advance(self, seconds: float) -> datetime:
        """Move on a little within a step (people checked in one after another)."""
        self.current += timedelta(seconds=seconds)
        return self.current

    def __enter__(self) -> DemoClock:
        original = timezone.now
        self._patch.start()
        for model in apps.get_models():
            for field in model._meta.concrete_fields:
                if field.default is original:
                    field.__dict__["_get_default"] = self.now
                    self._fields.append(field)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for field in self._fields:
            field.__dict__.pop("_get_default", None)
        self._fields.clear()
        self._patch.stop()
