"""An independent, recursive reference of RFC 9162 §2.1, straight from the text."""

from __future__ import annotations

import hashlib


def leaf(d: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + d).digest()


def _split(n: int) -> int:
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(leaves: list[bytes]) -> bytes:
    """MTH over leaf *data*."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaf(leaves[0])
    k = _split(len(leaves))
    return hashlib.sha256(b"\x01" + mth(leaves[:k]) + mth(leaves[k:])).digest()


def path(m: int, leaves: list[bytes]) -> list[bytes]:
    if len(leaves) <= 1:
        return []
    k = _split(len(leaves))
    if m < k:
        return path(m, leaves[:k]) + [mth(leaves[k:])]
    return path(m - k, leaves[k:]) + [mth(leaves[:k])]


def _subproof(m: int, leaves: list[bytes], full: bool) -> list[bytes]:
    n = len(leaves)
    if m == n:
        return [] if full else [mth(leaves)]
    k = _split(n)
    if m <= k:
        return _subproof(m, leaves[:k], full) + [mth(leaves[k:])]
    return _subproof(m - k, leaves[k:], False) + [mth(leaves[:k])]


def proof(m: int, leaves: list[bytes]) -> list[bytes]:
    if m == 0 or m == len(leaves):
        return []
    return _subproof(m, leaves, True)
