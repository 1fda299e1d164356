"""Measure metadata inference in toolkit.load against PolNeAR's metadata.tsv
(title, publication date and publisher of 924 US news texts, 2016), and count
wrong publication dates on the BBC corpus (whose texts state none).

The loader sees the texts alone (no sidecar), as when an analyst drops a
folder of scraped .txt files. For each field: coverage (share given a value),
precision (right among given) and recall (right among all). Baselines,
measured the same way: the first line is the title; the first full date in
the first 200 characters is the publication date.

    python -m evaluation.eval_loading_metadata [--eval ../shared/eval]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from evaluation.common import eval_root, scored
from toolkit.loading import load
from toolkit.loading.datetext import find_full_date

ROOT = Path(__file__).resolve().parents[1]
#: PolNeAR publisher codes -> the names the loader would use
PUBLISHERS = {"nyt": "The New York Times", "wash-post": "The Washington Post", "usa-today": "USA Today",
              "huff-post": "HuffPost", "breitbart": "Breitbart", "politico": "Politico",
              "west-journal": "The Western Journal"}


def norm_title(value) -> str:
    """Letters and digits only: PolNeAR's titles drop a final stop inside quotes ("‘The 411’")."""
    return "".join(ch for ch in str(value).casefold() if ch.isalnum()) if isinstance(value, str) else ""


def score(given: pd.Series, right: pd.Series, n_gold: int) -> str:
    n_given = int(given.sum())
    n_right = int((given & right).sum())
    p = n_right / n_given if n_given else 0.0
    r = n_right / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"given {n_given:>4}/{len(given)}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}"


def eval_polnear(root: Path, smoke: bool = False) -> None:
    meta = pd.read_csv(root / "metadata.tsv", sep="\t", dtype=str)
    folders = sorted({p.parent for p in root.rglob("*.txt")})
    if smoke:
        folders = folders[:1]
    print(scored(root, "every PolNeAR text (" + ", ".join(str(f.relative_to(root)) for f in folders)
                 + "; the title rules were tuned on them)", smoke=smoke))
    corpus = load(folders)
    arts = corpus.articles.assign(filename=lambda d: d["article_id"].astype(str))
    gold = meta.drop_duplicates("filename").rename(columns=lambda c: c if c == "filename" else f"gold_{c}")
    df = arts.merge(gold, on="filename", how="inner")
    print(f"PolNeAR: {len(df)} texts with metadata (loaded {len(arts)}; report "
          f"{corpus.load_report['status'].astype(str).value_counts().to_dict()})")

    gold_title = df["gold_title"].map(norm_title)
    has_gold = gold_title != ""
    ours = df["title"].map(norm_title)
    first_line = df["raw_text"].map(lambda t: norm_title(t.strip().split("\n", 1)[0]))
    print("\ntitle (same letters and digits, case-insensitive)")
    print(f"  toolkit                        {score((ours != '') & has_gold, ours == gold_title, int(has_gold.sum()))}")
    print(f"  baseline: first line           {score((first_line != '') & has_gold, first_line == gold_title, int(has_gold.sum()))}")

    gold_date = pd.to_datetime(df["gold_publication_date"], errors="coerce").dt.normalize()
    has_date = gold_date.notna()
    ours_date = pd.to_datetime(df["published"]).dt.normalize()
    naive = pd.to_datetime(df["raw_text"].map(lambda t: (find_full_date(t[:200]) or (None,))[0]))
    print("\npublished (same calendar day)")
    print(f"  toolkit (inferred)             {score(ours_date.notna() & has_date, ours_date == gold_date, int(has_date.sum()))}")
    print(f"  baseline: first full date      {score(naive.notna() & has_date, naive == gold_date, int(has_date.sum()))}")

    gold_outlet = df["gold_publisher"].map(PUBLISHERS)
    has_outlet = gold_outlet.notna()
    ours_outlet = df["outlet"].astype(str)
    print("\noutlet (from signatures in the text; no URL, no sidecar)")
    print(f"  toolkit                        {score((ours_outlet != 'unknown') & has_outlet, ours_outlet == gold_outlet, int(has_outlet.sum()))}")
    wrong = df[(ours_outlet != "unknown") & (ours_outlet != gold_outlet)]
    for row in wrong.head(10).itertuples():
        print(f"    wrong outlet: {row.filename}: {row.outlet} (gold {row.gold_publisher})")
    wrong_dates = df[ours_date.notna() & (ours_date != gold_date)]
    for row in wrong_dates.head(10).itertuples():
        print(f"    wrong date: {row.filename}: {row.published} (gold {row.gold_publication_date})")


def eval_bbc(root: Path) -> None:
    corpus = load(root)
    arts = corpus.articles
    naive = arts["raw_text"].map(lambda t: (find_full_date(t[:200]) or (None,))[0])
    print(f"\nBBC ({len(arts)} articles, no publication date in any text): dates inferred, all of them wrong:")
    print(f"  toolkit {int(arts['published'].notna().sum())}   baseline (first full date) {int(naive.notna().sum())}")
    print(f"  outlets named: {int((arts['outlet'].astype(str) != 'unknown').sum())}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", "--eval", dest="eval", default=str(eval_root()),
                        help="eval root with polnear/ and corpora/ (default: %(default)s)")
    parser.add_argument("--smoke", action="store_true",
                        help="quick check that the evaluation runs: one PolNeAR folder, no BBC")
    args = parser.parse_args(argv)
    root = Path(args.eval)
    if (root / "polnear" / "metadata.tsv").exists():
        eval_polnear(root / "polnear", smoke=args.smoke)
    else:
        print(f"no PolNeAR under {root}; skipped")
    if (root / "corpora" / "bbc").exists() and not args.smoke:
        print(scored(root / "corpora" / "bbc", "all of bbc (no gold dates: every inferred date is wrong)"))
        eval_bbc(root / "corpora" / "bbc")
    return 0


if __name__ == "__main__":
    sys.exit(main())
