"""Provenance (toolkit.sourcing.provenance): claims and quotes gain the credited
source of their passage, on the sample's real articles."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit import schema
from toolkit.sourcing import extract_credits
from toolkit.sourcing.copies import find_copies
from toolkit.sourcing.provenance import add_via


def credits_of(nlp, articles: pd.DataFrame) -> pd.DataFrame:
    from toolkit.extraction import article_context as _context

    rows = []
    for record in articles.to_dict("records"):
        for r in extract_credits(nlp(record["text"]), _context(record)):
            rows.append({"article_id": record["article_id"], **r})
    return schema.frame("sourcing", rows)


@pytest.fixture(scope="module")
def sample_tables(annotated_sample):
    return annotated_sample, annotated_sample.sourcing


def test_annotate_fills_sourcing_and_via(annotated_sample, nlp):
    # the sourcing table is the extractor's output, and claims/quotes carry via from the corpus step
    rebuilt = credits_of(nlp, annotated_sample.articles)
    cols = ["article_id", "sent_id", "start", "end", "source_id", "kind"]
    assert annotated_sample.sourcing[cols].reset_index(drop=True).equals(rebuilt[cols].reset_index(drop=True))
    assert set(annotated_sample.sourcing["source_id"]) == {"reuters", "ria_novosti", "suspilne"}
    via = add_via(annotated_sample.quotes, annotated_sample.sourcing, annotated_sample.articles)
    assert annotated_sample.quotes["via_chain"].fillna("").tolist() == via["via_chain"].fillna("").tolist()
    assert "Kyiv Post ← Reuters ← Vladimir Putin" in set(annotated_sample.quotes["via_chain"].dropna())


def test_quotes_reached_through_an_agency(sample_tables):
    corpus, sourcing = sample_tables
    quotes = add_via(corpus.quotes, sourcing, corpus.articles)
    quotes = quotes.merge(corpus.articles[["article_id", "outlet"]], on="article_id")
    # the Kyiv Post quotes Putin "per Reuters"
    kp = quotes[(quotes["outlet"] == "Kyiv Post") & quotes["text"].str.contains("a lot to talk about", regex=False)]
    first = kp.sort_values("start").iloc[0]
    assert first["via_source_id"] == "reuters" and first["via_scope"] == "sentence" and first["via_agency"]
    assert first["via_chain"] == "Kyiv Post ← Reuters ← Vladimir Putin"
    # CSB News has Peskov "according to Russia's state news agency RIA Novosti"
    csb = quotes[(quotes["outlet"] == "CSB News") & (quotes["via_source_id"] == "ria_novosti")]
    assert len(csb) >= 1 and set(csb["speaker"]) == {"Dmitry Peskov"}
    # Zelensky "told public broadcaster Suspilne": an interview, not an agency
    kyi = quotes[(quotes["outlet"] == "The Kyiv Independent") & (quotes["via_source_id"] == "suspilne")]
    assert len(kyi) == 1 and kyi.iloc[0]["via_kind"] == "interview_with" and not kyi.iloc[0]["via_agency"]
    # a quote in an uncredited passage has no via
    plain = quotes[(quotes["outlet"] == "amedpost.com")]
    assert len(plain) and plain["via"].isna().all()


def test_paragraph_scope_and_self_credits(sample_tables):
    corpus, sourcing = sample_tables
    quotes = add_via(corpus.quotes, sourcing, corpus.articles)
    kp_id = corpus.articles.loc[corpus.articles["outlet"] == "Kyiv Post", "article_id"].iloc[0]
    kp = quotes[quotes["article_id"] == kp_id].sort_values("start")
    credit_sent = int(sourcing.loc[sourcing["article_id"] == kp_id, "sent_id"].iloc[0])
    later_same_para = kp[(kp["sent_id"] > credit_sent) & (kp["via_scope"] == "paragraph")]
    assert len(later_same_para) >= 1 and set(later_same_para["via_source_id"]) == {"reuters"}
    # the credit does not leak into the next paragraphs
    text = corpus.articles.set_index("article_id").loc[kp_id, "text"]
    credit_start = int(sourcing.loc[sourcing["article_id"] == kp_id, "start"].iloc[0])
    next_break = text.index("\n", credit_start)
    assert kp.loc[kp["start"] > next_break, "via"].isna().all()
    # "told the Guardian" in a Guardian article is the outlet's own reporting
    own = pd.DataFrame([{"article_id": kp_id, "sent_id": credit_sent, "start": credit_start, "end": credit_start + 4,
                         "surface": "Kyiv Post", "source_id": "kyiv_post", "source": "Kyiv Post",
                         "source_type": "online", "kind": "interview_with", "cue": "told"}])
    only_own = add_via(corpus.quotes, schema.frame("sourcing", own), corpus.articles)
    assert only_own["via"].isna().all()


def test_claims_chain_and_shared_copy(sample_tables):
    corpus, sourcing = sample_tables
    claims = add_via(corpus.claims, sourcing, corpus.articles)
    for column in ("via_source_id", "via", "via_kind", "via_scope", "via_agency", "via_copy_of", "via_chain"):
        assert column in claims.columns
    # amedpost's figures carry no credit: the chain is outlet <- claimant only
    amed = claims.merge(corpus.articles[["article_id", "outlet"]], on="article_id")
    amed = amed[amed["outlet"] == "amedpost.com"]
    assert amed["via"].isna().all()
    assert any(c.startswith("amedpost.com ← ") for c in amed["via_chain"].dropna())
    # re-publish amedpost's story under an earlier-dated "Express": its figures now come via the copy
    arts = corpus.articles
    amed_row = arts[arts["outlet"] == "amedpost.com"].iloc[0]
    express = pd.DataFrame([{"article_id": "express:original", "outlet": "Express",
                             "published": amed_row["published"] - pd.Timedelta(days=1), "text": amed_row["text"]}])
    both = pd.concat([arts[["article_id", "outlet", "published", "text"]], express], ignore_index=True)
    copies = find_copies(both)
    claims = add_via(corpus.claims, sourcing, both, copies=copies)
    amed = claims[claims["article_id"] == amed_row["article_id"]]
    assert (amed["via_copy_of"] == "express:original").all() and (amed["via_scope"] == "copy").all()
    million = amed[amed["surface"].str.contains("million", regex=False)].iloc[0]
    assert million["via_chain"].startswith("amedpost.com ← Express (shared copy) ← ")


def test_empty_tables_keep_columns(sample_tables):
    corpus, sourcing = sample_tables
    empty = add_via(corpus.claims.iloc[0:0], sourcing, corpus.articles)
    assert len(empty) == 0 and "via_chain" in empty.columns
    none = add_via(corpus.quotes, schema.frame("sourcing"), corpus.articles)
    assert none["via"].isna().all()
