"""The PolNeAR scorer's one test of "direct" (session 7): a paired ‘…’ counts,
an apostrophe never does, and gold and predictions go through the same test.
Sentences from PolNeAR train (no gold data needed)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.eval_quotes_polnear import is_direct, is_direct_old, single_pair  # noqa: E402
from toolkit.quotes.marks import find_quotes  # noqa: E402


def _span(text: str, part: str) -> list[tuple[int, int]]:
    start = text.index(part)
    return [(start, start + len(part))]


def test_a_headline_quote_in_single_marks_is_direct_gold_now():
    # Breitbart, 2016-06-05 (PolNeAR train): the gold content is the headline after the colon
    text = "Elizabeth Warren: Donald Trump Is a ‘Proven Failure’ in Business.\n\nSaturday at the Massachusetts …"
    content = _span(text, "Donald Trump Is a ‘Proven Failure’ in Business")
    assert not is_direct_old(text, content)  # the rule before session 7
    assert is_direct(text, content)


def test_a_content_between_single_marks_is_direct_on_both_sides():
    # Breitbart, 2016-03-15: the gold content is the whole quote; the toolkit's
    # quote (marks.find_quotes) is the text between the marks, without them
    text = "Kasich: ‘We Are Going To Go All The Way To Cleveland and Secure The Republican Nomination.’\n\nTuesday at …"
    gold = _span(text, "‘We Are Going To Go All The Way To Cleveland and Secure The Republican Nomination.’")
    (quote,) = find_quotes(text)
    assert quote.single
    assert is_direct(text, gold) and is_direct(text, [(quote.start, quote.end)])


def test_apostrophes_are_not_quotation_marks():
    # the same headlines' possessives and contractions (`’` before a letter)
    text = "Cruz Has ‘To Come a Long Way’ On Ethanol, He’s For Oil. Obama’s strategic plan. Trump’s idea for border wall."
    assert not single_pair(text, _span(text, "Obama’s strategic plan"))
    assert not is_direct(text, _span(text, "Trump’s idea for border wall"))
    assert not is_direct(text, _span(text, "He’s For Oil"))
    assert is_direct(text, _span(text, "To Come a Long Way"))


def test_a_single_opening_mark_without_its_closer_is_not_enough():
    text = "The ‘rebalance of the region went on. Nothing else."
    assert not is_direct(text, _span(text, "rebalance of the region went on"))


def test_double_marks_still_count():
    text = "“We all know how she feels about the police,” he said. He said that Clinton's aides were worried."
    assert is_direct(text, _span(text, "We all know how she feels about the police"))
    assert not is_direct(text, _span(text, "Clinton's aides were worried"))
