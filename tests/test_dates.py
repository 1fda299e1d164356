"""``toolkit.dates.extract_dates`` on the seed articles and on real sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import dates_of

from toolkit.context import ArticleContext
from toolkit.dates import date_for_sentence, extract_dates, normalise_text

D = dt.date
SEED_PUBLISHED = {"000": D(2025, 6, 19), "001": D(2025, 5, 30), "002": D(2025, 6, 27), "003": D(2025, 6, 21),
                  "004": D(2024, 12, 19)}


@pytest.fixture(scope="module")
def seeds(nlp, sample_dir):
    """Seed prefix -> (doc, dates records)."""
    out = {}
    for path in sorted(sample_dir.glob("*.txt")):
        prefix = path.name[:3]
        doc = nlp(path.read_text(encoding="utf-8"))
        ctx = ArticleContext(path.stem, "seed", SEED_PUBLISHED[prefix])
        out[prefix] = (doc, extract_dates(doc, ctx))
    return out


def rows(records, surface):
    return [r for r in records if r["surface"] == surface]


def one(records, surface, n=0):
    found = rows(records, surface)
    assert len(found) > n, f"{surface!r} not found in {[r['surface'] for r in records]}"
    return found[n]


run = dates_of


# -- the seeds ---------------------------------------------------------------------

def test_002_kyiv_independent(seeds):
    _, recs = seeds["002"]
    assert one(recs, "June 27")["value"] == "2025-06-27"
    late_may = one(recs, "late May")
    assert (late_may["value"], late_may["modifier"], late_may["granularity"]) == ("2025-05", "END", "month")
    assert late_may["start_date"] == D(2025, 5, 22) and late_may["end_date"] == D(2025, 5, 31)
    assert one(recs, "March 2022")["value"] == "2022-03"
    assert one(recs, "February 2022")["value"] == "2022-02"
    ceasefire = one(recs, "30-day")
    assert (ceasefire["kind"], ceasefire["value"]) == ("duration", "P30D")
    assert ceasefire["start_date"] is None
    truce = one(recs, "2–3-day")
    assert (truce["kind"], truce["value"]) == ("duration", "P2D/P3D")
    assert one(recs, "Nearly three-and-a-half years")["value"] == "P3Y6M"
    assert one(recs, "nightly")["kind"] == "set"
    # past events in a late-June article: this year's June 2 and May 16
    assert one(recs, "June 2")["value"] == "2025-06-02"
    assert one(recs, "May 16")["value"] == "2025-05-16"
    assert one(recs, "June 25")["value"] == "2025-06-25"
    assert not any("1,000" in r["surface"] or "1,200" in r["surface"] for r in recs)


def test_001_friday_and_future_june_2(seeds):
    _, recs = seeds["001"]
    friday = one(recs, "Friday")
    assert (friday["value"], friday["kind"]) == ("2025-05-30", "relative")  # published on a Friday
    assert one(recs, "May 16")["value"] == "2025-05-16"
    assert one(recs, "June 2")["value"] == "2025-06-02"  # "is scheduled to take place ... on June 2"
    three_years = one(recs, "three years")
    assert (three_years["kind"], three_years["value"]) == ("duration", "P3Y")


def test_003_yesterday_and_late_march(seeds):
    _, recs = seeds["003"]
    assert one(recs, "Yesterday")["value"] == "2025-06-20"
    late_march = one(recs, "late March")
    assert (late_march["value"], late_march["modifier"]) == ("2025-03", "END")
    assert one(recs, "recent weeks")["value"] == "PXW"
    assert not any("1,008,240" in r["surface"] for r in recs)


def test_004_year_choice_by_tense(seeds):
    _, recs = seeds["004"]
    january = one(recs, "January")  # "Trump, who will return to the White House in January"
    assert (january["value"], january["start_date"]) == ("2025-01", D(2025, 1, 1))
    since_august = one(recs, "August", 0)  # "held by Kyiv since August"
    assert (since_august["value"], since_august["modifier"]) == ("2024-08", "AFTER")
    assert one(recs, "August", 1)["value"] == "2024-08"  # "captured parts of the region in August"
    hours = one(recs, "just under four and a half hours")
    assert (hours["kind"], hours["value"], hours["modifier"]) == ("duration", "PT4H30M", "LESS_THAN")
    assert one(recs, "more than four years")["modifier"] == "MORE_THAN"
    assert not any("72" in r["surface"] for r in recs), "an age is not a date"
    assert not rows(recs, "the fall"), '"the fall of ex-Syrian President Bashar al-Assad" is not autumn'


def test_000_after_june_22(seeds):
    _, recs = seeds["000"]
    after = one(recs, "June 22")
    assert (after["value"], after["modifier"]) == ("2025-06-22", "AFTER")
    assert one(recs, "June 17")["value"] == "2025-06-17"


def test_every_row_traces_to_its_sentence(seeds):
    for prefix, (doc, recs) in seeds.items():
        sentences = list(doc.sents)
        assert recs, prefix
        for r in recs:
            assert doc.text[r["start"]:r["end"]] == r["surface"]
            sent = sentences[r["sent_id"]]
            assert sent.start_char <= r["start"] < sent.end_char
            assert r["anchor"] == SEED_PUBLISHED[prefix] and r["anchor_inferred"] is False
            assert r["kind"] in ("date", "range", "duration", "relative", "set")


# -- patterns on real sentences -------------------------------------------------------

@pytest.mark.parametrize("text, published, surface, value", [
    # deictic units against the publication date (Wednesday 2025-06-18)
    ("Ukraine's General Staff said the attacks decreased last week.", D(2025, 6, 18), "last week", "2025-W24"),
    ("The sanctions package will be adopted next month.", D(2025, 6, 18), "next month", "2025-07"),
    ("Russia has launched more missiles this year than in all of 2023.", D(2025, 6, 18), "this year", "2025"),
    ("The city was shelled two years ago.", D(2025, 6, 18), "two years ago", "2023"),
    ("Markets in the 1990s were volatile.", D(2025, 6, 18), "the 1990s", "199"),
    # weekday inside a quote uses the same anchor; future tense picks the coming one
    ('"We will meet the delegation on Friday," Umerov said.', D(2025, 6, 18), "Friday", "2025-06-20"),
    ("Zelensky met Erdogan on Monday in Ankara.", D(2025, 6, 18), "Monday", "2025-06-16"),
    ("Drones hit Odesa over the weekend.", D(2025, 6, 18), "the weekend", "2025-W24-WE"),
    ("Delegations will meet at the weekend.", D(2025, 6, 18), "the weekend", "2025-W25-WE"),
    # TimeBank (wsj_0136-style financial sentence, DCT 1989-11-02)
    ("Hadson Corp. said it expects to report a third-quarter net loss of $17 million to $19 million.",
     D(1989, 11, 2), "third-quarter", "1989-Q3"),
    ("Dunkin' has set Nov. 10 as the deadline for the receipt of any competing bids.", D(1989, 11, 2), "Nov. 10", "1989-11-10"),
    # explicit years win over the anchor
    ("Turkey previously hosted direct peace talks in March 2022.", D(2025, 6, 27), "March 2022", "2022-03"),
    ("The memorandum was signed on 5 December 1994 in Budapest.", D(2025, 6, 27), "5 December 1994", "1994-12-05"),
    ("The report is dated 2025-06-27.", D(2025, 6, 27), "2025-06-27", "2025-06-27"),
    # named days
    ("Putin declared an Easter truce.", D(2025, 4, 19), "Easter", "2025-04-20"),
    ("Kyiv proposed a ceasefire around Victory Day.", D(2025, 5, 1), "Victory Day", "2025-05-09"),
])
def test_patterns(nlp, text, published, surface, value):
    recs = run(nlp, text, published)
    assert one(recs, surface)["value"] == value


def test_earlier_this_month_is_cut_at_the_anchor(nlp):
    r = one(run(nlp, "Talks stalled earlier this month.", D(2025, 6, 18)), "earlier this month")
    assert (r["value"], r["start_date"], r["end_date"]) == ("2025-06", D(2025, 6, 1), D(2025, 6, 18))


def test_ranges(nlp):
    r = one(run(nlp, "The forum ran June 18-21 in St. Petersburg.", D(2025, 6, 21)), "June 18-21")
    assert (r["kind"], r["value"], r["start_date"], r["end_date"]) == ("range", "2025-06-18/2025-06-21", D(2025, 6, 18), D(2025, 6, 21))
    r = one(run(nlp, "The war in Donbas lasted from 2014 to 2022 before the invasion.", D(2025, 1, 1)), "2014 to 2022")
    assert (r["kind"], r["start_date"], r["end_date"]) == ("range", D(2014, 1, 1), D(2022, 12, 31))


def test_sets(nlp):
    recs = run(nlp, "Russian drones strike Kharkiv every Monday and Odesa daily.", D(2025, 6, 18))
    assert one(recs, "every Monday")["value"] == "XXXX-WXX-1"
    assert (one(recs, "daily")["kind"], one(recs, "daily")["value"]) == ("set", "P1D")


@pytest.mark.parametrize("text", [
    "Russia sent 2000 troops to the border.",
    "The exchange freed 1,000 prisoners from each side.",
    "The 72-year-old leader spoke for hours.",
    "He is 72 years old.",
    "Talks may resume soon, officials said.",
    "Theresa May said Britain stands with Ukraine.",
    "Kyiv will send a second delegation.",
    "After the fall of Bashar al-Assad, Russia lost its base.",
])
def test_numbers_ages_and_words_are_not_dates(nlp, text):
    recs = run(nlp, text, D(2025, 6, 18))
    assert [r for r in recs if r["kind"] in ("date", "relative", "range")] == [], recs
    assert not any(r["surface"].startswith(("72", "2000", "1,000")) for r in recs)


def test_without_anchor_relative_rows_stay_with_null_value(nlp):
    recs = run(nlp, "Putin spoke yesterday about the talks held in March 2022 and on June 2.", None)
    yesterday = one(recs, "yesterday")
    assert (yesterday["value"], yesterday["kind"], yesterday["anchor"]) == (None, "relative", None)
    assert one(recs, "March 2022")["value"] == "2022-03"
    assert one(recs, "June 2")["value"] == "XXXX-06-02"


def test_far_past_keeps_its_value_and_fits_the_table(nlp):
    from toolkit import schema

    recs = run(nlp, "Kyiv was founded before the 11th century; Muscovy grew in the 1500s and in 1654 signed a treaty.",
               D(2025, 6, 18))
    assert one(recs, "the 11th century")["value"] == "10" and one(recs, "the 11th century")["start_date"] is None
    assert one(recs, "1654")["start_date"] is None  # before 1678: outside datetime64[ns]
    table = schema.frame("dates", recs)
    assert len(table) == len(recs)


def test_inferred_anchor_is_flagged(nlp):
    recs = run(nlp, "The strike came on Sunday.", D(2025, 6, 22), inferred=True)
    assert one(recs, "Sunday")["value"] == "2025-06-22"
    assert all(r["anchor_inferred"] is True for r in recs)


@pytest.mark.parametrize("text", ["", "   ", '"Unbalanced quote on Friday', "June 31 and Feb. 30, 2025",
                                  "\u200b\u00a0May\u2028 2025 ‘’ “”", "12/45/2025 and 99-99-2025", "on " * 200])
def test_odd_text_never_raises(nlp, text):
    recs = run(nlp, text, D(2025, 6, 18))
    assert all(r["value"] is None or isinstance(r["value"], str) for r in recs)
    assert not rows(recs, "June 31")


# -- helpers for other extractors ------------------------------------------------------

def test_date_for_sentence_picks_the_nearest_fine_date(seeds):
    doc, recs = seeds["002"]
    late_may = one(recs, "late May")
    picked = date_for_sentence(recs, late_may["sent_id"])
    assert picked["surface"] == "late May" and picked["start_date"] == D(2025, 5, 22)
    may16 = one(recs, "May 16")  # same sentence as "June 2": the date nearest the offset wins
    assert date_for_sentence(recs, may16["sent_id"], start=may16["start"] + 2)["surface"] == "May 16"
    thirty_day = one(recs, "30-day")
    assert date_for_sentence(recs, thirty_day["sent_id"]) is None  # durations do not date a sentence


def test_normalise_text():
    t = normalise_text("late May", D(2025, 6, 27), "past")
    assert (t.value, t.modifier) == ("2025-05", "END")
    assert normalise_text("in January", D(2024, 12, 19), "future").value == "2025-01"
    assert normalise_text("the talks", D(2024, 12, 19)) is None


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

DATE_WORDS = ["May", "June", "2", "31", "2025", "late", "early", "last", "next", "week", "Friday", "since", "-", "–",
              "to", "from", "between", "and", "ago", "three", "years", "year-old", "the", "fall", "of", "'s", '"',
              "Q3", "third-quarter", "1990s", "every", "Easter", "/", ",", ".", "\u00a0", "\u2014", "mid-", "now"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(DATE_WORDS), max_size=25), anchor=st.one_of(st.none(), st.dates()))
def test_fuzzed_date_soup_never_raises_and_rows_trace(nlp, words, anchor):
    text = " ".join(words)
    doc = nlp(text)
    for r in extract_dates(doc, ArticleContext("fuzz", "test", anchor)):
        assert doc.text[r["start"]:r["end"]] == r["surface"]
        if r["start_date"] is not None and r["end_date"] is not None:
            assert r["start_date"] <= r["end_date"]
