"""Shared pieces of the chart functions: empty-table notes, evidence
sentences, the outlet dropdown, escaped HTML tables.

Every chart function aggregates with pandas first and hands Altair a small
frame (one row per bar or cell), so a chart never embeds a whole table and
never meets Altair's 5,000-row limit; each aggregated row carries one
*evidence sentence* (the first in document order) for its tooltip.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import altair as alt
import pandas as pd

from toolkit.actors.sides import UNATTRIBUTED, UNKNOWN_SIDE
from toolkit.corpus import AnnotatedCorpus

#: characters of an evidence sentence shown in a tooltip
EVIDENCE_CHARS = 220
#: the widest a faceted chart gets before wrapping outlets onto a new row
FACET_COLUMNS = 3
#: the width (px) a report gives a chart before the page would have to shrink
#: it (and its text) to fit: wider layouts wrap onto more rows instead
PAGE_WIDTH = 1100


@dataclass(frozen=True)
class NoRows:
    """What a chart function returns when its table has nothing to show yet:
    displays as a short note instead of an empty or broken chart."""

    what: str
    reason: str = "no rows yet"

    def _repr_html_(self) -> str:
        return (f'<p class="newsframe-empty">{html.escape(self.what)}: '
                f"{html.escape(self.reason)}</p>")

    def __repr__(self) -> str:
        return f"{self.what}: {self.reason}"


def outlets_of(corpus: AnnotatedCorpus) -> list[str]:
    """Outlets present in the corpus, sorted (the order of every facet and
    dropdown, so the same outlet sits in the same place on every chart)."""
    return sorted(corpus.articles["outlet"].astype("string").dropna().unique().tolist())


def with_articles(corpus: AnnotatedCorpus, table: str) -> pd.DataFrame:
    """``table`` joined with outlet, publication date and title; the outlet
    as a plain string so group-bys never produce empty categories."""
    df = corpus.with_outlet(table)
    df["outlet"] = df["outlet"].astype("string").fillna("unknown")
    return df


def evidence(corpus: AnnotatedCorpus, rows: pd.DataFrame, width: int = EVIDENCE_CHARS) -> pd.Series:
    """The sentence each row comes from (by ``article_id, sent_id``),
    shortened to ``width`` characters, for tooltips."""
    if rows.empty:
        return pd.Series([], dtype="string", index=rows.index)
    sents = corpus.sentences[["article_id", "sent_id", "text"]]
    joined = rows[["article_id", "sent_id"]].merge(sents, on=["article_id", "sent_id"], how="left")
    return pd.Series(joined["text"].fillna("").map(lambda t: shorten(t, width)).to_numpy(), index=rows.index, dtype="string")


def shorten(text: str, width: int = EVIDENCE_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def first_evidence(corpus: AnnotatedCorpus, rows: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One evidence sentence per group of ``keys``: the first row in document
    order (article, then sentence)."""
    ordered = rows.sort_values(["article_id", "sent_id", "start"], kind="stable")
    first = ordered.drop_duplicates(keys)[keys + ["article_id", "sent_id", "title"]].copy()
    first["evidence"] = evidence(corpus, first)
    first["source"] = first["title"].fillna(first["article_id"]).astype("string").map(lambda t: shorten(t, 90))
    return first[keys + ["evidence", "source"]]


def outlet_dropdown(outlets: list[str], name: str = "outlet") -> alt.Parameter:
    """A point selection on ``outlet`` bound to a dropdown ("All" first): in
    a static report the reader filters by outlet without a kernel."""
    return alt.selection_point(
        name=name,
        fields=["outlet"],
        bind=alt.binding_select(options=[None, *outlets], labels=["All outlets", *outlets], name="Outlet "),
    )


def category_dropdown(field: str, values: list[str], name: str, label: str) -> alt.Parameter:
    """A point selection on ``field`` bound to a dropdown with an "All" entry."""
    return alt.selection_point(
        name=name,
        fields=[field],
        bind=alt.binding_select(options=[None, *values], labels=["All", *values], name=label),
    )


