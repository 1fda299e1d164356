"""Sourcing drawn: which outlets credit which agencies and outlets, and how
much copy outlets share. The frames come from :mod:`toolkit.sourcing.analysis`
and :func:`toolkit.sourcing.copies.copy_matrix`; this module only encodes them."""

from __future__ import annotations

import altair as alt
import pandas as pd

from toolkit.charts.common import NoRows, outlets_of, shorten
from toolkit.corpus import AnnotatedCorpus
from toolkit.sourcing.analysis import credits, reliance


def sources_per_outlet(corpus: AnnotatedCorpus, top: int = 15) -> alt.TopLevelMixin | NoRows:
    """Outlet × credited source: colour = share of the outlet's articles that
    credit the source (any kind), the number = credits. The ``top`` sources
    by credits, agencies first. Tooltip: kinds, articles and the first
    crediting sentence. Self-credits are left out."""
    r = reliance(corpus)
    if r.empty:
        return NoRows("credited sources", "no credits to agencies or outlets yet")
    per = (r.groupby(["outlet", "source", "source_type"])
            .agg(credits=("credits", "sum"), articles=("articles", "max"), share=("share_of_articles", "max"),
                 kinds=("kind", lambda k: ", ".join(sorted(set(k)))))
            .reset_index())
    order = (per.groupby(["source", "source_type"])["credits"].sum().reset_index()
                .assign(agency=lambda d: d["source_type"] != "agency")
                .sort_values(["agency", "credits"], ascending=[True, False]))
    sources = order["source"].head(top).tolist()
    per = per[per["source"].isin(sources)].copy()
    ev = credits(corpus)
    first = ev.drop_duplicates(["outlet", "source"]).set_index(["outlet", "source"])["sentence"]
    per["sentence"] = [shorten(str(first.get((o, s), "")), 220) for o, s in zip(per["outlet"], per["source"])]
    outlets = outlets_of(corpus)
    base = alt.Chart(per).encode(
        x=alt.X("source:N", sort=sources, title=None, axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("outlet:N", sort=outlets, title=None),
        tooltip=["outlet:N", "source:N", "source_type:N", "kinds:N", "credits:Q", "articles:Q",
                 alt.Tooltip("share:Q", format=".0%", title="share of articles"), alt.Tooltip("sentence:N")],
    )
    cells = base.mark_rect().encode(color=alt.Color("share:Q", title="share of articles", scale=alt.Scale(scheme="blues")))
    labels = base.mark_text(fontSize=10).encode(text="credits:Q")
    return (alt.layer(cells, labels, title="Which outlets credit which agencies and outlets")
            .properties(width=alt.Step(34), height=alt.Step(24)))


def shared_copy(matrix: pd.DataFrame, *, cross_outlet: bool = True) -> alt.TopLevelMixin | NoRows:
    """Outlet that published first × outlet that carried the copy later
    (:func:`toolkit.sourcing.copies.copy_matrix`): colour = words of shared
    copy, the number = article pairs. Tooltip: pairs, undated pairs, share of
    the later outlet's articles."""
    m = matrix.copy()
    for c in ("outlet_first", "outlet_later"):
        m[c] = m[c].astype("string")
    if cross_outlet:
        m = m[m["outlet_first"] != m["outlet_later"]]
    m = m[m["n_pairs"] > 0]
    if m.empty:
        return NoRows("shared copy", "no passages shared between outlets")
    m = m.astype({"n_pairs": "int64", "n_pairs_undated": "int64", "shared_words": "int64",
                  "share_of_later_articles": "float64"})
    outlets = sorted(set(m["outlet_first"]) | set(m["outlet_later"]))
    base = alt.Chart(m).encode(
        x=alt.X("outlet_later:N", sort=outlets, title="carried later by", axis=alt.Axis(labelAngle=-30)),
        y=alt.Y("outlet_first:N", sort=outlets, title="published first by"),
        tooltip=["outlet_first:N", "outlet_later:N", alt.Tooltip("n_pairs:Q", title="article pairs"),
                 alt.Tooltip("n_pairs_undated:Q", title="pairs without an order"),
                 alt.Tooltip("shared_words:Q", title="shared words"),
                 alt.Tooltip("share_of_later_articles:Q", format=".0%", title="of the later outlet's articles")],
    )
    cells = base.mark_rect().encode(color=alt.Color("shared_words:Q", title="shared words", scale=alt.Scale(scheme="oranges")))
    labels = base.mark_text(fontSize=10).encode(text="n_pairs:Q")
    return alt.layer(cells, labels, title="Shared copy: who published first, who carried it later").properties(
        width=alt.Step(40), height=alt.Step(26))
