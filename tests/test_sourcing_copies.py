"""Shared copy (toolkit.sourcing.copies) on the sample's real articles: a copy
re-saved under another outlet with edits, a wire paragraph inside another
article, who published first, the outlet matrix, and what is not copy."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.sourcing.copies import copy_matrix, copy_passages, find_copies, parse_spans


@pytest.fixture(scope="module")
def sample(sample_corpus):
    return sample_corpus.articles[["article_id", "outlet", "published", "text", "n_words"]].copy()


def planted(sample: pd.DataFrame) -> pd.DataFrame:
    trendozz = sample[sample["outlet"] == "Trendozz"].iloc[0]
    kyiv_post = sample[sample["outlet"] == "Kyiv Post"].iloc[0]
    # the Trendozz (Reuters) story re-published a day later by another outlet, lightly edited
    rewrite = (trendozz.text.replace("Russian President Vladimir Putin stated", "Vladimir Putin said")
               .replace("He emphasized", "He stressed").replace("incredible lies", "lies"))
    # and its third paragraph dropped into an unrelated article (a wire paragraph in a round-up)
    paragraph = trendozz.text.split("\n")[2]
    roundup = kyiv_post.text + "\n" + paragraph
    extra = pd.DataFrame([
        {"article_id": "copy:rewrite", "outlet": "Daily Rewrite", "published": trendozz.published + pd.Timedelta(days=1),
         "text": rewrite},
        {"article_id": "copy:roundup", "outlet": "Round-up Weekly", "published": trendozz.published + pd.Timedelta(days=2),
         "text": roundup},
    ])
    return pd.concat([sample, extra], ignore_index=True)


def test_sample_articles_share_no_copy(sample):
    # five outlets on one story quote the same Putin lines, but no passage of 25+ words
    assert len(find_copies(sample)) == 0


def test_planted_copies_are_found_with_spans_and_order(sample):
    corpus = planted(sample)
    copies = find_copies(corpus)
    trendozz_id = sample.loc[sample["outlet"] == "Trendozz", "article_id"].iloc[0]
    pairs = {(a, b): r for a, b, r in zip(copies["article_a"], copies["article_b"], copies.itertuples())}
    # the earlier-published Trendozz story is article_a in both pairs
    assert (trendozz_id, "copy:rewrite") in pairs and (trendozz_id, "copy:roundup") in pairs
    rewrite = pairs[(trendozz_id, "copy:rewrite")]
    assert rewrite.first_published == "article_a" and rewrite.similarity > 0.7 and rewrite.share_a > 0.9
    roundup = pairs[(trendozz_id, "copy:roundup")]
    assert 0.1 < roundup.share_a < 0.5 and roundup.share_b < 0.2  # one paragraph of each
    # the round-up also carries the whole Kyiv Post article: that pair is found too
    kp_id = sample.loc[sample["outlet"] == "Kyiv Post", "article_id"].iloc[0]
    assert frozenset((kp_id, "copy:roundup")) in {frozenset(p) for p in pairs}
    # spans are offsets into each side's text, and the passages read the same
    text = corpus.set_index("article_id")["text"]
    for a0, a1, b0, b1 in parse_spans(roundup.spans):
        assert "Putin" in text[trendozz_id][a0:a1]
        assert text[trendozz_id][a0:a1].split()[:6] == text["copy:roundup"][b0:b1].split()[:6]
    passages = copy_passages(copies, corpus)
    assert set(passages.columns) >= {"article_a", "a_start", "a_end", "text_a", "article_b", "text_b"}
    assert passages["text_a"].str.split().str.len().min() >= 8  # no passage shorter than k + 3 words


def test_outlet_matrix_counts_who_published_first(sample):
    corpus = planted(sample)
    copies = find_copies(corpus)
    matrix = copy_matrix(copies, corpus)
    outlets = corpus["outlet"].astype(str).nunique()
    assert len(matrix) == outlets * outlets  # every outlet pair, zeros included
    cell = matrix[(matrix["outlet_first"] == "Trendozz") & (matrix["outlet_later"] == "Daily Rewrite")].iloc[0]
    assert cell["n_pairs"] == 1 and cell["articles_later"] == 1 and cell["share_of_later_articles"] == 1.0
    back = matrix[(matrix["outlet_first"] == "Daily Rewrite") & (matrix["outlet_later"] == "Trendozz")].iloc[0]
    assert back["n_pairs"] == 0
    assert matrix.loc[matrix["outlet_first"] == "CSB News", "n_pairs"].sum() == 0


def test_cross_outlet_only_and_boilerplate(sample):
    corpus = planted(sample)
    # a same-outlet duplicate is dropped when only cross-outlet pairs are wanted
    dup = corpus.iloc[[0]].assign(article_id="copy:same-outlet")
    with_dup = pd.concat([corpus, dup], ignore_index=True)
    assert frozenset((corpus.iloc[0]["article_id"], "copy:same-outlet")) in {
        frozenset(p) for p in zip(*find_copies(with_dup)[["article_a", "article_b"]].T.values)}
    cross = find_copies(with_dup, same_outlet=False)
    assert not (cross["outlet_a"].astype(str) == cross["outlet_b"].astype(str)).any()
    # a newsletter line carried by every article is boilerplate, not shared copy
    line = (" Sign up to First Edition, our free daily newsletter – every weekday morning at 7am BST. Thank you for"
            " joining us for today’s live coverage of the war in Ukraine. We will be pausing our live reporting"
            " overnight and returning in the morning.")
    many = pd.concat([sample.assign(text=sample["text"] + line, article_id=sample["article_id"] + f":{i}",
                                    outlet=sample["outlet"].astype(str) + f" {i}") for i in range(3)],
                     ignore_index=True)
    copies = find_copies(many, max_df=0.0)
    # the same article under three outlets pairs up; different articles never do
    assert len(copies) and all(a.rsplit(":", 1)[0] == b.rsplit(":", 1)[0]
                               for a, b in zip(copies["article_a"], copies["article_b"]))
