"""The corpus objects that hold the tables together.

``Corpus`` is what :func:`toolkit.load` returns (articles + load report).
``AnnotatedCorpus`` is what :func:`toolkit.annotate` returns: every table of
:mod:`toolkit.schema`, sharing ``article_id`` (and ``sent_id`` for rows from
text). It saves to / opens from a folder of Parquet files and filters by
outlet, date range or actor while keeping the tables consistent.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from toolkit import schema

ANNOTATED_TABLES = ("articles", "sentences", "mentions", "quotes", "claims", "dates", "framing", "terms", "sourcing",
                    "load_report")
MANIFEST = "manifest.json"
#: saved beside the tables when present (toolkit.review)
REVIEW_TABLES = ("rejected", "corrections")
#: corpus-level tables keyed by pairs of articles, saved when present (toolkit.sourcing: shared copy)
PAIR_TABLES = ("copies",)


class CorruptTableError(RuntimeError):
    """A saved table is missing, truncated or does not match its manifest."""


class UnknownNameError(ValueError):
    """A name given to :meth:`AnnotatedCorpus.filter` (outlet, actor) or an id
    given to :meth:`AnnotatedCorpus.sentence` is not in the corpus; the
    message lists the closest names that are."""


def _check_known(kind: str, asked: list[str], known: Iterable[str]) -> None:
    known = sorted({str(k) for k in known if isinstance(k, str) and k})
    folded = {k.casefold(): k for k in known}
    problems = []
    for name in asked:
        if name in known:
            continue
        close = [folded[name.casefold()]] if name.casefold() in folded else []
        close += [k for k in difflib.get_close_matches(name, known, n=3, cutoff=0.6) if k not in close]
        if not close:  # "putin" for "Vladimir Putin": a case-insensitive substring
            close = [k for k in known if name.casefold() in k.casefold()][:3]
        hint = f" (closest: {', '.join(repr(c) for c in close)})" if close else ""
        problems.append(f"{name!r}{hint}")
    if problems:
        raise UnknownNameError(f"unknown {kind} {'; '.join(problems)}; "
                               f"{len(known)} {kind}s in this corpus")


@dataclass
class Corpus:
    """Loaded, cleaned articles plus the account of every input file."""

    articles: pd.DataFrame
    load_report: pd.DataFrame

    def __len__(self) -> int:
        return len(self.articles)

    def __repr__(self) -> str:
        counts = self.load_report["status"].value_counts().to_dict() if len(self.load_report) else {}
        return f"Corpus({len(self.articles)} articles; load report: {counts})"


@dataclass
class AnnotatedCorpus:
    """All tables of an annotated corpus (see :mod:`toolkit.schema`)."""

    articles: pd.DataFrame
    sentences: pd.DataFrame = field(default_factory=lambda: schema.frame("sentences"))
    mentions: pd.DataFrame = field(default_factory=lambda: schema.frame("mentions"))
    quotes: pd.DataFrame = field(default_factory=lambda: schema.frame("quotes"))
    claims: pd.DataFrame = field(default_factory=lambda: schema.frame("claims"))
    dates: pd.DataFrame = field(default_factory=lambda: schema.frame("dates"))
    framing: pd.DataFrame = field(default_factory=lambda: schema.frame("framing"))
    terms: pd.DataFrame = field(default_factory=lambda: schema.frame("terms"))
    sourcing: pd.DataFrame = field(default_factory=lambda: schema.frame("sourcing"))
    load_report: pd.DataFrame = field(default_factory=lambda: schema.frame("load_report"))
    #: provenance: toolkit version, model, catalogue digest, cache key
    meta: dict = field(default_factory=dict)
    #: review (toolkit.review.corrections): rows the analyst rejected, and the
    #: corrections file as applied, one row per line with its status
    rejected: pd.DataFrame = field(default_factory=lambda: schema.frame("rejected"))
    corrections: pd.DataFrame = field(default_factory=lambda: schema.frame("corrections"))
    #: shared copy between articles (toolkit.sourcing.copies.find_copies), empty until computed
    copies: pd.DataFrame = field(default_factory=lambda: schema.frame("copies"))

    def __len__(self) -> int:
        return len(self.articles)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{t}={len(getattr(self, t))}" for t in ANNOTATED_TABLES)
        return f"AnnotatedCorpus({sizes})"

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in ANNOTATED_TABLES}

    # -- persistence ---------------------------------------------------------
    def save(self, directory: str | os.PathLike) -> Path:
        """Write one Parquet file per table plus a manifest (see :func:`write_tables`)."""
        pairs = {name: getattr(self, name) for name in PAIR_TABLES}
        return write_tables(directory, {**self.tables(), **self.review_tables(), **pairs}, self.meta)

    def review_tables(self) -> dict[str, pd.DataFrame]:
        """``rejected`` and ``corrections`` (saved with the corpus; optional
        when opening one saved before they existed)."""
        return {name: getattr(self, name) for name in REVIEW_TABLES}

    @classmethod
    def open(cls, directory: str | os.PathLike) -> AnnotatedCorpus:
        """Read a saved corpus; raise :class:`CorruptTableError` if anything
        does not match the manifest (never return half a corpus)."""
        try:
            present = json.loads((Path(directory) / MANIFEST).read_text()).get("tables", {})
        except (OSError, ValueError, AttributeError):
            present = {}  # read_tables names the problem
        # a corpus saved before the sourcing table existed opens with it empty
        optional = {"sourcing"} - set(present) if present else set()
        tables, meta = read_tables(directory, [name for name in ANNOTATED_TABLES if name not in optional])
        review, _ = read_tables(directory, [name for name in (*REVIEW_TABLES, *PAIR_TABLES) if name in present])
        return cls(**{name: schema.conform(name, df) for name, df in {**tables, **review}.items()}, meta=meta)

    # -- selection -----------------------------------------------------------
    def filter(
        self,
        outlets: Iterable[str] | str | None = None,
        start: str | dt.date | None = None,
        end: str | dt.date | None = None,
        actors: Iterable[str] | str | None = None,
        article_ids: Iterable[str] | None = None,
    ) -> AnnotatedCorpus:
        """A corpus restricted to some articles; every table keeps only rows
        of the kept articles, so joins stay consistent.

        ``actors`` keeps articles that mention any of the given actor ids or
        canonical names. ``start``/``end`` are inclusive publication dates.
        An outlet not in the corpus, or an actor neither mentioned in it nor
        in the shipped catalogue, raises :class:`UnknownNameError` naming the
        closest matches (a typo must not look like "no coverage").
        """
        keep = pd.Series(True, index=self.articles.index)
        arts = self.articles
        if outlets is not None:
            outlets = [outlets] if isinstance(outlets, str) else list(outlets)
            _check_known("outlet", outlets, arts["outlet"].astype("string").dropna().unique())
            keep &= arts["outlet"].astype("string").isin(outlets)
        if start is not None:
            keep &= arts["published"] >= pd.Timestamp(start)
        if end is not None:
            keep &= arts["published"] < pd.Timestamp(end) + pd.Timedelta(days=1)
        if actors is not None:
            actors = [actors] if isinstance(actors, str) else list(actors)
            m = self.mentions
            _check_known("actor", actors, [*m["actor_id"].astype("string").dropna().unique(),
                                           *m["actor"].astype("string").dropna().unique(), *_catalogue_names()])
            hit = m.loc[m["actor_id"].isin(actors) | m["actor"].isin(actors), "article_id"].unique()
            keep &= arts["article_id"].isin(hit)
        if article_ids is not None:
            keep &= arts["article_id"].isin(list(article_ids))
        ids = set(arts.loc[keep.fillna(False), "article_id"])
        tables = {}
        for name, df in self.tables().items():
            if name == "load_report":
                tables[name] = df  # the load report accounts for inputs, not for a selection
            else:
                tables[name] = df[df["article_id"].isin(ids)].reset_index(drop=True)
        review = {name: df[df["article_id"].isin(ids) | df["article_id"].isna()].reset_index(drop=True)
                  for name, df in self.review_tables().items()}  # an orphan without an article stays visible
        copies = self.copies[self.copies["article_a"].isin(ids) & self.copies["article_b"].isin(ids)]  # both sides kept
        return AnnotatedCorpus(**tables, **review, copies=copies.reset_index(drop=True),
                               meta={**self.meta, "filtered": True})

    # -- convenience ---------------------------------------------------------
    def sentence(self, article_id: str, sent_id: int) -> str:
        """The text of one sentence (the evidence behind any row); raise
        :class:`UnknownNameError` for an article or sentence not in the corpus."""
        s = self.sentences
        of_article = s[s["article_id"] == article_id]
        if not len(of_article):
            _check_known("article_id", [str(article_id)], self.articles["article_id"].astype("string").dropna())
            raise UnknownNameError(f"article {article_id!r} has no sentences")
        row = of_article[of_article["sent_id"] == sent_id]
        if not len(row):
            raise UnknownNameError(f"article {article_id!r} has no sentence {sent_id!r} "
                                   f"(sent_id 0–{int(of_article['sent_id'].max())})")
        return str(row["text"].iloc[0])

    def with_outlet(self, table: str) -> pd.DataFrame:
        """``table`` joined with the article's outlet and publication date."""
        df = getattr(self, table)
        return df.merge(self.articles[["article_id", "outlet", "published", "title"]], on="article_id", how="left")


