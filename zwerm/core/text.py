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


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """Keep a spreadsheet from running typed text as a formula (CSV injection).

    Text people typed that starts like a formula gets a leading apostrophe, which
    spreadsheets hide; plain numbers such as "-12.5" stay numbers.
    """
    if not cell.startswith(_FORMULA_STARTS):
        return cell
    try:
        float(cell)
    except ValueError:
        return "'" + cell
    return cell
