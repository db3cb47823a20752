"""Sentences around names that end in a full stop keep one full stop."""

import pytest

from zwerm.core.text import single_stops, spreadsheet_safe


@pytest.mark.parametrize(
    ("built", "shown"),
    [
        ("Welkom bij Betonkringloop B.V..", "Welkom bij Betonkringloop B.V."),
        ("Welkom bij Betonkringloop B.V.. Je handelt vanaf nu namens deze organisatie.",
         "Welkom bij Betonkringloop B.V. Je handelt vanaf nu namens deze organisatie."),
        ("Welkom bij Gemeente Havenstad.", "Welkom bij Gemeente Havenstad."),
        ("Wordt vervolgd...", "Wordt vervolgd..."),
    ],
)
def test_a_name_ending_in_a_full_stop_ends_the_sentence_once(built, shown):
    assert single_stops(built) == shown


@pytest.mark.parametrize(("typed", "written"), [
    ("=HYPERLINK(\"https://evil.example\")", "'=HYPERLINK(\"https://evil.example\")"),
    ("+31 6 1234", "'+31 6 1234"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("-12.5", "-12.5"),
    ("+3", "+3"),
    ("Gewoon een zin", "Gewoon een zin"),
    ("", ""),
])
def test_spreadsheet_safe_defuses_formulas_and_keeps_numbers(typed, written):
    assert spreadsheet_safe(typed) == written
