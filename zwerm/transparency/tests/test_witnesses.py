"""Witness keys: registered and revoked by organisation admins, recorded, used to cosign."""

from __future__ import annotations

import time

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.models import Activity
from zwerm.core.testing.fixtures import assert_error_format
from zwerm.organisations.tests.factories import OrganisationFactory, person_in
from zwerm.transparency import checkpoints, notes, services
from zwerm.transparency.models import Cosignature, WitnessKey

NAME = "witness.example/one"


def _key():
    private = Ed25519PrivateKey.generate()
    public = private.public_key().public_bytes_raw()
    return private, notes.verifier_for(NAME, public, notes.COSIGNATURE).vkey


def _checkpoint(world, n=3):
    world.record(n=n)
    services.sequence_all()
    log = services.log_for(world.ecosystem.uuid)
    return log, checkpoints.checkpoint_sign(log)


def _line(checkpoint, private, stamp=None):
    text, _signatures = notes.split_note(checkpoint.note)
    return notes.cosignature_line(text, NAME, private, stamp or int(time.time()))


def test_registering_and_revoking_a_key_are_recorded(world):
    _private, vkey = _key()
    key = services.witness_key_register(actor=world.actor, vkey=vkey)
    services.witness_key_revoke(actor=world.actor, key=key)
    verbs = list(Activity.objects.order_by("seq").values_list("verb", "subject_uuid"))
    assert verbs == [("transparency.witness_key.registered", key.uuid),
                     ("transparency.witness_key.revoked", key.uuid)]
    assert WitnessKey.objects.get().revoked_at is not None
    with pytest.raises(Conflict):
        services.witness_key_revoke(actor=world.actor, key=key)


@pytest.mark.parametrize("vkey,error", [
    ("not a key", ValidationFailed),
    (notes.verifier_for("x.example/log", b"\x01" * 32).vkey, ValidationFailed),  # type 0x01
])
def test_a_bad_key_is_refused(world, vkey, error):
    with pytest.raises(error):
        services.witness_key_register(actor=world.actor, vkey=vkey)
    assert not WitnessKey.objects.exists()


def test_only_admins_register_or_revoke_and_a_key_is_registered_once(world):
    _private, vkey = _key()
    colleague = Actor(person=person_in(world.organisation), organisation=world.organisation)
    with pytest.raises(NotAllowed):
        services.witness_key_register(actor=colleague, vkey=vkey)
    key = services.witness_key_register(actor=world.actor, vkey=vkey)
    with pytest.raises(Conflict):
        services.witness_key_register(actor=world.actor, vkey=vkey)
    with pytest.raises(NotAllowed):
        services.witness_key_revoke(actor=colleague, key=key)


def test_a_cosignature_is_checked_and_a_revoked_key_cannot_cosign(world):
    log, checkpoint = _checkpoint(world)
    private, vkey = _key()
    with pytest.raises(NotAllowed):
        services.cosignature_add(actor=world.actor, log=log, size=3, line=_line(checkpoint,
                                                                                private))
    key = services.witness_key_register(actor=world.actor, vkey=vkey)
    with pytest.raises(NotFound):
        services.cosignature_add(actor=world.actor, log=log, size=2, line="x")
    other, _vkey = _key()
    with pytest.raises(ValidationFailed):
        services.cosignature_add(actor=world.actor, log=log, size=3,
                                 line=_line(checkpoint, other))
    with pytest.raises(ValidationFailed):
        services.cosignature_add(actor=world.actor, log=log, size=3,
                                 line=_line(checkpoint, private, int(time.time()) + 3600))
    first = services.cosignature_add(actor=world.actor, log=log, size=3,
                                     line=_line(checkpoint, private))
    again = services.cosignature_add(actor=world.actor, log=log, size=3,
                                     line=_line(checkpoint, private))
    assert first.pk == again.pk and Cosignature.objects.count() == 1
    services.witness_key_revoke(actor=world.actor, key=key)
    with pytest.raises(NotAllowed):
        services.cosignature_add(actor=world.actor, log=log, size=3,
                                 line=_line(checkpoint, private))


