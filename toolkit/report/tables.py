"""Tables in plain words: a tidy frame made readable, then drawn as a
client-side table in the report (sort, filter, page, open the article,
download CSV / XLSX; see ``js/newsframe.js``).

:func:`present` is the one place that decides how a table reads: internal
ids and character offsets leave the visible columns (they stay behind each
row as its link to the article), dates lose their "00:00:00", numbers get a
type and a number of decimals, shares become percentages, lists are joined,
whitespace (the ``\\n\\n`` of article text) is collapsed, and column names are
spelt out. The report tables and ``python -m toolkit export`` both use it.

Every row is carried: a report has a data budget (``TOOLKIT_REPORT_MAX_MB``,
default 13.5 MB per page for the tables and the article store; with the ~1 MB
of Vega and runtime a page stays under 15 MB); a table that would pass it
keeps the rows that fit and says how many it left out and how to get them all.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

#: columns that only make sense to the code: ids, offsets, file paths
HIDDEN_COLUMNS = {"start", "end", "sent_id", "sent_start", "cue_start", "cue_end", "content_hash", "path", "raw_text",
                  "claimant_key", "day", "date_basis"}
HIDDEN_SUFFIXES = ("_id", "_ids")
#: article text columns: shown last and wide
TEXT_COLUMNS = ("sentence", "text", "example", "evidence")
#: readable names for the columns the analyses return
LABELS: dict[str, str] = {
    "n": "Count", "n_total": "Total", "n_group": "Count in this outlet", "n_rest": "Count in the other outlets",
    "log_odds": "Log-odds ratio", "z": "z-score", "rank": "Rank", "share": "Share", "per_1000_words": "Per 1,000 words",
    "n_words": "Words", "n_articles": "Articles", "n_mentions": "Mentions", "n_quotes": "Quotes", "n_claims": "Claims",
    "n_outlets": "Outlets", "n_claimants": "Claimants", "n_sentences": "Sentences", "n_points": "Figures in series",
    "share_quotes": "Share of quotes", "share_words": "Share of quoted words", "tone_mean": "Mean tone",
    "share_negative": "Negative sentences", "share_positive": "Positive sentences", "group": "Outlet",
    "speaker_side": "Speaker's side", "side_affected": "Side affected", "in_quote": "Inside a quote",
    "value_low": "Lowest figure", "value_high": "Highest figure", "low": "Lowest figure", "high": "Highest figure",
    "event_start": "Event from", "event_end": "Event to", "event_date": "Event date", "first_published": "First published",
    "last_published": "Last published", "first_outlet": "First outlet", "is_first": "Reported first",
    "lag_days": "Days after the first", "published": "Published", "published_inferred": "Date estimated",
    "speaker_name": "Speaker", "speaker_surface": "Speaker as written", "surface": "As written", "direct": "Direct quote",
    "cue": "Verb", "via": "Found by", "as_of": "As of", "stated_value": "Stated figure", "stated_qualifier": "Stated qualifier",
    "url": "Source URL", "high/low": "Highest ÷ lowest", "consistent": "Figures agree", "claim_categories": "Claim categories",
}
#: rows per page of a report table
PAGE_SIZE = 25
#: rows printed into the page before the script takes over (and what a
#: reader without JavaScript sees)
STATIC_ROWS = 10
#: at most this many columns get a category filter, each with 2..MAX values
MAX_FACETS, MAX_FACET_VALUES = 4, 40
DEFAULT_BUDGET_MB = 13.5
_CODE = re.compile(r"^[a-z]+(_[a-z]+)+$")


@dataclass
class Presented:
    """A table ready to read: ``frame`` has the visible columns in reading
    order with readable names; ``columns`` says how each column is typed for
    the browser; ``links`` is, per row, ``(article_id, sent_id, from, to)``
    (offsets into the sentence) or ``None``."""

    frame: pd.DataFrame
    columns: list[dict]
    links: list | None = None
    raw_columns: list[str] = field(default_factory=list)


def label(column: str) -> str:
    """A column name in plain words."""
    if column in LABELS:
        return LABELS[column]
    text = str(column).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _hidden(column: str) -> bool:
    return column in HIDDEN_COLUMNS or str(column).endswith(HIDDEN_SUFFIXES)


def _collapse(value) -> str:
    return " ".join(str(value).split())


def _as_text(series: pd.Series) -> pd.Series:
    def one(v):
        if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA or v is pd.NaT:
            return None
        if isinstance(v, (list, tuple, set, np.ndarray)):
            return "; ".join(_collapse(x) for x in v if x is not None and str(x) != "")
        if isinstance(v, (bool, np.bool_)):
            return "yes" if v else "no"
        return _collapse(v)
    return series.astype(object).map(one)


def _is_dates(series: pd.Series) -> bool:
    if pd.api.types.is_datetime64_any_dtype(series):
        return True
    if series.dtype == object:
        sample = series.dropna().head(50)
        import datetime as dt
        return len(sample) > 0 and all(isinstance(v, (dt.date, pd.Timestamp)) for v in sample)
    return False


def _dates(series: pd.Series) -> pd.Series:
    ts = pd.to_datetime(series, errors="coerce")
    midnight = (ts.dropna().dt.normalize() == ts.dropna()).all()
    fmt = "%Y-%m-%d" if midnight else "%Y-%m-%d %H:%M"
    return ts.dt.strftime(fmt).astype(object).where(ts.notna(), None)


def _number_spec(name: str, values: pd.Series) -> dict:
    finite = values.dropna()
    finite = finite[np.isfinite(finite.astype(float))] if len(finite) else finite
    lowered = name.lower()
    if "share" in lowered or lowered.startswith(("negative", "positive")) or lowered == "in quotes":
        if len(finite) == 0 or (finite.astype(float).between(0, 1)).all():
            return {"type": "percent", "decimals": 1}
    if len(finite) and (finite.astype(float) == np.round(finite.astype(float))).all() and "per " not in lowered:
        return {"type": "int"}
    biggest = float(finite.abs().max()) if len(finite) else 0.0
    return {"type": "number", "decimals": 2 if biggest < 10 else 1 if biggest < 1000 else 0}


def _sentence_offsets(df: pd.DataFrame, corpus) -> pd.DataFrame:
    """Per row: article id, sentence id and the span as offsets into the
    sentence (``start``/``end`` are offsets into the article text)."""
    keys = pd.DataFrame({"article_id": df["article_id"].astype("string").to_numpy()}, index=df.index)
    keys["sent_id"] = pd.to_numeric(df["sent_id"], errors="coerce").to_numpy() if "sent_id" in df else np.nan
    for col in ("start", "end"):
        keys[col] = pd.to_numeric(df[col], errors="coerce").to_numpy() if col in df else np.nan
    if "sent_start" in df:
        keys["sent_start"] = pd.to_numeric(df["sent_start"], errors="coerce").to_numpy()
    elif corpus is not None and len(corpus.sentences):
        sents = corpus.sentences[["article_id", "sent_id", "start"]].rename(columns={"start": "sent_start"})
        sents = sents.assign(article_id=sents["article_id"].astype("string"),
                             sent_id=pd.to_numeric(sents["sent_id"], errors="coerce"))
        merged = keys[["article_id", "sent_id"]].reset_index().merge(sents, on=["article_id", "sent_id"], how="left")
        keys["sent_start"] = merged.set_index("index")["sent_start"].reindex(keys.index).to_numpy()
    else:
        keys["sent_start"] = np.nan
    return keys


def _resolve_sentences(df: pd.DataFrame, text_col: str | None, corpus) -> pd.Series:
    """``sent_id`` for rows that name an article and quote a sentence but
    carry no sentence id (e.g. the unknown-actors ``example``)."""
    if corpus is None or text_col is None or not len(corpus.sentences):
        return pd.Series(np.nan, index=df.index)
    sents = corpus.sentences
    by_article = {aid: [( _collapse(t), sid) for sid, t in zip(g["sent_id"], g["text"])]
                  for aid, g in sents.groupby(sents["article_id"].astype("string"), observed=True)}
    out = []
    for aid, text in zip(df["article_id"], df[text_col]):
        wanted = _collapse(text)[:80] if isinstance(text, str) else ""
        hit = next((sid for t, sid in by_article.get(str(aid), []) if wanted and (t.startswith(wanted) or wanted.startswith(t[:80]))), np.nan)
        out.append(hit)
    return pd.Series(out, index=df.index, dtype="float")


def present(df: pd.DataFrame, corpus=None, keep: list[str] | None = None) -> Presented:
    """Make ``df`` readable (see the module docstring).

    Args:
        df: a tidy table (an analysis result or a corpus table).
        corpus: the ``AnnotatedCorpus`` the rows come from; lets a row that
            carries ``article_id`` + ``start``/``end`` link to its span in the
            sentence.
        keep: internal columns to show anyway.

    Returns:
        :class:`Presented`.
    """
    df = df.reset_index(drop=True)
    if "example_article_id" in df.columns and "article_id" not in df.columns:
        df = df.assign(article_id=df["example_article_id"])
    keep = set(keep or [])
    visible = [c for c in df.columns if c in keep or not _hidden(c)]
    text_cols = [c for c in visible if c in TEXT_COLUMNS]
    visible = [c for c in visible if c not in text_cols] + text_cols
    out, columns = {}, []
    for name in visible:
        series = df[name]
        spec: dict = {"label": label(name)}
        if pd.api.types.is_bool_dtype(series):
            values, spec["type"] = _as_text(series), "text"
        elif _is_dates(series):
            values, spec["type"] = _dates(series), "date"
        elif pd.api.types.is_numeric_dtype(series):
            numbers = pd.to_numeric(series, errors="coerce").astype("float")
            spec.update(_number_spec(str(name), numbers))
            if spec["type"] == "int":
                values = pd.Series(np.array([None if pd.isna(v) else int(round(v)) for v in numbers], dtype=object),
                                   index=numbers.index, dtype=object)
            else:
                values = numbers.round(6).astype(object).where(np.isfinite(numbers.fillna(np.nan)), None)
        else:
            values, spec["type"] = _as_text(series), "text"
            if name in TEXT_COLUMNS:
                spec["wide"] = True
            else:  # category codes read as words: "at_least" -> "at least"
                values = values.map(lambda v: v.replace("_", " ") if isinstance(v, str) and _CODE.match(v) else v)
        out[spec["label"]] = values.to_numpy()
        columns.append(spec)
    frame = pd.DataFrame(out, index=df.index)
    # disambiguate two columns that read the same
    if frame.columns.duplicated().any():
        labels = [f"{c['label']} ({name})" if [s["label"] for s in columns].count(c["label"]) > 1 else c["label"]
                  for c, name in zip(columns, visible)]
        frame.columns = labels
        for c, lab in zip(columns, labels):
            c["label"] = lab
    facets = 0
    for c in columns:
        if c["type"] == "text" and not c.get("wide") and facets < MAX_FACETS:
            n = frame[c["label"]].nunique(dropna=True)
            if 2 <= n <= MAX_FACET_VALUES and len(frame) > n:
                c["facet"] = True
                facets += 1
    links = None
    if "article_id" in df.columns and len(df):
        if "sent_id" not in df.columns:
            df = df.assign(sent_id=_resolve_sentences(df, text_cols[0] if text_cols else None, corpus))
        keys = _sentence_offsets(df, corpus)
        links = []
        for aid, sid, s, e, s0 in keys[["article_id", "sent_id", "start", "end", "sent_start"]].itertuples(index=False):
            if aid is pd.NA or aid is None:
                links.append(None)
                continue
            sid = None if pd.isna(sid) else int(sid)
            if sid is not None and not pd.isna(s) and not pd.isna(e) and not pd.isna(s0):
                links.append([str(aid), sid, int(s - s0), int(e - s0)])
            else:
                links.append([str(aid), sid, None, None])
    return Presented(frame, columns, links, visible)


# --------------------------------------------------------------------- budget
_budget = {"left": None}


def reset_budget(megabytes: float | None = None) -> None:
    """Start a page's data budget (``report.setup()`` calls it)."""
    if megabytes is None:
        megabytes = float(os.environ.get("TOOLKIT_REPORT_MAX_MB", DEFAULT_BUDGET_MB))
    _budget["left"] = int(megabytes * 1_000_000)


