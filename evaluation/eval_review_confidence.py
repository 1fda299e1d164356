"""Does the review confidence mean something? Precision by fifth of confidence on hand-labelled gold.

For every claim the toolkit finds in the war gold articles
(``evaluation/data/claims_war_gold.jsonl``, labelled by hand for issue #12;
matched exactly as ``evaluation/eval_claims_war.py`` matches them), and, when
its gold set is there, every quote in the quotes war gold
(``evaluation/data/quotes_war_gold*``, issue #13), the rows are sorted by
``confidence`` and cut into five equal fifths; the script prints, per fifth,
how many rows are right:

* claims, **figure right**: the claim matches a reported gold figure (same
  sentence, same value);
* claims, **all right**: and its category and side are right too;
* quotes, **content right**: the row matches a gold speech record
  (``evaluation/eval_quotes_war.py``'s matching); **right**: and its speaker
  is right.

The confidence weights (``toolkit/review/confidence.py``) were set by hand
from the project's earlier error analyses before this script was run, so
both splits of the gold are unseen by them; the split is printed anyway.

Usage::

    python -m evaluation.eval_review_confidence --data ../shared/eval [--split tune|check|both]
    python -m evaluation.eval_review_confidence --smoke     # the gold sentences alone, no eval data needed
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation import eval_claims_war as war  # noqa: E402

FIFTHS = 5


def claim_rows(corpus, gold: list[dict], arts: list[dict], splits) -> list[dict]:
    """One dict per predicted claim: ``split, confidence, figure_right, all_right``."""
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    out = []
    for split in splits:
        ids = {a["article_id"] for a in arts if a["split"] == split}
        g = [r for r in gold if r["article_id"] in ids]
        spans = war.sentence_spans(g, texts)
        for aid in sorted(ids):
            preds = corpus.claims[corpus.claims["article_id"] == aid].to_dict("records")
            for gold_row, pred in war.match([r for r in g if r["article_id"] == aid], preds, spans):
                if pred is None:
                    continue
                figure = gold_row is not None and gold_row["modality"] == "reported" and war.asserted(pred)
                right = figure and war.field_right("category", gold_row, pred) and war.field_right("side", gold_row, pred)
                out.append({"split": split, "confidence": float(pred["confidence"]), "figure_right": figure,
                            "all_right": right, "row_id": pred["row_id"]})
    return out


def quote_rows(data: Path, splits, cache) -> list[dict]:
    """One dict per quote the toolkit counts as speech in the quotes war gold
    articles (as ``evaluation/eval_quotes_war.py`` scores them): ``right`` when
    it matches a gold speech record *and* its speaker is right, ``content_right``
    when it matches one at all; rows matching an ``uncertain`` gold record are
    left out, as there."""
    import toolkit
    from evaluation import eval_quotes_war as qw
    from toolkit.actors.catalogue import load_catalogue

    if not qw.GOLD.exists():
        return []
    manifest = [m for m in qw.read_jsonl(qw.ARTICLES) if m["split"] in splits]
    for m in manifest:
        m["collection_label"] = qw.COLLECTION_LABELS.get(m["collection"], m["collection"])
    wanted = {m["article_id"] for m in manifest}
    corpus = toolkit.annotate(qw.load_articles(data / "corpora", manifest), cache_dir=cache, progress=False)
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    gold = qw.relocate([g for g in qw.read_jsonl(qw.GOLD) if g["article_id"] in wanted], texts)
    split_of = {m["article_id"]: m["split"] for m in manifest}
    out = []
    for split in splits:
        ids = {a for a, sp in split_of.items() if sp == split}
        res = qw.score([g for g in gold if g["article_id"] in ids], corpus.quotes[corpus.quotes["article_id"].isin(ids)],
                       [m for m in manifest if m["article_id"] in ids], load_catalogue())
        for pair in res["pairs"]:
            out.append({"split": split, "confidence": float(pair.pred["confidence"]), "row_id": pair.pred["row_id"],
                        "content_right": True, "right": pair.speaker_right})
        for pred in res["false_pos"]:
            out.append({"split": split, "confidence": float(pred["confidence"]), "row_id": pred["row_id"],
                        "content_right": False, "right": False})
    return out


def by_fifth(rows: list[dict], key: str) -> list[tuple[int, float, float, int, int]]:
    """``(fifth, lowest, highest confidence, right, n)`` from the lowest fifth to the highest;
    ties in confidence are kept in one fifth's order by row id (deterministic)."""
    ranked = sorted(rows, key=lambda r: (r["confidence"], r["row_id"]))
    n = len(ranked)
    out = []
    for k in range(FIFTHS):
        part = ranked[k * n // FIFTHS:(k + 1) * n // FIFTHS]
        if part:
            out.append((k + 1, part[0]["confidence"], part[-1]["confidence"], sum(r[key] for r in part), len(part)))
    return out


def print_table(title: str, rows: list[dict], keys: tuple[str, ...]) -> None:
    print(f"\n{title}: {len(rows)} rows")
    header = "fifth  confidence      " + "  ".join(f"{k:>16}" for k in keys)
    print(header)
    tables = {k: by_fifth(rows, k) for k in keys}
    for i, (fifth, lo, hi, _, n) in enumerate(tables[keys[0]]):
        cells = "  ".join(f"{tables[k][i][3]:>3}/{n:<3} = {tables[k][i][3] / n:.2f}" for k in keys)
        print(f"  {fifth}    {lo:.3f}–{hi:.3f}   {cells}")
    for k in keys:
        low, high = tables[k][0], tables[k][-1]
        print(f"  {k}: lowest fifth {low[3] / low[4]:.2f} vs highest fifth {high[3] / high[4]:.2f}")


def run(args) -> None:
    gold, arts = war.read_gold()
    splits = ("tune", "check") if args.split == "both" else (args.split,)
    wanted = {a["article_id"] for a in arts if a["split"] in splits}
    corpus = war.annotate_articles(args.data, wanted, args.cache)
    rows = claim_rows(corpus, gold, arts, splits)
    print_table(f"claims, splits {'+'.join(splits)}", rows, ("figure_right", "all_right"))
    if args.split == "both":
        for split in splits:
            print_table(f"claims, split {split}", [r for r in rows if r["split"] == split], ("figure_right", "all_right"))
    quotes = quote_rows(args.data, splits, args.cache)
    if not quotes:
        print("\nquotes: no quotes war gold (evaluation/data/quotes_war_gold.jsonl); skipped")
        return
    print_table(f"quotes, splits {'+'.join(splits)}", quotes, ("content_right", "right"))
    if args.split == "both":
        for split in splits:
            print_table(f"quotes, split {split}", [r for r in quotes if r["split"] == split], ("content_right", "right"))


def smoke(args) -> None:
    """No eval data: annotate the gold sentences alone and check that every
    claim found carries a confidence (an import or column break fails here)."""
    import pandas as pd

    import toolkit
    from toolkit.corpus import Corpus

    gold, _ = war.read_gold()
    sentences = sorted({g["sentence"] for g in gold})[: args.limit]
    articles = pd.DataFrame({"article_id": [f"s{i}" for i in range(len(sentences))], "text": sentences,
                             "outlet": "smoke", "content_hash": [str(hash(s)) for s in sentences]})
    from toolkit import schema

    corpus = toolkit.annotate(Corpus(schema.frame("articles", articles), schema.frame("load_report")),
                              cache_dir=None, progress=False, corrections=False)
    claims = corpus.claims
    assert len(claims) and claims["confidence"].between(0, 1).all(), "claims without a confidence"
    print(f"smoke: {len(sentences)} gold sentences, {len(claims)} claims, confidence "
          f"{claims['confidence'].min():.3f}–{claims['confidence'].max():.3f} (split: none, gold sentences only)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=war.DEFAULT_DATA, help="eval root (has corpora/)")
    parser.add_argument("--split", choices=("tune", "check", "both"), default="both")
    parser.add_argument("--cache", default=None, help="annotation cache dir (default: none)")
    parser.add_argument("--smoke", action="store_true", help="the gold sentences alone; needs no eval data")
    parser.add_argument("--limit", type=int, default=20, help="sentences in --smoke")
    args = parser.parse_args(argv)
    smoke(args) if args.smoke else run(args)


if __name__ == "__main__":
    main()
