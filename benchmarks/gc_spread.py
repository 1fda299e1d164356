"""Where ``annotate``'s CPU time moves between identical runs: the cyclic
garbage collector, timed per generation, in the benchmark's own annotate
child (issue 14, fifth pass).

    python -m benchmarks.gc_spread --eval ../shared/eval [--slice 150] [--rounds 3] \
        [--arms default,nogc] [--n-process 1] [--out build/bench/gc_spread.json]

Method: each run is ``bench_cli_memory``'s annotate child, unchanged (the
same script text, the same slice, a fresh process), with a prologue that
registers a ``gc.callbacks`` hook before anything is imported: every
collection's generation, CPU time (``time.process_time`` from its "start" to
its "stop" call) and objects collected are summed per generation. The arms
only differ in that prologue:

* ``default``: the toolkit as it is (whatever it does with the collector);
* ``nogc``: automatic collection off for the whole child (threshold 0) (an upper bound of what the
  collector costs; memory is not bounded, diagnostic only);
* ``raw``, ``raw_ruler``: the benchmark's bare ``nlp.pipe`` arm, and the same
  with the catalogue ruler kept (the parse ``annotate`` does), for the parse's
  own spread side by side;
* ``malloc``: ``PYTHONMALLOC=malloc`` (the allocator question, diagnostic);
* ``nofreeze``: ``toolkit.annotation.GC_FREEZE = False`` (annotate without
  its ``gc.freeze()`` of what is alive when it starts: the loaded pipeline);
* ``cold``: ``toolkit.pipeline.ON_BUILD`` emptied, so the
  extractors' data is loaded by the first article, inside the timed region
  (as before the fifth pass);
* ``notrim``: no ``malloc_trim`` after each partition
  (``toolkit.extraction.release_freed_memory`` replaced by a no-op);
* ``nothp``: ``NUMPY_MADVISE_HUGEPAGE=0`` (numpy asks for no transparent huge
  pages for its large arrays: the parser's working memory).

Arms alternate round by round (ABBA ...), so a load that drifts hits all of
them alike; the machine's steal time (``/proc/stat``) and load average are
recorded around every child. At ``n_process>1`` only this process's
collector is seen (the forked worker's is not), so CPU is this process's.

Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: runs before the benchmark's child script, in the same process
PROLOGUE = r"""
import atexit, gc, json, os, sys, time
_GC = {"time": [0.0, 0.0, 0.0], "count": [0, 0, 0], "collected": [0, 0, 0], "t0": None}
_IN = {"time": [0.0, 0.0, 0.0], "count": [0, 0, 0], "on": False}
def _gc_hook(phase, info):
    if phase == "start":
        _GC["t0"] = time.process_time()
    elif _GC["t0"] is not None:
        g = info["generation"]
        _GC["time"][g] += time.process_time() - _GC["t0"]
        _GC["count"][g] += 1
        _GC["collected"][g] += info["collected"]
        if _IN["on"]:
            _IN["time"][g] += time.process_time() - _GC["t0"]
            _IN["count"][g] += 1
        _GC["t0"] = None
gc.callbacks.append(_gc_hook)
_ARM = os.environ.get("GC_SPREAD_ARM", "default")
# the per-step timings of annotate_doc/annotate_docs on the CPU clock instead of the wall clock
# (their module's own reference to `time`; the child's totals keep both clocks)
import types, toolkit, toolkit.extraction
toolkit.extraction.time = types.SimpleNamespace(perf_counter=time.process_time)
_annotate = toolkit.annotate
def _annotate_counted(*args, **kwargs):  # the collections inside the timed region, apart
    _IN["on"] = True
    try:
        return _annotate(*args, **kwargs)
    finally:
        _IN["on"] = False
toolkit.annotate = _annotate_counted
if _ARM == "nofreeze":  # annotate without its gc.freeze() (toolkit.annotation.GC_FREEZE)
    import toolkit.annotation
    toolkit.annotation.GC_FREEZE = False
if _ARM == "cold":  # the extractors' data loaded by the first article again, inside the timed region
    import toolkit.pipeline
    toolkit.pipeline.ON_BUILD.clear()
if _ARM == "notrim":  # no malloc_trim after each partition
    toolkit.extraction.release_freed_memory = lambda: None
if _ARM == "raw_ruler":  # the benchmark's raw arm, but keeping the catalogue ruler (annotate parses with it)
    import spacy.language
    spacy.language.Language.remove_pipe = lambda self, name: None
if _ARM == "nogc":
    gc.set_threshold(0)  # not gc.disable(): libraries (srsly's msgpack) call gc.enable() again
