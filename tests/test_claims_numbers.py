"""The number parser on figures as news writes them (phrases from the seed
articles, the ru_ua_2022 Guardian/NYT corpus and GVA shooting reports)."""

from __future__ import annotations

import pytest

from toolkit.claims import find_quantities, parse_number
from toolkit.claims.lexicon import load_lexicon


def only(text: str):
    found = find_quantities(text)
    assert len(found) == 1, [q.surface for q in found]
    return found[0]


@pytest.mark.parametrize("text, value", [
    ("1,008,240", 1_008_240), ("1.2 million", 1_200_000), ("1 million", 1_000_000), ("3.7 million", 3_700_000),
    ("three", 3), ("twenty-eight", 28), ("one million", 1_000_000), ("two hundred and fifty", 250),
    ("half a million", 500_000), ("a million", 1_000_000), ("Eleven", 11), ("1bn", 1_000_000_000),
])
def test_parse_number_digits_and_words(text, value):
    assert parse_number(text) == value


def test_parse_number_rejects_words_that_are_not_numbers():
    assert parse_number("several") is None
    assert parse_number("") is None
    assert parse_number("killed") is None


def test_hedges_map_to_qualifiers_and_open_bounds():
    # seed 003: "left at least 28 people dead and injured over 100 people"
    least, over = find_quantities("left at least 28 people dead and injured over 100 people")
    assert (least.low, least.high, least.qualifier) == (28, None, "at_least")
    assert (over.low, over.high, over.qualifier) == (100, None, "more_than")
    # seed 002: "a follow-up deal for up to 1,200 prisoners from each side"
    up_to = only("a follow-up deal for up to 1,200 prisoners from each side")
    assert (up_to.low, up_to.high, up_to.qualifier) == (None, 1200, "up_to")
    # ru_ua: "nearly six million individual Ukrainian refugees", "the roughly 15,000 the Soviet Union lost"
    # "nearly N": the value is below N (LABELLING.md: low empty, high N)
    nearly = only("there are now nearly six million individual Ukrainian refugees")
    assert (nearly.low, nearly.high, nearly.qualifier) == (None, 6_000_000, "up_to")
    assert only("the roughly 15,000 the Soviet Union lost").low == 15_000


def test_vague_quantities_use_the_documented_table():
    table = load_lexicon().vague
    dozens = only("the attack on Kyiv, which killed dozens")
    assert (dozens.low, dozens.high, dozens.qualifier) == (24, 99, "vague")
    assert (table["dozens"].low, table["dozens"].high) == (24, 99)
    scores = only("killed and injured scores of ordinary people")
    assert (scores.low, scores.high) == (table["scores"].low, table["scores"].high)
    thousands = only("Thousands were evacuated after Ukrainian forces captured parts of the region")
    assert (thousands.low, thousands.high) == (2000, 9999)
    several = only("Several other people were hurt")
    assert several.qualifier == "vague" and several.low == table["several"].low
    hedged = only("more than a dozen people were wounded")
    assert (hedged.low, hedged.high, hedged.qualifier) == (12, None, "more_than")


def test_ranges_and_reciprocal_swaps():
    swap = only("including a 1,000-for-1,000 swap that took place in late May")
    assert swap.per_side and (swap.low, swap.high) == (1000, 1000)
    between = only("between 20 and 30 people were wounded")
    assert (between.low, between.high, between.qualifier) == (20, 30, "range")
    dashed = only("20-30 people")
    assert (dashed.low, dashed.high) == (20, 30)
    words = only("two or three soldiers")
    assert (words.low, words.high) == (2, 3)


def test_figures_that_never_count_people_are_dropped():
    # seed 004 "the 72-year-old leader"; seed 002 "a 30-day ceasefire", "a temporary 2–3-day truce"
    assert find_quantities("the 72-year-old leader said") == []
    assert find_quantities("Ukraine's insistence on a 30-day ceasefire") == []
    assert find_quantities("proposing only a temporary 2–3-day truce") == []
    assert find_quantities("Su-34 jets and F-16s") == []
    assert find_quantities("no one was killed") == []
    assert find_quantities("inflation of 40% and $5 million in aid") == []
    # a live blog's timestamp before the figure (ru_ua: "23 Jul 2022 21.32 3.7 million Ukrainian refugees")
    assert [q.surface for q in find_quantities("21.32 3.7 million Ukrainian refugees")] == ["3.7 million"]


def test_odd_text_never_raises():
    for text in ["", "“unbalanced", "٣ people", "1,,000", "- for -", "between and", "𝟏𝟐 killed", "a" * 1000]:
        find_quantities(text)
