"""Issue #12 item 8: dates that feed claims' event dates, on real sentences of
ru_ua_2022 and guardian_feb2022 (quoted here; the corpora are not shipped).

* "a four-hour" / "a three-month" were one unit too long (PT5H, P4M): the
  article "a" was added to the number;
* names that look like dates ("Today in Focus", the "First Edition" newsletter,
  "the Sunday Times") and prices ("12 euros an hour") are not dates;
* a live blog's entries are anchored on the entry's own stamp ("8 May 2022
  21.48 ... late Sunday"), not on the blog's publication;
* a month or day without a year, said after it happened, is in the past.
"""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import dates_of
from toolkit.dates.lexicon import load_lexicon, parse_amount

D = dt.date


run = dates_of


def values(records):
    return {r["surface"]: r["value"] for r in records}


@pytest.mark.parametrize("text, surface, value", [
    # Guardian, 23 Mar 2022
    ("Joe Biden has arrived in Europe for a four-day trip with the aim of keeping up pressure on Russia over its "
     "invasion of Ukraine.", "a four-day", "P4D"),
    # guardian_feb2022 (Nato summit coverage)
    ("On Thursday, during a three-hour meeting, the 30 heads of government discussed how they could help.",
     "a three-hour", "PT3H"),
    # Guardian, Azovstal
    ("More than a thousand Azovstal defenders were transferred to Russian-held territory in May after they "
     "surrendered to Moscow’s forces at the end of a three-month siege.", "a three-month", "P3M"),
    ("Russia’s alleged election interference, which Moscow denies, sparked a two-year-long US investigation.",
     "a two-year", "P2Y"),
])
def test_a_number_unit_is_that_many_units(nlp, text, surface, value):
    assert values(run(nlp, text, D(2022, 5, 20)))[surface] == value


def test_parse_amount_article_is_not_added():
    lex = load_lexicon()
    assert parse_amount(lex, "a four") == 4
    assert parse_amount(lex, "a") == 1
    assert parse_amount(lex, "a hundred") == 100
    assert parse_amount(lex, "two hundred") == 200
    assert parse_amount(lex, "three-and-a-half") == 3.5


@pytest.mark.parametrize("text", [
    "Today in Focus podcast: Could Nato be doing more?",
    "Sign up to First Edition, our free daily newsletter – every weekday morning at 7am BST",
    # NYT, Germany's minimum wage (ru_ua_2022)
    "On Oct. 1, a new minimum wage law will establish for the first time a single national rate — 12 euros an hour.",
    "Sunak said removing VAT on domestic energy would save households £160 a year.",
])
def test_names_and_prices_are_not_dates(nlp, text):
    recs = run(nlp, text, D(2022, 6, 1))
    surfaces = [r["surface"] for r in recs]
    assert not any(s in ("Today", "daily", "every weekday morning", "an hour", "a year") for s in surfaces), surfaces
    if "Oct. 1" in text:
        assert values(recs)["Oct. 1"] == "2022-10-01"  # the real date in the sentence stays


def test_the_sunday_times_is_a_paper_but_on_sunday_a_day(nlp):
    recs = run(nlp, "The Sunday Times reported the plan on Sunday.", D(2022, 2, 16))
    assert [(r["surface"], r["value"]) for r in recs] == [("Sunday", "2022-02-13")]


def test_live_blog_entries_anchor_on_their_stamp(nlp):
    # Guardian live blog published 2022-05-09T02:57Z: an entry of 8 May, then one of 9 May
    text = ("From 8 May 2022 21.48 60 people confirmed killed at school bombed by Russians Volodymyr Zelenskiy "
            "confirmed late Sunday what many had feared but were hoping would not be true: 60 people who were "
            "sheltering in the Bilohorivka school that Russian forces bombed this weekend were killed in the attack. "
            "Yesterday the regional governor said 30 people had been rescued.\n\n"
            "9 May 2022 03.57 Japan will take time to phase out Russian oil imports after agreeing on a ban with "
            "other G7 nations, prime minister Fumio Kishida said yesterday.")
    recs = run(nlp, text, D(2022, 5, 10))  # a day after the last entry, so the two anchors differ
    yesterdays = [r for r in recs if r["surface"].lower() == "yesterday"]
    assert [(r["value"], r["anchor"]) for r in yesterdays] == [("2022-05-07", D(2022, 5, 8)),
                                                              ("2022-05-08", D(2022, 5, 9))]
    assert values(recs)["late Sunday"] == "2022-05-08"


def test_a_single_stamp_is_no_live_blog(nlp):
    # an ordinary article quoting one dated tweet keeps the publication anchor
    text = ("— Sam Wilkinson (@WilkoSam) May 8, 2022 António Guterres issued a statement yesterday. "
            "On 2 May 2022 10.30 officials said so.")
    recs = run(nlp, text, D(2022, 5, 10))
    assert values(recs)["yesterday"] == "2022-05-09"


