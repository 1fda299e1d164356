"""Load articles from folders and files into a :class:`~toolkit.corpus.Corpus`.

```python
from toolkit.loading import load
corpus = load("data/articles")                 # .txt/.md/.html/.json/.jsonl/.csv, recursive
corpus = load(["a.csv", "b.jsonl"], fields={"text": "Body"}, outlet="Reuters")
corpus.articles                                # one row per article (schema "articles")
corpus.load_report                             # one row per input file / row: loaded, skipped, duplicate
```

Nothing is dropped silently: every file, row, sidecar and sidecar row that
does not become an article has a ``load_report`` row with the reason. The
cleaned ``text`` maps back to ``raw_text`` through ``offset_map`` (see
:mod:`toolkit.loading.offsets`).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from toolkit import schema
from toolkit.corpus import Corpus
from toolkit.loading.cleaning import Cleaned, clean
from toolkit.loading.formats import Record, Skip, read_file
from toolkit.loading.metadata import (
    UNKNOWN, infer_author, infer_published, outlet_from_alias, outlet_from_file_name, outlet_from_text,
    outlet_from_url, sidecar_rows,
)
from toolkit.loading.datetext import parse_timestamp
from toolkit.loading.offsets import OffsetMap, to_raw
from toolkit.loading.sources import InputFile, Sidecar, collect

__all__ = ["load", "clean", "Cleaned", "OffsetMap", "to_raw", "DEFAULT_MAX_BYTES"]

#: files above this size are skipped (and reported); pass max_bytes to change
DEFAULT_MAX_BYTES = 50_000_000
#: longest raw text read as one article: spaCy refuses longer texts (its
#: ``nlp.max_length``, error E088); a longer one is split into parts at
#: paragraph breaks, each loaded (and reported) as an article of its own
MAX_ARTICLE_CHARS = 1_000_000
#: extra column holding the clean -> raw offset map (JSON, see toolkit.loading.offsets)
OFFSET_MAP_COLUMN = "offset_map"
_META_FIELDS = ("outlet", "title", "published", "author", "url")


def load(
    source: str | os.PathLike | Sequence[str | os.PathLike],
    metadata: str | os.PathLike | pd.DataFrame | None = None,
    *,
    fields: Mapping[str, str | Sequence[str]] | None = None,
    outlet: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    recursive: bool = True,
    keep_duplicates: bool = False,
    drop_repeats: bool = True,
) -> Corpus:
    """Load and clean articles.

    ``source``: a folder (walked recursively), a file, or a list of them.
    ``metadata``: a sidecar CSV (or DataFrame) with a ``file`` column and any of
    ``outlet, title, published, author, url`` plus extra columns, which are
    kept; it overrides the ``metadata.csv`` found in a folder. ``file`` may
    name a file, its path, or an ``article_id``.
    ``fields``: column / key names for CSV and JSON records, e.g.
    ``{"text": "articles", "title": "headlines"}`` (defaults cover common names).
    ``outlet``: the outlet of articles whose metadata does not name one.
    ``max_bytes``: larger files are skipped. ``keep_duplicates``: load articles
    whose cleaned text repeats an earlier one (reported as loaded anyway).
    ``drop_repeats``: remove lines that recur across most of one outlet's
    articles and are not prose (see :mod:`toolkit.loading.repeats`); each
    article's load-report row lists the lines removed.
    """
    inputs = collect(source, recursive=recursive)
    explicit, explicit_problems = _explicit_metadata(metadata)
    explicit_used: set[str] = set()
    sidecars = _SidecarIndex(inputs.sidecars)
    report: list[dict] = [_report_row(s) for s in inputs.skips]
    articles: list[dict] = []
    extras: list[str] = []
    by_hash: dict[str, str] = {}
    origins: list[tuple[Record, InputFile, dict, int]] = []  # per article: what to clean it again from
    # every file's id is reserved first, so a row id of a multi-article file
    # ("x:1" of x.csv) cannot take the id of a file ("x:1.txt"), nor the reverse
    taken = {item.article_id for item in inputs.files}
    for item in inputs.files:
        for result in _split_long(read_file(item.path, item.article_id, fields=fields, max_bytes=max_bytes)):
            renamed = _unique_row_id(result, item, taken)
            if isinstance(result, Skip):
                report.append(_report_row(result))
                continue
            meta = {**sidecars.lookup(item, result.article_id), **_match(explicit, item, result.article_id, explicit_used)}
            article, note = _article(result, item, meta, outlet)
            if article is None:
                reason = "; ".join(n for n in (note, result.note, renamed) if n)
                report.append(_report_row(Skip(result.path, result.article_id, reason, result.encoding)))
                continue
            first = by_hash.get(article["content_hash"])
            if first is not None and not keep_duplicates:
                report.append(_report_row(Skip(result.path, result.article_id, f"same cleaned text as {first}",
                                               result.encoding, status="duplicate")))
                continue
            by_hash.setdefault(article["content_hash"], result.article_id)
            extras += [k for k in article if k not in schema.SCHEMAS["articles"] and k not in extras]
            articles.append(article)
            note = "; ".join(n for n in (result.note, note, renamed) if n)
            origins.append((result, item, meta, len(report)))
            report.append({"path": result.path, "article_id": result.article_id, "status": "loaded",
                           "reason": note or None, "encoding": result.encoding})
    if drop_repeats:
        articles = _drop_outlet_repeats(articles, origins, report, outlet)
    report += [_report_row(s) for s in sidecars.missing_files()]
    where = str(metadata) if not isinstance(metadata, pd.DataFrame) else "metadata (DataFrame)"
    report += [_report_row(Skip(where, key, reason, status=status)) for key, reason, status in explicit_problems]
    report += [_report_row(Skip(where, key, "metadata row matches no file, row or article id (ignored)"))
               for key in explicit if key not in explicit_used]
    return Corpus(articles=_articles_frame(articles, extras), load_report=schema.frame("load_report", report))


def _drop_outlet_repeats(articles: list[dict], origins: list, report: list[dict],
                         default_outlet: str | None) -> list[dict]:
    """Clean again, without their outlet's recurring boilerplate, the articles
    holding some (see :mod:`toolkit.loading.repeats`); note it in their rows."""
    from toolkit.loading.repeats import group_texts, recurring_boilerplate

    found = recurring_boilerplate(group_texts(articles))
    if not found:
        return articles
    out = []
    for article, (rec, item, meta, row) in zip(articles, origins):
        lines = found.get(str(article["outlet"]), {})
        present = [key for key in lines if key in {" ".join(p.casefold().split()) for p in article["text"].split("\n\n")}]
        if not present:
            out.append(article)
            continue
        again, _ = _article(rec, item, meta, default_outlet, drop=frozenset(present))
        if again is None:  # nothing but boilerplate left: keep the first pass rather than lose the article
            out.append(article)
            continue
        listed = "; ".join(f"{lines[k][0][:60]!r} ({lines[k][1]} of {lines[k][2]})" for k in present)
        note = f"removed {len(present)} line(s) recurring in most {article['outlet']} articles: {listed}"
        report[row]["reason"] = "; ".join(n for n in (report[row]["reason"], note) if n)
        out.append(again)
    return out


def _split_long(results: list[Record | Skip], limit: int = MAX_ARTICLE_CHARS) -> list[Record | Skip]:
    """Records whose raw text is longer than ``limit`` become consecutive parts
    ``<id>#1``, ``<id>#2`` … cut at the last paragraph break (else line break,
    else sentence end, else space) before the limit; nothing is dropped, and
    each part's load-report row says what it is part of."""
    out: list[Record | Skip] = []
    for rec in results:
        if isinstance(rec, Skip) or len(rec.raw_text) <= limit:
            out.append(rec)
            continue
        pieces, rest = [], rec.raw_text
        while len(rest) > limit:
            window = rest[:limit]
            cut = next((i + len(sep) for sep in ("\n\n", "\n", ". ", " ") if (i := window.rfind(sep)) > limit // 2),
                       limit)
            pieces.append(rest[:cut])
            rest = rest[cut:]
        pieces.append(rest)
        for n, piece in enumerate(pieces, 1):
            part = Record(rec.path, f"{rec.article_id}#{n}", piece, dict(rec.fields), rec.encoding,
                          detect_headline=rec.detect_headline and n == 1, from_rows=rec.from_rows)
            part.note = (f"part {n} of {len(pieces)}: the text ({len(rec.raw_text):,} characters) is longer "
                               f"than {limit:,}, so it was split at paragraph breaks")
            out.append(part)
    return out


def _unique_row_id(result: Record | Skip, item: InputFile, taken: set[str]) -> str:
    """Give a row of a multi-article file an id no file or earlier row has;
    returns a note for the load report when it had to be changed."""
    from toolkit.loading.sources import unique_id

    aid = result.article_id
    if aid is None or aid == item.article_id:
        return ""
    if aid not in taken:
        taken.add(aid)
        return ""
    result.article_id = unique_id(aid, taken)
    return f"id {aid!r} already taken by another input: renamed {result.article_id!r}"


# -- one article -----------------------------------------------------------------

def _article(rec: Record, item: InputFile, meta: dict, default_outlet: str | None,
             drop: frozenset[str] = frozenset()) -> tuple[dict | None, str]:
    """The articles row for ``rec`` (or None and the reason it yields none)."""
    fields = {**rec.fields, **{k: v for k, v in meta.items() if k in _META_FIELDS}}
    title = fields.get("title")
    cleaned = clean(rec.raw_text, title=title, detect_headline=rec.detect_headline, drop=drop)
    if not cleaned.text.strip():
        return None, f"no text left after cleaning ({len(cleaned.removed)} boilerplate spans removed)"
    notes = []
    published, inferred = parse_timestamp(fields.get("published")), False
    if fields.get("published") and published is None:
        from toolkit.loading.datetext import YEAR

        value = fields["published"]
        notes.append(f"unparseable published value {value[:40]!r}" + ("" if YEAR.search(value) else
                     " (it names no year; relative dates such as 'yesterday' are not resolved, "
                     "they would change with the clock)"))
    if published is None and (found := infer_published(rec.raw_text, cleaned)) is not None:
        published, inferred = found[0], True
        notes.append(f"published inferred from {found[1]}")
        # say on what basis, in the column the seeds' sidecar uses for the same purpose
        meta = {"published_basis": f"inferred from {found[1]}", **meta}
    outlet = _outlet(fields, rec, item, default_outlet, meta)
    if rec.encoding not in (None, "utf-8", "utf-8-sig"):
        notes.append(f"decoded as {rec.encoding}")
    article = {
        "article_id": rec.article_id,
        "outlet": outlet,
        "title": title or cleaned.headline,
        "published": published,
        "published_inferred": inferred,
        "author": fields.get("author") or infer_author(cleaned),
        "url": fields.get("url"),
        "path": rec.path,
        "raw_text": rec.raw_text,
        "text": cleaned.text,
        "n_words": len(cleaned.text.split()),
        "content_hash": hashlib.sha256(cleaned.text.encode("utf-8")).hexdigest(),
    }
    article.update({k: v for k, v in meta.items() if k not in _META_FIELDS and k not in article})
    article[OFFSET_MAP_COLUMN] = cleaned.offsets.to_json()
    return article, "; ".join(notes)


def _outlet(fields: dict, rec: Record, item: InputFile, default: str | None, meta: dict) -> str:
    """Metadata first (sidecar, then the record's own field), then the caller's
    default, then clear evidence: URL domain, a listed outlet's name as the
    file name (multi-article files), self-references in the text."""
    if meta.get("outlet"):
        return meta["outlet"]
    if rec.fields.get("outlet"):
        return outlet_from_alias(rec.fields["outlet"]) or rec.fields["outlet"]
    if default:
        return default
    if (by_url := outlet_from_url(fields.get("url"))) is not None:
        return by_url
    if rec.from_rows and (by_name := outlet_from_file_name(item.path.stem)) is not None:
        return by_name
    return outlet_from_text(rec.raw_text) or UNKNOWN


# -- metadata matching ------------------------------------------------------------

class _SidecarIndex:
    """Sidecar rows by file, and which rows were used."""

    def __init__(self, sidecars: list[Sidecar]):
        # the nearest sidecar describes a file: deeper folders first
        self.sidecars = sorted(sidecars, key=lambda sc: len(sc.folder.parts), reverse=True)
        self.used: set[tuple[int, str]] = set()

    def lookup(self, item: InputFile, article_id: str) -> dict:
        """The row naming ``item`` by its path relative to the sidecar's folder
        (or by its article id); a bare name never matches a file in a subfolder."""
        for n, sc in enumerate(self.sidecars):
            try:
                rel = item.path.relative_to(sc.folder).as_posix()
            except ValueError:
                continue
            for key in (rel, f"./{rel}", article_id):
                if key in sc.rows:
                    self.used.add((n, key))
                    return sc.rows[key]
        return {}

    def missing_files(self) -> list[Skip]:
        out = []
        for n, sc in enumerate(self.sidecars):
            if not sc.check_missing:
                continue
            for key in sc.rows:
                if (n, key) not in self.used and not (sc.folder / key).exists():
                    out.append(Skip(str(sc.folder / key), Path(key).stem,
                                    f"named in {sc.path.name} but no such file"))
        return out


def _explicit_metadata(metadata) -> tuple[dict[str, dict], list[tuple[str | None, str, str]]]:
    from toolkit.loading.metadata import read_sidecar_frame, sidecar_rows_checked

    if metadata is None:
        return {}, []
    if isinstance(metadata, pd.DataFrame):
        return sidecar_rows_checked(metadata.astype("string").fillna(""))
    return sidecar_rows_checked(read_sidecar_frame(metadata))


def _match(rows: dict[str, dict], item: InputFile, article_id: str, used: set[str]) -> dict:
    for key in (article_id, str(item.path), item.path.as_posix(), item.path.name):
        if key in rows:
            used.add(key)
            return rows[key]
    return {}


# -- tables -----------------------------------------------------------------------

def _report_row(skip: Skip) -> dict:
    return {"path": skip.path, "article_id": skip.article_id, "status": skip.status,
            "reason": skip.reason, "encoding": skip.encoding}


def _articles_frame(articles: list[dict], extras: list[str]) -> pd.DataFrame:
    df = schema.frame("articles", articles)
    extras = [e for e in extras if e != OFFSET_MAP_COLUMN] + [OFFSET_MAP_COLUMN]
    for column in extras:
        df[column] = pd.Series([a.get(column) for a in articles], dtype="string")
    return df
