"""annotate / bare ``nlp.pipe`` at n_process=1, measured **paired** inside one
process, so the VM's drifting speed hits both arms alike (issue 14).

    python -m benchmarks.paired_ratio --eval ../shared/eval [--slice 150] [--passes 3] \
        [--chunk-chars 90000] [--design ab|aa] [--out build/bench/paired_ratio.json]

Why: ``bench_cli_memory`` times each arm in its own fresh child (ABBA rounds,
~20-30 CPU s each). On this VM the parse's own speed drifts between children
(the bare arm alone 17.6-24.4 CPU s in the lead's quiet runs, session 5), so a
round's ratio moved 0.65-1.03 and two 10-round runs gave medians 0.854 and
0.782. The spread is the machine's, not the toolkit's (fifth pass: collector,
page faults and threads ruled out). Pairing fixes the estimator, not the code.

Method (one fresh child, :data:`CHILD`):

1. The child loads the bare pipeline exactly as ``benchmarks.child.raw_pipe``
   builds it (the toolkit's pipeline minus ``toolkit_actor_ruler``) and the
   toolkit's ``cached_pipeline`` (the one ``annotate`` uses). ``--design aa``
   loads a second bare pipeline instead of the toolkit's (the A/A check: the
   same work in both arms must give ~1.00).
2. The slice (``--slice`` ru_ua_2022 articles, evenly spaced, as every speed
   benchmark here) is split into K chunks of about equal text
   (:func:`equal_text_chunks`: K = total characters / ``--chunk-chars``, rounded up,
   longest article first into the chunk with the least text; deterministic;
   corpus order within a chunk).
3. Both arms are warmed on one untimed chunk (the first), then for each pass
   and chunk the two arms run back to back, the order alternating (bare first
   when ``chunk + pass`` is even): bare ``nlp.pipe`` over the chunk's texts in
   the batches ``annotate`` cuts from the same chunk
   (``annotation.sized_partitions``), and ``toolkit.annotate(chunk,
   cache_dir=None)`` on a fresh ``Corpus`` of the chunk. Nothing is reused
   between passes (no cache, new Docs every time; only spaCy's string store
   keeps the strings it has seen, in both arms alike). An untimed
   ``gc.collect()`` before every arm, so neither pays for the other's garbage.
   Each arm is timed in ``time.process_time()`` (CPU of this process, what the
   target compares) and ``time.perf_counter()`` (wall).
4. ``annotate``'s own per-step timers (``meta['timings']``) are put on the CPU
   clock for this child (as ``benchmarks.gc_spread`` does), so its ``parse``
   (the ``nlp.pipe`` inside ``annotate``, with the catalogue ruler) can be
   checked against the bare arm's CPU chunk by chunk, and
   ``parse / annotate total`` in the same call is a second paired estimate
   (the two clocks a few milliseconds apart, in the same call). That parse
   includes the catalogue ruler, which is the toolkit's own work: the bare
   arm runs the toolkit's ruler on each of its Docs as they come, on a
   clock of its own (not in the bare arm's time), so the in-call estimate is
   also given as ``(parse - ruler) / annotate total``.

Reported (:func:`summarise`): the estimate ``sum(bare CPU) / sum(annotate
CPU)`` over every chunk and pass; the median and IQR of the per-chunk ratios;
a seeded bootstrap 95 % interval that resamples chunks (all passes of a chunk
together) and recomputes the summed ratio; per-pass summed ratios (drift
across the run); the same for wall time, for the in-call ``parse / total``
estimate and for ``parse inside annotate / bare``; and annotate's fixed costs
per call and per partition (one short article, timed apart), since K calls
pay them K times where a whole-corpus run pays the first once
(:func:`fixed_costs`: the estimate with them taken out, ``ratio_cpu_as_one_call``).

``--abba FILE ...`` summarises ``bench_cli_memory`` JSONs (per-round ratio
median, IQR and the same bootstrap over rounds) for a side-by-side spread.

Not a test: nothing here asserts a number.
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

#: most text per chunk: just under ``toolkit.extraction.PARTITION_CHARS``
#: (100,000), so each chunk is ONE partition of ``annotate`` and one
#: ``nlp.pipe`` batch, as in a whole-corpus run: the parse's batches are the
#: real run's and annotate's per-partition costs are paid as often. Smaller
#: chunks (more of them: a tighter interval) pay annotate's per-call cost
#: (~0.1-0.2 CPU s: catalogue, signature, table assembly) once per chunk where a
#: whole run pays it once; the run reports that cost (:func:`fixed_costs`).
CHUNK_CHARS = 90_000
BOOTSTRAP_RESAMPLES = 2000
BOOTSTRAP_SEED = 14


def equal_text_chunks(lengths: list[int], k: int) -> list[list[int]]:
    """Indices of ``lengths`` split into ``k`` chunks of about equal total.

    Method: longest first, each into the chunk with the least text so far
    (ties: the lower chunk number; equal lengths: the earlier article), then
    each chunk in corpus order. Deterministic; every index exactly once; an
    article longer than the target makes a chunk of its own that is larger.

    Args:
        lengths: characters of each article, in corpus order.
        k: number of chunks (at most ``len(lengths)``; at least 1).

    Returns:
        ``k`` lists of indices into ``lengths``, none empty when
        ``len(lengths) >= k``.
    """
    k = max(1, min(int(k), len(lengths))) if lengths else 0
    totals = [0] * k
    chunks: list[list[int]] = [[] for _ in range(k)]
    for i in sorted(range(len(lengths)), key=lambda j: (-lengths[j], j)):
        target = min(range(k), key=lambda c: (totals[c], c))
        chunks[target].append(i)
        totals[target] += lengths[i]
    return [sorted(c) for c in chunks]


def chunk_count(lengths: list[int], chunk_chars: int) -> int:
    """How many chunks of at most about ``chunk_chars`` characters the texts
    need (the total divided by it, rounded up; at least 1, at most one per article)."""
    return max(1, min(len(lengths), -(-sum(lengths) // max(1, chunk_chars))))


def bootstrap_ratio(num: dict, den: dict, *, resamples: int = BOOTSTRAP_RESAMPLES,
                    seed: int = BOOTSTRAP_SEED) -> dict:
    """Percentile bootstrap 95 % interval of ``sum(num) / sum(den)``,
    resampling clusters (chunks, or rounds) with replacement.

    Args:
        num, den: cluster -> list of per-observation values (a chunk's passes).
        resamples, seed: the bootstrap's size and its seed (reproducible).

    Returns:
        ``{"estimate", "low", "high", "resamples", "seed"}``.
    """
    import numpy as np

    keys = sorted(num)
    n = np.array([sum(num[k]) for k in keys], dtype=float)
    d = np.array([sum(den[k]) for k in keys], dtype=float)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(keys), size=(resamples, len(keys)))
    ratios = n[picks].sum(axis=1) / d[picks].sum(axis=1)
    low, high = np.percentile(ratios, [2.5, 97.5])
    return {"estimate": float(n.sum() / d.sum()), "low": float(low), "high": float(high),
            "resamples": resamples, "seed": seed}


def spread(values: list[float]) -> dict:
    """Median, quartiles and range of per-observation ratios."""
    import numpy as np

    q1, q3 = np.percentile(values, [25, 75])
    return {"median": float(statistics.median(values)), "q1": float(q1), "q3": float(q3),
            "iqr": float(q3 - q1), "min": min(values), "max": max(values), "n": len(values)}


def paired(rows: list[dict], a: str, b: str) -> dict:
    """``sum(a) / sum(b)`` over ``rows`` with its bootstrap over chunks, the
    spread of per-row ``a / b``, and the summed ratio of each pass."""
    num: dict = {}
    den: dict = {}
    for r in rows:
        num.setdefault(r["chunk"], []).append(r[a])
        den.setdefault(r["chunk"], []).append(r[b])
    passes = sorted({r["pass"] for r in rows})
    return {**bootstrap_ratio(num, den), "per_chunk": spread([r[a] / r[b] for r in rows]),
            "per_pass": [round(sum(r[a] for r in rows if r["pass"] == p)
                               / sum(r[b] for r in rows if r["pass"] == p), 4) for p in passes]}


def summarise(rows: list[dict], design: str) -> dict:
    """The estimates of one paired run (see the module docstring)."""
    second = "annotate" if design == "ab" else "bare_b"
    out = {"ratio_cpu": paired(rows, "bare_cpu", f"{second}_cpu"),
           "ratio_wall": paired(rows, "bare_wall", f"{second}_wall"),
           "bare_cpu_s": round(sum(r["bare_cpu"] for r in rows), 3),
           f"{second}_cpu_s": round(sum(r[f"{second}_cpu"] for r in rows), 3)}
    if design == "ab":
        # second estimate: the parse's share of annotate's own CPU, in the same call
        out["in_call_parse_over_annotate"] = paired(rows, "annotate_parse_cpu", "annotate_cpu")
        # ... less the catalogue ruler, which annotate's parse runs but is the toolkit's own work
        for r in rows:
            r["annotate_parse_minus_ruler_cpu"] = r["annotate_parse_cpu"] - r["ruler_cpu"]
        out["in_call_parse_minus_ruler_over_annotate"] = paired(rows, "annotate_parse_minus_ruler_cpu", "annotate_cpu")
        out["ruler_cpu_s"] = round(sum(r["ruler_cpu"] for r in rows), 3)
        # the same parse? annotate's parse (with the catalogue ruler) against the bare arm next to it
        out["annotate_parse_over_bare"] = paired(rows, "annotate_parse_cpu", "bare_cpu")
        out["annotate_steps_cpu_s"] = round(sum(r["annotate_steps_cpu"] for r in rows), 3)
        out["annotate_other_cpu_s"] = round(sum(r["annotate_other_cpu"] for r in rows), 3)
    return out


def fixed_costs(fixed: dict, *, chunks: int, passes: int, annotate_cpu: float, estimate: float) -> dict:
    """What chunking adds to ``annotate``'s CPU, and the estimate without it.

    A whole-slice run is one ``annotate`` call of P partitions; the paired run
    makes K calls of one partition each per pass. So it pays annotate's
    per-call work (catalogue, signature, table assembly: a call's CPU outside
    parse and extractors, less a partition's) K - 1 extra times per pass, and
    its per-partition work (a partition's CPU outside parse and extractors:
    empty frames, row ids, ``malloc_trim``) K - P extra times (P from
    ``sized_partitions`` on the whole slice). Measured on the slice's
    shortest article (medians of five), subtracted from the annotate arm.
    A model of the difference, so both figures are reported.
    """
    def outside(runs: list[dict]) -> float:
        return statistics.median(f["cpu"] - f["parse_cpu"] - f["steps_cpu"] for f in runs)

    partition = outside(fixed["partition"])
    call = max(0.0, outside(fixed["call"]) - partition)
    whole = fixed["whole_slice_partitions"]
    extra = passes * ((chunks - 1) * call + (chunks - whole) * partition)
    return {"per_call": call, "per_partition": partition, "whole_slice_partitions": whole,
            "extra_cpu_s": extra, "extra_share_of_annotate_cpu": extra / annotate_cpu,
            "ratio_cpu_as_one_call": estimate * annotate_cpu / (annotate_cpu - extra),
            "call_runs_cpu": [round(f["cpu"], 4) for f in fixed["call"]],
            "partition_runs_cpu": [round(f["cpu"], 4) for f in fixed["partition"]]}


def abba_spread(paths: list[str]) -> dict:
    """Per-round spread of ``bench_cli_memory``'s ABBA n=1 CPU ratio, per file
    and over all files, with the same bootstrap (clusters = rounds)."""
    out: dict = {}
    num_all: dict = {}
    den_all: dict = {}
    for f, path in enumerate(paths):
        runs = json.loads(Path(path).read_text())["runs"]
        raw = [r["cpu_seconds"] for r in runs["raw_n1"]]
        ann = [r["cpu_seconds"] for r in runs["annotate_n1"]]
        num = {i: [x] for i, x in enumerate(raw)}
        den = {i: [x] for i, x in enumerate(ann)}
        out[Path(path).name] = {**bootstrap_ratio(num, den), "per_round": spread([a / b for a, b in zip(raw, ann)]),
                                "bare_cpu_range": [min(raw), max(raw)], "annotate_cpu_range": [min(ann), max(ann)]}
        for i in num:
            num_all[(f, i)], den_all[(f, i)] = num[i], den[i]
    if len(paths) > 1:
        out["all"] = {**bootstrap_ratio(num_all, den_all),
                      "per_round": spread([num_all[k][0] / den_all[k][0] for k in num_all])}
    return out


#: the child: loads both pipelines, runs every chunk and pass, prints rows as one JSON line
CHILD = r"""
import gc, json, sys, time, types
import pandas as pd
import toolkit, toolkit.annotation as annotation, toolkit.extraction
from toolkit import schema
from toolkit.corpus import Corpus
from toolkit.pipeline import build_pipeline, cached_pipeline
from toolkit.actors.catalogue import resolve_path
from benchmarks.paired_ratio import equal_text_chunks, chunk_count
folder, design, chunk_chars, passes = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
# annotate's step timers on the CPU clock, so its parse compares with the bare arm's CPU
toolkit.extraction.time = types.SimpleNamespace(perf_counter=time.process_time)
arts = schema.conform("articles", pd.read_parquet(folder + "/articles.parquet"))
lengths = [len(t or "") for t in arts["text"]]
chunks = equal_text_chunks(lengths, chunk_count(lengths, chunk_chars))

def bare_pipeline():
    nlp = build_pipeline()  # as benchmarks.child.raw_pipe: the toolkit's pipeline minus its own component
    nlp.remove_pipe("toolkit_actor_ruler")
    return nlp

bare_a = bare_pipeline()
bare_b = bare_pipeline() if design == "aa" else None
ruler = None
if design == "ab":  # the key annotate_partition asks for; its catalogue ruler, timed apart in the bare arm
    ruler = cached_pipeline(None, str(resolve_path(None))).get_pipe("toolkit_actor_ruler")

def run_bare(nlp, frame):
    parts = annotation.sized_partitions(frame, max_articles=annotation.BATCH_SIZE)  # annotate's batches
    gc.collect()
    ruler_cpu, n = 0.0, 0
    cpu, wall = time.process_time(), time.perf_counter()
    for part in parts:
        for doc in nlp.pipe([r["text"] or "" for r in part], batch_size=len(part)):
            n += 1
            if ruler is not None:  # the catalogue ruler alone on the same Doc (annotate's parse runs it), timed apart
                started = time.process_time()
                ruler(doc)
                ruler_cpu += time.process_time() - started
    got = {"cpu": time.process_time() - cpu - ruler_cpu, "wall": time.perf_counter() - wall - ruler_cpu,
           "docs": n, "batches": len(parts)}
    if ruler is not None:
        got["ruler_cpu"] = ruler_cpu
    return got

def run_annotate(frame):
    corpus = Corpus(frame, schema.frame("load_report"))
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    out = toolkit.annotate(corpus, cache_dir=None, n_process=1, progress=False)
    got = {"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall}
    t = out.meta["timings"]
    got.update(parse_cpu=t.get("parse", 0.0), steps_cpu=sum(v for k, v in t.items() if k != "parse"),
               docs=len(out.articles), sentences=len(out.sentences))
    return got

frames = [arts.iloc[c].reset_index(drop=True) for c in chunks]
arms = {"bare": lambda f: run_bare(bare_a, f)}
arms["annotate" if design == "ab" else "bare_b"] = (run_annotate if design == "ab" else (lambda f: run_bare(bare_b, f)))
names = list(arms)
for name in names:  # warm-up, untimed: the first chunk once through each arm
    arms[name](frames[0])
def run_partition(frame):  # one partition as annotate runs it, without annotate's own per-call work
    [records] = toolkit.extraction.partitions(frame, size=len(frame))
    settings = toolkit.extraction.Settings(catalogue=str(resolve_path(None)))
    gc.collect()
    cpu = time.process_time()
    _, t = toolkit.extraction.annotate_partition(records, settings)
    return {"cpu": time.process_time() - cpu, "parse_cpu": t.get("parse", 0.0),
            "steps_cpu": sum(v for k, v in t.items() if k != "parse")}

fixed = None
if design == "ab":  # annotate's fixed costs: the shortest article, five times, as a call and as a partition
    short = arts.iloc[[min(range(len(lengths)), key=lambda i: (lengths[i], i))]].reset_index(drop=True)
    fixed = {"call": [run_annotate(short) for _ in range(5)], "partition": [run_partition(short) for _ in range(5)],
             # how many partitions annotate cuts from the whole slice in one call
             "whole_slice_partitions": len(annotation.sized_partitions(arts, max_articles=annotation.BATCH_SIZE))}
rows = []
for p in range(passes):
    for c, frame in enumerate(frames):
        order = names if (c + p) % 2 == 0 else names[::-1]
        row = {"pass": p, "chunk": c, "order": order[0], "articles": len(frame), "chars": sum(lengths[i] for i in chunks[c])}
        for name in order:
            got = arms[name](frame)
            row[f"{name}_cpu"], row[f"{name}_wall"] = got["cpu"], got["wall"]
            if name == "annotate":
                row.update(annotate_parse_cpu=got["parse_cpu"], annotate_steps_cpu=got["steps_cpu"],
                           annotate_other_cpu=got["cpu"] - got["parse_cpu"] - got["steps_cpu"],
                           annotate_docs=got["docs"], sentences=got["sentences"])
            else:
                row[f"{name}_docs"], row["batches"] = got["docs"], got["batches"]
                if "ruler_cpu" in got:
                    row["ruler_cpu"] = got["ruler_cpu"]
        rows.append(row)
        print(json.dumps({"progress": row}), file=sys.stderr, flush=True)
print(json.dumps({"chunks": chunks, "rows": rows, "fixed": fixed}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--slice", type=int, default=150, help="ru_ua_2022 articles, evenly spaced (0: all)")
    parser.add_argument("--passes", type=int, default=3, help="passes over every chunk")
    parser.add_argument("--chunk-chars", type=int, default=CHUNK_CHARS, help="text per chunk (sets K)")
    parser.add_argument("--design", choices=["ab", "aa"], default="ab",
                        help="ab: bare vs annotate; aa: bare vs a second bare pipeline (the estimator's check)")
    parser.add_argument("--abba", nargs="*", default=[], help="bench_cli_memory JSONs to summarise alongside")
    parser.add_argument("--out", default=str(ROOT / "build" / "bench" / "paired_ratio.json"))
    args = parser.parse_args(argv)
    from benchmarks import machine
    from benchmarks.bench_cli_memory import child, write_slices

    result: dict = {"design": args.design, "slice": args.slice, "passes": args.passes, "chunk_chars": args.chunk_chars,
                    "machine": {"cpus": os.cpu_count(), "cpu": machine.cpu_model()},
                    "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    if args.abba:
        result["abba"] = abba_spread(args.abba)
    if not (Path(args.eval) / "corpora").exists():
        print(f"no evaluation data at {args.eval}; nothing to measure")
        if args.abba:
            print(json.dumps(result["abba"], indent=2))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        n = args.slice
        if n <= 0:
            from toolkit.loading import load

            n = len(load(Path(args.eval) / "corpora" / "ru_ua_2022").articles)
            result["slice"] = n
        _, _, parquet = write_slices(Path(args.eval), Path(tmp), n)
        got = child([sys.executable, "-c", CHILD, str(parquet), args.design, str(args.chunk_chars), str(args.passes)])
    rows = got.pop("rows")
    chunks = got.pop("chunks")
    fixed = got.pop("fixed")
    result.update({"chunks": len(chunks), "chunk_chars_range": [min(r["chars"] for r in rows), max(r["chars"] for r in rows)],
                   "chunk_articles_range": [min(r["articles"] for r in rows), max(r["articles"] for r in rows)],
                   "child": got, "summary": summarise(rows, args.design), "rows": rows,
                   "finished": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())})
    if fixed:
        result["fixed_cpu_s"] = fixed_costs(fixed, chunks=len(chunks), passes=args.passes,
                                            annotate_cpu=result["summary"]["annotate_cpu_s"],
                                            estimate=result["summary"]["ratio_cpu"]["estimate"])
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    brief = {k: v for k, v in result.items() if k not in ("rows", "child")}
    print(json.dumps(brief, indent=2))
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
