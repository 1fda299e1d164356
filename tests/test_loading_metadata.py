"""Metadata inference: dates and outlets come from clear evidence or not at all."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.loading import load
from toolkit.loading.metadata import outlet_from_alias, outlet_from_file_name, outlet_from_text, outlet_from_url

BODY = ("Russian President Vladimir Putin expressed readiness for discussions with U.S. President-elect Donald "
        "Trump, stating he is prepared to meet “any time”.")


def published(tmp_path, text: str, name: str = "a.txt"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    row = load(tmp_path / name).articles.iloc[0]
    return row["published"], row["published_inferred"]


@pytest.mark.parametrize("text", [
    # real BBC openings: the dates are events, not the publication date
    "Ten-year tragedy of missing Manic\n\nRichey Edwards, guitarist and lyricist for The Manic Street Preachers, "
    "vanished 10 years ago, on 1 February 1995. His disappearance remains one of the most tragic mysteries.",
    "High fuel prices hit BA's profits\n\nBritish Airways has blamed high fuel prices for a 40% drop in profits.\n\n"
    "Reporting its results for the three months to 31 December 2004, the airline made a pre-tax profit of £75m.",
    # a fixture: a date without a year, and a kick-off time on the next line
    "Blackburn v Burnley\n\nEwood Park\n\nTuesday, 1 March\n\n2000 GMT\n\nHoward Webb (South Yorkshire)\n\n" + BODY,
])
def test_event_dates_are_not_publication_dates(tmp_path, text):
    date, inferred = published(tmp_path, text)
    assert pd.isna(date) and not inferred


@pytest.mark.parametrize("text, expected", [
    (" date 2025-06-27 Skip to content\nRussia ready to hold third round of peace talks\n\n" + BODY, "2025-06-27"),
    ("Peace talks\n\nby Dmytro Basmat June 27, 2025 10:57 PM 2 min read\n" + BODY, "2025-06-27"),
    ("Peace talks\n\nPublished: 19 December 2024\n\n" + BODY, "2024-12-19"),
    ("MOSCOW, Dec 19, 2024 (Reuters) - " + BODY, "2024-12-19"),
])
def test_header_byline_stamp_and_dateline_give_the_date(tmp_path, text, expected):
    date, inferred = published(tmp_path, text)
    assert date == pd.Timestamp(expected) and inferred


def test_outlet_evidence():
    assert outlet_from_url("https://www.kyivpost.com/post/44189") == "Kyiv Post"
    assert outlet_from_url("https://news.bbc.co.uk/1/hi/business/4190701.stm") == "BBC News"
    assert outlet_from_url("https://amedpost.com/putin-announces") == "amedpost.com"  # unlisted: the host itself
    assert outlet_from_url("not a url") is None
    assert outlet_from_file_name("Guardians_Russia_Ukraine") == "The Guardian"
    assert outlet_from_file_name("NYT_Russia_Ukraine") == "The New York Times"
    assert outlet_from_file_name("X_train") is None  # not an outlet's name: no guess
    assert outlet_from_alias("guardian") == "The Guardian" and outlet_from_alias("Some Blog") is None
    # a mention of an agency is not a signature; the outlet's own furniture is
    assert outlet_from_text("Putin said, per Reuters, that he was ready. " + BODY) is None
    assert outlet_from_text(BODY + "\nFollow our coverage of the war on the @Kyivpost_official.") == "Kyiv Post"
    # two outlets' signatures: ambiguous, so no answer
    assert outlet_from_text("@Kyivpost_official\nThe Kyiv IndependentChris York") is None
