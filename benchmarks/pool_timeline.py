"""Where the wall time of ``annotate(n_process=N)`` goes: a timeline of the
worker pool on an evenly spaced slice of a real corpus (issue 14).

    python -m benchmarks.pool_timeline --eval ../shared/eval [--slice 150] [--n-process 2] \
        [--out build/bench/pool_timeline.json]

Method: the run is the benchmark's (``bench_cli_memory``'s annotate child:
the pipeline loaded in this process first, then ``toolkit.annotate(corpus,
cache_dir=None, n_process=N)``), with ``toolkit.annotation.annotate_partition``
wrapped by :func:`timed_partition`, which every worker imports by name. Each
call appends one JSON line to a file named by ``POOL_TIMELINE`` (wall clock
``time.time()``, shared by all processes): the worker's pid, when the worker
process was created (``psutil``), when the call started and ended, and the
partition's articles and characters; the first call of a worker also says
how long loading the pipeline took there. From these lines and the parent's
own marks the script reports:

* start-up: from ``annotate()`` being called to each worker's first partition
  (process creation, imports, pipeline loading);
* busy and idle time per worker, and the tail: from the first worker running
  out of work to the last partition ending;
* the parent's share: from the last partition ending to ``annotate()``
  returning (merging, assembling, corpus steps), and before the first
  partition is sent (keys, partitioning).

Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_FIRST: dict = {}


def timed_partition(records, settings):
    """``annotate_partition`` with a timeline line (see module docstring)."""
    import psutil

    from toolkit.extraction import annotate_partition
    from toolkit.pipeline import cached_pipeline

    pid = os.getpid()
    line = {"pid": pid, "created": psutil.Process(pid).create_time(), "start": time.time(),
            "cpu_at_start": time.process_time(),
            "articles": len(records), "chars": sum(len(r["text"] or "") for r in records)}
    if not _FIRST:
        started, cpu = time.time(), time.process_time()
        cached_pipeline(settings.model, settings.catalogue)
        _FIRST["pipeline_s"] = line["pipeline_s"] = time.time() - started
        line["pipeline_cpu_s"] = time.process_time() - cpu
        line["first"] = True
    cpu = time.process_time()
    result = annotate_partition(records, settings)
    line["end"] = time.time()
    line["cpu_s"] = time.process_time() - cpu
    line["cpu_at_end"] = time.process_time()
    line["cpu"] = {k: round(v, 3) for k, v in result[1].items()}
    path = os.environ.get("POOL_TIMELINE")
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(line) + "\n")
    return result


def summarise(lines: list[dict], t_call: float, t_return: float, parent: int) -> dict:
    by_pid: dict[int, list[dict]] = {}
    for line in sorted(lines, key=lambda l: l["start"]):
        by_pid.setdefault(line["pid"], []).append(line)
    first_start = min(l["start"] for l in lines)
    last_end = max(l["end"] for l in lines)
    workers = {}
    for pid, calls in by_pid.items():
        busy = sum(c["end"] - c["start"] for c in calls)
        workers[("parent " if pid == parent else "worker ") + str(pid)] = {
            "created_after_call_s": round(calls[0]["created"] - t_call, 2),
            "first_partition_after_call_s": round(calls[0]["start"] - t_call, 2),
            "pipeline_load_in_worker_s": round(calls[0].get("pipeline_s", 0.0), 2),
            "partitions": len(calls), "articles": sum(c["articles"] for c in calls),
            "chars": sum(c["chars"] for c in calls), "busy_s": round(busy, 2),
            "last_end_after_call_s": round(calls[-1]["end"] - t_call, 2),
            "partitions_s": [round(c["end"] - c["start"], 2) for c in calls],
            "partitions_cpu_s": [round(c["cpu_s"], 2) for c in calls],
            # CPU this process spent before its first partition (a worker: interpreter, imports, pipeline)
            "cpu_before_first_partition_s": round(calls[0]["cpu_at_start"] + calls[0].get("pipeline_cpu_s", 0.0), 2),
            "cpu_in_partitions_s": round(sum(c["cpu_s"] for c in calls), 2),
        }
    first_done = min(calls[-1]["end"] for calls in by_pid.values())
    return {
        # wall time on an idle machine, from CPU seconds: the busiest process's start-up and
        # partitions (a worker's start-up counts; this process's own start is before the call)
        "critical_path_cpu_s": round(max(w["cpu_in_partitions_s"] + (0.0 if name.startswith("parent") else
                                                                     w["cpu_before_first_partition_s"])
                                         for name, w in workers.items()), 2),
        "wall_s": round(t_return - t_call, 2),
        "before_first_partition_s": round(first_start - t_call, 2),
        "partitions_span_s": round(last_end - first_start, 2),
        "tail_s (one worker idle at the end)": round(last_end - first_done, 2),
        "after_last_partition_s (parent: merge, assemble, corpus steps)": round(t_return - last_end, 2),
        "workers": workers,
    }


def main(argv: list[str] | None = None) -> int:
    import pandas as pd

    import toolkit
    import toolkit.annotation as annotation
    from benchmarks import machine
    from benchmarks.bench_cli_memory import evenly_spaced
    from toolkit import schema
    from toolkit.actors.catalogue import resolve_path
    from toolkit.corpus import Corpus
    from toolkit.loading import load
    from toolkit.pipeline import cached_pipeline

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--corpus", default="ru_ua_2022")
    parser.add_argument("--slice", type=int, default=150)
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--out", default=str(ROOT / "build" / "bench" / "pool_timeline.json"))
    args = parser.parse_args(argv)
    source = Path(args.eval) / "corpora" / args.corpus
    if not source.exists():
        print(f"no corpus at {source}; nothing to measure")
        return 0
    articles = evenly_spaced(load(source).articles, args.slice)
    corpus = Corpus(schema.conform("articles", articles), schema.frame("load_report"))
    cached_pipeline(None, str(resolve_path(None)))  # as the benchmark's annotate child
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    timeline = out.with_suffix(".jsonl")
    timeline.unlink(missing_ok=True)
    os.environ["POOL_TIMELINE"] = str(timeline)
    annotation.annotate_partition = timed_partition
    load_before = machine.load_average()
    t_call = time.time()
    cpu = time.process_time()
    toolkit.annotate(corpus, cache_dir=None, n_process=args.n_process, progress=False)
    t_return = time.time()
    result = {"load_before": load_before, "load_after": machine.load_average(), "n_process": args.n_process,
              "slice": args.slice, "parent_cpu_s": round(time.process_time() - cpu, 2),
              **summarise([json.loads(l) for l in timeline.read_text().splitlines()], t_call, t_return, os.getpid())}
    out.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
