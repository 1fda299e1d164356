"""How each outlet frames the story: loaded terms, naming choices and the
verbs used to attribute speech, per side of the speaker.

Rates are per 1,000 words of the outlet's articles, so outlets of different
size compare; terms inside quotes are kept apart from the outlet's own voice
(a quoted "terrorist" is the speaker's choice, not the outlet's).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from toolkit.actors.sides import actor_sides, speaker_sides
from toolkit.charts.common import (NoRows, category_dropdown, facet_columns, facet_dropdown, first_evidence, outlets_of,
                                   with_articles, with_side_group, words_per_outlet)
from toolkit.corpus import AnnotatedCorpus


def framing_rows(corpus: AnnotatedCorpus, signals: list[str] | None = None) -> pd.DataFrame:
    """Framing signals with outlet, voice (quoted / own) and the speaker's side."""
    f = with_articles(corpus, "framing")
    f["signal"] = f["signal"].astype("string")
    if signals:
        f = f[f["signal"].isin(signals)]
    f["term"] = f["term"].astype("string").str.lower()
    f["category"] = f["category"].astype("string").fillna("—")
    f["voice"] = f["in_quote"].map({True: "in a quote", False: "outlet's own voice"}).fillna("unknown").astype("string")
    f["speaker_side"] = speaker_sides(f["speaker_actor_id"], actor_sides(corpus))
    return f


def per_thousand_words(counts: pd.DataFrame, corpus: AnnotatedCorpus, column: str = "count") -> pd.Series:
    words = counts["outlet"].map(words_per_outlet(corpus))
    return (counts[column] / words.where(words > 0) * 1000).round(3)


def loaded_terms(corpus: AnnotatedCorpus, top: int = 20, signals: list[str] | None = None) -> alt.TopLevelMixin | NoRows:
    """The ``top`` framing terms (loaded terms, euphemisms, official terms,
    epithets by default), per 1,000 words in each outlet, one panel per outlet
    with a shared axis. Dropdown: kind of signal; legend: own voice vs quoted.
    Tooltip: the first sentence using the term in that outlet."""
    signals = signals or ["loaded_term", "euphemism", "official_term", "epithet"]
    f = framing_rows(corpus, signals)
    if f.empty:
        return NoRows("loaded terms", "no framing signals of these kinds yet: " + ", ".join(signals))
    terms = f["term"].value_counts().head(top).index.tolist()
    kept = f[f["term"].isin(terms)]
    counts = kept.groupby(["outlet", "term", "signal", "voice"]).size().rename("count").reset_index()
    counts["per_1000_words"] = per_thousand_words(counts, corpus)
    counts = counts.merge(first_evidence(corpus, kept, ["outlet", "term"]), on=["outlet", "term"], how="left")
    sig, sig_filter = facet_dropdown("signal", sorted(counts["signal"].unique().tolist()), "framing_signal", "Signal ")
    voice = alt.selection_point(name="framing_voice", fields=["voice"], bind="legend")
    outlets = [o for o in outlets_of(corpus) if o in set(counts["outlet"])]
    return (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            x=alt.X("sum(per_1000_words):Q", title="per 1,000 words"),
            y=alt.Y("term:N", sort=terms, title=None),
            color=alt.Color("voice:N", title="voice"),
            opacity=alt.condition(voice, alt.value(1.0), alt.value(0.15)),
            tooltip=["outlet:N", "term:N", "signal:N", "voice:N", alt.Tooltip("sum(count):Q", title="uses"),
                     alt.Tooltip("sum(per_1000_words):Q", title="per 1,000 words", format=".2f"),
                     alt.Tooltip("min(evidence):N", title="first use")],
        )
        .properties(width=170, height=alt.Step(14))
        .add_params(voice)
        .facet(facet=alt.Facet("outlet:N", title=None, sort=outlets), columns=facet_columns(170 + 130, len(outlets)),
               title="Loaded terms and euphemisms per 1,000 words")
        .add_params(sig)
        .transform_filter(sig_filter)
    )


