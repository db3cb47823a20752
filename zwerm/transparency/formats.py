"""Byte formats of the log: canonical JSON leaves, tile paths and entry bundles.

Standard library only and free of Django, because the standalone verifier shares it.
"""

from __future__ import annotations

import json
import struct
from typing import Any

LEAF_VERSION = b"\x01"
MAX_ENTRY_BYTES = 65535  # tile bundles prefix each entry with a uint16 length
TILE_WIDTH = 256
TILE_HEIGHT = 8


def canonical_json(value: Any) -> bytes:
    """RFC 8785 (JCS) for the values a leaf holds: no floats, keys sorted by UTF-16 units."""
    return _jcs(value).encode("utf-8")


def _jcs(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        raise TypeError("Log entries hold no floats; store exact values as strings.")
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ",".join(_jcs(item) for item in value) + "]"
    if isinstance(value, dict):
        items = sorted(value.items(), key=lambda item: item[0].encode("utf-16-be"))
        return "{" + ",".join(f"{_jcs(str(k))}:{_jcs(v)}" for k, v in items) + "}"
    raise TypeError(f"{type(value).__name__} cannot be written to the log.")


def encode_leaf(fields: dict[str, Any]) -> bytes:
    body = LEAF_VERSION + canonical_json(fields)
    if len(body) > MAX_ENTRY_BYTES:
        raise ValueError("A log entry must stay under 65,535 bytes.")
    return body


def decode_leaf(body: bytes) -> dict[str, Any]:
    if body[:1] != LEAF_VERSION:
        raise ValueError("Unknown log entry version.")
    return json.loads(body[1:].decode("utf-8"))


def tile_index_path(n: int) -> str:
    """tlog-tiles index encoding: 1234067 -> ``x001/x234/067``."""
    groups = []
    while True:
        groups.append(f"{n % 1000:03d}")
        n //= 1000
        if n == 0:
            break
    groups.reverse()
    return "/".join([f"x{g}" for g in groups[:-1]] + [groups[-1]])


def parse_tile_index(parts: list[str]) -> int:
    """The inverse of :func:`tile_index_path`, strict about the form."""
    if not parts:
        raise ValueError("Empty tile index.")
    n = 0
    for position, part in enumerate(parts):
        last = position == len(parts) - 1
        digits = part if last else part[1:]
        if (not last and not part.startswith("x")) or len(digits) != 3 or not digits.isdigit():
            raise ValueError("Malformed tile index.")
        n = n * 1000 + int(digits)
    if len(parts) > 1 and parts[0] == "x000":
        raise ValueError("Malformed tile index.")
    return n


def tile_path(level: int | str, n: int, width: int = TILE_WIDTH) -> str:
    suffix = f".p/{width}" if width < TILE_WIDTH else ""
    return f"tile/{level}/{tile_index_path(n)}{suffix}"


def bundle(bodies: list[bytes]) -> bytes:
    return b"".join(struct.pack(">H", len(body)) + body for body in bodies)


def unbundle(data: bytes) -> list[bytes]:
    bodies, offset = [], 0
    while offset < len(data):
        if offset + 2 > len(data):
            raise ValueError("Truncated entry bundle.")
        (length,) = struct.unpack_from(">H", data, offset)
        offset += 2
        if offset + length > len(data):
            raise ValueError("Truncated entry bundle.")
        bodies.append(data[offset : offset + length])
        offset += length
    return bodies
