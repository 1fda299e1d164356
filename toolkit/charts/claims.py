"""Casualty claims drawn: the figures each outlet gives for the same event,
and how many claims each outlet makes in whose voice.

Which claims are about the same event, the readable figure and the claimant
come from :mod:`toolkit.claims.analysis` (``event_claims``, ``event_order``,
``ledger``); this module only encodes those frames.
"""

from __future__ import annotations

import altair as alt

from toolkit.charts.common import NoRows, category_dropdown, outlet_scale, outlets_of, shorten
from toolkit.claims.analysis import event_claims, event_order, ledger
from toolkit.corpus import AnnotatedCorpus

#: pixels per outlet inside an event's row (the row is this times the outlets)
OUTLET_STEP = 9


def figures_by_event(corpus: AnnotatedCorpus, top: int = 20) -> alt.TopLevelMixin | NoRows:
    """The figures each outlet gives for the same event, on one log axis:
    one row per event of :func:`toolkit.claims.analysis.events` (the events
    most outlets report first, as in :func:`~toolkit.claims.analysis.spread`),
    inside it a dot per claim (a bar from low to high for ranges) on its
    outlet's line, colour = outlet. Dropdown: casualty category; legend click:
    keep an outlet. Tooltip: event, figure, claimant and sentence."""
    c = event_claims(corpus)
    c = c[c["value_low"].notna() & (c["value_low"] > 0)] if len(c) else c
    if c.empty:
        return NoRows("casualty figures", "no quantified claims yet")
    order = event_order(c)[:top]
    c = c[c["event_label"].isin(order)].copy()
    c["sentence"] = c["sentence"].map(lambda t: shorten(t, 220))
    data = c[["outlet", "event_label", "category", "value_low", "value_high", "figure", "claimant",
              "qualifier", "sentence"]].rename(columns={"event_label": "event"})
    data = data.astype({"category": "string", "qualifier": "string", "value_low": "float", "value_high": "float"})
    outlets = outlets_of(corpus)
    cat = category_dropdown("category", sorted(data["category"].unique().tolist()), "claim_category", "Category ")
    outlet_pick = alt.selection_point(name="claim_outlet", fields=["outlet"], bind="legend")
    # Both layers carry the outlet as yOffset and the step is the event row's
    # ("for": "position"): with the offset in one layer only, Vega-Lite applied
    # the step to the offset band and dots drifted onto other events' rows.
    base = alt.Chart(data).encode(
        y=alt.Y("event:N", sort=order, scale=alt.Scale(domain=order), title=None, axis=alt.Axis(labelLimit=260)),
        yOffset=alt.YOffset("outlet:N", scale=alt.Scale(domain=outlets)),
        color=alt.Color("outlet:N", scale=outlet_scale(corpus)),
        opacity=alt.condition(outlet_pick, alt.value(0.9), alt.value(0.1)),
        tooltip=["event:N", "outlet:N", "category:N", "figure:N", "claimant:N",
                 alt.Tooltip("sentence:N", title="sentence")],
    )
    x = alt.X("value_low:Q", scale=alt.Scale(type="log"), title="figure (log scale)")
    ranges = base.mark_rule(strokeWidth=3).encode(x=x, x2="value_high:Q")
    dots = base.mark_point(filled=True, size=60).encode(x=x)
    return (
        alt.layer(ranges, dots, title="Casualty figures per outlet for the same event")
        .properties(width=460, height=alt.Step(max(26, OUTLET_STEP * len(outlets)), **{"for": "position"}))
        .add_params(cat, outlet_pick)
        .transform_filter(cat)
    )


def claims_per_outlet(corpus: AnnotatedCorpus) -> alt.Chart | NoRows:
    """How many claims each outlet makes per category, and in whose voice
    (quoted source or the outlet's own), side by side with a shared axis."""
    c = ledger(corpus)
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
