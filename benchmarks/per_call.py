"""annotate's per-call fixed cost, two source trees side by side (issue 14,
seventh pass; docs/results/scale.md).

    python -m benchmarks.per_call --before /tmp/main-export --after . [--rounds 4] [--repeats 15]

What ``benchmarks.paired_ratio`` subtracts as ``per_call`` (:func:`benchmarks.paired_ratio.fixed_costs`):
on the corpus's shortest article, the CPU of one ``toolkit.annotate`` call
outside its parse and extractor steps, less the same for one bare
``annotate_partition`` of it. Each child imports its tree (``PYTHONPATH``),
loads the corpus, makes two untimed calls (the pipeline and every lazy
cache are built), then alternates ``repeats`` timed calls and partitions
(an untimed ``gc.collect()`` before each) and prints the medians. Children
alternate ABBA over ``rounds``; the load average before each is recorded.
With ``--chunks N`` each child also annotates chunks 1..N of the paired
benchmark's chunks of the whole corpus (``benchmarks.paired_ratio``:
~90,000 characters each, one ``annotate`` call per chunk, chunk 0 as the
warm-up) and reports their CPU per step and outside parse and steps
(``chunks_other``: what the paired estimate counts as annotate's other work).
Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_once(corpus: str, repeats: int, chunks: int = 0) -> dict:
    """One child's medians (whichever toolkit it imports)."""
    import gc
    import statistics
    import time
    import types

    import toolkit
    import toolkit.extraction
    from toolkit.actors.catalogue import resolve_path
    from toolkit.corpus import Corpus
    from toolkit.loading import load

    toolkit.extraction.time = types.SimpleNamespace(perf_counter=time.process_time)  # step timers on the CPU clock
    loaded = load(corpus)
    arts = loaded.articles
    lengths = arts["text"].fillna("").str.len().tolist()
    short = arts.iloc[[min(range(len(lengths)), key=lambda i: (lengths[i], i))]].reset_index(drop=True)

    def call() -> dict:
        c = Corpus(short, loaded.load_report.iloc[:0])
        gc.collect()
        cpu = time.process_time()
        out = toolkit.annotate(c, cache_dir=None, n_process=1, progress=False)
        cpu = time.process_time() - cpu
        t = out.meta["timings"]
        return {"cpu": cpu, "outside": cpu - sum(t.values())}

    def partition() -> dict:
        [records] = toolkit.extraction.partitions(short, size=len(short))
        settings = toolkit.extraction.Settings(catalogue=str(resolve_path(None)))
        gc.collect()
        cpu = time.process_time()
        _, t = toolkit.extraction.annotate_partition(records, settings)
        cpu = time.process_time() - cpu
        return {"cpu": cpu, "outside": cpu - sum(t.values())}

    call(), call(), partition()
    calls, parts = [], []
    for _ in range(repeats):
        calls.append(call())
        parts.append(partition())
    med = {f"{name}_{k}": statistics.median(r[k] for r in runs)
           for name, runs in (("call", calls), ("partition", parts)) for k in ("cpu", "outside")}
    med["per_call"] = max(0.0, med["call_outside"] - med["partition_outside"])
    if chunks:
        from benchmarks.paired_ratio import CHUNK_CHARS, chunk_count, equal_text_chunks

        frames = [arts.iloc[c].reset_index(drop=True) for c in equal_text_chunks(lengths, chunk_count(lengths, CHUNK_CHARS))]
        toolkit.annotate(Corpus(frames[0], loaded.load_report.iloc[:0]), cache_dir=None, n_process=1, progress=False)
        steps: dict[str, float] = {}
        total = 0.0
        for frame in frames[1:chunks + 1]:
            gc.collect()
            cpu = time.process_time()
            out = toolkit.annotate(Corpus(frame, loaded.load_report.iloc[:0]), cache_dir=None, n_process=1, progress=False)
            total += time.process_time() - cpu
            for step, seconds in out.meta["timings"].items():
                steps[step] = steps.get(step, 0.0) + seconds
        med.update({"chunks_cpu": total, "chunks_other": total - sum(steps.values()),
                    **{f"chunks_{k}": v for k, v in steps.items()}})
    return med


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="a source tree (e.g. a git archive of main)")
    parser.add_argument("--after", type=Path, default=ROOT)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "eval" / "corpora" / "ru_ua_2022"))
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--chunks", type=int, default=0, help="also time this many paired-benchmark chunks per child")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench" / "per_call.json")
    args = parser.parse_args(argv)
    code = ("import json, sys\n" + inspect.getsource(run_once)
            + "\nprint(json.dumps(run_once(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))))")
    results: dict[str, list[dict]] = {"before": [], "after": []}
    for r in range(args.rounds):
        for arm in (("before", "after") if r % 2 == 0 else ("after", "before")):
            tree = (args.before if arm == "before" else args.after).resolve()
            load = os.getloadavg()[0]
            out = subprocess.run([sys.executable, "-c", code, str(Path(args.corpus).resolve()), str(args.repeats),
                                  str(args.chunks)],
                                 cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)},
                                 capture_output=True, text=True, check=True)
            row = {"load": load, **json.loads(out.stdout.strip().splitlines()[-1])}
            results[arm].append(row)
            print(f"round {r + 1} {arm:6s} load {load:.2f} call {row['call_cpu']:.4f} "
                  f"partition {row['partition_cpu']:.4f} per_call {row['per_call']:.4f}", flush=True)
    keys = [k for k in results["before"][0] if k != "load"]
    summary = {k: {arm: round(statistics.median(x[k] for x in rows), 4) for arm, rows in results.items()} for k in keys}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"rounds": results, "summary": summary}, indent=2))
    for k, arms in summary.items():
        print(f"{k:20s} before {arms['before']:.4f}  after {arms['after']:.4f}")
    loads = [x["load"] for rows in results.values() for x in rows]
    print(f"load {min(loads):.2f}-{max(loads):.2f}; written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
