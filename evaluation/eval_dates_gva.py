"""Evaluate event dating on GVA shooting reports: the shooting date from the article.

Data: ``X_<split>.json`` (``{text, publish_date}``) aligned with
``y_<split>.json`` (``{shooting_date, ...}``) from the Gun Violence Archive set.

Rule under test (:func:`event_date`): run ``toolkit.dates`` with the publish
date as anchor; take the first day-level date (kind date/relative, not a
range) in the first ``--sentences`` sentences that falls on or before the
publish date and at most ``--max-days`` before it, skipping a full date with a
year that equals the publish date (the story's own date stamp, "Monday, Jan.
27, 2014"); if there is none, the publish date. This is the same rule a claim gets its ``event_date`` by when its
own sentence has no date.

Baselines, measured on the same articles:
* ``publish date``: the publish date itself;
* ``dateparser first hit``: the first ``dateparser.search.search_dates`` hit
  (``RELATIVE_BASE`` = publish date) in the same window and the same range, else the
  publish date.

Reported: exact-day accuracy, accuracy within one day, and how often the rule
found a date in the text at all (coverage).

Usage (from the repo root)::

    .venv/bin/python -m evaluation.eval_dates_gva [--data ../shared/eval/gva] [--splits train,val]
        [--limit N] [--no-baseline] [--errors 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from evaluation.common import add_data_args, eval_root, scored, smoke_limit

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = eval_root() / "gva"
DATELINE_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def load_split(data: Path, split: str, limit: int | None) -> list[tuple[str, dt.date, dt.date]]:
    xs = json.loads((data / f"X_{split}.json").read_text())
    ys = json.loads((data / f"y_{split}.json").read_text())
    rows = []
    for x, y in zip(xs, ys):
        try:
            rows.append((x["text"] or "", dt.date.fromisoformat(x["publish_date"][:10]),
                         dt.date.fromisoformat(str(y["shooting_date"])[:10])))
        except (KeyError, TypeError, ValueError):
            continue
    return rows[:limit] if limit else rows


def event_date(doc, published: dt.date, n_sentences: int, max_days: int) -> tuple[dt.date, bool, str]:
    """The rule under test: (date, found_in_text, surface)."""
    from toolkit.context import sentence_index
    from toolkit.dates import find_timexes

    sent_of = sentence_index(doc)
    for start, end, t in find_timexes(doc, published):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span) or int(sent_of[span.start]) >= n_sentences:
            continue
        if t.kind not in ("date", "relative") or t.granularity != "day" or t.start_date is None:
            continue
        if t.start_date == published and t.kind == "date" and DATELINE_YEAR.search(doc.text[start:end]):
            continue  # "Monday, Jan. 27, 2014" at the top is the story's own date stamp
        if 0 <= (published - t.start_date).days <= max_days:
            return t.start_date, True, doc.text[start:end]
    return published, False, ""


def dateparser_first(text: str, doc, published: dt.date, n_sentences: int, max_days: int) -> dt.date:
    from dateparser.search import search_dates

    sents = list(doc.sents)[:n_sentences]
    window = text[: sents[-1].end_char] if sents else text
    base = dt.datetime.combine(published, dt.time(12))
    for _, when in search_dates(window, languages=["en"], settings={"RELATIVE_BASE": base}) or []:
        if 0 <= (published - when.date()).days <= max_days:
            return when.date()
    return published


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_data_args(ap, DEFAULT_DATA, "folder with X_*.json / y_*.json", "the first 10 articles per split")
    ap.add_argument("--splits", default="train,val")
    ap.add_argument("--limit", type=int, default=None, help="first N articles per split")
    ap.add_argument("--sentences", type=int, default=5, help="look for the date in the first N sentences")
    ap.add_argument("--max-days", type=int, default=14, help="ignore dates more than N days before publication")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="print N wrong answers of the rule")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not data.exists():
        print(f"no GVA data at {data}: skipped")
        return 0
    from toolkit.pipeline import cached_pipeline

    nlp = cached_pipeline()
    print(f"rule: first day-level date in the first {args.sentences} sentences, 0..{args.max_days} days before publication, else the publish date")
    print("| split | articles | system | exact | within 1 day | found in text |\n|---|---|---|---|---|---|")
    wrong, breakdown = [], []
    for split in args.splits.split(","):
        rows = load_split(data, split, smoke_limit(args, 10, args.limit))
        print(scored(data, split, len(rows), "articles", args.smoke))
        tally: Counter = Counter()
        started = time.perf_counter()
        for (text, published, gold), doc in zip(rows, nlp.pipe((r[0] for r in rows), batch_size=32)):
            guess, found, surface = event_date(doc, published, args.sentences, args.max_days)
            tally["toolkit exact"] += guess == gold
            tally["toolkit near"] += abs((guess - gold).days) <= 1
            tally["toolkit found"] += found
            tally["publish exact"] += published == gold
            tally["publish near"] += abs((published - gold).days) <= 1
            if guess != gold:
                tally["wrong: no date in text (publish date used)" if not found else
                      "wrong: off by one day" if abs((guess - gold).days) == 1 else
                      "wrong: date found, another event or a later day"] += 1
            if guess != gold and len(wrong) < args.errors:
                wrong.append(f"{split}: published {published} gold {gold} got {guess} from {surface!r}")
            if not args.no_baseline:
                dp = dateparser_first(text, doc, published, args.sentences, args.max_days)
                tally["dateparser exact"] += dp == gold
                tally["dateparser near"] += abs((dp - gold).days) <= 1
                tally["dateparser found"] += dp != published
        n = len(rows) or 1
        print(f"| {split} | {len(rows)} | toolkit.dates rule | {tally['toolkit exact'] / n:.3f} | {tally['toolkit near'] / n:.3f} | {tally['toolkit found'] / n:.3f} |")
        print(f"| {split} | {len(rows)} | publish date | {tally['publish exact'] / n:.3f} | {tally['publish near'] / n:.3f} | - |")
        if not args.no_baseline:
            print(f"| {split} | {len(rows)} | dateparser first hit | {tally['dateparser exact'] / n:.3f} | {tally['dateparser near'] / n:.3f} | {tally['dateparser found'] / n:.3f} |")
        print(f"{split}: {time.perf_counter() - started:.0f}s", file=sys.stderr)
        breakdown.append(f"{split}: " + ", ".join(f"{k[7:]} {tally[k]}" for k in sorted(tally) if k.startswith("wrong")))
    print("\nerrors of the rule: " + "; ".join(breakdown))
    for line in wrong:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
