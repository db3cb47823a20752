"""Every benchmark runs at a tiny size and ends with its one JSON line."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from bench.__main__ import available


@pytest.mark.parametrize("name", available())
def test_benchmark_runs_small_and_reports_one_json_line(name):
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    completed = subprocess.run(
        [sys.executable, "-m", "bench", name, "--n", "600"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    assert result["benchmark"] == name
    assert result["cpu"] and result["cores"] >= 1