def naming_choices(corpus: AnnotatedCorpus) -> alt.Chart | NoRows:
    """Naming choices: for each thing named (the framing row's ``category``,
    e.g. the war, the Russian forces), which term each outlet uses and how
    often, as a heat map outlet x term; dropdown: what is named."""
    f = framing_rows(corpus, ["naming", "official_term", "euphemism"])
    if f.empty:
        return NoRows("naming choices", "no naming signals yet")
    counts = f.groupby(["category", "term", "outlet"]).size().rename("count").reset_index()
    counts["share"] = counts["count"] / counts.groupby(["category", "outlet"])["count"].transform("sum")
    counts = counts.merge(first_evidence(corpus, f, ["outlet", "term"]), on=["outlet", "term"], how="left")
    pick = category_dropdown("category", sorted(counts["category"].unique().tolist()), "named_thing", "What is named ")
    return (
        alt.Chart(counts, title="Naming choices: which term each outlet uses")
        .mark_rect()
        .encode(
            x=alt.X("outlet:N", sort=outlets_of(corpus), title=None, axis=alt.Axis(labelAngle=-30)),
            y=alt.Y("term:N", title=None),
            color=alt.Color("share:Q", title="share within outlet", scale=alt.Scale(scheme="oranges"),
                            legend=alt.Legend(format="%")),
            tooltip=["category:N", "term:N", "outlet:N", "count:Q", alt.Tooltip("share:Q", format=".0%"),
                     alt.Tooltip("evidence:N", title="e.g.")],
        )
        .properties(width=alt.Step(60), height=alt.Step(16))
        .add_params(pick)
        .transform_filter(pick)
    )


def attribution_verbs(corpus: AnnotatedCorpus, top: int = 12) -> alt.TopLevelMixin | NoRows:
    """Attribution verbs by the speaker's side: does an outlet have one side
    "claim" and the other "say"? A heat map per outlet: for each side, the
    share of its attributions that use each verb; dropdown keeps one side."""
    f = framing_rows(corpus, ["attribution_verb"])
    if f.empty:
        return NoRows("attribution verbs", "no attribution verbs yet")
    verbs = f["term"].value_counts().head(top).index.tolist()
    # the main sides, the rest as "other" (the side colours' groups): one
    # column per side of sixty would make the grid too wide to read
    kept = with_side_group(f[f["term"].isin(verbs)], "speaker_side")
    kept = kept.assign(speaker_side=kept["side_group"].astype("string"))
    counts = kept.groupby(["outlet", "speaker_side", "term"]).size().rename("count").reset_index()
    counts["share"] = counts["count"] / counts.groupby(["outlet", "speaker_side"])["count"].transform("sum")
    counts = counts.merge(first_evidence(corpus, kept, ["outlet", "speaker_side", "term"]),
                          on=["outlet", "speaker_side", "term"], how="left")
    sides = sorted(counts["speaker_side"].unique().tolist())
    pick, side_filter = facet_dropdown("speaker_side", sides, "verb_side", "Speaker's side ")
    outlets = [o for o in outlets_of(corpus) if o in set(counts["outlet"])]
    panel = 26 * len(sides) + 110  # the columns plus the verb labels
    return (
        alt.Chart(counts)
        .mark_rect()
        .encode(
            x=alt.X("speaker_side:N", sort=sides, title=None, axis=alt.Axis(labelAngle=-35)),
            y=alt.Y("term:N", sort=verbs, title=None),
            color=alt.Color("share:Q", scale=alt.Scale(scheme="purples", domain=[0, 1]),
                            legend=alt.Legend(format="%", title="share of side")),
            tooltip=["outlet:N", "speaker_side:N", "term:N", "count:Q", alt.Tooltip("share:Q", format=".0%"),
                     alt.Tooltip("evidence:N", title="e.g.")],
        )
        .properties(width=alt.Step(26), height=alt.Step(16))
        .facet(facet=alt.Facet("outlet:N", title=None, sort=outlets), columns=facet_columns(panel, len(outlets)),
               title="Attribution verbs by the speaker's side (share of that side's attributions)")
        .add_params(pick)
        .transform_filter(side_filter)
    )
