"""``python -m zwerm.ideation.tally FILE``: recount an exported vote and print the result."""

from __future__ import annotations

import json
import sys

from zwerm.ideation.tally.core import BallotError, count_file


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1 or args[0] in ("-h", "--help"):
        print("usage: python -m zwerm.ideation.tally BALLOTS.json", file=sys.stderr)
        return 2
    try:
        if args[0] == "-":
            data = json.load(sys.stdin)
        else:
            with open(args[0], encoding="utf-8") as handle:
                data = json.load(handle)
        result = count_file(data)
    except (OSError, ValueError, BallotError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0 if result.get("matches_published", True) is not False else 3


if __name__ == "__main__":
    raise SystemExit(main())
