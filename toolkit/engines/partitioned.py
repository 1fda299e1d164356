"""Annotation tables written partition by partition, for corpora whose tables
do not fit in one machine's memory.

Layout of an output directory::

    <out>/manifest.json                 meta + every part's file, rows and bytes
    <out>/articles/part-00000.parquet   written by the client
    <out>/load_report/part-00000.parquet
    <out>/<table>/part-<index>.parquet  one per partition, written by the worker
                                        that annotated it (needs a shared filesystem)

Each part is written under a temporary name and renamed, and the manifest is
written last (the same discipline as :func:`toolkit.corpus.write_tables`), so a
crashed run never looks complete; readers check every part against the
manifest and raise :class:`toolkit.corpus.CorruptTableError` on a mismatch.
Only parts listed in the manifest are read: leftovers of an earlier, larger
run in the same directory are ignored.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

from toolkit import schema
from toolkit.corpus import ANNOTATED_TABLES, MANIFEST, AnnotatedCorpus, CorruptTableError

PART_NAME = "part-{:05d}.parquet"

#: rows/bytes of one part: {"file": relative path, "rows": n, "bytes": n}
PartInfo = dict[str, object]


def write_partition(frames: dict[str, pd.DataFrame], out_dir: str | os.PathLike, index: int) -> dict[str, PartInfo]:
    """Write one partition's tables as ``<out>/<table>/part-<index>.parquet``."""
    out_dir = Path(out_dir)
    written: dict[str, PartInfo] = {}
    for name, df in frames.items():
        relative = Path(name) / PART_NAME.format(index)
        path = out_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".parquet.tmp")
        schema.conform(name, df).to_parquet(tmp, index=False)
        os.replace(tmp, path)
        written[name] = {"file": relative.as_posix(), "rows": int(len(df)), "bytes": path.stat().st_size}
    return written


def write_manifest(out_dir: str | os.PathLike, parts: list[dict[str, PartInfo]], meta: dict) -> Path:
    """Record every part (in partition order) and ``meta``; written last."""
    out_dir = Path(out_dir)
    tables: dict[str, dict] = {}
    for written in parts:
        for name, info in written.items():
            entry = tables.setdefault(name, {"rows": 0, "parts": []})
            entry["rows"] += int(info["rows"])
            entry["parts"].append(info)
    manifest = {"meta": meta, "layout": "partitioned", "tables": tables}
    tmp = out_dir / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=2, default=str))
    os.replace(tmp, out_dir / MANIFEST)
    return out_dir


def read_manifest(out_dir: str | os.PathLike) -> dict:
    path = Path(out_dir) / MANIFEST
    try:
        manifest = json.loads(path.read_text())
        if manifest.get("layout") != "partitioned":
            raise ValueError("not a partitioned output (open it with toolkit.open)")
        manifest["tables"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CorruptTableError(f"{path}: missing or unreadable manifest ({exc})") from exc
    return manifest


def part_paths(out_dir: str | os.PathLike, table: str, manifest: dict | None = None) -> list[Path]:
    """The checked part files of ``table``, in partition order."""
    out_dir = Path(out_dir)
    manifest = manifest or read_manifest(out_dir)
    entry = manifest["tables"].get(table)
    if entry is None:
        raise CorruptTableError(f"{out_dir}: table {table!r} missing from the manifest")
    paths = []
    for info in entry["parts"]:
        path = out_dir / str(info["file"])
        if not path.exists():
            raise CorruptTableError(f"{path}: part missing")
        if path.stat().st_size != info["bytes"]:
            raise CorruptTableError(f"{path}: {path.stat().st_size} bytes, manifest says {info['bytes']} "
                                    "(truncated or replaced)")
        paths.append(path)
    return paths


def read_table(out_dir: str | os.PathLike, table: str, manifest: dict | None = None) -> pd.DataFrame:
    """One table, all parts concatenated, checked against the manifest."""
    manifest = manifest or read_manifest(out_dir)
    frames = []
    for path, info in zip(part_paths(out_dir, table, manifest), manifest["tables"][table]["parts"]):
        try:
            df = pd.read_parquet(path)
        except Exception as exc:  # pyarrow raises several types for corrupt files
            raise CorruptTableError(f"{path}: unreadable Parquet ({exc})") from exc
        if len(df) != info["rows"]:
            raise CorruptTableError(f"{path}: {len(df)} rows, manifest says {info['rows']}")
        frames.append(df)
    df = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return schema.conform(table, df)


def open_partitioned(out_dir: str | os.PathLike) -> AnnotatedCorpus:
    """Read a partitioned output into memory as an :class:`AnnotatedCorpus`
    (when it fits; otherwise use :func:`dask_tables`)."""
    manifest = read_manifest(out_dir)
    tables = {name: read_table(out_dir, name, manifest) for name in ANNOTATED_TABLES}
    return AnnotatedCorpus(**tables, meta=manifest.get("meta", {}))


def dask_tables(out_dir: str | os.PathLike) -> dict:
    """Each table as a lazy ``dask.dataframe`` over its checked part files,
    for analysis that does not fit in memory (one Dask partition per part)."""
    import dask.dataframe as dd

    manifest = read_manifest(out_dir)
    return {name: dd.read_parquet([str(p) for p in part_paths(out_dir, name, manifest)])
            for name in manifest["tables"]}
