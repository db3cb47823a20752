"""The Merkle code against the public vectors and an independent recursive reference."""

from __future__ import annotations

import base64
import json
import random
from pathlib import Path

import pytest

from zwerm.transparency import merkle
from zwerm.transparency.tests import reference

VECTORS = Path(__file__).resolve().parents[3] / ".." / "shared" / "testdata" / "merkle"
DIVERGENCE = "consistency/additional/sizes-are-equal-one-and-proof-is-empty.json"


def _cases(kind: str) -> list[Path]:
    if not VECTORS.is_dir():
        return []
    return sorted((VECTORS / kind).rglob("*.json"))


def _skip_without_vectors() -> None:
    if not VECTORS.is_dir():
        pytest.skip(
            "The RFC 9162 vectors live in ../shared/testdata/merkle beside the project (CI has "
            "them); this checkout has none, and the reference tests below cover the same ground."
        )


def _b64(value: str | None) -> bytes:
    return base64.b64decode(value) if value else b""


def _name(path: Path) -> str:
    return str(path.relative_to(VECTORS)) if VECTORS.is_dir() else str(path)


@pytest.mark.parametrize("case", _cases("inclusion") or [None], ids=_name)
def test_inclusion_vectors_give_the_expected_result(case):
    _skip_without_vectors()
    data = json.loads(case.read_text())
    proof = [_b64(p) for p in data.get("proof") or []]
    try:
        merkle.verify_inclusion(
            data["leafIdx"], data["treeSize"], _b64(data["leafHash"]), proof, _b64(data["root"])
        )
        failed = False
    except merkle.VerificationError:
        failed = True
    assert failed == data["wantErr"], data["desc"]


@pytest.mark.parametrize("case", _cases("consistency") or [None], ids=_name)
def test_consistency_vectors_give_the_expected_result(case):
    _skip_without_vectors()
    data = json.loads(case.read_text())
    proof = [_b64(p) for p in data.get("proof") or []]
    try:
        merkle.verify_consistency(
            data["size1"], data["size2"], _b64(data["root1"]), _b64(data["root2"]), proof
        )
        failed = False
    except merkle.VerificationError:
        failed = True
    expected = data["wantErr"] or _name(case) == DIVERGENCE  # strict 32-byte check, see README
    assert failed == expected, data["desc"]


def test_every_vector_was_seen():
    _skip_without_vectors()
    assert len(_cases("inclusion")) + len(_cases("consistency")) == 196


class MemoryTree:
    """Builds the node store in memory with the same append code the database uses."""

    def __init__(self) -> None:
        self.nodes: dict[merkle.Node, bytes] = {}
        self.size = 0

    def append(self, data: list[bytes]) -> None:
        leaves = [merkle.leaf_hash(d) for d in data]
        edge = [self.nodes[node] for node in merkle.frontier(self.size)]
        rows = merkle.appended_nodes(self.size, leaves, edge)
        assert all(level >= 1 for level, _idx, _h in rows)
        self.nodes.update({(0, self.size + i): leaf for i, leaf in enumerate(leaves)})
        self.nodes.update({(level, idx): h for level, idx, h in rows})
        self.size += len(data)

    def root(self, n: int) -> bytes:
        return merkle.fold([self.nodes[node] for node in merkle.root_plan(n)])

    def inclusion(self, m: int, n: int) -> list[bytes]:
        return merkle.resolve(merkle.inclusion_plan(m, n), self.nodes)

    def consistency(self, m: int, n: int) -> list[bytes]:
        return merkle.resolve(merkle.consistency_plan(m, n), self.nodes)


def _leaves(n: int) -> list[bytes]:
    return [f"entry {i}".encode() for i in range(n)]


def test_every_proof_up_to_64_equals_the_reference_and_verifies():
    leaves = _leaves(64)
    tree = MemoryTree()
    tree.append(leaves[:5])
    tree.append(leaves[5:6])
    tree.append(leaves[6:])
    for n in range(0, 65):
        root = reference.mth(leaves[:n])
        assert tree.root(n) == root
        for m in range(n):
            path = tree.inclusion(m, n)
            assert path == reference.path(m, leaves[:n])
            merkle.verify_inclusion(m, n, reference.leaf(leaves[m]), path, root)
        for m in range(0, n + 1):
            proof = tree.consistency(m, n)
            assert proof == reference.proof(m, leaves[:n])
            merkle.verify_consistency(m, n, reference.mth(leaves[:m]), root, proof)


def test_random_larger_trees_agree_with_the_reference():
    rng = random.Random(9162)
    leaves = _leaves(700)
    tree = MemoryTree()
    while tree.size < len(leaves):
        step = rng.randint(1, 90)
        tree.append(leaves[tree.size : tree.size + step])
    for _ in range(60):
        n = rng.randint(65, 700)
        m = rng.randrange(n)
        root = reference.mth(leaves[:n])
        assert tree.root(n) == root
        assert tree.inclusion(m, n) == reference.path(m, leaves[:n])
        assert tree.consistency(m, n) == reference.proof(m, leaves[:n])
        merkle.verify_consistency(m, n, reference.mth(leaves[:m]), root, tree.consistency(m, n))


def test_a_wrong_proof_is_rejected():
    leaves = _leaves(13)
    tree = MemoryTree()
    tree.append(leaves)
    path = tree.inclusion(4, 13)
    with pytest.raises(merkle.VerificationError):
        merkle.verify_inclusion(5, 13, reference.leaf(leaves[4]), path, tree.root(13))
    with pytest.raises(merkle.VerificationError):
        merkle.verify_consistency(6, 13, tree.root(6), tree.root(13), tree.consistency(5, 13))
    with pytest.raises(merkle.VerificationError, match="32-byte"):
        merkle.verify_inclusion(4, 13, b"short", path, tree.root(13))


def test_the_empty_tree_has_the_sha256_of_nothing():
    assert merkle.fold([]).hex().startswith("e3b0c442")
    assert merkle.frontier(0) == []
    assert merkle.frontier(6) == [(2, 0), (1, 2)]