def spend(nbytes: int) -> None:
    """Count ``nbytes`` of page data (a table's rows, the article store)
    against the page's budget."""
    if _budget["left"] is None:
        reset_budget()
    _budget["left"] -= nbytes


def budget_left() -> int:
    if _budget["left"] is None:
        reset_budget()
    return _budget["left"]


# ---------------------------------------------------------------------- HTML
EXPORT_HINT = "python -m toolkit export CORPUS_DIR --format xlsx --out tables.xlsx"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:60] or "table"


@dataclass
class Table:
    """A report table: displays as the client-side table (``_repr_html_``);
    ``frame`` is the readable DataFrame."""

    presented: Presented
    title: str
    note: str | None = None
    total_rows: int = 0
    left_out: int = 0
    marker: str = ""

    @property
    def frame(self) -> pd.DataFrame:
        return self.presented.frame

    def spec(self, rows: int | None = None) -> dict:
        p = self.presented
        rows = len(p.frame) if rows is None else rows
        data = p.frame.head(rows).astype(object).where(p.frame.head(rows).notna(), None).to_numpy().tolist()
        return {"title": self.title, "file": _slug(self.title), "columns": p.columns, "rows": data,
                "links": p.links[:rows] if p.links else None, "page_size": PAGE_SIZE}

    def _repr_html_(self) -> str:
        from toolkit.report.altair_offline import script_json

        spec = self.spec()
        payload = script_json(spec)
        if len(payload) > budget_left() and len(self.frame) > 0:
            per_row = max(1, len(payload) // max(1, len(self.frame)))
            keep = max(0, min(len(self.frame), budget_left() // per_row - 1))
            self.left_out = len(self.frame) - keep
            spec = self.spec(keep)
            payload = script_json(spec)
        spend(len(payload))
        p = self.presented
        shown = p.frame.head(STATIC_ROWS)
        static = shown.astype(object).where(shown.notna(), "").to_html(
            index=False, escape=True, border=0, classes=["nf-static", "newsframe-table"])
        parts = [f'<div class="nf-table-container"{self.marker}>',
                 f'<h4 class="nf-heading">{html.escape(self.title)}</h4>']
        if self.note:
            parts.append(f'<p class="nf-explain">{html.escape(self.note)}</p>')
        n = len(p.frame)
        parts.append(f'<p class="nf-count">{n:,} rows' + (f' · {len(p.columns)} columns' if n else "") + "</p>")
        if self.left_out:
            parts.append(f'<p class="nf-left-out">This report carries the first {n - self.left_out:,} of {n:,} rows '
                         f"(its size budget); every row: <code>{html.escape(EXPORT_HINT)}</code></p>")
        parts.append(static)
        parts.append(f'<script type="application/json" class="nf-table-data">{payload}</script>')
        parts.append("</div>")
        parts.append('<script type="text/javascript">(function(){var run=function(){window.NF.boot();};'
                     'if(window.NF&&window.NF.boot){run();}else{(window.__newsframeQueue=window.__newsframeQueue||[]).push(run);}'
                     "})();</script>")
        return "\n".join(parts)


def interactive_table(df: pd.DataFrame, title: str, note: str | None = None, corpus=None,
                      keep: list[str] | None = None, max_rows: int | None = None) -> Table:
    """``df`` as a report table with a heading and a one-line explanation.

    Args:
        df: the tidy table, every row.
        title: the heading.
        note: one line saying what a row is and how to read it.
        corpus: lets rows link to their article (see :func:`present`).
        keep: internal columns to show anyway.
        max_rows: carry at most this many rows (``None``: all, within the
            page's budget).
    """
    total = len(df)
    if max_rows is not None:
        df = df.head(max_rows)
    table = Table(present(df, corpus=corpus, keep=keep), title, note, total_rows=total)
    return table
