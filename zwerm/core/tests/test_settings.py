"""Production settings are safe by default; the demo and tests relax them explicitly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("ZWERM_", "DJANGO_"))}
    clean.pop("DEBUG", None)
    clean.pop("SECRET_KEY", None)
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True,
        check=False, timeout=120,
    )


def test_a_secret_key_is_required_without_debug():
    result = run_python(
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='zwerm.settings'; "
        "import django; django.setup()"
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_defaults_are_secure():
    code = (
        "import os, json; os.environ['DJANGO_SETTINGS_MODULE']='zwerm.settings'; "
        "import django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS, s.ALLOWED_HOSTS, "
        "s.CONTENT_SECURITY_POLICY['DIRECTIVES']['script-src'], "
        "s.CONTENT_SECURITY_POLICY['DIRECTIVES']['style-src']]))"
    )
    result = run_python(code, SECRET_KEY="x" * 60)
    assert result.returncode == 0, result.stderr
    debug, session_secure, csrf_secure, hsts, hosts, script_src, style_src = (
        __import__("json").loads(result.stdout.strip().splitlines()[-1])
    )
    assert debug is False and session_secure and csrf_secure
    assert hsts >= 31536000
    assert hosts == []
    assert "'unsafe-inline'" not in script_src and "'unsafe-inline'" not in style_src


def test_deploy_check_passes_with_production_settings():
    """Only the HSTS preload list remains, an operator's choice (SECURE_HSTS_PRELOAD=1)."""
    result = run_python(
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        SECURE_HSTS_PRELOAD="1",
        DJANGO_SETTINGS_MODULE="zwerm.settings",
        SECRET_KEY="a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
        ALLOWED_HOSTS="zwerm.example.nl",
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"
