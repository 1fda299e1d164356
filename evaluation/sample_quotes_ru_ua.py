"""Print random quotes-table rows from ru_ua_2022 with their sentences, for reading by hand.

Usage::

    .venv/bin/python -m evaluation.sample_quotes_ru_ua [--seed 2026] [--n 30] [--articles 40]

Draws ``--articles`` random articles of ``corpora/ru_ua_2022`` (Guardian and
NYT) that are NOT in the hand-labelled gold set (``quotes_war_articles.jsonl``),
annotates them, and prints ``--n`` random speech rows (rows whose ``kind`` is
not a scare quote, title or term, when the column exists) with the paragraph
around each, so a reader can mark each row right / partly / wrong (content,
speaker, kind). The counts are written down in ``docs/results/quotes.md``.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.eval_quotes_war import ARTICLES, DEFAULT_DATA, NOT_SPEECH, read_jsonl  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA / "ru_ua_2022"))
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--articles", type=int, default=40)
    args = parser.parse_args(argv)
    if not Path(args.data).exists():
        print(f"no corpus at {args.data}")
        return 0
    import toolkit
    from toolkit.corpus import Corpus

    corpus = toolkit.load(args.data)
    gold_ids = {m["article_id"] for m in read_jsonl(ARTICLES)}
    rng = random.Random(args.seed)
    ids = sorted(set(corpus.articles["article_id"]) - gold_ids)
    chosen = set(rng.sample(ids, min(args.articles, len(ids))))
    articles = corpus.articles[corpus.articles["article_id"].isin(chosen)].reset_index(drop=True)
    annotated = toolkit.annotate(Corpus(articles=articles, load_report=corpus.load_report.iloc[:0]), cache_dir=None, progress=False)
    quotes = annotated.quotes
    if "kind" in quotes.columns:
        quotes = quotes[~quotes["kind"].isin(NOT_SPEECH)]
    rows = quotes.sample(n=min(args.n, len(quotes)), random_state=args.seed).sort_values(["article_id", "start"])
    texts = dict(zip(annotated.articles["article_id"], annotated.articles["text"]))
    for i, r in enumerate(rows.itertuples(), 1):
        text = texts[r.article_id]
        # the paragraph around the row, but never more than 600 characters before and
        # 250 after it (guardian_feb2022 keeps no paragraph breaks)
        lo = max(0, text.rfind("\n", 0, max(0, r.start - 250)) + 1, r.start - 600)
        hi = text.find("\n", r.end + 150)
        hi = min(len(text) if hi < 0 else hi, r.end + 250)
        kind = getattr(r, "kind", None)
        print(f"[{i}] {r.article_id} kind={kind} direct={r.direct} cue={r.cue!r} speaker={r.speaker!r} "
              f"surface={r.speaker_surface!r} id={r.speaker_actor_id!r}")
        print(f"    QUOTE: {text[r.start:r.end]!r}")
        print(f"    CONTEXT: {text[lo:r.start]}[[{text[r.start:r.end]}]]{text[r.end:hi]}".replace("\n", " "))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
