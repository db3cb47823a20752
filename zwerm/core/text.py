"""Small helpers for the sentences Zwerm builds around names."""

from __future__ import annotations

import re

_DOUBLED_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


def single_stops(sentence: str) -> str:
    """One full stop where a name that ends in one ("Betonkringloop B.V.") ends a sentence.

    "Welkom bij Betonkringloop B.V.." becomes "Welkom bij Betonkringloop B.V."; an ellipsis
    ("…" or "...") stays as it is.
    """
    return _DOUBLED_STOP.sub(".", str(sentence))
