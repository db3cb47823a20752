"""Both catalogues of every app are complete: no untranslated and no fuzzy entries."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(ROOT.glob("**/locale/*/LC_MESSAGES/django.po"))


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_is_complete(catalogue):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not re.search(r"\d+ (fuzzy|untranslated)", result.stderr), result.stderr


def test_every_app_with_strings_has_both_catalogues():
    for app in sorted(p for p in ROOT.iterdir() if (p / "apps.py").exists()):
        if app.name == "demo":
            continue
        for language in ("nl", "en"):
            assert (app / "locale" / language / "LC_MESSAGES" / "django.po").exists(), (
                f"{app.name} has no {language} catalogue"
            )
