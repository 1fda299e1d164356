"""Readers for each input format: a file in, records (one per article) or
skips (with a reason) out. A reader never raises on bad input.

* ``.txt``/``.md``: one article; the cleaner takes the first line as the
  headline when it looks like one.
* ``.html``/``.htm``: main text and metadata extracted with trafilatura
  (Barbaresi 2021, ACL demo; Apache-2.0), offline. ``raw_text`` is then
  trafilatura's text: offsets map back to it, not to the markup.
* ``.json``: one object (one article), a list of objects, or an object holding
  such a list under ``articles``/``data``/``items``/``results``/``docs``;
  ``.jsonl``/``.ndjson``: one object per line.
* ``.csv``/``.tsv``: one article per row, columns matched by name.

Field names are matched case- and punctuation-insensitively ("Article Url" ->
``article_url``) against :data:`DEFAULT_FIELDS`; ``fields={"text": "Body"}``
overrides. Rows are numbered from 0 (``<stem>:<row>``; for JSONL, the line).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.loading.decode import NotText, decode

DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "article", "articles", "content", "full_text", "article_text", "story", "maintext"),
    "title": ("title", "headline", "headlines", "heading", "header"),
    "published": ("published", "published_at", "publish_date", "pub_date", "date_published", "date_formatted",
                  "date", "datetime", "timestamp", "created_at"),
    "outlet": ("outlet", "source", "publisher", "site", "site_name", "sitename", "publication", "newspaper"),
    "author": ("author", "authors", "byline", "writer"),
    "url": ("url", "link", "article_url", "href", "uri", "web_url"),
}
LIST_KEYS = ("articles", "data", "items", "results", "docs", "documents", "records")
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".json", ".jsonl", ".ndjson", ".csv", ".tsv"}
#: documentation files that sit in corpus folders (bbc/README.TXT)
NOT_ARTICLES = {"readme", "license", "licence", "copying", "changelog", "notice", "authors", "citation"}
#: CSV cells hold whole articles; the stdlib default (128 KiB) is too small
csv.field_size_limit(2**31 - 1)


def printable(text: str | None) -> str | None:
    """``text`` with undecodable bytes of a file name (which Python keeps as
    lone surrogates, ``b"\\xff"`` -> ``"\\udcff"``) written as ``\\xff``:
    such strings cannot be encoded as UTF-8, so Parquet, JSON and the
    terminal would all fail on them."""
    if text is None or text.isascii():
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass
class Record:
    """One article as read, before cleaning."""

    path: str
    article_id: str
    raw_text: str
    fields: dict[str, str] = field(default_factory=dict)  # title/published/outlet/author/url
    encoding: str | None = None
    detect_headline: bool = False
    from_rows: bool = False  # one of several articles in the file (outlet may come from the file name)
    note: str = ""  # for the load report (e.g. "part 2 of 3" of a split long text)

    def __post_init__(self) -> None:
        self.path, self.article_id = printable(self.path), printable(self.article_id)


@dataclass
class Skip:
    """An input that yields no article, and why."""

    path: str
    article_id: str | None
    reason: str
    encoding: str | None = None
    status: str = "skipped"

    def __post_init__(self) -> None:
        self.path, self.article_id, self.reason = printable(self.path), printable(self.article_id), printable(self.reason)


Result = Record | Skip


def read_file(path: Path, article_id: str, *, fields: Mapping[str, str | Sequence[str]] | None = None,
              max_bytes: int) -> list[Result]:
    """Read one file into records/skips; ``article_id`` is its id (rows get ``:<n>``)."""
    name = str(path)
    suffix = path.suffix.casefold()
    if path.stem.casefold() in NOT_ARTICLES:
        return [Skip(name, article_id, f"{path.stem} file (documentation, not an article)")]
    if suffix not in SUFFIXES:
        return [Skip(name, article_id, f"unsupported file type {suffix or '(no extension)'}")]
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return [Skip(name, article_id, f"file too large: {size} bytes (limit {max_bytes})")]
        data = path.read_bytes()
    except OSError as exc:
        return [Skip(name, article_id, f"cannot read: {exc.strerror or exc}")]
    if not data.strip():
        return [Skip(name, article_id, "empty file")]
    try:
        text, encoding = decode(data)
    except NotText as exc:
        return [Skip(name, article_id, str(exc))]
    mapping = field_map(fields)
    try:
        if suffix in TEXT_SUFFIXES:
            return [Record(name, article_id, text, {}, encoding, detect_headline=True)]
        if suffix in HTML_SUFFIXES:
            return [read_html(name, article_id, text, encoding)]
        if suffix == ".json":
            return read_json(name, article_id, text, encoding, mapping)
        if suffix in {".jsonl", ".ndjson"}:
            return read_jsonl(name, article_id, text, encoding, mapping)
        return read_csv(name, article_id, text, encoding, mapping, delimiter="\t" if suffix == ".tsv" else ",")
    except (RecursionError, MemoryError) as exc:
        return [Skip(name, article_id, f"structure too deeply nested or too large to read ({type(exc).__name__})",
                     encoding)]
    except Exception as exc:  # a reader bug must cost one file, never the run
        return [Skip(name, article_id, f"reader failed: {type(exc).__name__}: {exc}", encoding)]


# -- HTML ----------------------------------------------------------------------

def read_html(path: str, article_id: str, html: str, encoding: str) -> Result:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # lxml/trafilatura raise assorted errors on broken markup
        return Skip(path, article_id, f"HTML extraction failed: {type(exc).__name__}", encoding)
    data = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    text = data.get("text") or ""
    if not text.strip():
        return Skip(path, article_id, "no main text found in HTML", encoding)
    meta = {"title": data.get("title"), "published": data.get("date"), "author": data.get("author"),
            "url": data.get("url"), "outlet": data.get("sitename")}
    return Record(path, article_id, text, {k: str(v) for k, v in meta.items() if v}, encoding)


# -- JSON / JSONL ---------------------------------------------------------------

def read_json(path: str, article_id: str, text: str, encoding: str, mapping: dict) -> list[Result]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        return [Skip(path, article_id, f"invalid JSON: {exc}", encoding)]
    except RecursionError:
        return [Skip(path, article_id, "JSON nested too deeply to read (RecursionError)", encoding)]
    if isinstance(data, dict):
        rows = next((data[k] for k in LIST_KEYS if isinstance(data.get(k), list)), None)
        if rows is None:
            return [_row_record(path, article_id, data, encoding, mapping, from_rows=False)]
        data = rows
    if not isinstance(data, list):
        return [Skip(path, article_id, f"JSON holds a {type(data).__name__}, not articles", encoding)]
    if not data:
        return [Skip(path, article_id, "JSON holds no articles", encoding)]
    return [_row_record(path, f"{article_id}:{i}", row, encoding, mapping) for i, row in enumerate(data)]


def read_jsonl(path: str, article_id: str, text: str, encoding: str, mapping: dict) -> list[Result]:
    """One record per line. Lines end at ``\\n`` only (JSON Lines): a record
    may hold U+2028, U+2029 or U+0085 inside a string, which
    ``str.splitlines`` would take for line ends; a ``\\r`` before the ``\\n``
    is JSON whitespace and harmless."""
    out: list[Result] = []
    for i, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        rid = f"{article_id}:{i}"
        try:
            row = json.loads(line)
        except ValueError as exc:
            out.append(Skip(path, rid, f"invalid JSON on line {i + 1}: {exc}", encoding))
            continue
        except RecursionError:
            out.append(Skip(path, rid, f"JSON on line {i + 1} nested too deeply to read (RecursionError)", encoding))
            continue
        out.append(_row_record(path, rid, row, encoding, mapping))
    return out or [Skip(path, article_id, "no JSON lines", encoding)]


# -- CSV ---------------------------------------------------------------------

def read_csv(path: str, article_id: str, text: str, encoding: str, mapping: dict, delimiter: str = ",") -> list[Result]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (csv.Error, StopIteration) as exc:
        return [Skip(path, article_id, f"unreadable CSV header: {exc}", encoding)]
    keys = [normalise_key(h) for h in header]
    if _find(keys, mapping["text"]) is None:
        return [Skip(path, article_id, f"no text column among {header[:12]} (pass fields={{'text': ...}})", encoding)]
    # a repeated column name ("text,text") would let the last cell overwrite
    # the first without a word: the first is used, and every row says so
    first_of: dict[str, int] = {}
    repeats = []
    for col, key in enumerate(keys):
        if key in first_of:
            repeats.append(f"{header[col]!r} (column {col + 1} repeats column {first_of[key] + 1})")
        else:
            first_of[key] = col
    note = f"CSV header repeats {', '.join(repeats)}: the first of each is used, the others ignored" if repeats else ""
    used_columns = sorted(first_of.values())
    out: list[Result] = []
    i = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # e.g. NUL byte, unterminated quote at EOF
            out.append(Skip(path, f"{article_id}:{i}", f"malformed CSV row: {exc}", encoding))
            i += 1
            continue
        if not row or not any(cell.strip() for cell in row):
            continue
        rid = f"{article_id}:{i}"
        i += 1
        if len(row) != len(header):
            out.append(Skip(path, rid, f"malformed CSV row: {len(row)} fields, header has {len(header)}", encoding))
            continue
        result = _row_record(path, rid, {header[c]: row[c] for c in used_columns}, encoding, mapping)
        if note:
            if isinstance(result, Skip):
                result.reason = f"{result.reason}; {note}"
            else:
                result.note = note
        out.append(result)
    return out or [Skip(path, article_id, "CSV has a header but no rows" + (f"; {note}" if note else ""), encoding)]


# -- fields --------------------------------------------------------------------

def normalise_key(key: object) -> str:
    return re.sub(r"[^0-9a-z]+", "_", str(key).casefold()).strip("_")


def field_map(fields: Mapping[str, str | Sequence[str]] | None) -> dict[str, tuple[str, ...]]:
    """Candidate source keys per field: the caller's first, then the defaults."""
    out = dict(DEFAULT_FIELDS)
    for target, source in (fields or {}).items():
        names = (source,) if isinstance(source, str) else tuple(source)
        out[target] = tuple(normalise_key(n) for n in names)
    return out


