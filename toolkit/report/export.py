"""Every table of an annotated corpus, every row, as CSV, XLSX or Parquet:
what ``python -m toolkit export DIR --format csv|xlsx|parquet --out PATH``
writes, and what a report points to when it left rows out.

By default each table reads as in the reports (:func:`toolkit.report.tables.present`:
plain column names, dates without times, lists joined), with the outlet,
publication date, title and sentence of each row, and with ``article_id`` and
``sent_id`` kept so rows can be joined and traced back. ``raw=True`` writes
the tables as stored.

Spreadsheet safety: a text cell that starts with ``=``, ``+``, ``-``, ``@``
(or a tab / carriage return) is what Excel and LibreOffice run as a formula;
in CSV and XLSX it gets a leading apostrophe, so it shows as the text it is.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pandas as pd

FORMATS = ("csv", "xlsx", "parquet")
#: evidence tables: one row per span of text
EVIDENCE_TABLES = ("mentions", "quotes", "claims", "dates", "framing")
#: Excel's limits
XLSX_MAX_ROWS, XLSX_MAX_CHARS = 1_048_575, 32_767
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralise(value):
    """A cell value a spreadsheet will show, never run: text starting like
    a formula gets a leading apostrophe; other values pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = pd.Series([neutralise(v) for v in out[col]], index=out.index, dtype=object)
    return out


def readable_tables(corpus) -> dict[str, pd.DataFrame]:
    """The corpus tables as the reports show them (see the module docstring)."""
    from toolkit.report.tables import present

    tables: dict[str, pd.DataFrame] = {}
    arts = corpus.articles.drop(columns=[c for c in ("raw_text", "text") if c in corpus.articles.columns])
    tables["articles"] = present(arts, keep=["article_id"]).frame
    tables["load_report"] = present(corpus.load_report, keep=["article_id", "path"]).frame
    sents = corpus.sentences[["article_id", "sent_id", "text"]].rename(columns={"text": "sentence"})
    for name in EVIDENCE_TABLES:
        df = corpus.with_outlet(name)
        if "text" in df.columns and name != "quotes":
            df = df.drop(columns=["text"])
        df = df.merge(sents, on=["article_id", "sent_id"], how="left")
        tables[name] = present(df, keep=["article_id", "sent_id"]).frame
    return tables


def _atomic_dir(out: Path):
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))


def _replace_dir(tmp: Path, out: Path) -> None:
    if out.exists():
        if not out.is_dir():
            raise FileExistsError(f"{out} exists and is not a directory")
        old = out.with_name(f".{out.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(out, old)
        os.replace(tmp, out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(tmp, out)


def export(corpus_dir: str | os.PathLike, fmt: str, out: str | os.PathLike, raw: bool = False,
           tables: list[str] | None = None) -> list[Path]:
    """Write the tables of the annotated corpus at ``corpus_dir``.

    Args:
        corpus_dir: an annotated corpus (``python -m toolkit annotate ... --out DIR``).
        fmt: ``csv`` (a folder with one file per table), ``xlsx`` (one workbook,
            a sheet per table) or ``parquet`` (a folder, one file per table).
        out: the folder or workbook to write (replaced atomically).
        raw: the tables as stored, not as the reports show them.
        tables: only these tables.

    Returns:
        The paths written.
    """
    from toolkit.corpus import AnnotatedCorpus

    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    corpus = AnnotatedCorpus.open(corpus_dir)
    frames = dict(corpus.tables()) if raw else readable_tables(corpus)
    if tables:
        unknown = sorted(set(tables) - set(frames))
        if unknown:
            raise ValueError(f"no table {', '.join(unknown)}; tables: {', '.join(frames)}")
        frames = {k: v for k, v in frames.items() if k in tables}
    out = Path(out)
    if fmt == "xlsx":
        return [_write_xlsx(frames, out)]
    tmp = _atomic_dir(out)
    try:
        for name, df in frames.items():
            if fmt == "csv":
                neutralise_frame(df).to_csv(tmp / f"{name}.csv", index=False, encoding="utf-8-sig")
            else:
                df.to_parquet(tmp / f"{name}.parquet", index=False)
        _replace_dir(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return sorted(out.iterdir())


def _xlsx_cell(value):
    value = neutralise(value)
    if isinstance(value, str):
        value = _ILLEGAL_XML.sub("", value)
        if len(value) > XLSX_MAX_CHARS:
            value = value[: XLSX_MAX_CHARS - 1] + "…"
    return value


def _missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array cell
        return False


def _write_xlsx(frames: dict[str, pd.DataFrame], out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".xlsx", dir=out.parent)
    os.close(fd)
    try:
        notes = []
        with pd.ExcelWriter(tmp_name, engine="openpyxl") as writer:
            for name, df in frames.items():
                if len(df) > XLSX_MAX_ROWS:
                    notes.append(f"{name}: first {XLSX_MAX_ROWS:,} of {len(df):,} rows (Excel's limit); "
                                 "use --format parquet or csv for every row")
                    df = df.head(XLSX_MAX_ROWS)
                df = pd.DataFrame({c: pd.Series([None if _missing(v) else _xlsx_cell(v) for v in df[c]],
                                                 index=df.index, dtype=object) for c in df.columns})
                df.to_excel(writer, sheet_name=name[:31], index=False)
                sheet = writer.sheets[name[:31]]
                sheet.freeze_panes = "A2"
            if notes:
                pd.DataFrame({"note": notes}).to_excel(writer, sheet_name="notes", index=False)
        os.replace(tmp_name, out)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return out
