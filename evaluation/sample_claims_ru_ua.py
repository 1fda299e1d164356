"""Run the claims ledger over the ru_ua_2022 war corpus: counts, and a sample to hand-check.

Data: ``../shared/eval/corpora/ru_ua_2022/`` (Guardian and NYT CSVs, columns
``published, headlines, articles``; the outlet is the file name). The corpus
goes through the product path: :func:`toolkit.load` then
:func:`toolkit.annotate` (all extractors, so claimants come from real quotes
and mentions), then :func:`toolkit.claims.reconcile`.

Prints (markdown): claims per category and outlet, per qualifier and scope,
the largest cross-outlet groups, and ``--n`` random claims (fixed ``--seed``)
each with its sentence, for a person to judge. Precision is what that person
counts, not something this script computes. Then a recall probe: sentences a
plain pattern (number + casualty word) flags, the share that got a claim, and
``--probe`` flagged sentences without one, to sort into misses and correct
rejections.

Usage::

    .venv/bin/python evaluation/sample_claims_ru_ua.py [--data ../shared/eval/corpora/ru_ua_2022]
        [--n 50] [--seed 20250617] [--limit N] [--cache /tmp/claims_ru_ua_cache]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "corpora" / "ru_ua_2022"
FILES = {"Guardians_Russia_Ukraine.csv": "The Guardian", "NYT_Russia_Ukraine.csv": "The New York Times"}


def _tolerate_out_of_range_dates() -> None:
    """Workaround, this script only: ``schema.frame`` raises on dates before
    1677 (pandas' datetime64[ns] range), and the dates extractor finds "1638"
    in one NYT article. Reported to the lead; until the schema coerces such
    dates to NaT, null them here so the run completes."""
    import datetime as dt

    from toolkit import schema

    original = schema._coerce
    if getattr(original, "_tolerant", False):
        return

    def coerce(values, dtype):
        if dtype == schema.DATE:
            values = values.map(lambda v: None if isinstance(v, dt.date) and not 1678 <= v.year <= 2261 else v)
        return original(values, dtype)

    coerce._tolerant = True
    schema._coerce = coerce


def load_corpus(data: Path, limit: int | None = None):
    import pandas as pd

    import toolkit
    from toolkit.corpus import Corpus

    parts = [toolkit.load(data / name, fields={"text": "articles", "title": "headlines", "published": "published"},
                          outlet=outlet) for name, outlet in FILES.items()]
    articles = pd.concat([p.articles for p in parts], ignore_index=True)
    report = pd.concat([p.load_report for p in parts], ignore_index=True)
    if limit:
        articles = articles.groupby("outlet", observed=True, group_keys=False).head(limit // 2).reset_index(drop=True)
    return Corpus(articles, report)


#: recall probe: a number-ish word and a casualty word within 60 characters
PROBE = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds|"
    r"thousands|millions|several)\b[^.;]{0,60}?\b(?:killed|dead|died|deaths|wounded|injured|captured|"
    r"evacuated|fled|missing|prisoners|casualties|refugees|displaced)\b", re.IGNORECASE)


def recall_probe(corpus, claims, n: int, seed: int) -> None:
    """Sentences a plain pattern flags as stating a toll, and how many of them
    got a claim; then ``n`` random flagged sentences *without* a claim, for a
    person to sort into misses and correct rejections (a recall estimate
    with no gold set: the pattern itself over-fires)."""
    sentences = corpus.sentences
    flagged = sentences[sentences["text"].astype(str).str.contains(PROBE)]
    with_claim = set(zip(claims["article_id"], claims["sent_id"]))
    hit = [(a, s) in with_claim for a, s in zip(flagged["article_id"], flagged["sent_id"])]
    print(f"## recall probe: {len(flagged)} sentences match the toll pattern; {sum(hit)} have a claim "
          f"({sum(hit) / max(len(flagged), 1):.0%})\n")
    missed = flagged[[not h for h in hit]]
    for i, r in enumerate(missed.sample(n=min(n, len(missed)), random_state=seed).itertuples(), 1):
        print(f"{i}. [{r.article_id} s{r.sent_id}] {str(r.text).replace(chr(10), ' ')[:400]}\n")


def _markdown(table) -> str:
    """A DataFrame as a markdown table (no tabulate dependency)."""
    header = [str(table.index.name or "")] + [str(c) for c in table.columns]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for index, row in table.iterrows():
        lines.append("| " + " | ".join([str(index)] + [str(v) for v in row]) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=20250617)
    parser.add_argument("--limit", type=int, default=None, help="annotate only this many articles (half per outlet)")
    parser.add_argument("--cache", default="/tmp/claims_ru_ua_cache")
    parser.add_argument("--probe", type=int, default=30, help="flagged sentences without a claim to print")
    args = parser.parse_args(argv)

    import pandas as pd

    import toolkit
    from toolkit.claims import reconcile

    _tolerate_out_of_range_dates()
    corpus = toolkit.annotate(load_corpus(args.data, args.limit), cache_dir=args.cache, progress=False)
    claims = corpus.with_outlet("claims")
    words = corpus.articles.groupby("outlet", observed=True)["n_words"].sum()
    print(f"## ru_ua_2022: {len(corpus.articles)} articles, {len(claims)} claims\n")
    table = pd.crosstab(claims["category"], claims["outlet"], margins=True, margins_name="total")
    print(_markdown(table), "\n")
    per_k = (claims.groupby("outlet", observed=True).size() / words * 1000).round(2)
    print("claims per 1,000 words:", per_k.to_dict(), "\n")
    print(_markdown(pd.crosstab(claims["qualifier"], claims["scope"], margins=True, margins_name="total")), "\n")
    print("claimant is the outlet's own voice:",
          f"{claims['claimant_actor_id'].astype('string').str.startswith('outlet:').mean():.0%};",
          f"in a direct quote: {claims['in_quote'].fillna(False).mean():.0%}\n")

    result = reconcile(corpus)
    multi = result.groups[result.groups["n_outlets"] > 1].sort_values("n_claims", ascending=False)
    print(f"reconcile: {result}; groups reported by both outlets: {len(multi)}\n")
    for row in multi.head(8).itertuples():
        print(f"- {row.group_id} {row.category} {row.place} {row.event_date}: {row.figures[:300]}")
    print()

    sample = claims.sample(n=min(args.n, len(claims)), random_state=args.seed).sort_values(["article_id", "start"])
    print(f"## {len(sample)} random claims (seed {args.seed})\n")
    for i, r in enumerate(sample.itertuples(), 1):
        sentence = corpus.sentence(r.article_id, r.sent_id).replace("\n", " ")
        print(f"{i}. [{r.outlet} {r.article_id}] **{r.surface}** -> {r.category} {r.value_low}-{r.value_high} "
              f"{r.qualifier} unit={r.unit} side={r.side_affected} claimant={r.claimant} quote={r.in_quote} "
              f"scope={r.scope} event={r.event} date={r.event_date}")
        print(f"   > {sentence}\n")
    recall_probe(corpus, claims, args.probe, args.seed)


if __name__ == "__main__":
    main()
