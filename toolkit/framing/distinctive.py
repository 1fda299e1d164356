"""Distinctive terms of each group of articles (by outlet, or any column of
the articles table): weighted log-odds with an informative Dirichlet prior,
every group against all the others pooled (see :mod:`.logodds`).

Counts come from a ``terms`` table (``article_id, kind, term, voice, n``,
built during annotation with :func:`toolkit.framing.terms.term_counts`:
lemmas and noun phrases) when one is given or the corpus has one; otherwise
they are re-derived from ``corpus.sentences`` without re-parsing
(:func:`~toolkit.framing.terms.light_term_counts`: words and bigrams), with
quoted text split off using the quotes table's offsets.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from toolkit.framing.logodds import weighted_log_odds
from toolkit.framing.terms import OUTLET, QUOTED, light_term_counts, quoted_intervals_by_article, split_by_voice

VOICES = (OUTLET, QUOTED, "all")


def corpus_terms(corpus) -> pd.DataFrame:
    """``article_id, kind, term, voice, n`` from the corpus's sentences
    (words and bigrams; quoted spans from ``corpus.quotes`` and quotation
    marks in the sentence)."""
    quoted_by_article = quoted_intervals_by_article(corpus)
    rows = []
    for aid, group in corpus.sentences.groupby("article_id", sort=False):
        intervals = quoted_by_article.get(aid, [])
        own_counts: Counter = Counter()
        quoted_counts: Counter = Counter()
        for start, text in zip(group["start"].astype(int), group["text"].astype("string").fillna("")):
            own, quoted = split_by_voice(text, start, intervals)
            own_counts.update(light_term_counts(own))
            quoted_counts.update(light_term_counts(quoted))
        for voice, counts in ((OUTLET, own_counts), (QUOTED, quoted_counts)):
            rows.extend((aid, kind, term, voice, n) for (kind, term), n in counts.items())
    return pd.DataFrame(rows, columns=["article_id", "kind", "term", "voice", "n"])


def distinctive_terms(
    corpus,
    by: str = "outlet",
    *,
    terms: pd.DataFrame | None = None,
    kinds: tuple[str, ...] | None = None,
    voice: str = OUTLET,
    min_count: int = 10,
    min_groups: int = 1,
    prior_scale: float = 1.0,
    top: int | None = 30,
) -> pd.DataFrame:
    """The terms most over-represented in each group compared with all others.

    ``by``: a column of ``corpus.articles`` (default ``outlet``). ``voice``:
    ``"outlet"`` (the outlet's own words, quotes removed), ``"quoted"`` or
    ``"all"``. ``min_count``: a term needs at least this many occurrences in
    the whole corpus, and in at least ``min_groups`` groups. ``top``: keep the
    ``top`` terms per group and kind by z-score (``None``: all, both tails).

    Columns: ``group, kind, term, n_group, n_rest, log_odds, z, rank``.
    """
    if voice not in VOICES:
        raise ValueError(f"voice must be one of {VOICES}, not {voice!r}")
    if terms is None:
        terms = getattr(corpus, "terms", None)
    if terms is None or not len(terms):
        terms = corpus_terms(corpus)
    if voice != "all":
        terms = terms[terms["voice"] == voice]
    if kinds is not None:
        terms = terms[terms["kind"].isin(kinds)]
    group_of = corpus.articles.set_index("article_id")[by].astype("string")
    terms = terms.assign(group=terms["article_id"].map(group_of)).dropna(subset=["group"])
    groups = sorted(terms["group"].unique())
    results = []
    for kind, part in terms.groupby("kind"):
        # filter terms while the counts are long (tens of thousands of terms,
        # most below min_count), then widen only the kept ones: a group x term
        # pivot of every term took most of a minute on ru_ua_2022
        long = part.assign(n=part["n"].fillna(0).astype("int64")).groupby(["group", "term"], observed=True)["n"].sum()
        long = long[long > 0]
        term_index = long.index.get_level_values("term")
        total = long.groupby(term_index).sum()
        spread = long.groupby(term_index).size()
        kept = total.index[(total >= min_count) & (spread >= min_groups)]
        long = long[term_index.isin(kept)]
        # every group gets a row, even one with no term of this kind (all zeros)
        counts = long.unstack("term", fill_value=0).reindex(groups, fill_value=0)
        counts.columns.name, counts.index.name = "term", "group"
        if counts.shape[1] == 0 or counts.shape[0] < 2:
            continue
        scored = weighted_log_odds(counts, prior_scale=prior_scale)
        scored.insert(1, "kind", kind)
        results.append(scored)
    if not results:
        return pd.DataFrame(columns=["group", "kind", "term", "n_group", "n_rest", "log_odds", "z", "rank"])
    out = pd.concat(results, ignore_index=True)
    out["rank"] = out.groupby(["group", "kind"])["z"].rank(ascending=False, method="first").astype(int)
    if top is not None:
        out = out[out["rank"] <= top]
    return out.sort_values(["group", "kind", "rank"]).reset_index(drop=True)