def _find(keys: Sequence[str], candidates: Sequence[str]) -> int | None:
    for c in candidates:
        if c in keys:
            return keys.index(c)
    return None


def _row_record(path: str, rid: str, row: object, encoding: str, mapping: dict, from_rows: bool = True) -> Result:
    if not isinstance(row, dict):
        return Skip(path, rid, f"row is a {type(row).__name__}, not an object", encoding)
    by_key = {normalise_key(k): v for k, v in row.items()}
    values = {}
    try:
        for target, candidates in mapping.items():
            for c in candidates:
                v = _as_text(by_key.get(c))
                if v:
                    values[target] = v
                    break
    except RecursionError:
        return Skip(path, rid, "row's fields are nested too deeply to read (RecursionError)", encoding)
    text = values.pop("text", "")
    if not text.strip():
        return Skip(path, rid, "row has no text", encoding)
    return Record(path, rid, text, values, encoding, from_rows=from_rows)


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = [_as_text(v) for v in value]
        return "\n\n".join(p for p in parts if p) if any(len(p) > 80 for p in parts) else ", ".join(p for p in parts if p)
    if isinstance(value, dict):
        return _as_text(value.get("name") or value.get("text") or "")
    if isinstance(value, float) and value != value:  # NaN
        return ""
    return str(value)
