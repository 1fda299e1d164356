"""Run ``toolkit.timeline`` on a real two-outlet corpus and print what an analyst
would check: how many dated mentions and events, how many events more than one
outlet reported, the first-outlet split and lags, and a random sample of
cross-outlet events (with their sentences) to judge by hand.

There is no gold standard for cross-outlet event clusters; the sample is for a
manual precision spot check (results and judgements in docs/results/dates.md).

Data: ``corpora/ru_ua_2022`` (Guardian and NYT, 2022; CSV ``published,
headlines, articles``; the outlet is the file name).

Usage (from the repo root)::

    .venv/bin/python -m evaluation.eval_dates_timeline [--data ../shared/eval/corpora/ru_ua_2022]
        [--limit N] [--sample 20] [--seed 0]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from evaluation.common import add_data_args, eval_root, scored, smoke_limit

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = eval_root() / "corpora" / "ru_ua_2022"
OUTLETS = {"Guardians_Russia_Ukraine.csv": "The Guardian", "NYT_Russia_Ukraine.csv": "The New York Times"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_data_args(ap, DEFAULT_DATA, "ru_ua_2022 folder (the Guardian and NYT CSVs)", "the first 4 articles per outlet")
    ap.add_argument("--limit", type=int, default=None, help="first N articles per outlet")
    ap.add_argument("--sample", type=int, default=20, help="cross-outlet events to print")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--min-similarity", type=float, default=None, help="timeline threshold (default: the toolkit's)")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not data.exists():
        print(f"no corpus at {data}: skipped")
        return 0
    import pandas as pd

    from toolkit.annotation import annotate
    from toolkit.corpus import Corpus
    from toolkit.dates import timeline
    from toolkit.loading import load

    parts, reports = [], []
    for name, outlet in OUTLETS.items():
        c = load(data / name, fields={"text": "articles", "title": "headlines", "published": "published"}, outlet=outlet)
        arts = c.articles.sort_values("published", kind="stable")
        limit = smoke_limit(args, 4, args.limit)
        parts.append(arts.head(limit) if limit else arts)
        reports.append(c.load_report)
    articles = pd.concat(parts, ignore_index=True)
    started = time.perf_counter()
    cache = Path(tempfile.gettempdir()) / "toolkit_eval_dates_timeline"
    corpus = annotate(Corpus(articles, pd.concat(reports, ignore_index=True)), cache_dir=cache)
    options = {} if args.min_similarity is None else {"min_similarity": args.min_similarity}
    tl = timeline(corpus, **options)
    print(f"annotate + timeline: {time.perf_counter() - started:.0f}s", file=sys.stderr)
    ev = tl.events
    per_event = ev.groupby("event_id").agg(n_outlets=("outlet", "nunique"), n_mentions=("n_mentions", "first"))
    multi = per_event[per_event["n_outlets"] > 1].index
    print(scored(data, "the whole corpus (no gold: events read by hand)", len(articles), "articles", args.smoke))
    print(f"{len(articles)} articles ({articles['outlet'].value_counts().to_dict()}), "
          f"{len(corpus.dates)} date rows, {len(tl.mentions)} dated event mentions, {per_event.shape[0]} events, "
          f"{len(multi)} reported by both outlets")
    firsts = ev[ev["event_id"].isin(multi) & ev["is_first"]]["outlet"].value_counts().to_dict()
    lags = ev[ev["event_id"].isin(multi) & ~ev["is_first"]]["lag_days"]
    print(f"first outlet on shared events: {firsts}; lag of the other: median {lags.median()} days, "
          f"mean {lags.mean():.1f}")
    sample = pd.Series(multi).sample(min(args.sample, len(multi)), random_state=args.seed) if len(multi) else []
    m = tl.mentions
    for eid in sorted(sample):
        rows = m[m["event_id"] == eid]
        print(f"\n## event {eid}: {rows['value'].iloc[0]} — {len(rows)} mentions")
        for r in rows.drop_duplicates("outlet").itertuples():
            print(f"  [{r.outlet}, published {r.published.date()}] {r.sentence.strip()[:300]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
