"""RFC 6962 / RFC 9162 Merkle trees: hashing, proof plans and proof verification.

Pure standard library and free of Django, because the standalone verifier shares it.
The tree is stored as complete subtrees ``node(level, idx)`` over the leaves
``[idx * 2**level, (idx + 1) * 2**level)``; any range the RFC recursion asks for is a
right-to-left fold of a few such nodes, so proofs read O(log n) stored hashes.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping, Sequence

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()

Node = tuple[int, int]  # (level, idx)
Plan = list[list[Node]]  # one list of nodes per proof element, folded right to left


class VerificationError(Exception):
    """A proof, root or hash does not check out; the message says which."""


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def split(n: int) -> int:
    """The largest power of two smaller than ``n`` (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


def range_nodes(a: int, b: int) -> list[Node]:
    """The aligned complete subtrees that make up the range ``[a, b)``, left to right.

    Valid for the ranges the RFC recursion produces, whose start is a multiple of a
    power of two at least as large as the range.
    """
    nodes: list[Node] = []
    start = a
    remaining = b - a
    while remaining:
        level = remaining.bit_length() - 1
        nodes.append((level, start >> level))
        start += 1 << level
        remaining -= 1 << level
    return nodes


def fold(hashes: Sequence[bytes]) -> bytes:
    """Combine the hashes of a range's subtrees, right to left, into the range's MTH."""
    if not hashes:
        return EMPTY_ROOT
    result = hashes[-1]
    for left in reversed(hashes[:-1]):
        result = node_hash(left, result)
    return result


def root_plan(n: int) -> list[Node]:
    return range_nodes(0, n)


def inclusion_plan(m: int, n: int) -> Plan:
    """Which stored subtrees make up each element of the inclusion proof of leaf m in size n."""
    if not 0 <= m < n:
        raise ValueError("The leaf index must be smaller than the tree size.")
    plan: Plan = []
    a, b = 0, n
    while b - a > 1:
        k = split(b - a)
        if m < a + k:
            plan.append(range_nodes(a + k, b))
            b = a + k
        else:
            plan.append(range_nodes(a, a + k))
            a = a + k
    plan.reverse()
    return plan


def consistency_plan(m: int, n: int) -> Plan:
    """The stored subtrees behind each element of the consistency proof from m to n."""
    if not 0 <= m <= n:
        raise ValueError("The first size must not exceed the second.")
    if m == 0 or m == n:
        return []
    plan: Plan = []
    a, b, full = 0, n, True
    while m != b:
        k = split(b - a)
        if m <= a + k:
            plan.append(range_nodes(a + k, b))
            b = a + k
        else:
            plan.append(range_nodes(a, a + k))
            a, full = a + k, False
    if not full:
        plan.append(range_nodes(a, b))
    plan.reverse()
    return plan


def plan_nodes(plan: Iterable[Iterable[Node]]) -> set[Node]:
    return {node for element in plan for node in element}


def resolve(plan: Plan, nodes: Mapping[Node, bytes]) -> list[bytes]:
    """Turn a plan into proof hashes, given the stored hashes it names."""
    return [fold([nodes[node] for node in element]) for element in plan]


def appended_nodes(
    size: int, leaf_hashes: Sequence[bytes], right_edge: Sequence[bytes]
) -> list[tuple[int, int, bytes]]:
    """The interior nodes (level >= 1) that appending these leaves to a tree of ``size`` completes.

    ``right_edge`` holds the hashes of :func:`frontier` ``(size)``, highest level first: the
    only stored nodes an append needs, so a batch is computed in memory without reading back
    what it writes. Level 0 is not returned: ``node(0, i)`` is the leaf hash itself.
    """
    stack = list(right_edge)
    rows: list[tuple[int, int, bytes]] = []
    append_row = rows.append
    for idx, current in enumerate(leaf_hashes, start=size):
        level = 0
        while idx & 1:
            current = node_hash(stack.pop(), current)
            level += 1
            idx >>= 1
            append_row((level, idx, current))
        stack.append(current)
    return rows


def frontier(size: int) -> list[Node]:
    """The complete subtrees on the right edge of a tree of ``size``, highest level first.

    They are the left siblings of every node a later append completes.
    """
    return [
        (level, (size >> level) - 1)
        for level in reversed(range(size.bit_length()))
        if size >> level & 1
    ]


def _check_hash(value: bytes, what: str) -> None:
    if not isinstance(value, bytes | bytearray) or len(value) != HASH_SIZE:
        raise VerificationError(f"The {what} is not a 32-byte hash.")


def _same(a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)


def root_from_inclusion(m: int, n: int, leaf: bytes, path: Sequence[bytes]) -> bytes:
    """RFC 9162 §2.1.3.2: the root that this leaf and path imply."""
    if m >= n or m < 0:
        raise VerificationError("The leaf index is not inside the tree.")
    _check_hash(leaf, "leaf hash")
    fn, sn, r = m, n - 1, leaf
    for p in path:
        _check_hash(p, "proof hash")
        if sn == 0:
            raise VerificationError("The inclusion proof is too long.")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise VerificationError("The inclusion proof is too short.")
    return r


def verify_inclusion(m: int, n: int, leaf: bytes, path: Sequence[bytes], root: bytes) -> None:
    """Raise VerificationError unless ``path`` proves leaf ``m`` in the tree of size ``n``."""
    _check_hash(root, "root")
    if not _same(root_from_inclusion(m, n, leaf, path), root):
        raise VerificationError("The inclusion proof does not lead to the root.")


def verify_consistency(m: int, n: int, r1: bytes, r2: bytes, proof: Sequence[bytes]) -> None:
    """RFC 9162 §2.1.4.2: raise VerificationError unless tree m is a prefix of tree n."""
    _check_hash(r1, "first root")
    _check_hash(r2, "second root")
    for p in proof:
        _check_hash(p, "proof hash")
    if m < 0 or m > n:
        raise VerificationError("The first tree is larger than the second.")
    if m == n:
        if proof or not _same(r1, r2):
            raise VerificationError("Equal sizes need an empty proof and equal roots.")
        return
    if m == 0:
        if proof:
            raise VerificationError("A proof from the empty tree must be empty.")
        return
    if not proof:
        raise VerificationError("The consistency proof is empty.")
    proof = list(proof)
    if m & (m - 1) == 0:
        proof = [r1, *proof]
    fn, sn = m - 1, n - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            raise VerificationError("The consistency proof is too long.")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise VerificationError("The consistency proof is too short.")
    if not _same(fr, r1):
        raise VerificationError("The consistency proof does not lead to the first root.")
    if not _same(sr, r2):
        raise VerificationError("The consistency proof does not lead to the second root.")


def root_of_leaves(leaf_hashes: Iterable[bytes]) -> tuple[int, bytes]:
    """Size and MTH of a whole tree from its leaf hashes, with O(log n) memory."""
    stack: list[tuple[int, bytes]] = []  # (level, hash) of the right edge
    size = 0
    for current in leaf_hashes:
        level = 0
        while stack and stack[-1][0] == level:
            current = node_hash(stack.pop()[1], current)
            level += 1
        stack.append((level, current))
        size += 1
    return size, fold([h for _level, h in stack])
