"""Who reported first, only while both outlets publish, on ru_ua_2022-like data.

In ru_ua_2022 the Guardian's articles start on 24 February 2022 and the New
York Times' on 10 May 2022. Before this rule the report said "Guardian first,
NYT +74 d" on Brittney Griner's February arrest: the NYT had surely reported it
in February, but its February articles are not in the corpus. The sentences
below are quoted from those two corpora (ru_ua_2022), with their outlets and
publication dates.
"""

from __future__ import annotations

import pandas as pd
import pytest
from helpers import corpus_of

from toolkit import charts
from toolkit.dates import chronology

GUARDIAN, NYT = "The Guardian", "The New York Times"
ARTICLES = [
    # the first article of each outlet: where its coverage window starts
    ("g1", GUARDIAN, "2022-02-24", "Russian forces have attacked Ukraine on the orders of Vladimir Putin, who announced "
                                   "what he called a “special military operation” at dawn."),
    ("n1", NYT, "2022-05-10", "WASHINGTON — A cyberattack that took down satellite communications in Ukraine in the "
                              "hours before the Feb. 24 invasion was the work of the Russian government, the United "
                              "States and European nations declared on Tuesday."),
    # Griner: an event of February, reported by both after 10 May
    ("g2", GUARDIAN, "2022-05-13", "Griner, one of the WNBA league’s biggest stars, has been detained in Russia since "
                                   "arriving at a Moscow airport in mid-February."),
    ("n2", NYT, "2022-07-27", "Russia has held Ms. Griner, 31, since mid-February, when she was arrested at a Moscow "
                              "airport on charges involving hashish oil found in her luggage."),
    # Lysychansk: an event of 3 July, while both publish
    ("n3", NYT, "2022-07-03", "Ukraine’s military said Sunday that it had withdrawn from the key eastern city of "
                              "Lysychansk, the last city in Luhansk Province still held by Ukraine."),
    ("g3", GUARDIAN, "2022-07-04", "The Ukrainian army retreated from the strategic city of Lysychansk on Sunday as "
                                   "Russia claimed a major victory by seizing control of the entire eastern Luhansk "
                                   "region."),
]


@pytest.fixture(scope="module")
def corpus(nlp):
    return corpus_of(nlp, [{"article_id": aid, "outlet": outlet, "published": pd.Timestamp(day), "text": text,
                            "title": text[:40]} for aid, outlet, day, text in ARTICLES])


def _event_of(events: pd.DataFrame, article_id: str):
    return events.loc[events["article_id"] == article_id, "event_id"].iloc[0]


def test_the_data_reproduces_the_artefact(corpus):
    """Without the window, the timeline pairs the two Griner reports: the NYT 'follows' 75 days late."""
    events = chronology.timeline(corpus).events
    griner = events[events["event_id"] == _event_of(events, "g2")].set_index("outlet")
    assert set(griner.index) == {GUARDIAN, NYT}
    assert bool(griner.loc[GUARDIAN, "is_first"]) and int(griner.loc[NYT, "lag_days"]) == 75


def test_an_outlet_is_compared_only_from_the_start_of_its_data(corpus):
    table = chronology.first_reported(corpus)
    # Griner (February) is set aside: the NYT's data starts on 10 May
    assert "g2" not in set(table["article_id"]) and "n2" not in set(table["article_id"])
    assert table.attrs["left_out"] == 2
    # Lysychansk (3 July) is compared: NYT first, the Guardian a day later
    lysychansk = table[table["event_id"] == _event_of(table, "n3")].set_index("outlet")
    assert set(lysychansk.index) == {GUARDIAN, NYT}
    assert bool(lysychansk.loc[NYT, "is_first"]) and int(lysychansk.loc[NYT, "lag_days"]) == 0
    assert int(lysychansk.loc[GUARDIAN, "lag_days"]) == 1
    assert (lysychansk["n_outlets"] == 2).all()


