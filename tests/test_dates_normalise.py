"""Calendar arithmetic of ``toolkit.dates.normalise`` (pure functions, no spaCy)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.dates import normalise as nz

D = dt.date
anchors = st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31))
tenses = st.sampled_from(["past", "present", "future", None])


@pytest.mark.parametrize("month, anchor, tense, year", [
    (1, D(2024, 12, 19), "future", 2025),   # "will return to the White House in January"
    (8, D(2024, 12, 19), "past", 2024),     # "captured ... in August"
    (1, D(2024, 12, 19), None, 2025),       # no tense: the next January is a month away
    (3, D(1989, 10, 30), None, 1989),       # no tense: last March beats a March five months ahead
    (3, D(2025, 6, 21), "past", 2025),
    (6, D(2025, 6, 10), "past", 2025),      # the month containing the anchor
])
def test_year_for_month(month, anchor, tense, year):
    assert nz.year_for_month(month, anchor, tense) == year


def test_year_for_month_day_horizon():
    # "extended to Nov. 10" (past tense) in a November 2 article: not last year's Nov. 10
    assert nz.year_for_month(11, D(1989, 11, 2), "past", day=10) == 1989
    # "on June 2" in a late-June article, past tense: this June
    assert nz.year_for_month(6, D(2025, 6, 27), "past", day=2) == 2025
    # "on June 2" in a May 30 article, future: this June
    assert nz.year_for_month(6, D(2025, 5, 30), "future", day=2) == 2025


@pytest.mark.parametrize("weekday, anchor, tense, direction, expected", [
    (4, D(2025, 5, 30), "past", None, D(2025, 5, 30)),     # "on Friday" in a Friday article
    (4, D(2025, 5, 30), "future", None, D(2025, 6, 6)),
    (0, D(2025, 6, 18), None, None, D(2025, 6, 16)),
    (0, D(2025, 6, 18), "present", None, D(2025, 6, 23)),  # "they meet Monday": a schedule
    (2, D(2025, 6, 18), None, "last", D(2025, 6, 11)),
    (2, D(2025, 6, 18), None, "next", D(2025, 6, 25)),
])
def test_weekday_date(weekday, anchor, tense, direction, expected):
    assert nz.weekday_date(weekday, anchor, tense, direction) == expected


@pytest.mark.parametrize("amount, unit, value", [
    (3, "year", "P3Y"), (30, "day", "P30D"), (4.5, "hour", "PT4H30M"), (3.5, "year", "P3Y6M"),
    (None, "week", "PXW"), (2, "decade", "P20Y"), (1, "fortnight", "P2W"), (1.5, "day", "P1DT12H"),
])
def test_duration_value(amount, unit, value):
    assert nz.duration_value(amount, unit) == value


def test_named_days():
    assert nz.western_easter(2024) == D(2024, 3, 31)
    assert nz.western_easter(2025) == D(2025, 4, 20)
    assert nz.orthodox_easter(2024) == D(2024, 5, 5)
    assert nz.orthodox_easter(2025) == D(2025, 4, 20)
    assert nz.orthodox_easter(2023) == D(2023, 4, 16)
    assert nz.nth_weekday(2024, 11, 3, 4) == D(2024, 11, 28)   # Thanksgiving
    assert nz.nth_weekday(2025, 5, 0, -1) == D(2025, 5, 26)    # Memorial Day


def test_values_and_intervals():
    assert nz.week_timex(D(2025, 6, 17)).value == "2025-W25"
    assert nz.quarter_timex(1989, 3).end_date == D(1989, 9, 30)
    assert nz.season_timex(2024, "WI").end_date == D(2025, 2, 28)
    assert nz.decade_timex(1990).value == "199"
    assert nz.century_timex(20).value == "19"
    late_may = nz.month_timex(2025, 5).with_modifier("END")
    assert (late_may.start_date, late_may.end_date, late_may.modifier) == (D(2025, 5, 22), D(2025, 5, 31), "END")
    assert nz.relative_unit_timex(D(2025, 1, 15), "month", -1).value == "2024-12"


@given(anchors, st.integers(1, 12), tenses)
def test_chosen_month_respects_tense(anchor, month, tense):
    year = nz.year_for_month(month, anchor, tense)
    start, end = nz.month_interval(year, month)
    assert abs(year - anchor.year) <= 1
    if tense == "past":
        assert start <= anchor
    if tense == "future":
        assert end >= anchor


@given(anchors, st.integers(0, 6), tenses, st.sampled_from([None, "last", "next", "this"]))
def test_weekday_is_that_weekday_within_a_week(anchor, weekday, tense, direction):
    day = nz.weekday_date(weekday, anchor, tense, direction)
    assert day.weekday() == weekday
    assert abs((day - anchor).days) <= 7
    if direction == "last":
        assert day < anchor
    if direction == "next":
        assert day > anchor


@given(anchors, st.sampled_from(["START", "MID", "END"]))
def test_narrowing_stays_inside_the_month(anchor, modifier):
    month = nz.month_timex(anchor.year, anchor.month)
    narrowed = month.with_modifier(modifier)
    assert month.start_date <= narrowed.start_date <= narrowed.end_date <= month.end_date
