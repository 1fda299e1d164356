"""Read an annotated corpus's claims by hand: the headline figure per outlet and N random rows.

Two checks for issue #12 that need a person, not a gold file:

* **Headline check**: per outlet, the largest figure the side-by-side summary
  (:func:`toolkit.charts.overview.outlet_summary`, column "largest figure")
  shows, with the claim row and sentence it comes from. A person marks
  whether it is an on-story human toll, reported (not hypothetical), and not a
  rate.
* **Random rows**: ``--n`` claims drawn with ``--seed``, each with every column a
  reader judges (category, value, side, claimant, about-the-story, rate,
  modality) and its sentence, to count right / partly / wrong.

Usage::

    python -m toolkit annotate ../shared/eval/corpora/ru_ua_2022 --out build/ru_ua_2022
    python evaluation/claims_war_readout.py build/ru_ua_2022 [--n 30] [--seed 20261201] [--exclude-check]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COLUMNS = ("category", "value_low", "value_high", "qualifier", "side_affected", "claimant", "claimant_is_outlet",
           "about_story", "rate", "modality", "mentions", "scope", "event")


def _row(r) -> str:
    return " ".join(f"{c}={getattr(r, c)}" for c in COLUMNS if hasattr(r, c))


def headline(corpus) -> None:
    """The summary's largest figure per outlet and the claim behind it."""
    from toolkit.charts.overview import outlet_summary

    summary = outlet_summary(corpus).set_index("outlet")
    claims = corpus.with_outlet("claims")
    print("## headline figure per outlet (outlet_summary 'largest figure')\n")
    for outlet, shown in summary["largest figure"].items():
        c = claims[claims["outlet"].astype("string") == outlet]
        c = _headline_rows(c)
        if c.empty or shown is None or shown != shown:
            print(f"- {outlet}: (none) shown={shown}")
            continue
        point = c["value_low"].astype("Float64").fillna(c["value_high"].astype("Float64"))
        r = next(c.assign(point=point).sort_values("point", ascending=False).itertuples())
        sentence = corpus.sentence(r.article_id, r.sent_id).replace("\n", " ")
        print(f"- {outlet}: shown **{shown}** <- [{r.article_id} s{r.sent_id}] {r.surface!r} {_row(r)}")
        print(f"  > {sentence[:400]}")
    print()


def _headline_rows(claims):
    """The rows the summary may take its largest figure from (the same
    filter the summary applies, when the toolkit has one)."""
    try:
        from toolkit.claims import headline_mask
    except ImportError:  # before issue #12: every claim with a low bound
        return claims.dropna(subset=["value_low"])
    return claims[headline_mask(claims)].dropna(subset=["value_low", "value_high"], how="all")


def check_article_ids() -> set[str]:
    """The gold set's check-split articles (evaluation/data/claims_war_articles.csv), which a
    readout used for tuning must not show."""
    import csv

    path = ROOT / "evaluation" / "data" / "claims_war_articles.csv"
    with path.open(encoding="utf-8") as f:
        return {r["article_id"] for r in csv.DictReader(f) if r["split"] == "check"}


def sample(corpus, n: int, seed: int, exclude: set[str] = frozenset()) -> None:
    claims = corpus.with_outlet("claims")
    claims = claims[~claims["article_id"].astype("string").isin(exclude)]
    rows = claims.sample(n=min(n, len(claims)), random_state=seed).sort_values(["article_id", "start"])
    print(f"## {len(rows)} random claims of {len(claims)} (seed {seed})\n")
    for i, r in enumerate(rows.itertuples(), 1):
        sentence = corpus.sentence(r.article_id, r.sent_id).replace("\n", " ")
        print(f"{i}. [{r.outlet} {r.article_id} s{r.sent_id}] **{r.surface}** {_row(r)}")
        print(f"   > {sentence[:500]}\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="a saved annotated corpus (python -m toolkit annotate --out)")
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--no-sample", action="store_true", help="headline check only")
    parser.add_argument("--exclude-check", action="store_true",
                        help="leave the gold set's check-split articles out of the sample (for tuning)")
    args = parser.parse_args(argv)

    import toolkit

    corpus = toolkit.open(args.corpus)
    headline(corpus)
    if not args.no_sample:
        sample(corpus, args.n, args.seed, check_article_ids() if args.exclude_check else frozenset())


if __name__ == "__main__":
    main()