def _gc_report():
    import resource
    main = sys.modules["__main__"]
    usage = resource.getrusage(resource.RUSAGE_SELF)
    timings = getattr(getattr(main, "out", None), "meta", {}).get("timings", {})
    print(json.dumps({"timings": timings, "gc_in_annotate_s": [round(x, 3) for x in _IN["time"]],
                      "gc_in_annotate_count": _IN["count"], "user_s": usage.ru_utime, "system_s": usage.ru_stime,
                      "minor_faults": usage.ru_minflt, "peak_rss_mib": usage.ru_maxrss / 1024,"gc_seconds": [round(x, 3) for x in _GC["time"]], "gc_count": _GC["count"],
                      "gc_collected": _GC["collected"], "gc_tracked_at_exit": len(gc.get_objects()),
                      "gc_frozen_at_exit": gc.get_freeze_count(), "gc_threshold": list(gc.get_threshold())}))
atexit.register(_gc_report)
"""


def steal_ticks() -> int:
    """The machine's steal time so far, in clock ticks (``/proc/stat``, 8th field of ``cpu``)."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()
        return int(fields[8])
    except (OSError, IndexError, ValueError):
        return -1


def run_arm(arm: str, parquet: Path, n_process: int) -> dict:
    import subprocess

    from benchmarks import machine
    from benchmarks.bench_cli_memory import ANNOTATE_CHILD
    from toolkit.annotation import PARTITION_CHARS

    env = {**os.environ, "PYTHONPATH": str(ROOT), "GC_SPREAD_ARM": arm}
    if arm == "malloc":
        env["PYTHONMALLOC"] = "malloc"
    if arm == "nothp":
        env["NUMPY_MADVISE_HUGEPAGE"] = "0"
    steal, load = steal_ticks(), machine.load_average()
    mode = "raw" if arm.startswith("raw") else "annotate"
    proc = subprocess.run([sys.executable, "-c", PROLOGUE + ANNOTATE_CHILD, str(parquet), str(PARTITION_CHARS),
                           str(n_process), mode], capture_output=True, text=True, env=env, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"{arm} exited {proc.returncode}: {proc.stderr[-800:]}")
    out: dict = {"arm": arm}
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            out.update(json.loads(line))
    gc_total = sum(out["gc_in_annotate_s"])
    if mode == "raw":  # the bare arm's timed region is the whole nlp.pipe loop
        out["timings"] = {"parse": out["cpu_seconds"]}
    return {**out, "gc_total_s": round(gc_total, 3), "cpu_without_gc_s": round(out["cpu_seconds"] - gc_total, 3),
            "steal_ticks": steal_ticks() - steal, "load_before": load, "load_after": machine.load_average()}


def main(argv: list[str] | None = None) -> int:
    from benchmarks.bench_cli_memory import write_slices

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--slice", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--arms", default="default,nogc")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--out", default=str(ROOT / "build" / "bench" / "gc_spread.json"))
    args = parser.parse_args(argv)
    if not (Path(args.eval) / "corpora").exists():
        print(f"no evaluation data at {args.eval}; nothing to measure")
        return 0
    arms = args.arms.split(",")
    runs: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        _, _, parquet = write_slices(Path(args.eval), Path(tmp), args.slice)
        for r in range(args.rounds):
            for arm in (arms if r % 2 == 0 else arms[::-1]):
                got = run_arm(arm, parquet, args.n_process)
                t = got["timings"]
                extract = sum(v for k, v in t.items() if k != "parse")
                got["parse_cpu_s"], got["extract_cpu_s"] = round(t.get("parse", 0.0), 3), round(extract, 3)
                got["other_cpu_s"] = round(got["cpu_seconds"] - got["parse_cpu_s"] - extract, 3)
                print(f"round {r + 1}: {json.dumps({k: got[k] for k in ('arm', 'cpu_seconds', 'seconds', 'parse_cpu_s', 'extract_cpu_s', 'other_cpu_s', 'gc_total_s', 'gc_in_annotate_count', 'steal_ticks', 'load_before')})}", flush=True)
                runs.append(got)
    summary = {}
    for arm in arms:
        mine = [g for g in runs if g["arm"] == arm]
        summary[arm] = {key: {"median": round(statistics.median(g[key] for g in mine), 3),
                              "min": round(min(g[key] for g in mine), 3), "max": round(max(g[key] for g in mine), 3)}
                        for key in ("cpu_seconds", "seconds", "parse_cpu_s", "extract_cpu_s", "other_cpu_s",
                                            "gc_total_s", "cpu_without_gc_s")}
    result = {"slice": args.slice, "n_process": args.n_process, "rounds": args.rounds,
              "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "summary": summary, "runs": runs}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(json.dumps(summary, indent=2))
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
