"""toolkit.claims.analysis: the same event across outlets, and running totals over time."""

from __future__ import annotations

import pandas as pd
import pytest
from helpers import corpus_of

from toolkit.claims import ClaimGroups, reconcile
from toolkit.claims.analysis import claimant_key, place_of
from toolkit.corpus import AnnotatedCorpus
from toolkit.schema import frame


@pytest.fixture(scope="module")
def sample(sample_dir, tmp_path_factory):
    import toolkit

    return toolkit.annotate(sample_dir, cache_dir=tmp_path_factory.mktemp("cache"))


def test_kyiv_strike_reconciled_across_two_outlets(sample):
    result = reconcile(sample)
    assert isinstance(result, ClaimGroups)
    groups = result.groups
    killed = groups[(groups["category"] == "killed") & (groups["place"] == "Kyiv")]
    assert len(killed) == 1
    g = killed.iloc[0]
    # 000 (Trendozz): "the attack on Kyiv on June 17, which killed dozens"
    # 003 (amedpost.com): "another brutal aerial attack on Kyiv, which left at least 28 people dead"
    assert g["n_outlets"] == 2 and str(g["event_date"].date()) == "2025-06-17"
    assert "24–99 [vague] (Trendozz" in g["figures"] and "≥28 [at_least] (amedpost.com" in g["figures"]
    assert bool(g["consistent"])  # 28 or more fits within "dozens"
    members = result.members[result.members["group_id"] == g["group_id"]]
    assert set(members["article_id"].str[:3]) == {"000", "003"}
    assert members[["sent_id", "start", "end"]].notna().all().all()
    # the injured figure of the same attack is another group of the same event
    injured = groups[(groups["event_id"] == g["event_id"]) & (groups["category"] == "injured")]
    assert len(injured) == 1 and injured.iloc[0]["low"] == 100


def test_member_rows_trace_back_to_their_sentence(sample):
    members = reconcile(sample).members
    text = sample.articles.set_index("article_id")["text"]
    for row in members.itertuples():
        assert text[row.article_id][row.start:row.end] == row.surface
        sentence = sample.sentences.set_index(["article_id", "sent_id"]).loc[(row.article_id, row.sent_id)]
        assert sentence["start"] <= row.start and row.end <= sentence["end"]


def _corpus(nlp, articles: list[tuple[str, str, str, str]]) -> AnnotatedCorpus:
    """(article_id, outlet, published, text) -> an AnnotatedCorpus through the real extractor chain."""
    return corpus_of(nlp, [{"article_id": article_id, "outlet": outlet, "published": published, "text": text}
                           for article_id, outlet, published, text in articles])


def test_cumulative_totals_from_one_claimant_become_a_series(nlp):
    corpus = _corpus(nlp, [
        ("a1", "amedpost.com", "2025-06-21",
         "Latest figures from Ukraine's army suggest the Russians have suffered more than one million casualties "
         "(1,008,240) – this includes both killed and injured."),
        ("a2", "Other Outlet", "2025-06-23",
         "Latest figures from Ukraine's army suggest the Russians have suffered more than one million casualties "
         "(1,010,000) – this includes both killed and injured."),
    ])
    series = reconcile(corpus).series
    army = series[series["claimant_key"] == series["claimant_key"].iloc[0]]
    assert list(army["article_id"]) == ["a1", "a2"] and army["series_id"].nunique() == 1
    assert list(army["value_low"]) == [1_008_240, 1_010_000]
    assert army["change"].iloc[1] == 1_760
    assert set(army["outlet"]) == {"amedpost.com", "Other Outlet"} and (army["n_points"] == 2).all()


def test_same_place_different_days_are_different_events(nlp):
    corpus = _corpus(nlp, [
        ("b1", "Outlet A", "2022-07-15", "At least 23 people were killed in a Russian missile strike on Vinnytsia "
                                         "on July 14."),
        ("b2", "Outlet B", "2022-08-20", "Three people were killed in a Russian missile strike on Vinnytsia "
                                         "on August 19."),
        ("b3", "Outlet B", "2022-07-15", "A Russian missile strike on Vinnytsia on Thursday killed 23 people."),
    ])
    members = reconcile(corpus).members
    by_article = members.set_index("article_id")["event_id"]
    assert by_article["b1"] != by_article["b2"]
    assert by_article["b1"] == by_article["b3"]


def test_empty_corpus_gives_empty_tables():
    corpus = AnnotatedCorpus(articles=frame("articles"))
    result = reconcile(corpus)
    assert result.groups.empty and result.members.empty and result.series.empty
    assert "group_id" in result.groups.columns and "series_id" in result.series.columns


def test_place_and_claimant_keys():
    assert place_of("Kyiv missile strike") == "Kyiv"
    assert place_of("Chasiv Yar missile attack") == "Chasiv Yar"
    assert place_of("prisoner exchange") is None and place_of(None) is None
    assert claimant_key("zelensky", "Volodymyr Zelensky", "X") == "zelensky"
    assert claimant_key(None, "Ukraine’s army", "X") == claimant_key(None, "Ukraine's Army", "Y")
    assert claimant_key(pd.NA, "Ukraine's army", "X") == "name:ukraine army"
