"""The corpus objects that hold the tables together.

``Corpus`` is what :func:`toolkit.load` returns (articles + load report).
``AnnotatedCorpus`` is what :func:`toolkit.annotate` returns: every table of
:mod:`toolkit.schema`, sharing ``article_id`` (and ``sent_id`` for rows from
text). It saves to / opens from a folder of Parquet files and filters by
outlet, date range or actor while keeping the tables consistent.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from toolkit import schema

ANNOTATED_TABLES = ("articles", "sentences", "mentions", "quotes", "claims", "dates", "framing", "terms", "load_report")
MANIFEST = "manifest.json"
#: saved beside the tables when present (toolkit.review)
REVIEW_TABLES = ("rejected", "corrections")


class CorruptTableError(RuntimeError):
    """A saved table is missing, truncated or does not match its manifest."""


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
    load_report: pd.DataFrame = field(default_factory=lambda: schema.frame("load_report"))
    #: provenance: toolkit version, model, catalogue digest, cache key
    meta: dict = field(default_factory=dict)
    #: review (toolkit.review.corrections): rows the analyst rejected, and the
    #: corrections file as applied, one row per line with its status
    rejected: pd.DataFrame = field(default_factory=lambda: schema.frame("rejected"))
    corrections: pd.DataFrame = field(default_factory=lambda: schema.frame("corrections"))

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
        return write_tables(directory, {**self.tables(), **self.review_tables()}, self.meta)

    def review_tables(self) -> dict[str, pd.DataFrame]:
        """``rejected`` and ``corrections`` (saved with the corpus; optional
        when opening one saved before they existed)."""
        return {name: getattr(self, name) for name in REVIEW_TABLES}

    @classmethod
    def open(cls, directory: str | os.PathLike) -> AnnotatedCorpus:
        """Read a saved corpus; raise :class:`CorruptTableError` if anything
        does not match the manifest (never return half a corpus)."""
        tables, meta = read_tables(directory, ANNOTATED_TABLES)
        present = json.loads((Path(directory) / MANIFEST).read_text()).get("tables", {})
        review, _ = read_tables(directory, [name for name in REVIEW_TABLES if name in present])
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
        """
        keep = pd.Series(True, index=self.articles.index)
        arts = self.articles
        if outlets is not None:
            outlets = [outlets] if isinstance(outlets, str) else list(outlets)
            keep &= arts["outlet"].astype("string").isin(outlets)
        if start is not None:
            keep &= arts["published"] >= pd.Timestamp(start)
        if end is not None:
            keep &= arts["published"] < pd.Timestamp(end) + pd.Timedelta(days=1)
        if actors is not None:
            actors = [actors] if isinstance(actors, str) else list(actors)
            m = self.mentions
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
        return AnnotatedCorpus(**tables, **review, meta={**self.meta, "filtered": True})

    # -- convenience ---------------------------------------------------------
    def sentence(self, article_id: str, sent_id: int) -> str:
        """The text of one sentence (the evidence behind any row)."""
        s = self.sentences
        row = s[(s["article_id"] == article_id) & (s["sent_id"] == sent_id)]
        return str(row["text"].iloc[0]) if len(row) else ""

    def with_outlet(self, table: str) -> pd.DataFrame:
        """``table`` joined with the article's outlet and publication date."""
        df = getattr(self, table)
        return df.merge(self.articles[["article_id", "outlet", "published", "title"]], on="article_id", how="left")


def write_tables(directory: str | os.PathLike, tables: dict[str, pd.DataFrame], meta: dict | None = None) -> Path:
    """Write each table to ``<name>.parquet`` and a ``manifest.json`` recording
    row counts and byte sizes, so a truncated or swapped file is detected when
    read back. Each file is written under a temporary name and renamed, so a
    crash never leaves half a file under the real name."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    manifest = {"meta": meta or {}, "tables": {}}
    for name, df in tables.items():
        path = directory / f"{name}.parquet"
        tmp = path.with_suffix(".parquet.tmp")
        df.to_parquet(tmp, index=False)
        os.replace(tmp, path)
        manifest["tables"][name] = {"rows": int(len(df)), "bytes": path.stat().st_size}
    tmp = directory / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=2, default=str))
    os.replace(tmp, directory / MANIFEST)  # the manifest goes last: no manifest, no trust
    return directory


def read_tables(directory: str | os.PathLike, names: Iterable[str]) -> tuple[dict[str, pd.DataFrame], dict]:
    """Read tables written by :func:`write_tables`, checking each against the
    manifest; raise :class:`CorruptTableError` on any mismatch."""
    directory = Path(directory)
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
        try:
            df = pd.read_parquet(path)
        except Exception as exc:  # pyarrow raises several types for corrupt files
            raise CorruptTableError(f"{path}: unreadable Parquet ({exc})") from exc
        if len(df) != info.get("rows"):
            raise CorruptTableError(f"{path}: {len(df)} rows, manifest says {info.get('rows')}")
        tables[name] = df
    return tables, manifest.get("meta", {})
