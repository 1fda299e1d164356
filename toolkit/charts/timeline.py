"""When things happened, across outlets: the dates the articles refer to, and
which outlet reported a date first.

A *referenced date* is a ``dates`` row with a resolved ``start_date``
(explicit dates and relative ones resolved against the publication date).
Only day- or month-precise references are placed on the timeline: a year or a
decade is not an event date.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from toolkit.charts.common import NoRows, first_evidence, outlets_of, with_articles
from toolkit.corpus import AnnotatedCorpus

#: references outside this window are parsing noise or history, not the story
PLAUSIBLE = (pd.Timestamp("1990-01-01"), pd.Timestamp("2100-01-01"))
PRECISE = {"day", "date", "week", "month", None}


def referenced_dates(corpus: AnnotatedCorpus) -> pd.DataFrame:
    """Date references with outlet and publication date, within
    :data:`PLAUSIBLE`, at day/week/month precision, ``day`` = the date."""
    d = with_articles(corpus, "dates").dropna(subset=["start_date"])
    if d.empty:
        return d.assign(day=pd.Series(dtype="datetime64[ns]"))
    gran = d["granularity"].astype("string").str.lower()
    d = d[gran.isna() | gran.isin([g for g in PRECISE if g])]
    d = d[(d["start_date"] >= PLAUSIBLE[0]) & (d["start_date"] < PLAUSIBLE[1])]
    return d.assign(day=d["start_date"].dt.normalize())


def timeline(corpus: AnnotatedCorpus) -> alt.TopLevelMixin | NoRows:
    """Dates referenced per outlet on one time axis (dot size = how often),
    over a bar of all references: drag across the bars to zoom the dots to a
    period (an interval selection, works in the static report). Tooltip: the
    first sentence that refers to that date in that outlet."""
    d = referenced_dates(corpus)
    if d.empty:
        return NoRows("timeline", "no resolved dates yet")
    counts = d.groupby(["outlet", "day"]).size().rename("references").reset_index()
    counts = counts.merge(first_evidence(corpus, d, ["outlet", "day"]), on=["outlet", "day"], how="left")
    brush = alt.selection_interval(name="period", encodings=["x"])
    dots = (
        alt.Chart(counts, title="Dates the coverage refers to, per outlet")
        .mark_circle(opacity=0.75)
        .encode(
            x=alt.X("day:T", title=None, scale=alt.Scale(domain={"param": "period"})),
            y=alt.Y("outlet:N", sort=outlets_of(corpus), title=None),
            size=alt.Size("references:Q", legend=None, scale=alt.Scale(range=[30, 400])),
            color=alt.Color("outlet:N", legend=None),
            tooltip=["outlet:N", alt.Tooltip("day:T", title="date referred to"), "references:Q",
                     alt.Tooltip("evidence:N", title="e.g."), alt.Tooltip("source:N", title="article")],
        )
        .properties(width=560, height=alt.Step(28))
    )
    overview = (
        alt.Chart(counts)
        .mark_bar()
        .encode(x=alt.X("day:T", title="drag to zoom the dots above"), y=alt.Y("sum(references):Q", title="refs"))
        .properties(width=560, height=60)
        .add_params(brush)
    )
    return alt.vconcat(dots, overview)


def first_reported(corpus: AnnotatedCorpus) -> pd.DataFrame:
    """For each referenced day mentioned by two or more outlets: the outlet
    whose article referring to it was published first, and how many days
    later each other outlet followed."""
    d = referenced_dates(corpus).dropna(subset=["published"])
    if d.empty:
        return pd.DataFrame(columns=["date referred to", "first", "first published", "outlets", "followed by"])
    earliest = d.groupby(["day", "outlet"])["published"].min().reset_index()
    rows = []
    for day, group in earliest.groupby("day"):
        if group["outlet"].nunique() < 2:
            continue
        group = group.sort_values(["published", "outlet"], kind="stable")
        first = group.iloc[0]
        later = [f"{r.outlet} (+{(r.published - first.published).days} d)" for r in group.iloc[1:].itertuples()]
        rows.append({"date referred to": day.date(), "first": first.outlet, "first published": first.published.date(),
                     "outlets": len(group), "followed by": ", ".join(later)})
    return pd.DataFrame(rows, columns=["date referred to", "first", "first published", "outlets", "followed by"])


def first_reported_counts(corpus: AnnotatedCorpus) -> alt.Chart | NoRows:
    """How often each outlet was first to refer to a date that others also
    referred to (ties on publication day go to every tied outlet)."""
    d = referenced_dates(corpus).dropna(subset=["published"])
    if d.empty:
        return NoRows("who reported first", "no resolved dates yet")
    earliest = d.groupby(["day", "outlet"])["published"].min().reset_index()
    shared = earliest[earliest.groupby("day")["outlet"].transform("nunique") >= 2]
    if shared.empty:
        return NoRows("who reported first", "no date is referred to by two outlets")
    firsts = shared[shared["published"].dt.normalize() == shared.groupby("day")["published"].transform("min").dt.normalize()]
    counts = firsts.groupby("outlet").size().rename("first").reset_index()
    return (
        alt.Chart(counts, title="Who reported first: dates shared with other outlets")
        .mark_bar()
        .encode(x=alt.X("first:Q", title="times first"), y=alt.Y("outlet:N", sort=outlets_of(corpus), title=None),
                color=alt.Color("outlet:N", legend=None), tooltip=["outlet:N", "first:Q"])
        .properties(width=360, height=alt.Step(20))
    )
