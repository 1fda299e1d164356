"""Peak memory of the command line, and annotate's speed against bare
``nlp.pipe``, side by side in one run (issue 14).

    python -m benchmarks.bench_cli_memory --eval ../shared/eval [--slice 40] [--rounds 3] [--out build/bench/cli_memory.json]

1. ``python -m toolkit annotate SOURCE --out TMP --no-cache --quiet`` as a
   child process, its peak RSS read with ``os.wait4`` (that child alone):
   on ru_ua_2022, on BBC, and on an evenly spaced slice of ru_ua_2022 against
   the same slice repeated ten times as distinct articles (each copy gets
   its own closing line, so nothing is served as a duplicate): flat memory
   means the 10x run peaks no higher than the 1x one.
2. ``PARTITION_CHARS`` (the text budget of one ``nlp.pipe`` batch) against
   peak RSS and time, on the ru_ua slice, ``annotate`` in a fresh child.
3. Throughput ratio ``bare nlp.pipe / annotate`` on the same texts with the
   same batches, each measurement in a fresh child. The machine is shared,
   so the two arms are **interleaved** (``--rounds`` rounds, alternating
   ABBA: raw, annotate, annotate, raw, ...) and every round gives its own
   ratio, so load that drifts during the run hits both arms alike; reported
   as the median and the range over rounds, in wall seconds and in CPU
   seconds of the timed region of the child (``time.process_time``, which
   a busy machine disturbs far less than wall time). At n_process=2 the CPU
   is spent in the workers, so only wall time is compared, and the speed-up
   of n_process=2 over 1 pairs each round's annotate runs. The load
   average is recorded before and after every child and summarised.

Not a test: nothing here asserts a number.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import machine

ROOT = Path(__file__).resolve().parents[1]

ANNOTATE_CHILD = """
import json, sys, time
import pandas as pd
import toolkit, toolkit.annotation as annotation
from toolkit import schema
from toolkit.corpus import Corpus
from toolkit.pipeline import cached_pipeline
from toolkit.actors.catalogue import resolve_path
folder, chars, n_process, mode = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
import toolkit.extraction
toolkit.extraction.PARTITION_CHARS = chars
arts = schema.conform("articles", pd.read_parquet(folder + "/articles.parquet"))
corpus = Corpus(arts, schema.frame("load_report"))
if mode == "raw":
    from toolkit.pipeline import build_pipeline
    nlp = build_pipeline()
    nlp.remove_pipe("toolkit_actor_ruler")
    parts = annotation.sized_partitions(arts, max_articles=annotation.BATCH_SIZE)
    started, cpu = time.perf_counter(), time.process_time()
    n = 0
    if n_process == 1:
        for part in parts:  # the same batches annotate() parses
            n += sum(1 for _ in nlp.pipe([r["text"] for r in part], batch_size=len(part)))
    else:
        size = max(1, min(annotation.PARTITION_SIZE, -(-len(arts) // (n_process * 4))))
        n = sum(1 for _ in nlp.pipe(list(arts["text"]), batch_size=size, n_process=n_process))
    print(json.dumps({"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu, "docs": n}))
else:
    cached_pipeline(None, str(resolve_path(None)))  # model loading is not throughput (raw excludes it too)
    started, cpu = time.perf_counter(), time.process_time()
    out = toolkit.annotate(corpus, cache_dir=None, n_process=n_process, progress=False)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    # after the clocks: annotate's own per-step seconds (wall clock, in this process), for where a round's time went
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "sentences": len(out.sentences),
                      "timings": out.meta["timings"]}))
"""


def child(cmd: list[str]) -> dict:
    """Run ``cmd``; its last JSON line (if any), wall seconds and own peak RSS."""
    started, load_before = time.perf_counter(), machine.load_average()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        _, status, usage = os.wait4(proc.pid, 0)
        out.seek(0)
        err.seek(0)
        lines = out.read().decode().strip().splitlines()
        tail = err.read().decode()[-800:]
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])} … exited {code}: {tail}")
    result = {}
    for line in reversed(lines):
        if line.startswith("{"):
            result = json.loads(line)
            break
    return {**result, "wall_s": time.perf_counter() - started, "peak_rss_mib": usage.ru_maxrss / 1024,
            "load_before": load_before, "load_after": machine.load_average()}


#: the command line with toolkit.annotation.SPILL_CHARS set first (the arm
#: that keeps every partition's tables in memory, as before the spill)
CLI_WITH_SPILL_CHARS = """
import sys
import toolkit.annotation
toolkit.annotation.SPILL_CHARS = int(sys.argv[1])
from toolkit.cli import main
sys.exit(main(sys.argv[2:]))
"""


def cli_peak(source: Path, work: Path, spill_chars: int | None = None) -> dict:
    out = work / "cli_out"
    subprocess.run(["rm", "-rf", str(out)], check=True)
    args = ["annotate", str(source), "--out", str(out), "--no-cache", "--quiet"]
    if spill_chars is None:
        return child([sys.executable, "-m", "toolkit", *args])
    return child([sys.executable, "-c", CLI_WITH_SPILL_CHARS, str(spill_chars), *args])


def evenly_spaced(articles, n: int):
    """``n`` articles spread evenly over the corpus (the slice every speed benchmark measures)."""
    step = len(articles) / n
    return articles.iloc[[int(i * step) for i in range(n)]].reset_index(drop=True)


def write_slices(eval_dir: Path, work: Path, n: int) -> tuple[Path, Path, Path]:
    """The ru_ua slice as JSONL (1x and 10x distinct copies) and as Parquet for the children."""
    import pandas as pd

    from toolkit.loading import load

    sl = evenly_spaced(load(eval_dir / "corpora" / "ru_ua_2022").articles, n)
    one, ten, parquet = work / "slice_1x", work / "slice_10x", work / "slice_parquet"
    for folder in (one, ten, parquet):
        folder.mkdir(parents=True, exist_ok=True)
    rows = [{"text": t, "title": h if pd.notna(h) else None, "outlet": o,
             "published": str(p.date()) if pd.notna(p) else None}
            for t, h, o, p in zip(sl["text"], sl["title"], sl["outlet"].astype(str), sl["published"])]
    (one / "ru_ua.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (ten / "ru_ua.jsonl").write_text("".join(
        json.dumps({**r, "text": f"{r['text']}\n\nThis is copy {k} of the article."}) + "\n"
        for k in range(10) for r in rows))
    sl.to_parquet(parquet / "articles.parquet", index=False)
    return one, ten, parquet


def spread(values: list[float]) -> dict:
    """Median and range of per-round figures."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "rounds": [round(v, 4) for v in values]}


def interleaved_ratios(script: list[str], *, rounds: int, n_processes: list[int]) -> dict:
    """``raw`` and ``annotate`` children alternated round by round (ABBA), for
    each n_process; per-round ratios, their median and range (see module
    docstring)."""
    from toolkit.annotation import PARTITION_CHARS

    runs: dict[tuple[str, int], list[dict]] = {}
    loads: list[float] = []
    for r in range(rounds):
        for n in n_processes:
            for mode in (("raw", "annotate") if r % 2 == 0 else ("annotate", "raw")):
                print(f"round {r + 1}/{rounds}: {mode}, n_process={n}", flush=True)
                got = child([*script, str(PARTITION_CHARS), str(n), mode])
                print("  ", got, flush=True)
                runs.setdefault((mode, n), []).append(got)
                loads += [float(got["load_before"].split(" / ")[0]), float(got["load_after"].split(" / ")[0])]
    out: dict = {"rounds": rounds, "load_1min": {"min": min(loads), "max": max(loads),
                                                "median": statistics.median(loads)},
                 "runs": {f"{mode}_n{n}": got for (mode, n), got in runs.items()}}
    for n in n_processes:
        raw, ann = runs[("raw", n)], runs[("annotate", n)]
        out[f"ratio_n{n}_wall"] = spread([a["seconds"] / b["seconds"] for a, b in zip(raw, ann)])
        if n == 1:  # CPU of one process: the workers' CPU at n_process>1 is not the child's
            out["ratio_n1_cpu"] = spread([a["cpu_seconds"] / b["cpu_seconds"] for a, b in zip(raw, ann)])
            # the parse's share of annotate's own time in the same child (both wall clocks; it
            # includes the catalogue ruler): the drift between children does not enter it
            out["in_call_parse_share_n1"] = spread([b["timings"]["parse"] / b["seconds"] for b in ann])
    if 1 in n_processes and 2 in n_processes:
        out["speedup_n2_wall"] = spread([a["seconds"] / b["seconds"]
                                         for a, b in zip(runs[("annotate", 1)], runs[("annotate", 2)])])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--slice", type=int, default=40, help="ru_ua articles in the budget and ratio runs")
    parser.add_argument("--flat-slice", type=int, default=40, help="ru_ua articles in the 1x/10x runs")
    parser.add_argument("--out", default=str(ROOT / "build" / "bench" / "cli_memory.json"))
    parser.add_argument("--skip", action="append", default=[],
                        help="cli, flat, budget, ratio, inmemory (the flat arm's 10x run with every table in memory)")
    parser.add_argument("--budgets", default="50000,200000,800000")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved raw/annotate rounds (ratio)")
    parser.add_argument("--n-process", default="1,2", help="n_process values for the ratio, e.g. 1 or 1,2")
    args = parser.parse_args(argv)
    eval_dir = Path(args.eval)
    if not (eval_dir / "corpora").exists():
        print(f"no evaluation data at {eval_dir}; nothing to measure")
        return 0
    results: dict = {"machine": {"cpus": os.cpu_count(), "cpu": machine.cpu_model(), "ram_gib": machine.ram_gib()},
                     "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "flat").mkdir()
        (work / "ratio").mkdir()
        one, ten, _ = write_slices(eval_dir, work / "flat", args.flat_slice)
        _, _, parquet = write_slices(eval_dir, work / "ratio", args.slice)
        if "cli" not in args.skip:
            for name in ("ru_ua_2022", "bbc"):
                print(f"CLI peak on {name}", flush=True)
                results[f"cli_{name}"] = cli_peak(eval_dir / "corpora" / name, work)
                print("  ", results[f"cli_{name}"], flush=True)
        if "flat" not in args.skip:
            # the 10x corpus also with every table kept in memory (no spill), side by side
            arms = [("1x", one, None), ("10x", ten, None)]
            if "inmemory" not in args.skip:
                arms.append(("10x_in_memory", ten, 10**15))
            for label, folder, spill_chars in arms:
                print(f"CLI peak on the ru_ua slice {label}", flush=True)
                results[f"cli_slice_{label}"] = cli_peak(folder, work, spill_chars)
                print("  ", results[f"cli_slice_{label}"], flush=True)
            # flat memory: the ten-times corpus peaks no higher than the one-time one (ratio <= ~1)
            for label, _, _ in arms[1:]:
                results[f"flat_peak_{label}_over_1x"] = (results[f"cli_slice_{label}"]["peak_rss_mib"]
                                                         / results["cli_slice_1x"]["peak_rss_mib"])
        script = [sys.executable, "-c", ANNOTATE_CHILD, str(parquet)]
        if "budget" not in args.skip:
            for chars in (int(c) for c in args.budgets.split(",")):
                print(f"annotate, PARTITION_CHARS={chars}", flush=True)
                results[f"budget_{chars}"] = child([*script, str(chars), "1", "annotate"])
                print("  ", results[f"budget_{chars}"], flush=True)
        if "ratio" not in args.skip:
            results.update(interleaved_ratios(script, rounds=args.rounds,
                                              n_processes=[int(n) for n in args.n_process.split(",")]))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print(json.dumps({k: v for k, v in results.items() if k.startswith(("ratio", "speedup", "load", "cli_slice", "flat"))},
                     indent=2))
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
