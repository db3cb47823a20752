"""C2SP signed notes, tlog-checkpoints and tlog-cosignatures with Ed25519.

Standard library plus ``cryptography`` only, because the standalone verifier shares it.
"""

from __future__ import annotations

import base64
import hashlib
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ED25519 = 0x01
COSIGNATURE = 0x04
DASH = "\u2014"


class NoteError(Exception):
    """A note, key or checkpoint is malformed or not signed by a trusted key."""


@dataclass(frozen=True)
class Verifier:
    name: str
    key_id: bytes
    public_key: bytes
    alg: int = ED25519

    @property
    def vkey(self) -> str:
        return f"{self.name}+{self.key_id.hex()}+{b64(bytes([self.alg]) + self.public_key)}"


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except ValueError as error:
        raise NoteError("Malformed base64.") from error


def key_id(name: str, alg: int, public_key: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\n" + bytes([alg]) + public_key).digest()[:4]


def verifier_for(name: str, public_key: bytes, alg: int = ED25519) -> Verifier:
    return Verifier(name=name, key_id=key_id(name, alg, public_key), public_key=public_key, alg=alg)


def parse_vkey(vkey: str) -> Verifier:
    """``name+hex(keyID)+base64(alg || key)``; split at most twice, base64 may hold ``+``."""
    parts = vkey.strip().split("+", 2)
    if len(parts) != 3 or not parts[0] or len(parts[1]) != 8:
        raise NoteError("Malformed verifier key.")
    name, kid_hex, key_b64 = parts
    try:
        kid = bytes.fromhex(kid_hex)
    except ValueError as error:
        raise NoteError("Malformed verifier key ID.") from error
    raw = unb64(key_b64)
    if len(raw) != 33 or raw[0] not in (ED25519, COSIGNATURE):
        raise NoteError("Only Ed25519 verifier keys are supported.")
    verifier = Verifier(name=name, key_id=kid, public_key=raw[1:], alg=raw[0])
    if key_id(name, raw[0], raw[1:]) != kid:
        raise NoteError("The verifier key's ID does not match its name and key.")
    return verifier


def checkpoint_text(origin: str, size: int, root: bytes) -> str:
    return f"{origin}\n{size}\n{b64(root)}\n"


def parse_checkpoint(text: str) -> Checkpoint:
    """Strictly parse the three lines of a tlog-checkpoint (no extension lines)."""
    lines = text.split("\n")
    if len(lines) != 4 or lines[3] != "":
        raise NoteError("A checkpoint has exactly three lines.")
    origin, size_text, root_text = lines[:3]
    if not origin or " " in origin or "+" in origin:
        raise NoteError("Malformed checkpoint origin.")
    if not size_text.isdigit() or (size_text != "0" and size_text.startswith("0")):
        raise NoteError("Malformed checkpoint size.")
    root = unb64(root_text)
    if len(root) != 32:
        raise NoteError("The checkpoint root is not a 32-byte hash.")
    return Checkpoint(origin=origin, size=int(size_text), root=root)


def sign_note(text: str, name: str, private_key: Ed25519PrivateKey) -> str:
    public = private_key.public_key().public_bytes_raw()
    kid = key_id(name, ED25519, public)
    signature = private_key.sign(text.encode())
    return f"{text}\n{DASH} {name} {b64(kid + signature)}\n"


def split_note(note: str) -> tuple[str, list[tuple[str, bytes]]]:
    """The text (with its final newline) and the (name, signature blob) lines."""
    if not note.endswith("\n"):
        raise NoteError("A signed note ends with a newline.")
    cut = note.rfind("\n\n")
    if cut < 0:
        raise NoteError("A signed note has a blank line before its signatures.")
    text, signature_block = note[: cut + 1], note[cut + 2 :]
    signatures = []
    for line in signature_block[:-1].split("\n"):
        parts = line[2:].rsplit(" ", 1)
        if not line.startswith(DASH + " ") or len(parts) != 2:
            raise NoteError("Malformed signature line.")
        name, blob = parts
        signatures.append((name, unb64(blob)))
    if not signatures:
        raise NoteError("The note carries no signature.")
    return text, signatures


def signers(note: str, verifiers: list[Verifier]) -> tuple[str, list[Verifier]]:
    """The text and those of ``verifiers`` that signed it (possibly none); others are ignored.

    Any signature from a known key that fails rejects the whole note.
    """
    text, signatures = split_note(note)
    known = {(v.name, v.key_id): v for v in verifiers}
    signed: list[Verifier] = []
    for name, blob in signatures:
        verifier = known.get((name, blob[:4]))
        if verifier is None:
            continue
        try:
            if verifier.alg == ED25519:
                _ed25519(verifier.public_key, blob[4:], text.encode())
            else:
                timestamp, signature = _split_cosignature(blob[4:])
                _ed25519(verifier.public_key, signature, cosigned_message(text, timestamp))
        except InvalidSignature as error:
            raise NoteError(f"The signature by {name} does not verify.") from error
        signed.append(verifier)
    return text, signed


def verify_note(note: str, verifiers: list[Verifier]) -> tuple[str, list[Verifier]]:
    """Return the text and the verifiers that signed it; at least one must have."""
    text, signed = signers(note, verifiers)
    if not signed:
        raise NoteError("No trusted key signed this note.")
    return text, signed


def _ed25519(public_key: bytes, signature: bytes, message: bytes) -> None:
    if len(signature) != 64:
        raise InvalidSignature
    Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)


def cosigned_message(text: str, timestamp: int) -> bytes:
    return f"cosignature/v1\ntime {timestamp}\n{text}".encode()


def _split_cosignature(blob: bytes) -> tuple[int, bytes]:
    if len(blob) != 72:
        raise InvalidSignature
    return struct.unpack(">Q", blob[:8])[0], blob[8:]


def cosignature_line(
    text: str, name: str, private_key: Ed25519PrivateKey, timestamp: int
) -> str:
    """A tlog-cosignature (type 0x04) line for a checkpoint text, as a witness adds it."""
    public = private_key.public_key().public_bytes_raw()
    kid = key_id(name, COSIGNATURE, public)
    signature = private_key.sign(cosigned_message(text, timestamp))
    return f"{DASH} {name} {b64(kid + struct.pack('>Q', timestamp) + signature)}"


def verify_cosignature(text: str, line: str, verifier: Verifier) -> int:
    """Check one cosignature line against a checkpoint text; returns its timestamp."""
    parts = line[2:].rsplit(" ", 1)
    if not line.startswith(DASH + " ") or len(parts) != 2:
        raise NoteError("Malformed cosignature line.")
    name, blob_text = parts
    blob = unb64(blob_text)
    if name != verifier.name or blob[:4] != verifier.key_id:
        raise NoteError("The cosignature is not by this witness key.")
    try:
        timestamp, signature = _split_cosignature(blob[4:])
        _ed25519(verifier.public_key, signature, cosigned_message(text, timestamp))
    except InvalidSignature as error:
        raise NoteError("The cosignature does not verify.") from error
    return timestamp