def _catalogue_names() -> list[str]:
    """Ids and names of the shipped catalogue: filtering by a known actor who
    is simply not mentioned is a legitimate empty selection, not a typo."""
    try:
        from toolkit.actors.catalogue import load_catalogue

        actors = load_catalogue(None).actors
    except Exception:  # the catalogue is a courtesy here; the corpus names still count
        return []
    return [*actors, *(a.name for a in actors.values())]


def write_tables(directory: str | os.PathLike, tables: dict[str, pd.DataFrame], meta: dict | None = None) -> Path:
    """Write each table to ``<name>.parquet`` and a ``manifest.json`` recording
    row count, byte size and a SHA-256 of every file's content, so a truncated,
    swapped or bit-flipped file is detected when read back.

    Atomic in the way that matters: every new file is first written beside its
    target (``.<name>.parquet.<token>.tmp``); only when *all* of them are on
    disk are they renamed over the old ones, the manifest last. A save that
    fails while writing (full disk, read-only folder, a table pyarrow cannot
    write) removes its temporary files and leaves the previous corpus exactly
    as it was, still openable.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    token = uuid.uuid4().hex[:8]
    manifest = {"meta": meta or {}, "tables": {}}
    staged: list[tuple[Path, Path]] = []
    try:
        for name, df in tables.items():
            path = directory / f"{name}.parquet"
            tmp = directory / f".{name}.parquet.{token}.tmp"
            staged.append((tmp, path))
            df.to_parquet(tmp, index=False)
            _fsync(tmp)
            manifest["tables"][name] = {"rows": int(len(df)), "bytes": tmp.stat().st_size, "sha256": file_sha256(tmp)}
        tmp = directory / f".{MANIFEST}.{token}.tmp"
        staged.append((tmp, directory / MANIFEST))
        tmp.write_text(json.dumps(manifest, indent=2, default=str))
        _fsync(tmp)
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    # renames need no space and cannot half-happen; the manifest goes last:
    # no manifest, no trust (a crash between two renames leaves files that
    # fail the old manifest's checksums, which open() refuses)
    for tmp, path in staged:
        os.replace(tmp, path)
    return directory


def file_sha256(path: str | os.PathLike) -> str:
    """SHA-256 of a file's bytes (the manifest's content checksum)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def read_tables(directory: str | os.PathLike, names: Iterable[str]) -> tuple[dict[str, pd.DataFrame], dict]:
    """Read tables written by :func:`write_tables`, checking each against the
    manifest (rows, bytes and the content checksum); raise
    :class:`CorruptTableError` on any mismatch, :class:`FileNotFoundError`
    when ``directory`` does not exist."""
    directory = Path(directory)
    if not directory.is_dir():
        raise FileNotFoundError(f"{directory}: no such corpus folder" if not directory.exists()
                                else f"{directory}: not a folder")
    manifest_path = directory / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text())
        expected = manifest["tables"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CorruptTableError(f"{manifest_path}: missing or unreadable manifest ({exc})") from exc
    tables = {}
    for name in names:
        path = directory / f"{name}.parquet"
        info = expected.get(name)
        if info is None or not path.exists():
            raise CorruptTableError(f"{path}: table missing")
        size = path.stat().st_size
        if size != info.get("bytes"):
            raise CorruptTableError(f"{path}: {size} bytes, manifest says {info.get('bytes')} (truncated or replaced)")
        # manifests written before checksums existed carry none: rows and bytes only
        if info.get("sha256") is not None and file_sha256(path) != info["sha256"]:
            raise CorruptTableError(f"{path}: content checksum differs from the manifest (the file was altered)")
        try:
            df = pd.read_parquet(path)
        except Exception as exc:  # pyarrow raises several types for corrupt files
            raise CorruptTableError(f"{path}: unreadable Parquet ({exc})") from exc
        if len(df) != info.get("rows"):
            raise CorruptTableError(f"{path}: {len(df)} rows, manifest says {info.get('rows')}")
        tables[name] = df
    return tables, manifest.get("meta", {})
