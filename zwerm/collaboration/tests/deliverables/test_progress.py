"""Progress is a pure function: share of milestones done, 0 without any, 100 once delivered."""

import pytest

from zwerm.collaboration.progress import progress_percent


@pytest.mark.parametrize(("done", "total", "delivered", "expected"), [
    (0, 0, False, 0),
    (0, 3, False, 0),
    (1, 3, False, 33),
    (2, 3, False, 66),
    (3, 3, False, 100),
    (1, 2, False, 50),
    (0, 0, True, 100),
    (1, 4, True, 100),
    (5, 3, False, 100),
    (-1, 3, False, 0),
])
def test_progress_percent(done, total, delivered, expected):
    assert progress_percent(done=done, total=total, delivered=delivered) == expected


def test_progress_never_exceeds_the_done_share():
    for total in range(1, 40):
        for done in range(total + 1):
            value = progress_percent(done=done, total=total)
            assert value * total <= done * 100 < (value + 1) * total
