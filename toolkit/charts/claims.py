"""Casualty claims: the ledger, the figures each outlet gives for the same
event, and how far they spread.

"The same event" is the claims table's ``event`` label when the claims
extractor sets one, else the claim's category and event date (or category
and scope), so a cumulative army-losses total is never set against a single
strike's toll.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from toolkit.charts.common import NoRows, category_dropdown, evidence, outlets_of, shorten, with_articles
from toolkit.corpus import AnnotatedCorpus

LEDGER_COLUMNS = ["outlet", "published", "category", "figure", "qualifier", "side_affected", "claimant",
                  "in_quote", "scope", "event", "sentence", "article_id", "sent_id"]


def claim_rows(corpus: AnnotatedCorpus) -> pd.DataFrame:
    """Claims with outlet, a readable figure, an event key and the sentence."""
    c = with_articles(corpus, "claims")
    if c.empty:
        return c.assign(figure=pd.Series(dtype="string"), event_key=pd.Series(dtype="string"),
                        sentence=pd.Series(dtype="string"))
    c["category"] = c["category"].astype("string").fillna("unspecified")
    c["figure"] = [_figure(lo, hi, q) for lo, hi, q in zip(c["value_low"], c["value_high"], c["qualifier"])]
    c["event_key"] = event_key(c)
    c["claimant"] = c["claimant"].fillna(c["outlet"]).astype("string")
    c["sentence"] = evidence(corpus, c, width=400)
    return c


def event_key(claims: pd.DataFrame) -> pd.Series:
    """Which claims are about the same thing (see module docstring)."""
    label = claims["event"].astype("string")
    dated = claims["event_date"].dt.strftime("%Y-%m-%d").astype("string")
    scope = claims["scope"].astype("string").fillna("unscoped")
    fallback = claims["category"].astype("string") + " · " + dated.fillna(scope)
    return label.where(label.notna() & (label.str.len() > 0), fallback).astype("string")


def _figure(low, high, qualifier) -> str:
    if pd.isna(low) and pd.isna(high):
        return "unquantified"
    words = {"at_least": "at least ", "more_than": "more than ", "up_to": "up to ", "about": "about "}
    prefix = words.get(str(qualifier), "") if not pd.isna(qualifier) else ""
    if not pd.isna(high) and not pd.isna(low) and high != low:
        return f"{low:,.0f}–{high:,.0f}"
    value = low if not pd.isna(low) else high
    return f"{prefix}{value:,.0f}"


def ledger(corpus: AnnotatedCorpus) -> pd.DataFrame:
    """Every casualty claim, one row each: outlet, date, category, figure,
    who claims it (in a quote or in the outlet's own voice), the event and
    the sentence it comes from. Sorted by event, then outlet."""
    c = claim_rows(corpus)
    if c.empty:
        return pd.DataFrame(columns=LEDGER_COLUMNS)
    out = c.assign(published=c["published"].dt.date, event=c["event_key"])
    return out.sort_values(["event", "outlet", "published"], kind="stable")[LEDGER_COLUMNS].reset_index(drop=True)


def spread(corpus: AnnotatedCorpus) -> pd.DataFrame:
    """Per event: how many outlets and claimants give a figure, the lowest
    and highest figure, and their ratio (1.0 = everyone agrees)."""
    c = claim_rows(corpus).dropna(subset=["value_low"])
    if c.empty:
        return pd.DataFrame(columns=["event", "category", "outlets", "claimants", "claims", "lowest", "highest", "high/low"])
    high = c["value_high"].fillna(c["value_low"])
    g = c.assign(high=high).groupby("event_key")
    out = pd.DataFrame({
        "category": g["category"].agg(lambda s: ", ".join(sorted(set(s)))),
        "outlets": g["outlet"].nunique(),
        "claimants": g["claimant"].agg(lambda s: ", ".join(sorted(set(s)))),
        "claims": g.size(),
        "lowest": g["value_low"].min().astype("float"),
        "highest": g["high"].max().astype("float"),
    })
    out["high/low"] = (out["highest"] / out["lowest"].where(out["lowest"] > 0)).round(2)
    return out.reset_index(names="event").sort_values(["outlets", "claims"], ascending=False, kind="stable").reset_index(drop=True)


def figures_by_event(corpus: AnnotatedCorpus, top: int = 20) -> alt.TopLevelMixin | NoRows:
    """The figures each outlet gives for the same event, on one log axis:
    a dot per claim (a bar from low to high for ranges), colour = outlet;
    the events most outlets report come first. Dropdown: casualty category;
    legend click: keep an outlet. Tooltip: figure, claimant and sentence."""
    c = claim_rows(corpus).dropna(subset=["value_low"])
    c = c[c["value_low"] > 0]
    if c.empty:
        return NoRows("casualty figures", "no quantified claims yet")
    order = (c.groupby("event_key")["outlet"].nunique().sort_values(ascending=False, kind="stable")
             .head(top).index.tolist())
    c = c[c["event_key"].isin(order)].copy()
    c["value_high"] = c["value_high"].fillna(c["value_low"])
    c["sentence"] = c["sentence"].map(lambda t: shorten(t, 220))
    data = c[["outlet", "event_key", "category", "value_low", "value_high", "figure", "claimant",
              "qualifier", "sentence"]].astype({"category": "string", "qualifier": "string"})
    data["value_low"] = data["value_low"].astype("float")
    data["value_high"] = data["value_high"].astype("float")
    cat = category_dropdown("category", sorted(data["category"].unique().tolist()), "claim_category", "Category ")
    outlet_pick = alt.selection_point(name="claim_outlet", fields=["outlet"], bind="legend")
    base = alt.Chart(data).encode(
        y=alt.Y("event_key:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
        color=alt.Color("outlet:N", scale=alt.Scale(domain=outlets_of(corpus))),
        opacity=alt.condition(outlet_pick, alt.value(0.9), alt.value(0.1)),
        tooltip=["outlet:N", "event_key:N", "category:N", "figure:N", "claimant:N",
                 alt.Tooltip("sentence:N", title="sentence")],
    )
    x = alt.X("value_low:Q", scale=alt.Scale(type="log"), title="figure (log scale)")
    ranges = base.mark_rule(strokeWidth=3).encode(x=x, x2="value_high:Q")
    dots = base.mark_point(filled=True, size=70).encode(x=x, yOffset=alt.YOffset("outlet:N"))
    return (
        alt.layer(ranges, dots, title="Casualty figures per outlet for the same event")
        .properties(width=460, height=alt.Step(26))
        .add_params(cat, outlet_pick)
        .transform_filter(cat)
    )


def claims_per_outlet(corpus: AnnotatedCorpus) -> alt.Chart | NoRows:
    """How many claims each outlet makes per category, and in whose voice
    (quoted source or the outlet's own), side by side with a shared axis."""
    c = claim_rows(corpus)
    if c.empty:
        return NoRows("claims", "no rows yet")
    c["voice"] = c["in_quote"].map({True: "quoted source", False: "outlet's own voice"}).fillna("unknown").astype("string")
    counts = c.groupby(["outlet", "category", "voice"]).size().rename("claims").reset_index()
    pick = alt.selection_point(name="claims_voice", fields=["voice"], bind="legend")
    return (
        alt.Chart(counts, title="Casualty claims per outlet and category")
        .mark_bar()
        .encode(
            x=alt.X("claims:Q"),
            y=alt.Y("category:N", title=None),
            color=alt.Color("voice:N", title="in whose voice"),
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.15)),
            row=alt.Row("outlet:N", title=None, sort=outlets_of(corpus), header=alt.Header(labelAngle=0, labelAlign="left")),
            tooltip=["outlet:N", "category:N", "voice:N", "claims:Q"],
        )
        .properties(width=380, height=alt.Step(16))
        .add_params(pick)
    )
