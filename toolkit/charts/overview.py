"""The four dimensions per outlet on one page: who is talked about, who
speaks, casualty claims, when (dates referred to), how framed.

Every panel puts the outlets on the same rows in the same order, so reading
across a row gives one outlet's coverage and reading down a panel compares
outlets; one dropdown filters every panel at once.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from toolkit.actors.sides import voice_by_side
from toolkit.charts.actors import actor_mentions
from toolkit.charts.common import (NoRows, outlet_dropdown, outlet_scale, outlets_of, side_scale, with_articles,
                                   with_side_group)
from toolkit.charts.framing import framing_rows, per_thousand_words
from toolkit.claims.analysis import countable, headline_figures, ledger
from toolkit.corpus import AnnotatedCorpus
from toolkit.dates.chronology import event_mentions

PANEL_WIDTH = 200


def outlet_summary(corpus: AnnotatedCorpus) -> pd.DataFrame:
    """One row per outlet: size, most mentioned and most quoted actor,
    claims and the largest figure, dates referred to, framing signals per
    1,000 words."""
    arts = corpus.articles
    outlets = outlets_of(corpus)
    out = pd.DataFrame(index=pd.Index(outlets, name="outlet"))
    a = arts.assign(outlet=arts["outlet"].astype("string"))
    out["articles"] = a.groupby("outlet").size()
    out["words"] = a.groupby("outlet")["n_words"].sum()
    m = actor_mentions(corpus)
    out["mentions"] = m.groupby("outlet").size() if len(m) else 0
    out["most mentioned"] = m.groupby("outlet")["name"].agg(lambda s: s.value_counts().index[0]) if len(m) else None
    q = with_articles(corpus, "quotes")
    out["quotes"] = q.groupby("outlet").size() if len(q) else 0
    speakers = q.dropna(subset=["speaker"])
    out["most quoted"] = speakers.groupby("outlet")["speaker"].agg(lambda s: s.value_counts().index[0]) if len(speakers) else None
    c = ledger(corpus)
    out["claims"] = c.groupby("outlet").size() if len(c) else 0
    # the headline toll: on-story, reported, not a rate (issue #12)
    biggest = headline_figures(corpus).set_index("outlet")
    out["largest figure"] = biggest["figure"] + " " + biggest["category"].astype("string") if len(biggest) else None
    d = event_mentions(corpus)
    out["dates referred to"] = d.groupby("outlet").size() if len(d) else 0
    f = framing_rows(corpus)
    if len(f):
        signals = f.groupby("outlet").size().rename("count").reset_index()
        out["framing per 1,000 words"] = per_thousand_words(signals, corpus).set_axis(signals["outlet"]).round(1)
    else:
        out["framing per 1,000 words"] = 0.0
    for col in ("mentions", "quotes", "claims", "dates referred to"):
        out[col] = out[col].fillna(0).astype(int)
    return out.reset_index()


def _panel(data: pd.DataFrame, title: str, x: alt.X, color: alt.Color, tooltip: list, outlets: list[str],
           pick: alt.Parameter, with_param: bool) -> alt.Chart:
    chart = (
        alt.Chart(data, title=title)
        .mark_bar()
        .encode(x=x, y=alt.Y("outlet:N", sort=outlets, title=None, scale=alt.Scale(domain=outlets)),
                color=color, tooltip=tooltip)
        .properties(width=PANEL_WIDTH, height=alt.Step(22))
    )
    chart = chart.add_params(pick) if with_param else chart
    return chart.transform_filter(pick)


def side_by_side(corpus: AnnotatedCorpus) -> alt.TopLevelMixin | NoRows:
    """Who is talked about and who speaks (share by side), casualty claims
    per category, framing signals per 1,000 words: four panels, one row per
    outlet, one outlet dropdown for all. Panels whose table is empty say so
    in their title instead of disappearing."""
    outlets = outlets_of(corpus)
    if not outlets:
        return NoRows("side by side", "no articles")
    pick = outlet_dropdown(outlets, name="page_outlet")
    voice = voice_by_side(corpus)
    panels = []
    for measure, title in (("talked about (mentions)", "Who is talked about (share by side)"),
                           ("speaks (quotes)", "Who speaks (share of quotes by side)")):
        data = with_side_group(voice[voice["measure"] == measure]) if len(voice) else voice
        panels.append((data, title, alt.X("share:Q", stack="normalize", axis=alt.Axis(format="%"), title=None),
                       alt.Color("side_group:N", title="side", scale=side_scale(corpus)),
                       ["outlet:N", "side:N", "count:Q", alt.Tooltip("share:Q", format=".0%")]))
    c = countable(ledger(corpus))
    claims = c.groupby(["outlet", "category"]).size().rename("claims").reset_index() if len(c) else c
    panels.append((claims, "Casualty claims (by category)", alt.X("claims:Q", title="claims"),
                   alt.Color("category:N", title="claim category", scale=alt.Scale(scheme="reds")),
                   ["outlet:N", "category:N", "claims:Q"]))
    f = framing_rows(corpus)
    if len(f):
        framing = f.groupby(["outlet", "signal"]).size().rename("count").reset_index()
        framing["per_1000_words"] = per_thousand_words(framing, corpus)
    else:
        framing = f
    panels.append((framing, "Framing signals per 1,000 words", alt.X("per_1000_words:Q", title="per 1,000 words"),
                   alt.Color("signal:N", title="framing signal", scale=alt.Scale(scheme="tableau10")),
                   ["outlet:N", "signal:N", "count:Q", alt.Tooltip("per_1000_words:Q", format=".2f")]))
    charts = []
    for i, (data, title, x, color, tooltip) in enumerate(panels):
        if data is None or len(data) == 0:
            data = pd.DataFrame({"outlet": outlets})
            title = f"{title}: no rows yet"
            x, color, tooltip = alt.X("none:Q", title=None), alt.Color("outlet:N", legend=None, scale=outlet_scale(corpus)), ["outlet:N"]
        charts.append(_panel(data.reset_index(drop=True), title, x, color, tooltip, outlets, pick, with_param=(i == 0)))
    # two panels a row: four panels and their legends in one row were 1,700 px
    # wide, which a page shrinks (and its text to 7 px) to fit
    rows = [alt.hconcat(*charts[i:i + 2]).resolve_scale(color="independent").resolve_legend(color="independent")
            for i in range(0, len(charts), 2)]
    return (
        alt.vconcat(*rows, title="Coverage side by side, one row per outlet")
        .resolve_scale(color="independent")
        .resolve_legend(color="independent")
    )
