"""Per-article annotation cache on disk.

Layout: ``<root>/<signature>/shard-<id>/`` where ``signature`` hashes the
toolkit version, model name/version and catalogue digest, and each shard is a
set of Parquet tables (written by :func:`toolkit.corpus.write_tables`, with a
manifest) plus a ``keys`` table mapping ``article_id`` to the article's content
key. A run stores what it annotated as one new shard, so appending articles to
a corpus only parses the new ones; shards are compacted when they pile up.

A shard that fails its manifest check (truncated, corrupted, half-written) is
reported in the returned events, deleted and its articles re-annotated: a
broken cache is rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from toolkit import schema
from toolkit.corpus import CorruptTableError, read_tables, write_tables

TABLES = ("sentences", "mentions", "quotes", "dates", "claims", "framing", "terms", "sourcing")
#: more shards than this are merged into one after a store
MAX_SHARDS = 8


@dataclass
class CacheHit:
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    article_ids: set[str] = field(default_factory=set)


class AnnotationCache:
    def __init__(self, root: str | Path, signature: dict):
        digest = hashlib.sha256(json.dumps(signature, sort_keys=True).encode()).hexdigest()[:16]
        self.dir = Path(root) / digest
        self.signature = signature

    def shards(self) -> list[Path]:
        if not self.dir.exists():
            return []
        return sorted((p for p in self.dir.iterdir() if p.is_dir() and p.name.startswith("shard-")),
                      key=lambda p: p.stat().st_mtime)

    def _read(self, shard: Path, events: list[str]) -> dict[str, pd.DataFrame] | None:
        try:
            tables, _ = read_tables(shard, (*TABLES, "keys"))
            return tables
        except CorruptTableError as exc:
            msg = f"cache shard {shard.name} is corrupt and will be rebuilt: {exc}"
            warnings.warn(msg, RuntimeWarning, stacklevel=3)
            events.append(msg)
            shutil.rmtree(shard, ignore_errors=True)
            return None

    def lookup(self, keys: pd.DataFrame) -> tuple[CacheHit, list[str]]:
        """Rows for every article whose current key is in a valid shard."""
        events: list[str] = []
        wanted = dict(zip(keys["article_id"], keys["article_key"]))
        hit = CacheHit()
        parts: dict[str, list[pd.DataFrame]] = {name: [] for name in TABLES}
        for shard in reversed(self.shards()):  # newest first: newest annotation wins
            tables = self._read(shard, events)
            if tables is None:
                continue
            k = tables["keys"]
            # a shard holding one article twice cannot say which rows are which
            # version: those articles are annotated again, never served mixed
            doubled = set(k.loc[k["article_id"].duplicated(keep=False), "article_id"])
            if doubled:
                msg = (f"cache shard {shard.name} holds {len(doubled)} article(s) more than once "
                       f"(e.g. {sorted(doubled)[0]!r}); they are annotated again")
                warnings.warn(msg, RuntimeWarning, stacklevel=2)
                events.append(msg)
            match = k[k["article_id"].map(wanted).eq(k["article_key"]) & ~k["article_id"].isin(hit.article_ids)
                      & ~k["article_id"].isin(doubled)]
            ids = set(match["article_id"])
            if not ids:
                continue
            hit.article_ids |= ids
            for name in TABLES:
                df = tables[name]
                parts[name].append(df[df["article_id"].isin(ids)])
        hit.tables = {
            name: schema.conform(name, pd.concat(dfs, ignore_index=True)) if dfs else schema.frame(name)
            for name, dfs in parts.items()
        }
        return hit, events

    def store(self, tables: dict[str, pd.DataFrame], keys: pd.DataFrame, *, compact: bool = True) -> Path:
        """Store one shard; ``compact=False`` while a run is still storing
        partition after partition (it calls :meth:`compact_if_needed` once at
        the end)."""
        shard = self.dir / f"shard-{uuid.uuid4().hex[:12]}"
        write_tables(shard, {**{name: tables[name] for name in TABLES}, "keys": keys.reset_index(drop=True)},
                     meta=self.signature)
        if compact:
            self.compact_if_needed()
        return shard

    def compact_if_needed(self) -> None:
        if len(self.shards()) > MAX_SHARDS:
            self.compact()

    def compact(self) -> None:
        """Merge all valid shards into one, keeping the newest annotation of
        each article and nothing else: the cache never holds two versions of
        one article (an article whose outlet changed over nine runs used to
        come back nine times after a merge)."""
        events: list[str] = []
        shards = self.shards()
        merged: dict[str, list[pd.DataFrame]] = {name: [] for name in (*TABLES, "keys")}
        seen: set[str] = set()
        for shard in reversed(shards):  # newest first
            tables = self._read(shard, events)
            if tables is None:
                continue
            k = tables["keys"]
            ids = k["article_id"]
            keep_ids = set(ids[~ids.duplicated(keep=False)]) - seen
            seen |= set(ids)
            for name in (*TABLES, "keys"):
                df = tables[name]
                merged[name].append(df[df["article_id"].isin(keep_ids)])
        target = self.dir / f"shard-{uuid.uuid4().hex[:12]}"
        write_tables(target, {name: pd.concat(dfs, ignore_index=True) for name, dfs in merged.items() if dfs},
                     meta=self.signature)
        for shard in shards:
            shutil.rmtree(shard, ignore_errors=True)
