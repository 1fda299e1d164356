"""Article metadata: the ``metadata.csv`` sidecar, and what can be inferred
from the text when the sidecar and the record say nothing.

Inference is deliberately conservative (an analyst filters by outlet and
date, so a wrong guess is worse than ``unknown``):

* publication date, in order: a ``date YYYY-MM-DD`` header line, a byline or
  date stamp removed by the cleaner, a dateline opening the body ("KYIV, June
  27, 2025 (Reuters) —"); a full date (day, month, year) on one line in each
  case; marked ``published_inferred=True``. Any other date in the text is
  left alone: near the top it is as often the event as the publication;
* outlet, in order: the article URL's domain (``data/outlets.yaml``), the
  name of a multi-article file when it is a listed alias ("NYT_Russia_Ukraine.csv"),
  then self-references only the outlet's own pages carry (its social handle,
  its related-story card credit); otherwise ``unknown``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit


from toolkit.datafiles import load_yaml

from toolkit.loading.cleaning import Cleaned, byline_author
from toolkit.loading.datetext import DATELINE, find_full_date, parse_date

SIDECAR_NAME = "metadata.csv"
#: sidecar columns with a meaning; any other column is kept as an extra
SIDECAR_FIELDS = ("file", "outlet", "title", "published", "author", "url")
FILE_COLUMNS = ("file", "filename", "path", "file_name")
OUTLETS_PATH = Path(__file__).parent / "data" / "outlets.yaml"
#: how far into the clean text a dateline may run
HEADER_CHARS = 200
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Outlets:
    by_domain: dict[str, str]
    by_alias: dict[str, str]
    signatures: tuple[tuple[str, re.Pattern], ...]


@functools.lru_cache(maxsize=4)
def load_outlets(path: str | None = None) -> Outlets:
    data = load_yaml(Path(path or OUTLETS_PATH).read_text(encoding="utf-8"))
    by_domain, by_alias, sigs = {}, {}, []
    for entry in data["outlets"]:
        name = entry["name"]
        by_alias[name.casefold()] = name
        for d in entry.get("domains", []):
            by_domain[d.casefold()] = name
        for a in entry.get("aliases", []):
            by_alias[a.casefold()] = name
        sigs += [(name, re.compile(p)) for p in entry.get("signatures", [])]
    return Outlets(by_domain, by_alias, tuple(sigs))


# -- sidecar -------------------------------------------------------------------

def is_sidecar(columns: list[str]) -> bool:
    """A CSV is a metadata sidecar (not a corpus) when it names files."""
    return any(c.strip().casefold() in FILE_COLUMNS for c in columns)


def read_sidecar(path: str | Path) -> dict[str, dict]:
    """Rows of a sidecar keyed by file name (as written in its ``file`` column).

    Values are strings (empty cells dropped); column names are lower-cased.
    Raises ``ValueError`` when the file has no file column.
    """
    return sidecar_rows(read_sidecar_frame(path))


def read_sidecar_frame(path: str | Path):
    """A sidecar CSV as strings, decoded like the articles (a spreadsheet may
    save it as cp1252)."""
    import io

    import pandas as pd

    from toolkit.loading.decode import decode

    text, _ = decode(Path(path).read_bytes())
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def sidecar_rows(df) -> dict[str, dict]:
    """Rows keyed by their file column (see :func:`sidecar_rows_checked`)."""
    return sidecar_rows_checked(df)[0]


def sidecar_rows_checked(df) -> tuple[dict[str, dict], list[tuple[str | None, str, str]]]:
    """Rows keyed by their file column, and the rows that were not used as
    ``(key, reason, status)``: a row without a file name, or naming a file an
    earlier row already named (the first row is used)."""
    columns = {c: c.strip().casefold() for c in df.columns}
    file_col = next((c for c, low in columns.items() if low in FILE_COLUMNS), None)
    if file_col is None:
        raise ValueError(f"metadata has no file column (one of {', '.join(FILE_COLUMNS)})")
    rows: dict[str, dict] = {}
    line_of: dict[str, int] = {}
    problems: list[tuple[str | None, str, str]] = []
    for n, record in enumerate(df.astype(object).to_dict("records")):
        line = n + 2  # the header is line 1
        key = str(record.pop(file_col) or "").strip()
        if not key or key.lower() == "nan":
            if any(str(v).strip() for v in record.values() if v is not None):
                problems.append((None, f"metadata row on line {line} names no file (ignored)", "skipped"))
            continue
        if key in rows:
            problems.append((key, f"metadata row on line {line} names {key!r} again (line {line_of[key]} is used)",
                             "duplicate"))
            continue
        line_of[key] = line
        rows[key] = {columns[c]: str(v).strip() for c, v in record.items()
                     if v is not None and str(v).strip() and str(v).strip().lower() != "nan"}
    return rows, problems


# -- inference -------------------------------------------------------------------

def infer_published(raw: str, cleaned: Cleaned) -> tuple[dt.date, str] | None:
    """(date, basis) from the text, or None (see the module docstring)."""
    for r in cleaned.removed_by("date_header"):
        m = re.search(r"\d{4}-\d{2}-\d{2}", r.text)
        if m and (d := parse_date(m.group())):
            return d, "date header line"
    for r in cleaned.removed_by("byline", "date_line"):
        if found := find_full_date(r.text):
            return found[0], f"{r.rule} ({r.text.strip()[:60]})"
    # a full date elsewhere near the top is too often the event ("vanished on 1 February 1995"):
    # only a dateline that opens the body counts
    if (m := DATELINE.match(cleaned.text[:HEADER_CHARS])) and (d := parse_date(m.group("date"))):
        return d, f"dateline ({m.group().strip()[:60]})"
    return None


def infer_author(cleaned: Cleaned) -> str | None:
    for r in cleaned.removed_by("byline", "tail:author_box"):
        if author := byline_author(r.text):
            return author
    return None


def outlet_from_url(url: str | None, outlets: Outlets | None = None) -> str | None:
    """The outlet a URL's host belongs to; the bare host when not listed."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").casefold()
    except ValueError:
        return None
    host = host.removeprefix("www.")
    if not host or "." not in host:
        return None
    outlets = outlets or load_outlets()
    parts = host.split(".")
    for i in range(len(parts) - 1):  # news.bbc.co.uk -> bbc.co.uk
        if (name := outlets.by_domain.get(".".join(parts[i:]))) is not None:
            return name
    return host


def outlet_from_alias(value: str | None, outlets: Outlets | None = None) -> str | None:
    """Canonical outlet for a free-text source field or a file stem
    ("NYT_Russia_Ukraine" -> "The New York Times"), or None when not listed."""
    if not value:
        return None
    outlets = outlets or load_outlets()
    low = value.strip().casefold()
    if low in outlets.by_alias:
        return outlets.by_alias[low]
    first = re.split(r"[_\-\s.]+", low)[0]
    return outlets.by_alias.get(first)


def outlet_from_text(raw: str, outlets: Outlets | None = None) -> str | None:
    """The one outlet whose signatures appear in ``raw``; None if none or several."""
    outlets = outlets or load_outlets()
    found = {name for name, pattern in outlets.signatures if pattern.search(raw)}
    return found.pop() if len(found) == 1 else None


def outlet_from_file_name(stem: str, outlets: Outlets | None = None) -> str | None:
    """Outlet of a multi-article file named after it ("Guardians_Russia_Ukraine"
    -> "The Guardian"), when the name matches a listed alias; otherwise None
    ("X_train.json" says nothing about an outlet)."""
    return outlet_from_alias(stem, outlets)
