"""Count a large ranked vote with Schulze's method, with numpy and with the standard library.

The tally is pure (no database), so this benchmark needs no Django set-up: it times exactly
what ``python -m zwerm.ideation.tally`` does with an exported file of ballots. Target: 30
options and 100,000 ranked ballots counted in at most one second with numpy.
"""

from __future__ import annotations

import random

from bench.common import parser, report, say, stopwatch


def ballots_for(options: list[str], n: int, seed: int) -> list[dict]:
    """Random full rankings, with a few partial ones, spread over 400 organisations."""
    rng = random.Random(seed)
    result = []
    for number in range(n):
        ranking = rng.sample(options, len(options) if number % 10 else len(options) // 2)
        result.append({"group": f"org-{number % 400}", "choices": ranking})
    return result


def main(argv: list[str]) -> int:
    arguments = parser(__doc__.splitlines()[0], default_n=100_000)
    arguments.add_argument("--options", type=int, default=30, help="number of options (30)")
    arguments.add_argument("--repeat", type=int, default=3, help="numpy runs; the best counts")
    args = arguments.parse_args(argv)
    from zwerm.ideation.tally import core

    options = [f"idea-{number:03d}" for number in range(args.options)]
    ballots = ballots_for(options, args.n, seed=2026)
    say(f"Counting {args.n} ranked ballots over {args.options} options…")
    runs, results = [], []
    for _ in range(max(1, args.repeat)):
        with stopwatch() as clock:
            results.append(core.count(method="ranked", options=options, ballots=ballots))
        runs.append(clock["seconds"])
    with stopwatch() as pure:
        plain = core.count(method="ranked", options=options, ballots=ballots, use_numpy=False)
    with stopwatch() as weighted:
        core.count(method="ranked", options=options, ballots=ballots, weighting="organisation")
    if plain["ranking"] != results[0]["ranking"]:
        say("The counts with and without numpy differ.")
        return 1
    numpy_version = getattr(core.numpy, "__version__", None)
    report("tally", {
        "options": args.options,
        "ballots": args.n,
        "numpy": numpy_version,
        "schulze_s": round(min(runs), 3),
        "schulze_s_without_numpy": round(pure["seconds"], 3),
        "schulze_organisation_weighting_s": round(weighted["seconds"], 3),
        "target_s": 1.0,
        "winner": results[0]["winner"],
    })
    return 0
