"""Run every benchmark and write ``docs/results/benchmarks.md``.

    python -m benchmarks.run_all --eval ../shared/eval      # what `make bench` runs

On BBC (2,225 articles) and ru_ua_2022 (407), side by side in one run:
full ``annotate`` throughput against bare ``nlp.pipe`` of the same model over
the same texts (n_process 1 and 2, each measurement in a fresh child
process), each extractor's share of the time, peak memory (RSS, read with
``os.wait4`` for that child alone), Parquet size, reload and cached re-run
times, report rendering, the Dask engine on a BBC slice (tables compared with
the local run) and the profile's hot spots. Raw results also go to
``build/bench/results.json``. Not tests: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import machine
from benchmarks.child import write_input

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {"bbc": "corpora/bbc", "ru_ua_2022": "corpora/ru_ua_2022"}
STEPS = ("parse", "sentences", "actors", "quotes", "dates", "claims", "framing")
#: articles on which annotate() raises, left out (and listed in the output) so
#: the rest can still be measured. Empty: the 9 BBC/ru_ua articles that yielded
#: dates before 1678 annotate since schema.frame turns out-of-range dates to NaT.
KNOWN_CRASHES: dict[str, list[str]] = {}


def run_child(*args: str) -> dict:
    """``python -m benchmarks.child ARGS`` in a fresh process; its JSON line
    plus its own peak RSS (``os.wait4`` gives that child's rusage only)."""
    cmd = [sys.executable, "-m", "benchmarks.child", *args]
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, stdout=out, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        lines = out.read().decode().strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
    result = json.loads(lines[-1])
    result["peak_rss_mib"] = usage.ru_maxrss / 1024  # KiB on Linux
    return result


def load_corpus(path: Path, limit: int | None, skip: list[str] = ()):
    from toolkit.corpus import Corpus
    from toolkit.loading import load

    started = time.perf_counter()
    corpus = load(path)
    seconds = time.perf_counter() - started
    if skip:
        keep = ~corpus.articles["article_id"].isin(list(skip))
        corpus = Corpus(corpus.articles[keep].reset_index(drop=True), corpus.load_report)
    if limit and limit < len(corpus.articles):
        # evenly spaced, not the first N: BBC's files are grouped by topic folder
        step = len(corpus.articles) / limit
        rows = [int(i * step) for i in range(limit)]
        corpus = Corpus(corpus.articles.iloc[rows].reset_index(drop=True), corpus.load_report)
    return corpus, seconds


def parse_limits(values: list[str]) -> dict[str, int]:
    """``["600", "bbc=300"]`` -> ``{"*": 600, "bbc": 300}``."""
    limits = {}
    for value in values:
        name, _, n = value.rpartition("=")
        limits[name or "*"] = int(n)
    return limits


def bench_corpus(name: str, corpus, work: Path, n_processes: list[int]) -> dict:
    """Throughput, shares, memory, storage and reload for one corpus."""
    words = int(corpus.articles["n_words"].sum())
    folder = write_input(corpus, work / name / "input")
    saved, cache = work / name / "annotated", work / name / "cache"
    for stale in (saved, cache):
        subprocess.run(["rm", "-rf", str(stale)], check=True)
    out: dict = {"articles": len(corpus.articles), "words": words, "runs": {}}
    for n in n_processes:
        print(f"[{name}] raw nlp.pipe, n_process={n}", flush=True)
        raw = run_child("raw", str(folder), "--n-process", str(n))
        print(f"[{name}] annotate, n_process={n}", flush=True)
        extra = ["--save", str(saved), "--cache-dir", str(cache)] if n == n_processes[0] else []
        ann = run_child("annotate", str(folder), "--n-process", str(n), *extra)
        out["runs"][n] = {
            "raw_s": raw["seconds"], "raw_words_s": words / raw["seconds"],
            "annotate_s": ann["annotate_seconds"], "annotate_words_s": words / ann["annotate_seconds"],
            "ratio": raw["seconds"] / ann["annotate_seconds"],
            "timings": ann["timings"], "rows": ann["rows"],
            "peak_rss_mib": ann["peak_rss_mib"], "worker_rss_mib": ann["rss_workers_mib"],
            "save_s": ann.get("save_seconds"), "toolkit_signature": ann.get("toolkit_signature"),
        }
    print(f"[{name}] reload", flush=True)
    with pinned_code_digest(out["runs"][n_processes[0]]["toolkit_signature"]):
        out["storage"] = reload_and_storage(corpus, saved, cache)
    out["reference_tables"] = saved
    return out


def reload_and_storage(corpus, saved: Path, cache: Path) -> dict:
    from toolkit.annotation import annotate
    from toolkit.corpus import AnnotatedCorpus

    opens = []
    for _ in range(3):
        started = time.perf_counter()
        reopened = AnnotatedCorpus.open(saved)
        opens.append(time.perf_counter() - started)
    cached_runs = []
    for _ in range(3):  # the first pays this process's imports; the others are what a notebook re-run costs
        started = time.perf_counter()
        cached = annotate(corpus, cache_dir=cache, progress=False)
        cached_runs.append(time.perf_counter() - started)
    return {
        "parquet_mib": sum(p.stat().st_size for p in saved.glob("*.parquet")) / 2**20,
        "parquet_text_tables_mib": sum(p.stat().st_size for p in saved.glob("*.parquet")
                                       if p.stem not in ("articles", "load_report")) / 2**20,
        "open_s": statistics.median(opens),
        "cached_rerun_s": statistics.median(cached_runs[1:]), "cached_rerun_cold_s": cached_runs[0],
        "cached_from_cache": cached.meta["n_from_cache"],
        "rows": {n: len(df) for n, df in reopened.tables().items()},
    }


@contextlib.contextmanager
def pinned_code_digest(signature: str):
    """Make this process see the code digest the annotating child saw. The
    digest (part of every cache key) hashes the toolkit's files, which other
    people may be editing during a long run; without the pin a cached re-run
    measured minutes later would be a cache miss and re-annotate everything.
    Restored afterwards (the Dask check compares digests with its workers)."""
    import toolkit

    real = toolkit.code_digest
    digest = signature.rpartition("+")[2]
    toolkit.code_digest = lambda: digest
    try:
        yield
    finally:
        toolkit.code_digest = real


def bench_reports(corpus_dir: Path, work: Path) -> dict:
    try:
        from toolkit.report import render_all
    except ImportError as exc:
        return {"available": False, "why": f"toolkit.report.render_all not importable ({exc})"}
    out_dir = work / "reports"
    started = time.perf_counter()
    written = render_all(corpus_dir, out_dir)
    seconds = time.perf_counter() - started
    return {"available": True, "seconds": seconds, "files": len(written),
            "mib": sum(Path(p).stat().st_size for p in written) / 2**20}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval", help="evaluation data folder")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "results" / "benchmarks.md")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument("--limit", action="append", default=[], metavar="[CORPUS=]N",
                        help="use N evenly spaced articles (of CORPUS, or of every corpus); "
                             "recorded in the output")
    parser.add_argument("--no-skip", action="store_true", help="do not leave out KNOWN_CRASHES")
    parser.add_argument("--n-process", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--dask-slice", type=int, default=200, help="BBC articles for the Dask check (0: skip)")
    parser.add_argument("--profile-articles", type=int, default=40, help="ru_ua_2022 articles to profile (0: skip)")
    parser.add_argument("--no-reports", action="store_true")
    parser.add_argument("--corpus", action="append", choices=list(CORPORA), help="only these corpora")
    args = parser.parse_args(argv)
    limits = parse_limits(args.limit)
    args.work.mkdir(parents=True, exist_ok=True)

    results: dict = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="minutes"),
                     "machine": machine.describe(), "busy_at_start": machine.busy_processes(),
                     "limits": limits, "skipped": {} if args.no_skip else KNOWN_CRASHES, "corpora": {}}
    command = " ".join(["python -m benchmarks.run_all", *(argv if argv is not None else sys.argv[1:])])
    loaded = {}
    for name in args.corpus or list(CORPORA):
        print(f"[{name}] loading", flush=True)
        corpus, load_s = load_corpus(args.eval / CORPORA[name], limits.get(name, limits.get("*")),
                                     results["skipped"].get(name, []))
        loaded[name] = corpus
        with section(results, ("corpora", name), args, command):
            results["corpora"][name] = {"load_s": load_s, **bench_corpus(name, corpus, args.work, args.n_process)}
    if "ru_ua_2022" in results["corpora"] and not args.no_reports:
        print("[reports] render_all on ru_ua_2022", flush=True)
        with section(results, ("reports",), args, command):
            results["reports"] = bench_reports(results["corpora"]["ru_ua_2022"]["reference_tables"], args.work)
    if "bbc" in results["corpora"] and args.dask_slice:
        print(f"[dask] LocalCluster on {args.dask_slice} BBC articles", flush=True)
        with section(results, ("dask",), args, command):
            results["dask"] = dask_section(loaded["bbc"], args.dask_slice)
    if "ru_ua_2022" in loaded and args.profile_articles:
        from benchmarks.hotspots import profile

        print(f"[profile] {args.profile_articles} ru_ua_2022 articles", flush=True)
        with section(results, ("profile",), args, command):
            results["profile"] = profile(loaded["ru_ua_2022"], n_articles=args.profile_articles)
            (args.work / "profile.txt").write_text(results["profile"]["report"])
    results["machine"]["load average at end (1/5/15 min)"] = machine.load_average()
    results["busy_at_end"] = machine.busy_processes()
    write_outputs(results, args, command)
    print(f"wrote {args.out} and {args.work / 'results.json'}")
    return 0


class section:
    """Run one benchmark section; a failure is recorded in ``results["errors"]``
    (and shown in the page) instead of losing every other number, and the
    outputs are rewritten after each section so an interrupted run keeps
    what it measured."""

    def __init__(self, results: dict, where: tuple[str, ...], args, command: str):
        self.results, self.where, self.args, self.command = results, where, args, command

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb) -> bool:
        if exc is not None:
            import traceback

            self.results.setdefault("errors", {})["/".join(self.where)] = (
                f"{kind.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
            traceback.print_exception(kind, exc, tb)
        write_outputs(self.results, self.args, self.command)
        return kind is None or issubclass(kind, Exception)


def write_outputs(results: dict, args, command: str) -> None:
    (args.work / "results.json").write_text(json.dumps(results, indent=2, default=str))
    from benchmarks.markdown import render

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(results, command=command))


def dask_section(bbc, size: int) -> dict:
    from benchmarks.dask_check import check
    from toolkit.corpus import Corpus

    step = max(1, len(bbc.articles) // size)  # evenly spaced over the topic folders
    return check(Corpus(bbc.articles.iloc[::step].head(size).reset_index(drop=True), bbc.load_report))


if __name__ == "__main__":
    sys.exit(main())
