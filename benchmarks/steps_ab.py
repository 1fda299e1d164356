"""CPU seconds per annotation step of two source trees, side by side, on the
same parsed articles (issue 14, sixth pass; docs/results/scale.md).

    python -m benchmarks.steps_ab prep --eval ../shared/eval [--slice 150]
    python -m benchmarks.steps_ab ab --before /tmp/main-export --after . [--rounds 4]

Method: ``prep`` parses the slice ``bench_cli_memory --slice N`` times once,
in ``annotate``'s partitions (:func:`benchmarks.profile_steps.parse_slice`),
and stores the Docs (``DocBin``) and their records under
``build/bench/steps_ab/``, so both trees extract from the very same parse.
``ab`` runs one fresh child per tree and round, alternating ABBA: each child
imports its tree's toolkit (``PYTHONPATH``), builds the pipeline (the
extractors' data is loaded with it, as in ``annotate``), reads the Docs,
warms up on one article, then times ``annotate_doc`` on every Doc with its
step timers on the CPU clock and the plumbing piece by piece
(:func:`benchmarks.profile_steps.extract_all` and ``plumbing``), and prints
one JSON line. The parse itself is not timed (it is spaCy's and the same in
both trees). Reports the median and the minimum of each step per tree, and
the load average before each child. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import pickle
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORE = ROOT / "build" / "bench" / "steps_ab"
STEPS = ("sentences", "actors", "quotes", "dates", "claims", "framing", "terms", "sourcing")


def prep(eval_dir: str, corpus: str, n: int, store: Path) -> None:
    from spacy.tokens import DocBin

    from benchmarks.bench_cli_memory import evenly_spaced
    from benchmarks.profile_steps import parse_slice
    from toolkit.loading import load

    articles = evenly_spaced(load(Path(eval_dir) / "corpora" / corpus).articles, n)
    parsed, seconds = parse_slice(articles)
    store.mkdir(parents=True, exist_ok=True)
    docs = DocBin(store_user_data=False)
    for part in parsed:
        for _, doc in part:
            docs.add(doc)
    (store / "docs.spacy").write_bytes(docs.to_bytes())
    with open(store / "records.pkl", "wb") as f:
        pickle.dump((articles, [[record for record, _ in part] for part in parsed]), f)
    print(f"{len(articles)} articles parsed in {seconds:.1f} CPU s -> {store}")


def run_once(store: Path) -> dict:
    """One timed pass in this process (whichever toolkit it imports)."""
    from spacy.tokens import DocBin

    from benchmarks.profile_steps import extract_all, plumbing
    from toolkit.actors.catalogue import cached_catalogue, resolve_path
    from toolkit.pipeline import cached_pipeline
    from toolkit.sourcing.sources import cached_sources

    nlp = cached_pipeline(None, str(resolve_path(None)))
    with open(store / "records.pkl", "rb") as f:
        articles, records = pickle.load(f)
    docs = list(DocBin().from_bytes((store / "docs.spacy").read_bytes()).get_docs(nlp.vocab))
    parsed, i = [], 0
    for part in records:
        parsed.append([(record, docs[i + k]) for k, record in enumerate(part)])
        i += len(part)
    catalogue, sources = cached_catalogue(str(resolve_path(None))), cached_sources(None)
    extract_all([parsed[0][:1]], catalogue, sources)  # first call: not the steady state
    for part in parsed:
        for _, doc in part:
            doc.user_data.clear()
    started = time.process_time()
    timings, rows = extract_all(parsed, catalogue, sources)
    extract = time.process_time() - started
    plumb = plumbing(articles, rows)
    return {"extract": extract, **timings, "plumbing": plumb["total (without copy_rows)"],
            **{f"plumbing: {k}": v for k, v in plumb.items() if "total" not in k and "benchmark only" not in k}}


def ab(before: Path, after: Path, rounds: int, store: Path) -> dict:
    results: dict[str, list[dict]] = {"before": [], "after": []}
    for r in range(rounds):
        order = ("before", "after") if r % 2 == 0 else ("after", "before")
        for arm in order:
            tree = (before if arm == "before" else after).resolve()
            load = os.getloadavg()[0]
            # the child gets run_once's own source, so its toolkit *and* benchmarks are the tree's
            env = {**os.environ, "PYTHONPATH": str(tree)}
            code = ("import json, pickle, sys, time\nfrom pathlib import Path\n" + inspect.getsource(run_once)
                    + "\nprint(json.dumps(run_once(Path(sys.argv[1]))))")
            out = subprocess.run([sys.executable, "-c", code, str(store)],
                                 cwd=tree, env=env, capture_output=True, text=True, check=True)
            row = json.loads(out.stdout.strip().splitlines()[-1])
            results[arm].append({"load": load, **row})
            print(f"round {r + 1} {arm:6s} load {load:.2f} extract {row['extract']:.3f} plumbing {row['plumbing']:.3f}",
                  flush=True)
    keys = [k for k in results["before"][0] if k != "load"]
    summary = {k: {arm: {"median": round(statistics.median(x[k] for x in rows), 3),
                         "min": round(min(x[k] for x in rows), 3)} for arm, rows in results.items()} for k in keys}
    return {"rounds": results, "summary": summary,
            "load": [x["load"] for rows in results.values() for x in rows]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prep")
    p.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    p.add_argument("--corpus", default="ru_ua_2022")
    p.add_argument("--slice", type=int, default=150)
    o = sub.add_parser("run", help="one timed pass in this process (what each child of ab does)")
    o.add_argument("--store", type=Path, default=STORE)
    a = sub.add_parser("ab")
    a.add_argument("--before", type=Path, required=True, help="a source tree (e.g. a git archive of main)")
    a.add_argument("--after", type=Path, default=ROOT)
    a.add_argument("--rounds", type=int, default=4)
    a.add_argument("--store", type=Path, default=STORE, help="where prep stored the parsed slice")
    a.add_argument("--out", type=Path, default=ROOT / "build" / "bench" / "steps_ab.json")
    args = parser.parse_args(argv)
    if args.cmd == "prep":
        if not (Path(args.eval) / "corpora" / args.corpus).exists():
            print(f"no corpus {args.corpus} under {args.eval}; nothing to measure")
            return 0
        prep(args.eval, args.corpus, args.slice, STORE)
        return 0
    if args.cmd == "run":
        print(json.dumps(run_once(args.store)))
        return 0
    result = ab(args.before, args.after, args.rounds, args.store)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    for key, arms in result["summary"].items():
        print(f"{key[:48]:48s} before {arms['before']['median']:7.3f} (min {arms['before']['min']:.3f})"
              f"  after {arms['after']['median']:7.3f} (min {arms['after']['min']:.3f})")
    print(f"load {min(result['load']):.2f}-{max(result['load']):.2f}; written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