def facet_columns(panel_width: float, n_panels: int, page_width: int = PAGE_WIDTH) -> int:
    """Columns of a facet grid: as many panels of ``panel_width`` px (axis
    labels included) as fit in ``page_width``, at most :data:`FACET_COLUMNS`,
    never more than there are panels (no empty slots in a one-row grid)."""
    return max(1, min(FACET_COLUMNS, n_panels, int(page_width // max(panel_width, 1))))


def facet_dropdown(field: str, values: list[str], name: str, label: str) -> tuple[alt.Parameter, str]:
    """A dropdown ("All" first) for a faceted chart, and the filter that goes
    on the facet itself (``FacetChart.transform_filter``): filtering there,
    not inside each panel, drops the panels with nothing left, so choosing a
    kind never leaves empty panels. A variable, not a selection, because
    Vega-Lite allows selections only inside a panel."""
    param = alt.param(name=name, value=None,
                      bind=alt.binding_select(options=[None, *values], labels=["All", *values], name=label))
    key = field.replace("\\", "\\\\").replace("'", "\\'")
    return param, f"{name} === null || datum['{key}'] === {name}"


#: left-aligned, top-aligned cells with room for sentences; specific enough to
#: beat JupyterLab's right-aligned table style (in the lab and in reports)
TABLE_STYLE = """<style>
.jp-RenderedHTMLCommon table.newsframe-table, table.newsframe-table { font-size: 12px; border-collapse: collapse; }
.jp-RenderedHTMLCommon table.newsframe-table th, .jp-RenderedHTMLCommon table.newsframe-table td,
table.newsframe-table th, table.newsframe-table td { text-align: left; vertical-align: top; padding: 2px 6px;
  border-bottom: 1px solid #ddd; max-width: 36em; }
table.newsframe-wide-last td:last-child { min-width: 24em; }
</style>"""
#: columns that hold article text: shown last and wide, so a sentence reads as one
TEXT_COLUMNS = ("sentence", "text", "example", "evidence")


def html_table(df: pd.DataFrame, max_rows: int = 30, caption: str | None = None) -> str:
    """An HTML table with every cell escaped (article text stays text), at
    most ``max_rows`` rows with a note saying how many were left out."""
    shown = df.head(max_rows).astype(object)
    shown = shown.where(shown.notna(), "")  # pd.NA would print as "<NA>"
    classes = ["newsframe-table"]
    text_column = next((c for c in TEXT_COLUMNS if c in shown.columns), None)
    if text_column is not None:
        shown = shown[[c for c in shown.columns if c != text_column] + [text_column]]
        classes.append("newsframe-wide-last")
    body = shown.to_html(index=False, escape=True, na_rep="", border=0, classes=classes)
    parts = [TABLE_STYLE]
    if caption:
        parts.append(f"<p><strong>{html.escape(caption)}</strong></p>")
    parts.append(body)
    if len(df) > max_rows:
        parts.append(f'<p class="newsframe-empty">{max_rows} of {len(df)} rows shown</p>')
    return "\n".join(parts)


def side_scale(corpus: AnnotatedCorpus) -> alt.Scale:
    """One colour per side, fixed in ``toolkit/data/sides.yaml`` (the same
    on every chart, report and corpus; minor sides as "other"); the legend
    lists the side groups this corpus has. Colour by ``side_group`` (see
    :func:`with_side_group`)."""
    from toolkit.charts.colours import side_scale as fixed_side_scale

    return fixed_side_scale(corpus.mentions["side"])


def with_side_group(df: pd.DataFrame, column: str = "side") -> pd.DataFrame:
    """``df`` with ``side_group``: the side as coloured (main side, "other",
    "unknown"); ``column`` keeps the exact side for tooltips."""
    from toolkit.charts.colours import side_group

    return df.assign(side_group=side_group(df[column]) if len(df) else pd.Series([], dtype="string"))


def outlet_scale(corpus: AnnotatedCorpus) -> alt.Scale:
    """One colour per outlet across a report (the corpus's outlets, sorted)."""
    from toolkit.charts.colours import outlet_scale as fixed_outlet_scale

    return fixed_outlet_scale(outlets_of(corpus))


def words_per_outlet(corpus: AnnotatedCorpus) -> pd.Series:
    """Total words per outlet: the denominator of every per-1,000-words rate,
    so a long-form outlet does not look louder only for writing more."""
    arts = corpus.articles
    return arts.groupby(arts["outlet"].astype("string"), observed=True)["n_words"].sum().astype("float")
