"""Review status in words and numbers, for reports and the command line.

``review_status(corpus, "claims")`` -> "38 of 52 figures reviewed, 4 corrected,
2 added, 3 rejected"; :func:`reviewed_only` limits a corpus to reviewed rows
(the summary "on reviewed figures only"); :func:`corrections_summary` is what
``python -m toolkit annotate`` prints about the corrections file, orphans
first, each with its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from toolkit.review.ids import ID_TABLES

#: what a report calls the rows of each table
NOUNS = {"claims": "figures", "quotes": "quotes", "mentions": "mentions", "dates": "dates", "framing": "framing signals"}
REVIEWED = ("accepted", "edited", "added")


@dataclass(frozen=True)
class ReviewStatus:
    table: str
    rows: int       # rows in the table now (rejected ones are gone)
    reviewed: int   # accepted + edited + added
    corrected: int  # edited
    added: int
    rejected: int

    def __str__(self) -> str:
        noun = NOUNS.get(self.table, "rows")
        text = f"{self.reviewed} of {self.rows} {noun} reviewed, {self.corrected} corrected"
        if self.added:
            text += f", {self.added} added"
        if self.rejected:
            text += f", {self.rejected} rejected"
        return text


def review_status(corpus, table: str = "claims") -> ReviewStatus:
    """How far the review of ``table`` has got (``str()`` it for the sentence)."""
    review = getattr(corpus, table)["review"].astype("string").fillna("none")
    rejected = corpus.rejected
    n_rejected = int((rejected["table"].astype("string") == table).sum()) if len(rejected) else 0
    return ReviewStatus(table, int(len(review)), int(review.isin(REVIEWED).sum()), int((review == "edited").sum()),
                        int((review == "added").sum()), n_rejected)


def reviewed_only(corpus, tables=("claims", "quotes")):
    """The corpus with ``tables`` limited to reviewed rows (accepted, edited,
    added); other tables and the articles are unchanged."""
    out = replace(corpus, meta={**corpus.meta, "reviewed_only": list(tables)})
    for name in tables:
        df = getattr(corpus, name)
        setattr(out, name, df[df["review"].astype("string").isin(REVIEWED)].reset_index(drop=True))
    return out


def corrections_summary(corpus, max_orphans: int = 20) -> list[str]:
    """Lines for the command line's summary: the file, counts by status,
    review progress per table, then every orphan and invalid line (orphans
    with the sentence they stood on)."""
    info = (corpus.meta or {}).get("corrections")
    if not info:
        path = (corpus.meta or {}).get("corrections_path")
        return [f"corrections: none ({path} does not exist)"] if path else []
    if info.get("error"):
        return [f"corrections: NOT APPLIED: {info['error']}"]
    counts = "  ".join(f"{k}: {info[k]}" for k in ("applied", "superseded", "orphan", "invalid") if info.get(k))
    lines = [f"\ncorrections: {info.get('lines', 0)} lines from {info.get('path')}  {counts}"]
    for table in ID_TABLES:
        status = review_status(corpus, table)
        if status.reviewed or status.rejected:
            lines.append(f"  {table}: {status}")
    table = corpus.corrections
    problems = table[table["status"].astype("string").isin(["orphan", "invalid"])]
    problems = problems.astype(object).where(problems.notna(), None)
    for rec in problems.head(max_orphans).itertuples(index=False):
        where = " ".join(str(v) for v in (rec.table, rec.row_id) if v)
        lines.append(f"  {str(rec.status).upper()} line {rec.line}: {rec.action or ''} {where}: {rec.message}")
        if rec.status == "orphan":
            sentence = rec.sentence if rec.sentence else "(the file does not give it)"
            lines.append(f"      sentence: {_short(sentence)}")
    if len(problems) > max_orphans:
        lines.append(f"  … {len(problems) - max_orphans} more: see corpus.corrections")
    return lines


def _short(text: str, width: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def review_frame(corpus) -> pd.DataFrame:
    """One row per reviewable table: rows, reviewed, corrected, added, rejected."""
    return pd.DataFrame([vars(review_status(corpus, t)) for t in ID_TABLES])


def reviewed_rows(corpus, table: str = "claims") -> pd.DataFrame:
    """The rows an analyst reviewed, for a report: outlet, the row's text,
    its review status, what the machine had (for edits), reviewer and note,
    and the sentence; rejected rows included (status ``rejected``)."""
    import json

    df = getattr(corpus, table)
    text_column = {"claims": "surface", "quotes": "text"}.get(table, "surface")
    rows = df[df["review"].astype("string").isin(REVIEWED)]
    lines = corpus.corrections
    applied = lines[(lines["status"].astype("string") == "applied") & (lines["table"] == table)] if len(lines) else lines
    out = []
    for r in rows.to_dict("records"):
        mine = applied[applied["row_id"] == r["row_id"]] if len(applied) else applied
        edits = mine[mine["action"] == "edit"] if len(mine) else mine
        was = {}
        for m in (edits["machine_value"].dropna() if len(edits) else []):
            was.update(json.loads(m))
        now = {k: r.get(k) for k in was}
        last = mine.iloc[-1] if len(mine) else None
        out.append({
            "article_id": r["article_id"], "sent_id": r["sent_id"], "row_id": r["row_id"], text_column: r.get(text_column),
            "review": r["review"],
            "changed": "; ".join(f"{k}: {_show(was[k])} → {_show(now[k])}" for k in was
                                 if _show(was[k]) != _show(now[k])) or None,
            "reviewer": None if last is None else last["reviewer"], "note": None if last is None else last["note"],
        })
    for r in corpus.rejected[corpus.rejected["table"].astype("string") == table].to_dict("records") if len(corpus.rejected) else []:
        out.append({"article_id": r["article_id"], "sent_id": r["sent_id"], "row_id": r["row_id"], text_column: r["text"],
                    "review": "rejected", "changed": None, "reviewer": r["reviewer"], "note": r["note"]})
    frame = pd.DataFrame(out, columns=["article_id", "sent_id", "row_id", text_column, "review", "changed", "reviewer", "note"])
    if frame.empty:
        return frame.assign(outlet=pd.Series(dtype="string"), sentence=pd.Series(dtype="string"))
    arts = corpus.articles[["article_id", "outlet"]].astype({"outlet": "string"})
    sents = corpus.sentences[["article_id", "sent_id", "text"]].rename(columns={"text": "sentence"})
    frame = frame.merge(arts, on="article_id", how="left").merge(sents, on=["article_id", "sent_id"], how="left")
    return frame[["outlet", text_column, "review", "changed", "reviewer", "note", "sentence", "row_id"]]


def status_html(corpus, tables=("claims", "quotes"), reviewed_only: bool = False) -> str:
    """One escaped paragraph for the top of a report: review progress per
    table, whether the summary is limited to reviewed rows, the corrections
    file and its orphans."""
    import html

    parts = [str(review_status(corpus, t)) for t in tables]
    meta = corpus.meta or {}
    info = meta.get("corrections") or {}
    text = "Review: " + "; ".join(parts) + "."
    if reviewed_only or meta.get("reviewed_only"):
        text += " Below: reviewed rows only."
    if info.get("orphan"):
        text += (f" {info['orphan']} correction(s) no longer find their row (the text changed): see the claims "
                 "report's corrections that no longer apply.")
    if info.get("invalid"):
        text += f" {info['invalid']} line(s) of the corrections file are invalid."
    if not info:
        text += " No corrections file applied."
    return f'<p class="newsframe-review-status">{html.escape(text)}</p>'


def _show(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    return str(value)


class ReviewNote:
    """:func:`status_html` as a notebook output (escaped HTML)."""

    def __init__(self, corpus, tables=("claims", "quotes"), reviewed_only: bool = False):
        self.html = status_html(corpus, tables, reviewed_only)

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        import html
        import re

        return html.unescape(re.sub(r"<[^>]+>", "", self.html))


def review_note(corpus, tables=("claims", "quotes"), reviewed_only: bool = False) -> ReviewNote:
    """The review status line for the top of a report (``reviewed_only``: say
    that the rows below are limited to reviewed ones)."""
    return ReviewNote(corpus, tables, reviewed_only)


def problems(corpus) -> pd.DataFrame:
    """Corrections that did not apply: orphans (with the sentence they stood
    on) and invalid lines, with the reason."""
    c = corpus.corrections
    bad = c[c["status"].astype("string").isin(["orphan", "invalid"])] if len(c) else c
    return bad[["line", "status", "table", "action", "field", "value", "message", "sentence"]].reset_index(drop=True)
