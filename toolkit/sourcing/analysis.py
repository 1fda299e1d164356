"""Corpus-level sourcing frames for the notebooks: tables in → tidy frames out.

Which outlets rely on which agencies (:func:`reliance`, :func:`outlet_sourcing`),
the credits with their sentences (:func:`credits`), shared copy between outlets
and who published it first (:func:`copies_of`, :func:`first_published`), and
the provenance chains of claims and quotes (:func:`provenance`). Charts
(:mod:`toolkit.charts.sourcing`) only encode these frames.
"""

from __future__ import annotations

import pandas as pd

from toolkit import schema
from toolkit.corpus import AnnotatedCorpus


def sourcing_table(corpus: AnnotatedCorpus) -> pd.DataFrame:
    """The corpus's ``sourcing`` table (empty with the right columns for a
    corpus saved before the table existed)."""
    df = getattr(corpus, "sourcing", None)
    return schema.conform("sourcing", df) if df is not None else schema.frame("sourcing")


def self_credits(s: pd.DataFrame) -> pd.Series:
    """Which credits of a ``sourcing`` table (joined with ``outlet``) name the
    article's own outlet: the extractor's ``self_credit`` where set, else (a
    table saved before that column) the shipped list's outlet names."""
    from toolkit.sourcing.sources import cached_sources

    flag = s["self_credit"].astype("boolean") if "self_credit" in s.columns else pd.Series(pd.NA, index=s.index,
                                                                                            dtype="boolean")
    if flag.isna().any():
        sources = cached_sources()
        own = s["outlet"].map(lambda o: getattr(sources.for_outlet(o), "source_id", None))
        flag = flag.fillna(pd.Series(s["source_id"].astype(object) == own, index=s.index).astype("boolean"))
    return flag.fillna(False).astype(bool)


def credits(corpus: AnnotatedCorpus) -> pd.DataFrame:
    """Every credit with its outlet, date and sentence, in reading order:
    ``outlet, published, source, source_type, kind, surface, cue, sentence,
    article_id, sent_id`` — the evidence behind every sourcing figure."""
    s = sourcing_table(corpus)
    cols = ["outlet", "published", "source", "source_type", "kind", "surface", "cue", "sentence", "article_id", "sent_id"]
    if s.empty:
        return pd.DataFrame(columns=cols)
    s = s.merge(corpus.articles[["article_id", "outlet", "published"]], on="article_id", how="left")
    sent = corpus.sentences[["article_id", "sent_id", "text"]].rename(columns={"text": "sentence"})
    s = s.merge(sent, on=["article_id", "sent_id"], how="left")
    s["outlet"] = s["outlet"].astype("string").fillna("unknown")
    return s[cols].reset_index(drop=True)


def reliance(corpus: AnnotatedCorpus, *, include_self: bool = False) -> pd.DataFrame:
    """Which outlets rely on which sources: one row per outlet × source × kind.

    Columns: ``outlet, source_id, source, source_type, kind, credits``
    (mentions), ``articles`` (articles of the outlet giving such a credit) and
    ``share_of_articles`` (that over the outlet's articles). Self-credits
    ("told the Guardian" in the Guardian) are left out unless ``include_self``.
    """
    s = sourcing_table(corpus)
    cols = ["outlet", "source_id", "source", "source_type", "kind", "credits", "articles", "share_of_articles"]
    if s.empty:
        return pd.DataFrame(columns=cols)
    arts = corpus.articles.assign(outlet=corpus.articles["outlet"].astype("string").fillna("unknown"))
    s = s.merge(arts[["article_id", "outlet"]], on="article_id", how="left")
    if not include_self:
        s = s[~self_credits(s)]
    per_outlet = arts.groupby("outlet").size()
    for c in ("source_type", "kind"):
        s[c] = s[c].astype("string")
    g = (s.groupby(["outlet", "source_id", "source", "source_type", "kind"], dropna=False)
          .agg(credits=("article_id", "size"), articles=("article_id", "nunique")).reset_index())
    g["share_of_articles"] = g["articles"] / g["outlet"].map(per_outlet)
    return g.sort_values(["outlet", "credits"], ascending=[True, False]).reset_index(drop=True)[cols]


