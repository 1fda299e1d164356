"""Recall of shared-copy detection on planted copies, by edit size.

Takes a seeded sample of real articles (ru_ua_2022, guardian_feb2022, BBC) and
re-saves each under a made-up outlet with edits of increasing size: a share of
its words substituted by other words of the corpus, deleted, or new words
inserted (in equal parts), at 0, 5, 10, 20, 30, 40 and 50 % of the words. Two
more plantings copy only a passage: 120 words of the article inside another
article's text (the "wire paragraph in a live blog" case), exact and with 10 %
edits. The planted articles join the real corpus and
:func:`toolkit.sourcing.find_copies` runs once over everything; a planting is
found when its pair with the original is in the copies table. Also reported:
planted pairs with any *other* article (what the edits made look like copy).

    python -m evaluation.eval_copies --data ../shared/eval/corpora --n 60
    python -m evaluation.eval_copies --smoke        # the sample only, no ../shared/eval
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

import pandas as pd

EDITS = (0.0, 0.05, 0.10, 0.20, 0.30, 0.40, 0.50)
CORPORA = ("ru_ua_2022", "guardian_feb2022", "bbc")
_WORD = re.compile(r"\S+")


def edit(text: str, rate: float, vocabulary: list[str], rng: random.Random) -> str:
    """Substitute, delete or insert ``rate`` of the words (a third each)."""
    words = _WORD.findall(text)
    out = []
    for w in words:
        r = rng.random()
        if r < rate / 3:
            out.append(rng.choice(vocabulary))  # substitution
        elif r < 2 * rate / 3:
            continue  # deletion
        elif r < rate:
            out.extend([w, rng.choice(vocabulary)])  # insertion
        else:
            out.append(w)
    return " ".join(out)


def plant(articles: pd.DataFrame, n: int, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = random.Random(seed)
    eligible = articles[articles["n_words"].fillna(0) >= 200].sort_values("article_id")
    chosen = eligible.sample(n=min(n, len(eligible)), random_state=seed)
    hosts = articles[~articles["article_id"].isin(chosen["article_id"])].sort_values("article_id")
    vocabulary = sorted({w for t in chosen["text"].head(50) for w in _WORD.findall(t)})
    planted, truth = [], []
    for row in chosen.itertuples(index=False):
        for rate in EDITS:
            pid = f"planted:{row.article_id}:{int(rate * 100)}"
            planted.append({"article_id": pid, "outlet": "Planted Outlet", "published": row.published,
                            "text": edit(row.text, rate, vocabulary, rng)})
            truth.append({"planted": pid, "original": row.article_id, "edit": f"{int(rate * 100)} %", "kind": "whole article"})
        words = _WORD.findall(row.text)
        lo = rng.randrange(0, max(1, len(words) - 120))
        passage = " ".join(words[lo:lo + 120])
        host = hosts.iloc[rng.randrange(len(hosts))]
        for rate, label in ((0.0, "0 %"), (0.10, "10 %")):
            body = host.text.split("\n")
            cut = rng.randrange(len(body) + 1)
            text = "\n".join(body[:cut] + [edit(passage, rate, vocabulary, rng)] + body[cut:])
            pid = f"planted-passage:{row.article_id}:{label.split()[0]}"
            planted.append({"article_id": pid, "outlet": "Planted Outlet", "published": row.published, "text": text})
            truth.append({"planted": pid, "original": row.article_id, "edit": label, "host": host.article_id,
                          "kind": "120-word passage in another article"})
    return pd.DataFrame(planted), pd.DataFrame(truth)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="../shared/eval/corpora")
    parser.add_argument("--n", type=int, default=60, help="articles to plant copies of (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--smoke", action="store_true", help="plant copies of three sample articles (the others host passages)")
    args = parser.parse_args(argv)

    import toolkit
    from toolkit.sourcing.copies import find_copies

    if args.smoke:
        frames = [toolkit.load(Path(__file__).resolve().parents[1] / "data" / "articles").articles]
    else:
        if not Path(args.data).exists():
            print(f"no corpora at {args.data}: nothing to evaluate (use --smoke)")
            return 0
        frames = [toolkit.load(Path(args.data) / c).articles for c in CORPORA]
    articles = pd.concat(frames, ignore_index=True)
    planted, truth = plant(articles, 3 if args.smoke else args.n, args.seed)
    corpus = pd.concat([articles[["article_id", "outlet", "published", "text"]], planted], ignore_index=True)
    started = time.perf_counter()
    copies = find_copies(corpus)
    seconds = time.perf_counter() - started
    pairs = {frozenset((a, b)) for a, b in zip(copies["article_a"], copies["article_b"])}
    truth["found"] = [frozenset((p, o)) in pairs for p, o in zip(truth["planted"], truth["original"])]
    print(f"planted copies of {truth['original'].nunique()} articles in a corpus of {len(articles)} "
          f"(+{len(planted)} planted); find_copies: {seconds:.1f} s, {len(copies)} pairs")
    table = truth.groupby(["kind", "edit"], sort=False)["found"].agg(["sum", "count"])
    table["recall"] = table["sum"] / table["count"]
    print(table.to_string())
    planted_ids = set(planted["article_id"])
    originals = dict(zip(truth["planted"], truth["original"]))
    hosts = dict(zip(truth["planted"], truth.get("host", pd.Series(dtype=object))))
    other = unexplained = 0
    for a, b in zip(copies["article_a"], copies["article_b"]):
        if (a in planted_ids) == (b in planted_ids):
            continue
        p, o = (a, b) if a in planted_ids else (b, a)
        if o in (originals[p], hosts.get(p)):
            continue
        other += 1
        # the original itself shares copy with that article: the planting inherits a real pair
        unexplained += frozenset((originals[p], o)) not in pairs
    print(f"pairs of a planted article with a real article other than its original or host: {other}, "
          f"of which {unexplained} are not inherited from a real pair of the original")
    return 0


if __name__ == "__main__":
    sys.exit(main())
