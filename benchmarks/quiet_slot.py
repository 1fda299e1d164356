"""Issue 14's speed and memory targets in one command, for a quiet machine.

    python -m benchmarks.quiet_slot --eval ../shared/eval [--out-dir build/bench/quiet] \
        [--parts paired,aa,speedup,memory] [--passes 3] [--aa-passes 2] [--rounds 3]

Runs, one after the other, each in fresh children (nothing else should run):

1. ``paired``: :mod:`benchmarks.paired_ratio` on all of ru_ua_2022 (chunks
   of ~90,000 characters, ``--passes`` passes): annotate / bare ``nlp.pipe``
   at n_process=1, the paired estimate and its bootstrap interval;
2. ``aa``: the same, bare against a second bare pipeline (``--aa-passes``
   passes): the estimator's check, ~1.00 with its interval;
3. ``speedup``: :mod:`benchmarks.bench_cli_memory`'s interleaved ABBA
   rounds (``--rounds``) at n_process=1 and 2 on its 150-article slice: the
   n_process=2 / 1 speed-up (wall), with the old per-round n=1 ratio beside it;
4. ``memory``: :mod:`benchmarks.bench_cli_memory`'s command-line peak RSS
   on ru_ua_2022 and on BBC, and the flat arm (40 articles 1x against 10x;
   without its diagnostic "10x with every table in memory" run).

Each part's JSON goes to ``--out-dir``; ``summary.json`` there has the
headline figures, the wall time of every part and the load average before
and after it. Not a test: nothing here asserts a number.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from benchmarks import machine

ROOT = Path(__file__).resolve().parents[1]


def headline(part: str, result: dict) -> dict:
    """The figures of one part that the targets are about."""
    if part == "paired":
        s = result["summary"]
        return {"annotate_over_bare_cpu": s["ratio_cpu"]["estimate"],
                "interval_95": [s["ratio_cpu"]["low"], s["ratio_cpu"]["high"]],
                "per_chunk_median": s["ratio_cpu"]["per_chunk"]["median"],
                "per_chunk_iqr": [s["ratio_cpu"]["per_chunk"]["q1"], s["ratio_cpu"]["per_chunk"]["q3"]],
                "per_pass": s["ratio_cpu"]["per_pass"],
                "in_call_parse_over_annotate": s["in_call_parse_over_annotate"]["estimate"],
                "annotate_parse_over_bare": s["annotate_parse_over_bare"]["estimate"],
                "as_one_call": result.get("fixed_cpu_s", {}).get("ratio_cpu_as_one_call"),
                "in_call_parse_minus_ruler_over_annotate": s["in_call_parse_minus_ruler_over_annotate"]["estimate"],
                "chunks": result["chunks"], "articles": result["slice"]}
    if part == "aa":
        s = result["summary"]
        return {"bare_a_over_bare_b_cpu": s["ratio_cpu"]["estimate"],
                "interval_95": [s["ratio_cpu"]["low"], s["ratio_cpu"]["high"]],
                "per_chunk_iqr": [s["ratio_cpu"]["per_chunk"]["q1"], s["ratio_cpu"]["per_chunk"]["q3"]],
                "per_chunk_range": [s["ratio_cpu"]["per_chunk"]["min"], s["ratio_cpu"]["per_chunk"]["max"]],
                "chunks": result["chunks"]}
    if part == "speedup":
        return {k: result[k] for k in ("speedup_n2_wall", "ratio_n1_cpu", "in_call_parse_share_n1", "ratio_n2_wall",
                                         "load_1min") if k in result}
    return {k: (v["peak_rss_mib"] if isinstance(v, dict) else v) for k, v in result.items()
            if k.startswith(("cli_", "flat_"))}


def main(argv: list[str] | None = None) -> int:
    from benchmarks import bench_cli_memory, paired_ratio

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--out-dir", default=str(ROOT / "build" / "bench" / "quiet"))
    parser.add_argument("--parts", default="paired,aa,speedup,memory")
    parser.add_argument("--passes", type=int, default=3, help="paired: passes over all of ru_ua_2022")
    parser.add_argument("--paired-slice", type=int, default=0, help="paired: articles (0: all of ru_ua_2022)")
    parser.add_argument("--aa-passes", type=int, default=2, help="aa: passes of the A/A check")
    parser.add_argument("--rounds", type=int, default=3, help="speedup: ABBA rounds at n_process=1,2")
    args = parser.parse_args(argv)
    if not (Path(args.eval) / "corpora").exists():
        print(f"no evaluation data at {args.eval}; nothing to measure")
        return 0
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    summary: dict = {"started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "parts": {}}
    for part in args.parts.split(","):
        out = out_dir / f"{part}.json"
        if part == "paired":
            call = (paired_ratio.main, ["--eval", args.eval, "--slice", str(args.paired_slice),
                                        "--passes", str(args.passes), "--out", str(out)])
        elif part == "aa":
            call = (paired_ratio.main, ["--eval", args.eval, "--slice", str(args.paired_slice), "--design", "aa",
                                        "--passes", str(args.aa_passes), "--out", str(out)])
        elif part == "speedup":
            call = (bench_cli_memory.main, ["--eval", args.eval, "--skip", "cli", "--skip", "flat", "--skip", "budget",
                                            "--slice", "150", "--rounds", str(args.rounds), "--n-process", "1,2",
                                            "--out", str(out)])
        elif part == "memory":
            call = (bench_cli_memory.main, ["--eval", args.eval, "--skip", "budget", "--skip", "ratio", "--skip", "inmemory",
                                            "--flat-slice", "40", "--out", str(out)])
        else:
            raise SystemExit(f"unknown part {part!r}: paired, aa, speedup, memory")
        load_before, started = machine.load_average(), time.perf_counter()
        print(f"== {part} ({time.strftime('%H:%M:%S', time.gmtime())} UTC, load {load_before})", flush=True)
        call[0](call[1])
        summary["parts"][part] = {"wall_s": round(time.perf_counter() - started, 1), "load_before": load_before,
                                  "load_after": machine.load_average(), "json": str(out),
                                  **headline(part, json.loads(out.read_text()))}
        (out_dir / "summary.json").write_text(json.dumps(summary, indent=2))
    summary["finished"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
