"""The transparency log: append throughput and proof latency at scale.

Appends ``--n`` entries of about 90 bytes (default 1,000,000) to one ecosystem's log,
``--batch`` per transaction (default 1,000), through the same storage path the sequencer
uses (row lock, one read of the right edge, the batch's nodes computed in memory, one
``executemany`` each for entries and interior nodes, size bump). Then it signs
a checkpoint and times, at the full size, inclusion proofs of random entries, consistency
proofs from random earlier sizes, and the verification of an inclusion proof.

Run: ``python -m bench translog [--n 1000000] [--batch 1000]``.
"""

from __future__ import annotations

import os
import random
import time
import uuid

from bench.common import parser, percentile, report, say, setup_django, stopwatch, timed

REPEAT = 500


def _bodies(start: int, count: int) -> list[bytes]:
    from zwerm.transparency.formats import encode_leaf

    return [
        encode_leaf({"type": "collaboration.contribution.recorded", "n": start + i,
                     "payload_sha256": f"{start + i:064x}"})
        for i in range(count)
    ]


def main(argv: list[str]) -> int:
    arguments = parser("Append to the transparency log and time its proofs.", 1_000_000)
    arguments.add_argument("--batch", type=int, default=1000, help="entries per transaction")
    options = arguments.parse_args(argv)
    folder = setup_django("translog")
    os.environ["ZWERM_SIGNING_KEY"] = str(folder / "keys" / "signing.pem")

    from django.db import transaction
    from django.utils import timezone

    from zwerm.core.management.commands.zwerm_keys import ensure_signing_key
    from zwerm.transparency import checkpoints, merkle, services, storage

    ensure_signing_key(folder / "keys" / "signing.pem")
    log = services.log_for(uuid.uuid4())
    now = timezone.now()
    appended, seconds, cpu_seconds = 0, 0.0, 0.0
    say(f"Appending {options.n} entries in batches of {options.batch}…")
    while appended < options.n:
        count = min(options.batch, options.n - appended)
        batch = [
            storage.NewEntry(body=body, kind="collaboration.contribution.recorded",
                             activity_seq=appended + i + 1, created_at=now)
            for i, body in enumerate(_bodies(appended, count))
        ]
        cpu_start = time.process_time()
        with stopwatch() as clock, transaction.atomic():
            services.append(log, batch)
        seconds += clock["seconds"]
        cpu_seconds += time.process_time() - cpu_start
        appended += count
    checkpoint = checkpoints.checkpoint_sign(log)
    size = checkpoint.size
    root = bytes(checkpoint.root)
    say(f"Appended {appended} entries in {seconds:.1f} s; timing proofs at {size}…")
    rng = random.Random(6962)

    def inclusion() -> None:
        storage.inclusion_proof(log.pk, rng.randrange(size), size)

    def consistency() -> None:
        storage.consistency_proof(log.pk, rng.randrange(1, size), size)

    samples = []
    for _ in range(REPEAT):
        index = rng.randrange(size)
        body = storage.entry_rows(log.pk, index, index + 1)[0][1]
        proof = storage.inclusion_proof(log.pk, index, size)
        samples.append((index, merkle.leaf_hash(body), proof))
    it = iter(samples)

    def verify() -> None:
        index, leaf, proof = next(it)
        merkle.verify_inclusion(index, size, leaf, proof, root)

    report("translog", {
        "entries": appended,
        "batch": options.batch,
        "append_per_s": round(appended / seconds),
        # CPU time of this process only: less sensitive to other work on a shared machine.
        "append_per_cpu_s": round(appended / cpu_seconds),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "inclusion_ms_p50": percentile(timed(inclusion, REPEAT), 50),
        "consistency_ms_p50": percentile(timed(consistency, REPEAT), 50),
        "verify_ms_p50": percentile(timed(verify, REPEAT), 50),
    })
    return 0
