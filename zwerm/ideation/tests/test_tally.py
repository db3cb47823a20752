"""Property tests of the pure tallies (hypothesis, bounded for CI) and exact examples."""

from __future__ import annotations

import itertools
import json
import os
import random
import shutil
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zwerm.ideation.tally import (
    FORMAT,
    BallotError,
    count,
    count_file,
    pairwise,
    schulze_strengths,
    weights,
)

CI = settings(max_examples=60, deadline=None)
OPTIONS = ["a", "b", "c", "d", "e"]


def reference_schulze(options, rankings, ballot_weights):
    """A straightforward Schulze, as in the textbook: kept here to check the real one."""
    d = {(x, y): Fraction(0) for x in options for y in options}
    for ranking, weight in zip(rankings, ballot_weights, strict=True):
        level = {}
        for position, item in enumerate(ranking):
            for option in item if isinstance(item, list) else [item]:
                level[option] = position
        for x in options:
            for y in options:
                if level.get(x, len(options)) < level.get(y, len(options)):
                    d[x, y] += weight
    p = {}
    for x in options:
        for y in options:
            if x != y:
                p[x, y] = d[x, y] if d[x, y] > d[y, x] else Fraction(0)
    for k in options:
        for i in options:
            if i == k:
                continue
            for j in options:
                if j not in (i, k):
                    p[i, j] = max(p[i, j], min(p[i, k], p[k, j]))
    beats = {x: sum(1 for y in options if x != y and p[x, y] > p[y, x]) for x in options}
    return sorted(options, key=lambda x: (-beats[x], options.index(x))), d


ranking_ballots = st.lists(
    st.permutations(OPTIONS).flatmap(
        lambda perm: st.integers(min_value=1, max_value=len(OPTIONS)).map(
            lambda length: list(perm[:length])
        )
    ),
    min_size=1,
    max_size=40,
)
groups = st.sampled_from(["org-1", "org-2", "org-3", None])


def ranked(rankings, group_list=None):
    group_list = group_list or [None] * len(rankings)
    return [{"group": g, "choices": r} for r, g in zip(rankings, group_list, strict=False)]


def order(result):
    return [row["option"] for row in result["ranking"]]


# Schulze -----------------------------------------------------------------------------------


@CI
@given(ranking_ballots, st.data())
def test_condorcet_winner_always_wins_schulze(rankings, data):
    winner = data.draw(st.sampled_from(OPTIONS))
    # Make ``winner`` beat every other option pairwise: add enough ballots ranking it first.
    extra = [[winner, *[o for o in OPTIONS if o != winner]]] * (len(rankings) + 1)
    rankings = rankings + extra
    d = pairwise(OPTIONS, rankings, [Fraction(1)] * len(rankings))
    i = OPTIONS.index(winner)
    assert all(d[i][j] > d[j][i] for j in range(len(OPTIONS)) if j != i)
    result = count(method="ranked", options=OPTIONS, ballots=ranked(rankings))
    assert result["winner"] == winner
    assert result["ranking"][0]["rank"] == 1 and result["ranking"][1]["rank"] == 2


@CI
@given(ranking_ballots)
def test_one_ballot_of_every_permutation_changes_no_margin(rankings):
    before = pairwise(OPTIONS, rankings, [Fraction(1)] * len(rankings))
    everything = rankings + [list(p) for p in itertools.permutations(OPTIONS)]
    after = pairwise(OPTIONS, everything, [Fraction(1)] * len(everything))
    n = len(OPTIONS)
    for i in range(n):
        for j in range(n):
            assert after[i][j] - after[j][i] == before[i][j] - before[j][i]


@CI
@given(ranking_ballots, st.randoms(use_true_random=False))
def test_schulze_does_not_depend_on_ballot_order(rankings, rng):
    ballots = ranked(rankings, [rng.choice(["x", "y", None]) for _ in rankings])
    shuffled = list(ballots)
    rng.shuffle(shuffled)
    for weighting in ("person", "organisation"):
        first = count(method="ranked", options=OPTIONS, ballots=ballots, weighting=weighting)
        second = count(method="ranked", options=OPTIONS, ballots=shuffled, weighting=weighting)
        assert first["ranking"] == second["ranking"]
        assert first["pairwise"] == second["pairwise"]


