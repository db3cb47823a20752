"""The verifier, run as an outsider would: a fresh venv with only ``cryptography``, over HTTP.

The repository is on ``PYTHONPATH`` so the checkout's own modules run; Django is not
installed in that venv, so any import of it would fail the run. Creating the venv needs
pip to reach a package index (or the local wheel folder); without one the test is skipped.
"""

from __future__ import annotations

import os
import subprocess
import venv
from pathlib import Path

import pytest
from django.db import connection, transaction

from zwerm.transparency import checkpoints, keys, services, storage
from zwerm.transparency.tests.conftest import World

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def outsider_python(tmp_path_factory) -> Path:
    """A venv with cryptography and nothing of the project's dependencies."""
    folder = tmp_path_factory.mktemp("verifier-venv")
    venv.EnvBuilder(with_pip=True).create(folder)
    python = folder / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "cryptography"],
        capture_output=True, text=True, timeout=600,
    )
    if install.returncode != 0:
        pytest.skip(f"pip could not install cryptography in a new venv: {install.stderr[-400:]}")
    probe = subprocess.run([str(python), "-c", "import django"], capture_output=True)
    assert probe.returncode != 0, "the outsider's venv must not have Django"
    return python


def _verify(python: Path, tmp_path: Path, live_server, world: World, *extra: str):
    log = services.log_for(world.ecosystem.uuid)
    command = [
        str(python), "-m", "zwerm.transparency.verify",
        "--base-url", live_server.url, "--ecosystem", str(world.ecosystem.uuid),
        "--vkey", keys.verifier(log.origin).vkey, "--state", str(tmp_path / "state.json"),
        *extra,
    ]
    environment = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT),
                   "HOME": str(tmp_path)}
    return subprocess.run(command, capture_output=True, text=True, timeout=120,
                          cwd=tmp_path, env=environment)


def _grow_and_sign(world: World, n: int) -> None:
    world.record(n=n)  # committed: the sequencer runs after commit (huey is immediate)
    checkpoints.checkpoint_sign(services.log_for(world.ecosystem.uuid))


@pytest.mark.django_db(transaction=True)
def test_the_standalone_verifier_checks_a_live_log_and_catches_a_tampered_node(
    outsider_python, live_server, tmp_path
):
    world = World()
    _grow_and_sign(world, 5)
    first = _verify(outsider_python, tmp_path, live_server, world)
    assert first.returncode == 0, first.stderr
    assert "OK: checkpoint of 5 entries; 5 entries checked." in first.stdout

    _grow_and_sign(world, 4)
    second = _verify(outsider_python, tmp_path, live_server, world)
    assert second.returncode == 0, second.stderr
    assert "checkpoint of 9 entries, consistent with 5" in second.stdout

    # Inclusion of leaf 0 in a tree of 9 reads node(2, 1): change it behind the app's back.
    log = services.log_for(world.ecosystem.uuid)
    with transaction.atomic(), storage.maintenance("test"), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE transparency_treenode SET hash = %s WHERE log_id = %s AND level = 2 "
            "AND idx = 1", [b"\x07" * 32, log.pk],
        )
    tampered = _verify(outsider_python, tmp_path, live_server, world, "--index", "0")
    assert tampered.returncode == 1
    assert "FAILED: Entry 0 is not included in the signed log" in tampered.stderr


@pytest.mark.django_db(transaction=True)
def test_the_standalone_verifier_learns_nothing_of_a_members_only_log(
    outsider_python, live_server, tmp_path
):
    world = World(visibility="members")
    _grow_and_sign(world, 3)
    result = _verify(outsider_python, tmp_path, live_server, world)
    assert result.returncode == 1
    assert "answered 404" in result.stderr
    assert world.ecosystem.name not in result.stdout + result.stderr
    assert not (tmp_path / "state.json").exists()

