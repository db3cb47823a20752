"""The API, tiles, the standalone verifier and ``verify_log``, including tamper tests."""

from __future__ import annotations

import argparse
import base64

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from zwerm.core.testing.fixtures import assert_error_format
from zwerm.transparency import checkpoints, formats, keys, notes, services, storage, verify
from zwerm.transparency.models import Cosignature, Salt


def _signed(world, n: int = 5):
    world.record(n=n)
    services.sequence_all()
    log = services.log_for(world.ecosystem.uuid)
    checkpoints.checkpoint_sign(log)
    return log


def _fetcher(client, **headers):
    def fetch(url: str) -> bytes:
        response = client.get(url.replace("http://testserver", ""), **headers)
        if response.status_code != 200:
            raise verify.Mismatch(f"{url} answered {response.status_code}.")
        return response.content

    return fetch


def _args(world, log, tmp_path, **extra) -> list[str]:
    argv = ["--base-url", "http://testserver", "--ecosystem", str(world.ecosystem.uuid),
            "--vkey", keys.verifier(log.origin).vkey, "--state", str(tmp_path / "state.json")]
    for name, value in extra.items():
        flag = f"--{name.replace('_', '-')}"
        argv += [flag] if value is True else [flag, str(value)]
    return argv


def _tamper(sql: str, params: list) -> None:
    with storage.maintenance("test"), connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_the_verifier_checks_checkpoint_entries_and_consistency_over_time(world, client, tmp_path):
    log = _signed(world, 300)  # more than one entry tile
    assert verify.main(_args(world, log, tmp_path), fetch=_fetcher(client)) == 0
    world.record(n=7)
    services.sequence_all()
    checkpoints.checkpoint_sign(log)
    assert verify.main(_args(world, log, tmp_path, index=301), fetch=_fetcher(client)) == 0


def test_the_verifier_reports_a_changed_leaf(world, client, tmp_path, capsys):
    log = _signed(world)
    _tamper("UPDATE transparency_logentry SET body = %s WHERE idx = 2", [b"\x01{}"])
    assert verify.main(_args(world, log, tmp_path), fetch=_fetcher(client)) == 1
    assert "do not add up to the signed root" in capsys.readouterr().err
    assert verify.main(_args(world, log, tmp_path, index=2), fetch=_fetcher(client)) == 1


def test_the_verifier_reports_a_changed_node_and_a_changed_checkpoint(world, client, tmp_path):
    log = _signed(world)
    _tamper("UPDATE transparency_treenode SET hash = %s WHERE level = 2 AND idx = 0",
            [b"\x07" * 32])
    assert verify.main(_args(world, log, tmp_path, index=4), fetch=_fetcher(client)) == 1
    _tamper("UPDATE transparency_checkpoint SET note = replace(note, %s, %s)",
            ["\n5\n", "\n6\n"])
    assert verify.main(_args(world, log, tmp_path, no_entries=True), fetch=_fetcher(client)) == 1


def test_the_verifier_refuses_a_log_that_forked_from_what_it_saw(world, client, tmp_path):
    log = _signed(world, 4)
    assert verify.main(_args(world, log, tmp_path), fetch=_fetcher(client)) == 0
    state = tmp_path / "state.json"
    state.write_text(state.read_text().replace('"size": 4', '"size": 3'))
    world.record(n=2)
    services.sequence_all()
    checkpoints.checkpoint_sign(log)
    assert verify.main(_args(world, log, tmp_path), fetch=_fetcher(client)) == 1


def test_verify_log_reports_tampering_with_each_kind_of_row(world):
    log = _signed(world, 6)
    call_command("verify_log")
    tampering = [
        ("UPDATE core_activity SET subject_type = 'x' WHERE seq = %s", "differs from entry"),
        ("UPDATE transparency_logentry SET body = %s WHERE idx = 1", "leaf hash"),
        ("UPDATE transparency_treenode SET hash = %s WHERE level = 2 AND idx = 0", "altered"),
        ("UPDATE transparency_checkpoint SET root = %s", "differs from its note"),
    ]
    seq = storage.entry_rows(log.pk, 3, 4)[0][4]
    for sql, message in tampering:
        with transaction.atomic():
            params = [seq] if "core_activity" in sql else [b"\x02" * 32]
            _tamper(sql, params)
            with pytest.raises(CommandError):
                call_command("verify_log")
            from zwerm.transparency.audit import audit

            assert any(message in problem for problem in audit().problems), message
            transaction.set_rollback(True)


def test_verify_log_reports_pending_activities_separately(world, capsys):
    _signed(world, 2)
    world.record(n=3)
    call_command("verify_log")
    assert "3 activities pending" in capsys.readouterr().out


def test_erasing_salts_keeps_every_check_green(world, client, tmp_path, capsys):
    log = _signed(world, 4)
    Salt.objects.filter(person=world.admin).delete()  # as erasing the account does
    assert not Salt.objects.exists()
    call_command("verify_log")
    assert "4 entries with erased salts" in capsys.readouterr().out
    assert verify.main(_args(world, log, tmp_path), fetch=_fetcher(client)) == 0


