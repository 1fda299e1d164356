"""One measurement in a fresh process, so each starts cold and its peak
memory is its own (the parent reads it with ``os.wait4``).

``python -m benchmarks.child raw INPUT --n-process N`` times bare ``nlp.pipe``
of the spaCy model over the texts; ``... annotate INPUT --n-process N
[--save DIR] [--cache-dir DIR]`` times :func:`toolkit.annotate`. Both print
one JSON line. INPUT is a folder written by :func:`write_input`.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

import pandas as pd


def write_input(corpus, folder: Path) -> Path:
    """Store a loaded corpus for the children (so they do not re-load it)."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus.articles.to_parquet(folder / "articles.parquet", index=False)
    corpus.load_report.to_parquet(folder / "load_report.parquet", index=False)
    return folder


def read_input(folder: Path):
    from toolkit import schema
    from toolkit.corpus import Corpus

    return Corpus(schema.conform("articles", pd.read_parquet(folder / "articles.parquet")),
                  schema.conform("load_report", pd.read_parquet(folder / "load_report.parquet")))


def raw_pipe(corpus, n_process: int, batch_size: int) -> dict:
    """Bare model: the toolkit's pipeline minus its own component, so the only
    difference to ``annotate`` is everything the toolkit adds."""
    from toolkit.pipeline import build_pipeline

    nlp = build_pipeline()
    nlp.remove_pipe("toolkit_actor_ruler")
    texts = [t or "" for t in corpus.articles["text"]]
    started = time.perf_counter()
    n_docs = sum(1 for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
    return {"seconds": time.perf_counter() - started, "docs": n_docs}


def annotate_run(corpus, n_process: int, batch_size: int, save: str | None, cache_dir: str | None) -> dict:
    from toolkit.actors.catalogue import resolve_path
    from toolkit.annotation import annotate
    from toolkit.pipeline import cached_pipeline

    # model loading is not annotation throughput (raw_pipe excludes it too);
    # the key must be the one annotate_partition asks for
    cached_pipeline(None, str(resolve_path(None)))
    started = time.perf_counter()
    result = annotate(corpus, cache_dir=cache_dir, n_process=n_process, batch_size=batch_size, progress=False)
    wall = time.perf_counter() - started
    out = {"seconds": wall, "annotate_seconds": result.meta["seconds"], "timings": result.meta["timings"],
           "toolkit_signature": result.meta["toolkit"],
           "rows": {name: len(df) for name, df in result.tables().items()}}
    if save:
        started = time.perf_counter()
        result.save(save)
        out["save_seconds"] = time.perf_counter() - started
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["raw", "annotate"])
    parser.add_argument("input", type=Path)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--save")
    parser.add_argument("--cache-dir")
    args = parser.parse_args(argv)
    corpus = read_input(args.input)
    if args.mode == "raw":
        out = raw_pipe(corpus, args.n_process, args.batch_size)
    else:
        out = annotate_run(corpus, args.n_process, args.batch_size, args.save, args.cache_dir)
    # ru_maxrss is KiB on Linux; the children's figure covers worker processes
    out["rss_self_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["rss_workers_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
