"""What every benchmark shares: a fresh database, the machine it ran on, and the report line.

Benchmarks run against a new SQLite file in WAL mode (the embedded default), migrated from
scratch in a temporary folder that is removed at exit, so they never touch a real database
and their numbers are comparable between runs and machines.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def parser(description: str, default_n: int) -> argparse.ArgumentParser:
    """An argument parser with the ``--n`` every benchmark accepts."""
    result = argparse.ArgumentParser(description=description)
    result.add_argument(
        "--n", type=int, default=default_n, help=f"how many rows to create (default {default_n})"
    )
    return result


def setup_django(name: str) -> Path:
    """Configure Django against a new, migrated SQLite database; returns its folder.

    Must run before any model is imported. The environment is set here, not inherited,
    so that a developer's ``DATABASE_URL`` or Redis queue is never used by a benchmark.
    """
    folder = Path(tempfile.mkdtemp(prefix=f"zwerm-bench-{name}-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="zwerm.settings",
        DATABASE_URL=f"sqlite:///{folder / 'bench.sqlite3'}",
        HUEY_SQLITE_PATH=str(folder / "huey.sqlite3"),
        ZWERM_VAR_DIR=str(folder),
        SECRET_KEY="zwerm-benchmark-only",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    for variable in ("HUEY_REDIS_URL", "DEBUG", "ZWERM_DEMO", "ZWERM_TESTING"):
        os.environ.pop(variable, None)

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    return folder


def machine() -> dict[str, Any]:
    """The CPU model (from /proc/cpuinfo where there is one) and the number of cores."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    if cpu == "unknown":
        import platform

        cpu = platform.processor() or platform.machine() or "unknown"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"cpu": cpu, "cores": cores}


def timed(function: Callable[[], Any], repeat: int) -> list[float]:
    """Run ``function`` ``repeat`` times; the durations in milliseconds."""
    durations = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        durations.append((time.perf_counter() - start) * 1000)
    return durations


def percentile(values: Sequence[float], p: int) -> float:
    """The p-th percentile (inclusive method), rounded to 0.01 ms."""
    if len(values) == 1:
        return round(values[0], 2)
    return round(statistics.quantiles(values, n=100, method="inclusive")[p - 1], 2)


@contextmanager
def stopwatch() -> Iterator[dict[str, float]]:
    """``with stopwatch() as clock: ...`` then ``clock["seconds"]``."""
    clock = {"seconds": 0.0}
    start = time.perf_counter()
    try:
        yield clock
    finally:
        clock["seconds"] = time.perf_counter() - start


def say(message: str) -> None:
    """Progress for the person watching; the machine reads only the last line."""
    print(message, flush=True)


def report(benchmark: str, result: dict[str, Any]) -> None:
    """Print the one JSON object that is a benchmark's last line."""
    print(json.dumps({"benchmark": benchmark, **machine(), **result}, sort_keys=False), flush=True)
