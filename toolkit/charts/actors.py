"""Who is talked about and who speaks, per outlet.

Counts are turned into *shares of the outlet's own total* before they are
compared: an outlet that published three times as much is not three times as
interested in anyone.
"""

from __future__ import annotations

import itertools

import altair as alt
import pandas as pd

from toolkit.actors.sides import UNKNOWN_SIDE, voice_by_side
from toolkit.charts.common import (NoRows, facet_columns, facet_dropdown, first_evidence,
                                   outlet_dropdown, outlets_of, side_scale, with_articles, with_side_group)
from toolkit.corpus import AnnotatedCorpus


def actor_mentions(corpus: AnnotatedCorpus) -> pd.DataFrame:
    """Mentions with a display name (the catalogue's canonical name, else the
    surface form) and a side (``unknown`` when the catalogue has none)."""
    m = with_articles(corpus, "mentions")
    m["name"] = m["actor"].fillna(m["surface"]).astype("string")
    m["side"] = m["side"].astype("string").fillna(UNKNOWN_SIDE)
    m["kind"] = m["kind"].astype("string").fillna("unknown")
    return m


def top_actors(mentions: pd.DataFrame, top: int) -> list[str]:
    """The ``top`` most mentioned names across all outlets (the same list for
    every outlet, so the facets share a y axis)."""
    return mentions["name"].value_counts().head(top).index.tolist()


def mentions_per_outlet(corpus: AnnotatedCorpus, top: int = 15) -> alt.TopLevelMixin | NoRows:
    """Top actors' share of each outlet's mentions, one panel per outlet with
    a shared axis; colour = side (click the legend to keep a side), dropdown =
    kind of actor (person, country, organisation...). Tooltip: counts and the
    first sentence that mentions the actor in that outlet."""
    m = actor_mentions(corpus)
    if m.empty:
        return NoRows("mentions", "no rows yet")
    names = top_actors(m, top)
    kept = m[m["name"].isin(names)]
    counts = kept.groupby(["outlet", "name", "side", "kind"]).size().rename("mentions").reset_index()
    totals = m.groupby("outlet").size().rename("outlet_mentions")
    counts = counts.merge(totals, on="outlet")
    counts["share"] = counts["mentions"] / counts["outlet_mentions"]
    counts = counts.merge(first_evidence(corpus, kept, ["outlet", "name"]), on=["outlet", "name"], how="left")
    counts = with_side_group(counts)
    side_pick = alt.selection_point(name="side", fields=["side_group"], bind="legend")
    kind_pick, kind_filter = facet_dropdown("kind", sorted(counts["kind"].unique().tolist()), "kind", "Kind of actor ")
    outlets = [o for o in outlets_of(corpus) if o in set(counts["outlet"])]
    return (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            x=alt.X("share:Q", axis=alt.Axis(format="%"), title="share of the outlet's mentions"),
            y=alt.Y("name:N", sort=names, title=None),
            color=alt.Color("side_group:N", title="side", scale=side_scale(corpus)),
            opacity=alt.condition(side_pick, alt.value(1.0), alt.value(0.15)),
            tooltip=["outlet:N", "name:N", "side:N", "kind:N", "mentions:Q",
                     alt.Tooltip("share:Q", format=".1%"), alt.Tooltip("evidence:N", title="first mention"),
                     alt.Tooltip("source:N", title="article")],
        )
        .properties(width=180, height=alt.Step(14))
        .add_params(side_pick)
        .facet(facet=alt.Facet("outlet:N", title=None, sort=outlets), columns=facet_columns(180 + 150, len(outlets)),
               title=f"Who is talked about: top {len(names)} actors, share of each outlet's mentions")
        .add_params(kind_pick)
        .transform_filter(kind_filter)
    )


