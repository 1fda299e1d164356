"""The PolNeAR scorer's test for a direct quote (no gold data needed)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from evaluation.eval_quotes_polnear import is_direct  # noqa: E402


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
