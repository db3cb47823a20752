"""Sentences around names that end in a full stop keep one full stop."""

import pytest

from zwerm.core.text import single_stops


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
