"""Signed notes and checkpoints against the C2SP / Go reference example."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from zwerm.transparency import notes

VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
TEXT = (
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
)
SIGNATURE = (
    "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfq"
    "dngotpRZb6KE6RyyBwJnAM=\n"
)
NOTE = TEXT + "\n" + SIGNATURE


def test_the_reference_note_verifies():
    text, signers = notes.verify_note(NOTE, [notes.parse_vkey(VKEY)])
    assert text == TEXT
    assert signers[0].name == "PeterNeumann"


def test_signing_reproduces_the_reference_note_byte_for_byte():
    seed = base64.b64decode(SKEY.split("+", 4)[-1])[1:]
    key = Ed25519PrivateKey.from_private_bytes(seed)
    assert notes.sign_note(TEXT, "PeterNeumann", key) == NOTE


@pytest.mark.parametrize(
    "note",
    [
        NOTE.replace("cryptography", "cryptographY"),  # the text
        NOTE.replace("x08go/ZJ", "x08go/ZK"),  # the signature
        NOTE.replace("9UG/S", "9UG/T"),  # the signature, further in
    ],
)
def test_one_changed_byte_makes_the_note_fail(note):
    with pytest.raises(notes.NoteError):
        notes.verify_note(note, [notes.parse_vkey(VKEY)])


def test_a_changed_key_id_is_an_unknown_key_and_the_note_is_untrusted():
    note = NOTE.replace("x08go", "x08gp")
    with pytest.raises(notes.NoteError, match="No trusted key"):
        notes.verify_note(note, [notes.parse_vkey(VKEY)])


def test_a_signature_from_an_unknown_key_is_ignored():
    other = Ed25519PrivateKey.generate()
    extra = notes.sign_note(TEXT, "someone.else/log", other).split("\n\n", 1)[1]
    text, signers = notes.verify_note(NOTE + extra, [notes.parse_vkey(VKEY)])
    assert text == TEXT and [s.name for s in signers] == ["PeterNeumann"]


def test_a_mangled_vkey_is_refused():
    with pytest.raises(notes.NoteError):
        notes.parse_vkey(VKEY.replace("c74f20a3", "c74f20a4"))


def test_checkpoints_are_parsed_strictly():
    root = bytes(range(32))
    text = notes.checkpoint_text("zwerm.example/ecosystems/x/log", 12, root)
    assert notes.parse_checkpoint(text).size == 12
    for bad in (text + "extension\n", text.replace("\n12\n", "\n012\n"), text[:-1]):
        with pytest.raises(notes.NoteError):
            notes.parse_checkpoint(bad)


def test_a_cosignature_verifies_for_its_witness_only():
    witness = Ed25519PrivateKey.generate()
    public = witness.public_key().public_bytes_raw()
    verifier = notes.verifier_for("witness.example/w1", public, notes.COSIGNATURE)
    text = notes.checkpoint_text("zwerm.example/log", 3, bytes(32))
    line = notes.cosignature_line(text, "witness.example/w1", witness, 1_700_000_000)
    assert notes.verify_cosignature(text, line, verifier) == 1_700_000_000
    with pytest.raises(notes.NoteError):
        notes.verify_cosignature(text.replace("\n3\n", "\n4\n"), line, verifier)