def test_the_verifier_imports_nothing_of_django(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(verify.__file__).resolve().parents[2]
    code = (
        f"import sys; sys.path.insert(0, {str(root)!r}); import zwerm.transparency.verify; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    out = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr


def test_tiles_serve_hashes_and_bundles_with_cache_headers(world, client):
    log = _signed(world, 5)
    base = f"/ecosystems/{world.ecosystem.uuid}/log"
    response = client.get(f"{base}/tile/0/000.p/5")
    assert response.status_code == 200 and len(response.content) == 5 * 32
    assert response["Cache-Control"] == "public, max-age=5"
    assert response.content[:32] == storage.level_hashes(log.pk, 0, 0, 1)[0]
    bundle = client.get(f"{base}/tile/entries/000.p/5").content
    assert len(formats.unbundle(bundle)) == 5
    assert client.get(f"{base}/tile/0/000").status_code == 404  # not full yet
    assert client.get(f"{base}/tile/0/x000/000").status_code == 404
    note = client.get(f"{base}/checkpoint").content.decode()
    assert notes.parse_checkpoint(notes.split_note(note)[0]).size == 5


def test_full_tiles_are_immutable(world, client):
    _signed(world, 256)
    response = client.get(f"/ecosystems/{world.ecosystem.uuid}/log/tile/0/000")
    assert len(response.content) == 8192
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_a_members_only_log_needs_a_member_and_is_private(private_world, client, api_for):
    log = _signed(private_world, 3)
    base = f"/ecosystems/{private_world.ecosystem.uuid}/log"
    assert client.get(f"{base}/checkpoint").status_code == 404
    assert client.get(f"{base}/tile/entries/000.p/3").status_code == 404
    member = api_for(private_world.admin, private_world.organisation)
    response = member.get(f"{base}/tile/entries/000.p/3")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"
    api_path = f"transparency/logs/{private_world.ecosystem.uuid}"
    anonymous = member.__class__(client)
    assert_error_format(anonymous.get(api_path), 404)
    detail = member.get(api_path)
    assert detail.status_code == 200 and detail["Cache-Control"].startswith("private")
    assert detail.json()["vkey"] == keys.verifier(log.origin).vkey


def test_proof_endpoints_answer_and_validate(world, api):
    _signed(world, 9)
    path = f"transparency/logs/{world.ecosystem.uuid}"
    body = api.get(f"{path}/proof/inclusion", {"index": 3, "size": 9}).json()
    assert len(body["proof"]) == 4
    body = api.get(f"{path}/proof/consistency", {"first": 3, "second": 9}).json()
    assert body["proof"]
    assert_error_format(api.get(f"{path}/proof/consistency", {"first": 3, "second": 99}), 422)
    assert_error_format(api.get(f"{path}/entries/42"), 404)
    entry = api.get(f"{path}/entries/0").json()
    assert entry["fields"]["type"] == "ecosystems.membership.joined"


def test_a_witness_registers_its_key_and_cosigns_through_the_verifier(
    world, client, api_for, tmp_path
):
    log = _signed(world, 3)
    witness = Ed25519PrivateKey.generate()
    public = witness.public_key().public_bytes_raw()
    name = "witness.example/org"
    vkey = notes.verifier_for(name, public, notes.COSIGNATURE).vkey
    admin = api_for(world.admin, world.organisation)
    assert admin.post("transparency/witness-keys", {"vkey": vkey}).status_code == 201
    pem = tmp_path / "witness.pem"
    pem.write_bytes(witness.private_bytes(serialization.Encoding.PEM,
                                          serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))

    def post(url: str, payload: dict) -> bytes:
        response = admin.post(url.replace("http://testserver/api/v1/", ""), payload)
        assert response.status_code == 201, response.content
        return response.content

    args = verify.parser().parse_args(_args(world, log, tmp_path, witness_key=pem,
                                            witness_name=name, token="x"))
    verify.run(args, _fetcher(client), post)
    assert Cosignature.objects.get().organisation_label == str(world.organisation)
    page = client.get(f"/ecosystems/{world.ecosystem.uuid}/log/")
    assert str(world.organisation) in page.content.decode()


def test_only_an_organisation_admin_registers_a_witness_key(world, api_for):
    from zwerm.organisations.tests.factories import person_in

    colleague = person_in(world.organisation)
    key = Ed25519PrivateKey.generate().public_key().public_bytes_raw()
    vkey = notes.verifier_for("w.example/x", key, notes.COSIGNATURE).vkey
    response = api_for(colleague, world.organisation).post("transparency/witness-keys",
                                                           {"vkey": vkey})
    assert_error_format(response, 403)


def test_log_rows_reject_update_and_delete(world):
    log = _signed(world, 2)
    assert storage.has_append_only_triggers() >= {
        "transparency_logentry", "transparency_treenode", "transparency_checkpoint"
    }
    statements = [
        "UPDATE transparency_logentry SET kind = 'x'",
        "DELETE FROM transparency_logentry",
        "UPDATE transparency_treenode SET hash = hash",
        "DELETE FROM transparency_treenode",
        "UPDATE transparency_checkpoint SET note = ''",
        "DELETE FROM transparency_checkpoint",
    ]
    for sql in statements:
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert services.log_for(world.ecosystem.uuid).size == log.size


def test_argparse_namespace_is_complete():
    args = verify.parser().parse_args(["--base-url", "u", "--ecosystem", "e", "--vkey", "k"])
    assert isinstance(args, argparse.Namespace) and args.index is None
    assert base64.b64decode(notes.b64(b"x")) == b"x"
