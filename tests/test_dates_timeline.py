"""``toolkit.dates.timeline`` on an AnnotatedCorpus built from the seeds.

The corpus is built here with the pipeline and the dates extractor only
(mentions and claims come from other extractors; the clustering must work on
words alone, and a hand-made mentions frame checks the actor join).
"""

from __future__ import annotations

import pytest

from helpers import corpus_of

from toolkit import schema
from toolkit.corpus import AnnotatedCorpus
from toolkit.dates import timeline
from toolkit.loading import load

CSB, KI = "CSB News", "The Kyiv Independent"


@pytest.fixture(scope="module")
def corpus(nlp, sample_dir) -> AnnotatedCorpus:
    loaded = load(sample_dir)
    return corpus_of(nlp, loaded.articles, tables=("sentences", "dates"), load_report=loaded.load_report)


def event_of(tl, outlet: str, value: str) -> int:
    m = tl.mentions
    hit = m[(m["outlet"] == outlet) & (m["value"] == value)]
    assert len(hit), f"no {value} mention from {outlet}"
    return int(hit["event_id"].iloc[0])


def test_mentions_are_dated_sentences_with_keys(corpus):
    tl = timeline(corpus)
    m = tl.mentions
    assert len(m) >= 15
    assert set(m["granularity"]) <= {"day", "week", "weekend", "month"}
    assert set(m["kind"]) <= {"date", "relative", "range"}
    for row in m.itertuples():
        assert row.surface in corpus.sentence(row.article_id, row.sent_id)
        assert row.start < row.end
    # durations, sets and references never become events
    assert not m["value"].str.startswith("P").any()
    assert not m["surface"].isin(["30-day", "nightly", "now", "three years"]).any()


def test_istanbul_rounds_cluster_across_outlets_with_first_outlet_and_lag(corpus):
    tl = timeline(corpus)
    for value in ("2025-06-02", "2025-05-16"):
        eid = event_of(tl, CSB, value)
        assert event_of(tl, KI, value) == eid
        ev = tl.events[tl.events["event_id"] == eid].set_index("outlet")
        assert ev.loc[CSB, "is_first"] and not ev.loc[KI, "is_first"]
        assert ev.loc[KI, "first_outlet"] == CSB
        assert ev.loc[CSB, "lag_days"] == 0 and ev.loc[KI, "lag_days"] == 28  # published 05-30 vs 06-27
        assert ev.loc[KI, "n_outlets"] == 2
        assert "istanbul" in ev.loc[KI, "keywords"].split()


def test_different_days_in_one_article_are_different_events(corpus):
    tl = timeline(corpus)
    assert event_of(tl, KI, "2025-06-25") != event_of(tl, KI, "2025-06-26")
    assert event_of(tl, KI, "2025-06-26") != event_of(tl, KI, "2025-06-27")


def test_events_keep_keys_to_the_first_mention(corpus):
    ev = timeline(corpus).events
    for column in ("event_id", "article_id", "sent_id", "start", "end", "outlet", "lag_days", "is_first"):
        assert column in ev.columns
    assert (ev["lag_days"] >= 0).all()
    assert ev.groupby("event_id")["is_first"].sum().eq(1).all()  # exactly one first outlet per event


def test_actors_and_claims_are_joined_by_sentence(corpus):
    tl0 = timeline(corpus)
    june2 = tl0.mentions[(tl0.mentions["outlet"] == CSB) & (tl0.mentions["value"] == "2025-06-02")].iloc[0]
    mentions = schema.frame("mentions", [{"article_id": june2["article_id"], "sent_id": june2["sent_id"],
                                          "start": 0, "end": 1, "surface": "Istanbul", "actor_id": "istanbul",
                                          "actor": "Istanbul", "kind": "place"}])
    claims = schema.frame("claims", [{"article_id": june2["article_id"], "sent_id": june2["sent_id"],
                                      "start": 0, "end": 1, "category": "prisoners", "value_low": 1000}])
    enriched = AnnotatedCorpus(articles=corpus.articles, sentences=corpus.sentences, dates=corpus.dates,
                               mentions=mentions, claims=claims)
    m = timeline(enriched).mentions
    row = m[(m["article_id"] == june2["article_id"]) & (m["sent_id"] == june2["sent_id"])].iloc[0]
    assert row["actor_ids"] == "istanbul" and row["n_claims"] == 1 and row["claim_categories"] == "prisoners"
    assert (m.loc[m.index != row.name, "n_claims"] == 0).all()


def test_empty_corpus_gives_empty_frames(corpus):
    empty = AnnotatedCorpus(articles=corpus.articles.iloc[0:0])
    tl = timeline(empty)
    assert len(tl.mentions) == 0 and len(tl.events) == 0
    assert "event_id" in tl.events.columns and "lag_days" in tl.events.columns
