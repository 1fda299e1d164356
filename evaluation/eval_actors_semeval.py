"""Actor mentions on Ukraine-war articles: recall and resolution against the
entity mentions annotated in SemEval-2025 Task 10, subtask 1 (``EN_UA_*``).

    python -m evaluation.eval_actors_semeval [../shared/eval/semeval2025_t10]

The annotators marked the main actors of each article (the entities given a
narrative role: protagonist, antagonist, innocent) with character offsets.
The annotation is not exhaustive (not every actor mention is marked), so only
**recall** can be measured: the share of annotated mentions that a system
returns as an actor (a predicted span overlapping the gold span). For gold
entities the catalogue knows (``Catalogue.lookup`` of the annotated string,
e.g. "Kiev" -> kyiv, "Vladimir Putin" -> putin), **resolution accuracy** is
the share of found mentions carrying that ``actor_id``.

Systems: **model** = en_core_web_sm entities (PERSON, ORG, GPE, LOC, FAC,
NORP) without the catalogue ruler; **toolkit** = :func:`extract_mentions`
rows (all kinds, epithets included). No publication dates are given, so
``ctx.published`` is None (time-bound role phrases resolve only when
unambiguous).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from evaluation.common import add_data_args, data_or_skip, eval_root, scored, smoke_limit

DEFAULT_PATH = eval_root() / "semeval2025_t10"
MODEL_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")


def read_gold(root: Path) -> dict[str, list[tuple[str, int, int]]]:
    """doc file -> [(entity, start, end_exclusive)] for the English Ukraine-war documents."""
    gold: dict[str, list[tuple[str, int, int]]] = {}
    for line in (root / "subtask-1-annotations.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 4 and parts[0].startswith("EN_UA"):
            gold.setdefault(parts[0], []).append((parts[1], int(parts[2]), int(parts[3]) + 1))  # end is inclusive
    return gold


def overlapping(spans: list[tuple[int, int, str]], start: int, end: int) -> list[tuple[int, int, str]]:
    return [s for s in spans if s[0] < end and start < s[1]]


def evaluate(root: Path, batch_size: int = 16, limit: int | None = None) -> dict:
    from toolkit.actors.catalogue import load_catalogue
    from toolkit.actors.extract import extract_mentions
    from toolkit.context import ArticleContext
    from toolkit.pipeline import cached_pipeline

    nlp = cached_pipeline()
    catalogue = load_catalogue()
    gold = read_gold(root)
    names = sorted(gold)[:limit]
    texts = [(root / "raw-documents" / n).read_text(encoding="utf-8") for n in names]
    counts: Counter = Counter()
    misses: Counter = Counter()
    wrong: Counter = Counter()
    started = time.perf_counter()
    with nlp.select_pipes(disable=["toolkit_actor_ruler"]):
        model_spans = [[(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in MODEL_LABELS]
                       for doc in nlp.pipe(texts, batch_size=batch_size)]
    for name, doc, model in zip(names, nlp.pipe(texts, batch_size=batch_size), model_spans):
        rows = extract_mentions(doc, ArticleContext(name), catalogue)
        toolkit = [(r["start"], r["end"], r["actor_id"]) for r in rows]
        for entity, start, end in gold[name]:
            counts["gold"] += 1
            counts["model_found"] += bool(overlapping(model, start, end))
            hits = overlapping(toolkit, start, end)
            counts["toolkit_found"] += bool(hits)
            if not hits:
                misses[entity] += 1
            expected = catalogue.lookup(entity)
            if expected is not None:
                counts["catalogued"] += 1
                counts["catalogued_found"] += bool(hits)
                if hits and any(h[2] == expected.actor_id for h in hits):
                    counts["resolved"] += 1
                elif hits:
                    wrong[(entity, hits[0][2])] += 1
    return {"n_documents": len(names), "seconds": round(time.perf_counter() - started, 1), "counts": counts,
            "misses": misses.most_common(20), "wrong": wrong.most_common(15)}


def markdown(result: dict) -> str:
    c = result["counts"]
    def share(a: str, b: str) -> str:
        return f"{c[a] / c[b]:.3f} ({c[a]}/{c[b]})" if c[b] else "n/a"
    return "\n".join([
        f"SemEval-2025 T10 EN_UA: {result['n_documents']} documents, {c['gold']} annotated actor mentions ({result['seconds']} s)",
        "",
        "| measure | model | toolkit |",
        "| --- | ---: | ---: |",
        f"| recall of annotated mentions | {share('model_found', 'gold')} | {share('toolkit_found', 'gold')} |",
        f"| recall, catalogued entities | | {share('catalogued_found', 'catalogued')} |",
        f"| resolution accuracy (catalogued, found) | | {share('resolved', 'catalogued_found')} |",
        "",
        "most frequent misses: " + ", ".join(f"{e!r} x{n}" for e, n in result["misses"]),
        "",
        "wrong actor (gold entity -> toolkit id): " + ", ".join(f"{e!r}->{a} x{n}" for (e, a), n in result["wrong"]),
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_args(parser, DEFAULT_PATH, "SemEval T10 folder", "the first 3 documents", positional=True)
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = parser.parse_args(argv)
    root = data_or_skip(args, "subtask-1-annotations.txt", "SemEval T10 data")
    if root is None:
        return 0
    result = evaluate(root, limit=smoke_limit(args, 3, args.limit))
    print(scored(root, "EN_UA documents of subtask 1 (one split, not tuned on)", result["n_documents"], "documents",
                 args.smoke))
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