def outlet_sourcing(corpus: AnnotatedCorpus, copies: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per outlet: ``articles``, ``crediting articles`` (that credit any
    other organisation), ``credits``, ``agency credits``, ``top source`` and,
    with ``copies``, ``articles sharing copy`` (with another outlet's article)
    and ``published first`` / ``published later`` (pairs where the outlet's
    article came first / second)."""
    arts = corpus.articles.assign(outlet=corpus.articles["outlet"].astype("string").fillna("unknown"))
    out = pd.DataFrame(index=pd.Index(sorted(arts["outlet"].unique()), name="outlet"))
    out["articles"] = arts.groupby("outlet").size()
    r = reliance(corpus)
    s = sourcing_table(corpus).merge(arts[["article_id", "outlet"]], on="article_id", how="left")
    if len(r):
        kept = s[s["source_id"].isin(r["source_id"])]
        out["crediting articles"] = kept.groupby("outlet")["article_id"].nunique()
        out["credits"] = r.groupby("outlet")["credits"].sum()
        out["agency credits"] = r[r["source_type"] == "agency"].groupby("outlet")["credits"].sum()
        top = r.groupby(["outlet", "source"])["credits"].sum().reset_index().sort_values(
            ["outlet", "credits"], ascending=[True, False]).drop_duplicates("outlet").set_index("outlet")
        out["top source"] = top["source"] + " (" + top["credits"].astype(str) + ")"
    else:
        out["crediting articles"] = 0
        out["credits"] = 0
        out["agency credits"] = 0
        out["top source"] = None
    if copies is not None:
        cross = copies[copies["outlet_a"].astype(str) != copies["outlet_b"].astype(str)]
        sharing = pd.concat([cross[["outlet_a", "article_a"]].set_axis(["outlet", "article_id"], axis=1),
                             cross[["outlet_b", "article_b"]].set_axis(["outlet", "article_id"], axis=1)])
        sharing["outlet"] = sharing["outlet"].astype("string")
        out["articles sharing copy"] = sharing.groupby("outlet")["article_id"].nunique()
        dated = cross[cross["first_published"] == "article_a"]
        out["published first"] = dated.assign(o=dated["outlet_a"].astype("string")).groupby("o").size()
        out["published later"] = dated.assign(o=dated["outlet_b"].astype("string")).groupby("o").size()
    for col in out.columns:
        if col != "top source":
            out[col] = out[col].fillna(0).astype(int)
    return out.reset_index()


def copies_of(corpus: AnnotatedCorpus, **kwargs) -> pd.DataFrame:
    """The corpus's ``copies`` table: the one saved with it (see
    :func:`with_copies`) when it has one and no options are given, else
    :func:`toolkit.sourcing.copies.find_copies` on its articles (keyword
    arguments pass through)."""
    from toolkit.sourcing.copies import corpus_copies, find_copies

    return corpus_copies(corpus) if not kwargs else find_copies(corpus.articles, **kwargs)


def with_copies(corpus: AnnotatedCorpus, **kwargs) -> AnnotatedCorpus:
    """The corpus with its ``copies`` table computed (``find_copies`` options
    pass through), recorded in ``meta["copies"]`` and saved with it by
    :meth:`~toolkit.corpus.AnnotatedCorpus.save`; claims and quotes get their
    ``via`` again with the copies, so an uncredited passage copied from an
    earlier outlet reads ``via_scope == "copy"``."""
    from dataclasses import replace

    from toolkit.sourcing.copies import find_copies
    from toolkit.sourcing.provenance import add_via

    copies = find_copies(corpus.articles, **kwargs)
    s = sourcing_table(corpus)
    via = {name: schema.conform(name, add_via(getattr(corpus, name), s, corpus.articles, copies=copies))
           for name in ("claims", "quotes")}
    meta = {**corpus.meta, "copies": {"options": {k: v for k, v in kwargs.items() if k != "progress"},
                                      "pairs": int(len(copies))}}
    return replace(corpus, copies=copies, meta=meta, **via)


def first_published(copies: pd.DataFrame, corpus: AnnotatedCorpus) -> pd.DataFrame:
    """The cross-outlet shared-copy pairs with both sides readable, earliest
    first: ``published_a, outlet_a, title_a, published_b, outlet_b, title_b,
    lag`` (how long after ``a`` the copy appeared in ``b``), ``n_shared_words``,
    ``first passage`` (the first shared passage, from ``a``), ``article_a, article_b``."""
    from toolkit.sourcing.copies import parse_spans

    cols = ["published_a", "outlet_a", "title_a", "published_b", "outlet_b", "title_b", "lag", "n_shared_words",
            "first passage", "article_a", "article_b"]
    cross = copies[copies["outlet_a"].astype(str) != copies["outlet_b"].astype(str)] if len(copies) else copies
    if cross is None or len(cross) == 0:
        return pd.DataFrame(columns=cols)
    arts = corpus.articles.set_index("article_id")
    df = cross.copy()
    for side in ("a", "b"):
        ids = df[f"article_{side}"]
        df[f"published_{side}"] = ids.map(arts["published"])
        df[f"title_{side}"] = ids.map(arts["title"])
    df["lag"] = df["published_b"] - df["published_a"]
    text = arts["text"]
    df["first passage"] = [
        (str(text.get(a, ""))[spans[0][0]:spans[0][1]][:300] if spans else "")
        for a, spans in zip(df["article_a"], (parse_spans(s) for s in df["spans"]))
    ]
    return df.sort_values(["published_a", "n_shared_words"], ascending=[True, False]).reset_index(drop=True)[cols]


def provenance(corpus: AnnotatedCorpus, table: str = "claims", copies: pd.DataFrame | None = None,
               *, credited_only: bool = True) -> pd.DataFrame:
    """Claims or quotes with where they came from (:func:`toolkit.sourcing.provenance.add_via`):
    ``outlet, via, via_kind, via_scope, via_agency, via_chain`` plus the row's
    figure or quote and its sentence; ``credited_only`` keeps rows that have a ``via``."""
    from toolkit.sourcing.provenance import add_via

    rows = getattr(corpus, table)
    if "via_chain" not in rows.columns or copies is not None:
        rows = add_via(rows, sourcing_table(corpus), corpus.articles, copies=copies)
    what = "surface" if table == "claims" else "text"
    who = "claimant" if table == "claims" else "speaker"
    cols = ["outlet", what, who, "via", "via_kind", "via_scope", "via_agency", "via_chain", "sentence", "article_id", "sent_id"]
    if credited_only:
        rows = rows[rows["via"].notna()]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    rows = rows.merge(corpus.articles[["article_id", "outlet"]], on="article_id", how="left")
    sent = corpus.sentences[["article_id", "sent_id", "text"]].rename(columns={"text": "sentence"})
    if what == "text":
        rows = rows.rename(columns={"text": "quote"})
        cols[1] = "quote"
    rows = rows.merge(sent, on=["article_id", "sent_id"], how="left")
    rows["outlet"] = rows["outlet"].astype("string").fillna("unknown")
    return rows[cols].reset_index(drop=True)


def shared_copy_effect(corpus: AnnotatedCorpus, copies: pd.DataFrame | None = None) -> pd.DataFrame:
    """What counting shared copy once changes, per outlet: ``speech quotes``
    and ``countable claims`` as printed (the rows share of voice and the
    claims comparisons use: :func:`toolkit.quotes.coverage.speech_only`,
    :func:`toolkit.claims.analysis.countable`), the same ``counted once``
    (:func:`toolkit.sourcing.copies.counted_once`) and ``repeated`` — the share of the outlet's rows
    that repeat an earlier article's shared copy. An outlet with a high
    ``repeated`` share speaks with another outlet's voice there."""
    from toolkit.claims.analysis import countable
    from toolkit.quotes.coverage import speech_only
    from toolkit.sourcing.copies import counted_once

    copies = copies_of(corpus) if copies is None else copies
    arts = corpus.articles.assign(outlet=corpus.articles["outlet"].astype("string").fillna("unknown"))
    out = pd.DataFrame(index=pd.Index(sorted(arts["outlet"].unique()), name="outlet"))
    printed_total = pd.Series(0, index=out.index)
    repeated_total = pd.Series(0, index=out.index)
    for label, rows in (("speech quotes", speech_only(corpus.with_outlet("quotes"))),
                        ("countable claims", countable(corpus.with_outlet("claims")))):
        rows = rows.assign(outlet=rows["outlet"].astype("string").fillna("unknown"))
        once = counted_once(rows, corpus, copies)
        printed = rows.groupby("outlet").size().reindex(out.index, fill_value=0)
        kept = once.groupby("outlet").size().reindex(out.index, fill_value=0)
        out[label] = printed.astype(int)
        out[f"{label} counted once"] = kept.astype(int)
        printed_total += printed
        repeated_total += printed - kept
    out["repeated"] = (repeated_total / printed_total.where(printed_total > 0)).astype("Float64").round(3)
    return out.reset_index()