@pytest.mark.parametrize("text, published, surface, value", [
    # guardian_feb2022: a late-January event in a mid-February article is last January
    ("In late January, the US put 8,500 troops on heightened alert.", D(2022, 2, 15), "late January", "2022-01"),
    ("Troops have been massing since late January.", D(2022, 2, 15), "late January", "2022-01"),
    ("Officials will review the late January attack.", D(2022, 2, 15), "late January", "2022-01"),
    ("Zelenskiy will visit the site of the January 14 attack.", D(2022, 2, 15), "January 14", "2022-01-14"),
    ("The December 17 draft treaties demand that Nato withdraw from eastern Europe.", D(2022, 2, 15),
     "December 17", "2021-12-17"),
    # Guardian, 29 Jul 2022: past tense, and last September is more than 183 days back; the
    # horizon used to move it to the coming September (49 days ahead)
    ("An email from Lister on 16 September indicated plans were developing.", D(2022, 7, 29), "16 September",
     "2021-09-16"),
    # a deadline just ahead, set in the past tense, is still the coming one (TimeBank, DCT 1989-11-02)
    ("Dunkin' has extended the deadline to Nov. 10.", D(1989, 11, 2), "Nov. 10", "1989-11-10"),
    # the future tense still picks the coming one
    ("The talks will resume on 2 March.", D(2022, 2, 15), "2 March", "2022-03-02"),
])
def test_month_without_year_said_afterwards_is_past(nlp, text, published, surface, value):
    assert values(run(nlp, text, published))[surface] == value


# -- session 3: weekdays in live blogs, run-in headlines, "would" under a past verb ---------

def _value_of(records, surface, near):
    """The value of the record ``surface`` nearest after the text ``near``."""
    hits = [r for r in records if r["surface"] == surface]
    assert hits, [r["surface"] for r in records]
    return hits[0]["value"]


def test_would_under_a_past_verb_is_not_next_week(nlp):
    # Guardian live blog published Sat 30 Jul 2022 01:06 (written on Friday 29 Jul)
    text = ("Ukraine has said it is ready for grain exports to leave its ports again but is waiting for the go-ahead "
            "from the United Nations, which it hoped it would receive later on Friday.")
    assert values(run(nlp, text, D(2022, 7, 30)))["Friday"] == "2022-07-29"


def test_later_on_the_same_weekday_is_today(nlp):
    # guardian_feb2022, 24 Feb 2022 (a Thursday)
    recs = values(run(nlp, "A meeting of the G7, which includes Canada, France, Germany, Italy, Japan, the UK and "
                           "the US, is scheduled for later on Thursday.", D(2022, 2, 24)))
    assert recs["Thursday"] == "2022-02-24"
    recs = values(run(nlp, "A joint statement issued by the 27 heads of state and government of the EU warned Russia "
                           "that they would later on Thursday agree on further restrictive measures.", D(2022, 2, 24)))
    assert recs["Thursday"] == "2022-02-24"
    # a plain future weekday is still the coming one
    recs = values(run(nlp, "Nato's secretary general announced that an alliance summit will be held on Friday.",
                      D(2022, 2, 24)))
    assert recs["Friday"] == "2022-02-25"


def test_a_date_in_a_nouns_phrase_takes_no_present_tense(nlp):
    # Guardian, 13 Jul 2022 (a Wednesday): the announcement was on Monday 11 July, not the coming one
    text = ("The move follows an announcement by European foreign ministers late on Monday approving €1bn (£850m), "
            "the first instalment of a €9bn rescue package agreed in May.")
    assert values(run(nlp, text, D(2022, 7, 13)))["Monday"] == "2022-07-11"
    # a present-tense schedule on the verb itself stays a schedule
    assert values(run(nlp, "The two leaders meet Monday in Kyiv.", D(2022, 7, 13)))["Monday"] == "2022-07-18"


def test_run_in_live_blog_headline_gives_no_tense(nlp):
    # Guardian live blog, 4 May 2022 (a Wednesday): a video headline run into the next entry
    text = ("Others from the plant “went elsewhere” under their own steam and unaccompanied, it said. 01:49 Ukrainian "
            "evacuee describes months of horror inside Azovstal bunker – video On Tuesday night, the Ukrainian "
            "president, Volodymyr Zelenskiy, confirmed the evacuees had reached safety.")
    assert values(run(nlp, text, D(2022, 5, 4)))["Tuesday night"] == "2022-05-03"


def test_present_tense_weekday_in_a_live_blog_is_the_entrys_week(nlp):
    # Guardian live blog of 12-13 Jul 2022: "says" in an entry of Tue 12 Jul is about that week
    text = ("12 Jul 2022 22.37 Zelenskiy: Russia 'doesn't have the courage' to admit defeat. Volodymyr Zelenskiy "
            "says Russia lacks courage, in a video address he gives on Tuesday night. 12 Jul 2022 21.25 The number of "
            "foreign ships reaching Ukrainian ports has doubled. The Kyiv Independent says Tuesday that 16 vessels "
            "entered.")
    recs = run(nlp, text, D(2022, 7, 13))
    assert {r["value"] for r in recs if r["surface"] in ("Tuesday night", "Tuesday")} == {"2022-07-12"}