@CI
@given(ranking_ballots, st.lists(groups, min_size=40, max_size=40))
def test_schulze_agrees_with_the_straightforward_implementation(rankings, group_list):
    ballots = ranked(rankings, group_list)
    for weighting in ("person", "organisation"):
        expected, d = reference_schulze(OPTIONS, rankings, weights(ballots, weighting))
        for use_numpy in (True, False):
            result = count(method="ranked", options=OPTIONS, ballots=ballots,
                           weighting=weighting, use_numpy=use_numpy)
            assert order(result) == expected
            assert result["pairwise"] == [
                [str(d[x, y]) for y in OPTIONS] for x in OPTIONS
            ]


def test_schulze_agrees_with_reference_on_larger_random_elections():
    rng = random.Random(20261126)
    options = [f"idea-{i}" for i in range(9)]
    for _round in range(20):
        rankings = [rng.sample(options, rng.randint(1, 9)) for _ in range(rng.randint(1, 300))]
        ballots = ranked(rankings)
        expected, _d = reference_schulze(options, rankings, weights(ballots, "person"))
        assert order(count(method="ranked", options=options, ballots=ballots)) == expected


def test_schulze_agrees_with_votelib_on_random_ballots():
    votelib = pytest.importorskip(
        "votelib", reason="votelib is not installed (pip install votelib to compare with it)"
    )
    from votelib.convert import RankedToCondorcetVotes
    from votelib.evaluate.condorcet import Schulze

    rng = random.Random(7)
    options = [f"o{i}" for i in range(6)]
    for _round in range(40):
        rankings = [rng.sample(options, 6) for _ in range(rng.randint(2, 60))]
        tallied = {}
        for ranking in rankings:
            tallied[tuple(ranking)] = tallied.get(tuple(ranking), 0) + 1
        pairs = RankedToCondorcetVotes(unranked_at_bottom=True).convert(tallied)
        paths = Schulze.widest_paths(pairs)
        result = count(method="ranked", options=options, ballots=ranked(rankings))
        strengths = result["strengths"]
        for i, x in enumerate(options):
            for j, y in enumerate(options):
                if i != j:
                    theirs = paths.get((x, y), 0) > paths.get((y, x), 0)
                    assert (Fraction(strengths[i][j]) > Fraction(strengths[j][i])) == theirs
        best = Schulze().evaluate(pairs, 1)[0]
        winners = set(best) if isinstance(best, votelib.evaluate.core.Tie) else {best}
        assert winners == {row["option"] for row in result["ranking"] if row["rank"] == 1}


def test_schulze_classic_example_and_strengths():
    """The example from Schulze's paper (Wikipedia): 45 voters, E wins, order E A C B D."""
    profile = [
        (5, "ACBED"), (5, "ADECB"), (8, "BEDAC"), (3, "CABED"), (7, "CAEBD"),
        (2, "CBADE"), (7, "DCEBA"), (8, "EBADC"),
    ]
    rankings = [list(letters) for times, letters in profile for _ in range(times)]
    for use_numpy in (True, False):
        result = count(method="ranked", options=list("ABCDE"), ballots=ranked(rankings),
                       use_numpy=use_numpy)
        assert order(result) == list("EACBD")
        assert result["strengths"][0] == ["0", "28", "28", "30", "24"]


def test_strengths_with_and_without_numpy_match():
    d = [[Fraction(0), Fraction(5, 3), Fraction(1)], [Fraction(1, 3), Fraction(0), Fraction(2)],
         [Fraction(2), Fraction(1), Fraction(0)]]
    assert schulze_strengths(d, use_numpy=True) == schulze_strengths(d, use_numpy=False)


def test_ranked_ballots_with_equal_ranks():
    ballots = ranked([[["a", "b"], "c"], ["c", "a"]])
    result = count(method="ranked", options=["a", "b", "c"], ballots=ballots)
    assert result["pairwise"] == [["0", "1", "1"], ["0", "0", "1"], ["1", "1", "0"]]


# Weighting ---------------------------------------------------------------------------------


