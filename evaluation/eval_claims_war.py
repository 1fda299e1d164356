"""Score the claims table against the hand-labelled war gold set (ru_ua_2022 + guardian_feb2022).

Gold: ``evaluation/data/claims_war_gold.jsonl`` (one record per human-toll
figure, labelled by hand; rules in ``evaluation/data/claims_war_README.md``)
and ``evaluation/data/claims_war_articles.csv`` (the sampled articles and
their seeded ``tune`` / ``check`` split, including the articles with no
figure, so that spurious claims there count).

The articles are loaded from ``--data`` (the eval root, ``../shared/eval``)
the way the product loads them, annotated with every extractor
(:func:`toolkit.annotate`, so claimants see real quotes and mentions), and
the ``claims`` table is scored:

* **Match**: a predicted claim matches a gold figure when it is in the same
  article, starts inside the gold figure's sentence, and has the same value
  (``value_low`` and ``value_high`` equal; a vague gold figure also matches a
  vague prediction whose range overlaps). One-to-one, a prediction that
  overlaps the gold figure's characters first.
* **Positives** are gold figures with modality ``reported``. A prediction
  counts as asserted unless its ``modality`` column says hypothetical /
  denied; an asserted prediction that matches a hypothetical gold figure is a
  false positive, a non-asserted one is ignored.
* **Fields**, on matched pairs: category, side, claimant, about-the-story,
  rate, and modality (on all matched gold, hypothetical included). Columns a
  version of the extractor does not have are scored at the value its ledger
  implies (every figure on-story, no rates, every figure reported).
  Claimant: the outlet's voice must be flagged as such
  (``claimant_is_outlet``, else ``claimant_actor_id`` = ``outlet:…``); a named
  claimant is right when the normalised name contains, or is contained in, the
  gold name or one of its alternatives.

Usage::

    python evaluation/eval_claims_war.py [--data ../shared/eval] [--split tune|check|both]
        [--errors] [--cache DIR]
    python evaluation/eval_claims_war.py --split tune2    # the second tune batch (session 3; tuned on)
    python evaluation/eval_claims_war.py --smoke      # no eval data needed: the gold sentences alone

``--errors`` lists misses, false positives and field errors, for the tune
splits only (``tune`` and the second batch ``tune2``) (the check split is never inspected while tuning; pass
``--errors-on-check`` after the last change, to write the final error list).
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOLD = ROOT / "evaluation" / "data" / "claims_war_gold.jsonl"
ARTICLES = ROOT / "evaluation" / "data" / "claims_war_articles.csv"
from evaluation.common import eval_root  # noqa: E402

DEFAULT_DATA = eval_root()
#: loader fields per gold file (as in evaluation/claims_war_sample.py)
FIELDS = {
    "Guardians_Russia_Ukraine.csv": ({"text": "articles", "title": "headlines", "published": "published"},
                                     "The Guardian"),
    "NYT_Russia_Ukraine.csv": ({"text": "articles", "title": "headlines", "published": "published"},
                               "The New York Times"),
    "guard-articles-nato.csv": ({"text": "Text", "title": "Heading", "published": "Date Formatted",
                                 "url": "Article Url"}, "The Guardian (Feb 2022)"),
}
FIELD_NAMES = ("category", "side", "claimant", "about_story", "rate", "modality")
PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you", "this", "that", "data", "figures", "officials"})


def read_gold(path: Path = GOLD, articles: Path = ARTICLES) -> tuple[list[dict], list[dict]]:
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with articles.open(encoding="utf-8") as f:
        arts = list(csv.DictReader(f))
    return gold, arts


# --------------------------------------------------------------------------- matching

def _num(v):
    return None if v is None or v != v else float(v)  # NaN -> None


def value_matches(gold: dict, pred: dict) -> bool:
    """Same bounds; a vague gold figure also matches an overlapping vague prediction."""
    gl, gh = _num(gold["value_low"]), _num(gold["value_high"])
    pl, ph = _num(pred.get("value_low")), _num(pred.get("value_high"))
    if (gl, gh) == (pl, ph):
        return True
    if gold.get("qualifier") == "vague" and pred.get("qualifier") == "vague" and pl is not None:
        return pl <= (gh if gh is not None else float("inf")) and (ph if ph is not None else float("inf")) >= gl
    return False


def asserted(pred: dict) -> bool:
    return str(pred.get("modality") or "reported") == "reported"


def repeat_row(pred: dict) -> bool:
    """A later mention of a figure the article already gave (``mentions`` 0):
    a hit when the gold has that mention, no false positive when it has not."""
    mentions = pred.get("mentions")
    return mentions is not None and mentions == mentions and int(mentions) == 0


def match(gold: list[dict], preds: list[dict], sentence_span: dict[str, tuple[int, int]]) -> list[tuple]:
    """``(gold, pred)`` pairs, one-to-one; gold without a match pairs with None."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        lo, hi = sentence_span[g["id"]]
        cands = [(i, p) for i, p in enumerate(preds) if i not in used and lo <= p["start"] < hi and value_matches(g, p)]
        cands.sort(key=lambda ip: not (ip[1]["start"] < g["figure_end"] and ip[1]["end"] > g["figure_start"]))
        if cands:
            used.add(cands[0][0])
            pairs.append((g, cands[0][1]))
        else:
            pairs.append((g, None))
    pairs += [(None, p) for i, p in enumerate(preds) if i not in used]
    return pairs


