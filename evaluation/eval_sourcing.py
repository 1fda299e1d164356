"""Score the sourcing extractor against the hand-labelled credits.

Gold: ``evaluation/data/sourcing_labels.yaml`` (rules in ``sourcing_README.md``),
split by ``sourcing_split.csv`` into ``tune`` (44 articles) and ``check`` (21,
not looked at while tuning). The articles are read from ``data/articles`` and
``--data`` (default ``../shared/eval/corpora``); ``--smoke`` scores the five
sample articles only and needs no ``../shared/eval``.

Figures (uncertain gold credits are left out of both sides):

* rows: a predicted credit matches a gold credit of the same article whose span
  overlaps it (one-to-one) — precision and recall of ``sourcing`` rows;
* rows + kind: the matched pair also agrees on ``kind``;
* source_id: the matched pair also agrees on ``source_id`` (row level), and
  precision/recall of the set of (article, source_id) pairs — "which
  organisations does each article credit";
* the baseline: every mention of a listed name is a credit (kind ``citation``),
  scored the same way.

    python -m evaluation.eval_sourcing --split tune
    python -m evaluation.eval_sourcing --split check --show-errors
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).parent
LABELS = HERE / "data" / "sourcing_labels.yaml"
SPLIT = HERE / "data" / "sourcing_split.csv"
SAMPLE = HERE.parent / "data" / "articles"


def load_split(path: Path = SPLIT) -> dict[str, str]:
    with open(path, newline="") as f:
        return {row["article_id"]: row["split"] for row in csv.DictReader(f)}


def load_articles(data: Path, corpora: set[str]) -> dict[str, dict]:
    """article_id -> {text, outlet, published, title} for the gold articles' corpora."""
    import toolkit

    out: dict[str, dict] = {}
    for corpus in sorted(corpora):
        path = SAMPLE if corpus == "sample" else data / corpus
        if not path.exists():
            raise FileNotFoundError(f"{path}: corpus {corpus!r} not found (pass --data, or --smoke for the sample only)")
        arts = toolkit.load(path).articles
        for row in arts[["article_id", "text", "outlet", "published", "published_inferred", "title"]].to_dict("records"):
            out[row["article_id"]] = row
    return out


def load_gold(articles: dict[str, dict], labels: Path = LABELS) -> tuple[list[dict], list[str]]:
    """Gold credits with resolved offsets, and the ids of the labelled articles.

    Each label gives ``at`` (an offset at or before its sentence) and the
    ``surface``: the offset is the ``nth`` occurrence of ``surface`` from ``at``.
    A surface that cannot be found is an error (the labels and the cleaner disagree).
    """
    entries = yaml.safe_load(labels.read_text())
    gold, ids = [], []
    for entry in entries:
        aid = entry["article_id"]
        if aid not in articles:
            continue
        ids.append(aid)
        text = articles[aid]["text"]
        for c in entry.get("credits") or []:
            pos = c["at"] - 1
            for _ in range(c.get("nth", 1)):
                pos = text.find(c["surface"], pos + 1)
                if pos < 0:
                    raise ValueError(f"{aid}: surface {c['surface']!r} not found from offset {c['at']}")
            if pos - c["at"] > 3000:
                raise ValueError(f"{aid}: surface {c['surface']!r} found {pos - c['at']} chars after `at`; check the label")
            gold.append({"article_id": aid, "start": pos, "end": pos + len(c["surface"]), "surface": c["surface"],
                         "source_id": c["source_id"], "kind": c["kind"], "uncertain": bool(c.get("uncertain"))})
    return gold, ids


def predict(articles: dict[str, dict], ids: list[str], *, baseline: bool = False) -> list[dict]:
    from toolkit.extraction import article_context as _context
    from toolkit.pipeline import cached_pipeline
    from toolkit.sourcing import extract_credits
    from toolkit.sourcing.credits import _find_names
    from toolkit.sourcing.sources import cached_sources

    nlp = cached_pipeline()
    sources = cached_sources()
    rows = []
    records = [articles[i] for i in ids]
    for record, doc in zip(records, nlp.pipe([r["text"] or "" for r in records], batch_size=64)):
        aid = record["article_id"]
        if baseline:
            for start, end, source in _find_names(doc.text, sources):
                if source is not None:
                    rows.append({"article_id": aid, "start": start, "end": end, "surface": doc.text[start:end],
                                 "source_id": source.source_id, "kind": "citation"})
            continue
        for r in extract_credits(doc, _context(record), sources):
            rows.append({"article_id": aid, **r})
    return rows


