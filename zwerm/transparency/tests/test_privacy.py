"""Erasing a person deletes their salts and nothing else; the export gives them the links."""

from __future__ import annotations

from django.core.management import call_command

from zwerm.accounts.services import person_erase
from zwerm.core.actor import Actor
from zwerm.core.privacy import export_sections
from zwerm.organisations.models import OrganisationMember
from zwerm.organisations.tests.factories import person_in
from zwerm.transparency import checkpoints, merkle, notes, services, storage
from zwerm.transparency.models import LogEntry, Salt, WitnessKey


def test_erasing_an_account_deletes_its_salts_and_every_proof_still_verifies(world, capsys):
    world.record(n=3)
    colleague = person_in(world.organisation, role=OrganisationMember.Role.ADMIN)
    own_actor, world.actor = world.actor, Actor(person=colleague, organisation=world.organisation)
    world.record(n=2)
    world.actor = own_actor
    services.sequence_all()
    log = services.log_for(world.ecosystem.uuid)
    checkpoint = checkpoints.checkpoint_sign(log)
    bodies_before = list(LogEntry.objects.order_by("idx").values_list("body", flat=True))

    person_erase(actor=world.actor, password="correct horse battery")

    assert not Salt.objects.filter(activity_seq__in=_seqs(log, 0, 3)).exists()
    assert Salt.objects.filter(person=colleague).count() == 4  # actor and payload, twice
    assert list(LogEntry.objects.order_by("idx").values_list("body", flat=True)) == bodies_before
    for idx, body, _leaf, _kind, _seq in storage.entry_rows(log.pk, 0, 5):
        proof = storage.inclusion_proof(log.pk, idx, 5)
        merkle.verify_inclusion(idx, 5, merkle.leaf_hash(body), proof, bytes(checkpoint.root))
    call_command("verify_log")
    assert "3 entries with erased salts" in capsys.readouterr().out


def _seqs(log, start, stop):
    return [row[4] for row in storage.entry_rows(log.pk, start, stop)]


def test_the_export_holds_the_persons_salts_and_witness_keys(world):
    world.record(n=2)
    services.sequence_all()
    key = notes.verifier_for("w.example/a", b"\x05" * 32, notes.COSIGNATURE)
    services.witness_key_register(actor=world.actor, vkey=key.vkey)
    section = export_sections(world.admin)["transparency"]
    log = services.log_for(world.ecosystem.uuid)
    assert {(s["log"], s["index"], s["field"]) for s in section["entry_salts"]} == {
        (log.origin, i, f) for i in (0, 1) for f in ("actor", "payload")
    }
    salt = Salt.objects.get(person=world.admin, activity_seq=_seqs(log, 0, 1)[0], field="actor")
    assert bytes.fromhex(section["entry_salts"][0]["salt"]) == bytes(salt.value)
    assert section["witness_keys"][0]["vkey"] == key.vkey
    assert export_sections(person_in(world.organisation))["transparency"] == {
        "entry_salts": [], "witness_keys": []
    }


def test_a_witness_key_outlives_the_person_who_registered_it(world):
    key = notes.verifier_for("w.example/b", b"\x06" * 32, notes.COSIGNATURE)
    services.witness_key_register(actor=world.actor, vkey=key.vkey)
    person_in(world.organisation, role=OrganisationMember.Role.ADMIN)  # someone stays admin
    person_erase(actor=world.actor, password="correct horse battery")
    assert WitnessKey.objects.get().created_by is None