# --------------------------------------------------------------------------- fields

def _norm(name) -> str:
    s = str(name or "").lower().replace("’", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    s = re.sub(r"\b(the|of|a|an)\b", " ", s)
    return " ".join(s.split())


def pred_is_outlet(pred: dict) -> bool:
    flag = pred.get("claimant_is_outlet")
    if flag is not None and flag == flag:
        return bool(flag)
    return str(pred.get("claimant_actor_id") or "").startswith("outlet:")


def claimant_right(gold: dict, pred: dict) -> bool:
    if pred_is_outlet(pred):
        return bool(gold["claimant_is_outlet"] or gold.get("claimant_alt_outlet"))
    if gold["claimant_is_outlet"] and not gold.get("claimant_alt"):
        return False
    got = _norm(pred.get("claimant"))
    if not got or got in PRONOUNS:
        return False
    for want in [gold.get("claimant")] + list(gold.get("claimant_alt") or []):
        w = _norm(want)
        if w and (w in got or (len(got) >= 4 and got in w)):
            return True
    return False


def field_right(field: str, gold: dict, pred: dict) -> bool:
    if field == "category":
        return pred.get("category") == gold["category"] or pred.get("category") in gold.get("category_alt", [])
    if field == "side":
        got = str(pred.get("side_affected") or "unknown").lower()
        return got == gold["side"].lower()
    if field == "claimant":
        return claimant_right(gold, pred)
    if field == "about_story":
        v = pred.get("about_story")
        return (True if v is None or v != v else bool(v)) == gold["about_story"]
    if field == "rate":
        v = pred.get("rate")
        return (False if v is None or v != v else bool(v)) == gold["rate"]
    if field == "modality":
        return str(pred.get("modality") or "reported") == gold["modality"]
    raise ValueError(field)


# --------------------------------------------------------------------------- scoring

def score(pairs: list[tuple]) -> dict:
    """Counts and per-field tallies from :func:`match` pairs."""
    tp = fp = fn = 0
    fields = {f: [0, 0] for f in FIELD_NAMES}
    errors = collections.defaultdict(list)
    for g, p in pairs:
        if g is None:
            if asserted(p) and not repeat_row(p):
                fp += 1
                errors["false positive"].append((None, p))
            continue
        if p is None:
            if g["modality"] == "reported":
                fn += 1
                errors["miss"].append((g, None))
            continue
        fields["modality"][1] += 1
        fields["modality"][0] += field_right("modality", g, p)
        if g["modality"] != "reported":
            if asserted(p):
                fp += 1
                errors["false positive (hypothetical read as reported)"].append((g, p))
            continue
        if not asserted(p):
            fn += 1
            errors["miss (reported read as hypothetical/denied)"].append((g, p))
            continue
        tp += 1
        for f in FIELD_NAMES[:-1]:
            fields[f][1] += 1
            ok = field_right(f, g, p)
            fields[f][0] += ok
            if not ok:
                errors[f"field: {f}"].append((g, p))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1,
            "fields": fields, "errors": errors}


