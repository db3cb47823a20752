"""A real huey worker process delivers a notification email queued by another process.

The rest of the suite runs tasks immediately; this test proves that the queue, the worker
command and the task's imports work for real, as in ``make run`` and in production.
Everything runs in separate processes against a throw-away SQLite database and huey file,
so the test database and settings of the suite are never touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.worker

ROOT = Path(settings.BASE_DIR)
DEADLINE_SECONDS = 15

# Runs in its own process with the worker's environment: one person, one activity, one
# notification, then the task call, which enqueues (settings have immediate=False).
ENQUEUE = """
import django
django.setup()
from django.db import transaction
from zwerm.accounts.models import User
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.models import Notification
from zwerm.core.tasks import send_notification_emails
from zwerm.organisations.models import Organisation

person = User.objects.create_user("anne.de.vries@example.nl", "demo", name="Anne de Vries")
with transaction.atomic():
    organisation = Organisation.objects.create(name="Bouwbedrijf Test", slug="bouw", kind="company")
    activity = record(
        verb="organisations.organisation.created",
        actor=Actor(person=person, organisation=organisation),
        subject=organisation,
    )
    notification = Notification.objects.create(
        recipient=person, kind="test.worker", activity=activity, url="/organisations/bouw/"
    )
result = send_notification_emails([str(notification.uuid)])
print("queued", result.id)
"""


def _environment(tmp_path: Path) -> dict[str, str]:
    """The production-like settings of a separate instance living in ``tmp_path``."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("ZWERM_")}
    env.update(
        DJANGO_SETTINGS_MODULE="zwerm.settings",
        DEBUG="1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'zwerm.sqlite3'}",
        HUEY_SQLITE_PATH=str(tmp_path / "huey.sqlite3"),
        ZWERM_VAR_DIR=str(tmp_path / "var"),
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path / "mail"),
        PYTHONPATH=str(ROOT),
    )
    env.pop("HUEY_REDIS_URL", None)
    return env


def _run(args: list[str], env: dict[str, str]) -> str:
    completed = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def _wait_for_mail(mail_dir: Path, deadline: float) -> list[Path]:
    while time.monotonic() < deadline:
        files = [path for path in mail_dir.glob("*.log") if path.stat().st_size > 0]
        if files:
            return files
        time.sleep(0.2)
    return []


def test_a_real_worker_sends_the_notification_email_queued_by_another_process(tmp_path):
    env = _environment(tmp_path)
    mail_dir = tmp_path / "mail"
    _run(["manage.py", "migrate", "--noinput", "-v", "0"], env)

    worker = subprocess.Popen(
        [sys.executable, "manage.py", "run_huey", "--workers", "1", "--delay", "0.1"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        assert "queued" in _run(["-c", ENQUEUE], env)
        files = _wait_for_mail(mail_dir, time.monotonic() + DEADLINE_SECONDS)
    finally:
        worker.terminate()
        try:
            output, _ = worker.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()
            output, _ = worker.communicate()

    assert files, f"No email within {DEADLINE_SECONDS} s. Worker output:\n{output}"
    message = "".join(path.read_text() for path in files)
    assert "To: anne.de.vries@example.nl" in message
    assert "Bouwbedrijf Test" in message
    emailed = _run(
        [
            "-c",
            "import django; django.setup(); from zwerm.core.models import Notification; "
            "print(Notification.objects.filter(emailed_at__isnull=False).count())",
        ],
        env,
    )
    assert emailed.strip() == "1"
