"""Render the six reports of one corpus with two toolkit trees, side by side.

    python benchmarks/bench_reports.py --corpus build/ru_ua_2022 --baseline /tmp/base [--rounds 1]

``--baseline`` is a checkout of an earlier commit (``git archive <commit> |
tar -x -C /tmp/base``); the current tree is this repository. Each round
renders the six notebooks 00-05 with the baseline (its own ``render_all``
defaults), then with this tree (its defaults: two notebooks at a time), each
in a fresh ``python -m toolkit report`` process with ``PYTHONPATH`` pointing at
that tree. Printed per run: wall seconds, CPU seconds of the process and all
its children (kernels included), the load average before and after, and the
report sizes; then the ratios. The machine is shared: read the ratios and the
CPU seconds, and the wall time only next to its load average.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ["00_corpus", "01_actors", "02_casualty_claims", "03_dates_timeline", "04_framing", "05_side_by_side"]


def render(tree: Path, corpus: Path, out: Path, env: dict) -> dict:
    """One ``python -m toolkit report`` run of ``tree``; wall, CPU, load, sizes."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    args = [sys.executable, "-m", "toolkit", "report", "--corpus", str(corpus), "--out", str(out)]
    for name in NOTEBOOKS:
        args += ["--notebook", name]
    subprocess.run(args, cwd=tree, env={**os.environ, **env, "PYTHONPATH": str(tree)}, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    sizes = {name: (out / f"{name}.html").stat().st_size / 1e6 for name in NOTEBOOKS}
    return {"wall": wall, "cpu": cpu, "load_before": load_before, "load_after": os.getloadavg()[0], "sizes": sizes}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="build/ru_ua_2022")
    parser.add_argument("--baseline", required=True, help="a checkout of the commit to compare with")
    parser.add_argument("--out", default="/tmp/bench_reports")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    corpus = Path(args.corpus).resolve()
    trees = {"baseline": Path(args.baseline).resolve(), "current": ROOT}
    runs: dict[str, list[dict]] = {name: [] for name in trees}
    for round_ in range(args.rounds):
        for name, tree in trees.items():
            result = render(tree, corpus, Path(args.out) / f"{name}_{round_}", {})
            runs[name].append(result)
            print(f"round {round_ + 1} {name:8s}: wall {result['wall']:6.1f} s  CPU {result['cpu']:6.1f} s  "
                  f"load {result['load_before']:.1f} -> {result['load_after']:.1f}  "
                  f"largest {max(result['sizes'].values()):.1f} MB", flush=True)
    for key in ("wall", "cpu"):
        base = sum(r[key] for r in runs["baseline"]) / len(runs["baseline"])
        cur = sum(r[key] for r in runs["current"]) / len(runs["current"])
        print(f"{key}: baseline {base:.1f} s, current {cur:.1f} s, ratio {base / cur:.2f}x")
    for name in NOTEBOOKS:
        print(f"  {name}: {runs['baseline'][-1]['sizes'][name]:.1f} MB -> {runs['current'][-1]['sizes'][name]:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
