"""The instance's checkpoint signing key, read from the file ``zwerm_keys`` creates.

The key never enters the database. It is re-read when the file changes, so a rotated key
is picked up by every process without a restart.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.exceptions import ImproperlyConfigured

from zwerm.core.management.commands.zwerm_keys import key_path
from zwerm.transparency import notes

_cache: dict[tuple[str, int], Ed25519PrivateKey] = {}


def signing_key() -> Ed25519PrivateKey:
    path = Path(key_path())
    try:
        stamp = os.stat(path).st_mtime_ns
    except FileNotFoundError as error:
        raise ImproperlyConfigured(
            f"No signing key at {path}; run `python manage.py zwerm_keys` first."
        ) from error
    cached = _cache.get((str(path), stamp))
    if cached is None:
        password = os.environ.get("ZWERM_SIGNING_KEY_PASSWORD")
        key = serialization.load_pem_private_key(
            path.read_bytes(), password=password.encode() if password else None
        )
        if not isinstance(key, Ed25519PrivateKey):
            raise ImproperlyConfigured(f"The signing key at {path} is not an Ed25519 key.")
        _cache.clear()
        _cache[(str(path), stamp)] = cached = key
    return cached


def public_key() -> bytes:
    return signing_key().public_key().public_bytes_raw()


def verifier(origin: str) -> notes.Verifier:
    """The verifier of one log: the instance key under the log's origin as name."""
    return notes.verifier_for(origin, public_key())
