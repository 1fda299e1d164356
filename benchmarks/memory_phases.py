"""Where the peak memory of ``annotate`` comes from, phase by phase (issue 14).

    python -m benchmarks.memory_phases /work/shared/eval/corpora/bbc [--limit 600] [--repeat 1]

Runs the CLI's work in this process (``toolkit.load`` → ``toolkit.annotate``
without cache → ``save``) while a thread samples the resident set size
(``/proc/self/statm``) every 50 ms, and labels every sample with the phase
running: each partition (parse + extractors), merging the partitions,
assembling the corpus tables, the analyst's review step, saving. For each
phase it prints RSS at its start and end and the highest sample inside it,
so a peak can be told apart from growth that stays (tables kept, memory not
returned). ``--repeat N`` appends N-1 distinct copies of the articles (the
10x "flat memory" check). Not a test: nothing here asserts a number.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * PAGE / 2**20


class PhaseSampler:
    """RSS sampled in a thread; each sample counts towards the current phase."""

    def __init__(self, interval: float = 0.05):
        self.interval, self.phase, self.rows, self._stop = interval, "start", [], False
        self._current: dict | None = None
        self._lock = threading.Lock()
        self.enter("start")
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def enter(self, phase: str, **extra) -> None:
        now = rss_mib()
        with self._lock:
            if self._current is not None:
                self._current["end_mib"] = now
                self._current["peak_mib"] = max(self._current["peak_mib"], now)
                self._current["seconds"] = time.perf_counter() - self._current.pop("_t")
                self.rows.append(self._current)
            self._current = {"phase": phase, "start_mib": now, "peak_mib": now, "_t": time.perf_counter(), **extra}

    def _run(self) -> None:
        while not self._stop:
            now = rss_mib()
            with self._lock:
                if self._current is not None and now > self._current["peak_mib"]:
                    self._current["peak_mib"] = now
            time.sleep(self.interval)

    def stop(self) -> list[dict]:
        self.enter("end")
        self._stop = True
        return self.rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source")
    parser.add_argument("--limit", type=int, help="evenly spaced articles (default: all)")
    parser.add_argument("--repeat", type=int, default=1, help="distinct copies of every article")
    parser.add_argument("--out", help="also write the phases as JSON here")
    parser.add_argument("--spill-chars", type=int, help="set toolkit.annotation.SPILL_CHARS (a huge value: keep "
                                                         "every partition's tables in memory, as before the spill)")
    args = parser.parse_args(argv)

    import pandas as pd

    import toolkit
    import toolkit.annotation as annotation
    import toolkit.review as review
    from toolkit.corpus import AnnotatedCorpus, Corpus

    if args.spill_chars is not None:
        annotation.SPILL_CHARS = args.spill_chars
    sampler = PhaseSampler()
    sampler.enter("load")
    corpus = toolkit.load(args.source)
    arts = corpus.articles
    if args.limit and args.limit < len(arts):
        step = len(arts) / args.limit
        arts = arts.iloc[[int(i * step) for i in range(args.limit)]].reset_index(drop=True)
    if args.repeat > 1:
        import hashlib

        copies = []
        for k in range(1, args.repeat):
            text = arts["text"] + f"\n\nThis is copy {k} of the article."
            # distinct articles, as the loader would hash them (a shared hash
            # would make the review step re-key every table as duplicates)
            copies.append(arts.assign(article_id=arts["article_id"] + f"~copy{k}", text=text,
                                      content_hash=[hashlib.sha256(t.encode("utf-8")).hexdigest() for t in text]))
        arts = pd.concat([arts, *copies], ignore_index=True)
    corpus = Corpus(arts, corpus.load_report[corpus.load_report["article_id"].isin(arts["article_id"])])
    sampler.enter("pipeline")
    from toolkit.actors.catalogue import resolve_path
    from toolkit.pipeline import cached_pipeline

    cached_pipeline(None, str(resolve_path(None)))

    real_partition, real_merge, real_assemble, real_review = (
        annotation.annotate_partition, annotation.merge_results, annotation.assemble_tables, review.assemble)
    count = {"n": 0}

    def partition(records, settings):
        count["n"] += 1
        sampler.enter("partition", index=count["n"], articles=len(records),
                      chars=sum(len(r["text"] or "") for r in records))
        return real_partition(records, settings)

    def merge(results):
        sampler.enter("merge partitions")
        return real_merge(results)

    def assemble(articles, parts):
        sampler.enter("assemble tables + corpus steps")
        return real_assemble(articles, parts)

    def reviewed(*a, **k):
        sampler.enter("review (corrections)")
        return real_review(*a, **k)

    annotation.annotate_partition, annotation.merge_results = partition, merge
    annotation.assemble_tables, review.assemble = assemble, reviewed
    try:
        annotated = toolkit.annotate(corpus, cache_dir=None, progress=False)
    finally:
        annotation.annotate_partition, annotation.merge_results = real_partition, real_merge
        annotation.assemble_tables, review.assemble = real_assemble, real_review
    sampler.enter("save")
    with tempfile.TemporaryDirectory() as tmp:
        AnnotatedCorpus.save(annotated, Path(tmp) / "out")
    rows = sampler.stop()

    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(arts)} articles, {int(arts['text'].str.len().sum()):,} characters; "
          f"peak RSS {peak:,.0f} MiB; load average {os.getloadavg()[0]:.2f}; SPILL_CHARS {annotation.SPILL_CHARS:,}")
    print(f"{'phase':<32} {'start':>7} {'peak':>7} {'end':>7} {'s':>7}")
    partitions = [r for r in rows if r["phase"] == "partition"]
    for r in rows:
        if r["phase"] == "partition" and len(partitions) > 12 and 3 <= r["index"] <= len(partitions) - 3:
            continue  # the first and last few are enough to see growth
        label = r["phase"] if r["phase"] != "partition" else f"partition {r['index']} ({r['articles']} art., {r['chars']:,} ch)"
        print(f"{label:<32} {r['start_mib']:>7.0f} {r['peak_mib']:>7.0f} {r['end_mib']:>7.0f} {r['seconds']:>7.1f}")
    if partitions:
        print(f"partitions: highest peak {max(r['peak_mib'] for r in partitions):.0f} MiB, RSS after the first "
              f"{partitions[0]['end_mib']:.0f} → after the last {partitions[-1]['end_mib']:.0f} MiB")
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps({"peak_mib": peak, "load": os.getloadavg(), "phases": rows}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
