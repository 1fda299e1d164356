"""CPU seconds per annotation step, and a sampling profile of the extractors
and the plumbing, on an evenly spaced slice of a real corpus (issue 14).

    python -m benchmarks.profile_steps --eval ../shared/eval [--slice 150] [--skip-steps dates] \
        [--profile] [--out build/bench/profile_steps.json]

Method: the slice is the one ``bench_cli_memory --slice N`` times (evenly
spaced ru_ua_2022 articles). The texts are parsed once, in the partitions
``annotate`` uses (``sized_partitions``), and the ``Doc``s are kept, so the
extractors and the plumbing can be timed and profiled without the parse:

* ``steps``: :func:`toolkit.extraction.annotate_doc` on every Doc with its
  step timers on the CPU clock (``time.process_time``), after one warm-up
  article (first-call loading of lexicons and rules is reported apart, as
  ``first_call_s``);
* ``plumbing``: what ``annotate`` does besides parsing and extracting, timed
  piece by piece on the same rows: building each partition's frames
  (``schema.frame``), the machine columns (row ids, confidence), merging
  partitions, ``assemble_tables`` (ordering, conforming, corpus steps) and the
  review step;
* ``--profile``: pyinstrument's sampling profiler (1 ms) over the extractors
  and the plumbing; own time per toolkit module and the hottest toolkit
  functions (inclusive). cProfile is not used: spaCy's Cython code has
  profiling hooks, so every Token creation would become a profiled call.

Each run starts from Docs without the toolkit's per-Doc caches
(``Doc.user_data``), as in ``annotate``. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

from benchmarks.bench_cli_memory import evenly_spaced
from benchmarks.hotspots import short_path

ROOT = Path(__file__).resolve().parents[1]


def parse_slice(articles):
    from toolkit.actors.catalogue import resolve_path
    from toolkit.extraction import BATCH_SIZE, parse_records, sized_partitions
    from toolkit.pipeline import cached_pipeline

    nlp = cached_pipeline(None, str(resolve_path(None)))
    parts = sized_partitions(articles, max_articles=BATCH_SIZE)
    started = time.process_time()
    parsed = [[(r, d) for r, d in parse_records(nlp, part, BATCH_SIZE)] for part in parts]
    return parsed, time.process_time() - started


def _fresh(parsed):
    for part in parsed:
        for _, doc in part:
            doc.user_data.clear()


def extract_all(parsed, catalogue, sources, *, skip=()):
    """annotate_doc on every Doc with CPU step timers; rows per partition."""
    from toolkit import extraction

    timings: dict[str, float] = {}
    rows_per_part = []
    cpu_clock = SimpleNamespace(perf_counter=time.process_time)
    with mock.patch.object(extraction, "time", cpu_clock):
        for part in parsed:
            out = []
            for record, doc in part:
                out.append((record, extraction.annotate_doc(doc, extraction.article_context(record), catalogue,
                                                            timings=timings, sources=sources)))
            rows_per_part.append(out)
    return timings, rows_per_part


def plumbing(articles, rows_per_part) -> dict[str, float]:
    """The non-extractor work of annotate, step by step, CPU seconds."""
    from toolkit import schema
    from toolkit.corpus import AnnotatedCorpus
    from toolkit.extraction import FAILED, TEXT_TABLES, assemble_tables, merge_results
    from toolkit.review import assemble as apply_review
    from toolkit.review import machine_columns

    clock = time.process_time
    out: dict[str, float] = defaultdict(float)
    results = []
    for part in rows_per_part:
        t0 = clock()
        rows = {name: [] for name in TEXT_TABLES}
        records = []
        for record, doc_rows in part:
            records.append(record)
            for name, table_rows in doc_rows.items():
                rows[name].extend(dict(r) for r in table_rows)
        t1 = clock()
        frames = {name: schema.frame(name, r) for name, r in rows.items()}
        t2 = clock()
        tables = machine_columns(frames, records)
        tables[FAILED] = schema.frame(FAILED, [])
        t3 = clock()
        out["copy_rows (benchmark only)"] += t1 - t0
        out["schema.frame per partition"] += t2 - t1
        out["machine_columns per partition"] += t3 - t2
        results.append((tables, {}))
    t0 = clock()
    fresh, _ = merge_results(results)
    fresh.pop(FAILED)
    t1 = clock()
    tables = assemble_tables(articles, [fresh])
    t2 = clock()
    arts = tables.pop("articles")
    annotated = AnnotatedCorpus(articles=arts, load_report=schema.frame("load_report"), meta={}, **tables)
    apply_review(annotated, source=None, corrections=False, catalogue=None)
    t3 = clock()
    out["merge_results"] = t1 - t0
    out["assemble_tables (order, conform, corpus steps)"] = t2 - t1
    out["review.assemble"] = t3 - t2
    out["total (without copy_rows)"] = sum(v for k, v in out.items() if "benchmark only" not in k)
    return dict(out)


def profile_run(fn, root: str, top: int = 25) -> dict:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.001)
    profiler.start()
    fn()
    profiler.stop()
    session = profiler.last_session
    own: dict[str, float] = defaultdict(float)
    own_fn: dict[str, float] = defaultdict(float)
    inclusive: dict[str, float] = defaultdict(float)

    def short(path: str) -> str:
        return short_path(path, root)

    def walk(frame, seen: frozenset, owner: str | None) -> None:
        path = frame.file_path or ""
        key = f"{short(path)}:{frame.line_no}({frame.function})"
        if path.startswith(root):
            owner = key
            own[short(path)] += frame.total_self_time
            if key not in seen:
                inclusive[key] += frame.time
        # time in non-toolkit code is charged to the toolkit function that called it
        if owner is not None:
            own_fn[owner] += frame.total_self_time
        for child in frame.children:
            walk(child, seen | {key}, owner)

    walk(session.root_frame(), frozenset(), None)
    rank = lambda d: [(k, round(v, 3)) for k, v in sorted(d.items(), key=lambda kv: kv[1], reverse=True)[:top]]
    return {"total_s": session.duration, "own_per_module": rank(own),
            "own_per_function_incl_libraries": rank(own_fn), "inclusive": rank(inclusive),
            "text": profiler.output_text(unicode=False, color=False, show_all=False)}


def main(argv: list[str] | None = None) -> int:
    import toolkit
    from benchmarks import machine
    from toolkit.actors.catalogue import cached_catalogue, resolve_path
    from toolkit.loading import load
    from toolkit.sourcing.sources import cached_sources

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--corpus", default="ru_ua_2022")
    parser.add_argument("--slice", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=2, help="timed passes over the Docs (best is kept)")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--out", default=str(ROOT / "build" / "bench" / "profile_steps.json"))
    args = parser.parse_args(argv)
    source = Path(args.eval) / "corpora" / args.corpus
    if not source.exists():
        print(f"no corpus at {source}; nothing to measure")
        return 0
    result: dict = {"load_before": machine.load_average(), "slice": args.slice, "corpus": args.corpus}
    articles = evenly_spaced(load(source).articles, args.slice)
    parsed, parse_s = parse_slice(articles)
    result["parse_cpu_s"] = parse_s
    catalogue = cached_catalogue(str(resolve_path(None)))
    sources = cached_sources(None)
    started = time.process_time()
    extract_all([parsed[0][:1]], catalogue, sources)
    result["first_call_s"] = time.process_time() - started
    passes = []
    for _ in range(args.repeat):
        _fresh(parsed)
        started = time.process_time()
        timings, rows = extract_all(parsed, catalogue, sources)
        passes.append({"extractors_cpu_s": time.process_time() - started,
                       "steps": {k: round(v, 3) for k, v in timings.items()}})
        passes[-1]["plumbing"] = {k: round(v, 3) for k, v in plumbing(articles, rows).items()}
    result["passes"] = passes
    if args.profile:
        root = str(Path(toolkit.__file__).parent)
        _fresh(parsed)
        holder = {}
        result["profile_extractors"] = profile_run(lambda: holder.update(rows=extract_all(parsed, catalogue, sources)[1]), root)
        result["profile_plumbing"] = profile_run(lambda: plumbing(articles, holder["rows"]), root)
    result["load_after"] = machine.load_average()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    brief = {k: v for k, v in result.items() if not k.startswith("profile")}
    print(json.dumps(brief, indent=2))
    for name in ("profile_extractors", "profile_plumbing"):
        if name in result:
            print(f"== {name}: {result[name]['total_s']:.2f} s")
            for key in ("own_per_module", "own_per_function_incl_libraries", "inclusive"):
                print(f"-- {key}")
                for k, v in result[name][key]:
                    print(f"   {v:7.3f}  {k}")
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