def sentence_spans(gold: list[dict], texts: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Each gold record's sentence in the article as loaded now (by text; the
    stored offset only breaks ties), so a change in cleaning does not shift it."""
    spans = {}
    for g in gold:
        text = texts[g["article_id"]]
        hits = [m.start() for m in re.finditer(re.escape(g["sentence"]), text)]
        if hits:
            start = min(hits, key=lambda h: abs(h - g["sentence_start"]))
        else:
            start = g["sentence_start"]
        spans[g["id"]] = (start, start + len(g["sentence"]))
    return spans


def annotate_articles(data: Path, article_ids: set[str], cache: str | None):
    import pandas as pd

    import toolkit
    from toolkit.corpus import Corpus

    parts = []
    for folder in ("ru_ua_2022", "guardian_feb2022"):
        for path in sorted((data / "corpora" / folder).glob("*.csv")):
            if path.name not in FIELDS:
                continue
            fields, outlet = FIELDS[path.name]
            parts.append(toolkit.load(path, fields=fields, outlet=outlet))
    articles = pd.concat([p.articles for p in parts], ignore_index=True)
    articles = articles[articles["article_id"].isin(article_ids)].reset_index(drop=True)
    missing = article_ids - set(articles["article_id"])
    if missing:
        raise SystemExit(f"gold articles not loaded from {data}: {sorted(missing)[:5]}")
    report = pd.concat([p.load_report for p in parts], ignore_index=True)
    report = report[report["article_id"].isin(article_ids)].reset_index(drop=True)
    return toolkit.annotate(Corpus(articles, report), cache_dir=cache, progress=False)


def print_scores(name: str, result: dict, n_articles: int, n_gold: int, unit: str = "articles") -> None:
    print(f"split: {name} ({n_articles} {unit}, {n_gold} gold figures, "
          f"{result['tp'] + result['fn']} reported)")
    print(f"  claims  P {result['precision']:.3f}  R {result['recall']:.3f}  F1 {result['f1']:.3f}  "
          f"(tp {result['tp']}, fp {result['fp']}, fn {result['fn']})")
    print("  fields on matched claims: " + ", ".join(
        f"{f} {ok / n:.3f} ({ok}/{n})" if n else f"{f} n/a" for f, (ok, n) in result["fields"].items()))


def print_errors(result: dict) -> None:
    for kind, items in result["errors"].items():
        print(f"  -- {kind}: {len(items)}")
        for g, p in items:
            gs = (f"gold {g['figure']!r} {g['category']} {g['value_low']}-{g['value_high']} side={g['side']} "
                  f"claimant={'OUTLET' if g['claimant_is_outlet'] else g['claimant']} about={g['about_story']} "
                  f"rate={g['rate']} mod={g['modality']}") if g else ""
            ps = (f"pred {p['surface']!r} {p['category']} {p.get('value_low')}-{p.get('value_high')} "
                  f"side={p.get('side_affected')} claimant={p.get('claimant')} about={p.get('about_story')} "
                  f"rate={p.get('rate')} mod={p.get('modality')}") if p else ""
            where = (g or {}).get("article_id") or p.get("article_id")
            print(f"     [{where}] {gs} | {ps}")
            if g:
                print(f"        > {g['sentence'][:300]}")
            elif p.get("_sentence"):
                print(f"        > {p['_sentence'][:300]}")


def run(args) -> None:
    gold, arts = read_gold(args.gold, args.articles)
    splits = {"both": ("tune", "check"), "all": ("tune", "tune2", "check"),
              "tuned": ("tune", "tune2")}.get(args.split, (args.split,))
    wanted = {a["article_id"] for a in arts if a["split"] in splits}
    corpus = annotate_articles(args.data, wanted, args.cache)
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    claims = corpus.claims
    for split in splits:
        ids = {a["article_id"] for a in arts if a["split"] == split}
        g = [r for r in gold if r["article_id"] in ids]
        spans = sentence_spans(g, texts)
        pairs = []
        for aid in sorted(ids):
            preds = claims[claims["article_id"] == aid].to_dict("records")
            for p in preds:
                p["_sentence"] = corpus.sentence(aid, p["sent_id"]).replace("\n", " ")
            pairs += match([r for r in g if r["article_id"] == aid], preds, spans)
        result = score(pairs)
        print_scores(split, result, len(ids), len(g))
        if args.errors and (split != "check" or args.errors_on_check):
            print_errors(result)


def smoke(args) -> None:
    """The extractor on the gold sentences alone (no eval data): each distinct
    sentence of the first ``--limit`` gold records is its own document."""
    from toolkit.claims import extract_claims
    from toolkit.context import ArticleContext
    from toolkit.pipeline import cached_pipeline

    gold, _ = read_gold(args.gold, args.articles)
    gold = [g for g in gold if g["split"] == "tune"][: args.limit]
    nlp = cached_pipeline()
    by_sentence: dict[str, list[dict]] = collections.defaultdict(list)
    for g in gold:
        by_sentence[g["sentence"]].append(g)
    pairs = []
    for i, (sentence, records) in enumerate(by_sentence.items()):
        doc = nlp(sentence)
        preds = extract_claims(doc, ArticleContext(f"smoke{i}", "smoke-outlet", None))
        local = [dict(r, id=r["id"], figure_start=r["figure_start"] - r["sentence_start"],
                      figure_end=r["figure_end"] - r["sentence_start"]) for r in records]
        pairs += match(local, preds, {r["id"]: (0, len(sentence)) for r in local})
    result = score(pairs)
    print_scores(f"smoke (first {len(gold)} tune records, each sentence alone)", result, len(by_sentence), len(gold),
                 unit="sentences")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="eval root (has corpora/)")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--split", choices=("tune", "tune2", "check", "both", "tuned", "all"), default="both",
                        help="both = tune + check; tuned = tune + tune2; all = the three")
    parser.add_argument("--errors", action="store_true", help="list errors (tune and tune2 only)")
    parser.add_argument("--errors-on-check", action="store_true", help="also list check-split errors (final run)")
    parser.add_argument("--cache", default=None, help="annotation cache dir (default: none)")
    parser.add_argument("--smoke", action="store_true", help="score the gold sentences alone; needs no eval data")
    parser.add_argument("--limit", type=int, default=20, help="records in --smoke")
    args = parser.parse_args(argv)
    if args.smoke:
        return smoke(args)
    if not (args.data / "corpora").is_dir():
        print(f"no eval corpora at {args.data}: nothing to score (pass --data)")
        return None
    run(args)


if __name__ == "__main__":
    main()