def test_the_witness_key_endpoints(world, api, api_for):
    _private, vkey = _key()
    admin = api_for(world.admin, world.organisation)
    assert_error_format(api.post("transparency/witness-keys", {"vkey": vkey}), 401)
    assert_error_format(admin.post("transparency/witness-keys", {"vkey": "nope"}), 422)
    created = admin.post("transparency/witness-keys", {"vkey": vkey})
    assert created.status_code == 201 and created.json()["revoked_at"] is None
    assert_error_format(admin.post("transparency/witness-keys", {"vkey": vkey}), 409)
    listed = admin.get("transparency/witness-keys").json()
    assert listed["count"] == 1 and listed["items"][0]["vkey"] == vkey
    assert_error_format(api.get("transparency/witness-keys"), 401)
    stranger = OrganisationFactory()
    outsider = api_for(person_in(stranger, role="admin"), stranger)
    assert outsider.get("transparency/witness-keys").json() == {"items": [], "count": 0}
    path = f"transparency/witness-keys/{created.json()['uuid']}"
    assert_error_format(outsider.delete(path), 404)
    colleague = api_for(person_in(world.organisation), world.organisation)
    assert_error_format(colleague.delete(path), 403)
    revoked = admin.delete(path)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    assert_error_format(admin.delete(path), 409)


def test_the_cosignature_endpoint(world, api, api_for):
    log, checkpoint = _checkpoint(world)
    private, vkey = _key()
    admin = api_for(world.admin, world.organisation)
    admin.post("transparency/witness-keys", {"vkey": vkey})
    path = f"transparency/logs/{world.ecosystem.uuid}/cosignatures"
    line = _line(checkpoint, private)
    assert_error_format(api.post(path, {"size": 3, "line": line}), 401)
    assert_error_format(admin.post(path, {"size": 9, "line": line}), 404)
    assert_error_format(admin.post(path, {"size": 3, "line": line[:-4] + "AAA="}), 422)
    assert_error_format(admin.post(path, {"size": 3, "line": "\u2014 no-blob"}), 422)
    response = admin.post(path, {"size": 3, "line": line})
    assert response.status_code == 201
    assert response.json()["organisation"] == world.organisation.name
    detail = api.get(f"transparency/logs/{world.ecosystem.uuid}").json()
    assert [w["organisation"] for w in detail["checkpoint"]["witnesses"]] == [
        world.organisation.name
    ]


def test_the_verifier_reports_and_requires_witnesses(world, client, tmp_path, capsys):
    from zwerm.transparency import verify
    from zwerm.transparency.tests.test_verify import _args, _fetcher

    log, checkpoint = _checkpoint(world)
    private, vkey = _key()
    services.witness_key_register(actor=world.actor, vkey=vkey)
    services.cosignature_add(actor=world.actor, log=log, size=3, line=_line(checkpoint, private))
    note = client.get(f"/ecosystems/{world.ecosystem.uuid}/log/checkpoint").content.decode()
    assert note.startswith(checkpoint.note)
    assert note.count("\u2014 ") == 2  # the log's signature and the witness's cosignature
    _other_private, other = _key()
    fetch = _fetcher(client)
    argv = _args(world, log, tmp_path, witness=vkey, min_witnesses=1)
    assert verify.main(argv, fetch=fetch) == 0
    assert "cosigned by 1 of 1 witnesses" in capsys.readouterr().out
    assert verify.main([*argv, "--witness", other, "--min-witnesses", "2"], fetch=fetch) == 1
    assert "cosigned by 1 of the given witnesses, fewer than the 2 required" in (
        capsys.readouterr().err
    )
    line = Cosignature.objects.get().line
    name, blob = line.rsplit(" ", 1)
    raw = bytearray(notes.unb64(blob))
    raw[-1] ^= 1  # the witness's key ID, a broken signature
    Cosignature.objects.update(line=f"{name} {notes.b64(bytes(raw))}")
    assert verify.main(argv, fetch=fetch) == 1
    assert "A witness's cosignature does not verify" in capsys.readouterr().err
