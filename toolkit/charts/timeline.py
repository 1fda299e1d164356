"""The timeline drawn: the dates each outlet's coverage refers to, and who
reported first.

What counts as a dated mention, which mentions are one event and who was
first are :mod:`toolkit.dates.chronology` (``event_mentions``,
``first_reported``, ``toolkit.timeline``); this module only encodes those
frames.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from toolkit.charts.common import NoRows, first_evidence, outlet_scale, outlets_of
from toolkit.corpus import AnnotatedCorpus
from toolkit.dates.chronology import event_mentions, first_reported


#: the time axis runs from this long before the first article to this long
#: after the last (``widen=True``: every date referred to)
BEFORE_COVERAGE, AFTER_COVERAGE = pd.Timedelta(days=90), pd.Timedelta(days=30)


def coverage_window(corpus: AnnotatedCorpus) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The period the articles were published in, padded by
    :data:`BEFORE_COVERAGE` / :data:`AFTER_COVERAGE`."""
    published = corpus.articles["published"].dropna()
    if published.empty:
        return None
    return published.min().normalize() - BEFORE_COVERAGE, published.max().normalize() + AFTER_COVERAGE


def timeline_per_outlet(corpus: AnnotatedCorpus, widen: bool = False) -> alt.TopLevelMixin | NoRows:
    """The timeline's dated mentions per outlet on one time axis (dot size =
    how many), over a bar of all of them: drag across the bars to zoom the
    dots to a period (an interval selection, works in the static report).
    Tooltip: the first sentence that refers to that date in that outlet.

    The axis is fitted to the coverage window (:func:`coverage_window`), so a
    reference to 1995 does not squeeze a year of coverage into one blob; the
    title says how many references fall outside. ``widen=True`` shows them all."""
    d = event_mentions(corpus)
    if d.empty:
        return NoRows("timeline", "no resolved dates yet")
    d = d.assign(day=d["event_start"].dt.normalize(), outlet=d["outlet"].fillna("unknown"))
    window = None if widen else coverage_window(corpus)
    left_out = 0
    if window is not None:
        inside = d["day"].between(*window)
        left_out = int((~inside).sum())
        d = d[inside]
        if d.empty:
            return NoRows("timeline", f"no date referred to falls in the coverage window ({left_out} outside; "
                                      "charts.timeline_per_outlet(corpus, widen=True) shows them)")
    d = d.merge(corpus.articles[["article_id", "title"]], on="article_id", how="left")
    counts = d.groupby(["outlet", "day"]).size().rename("references").reset_index()
    counts = counts.merge(first_evidence(corpus, d, ["outlet", "day"]), on=["outlet", "day"], how="left")
    brush = alt.selection_interval(name="period", encodings=["x"])
    dots = (
        alt.Chart(counts, title=alt.Title("Dates the coverage refers to, per outlet", subtitle=(
            f"{window[0]:%Y-%m-%d} to {window[1]:%Y-%m-%d}, around the publication dates; {left_out:,} references "
            "outside it not shown (timeline_per_outlet(corpus, widen=True))") if window is not None and left_out else ""))
        .mark_circle(opacity=0.75)
        .encode(
            x=alt.X("day:T", title=None, scale=alt.Scale(domain={"param": "period"})),
            y=alt.Y("outlet:N", sort=outlets_of(corpus), title=None),
            size=alt.Size("references:Q", legend=None, scale=alt.Scale(range=[30, 400])),
            color=alt.Color("outlet:N", legend=None, scale=outlet_scale(corpus)),
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


def first_reported_counts(corpus: AnnotatedCorpus) -> alt.Chart | NoRows:
    """How often each outlet was first to report an event that other outlets
    also reported (:func:`toolkit.dates.chronology.first_reported`: only
    outlets already publishing on the day of the first report are compared;
    an outlet that followed on the same day counts as first too)."""
    firsts = first_reported(corpus)
    left_out = firsts.attrs.get("left_out", 0)
    if firsts.empty:
        return NoRows("who reported first", "no event is reported by two outlets while both publish"
                      + (f" ({left_out:,} reports set aside: the outlet's data had not started yet)" if left_out else ""))
    n_events = firsts["event_id"].nunique()
    firsts = firsts[firsts["lag_days"] == 0]
    counts = firsts.groupby("outlet").size().rename("first").reset_index()
    subtitle = (f"{n_events:,} events reported by two or more outlets while both publish"
                + (f"; {left_out:,} later reports set aside (that outlet's data had not started on the day "
                   "of the first report)" if left_out else ""))
    return (
        alt.Chart(counts, title=alt.Title("Who reported first: events other outlets also reported", subtitle=subtitle))
        .mark_bar()
        .encode(x=alt.X("first:Q", title="times first (same day counts)"),
                y=alt.Y("outlet:N", sort=outlets_of(corpus), title=None),
                color=alt.Color("outlet:N", legend=None, scale=outlet_scale(corpus)), tooltip=["outlet:N", "first:Q"])
        .properties(width=360, height=alt.Step(20))
    )
