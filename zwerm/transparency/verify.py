"""Check an ecosystem's log from outside: no Django, only the standard library and cryptography.

    python -m zwerm.transparency.verify --base-url https://zwerm.example \\
        --ecosystem UUID --vkey 'origin+keyid+key' [--token zwt_...] [--index 12]

It fetches the latest checkpoint and checks its signature, checks that it extends the
checkpoint seen last time (kept in a state file), checks every entry it downloads (all of
them, or the ones given with ``--index``) and exits non-zero with a message on any mismatch.
A witness adds ``--witness-key PEM --token ...`` to cosign the checkpoint it verified.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from zwerm.transparency import formats, merkle, notes

Fetch = Callable[[str], bytes]


class Mismatch(Exception):
    """The log does not check out; the message says what and where."""


def http_fetcher(token: str | None = None, data_for: dict | None = None) -> Fetch:
    def fetch(url: str) -> bytes:
        request = urllib.request.Request(url, headers={"Accept": "*/*"})
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            raise Mismatch(f"{url} answered {error.code}.") from error
        except urllib.error.URLError as error:
            raise Mismatch(f"Cannot reach {url}: {error.reason}.") from error

    return fetch


class LogClient:
    def __init__(self, base_url: str, ecosystem: str, fetch: Fetch) -> None:
        self.base = base_url.rstrip("/")
        self.ecosystem = ecosystem
        self.fetch = fetch

    @property
    def prefix(self) -> str:
        return f"{self.base}/ecosystems/{self.ecosystem}/log"

    def api(self, path: str) -> dict:
        data = self.fetch(f"{self.base}/api/v1/transparency/logs/{self.ecosystem}{path}")
        return json.loads(data)

    def checkpoint_note(self) -> str:
        return self.fetch(f"{self.prefix}/checkpoint").decode("utf-8")

    def consistency(self, first: int, second: int) -> list[bytes]:
        body = self.api(f"/proof/consistency?first={first}&second={second}")
        return [base64.b64decode(p) for p in body["proof"]]

    def inclusion(self, index: int, size: int) -> list[bytes]:
        body = self.api(f"/proof/inclusion?index={index}&size={size}")
        return [base64.b64decode(p) for p in body["proof"]]

    def entry(self, index: int) -> bytes:
        return base64.b64decode(self.api(f"/entries/{index}")["body"])

    def entries(self, size: int):
        """Every entry body of a tree of ``size``, from the tlog-tiles entry bundles."""
        for n in range((size + formats.TILE_WIDTH - 1) // formats.TILE_WIDTH):
            width = min(formats.TILE_WIDTH, size - n * formats.TILE_WIDTH)
            path = formats.tile_path("entries", n, width)
            bodies = formats.unbundle(self.fetch(f"{self.prefix}/{path}"))
            if len(bodies) != width:
                raise Mismatch(f"The entry bundle {path} holds {len(bodies)} entries, not {width}.")
            yield from bodies


def check_checkpoint(note: str, vkey: str) -> notes.Checkpoint:
    verifier = notes.parse_vkey(vkey)
    try:
        text, _signed = notes.verify_note(note, [verifier])
        checkpoint = notes.parse_checkpoint(text)
    except notes.NoteError as error:
        raise Mismatch(f"The checkpoint does not verify: {error}") from error
    if checkpoint.origin != verifier.name:
        raise Mismatch(f"The checkpoint is for {checkpoint.origin}, not {verifier.name}.")
    return checkpoint


def check_witnesses(note: str, vkeys: list[str], minimum: int) -> int:
    """How many of these witnesses cosigned the checkpoint; fewer than ``minimum`` fails."""
    if not vkeys:
        return 0
    try:
        witnesses = [notes.parse_vkey(vkey) for vkey in vkeys]
        _text, signed = notes.signers(note, witnesses)
    except notes.NoteError as error:
        raise Mismatch(f"A witness's cosignature does not verify: {error}") from error
    if len(signed) < minimum:
        raise Mismatch(
            f"The checkpoint is cosigned by {len(signed)} of the given witnesses, "
            f"fewer than the {minimum} required."
        )
    return len(signed)


def check_consistency(client: LogClient, old: dict | None, new: notes.Checkpoint) -> None:
    if not old:
        return
    old_size, old_root = old["size"], base64.b64decode(old["root"])
    if new.size < old_size:
        raise Mismatch(f"The log shrank from {old_size} to {new.size} entries.")
    proof = client.consistency(old_size, new.size) if old_size < new.size else []
    try:
        merkle.verify_consistency(old_size, new.size, old_root, new.root, proof)
    except merkle.VerificationError as error:
        raise Mismatch(
            f"The checkpoint of {new.size} entries does not extend the one of {old_size} "
            f"seen before: {error}"
        ) from error


def check_all_entries(client: LogClient, checkpoint: notes.Checkpoint) -> int:
    leaves = (merkle.leaf_hash(body) for body in client.entries(checkpoint.size))
    size, root = merkle.root_of_leaves(leaves)
    if size != checkpoint.size or root != checkpoint.root:
        raise Mismatch("The downloaded entries do not add up to the signed root.")
    return size


def check_entry(client: LogClient, checkpoint: notes.Checkpoint, index: int) -> None:
    leaf = merkle.leaf_hash(client.entry(index))
    try:
        proof = client.inclusion(index, checkpoint.size)
        merkle.verify_inclusion(index, checkpoint.size, leaf, proof, checkpoint.root)
    except merkle.VerificationError as error:
        raise Mismatch(f"Entry {index} is not included in the signed log: {error}") from error


def cosign(client: LogClient, note: str, key_path: Path, name: str, post: Callable) -> None:
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    text, _signatures = notes.split_note(note)
    line = notes.cosignature_line(text, name, key, int(time.time()))
    size = notes.parse_checkpoint(text).size
    post(f"{client.base}/api/v1/transparency/logs/{client.ecosystem}/cosignatures",
         {"size": size, "line": line})


def http_post(token: str | None) -> Callable:
    def post(url: str, payload: dict) -> bytes:
        request = urllib.request.Request(
            url, data=json.dumps(payload).encode(), method="POST",
            headers={"Content-Type": "application/json"},
        )
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            raise Mismatch(f"The cosignature was refused ({error.code}).") from error

    return post


def default_state(ecosystem: str) -> Path:
    home = Path(os.environ.get("XDG_STATE_HOME", Path.home() / ".local" / "state"))
    return home / "zwerm-verify" / f"{ecosystem}.json"


def run(args: argparse.Namespace, fetch: Fetch, post: Callable | None = None) -> str:
    """Do every check; return a one-line summary or raise Mismatch."""
    client = LogClient(args.base_url, args.ecosystem, fetch)
    note = client.checkpoint_note()
    checkpoint = check_checkpoint(note, args.vkey)
    cosigned = check_witnesses(note, args.witness or [], args.min_witnesses)
    state_path = Path(args.state) if args.state else default_state(args.ecosystem)
    old = json.loads(state_path.read_text()) if state_path.exists() else None
    check_consistency(client, old, checkpoint)
    checked = 0
    if args.index:
        for index in args.index:
            check_entry(client, checkpoint, index)
        checked = len(args.index)
    elif not args.no_entries:
        checked = check_all_entries(client, checkpoint)
    state_path.parent.mkdir(parents=True, exist_ok=True)
    state_path.write_text(
        json.dumps({"size": checkpoint.size, "root": notes.b64(checkpoint.root)})
    )
    if args.witness_key:
        cosign(client, note, Path(args.witness_key), args.witness_name, post or http_post(None))
    seen = f", consistent with {old['size']}" if old else ""
    witnessed = f"; cosigned by {cosigned} of {len(args.witness)} witnesses" if args.witness else ""
    return (
        f"OK: checkpoint of {checkpoint.size} entries{seen}; {checked} entries checked"
        f"{witnessed}."
    )


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m zwerm.transparency.verify", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base-url", required=True)
    p.add_argument("--ecosystem", required=True)
    p.add_argument("--vkey", required=True, help="the log's verifier key")
    p.add_argument("--token", help="a personal access token (members-only ecosystems)")
    p.add_argument("--state", help="where to keep the last verified checkpoint")
    p.add_argument("--index", type=int, action="append", help="check only this entry")
    p.add_argument("--no-entries", action="store_true", help="check only the checkpoint")
    p.add_argument("--witness", action="append", metavar="VKEY",
                   help="a witness's cosignature verifier key: report (or require) its cosignature")
    p.add_argument("--min-witnesses", type=int, default=0, metavar="N",
                   help="fail unless at least N of the --witness keys cosigned the checkpoint")
    p.add_argument("--witness-key", help="a witness's Ed25519 PEM key: cosign when all is well")
    p.add_argument("--witness-name", help="the witness key's name")
    return p


def main(argv: list[str] | None = None, fetch: Fetch | None = None) -> int:
    args = parser().parse_args(argv)
    if args.witness_key and not (args.witness_name and args.token):
        print("--witness-key needs --witness-name and --token.", file=sys.stderr)
        return 2
    try:
        print(run(args, fetch or http_fetcher(args.token), http_post(args.token)))
    except (Mismatch, notes.NoteError, ValueError) as error:
        print(f"FAILED: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
