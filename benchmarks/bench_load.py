"""Benchmark toolkit.load: read, decode, clean and build the tables for a
folder of articles (default: the 2,225 BBC News .txt files, five topic folders).

    python benchmarks/bench_load.py [path] [--repeat 3]

Prints seconds and articles/s per run (best of ``--repeat``), and the load
report's counts. Single process; no annotation (that is benchmarked separately).
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.loading import load  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "eval" / "corpora" / "bbc"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", default=str(DEFAULT), help="folder or file to load (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported (default: %(default)s)")
    args = parser.parse_args(argv)
    if not Path(args.path).exists():
        print(f"no such path: {args.path}", file=sys.stderr)
        return 2
    load(args.path)  # warm-up: imports, regex compilation, file cache
    times = []
    for _ in range(max(1, args.repeat)):
        started = time.perf_counter()
        corpus = load(args.path)
        times.append(time.perf_counter() - started)
    tracemalloc.start()
    load(args.path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    best = min(times)
    n = len(corpus.articles)
    counts = corpus.load_report["status"].astype(str).value_counts().to_dict()
    words = int(corpus.articles["n_words"].sum())
    print(f"path: {args.path}")
    print(f"inputs: {len(corpus.load_report)}  {counts}  articles: {n}  words: {words}")
    print(f"runs (s): {', '.join(f'{t:.2f}' for t in times)}")
    print(f"best: {best:.2f} s  ->  {n / best:.0f} articles/s  ({len(corpus.load_report) / best:.0f} inputs/s)")
    print(f"peak Python memory during load: {peak / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
