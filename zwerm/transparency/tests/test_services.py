"""The sequencer, appends, proofs from storage and signed checkpoints."""

from __future__ import annotations

import pytest

from zwerm.transparency import checkpoints, formats, keys, merkle, notes, services, storage
from zwerm.transparency.models import Checkpoint, LogEntry, Salt
from zwerm.transparency.tests import reference


def test_logged_activities_are_appended_in_sequence_order(world):
    activities = world.record(n=5)
    world.record(verb="ecosystems.ecosystem.created")  # not a logged kind
    assert services.pending_activities().count() == 5
    services.sequence_all()
    assert services.pending_activities().count() == 0
    log = services.log_for(world.ecosystem.uuid)
    assert log.size == 5
    assert log.origin.endswith(f"/ecosystems/{world.ecosystem.uuid}/log")
    rows = storage.entry_rows(log.pk, 0, 10)
    assert [row[4] for row in rows] == [a.seq for a in activities]
    for _idx, body, leaf, _kind, _seq in rows:
        assert merkle.leaf_hash(body) == leaf


def test_a_leaf_holds_references_and_salted_hashes_only(world):
    world.record(reason="Wij stappen in, groet Jan Jansen")
    services.sequence_all()
    entry = LogEntry.objects.get()
    fields = formats.decode_leaf(bytes(entry.body))
    assert set(fields) == {"type", "org", "actor", "ts", "subject", "payload_sha256"}
    assert fields["org"] == str(world.organisation.uuid)
    assert b"Jansen" not in bytes(entry.body)
    assert world.admin.email.encode() not in bytes(entry.body)
    assert str(world.admin.uuid) not in fields["actor"]
    assert bytes(entry.body) == formats.encode_leaf(fields)  # canonical, stored as hashed


def test_storage_proofs_equal_the_reference_for_a_log_grown_in_batches(world):
    for n in (3, 1, 7, 12):
        world.record(n=n)
        services.sequence()
    log = services.log_for(world.ecosystem.uuid)
    bodies = [row[1] for row in storage.entry_rows(log.pk, 0, 100)]
    assert len(bodies) == log.size == 23
    for size in range(1, 24):
        assert storage.root(log.pk, size) == reference.mth(bodies[:size])
        for m in range(size):
            assert storage.inclusion_proof(log.pk, m, size) == reference.path(m, bodies[:size])
        for m in range(size + 1):
            proof = storage.consistency_proof(log.pk, m, size)
            assert proof == reference.proof(m, bodies[:size])


def test_a_checkpoint_is_a_signed_note_that_verifies_with_the_published_key(world):
    world.record(n=3)
    services.sequence_all()
    log = services.log_for(world.ecosystem.uuid)
    checkpoint = checkpoints.checkpoint_sign(log)
    assert checkpoint.size == 3
    assert checkpoints.checkpoint_sign(log) is None  # nothing new, nothing signed
    vkey = keys.verifier(log.origin).vkey
    text, _signers = notes.verify_note(checkpoint.note, [notes.parse_vkey(vkey)])
    parsed = notes.parse_checkpoint(text)
    assert (parsed.origin, parsed.size, parsed.root) == (log.origin, 3, bytes(checkpoint.root))
    assert checkpoint.note.count("\u2014 ") == 1


def test_checkpoints_stay_consistent_across_a_restart(world, signing_key):
    world.record(n=4)
    services.sequence_all()
    first = checkpoints.checkpoint_sign(services.log_for(world.ecosystem.uuid))
    keys._cache.clear()  # a new process: nothing in memory but the key file and the database
    world.record(n=9)
    services.sequence_all()
    log = services.log_for(world.ecosystem.uuid)
    second = checkpoints.checkpoint_sign(log)
    proof = storage.consistency_proof(log.pk, first.size, second.size)
    merkle.verify_consistency(
        first.size, second.size, bytes(first.root), bytes(second.root), proof
    )


def test_no_checkpoint_is_signed_over_a_tree_that_does_not_extend_the_last(world):
    world.record(n=4)
    services.sequence_all()
    log = services.log_for(world.ecosystem.uuid)
    checkpoints.checkpoint_sign(log)
    world.record(n=2)
    services.sequence_all()
    with storage.maintenance("test"):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE transparency_treenode SET hash = %s WHERE level = 2 AND idx = 0",
                [b"\x00" * 32],
            )
    with pytest.raises(checkpoints.InconsistentLog):
        checkpoints.checkpoint_sign(log)
    assert Checkpoint.objects.count() == 1


def test_erasing_the_salts_leaves_every_proof_intact(world):
    world.record(n=6)
    services.sequence_all()
    log = services.log_for(world.ecosystem.uuid)
    checkpoint = checkpoints.checkpoint_sign(log)
    # What erasing the account does (Salt.person cascades; see test_privacy.py):
    assert Salt.objects.filter(person=world.admin).delete()[0] == 12
    assert not Salt.objects.exists()
    for idx, body, _leaf, _kind, _seq in storage.entry_rows(log.pk, 0, 6):
        proof = storage.inclusion_proof(log.pk, idx, 6)
        merkle.verify_inclusion(idx, 6, merkle.leaf_hash(body), proof, bytes(checkpoint.root))