@CI
@given(
    st.sampled_from(["dot", "approval", "score", "ranked"]),
    st.integers(min_value=1, max_value=6),
    st.randoms(use_true_random=False),
)
def test_organisation_influence_does_not_grow_with_its_voters(method, copies, rng):
    ballots = [random_ballot(method, rng, group) for group in ("p", "q", "r")]
    crowded = ballots + [dict(ballots[0]) for _ in range(copies)]
    one = count(method=method, options=OPTIONS, ballots=ballots, weighting="organisation",
                dots=5)
    many = count(method=method, options=OPTIONS, ballots=crowded, weighting="organisation",
                 dots=5)
    assert one["ranking"] == many["ranking"]
    assert many["total_weight"] == "3"


def test_organisation_weights_are_exact_fractions():
    ballots = [{"group": "a"}, {"group": "a"}, {"group": "a"}, {"group": "b"}, {}]
    assert weights(ballots, "organisation") == [Fraction(1, 3)] * 3 + [Fraction(1), Fraction(1)]
    assert weights(ballots, "person") == [Fraction(1)] * 5
    with pytest.raises(BallotError):
        weights(ballots, "wealth")


# Sum methods -------------------------------------------------------------------------------


def random_ballot(method, rng, group=None):
    if method == "dot":
        choices: object = {}
        for _ in range(rng.randint(0, 5)):
            option = rng.choice(OPTIONS)
            choices[option] = choices.get(option, 0) + 1
    elif method == "approval":
        choices = rng.sample(OPTIONS, rng.randint(0, len(OPTIONS)))
    elif method == "score":
        choices = {o: rng.randint(0, 5) for o in rng.sample(OPTIONS, rng.randint(0, 5))}
    else:
        choices = rng.sample(OPTIONS, rng.randint(1, len(OPTIONS)))
    return {"group": group, "choices": choices}


@CI
@given(
    st.sampled_from(["dot", "approval", "score"]),
    st.integers(min_value=0, max_value=30),
    st.randoms(use_true_random=False),
)
def test_sum_methods_do_not_depend_on_ballot_order(method, size, rng):
    ballots = [random_ballot(method, rng, rng.choice(["x", "y", None])) for _ in range(size)]
    shuffled = list(ballots)
    rng.shuffle(shuffled)
    for weighting in ("person", "organisation"):
        first = count(method=method, options=OPTIONS, ballots=ballots, weighting=weighting,
                      dots=5)
        assert first == count(method=method, options=OPTIONS, ballots=shuffled,
                              weighting=weighting, dots=5)


@CI
@given(st.sampled_from(["dot", "approval", "score"]), st.randoms(use_true_random=False))
def test_sum_method_totals_equal_the_weighted_sum(method, rng):
    ballots = [random_ballot(method, rng, rng.choice(["x", "y"])) for _ in range(12)]
    result = count(method=method, options=OPTIONS, ballots=ballots, weighting="organisation",
                   dots=5)
    ballot_weights = weights(ballots, "organisation")
    for row in result["ranking"]:
        expected = Fraction(0)
        for ballot, weight in zip(ballots, ballot_weights, strict=True):
            choices = ballot["choices"]
            value = (1 if row["option"] in choices else 0) if method == "approval" else (
                choices.get(row["option"], 0))
            expected += weight * value
        assert Fraction(row["score"]) == expected
    scores = [Fraction(row["score"]) for row in result["ranking"]]
    assert scores == sorted(scores, reverse=True)


def test_ties_are_broken_by_option_order_and_reported():
    ballots = [{"choices": {"c": 2, "b": 2}}, {"choices": {"a": 1}}]
    result = count(method="dot", options=["a", "b", "c"], ballots=ballots, dots=4)
    assert order(result) == ["b", "c", "a"]
    assert [row["rank"] for row in result["ranking"]] == [1, 1, 3]
    assert result["ties"] == [["b", "c"]]
    assert "submitted first" in result["tie_break"]


def test_score_averages_and_rounded_display():
    ballots = [{"choices": {"a": 5, "b": 1}}, {"choices": {"a": 4}}, {"choices": {"b": 3}}]
    result = count(method="score", options=["a", "b"], ballots=ballots)
    first, second = result["ranking"]
    assert (first["option"], first["score"], first["average_shown"]) == ("a", "9", "3.00")
    assert (second["score"], second["average_shown"]) == ("4", "1.33")