def test_an_event_announced_before_it_happens_counts_from_its_first_report(nlp):
    """The Nord Stream maintenance 'on 11 July' was reported by the Guardian on 4 July: an
    outlet publishing since 4 July is compared, though the event itself is later."""
    articles = [
        ("g1", GUARDIAN, "2022-07-04", "The pipeline is scheduled to close for a 10-day period starting on 11 July "
                                       "for planned annual maintenance."),
        ("n1", NYT, "2022-07-04", "President Biden will travel to Saudi Arabia next week, the White House said."),
        ("n2", NYT, "2022-07-19", "Gazprom, which recently warned European buyers of its gas that it might cut off "
                                  "flows, shut down the pipeline on July 11 for annual maintenance."),
    ]
    corpus = corpus_of(nlp, [{"article_id": a, "outlet": o, "published": pd.Timestamp(d), "text": t, "title": t[:40]}
                             for a, o, d, t in articles])
    # three sentences make a poor idf: a lower similarity links the two pipeline reports
    table = chronology.first_reported(corpus, min_similarity=0.05).set_index("article_id")
    assert {"g1", "n2"} <= set(table.index), table
    assert bool(table.loc["g1", "is_first"]) and int(table.loc["n2", "lag_days"]) == 15


def test_the_chart_counts_the_compared_events_and_says_what_it_set_aside(corpus):
    chart = charts.first_reported_counts(corpus).to_dict()
    subtitle = chart["title"]["subtitle"]
    assert "1 events reported by two or more outlets while both publish" in subtitle
    assert "2 later reports set aside" in subtitle
    bars = {row["outlet"]: row["first"] for row in next(iter(chart["datasets"].values()))}
    assert bars == {NYT: 1}


def test_the_chart_bars_are_the_tables_first_day_rows(corpus):
    table = chronology.first_reported(corpus)
    chart = charts.first_reported_counts(corpus).to_dict()
    bars = pd.DataFrame(next(iter(chart["datasets"].values()))).set_index("outlet")["first"]
    expected = table[table["lag_days"] == 0].groupby("outlet").size()
    assert bars.sort_index().to_dict() == expected.sort_index().to_dict()
    assert (table.groupby("event_id")["is_first"].sum() == 1).all(), "one first outlet per event"


def test_events_are_labelled_by_place_and_date(corpus):
    """Not a bag of words: the place the sentences name and the event's date."""
    events = chronology.timeline(corpus).events
    label_of = events.drop_duplicates("event_id").set_index("article_id")["label"]
    lysychansk = events.loc[events["event_id"] == _event_of(events, "n3"), "label"].iloc[0]
    griner = events.loc[events["event_id"] == _event_of(events, "g2"), "label"].iloc[0]
    assert lysychansk.startswith("Lysychansk, 3 Jul 2022"), lysychansk
    assert griner.startswith("Moscow, Feb 2022"), griner
    assert label_of.is_unique
    # the keywords stay beside the label
    assert "lysychansk" in events.loc[events["event_id"] == _event_of(events, "n3"), "keywords"].iloc[0].split()


def test_a_figure_names_its_event_with_the_claims_label():
    """An event whose sentence carries a casualty figure takes the claims
    extractor's place label for it (one name for one event across the report)."""
    from toolkit.dates.chronology import event_place_labels

    per_event = pd.DataFrame({"claim_events": ["Vinnytsia missile strike", ""], "places": ["Vinnytsia", ""],
                              "countries": ["Ukraine", "Russia"], "keywords": ["missile vinnytsia", "talks"],
                              "event_start": pd.to_datetime(["2022-07-14", "2022-07-01"]),
                              "event_end": pd.to_datetime(["2022-07-14", "2022-07-31"]),
                              "granularity": ["day", "month"]})
    assert event_place_labels(per_event).tolist() == ["Vinnytsia missile strike, 14 Jul 2022", "Russia, Jul 2022"]
