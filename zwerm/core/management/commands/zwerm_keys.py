"""Create the instance's signing key if it is missing (idempotent, safe between processes)."""

import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.management.base import BaseCommand


def key_path() -> Path:
    return Path(os.environ.get("ZWERM_SIGNING_KEY", settings.VAR_DIR / "keys" / "signing.pem"))


def ensure_signing_key(path: Path) -> bool:
    """Write a new Ed25519 key atomically; returns False when one already exists."""
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    try:
        os.link(temporary, path)  # fails if another process created the key first
    except FileExistsError:
        return False
    finally:
        temporary.unlink(missing_ok=True)
    return True


class Command(BaseCommand):
    help = "Create the instance's signing key (for checkpoints) if it does not exist yet."

    def handle(self, *args, **options):
        path = key_path()
        if ensure_signing_key(path):
            self.stdout.write(f"Created the signing key at {path}.")
        else:
            self.stdout.write(f"The signing key at {path} already exists.")
