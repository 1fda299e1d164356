"""The PolNeAR scorer's test for a direct quote (no gold data needed)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import random  # noqa: E402

import pytest  # noqa: E402

from evaluation.eval_quotes_polnear import is_direct, leave_out  # noqa: E402


def _span(text: str, part: str) -> list[tuple[int, int]]:
    start = text.index(part)
    return [(start, start + len(part))]


def test_the_nyt_archives_two_apostrophes_mark_a_direct_quote():
    # New York Times, 22 Feb 2016 (PolNeAR train): the archive writes the double quote as ''
    text = "''It's crazy that's nobody else is trying to win except Trump,'' said Mr. Stevens."
    assert is_direct(text, _span(text, "It's crazy that's nobody else is trying to win except Trump"))


def test_curly_marks_still_count_and_a_reported_clause_does_not():
    text = "“We all know how she feels about the police,” he said. He said that Clinton's aides were worried."
    assert is_direct(text, _span(text, "We all know how she feels about the police"))
    assert not is_direct(text, _span(text, "Clinton's aides were worried"))
    # an apostrophe of a possessive is not a quotation mark
    assert not is_direct(text, _span(text, "aides were worried"))


def test_not_in_leaves_out_slices_in_turn():
    names = [f"text{i:03d}" for i in range(300)]
    tuning = set(random.Random(13).sample(names, 80))
    rest = [n for n in names if n not in tuning]
    # one slice: what --not-in 80:13 always did
    assert leave_out(names, ["80:13"]) == rest
    # two slices: the second is drawn from what the first left (the held-out
    # slice `--not-in 80:13 --limit 80 --seed 2027` is such a draw)
    held_out = set(random.Random(2027).sample(rest, 80))
    left = leave_out(names, ["80:13", "80:2027"])
    assert len(left) == 140 and not (set(left) & (tuning | held_out))
    assert left == sorted(left)
    with pytest.raises(SystemExit):
        leave_out(names, ["80"])