@pytest.mark.parametrize(
    ("method", "choices"),
    [
        ("dot", {"a": 4, "b": 2}),
        ("dot", {"a": -1}),
        ("dot", {"zz": 1}),
        ("dot", ["a"]),
        ("approval", ["a", "a"]),
        ("approval", {"a": 1}),
        ("score", {"a": 6}),
        ("score", {"a": True}),
        ("ranked", ["a", "a"]),
        ("ranked", [[]]),
        ("ranked", "abc"),
        ("lottery", ["a"]),
    ],
)
def test_invalid_ballots_are_refused(method, choices):
    with pytest.raises(BallotError):
        count(method=method, options=["a", "b"], ballots=[{"choices": choices}], dots=5)


# The command line --------------------------------------------------------------------------


def ballot_file(tmp_path: Path, **overrides) -> Path:
    data = {
        "format": FORMAT, "method": "ranked", "weighting": "organisation", "dots": None,
        "options": [{"id": o, "title": o.upper()} for o in "abc"],
        "ballots": [
            {"id": "7c1e", "group": "org-x", "choices": ["a", "b", "c"]},
            {"id": "91aa", "group": "org-x", "choices": ["b", "a", "c"]},
            {"id": "03f2", "group": "org-y", "choices": ["c", "a", "b"]},
        ],
    }
    data.update(overrides)
    data["result"] = overrides.get("result") or count_file(data)
    path = tmp_path / "ballots.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_count_file_reports_whether_the_published_result_matches(tmp_path):
    path = ballot_file(tmp_path)
    data = json.loads(path.read_text())
    assert count_file(data)["matches_published"] is True
    data["result"]["ranking"].reverse()
    assert count_file(data)["matches_published"] is False
    with pytest.raises(BallotError):
        count_file({"format": "something-else"})


def isolated_tally_dir(tmp_path: Path) -> Path:
    """A directory holding only the tally package, importable as zwerm.ideation.tally."""
    source = Path(__file__).resolve().parents[1] / "tally"
    root = tmp_path / "isolated"
    target = root / "zwerm" / "ideation" / "tally"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    for package in (root / "zwerm", root / "zwerm" / "ideation"):
        (package / "__init__.py").write_text("")
    return root


def test_recount_runs_with_the_standard_library_alone(tmp_path):
    """``python -I`` ignores the environment and user site; the path has only the tally.

    A guard makes importing django or numpy fail, so the test proves the recount needs
    neither (numpy is optional), whatever this machine has installed.
    """
    root = isolated_tally_dir(tmp_path)
    guard = root / "sitecustomize_guard.py"
    guard.write_text(
        "import builtins, sys\n"
        "real = builtins.__import__\n"
        "def guarded(name, *args, **kwargs):\n"
        "    if name.split('.')[0] in ('django', 'numpy'):\n"
        "        raise ImportError('blocked: ' + name)\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = guarded\n"
        "sys.path[:] = [p for p in sys.path if 'site-packages' not in p]\n"
    )
    path = ballot_file(tmp_path)
    code = (
        "import runpy, sys\n"
        f"sys.path.insert(0, {str(root)!r})\n"
        f"exec(open({str(guard)!r}).read())\n"
        f"sys.argv = ['tally', {str(path)!r}]\n"
        "runpy.run_module('zwerm.ideation.tally', run_name='__main__')\n"
    )
    completed = subprocess.run(
        [sys.executable, "-I", "-S", "-c", code], capture_output=True, text=True,
        env={"PATH": os.environ.get("PATH", "")}, timeout=60, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    printed = json.loads(completed.stdout)
    assert printed["matches_published"] is True
    assert printed["winner"] == "a"
    assert printed["total_weight"] == "2"


def test_command_line_fails_clearly_on_a_bad_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "zwerm-ballots/1", "method": "ranked"}')
    completed = subprocess.run(
        [sys.executable, "-m", "zwerm.ideation.tally", str(bad)], capture_output=True,
        text=True, timeout=60, check=False,
    )
    assert completed.returncode == 1
    assert "error:" in completed.stderr
