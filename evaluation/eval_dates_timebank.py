"""Evaluate ``toolkit.dates`` on TimeBank + AQUAINT (TimeML ``.tml``) DATE expressions.

Gold: every ``<TIMEX3 type="DATE">`` inside ``<TEXT>``; the document's
``<DCT>`` value is the anchor. The text is fed with all tags stripped (XML
entities unescaped) and gold spans mapped to character offsets in it.

Scores (TempEval-3 style, relaxed match):
* span P/R/F1 — a predicted date overlaps a gold DATE (precision over
  predictions, recall over gold);
* value P/R/F1 — it overlaps a gold DATE *and* its value equals the gold value.

Predictions are ``dates`` rows of kind date / relative / range (durations and
sets are other TIMEX3 types). Baseline, measured the same way:
``dateparser.search.search_dates`` with ``RELATIVE_BASE`` = DCT; each hit's
value is written at the granularity dateparser reports for it
(``DateDataParser.get_date_data(...).period``).

Usage (from the repo root)::

    .venv/bin/python -m evaluation.eval_dates_timebank [--data ../shared/eval/timebank]
        [--limit N] [--no-baseline] [--errors 40] [--ablations]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.common import add_data_args, eval_root, scored, smoke_limit

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = eval_root() / "timebank"
TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldDoc:
    name: str
    dct: dt.date
    text: str
    timexes: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, type, value


def read_tml(path: Path) -> GoldDoc | None:
    """Strip the tags of one ``.tml`` file, keeping TIMEX3 offsets."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    dct_match = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if not dct_match or not body:
        return None
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict] | None = None
    timexes = []
    pos = 0
    content = body.group(1)
    for m in TAG.finditer(content):
        chunk = html.unescape(content[pos:m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(ATTR.findall(attrs)))
        elif open_timex is not None:
            start, a = open_timex
            timexes.append((start, length, a.get("type", ""), a.get("value", "")))
            open_timex = None
    parts.append(html.unescape(content[pos:]))
    return GoldDoc(path.stem, dt.date.fromisoformat(dct_match.group(1)), "".join(parts), timexes)


def load_gold(data: Path, limit: int | None) -> list[GoldDoc]:
    files = sorted(data.glob("*/*.tml")) or sorted(data.glob("*.tml"))
    docs = [d for d in (read_tml(p) for p in files) if d is not None]
    return docs[:limit] if limit else docs


# -- systems -------------------------------------------------------------------

def toolkit_predictions(docs: list[GoldDoc], ablations: bool = False) -> dict[str, list[list[tuple]]]:
    """Predictions of the full extractor (and, with ``ablations``, without tense / without the fallback)."""
    from toolkit.dates import find_timexes
    from toolkit.pipeline import cached_pipeline

    variants = {"toolkit.dates": {}}
    if ablations:
        variants.update({"  without tense": {"use_tense": False}, "  without dateparser fallback": {"use_fallback": False}})
    nlp = cached_pipeline()
    out: dict[str, list[list[tuple]]] = {name: [] for name in variants}
    for gold, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=16)):
        for name, options in variants.items():
            out[name].append([(s, e, t.value, doc.text[s:e]) for s, e, t in find_timexes(doc, gold.dct, **options)
                              if t.kind in ("date", "relative", "range")])
    return out


def dateparser_predictions(docs: list[GoldDoc]) -> list[list[tuple[int, int, str | None, str]]]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    out = []
    for d in docs:
        base = dt.datetime.combine(d.dct, dt.time(12))
        settings = {"RELATIVE_BASE": base}
        parser = DateDataParser(languages=["en"], settings=settings)
        hits = search_dates(d.text, languages=["en"], settings=settings) or []
        preds, cursor = [], 0
        for surface, when in hits:
            start = d.text.find(surface, cursor)
            if start < 0:
                start = d.text.find(surface)
            if start < 0:
                continue
            cursor = start + len(surface)
            period = parser.get_date_data(surface).period or "day"
            value = {"year": f"{when.year:04d}", "month": f"{when.year:04d}-{when.month:02d}",
                     "week": "{0:04d}-W{1:02d}".format(*when.isocalendar()[:2])}.get(period, when.date().isoformat())
            preds.append((start, start + len(surface), value, surface))
        out.append(preds)
    return out


# -- scoring ---------------------------------------------------------------------

