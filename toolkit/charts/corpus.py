"""What was loaded: articles per outlet over time, and the load report."""

from __future__ import annotations

import altair as alt
import pandas as pd

from toolkit.charts.common import NoRows, outlet_dropdown, outlet_scale, outlets_of, shorten
from toolkit.corpus import AnnotatedCorpus


def time_unit(dates: pd.Series) -> tuple[str, str]:
    """Bin width for a publication-date axis: days for a few weeks of
    coverage, weeks for a few months, months beyond (so a bar is wide enough
    to see and a year of news is not 365 slivers). Returns (pandas period,
    label)."""
    span = (dates.max() - dates.min()).days if dates.notna().any() else 0
    if span <= 45:
        return "D", "day"
    if span <= 240:
        return "W", "week"
    return "M", "month"


def articles_over_time(corpus: AnnotatedCorpus) -> alt.TopLevelMixin | NoRows:
    """Articles per outlet per day/week/month of publication, one row of bars
    per outlet on a shared time axis; a dropdown keeps one outlet. Articles
    without a date are counted in the title, not drawn."""
    arts = corpus.articles.assign(outlet=corpus.articles["outlet"].astype("string").fillna("unknown"))
    dated = arts.dropna(subset=["published"])
    if dated.empty:
        return NoRows("articles over time", "no article has a publication date")
    freq, label = time_unit(dated["published"])
    period = dated["published"].dt.to_period(freq).dt.start_time
    counts = (dated.assign(period=period)
              .groupby(["outlet", "period"], observed=True)
              .agg(articles=("article_id", "size"), example=("title", "first"))
              .reset_index())
    counts["example"] = counts["example"].fillna("").map(lambda t: shorten(t, 120))
    undated = len(arts) - len(dated)
    pick = outlet_dropdown(outlets_of(corpus))
    title = f"Articles per outlet per {label}" + (f" ({undated} without a date not shown)" if undated else "")
    return (
        alt.Chart(counts, title=title)
        .mark_bar()
        .encode(
            x=alt.X("period:T", title=f"published ({label})"),
            y=alt.Y("articles:Q", title="articles"),
            color=alt.Color("outlet:N", legend=None, scale=outlet_scale(corpus)),
            row=alt.Row("outlet:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")),
            tooltip=[alt.Tooltip("outlet:N"), alt.Tooltip("period:T", title=label),
                     alt.Tooltip("articles:Q"), alt.Tooltip("example:N", title="e.g.")],
        )
        .properties(width=520, height=60)
        .add_params(pick)
        .transform_filter(pick)
    )


def articles_per_outlet(corpus: AnnotatedCorpus) -> alt.Chart | NoRows:
    """Articles and words per outlet, side by side with shared axes."""
    arts = corpus.articles
    if arts.empty:
        return NoRows("articles", "no article was loaded")
    per = (arts.assign(outlet=arts["outlet"].astype("string").fillna("unknown"))
           .groupby("outlet").agg(articles=("article_id", "size"), words=("n_words", "sum"),
                                  first=("published", "min"), last=("published", "max"))
           .reset_index())
    per["words"] = per["words"].astype("float")
    base = alt.Chart(per).encode(y=alt.Y("outlet:N", title=None, sort=outlets_of(corpus)),
                                 tooltip=["outlet:N", "articles:Q", "words:Q",
                                          alt.Tooltip("first:T", title="first published"),
                                          alt.Tooltip("last:T", title="last published")])
    return alt.hconcat(
        base.mark_bar().encode(x=alt.X("articles:Q")).properties(width=220, title="Articles"),
        base.mark_bar(color="#8c6d31").encode(x=alt.X("words:Q")).properties(width=220, title="Words"),
    )


def load_summary(corpus: AnnotatedCorpus) -> pd.DataFrame:
    """The load report as counts: status and reason, most frequent first
    (what was loaded, skipped or dropped as a duplicate, and why)."""
    report = corpus.load_report
    if report.empty:
        return pd.DataFrame(columns=["status", "reason", "files"])
    out = (report.assign(status=report["status"].astype("string"), reason=report["reason"].fillna(""))
           .groupby(["status", "reason"]).size().rename("files").reset_index()
           .sort_values("files", ascending=False, kind="stable"))
    return out.reset_index(drop=True)


def outlet_table(corpus: AnnotatedCorpus) -> pd.DataFrame:
    """One row per outlet: articles, words, first and last publication date,
    and how many dates were estimated rather than stated."""
    arts = corpus.articles
    if arts.empty:
        return pd.DataFrame(columns=["outlet", "articles", "words", "first", "last", "date estimated"])
    per = (arts.assign(outlet=arts["outlet"].astype("string").fillna("unknown"),
                       inferred=arts["published_inferred"].fillna(False).astype(bool))
           .groupby("outlet").agg(articles=("article_id", "size"), words=("n_words", "sum"),
                                  first=("published", "min"), last=("published", "max"),
                                  inferred=("inferred", "sum"))
           .reset_index().rename(columns={"inferred": "date estimated"}))
    for col in ("first", "last"):
        per[col] = per[col].dt.date
    return per


def table_sizes(corpus: AnnotatedCorpus) -> pd.DataFrame:
    """Rows per table per outlet: which extractors have produced what (a
    table with no rows yet shows 0 rather than disappearing)."""
    from toolkit.schema import TEXT_TABLES

    outlet = corpus.articles.set_index("article_id")["outlet"].astype("string")
    out = pd.DataFrame(index=pd.Index(sorted(outlet.dropna().unique()), name="outlet"))
    out["articles"] = outlet.value_counts()
    for name in TEXT_TABLES:
        df = getattr(corpus, name)
        out[name] = df["article_id"].map(outlet).value_counts() if len(df) else 0
    return out.fillna(0).astype(int).reset_index()