def score(gold: list[dict], pred: list[dict]) -> dict:
    """Match predictions to gold one-to-one by overlapping span within an article."""
    uncertain = [g for g in gold if g["uncertain"]]
    gold = [g for g in gold if not g["uncertain"]]

    def overlaps(a, b):
        return a["article_id"] == b["article_id"] and a["start"] < b["end"] and b["start"] < a["end"]

    # predictions on an uncertain gold span count neither way
    pred = [p for p in pred if not any(overlaps(p, u) for u in uncertain)]
    used: set[int] = set()
    pairs = []
    for p in pred:
        for i, g in enumerate(gold):
            if i not in used and overlaps(p, g):
                used.add(i)
                pairs.append((p, g))
                break
    n_pred, n_gold, n_match = len(pred), len(gold), len(pairs)
    kind_ok = sum(p["kind"] == g["kind"] for p, g in pairs)
    sid_ok = sum(p["source_id"] == g["source_id"] for p, g in pairs)
    gold_set = {(g["article_id"], g["source_id"]) for g in gold}
    pred_set = {(p["article_id"], p["source_id"]) for p in pred}

    def pr(tp, n_p, n_g):
        p = tp / n_p if n_p else 0.0
        r = tp / n_g if n_g else 0.0
        return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp}

    matched_pred = {id(p) for p, _ in pairs}
    return {
        "n_gold": n_gold, "n_pred": n_pred,
        "rows": pr(n_match, n_pred, n_gold),
        "rows_kind": pr(kind_ok, n_pred, n_gold),
        "rows_source_id": pr(sid_ok, n_pred, n_gold),
        "source_id_of_matched": sid_ok / n_match if n_match else 0.0,
        "kind_of_matched": kind_ok / n_match if n_match else 0.0,
        "article_source_ids": pr(len(gold_set & pred_set), len(pred_set), len(gold_set)),
        "false_positives": [p for p in pred if id(p) not in matched_pred],
        "misses": [g for i, g in enumerate(gold) if i not in used],
        "wrong": [(p, g) for p, g in pairs if p["kind"] != g["kind"] or p["source_id"] != g["source_id"]],
        "by_kind": Counter(g["kind"] for g in gold),
    }


def report(name: str, s: dict) -> None:
    def fmt(d):
        return f"P {d['p']:.3f}  R {d['r']:.3f}  F1 {d['f1']:.3f}"

    print(f"{name}: {s['n_gold']} gold credits, {s['n_pred']} predicted  (gold kinds: {dict(s['by_kind'])})")
    print(f"  rows (span overlap)        {fmt(s['rows'])}")
    print(f"  rows + kind                {fmt(s['rows_kind'])}")
    print(f"  rows + source_id           {fmt(s['rows_source_id'])}")
    print(f"  article x source_id sets   {fmt(s['article_source_ids'])}")
    print(f"  of matched rows: kind right {s['kind_of_matched']:.3f}, source_id right {s['source_id_of_matched']:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="../shared/eval/corpora", help="folder holding ru_ua_2022, guardian_feb2022, bbc")
    parser.add_argument("--split", choices=("tune", "check", "all"), default="tune")
    parser.add_argument("--smoke", action="store_true", help="the five sample articles only (no ../shared/eval needed)")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)

    split = load_split()
    entries = yaml.safe_load(LABELS.read_text())
    corpus_of = {e["article_id"]: e["corpus"] for e in entries}
    wanted = [aid for aid in corpus_of if args.split == "all" or split[aid] == args.split]
    if args.smoke:
        wanted = [aid for aid in corpus_of if corpus_of[aid] == "sample"]
    elif not Path(args.data).exists():
        print(f"no corpora at {args.data}: nothing to evaluate (use --smoke for the sample)")
        return 0
    articles = load_articles(Path(args.data), {corpus_of[a] for a in wanted})
    articles = {a: articles[a] for a in wanted if a in articles}
    gold, ids = load_gold(articles)
    label = "smoke (sample, 5 articles; tune split)" if args.smoke else f"split {args.split} ({len(ids)} articles)"
    print(f"sourcing credits, {label}")
    system = score(gold, predict(articles, ids))
    report("toolkit extract_credits", system)
    report("baseline: every listed name", score(gold, predict(articles, ids, baseline=True)))
    if args.show_errors:
        text = {a: articles[a]["text"] for a in ids}
        for p in system["false_positives"]:
            print(f"  FP {p['article_id']} {p['surface']!r} {p['kind']} {p['source_id']}: …{text[p['article_id']][max(0, p['start'] - 80):p['end'] + 60]!r}")
        for g in system["misses"]:
            print(f"  FN {g['article_id']} {g['surface']!r} {g['kind']} {g['source_id']}: …{text[g['article_id']][max(0, g['start'] - 80):g['end'] + 60]!r}")
        for p, g in system["wrong"]:
            print(f"  WRONG {p['article_id']} {p['surface']!r} pred {p['kind']}/{p['source_id']} gold {g['kind']}/{g['source_id']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