@dataclass
class Score:
    n_gold: int = 0
    n_pred: int = 0
    span_pred_hits: int = 0
    span_gold_hits: int = 0
    value_pred_hits: int = 0
    value_gold_hits: int = 0

    @staticmethod
    def prf(p_hits: int, n_pred: int, g_hits: int, n_gold: int) -> tuple[float, float, float]:
        p = p_hits / n_pred if n_pred else 0.0
        r = g_hits / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def span(self):
        return self.prf(self.span_pred_hits, self.n_pred, self.span_gold_hits, self.n_gold)

    def value(self):
        return self.prf(self.value_pred_hits, self.n_pred, self.value_gold_hits, self.n_gold)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(docs: list[GoldDoc], predictions, errors: Counter | None = None) -> Score:
    s = Score()
    for gold_doc, preds in zip(docs, predictions):
        gold = [(st, en, val) for st, en, typ, val in gold_doc.timexes if typ == "DATE"]
        s.n_gold += len(gold)
        s.n_pred += len(preds)
        for st, en, val, surface in preds:
            hits = [g for g in gold if overlaps((st, en), g[:2])]
            s.span_pred_hits += bool(hits)
            s.value_pred_hits += any(g[2] == val for g in hits)
            if errors is not None and not hits:
                errors[f"FP  {surface!r} -> {val}"] += 1
        for gst, gen, gval in gold:
            hits = [p for p in preds if overlaps((gst, gen), p[:2])]
            s.span_gold_hits += bool(hits)
            s.value_gold_hits += any(p[2] == gval for p in hits)
            if errors is not None:
                surface = gold_doc.text[gst:gen]
                if not hits:
                    errors[f"FN  {surface!r} ({gval})"] += 1
                elif not any(p[2] == gval for p in hits):
                    errors[f"VAL {surface!r} gold {gval} got {hits[0][2]}"] += 1
    return s


def report(name: str, s: Score) -> str:
    sp, sr, sf = s.span()
    vp, vr, vf = s.value()
    return (f"| {name} | {s.n_gold} | {s.n_pred} | {sp:.3f} | {sr:.3f} | {sf:.3f} | {vp:.3f} | {vr:.3f} | {vf:.3f} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_data_args(ap, DEFAULT_DATA, "folder with TimeBank/ and AQUAINT/", "the first 3 documents")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--no-baseline", action="store_true", help="skip the dateparser baseline")
    ap.add_argument("--errors", type=int, default=0, help="print the N most frequent errors of the toolkit")
    ap.add_argument("--ablations", action="store_true", help="also score without tense and without the fallback")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not data.exists():
        print(f"no TimeBank data at {data}: skipped")
        return 0
    docs = load_gold(data, smoke_limit(args, 3, args.limit))
    print(scored(data, "TimeBank 1.2 + AQUAINT (all documents; the date rules were tuned on them)", len(docs),
                 "documents", args.smoke))
    print(f"{len(docs)} documents, {sum(t[2] == 'DATE' for d in docs for t in d.timexes)} gold DATE expressions")
    header = "| system | gold | predicted | span P | span R | span F1 | value P | value R | value F1 |\n|---|---|---|---|---|---|---|---|---|"
    rows = []
    started = time.perf_counter()
    errors: Counter = Counter()
    variants = toolkit_predictions(docs, ablations=args.ablations)
    preds = variants.pop("toolkit.dates")
    rows.append(report("toolkit.dates", score(docs, preds, errors)))
    for name, variant in variants.items():
        rows.append(report(name, score(docs, variant)))
    for sub in ("TimeBank", "AQUAINT"):
        idx = [i for i, d in enumerate(docs) if (data / sub / f"{d.name}.tml").exists()]
        if idx:
            rows.append(report(f"toolkit.dates ({sub})", score([docs[i] for i in idx], [preds[i] for i in idx])))
    print(f"toolkit: {time.perf_counter() - started:.1f}s", file=sys.stderr)
    if not args.no_baseline:
        started = time.perf_counter()
        rows.append(report("dateparser.search_dates", score(docs, dateparser_predictions(docs))))
        print(f"dateparser: {time.perf_counter() - started:.1f}s", file=sys.stderr)
    print(header)
    print("\n".join(rows))
    kinds = Counter()
    for err, n in errors.items():
        kinds[err.split()[0]] += n
    print(f"\ntoolkit errors: {kinds['FP']} false positives, {kinds['FN']} misses, "
          f"{kinds['VAL']} found with a wrong value")
    if args.errors:
        print(f"\nmost frequent toolkit errors (top {args.errors}):")
        for err, n in errors.most_common(args.errors):
            print(f"{n:4d}  {err}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