def cooccurrence(corpus: AnnotatedCorpus, top: int = 12, unit: str = "sentence") -> alt.Chart | NoRows:
    """Who appears with whom: for the ``top`` actors, the number of sentences
    (or articles, ``unit="article"``) that mention both, as a heat map; a
    dropdown restricts it to one outlet. Tooltip: one such sentence."""
    m = actor_mentions(corpus)
    if m.empty:
        return NoRows("co-occurrence", "no mentions yet")
    names = top_actors(m, top)
    keys = ["article_id", "sent_id"] if unit == "sentence" else ["article_id"]
    units = m[m["name"].isin(names)].drop_duplicates(keys + ["name"])
    pairs = []
    for key, group in units.groupby(keys, sort=False):
        key = key if isinstance(key, tuple) else (key,)
        outlet = group["outlet"].iloc[0]
        for a, b in itertools.combinations(sorted(group["name"]), 2):
            pairs.append((*key, outlet, a, b))
    if not pairs:
        return NoRows("co-occurrence", f"no {unit} mentions two of the top actors")
    cols = keys + ["outlet", "a", "b"]
    df = pd.DataFrame(pairs, columns=cols)
    if unit == "sentence":
        ev = df.drop_duplicates(["outlet", "a", "b"]).merge(corpus.sentences[["article_id", "sent_id", "text"]],
                                                            on=["article_id", "sent_id"], how="left")
        ev["evidence"] = ev["text"].fillna("").map(lambda t: " ".join(str(t).split())[:220])
        ev = ev[["outlet", "a", "b", "evidence"]]
    counts = df.groupby(["outlet", "a", "b"]).size().rename("together").reset_index()
    if unit == "sentence":
        counts = counts.merge(ev, on=["outlet", "a", "b"], how="left")
    # both halves of the matrix, so the heat map reads from either axis
    mirrored = counts.rename(columns={"a": "b", "b": "a"})
    counts = pd.concat([counts, mirrored], ignore_index=True)
    pick = outlet_dropdown(outlets_of(corpus))
    tooltip = ["a:N", "b:N", alt.Tooltip("sum(together):Q", title=f"{unit}s together")]
    if unit == "sentence":
        tooltip.append(alt.Tooltip("min(evidence):N", title="e.g."))
    return (
        alt.Chart(counts, title=f"Who appears with whom: {unit}s mentioning both")
        .mark_rect()
        .encode(
            x=alt.X("a:N", sort=names, title=None),
            y=alt.Y("b:N", sort=names, title=None),
            color=alt.Color("sum(together):Q", title=f"{unit}s", scale=alt.Scale(scheme="blues")),
            tooltip=tooltip,
        )
        .properties(width=alt.Step(22), height=alt.Step(22))
        .add_params(pick)
        .transform_filter(pick)
    )


def share_of_voice(corpus: AnnotatedCorpus) -> alt.TopLevelMixin | NoRows:
    """Share of voice by side: for each outlet, the split of mentions and of
    quotes between sides, as 100% bars one above the other; click a side in
    the legend to highlight it across outlets. Draws
    :func:`toolkit.actors.sides.voice_by_side`: quotes whose speaker is not
    resolved count as ``unattributed`` (shown, not hidden)."""
    df = voice_by_side(corpus)
    if df.empty:
        return NoRows("share of voice", "no mentions or quotes yet")
    df = with_side_group(df)
    pick = alt.selection_point(name="voice_side", fields=["side_group"], bind="legend")
    return (
        alt.Chart(df, title="Share of voice by side: who is talked about vs who speaks")
        .mark_bar()
        .encode(
            x=alt.X("share:Q", stack="normalize", axis=alt.Axis(format="%"), title=None),
            y=alt.Y("measure:N", title=None),
            color=alt.Color("side_group:N", title="side", scale=side_scale(corpus)),
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.15)),
            row=alt.Row("outlet:N", title=None, sort=outlets_of(corpus), header=alt.Header(labelAngle=0, labelAlign="left")),
            tooltip=["outlet:N", "measure:N", "side:N", "count:Q", alt.Tooltip("share:Q", format=".1%")],
        )
        .properties(width=420, height=alt.Step(16))
        .add_params(pick)
    )
