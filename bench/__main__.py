"""Run benchmarks; each prints one JSON object as its last line."""

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def available() -> list[str]:
    return sorted(
        info.name for info in pkgutil.iter_modules([str(HERE)])
        if not info.name.startswith("_") and info.name not in {"common", "tests"}
    )


def main(argv: list[str]) -> int:
    names = argv or available()
    unknown = [name for name in names if name not in available()]
    if unknown:
        print(f"Unknown benchmark(s): {', '.join(unknown)}. Available: {', '.join(available())}")
        return 2
    if len(names) == 1:
        module = importlib.import_module(f"bench.{names[0]}")
        return module.main(sys.argv[2:])
    status = 0
    for name in names:
        status |= subprocess.call([sys.executable, "-m", "bench", name])
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:2]))
