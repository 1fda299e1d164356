"""Actor mentions vs. CoNLL++ gold entities (PER / ORG / LOC), next to the raw model.

    python -m evaluation.eval_actors_conll [--data ../shared/eval/conll/conllpp_dev.txt] [--limit N] [--smoke]
    python -m evaluation.eval_actors_conll ../shared/eval/conll/conllpp_train.txt --sample 300 --seed 13

``--sample N --seed S`` scores a seeded random sample of N documents (the
tuning slice of the train split: rules are tuned there, dev and test are only
reported).

Method: each ``-DOCSTART-`` document becomes one spaCy ``Doc`` built from the
gold tokens (``Doc(vocab, words, spaces)``), run through the pipeline's
components, so predicted and gold spans share token boundaries. Scores are
exact-span, entity-level precision / recall / F1 per type and micro-averaged
over PER, ORG, LOC (CoNLL's MISC is not scored; a prediction on a MISC span
counts as a false positive, for both systems alike).

* **model**: en_core_web_sm's entities, without the catalogue ruler.
  PERSON -> PER; ORG -> ORG; GPE, LOC, FAC -> LOC; NORP and the rest not scored.
* **model+ruler** (ablation): ``doc.ents`` with the catalogue ruler in the
  pipeline, same label mapping, none of the extractor's rules.
* **toolkit**: the rows :func:`toolkit.actors.extract_mentions` produces
  (catalogue ruler + rules). kind person -> PER; organisation -> ORG;
  country, place -> LOC; group and demonyms ("Russian", NORP) not scored.
  Epithets and role phrases ("the Kremlin boss") are not named entities in
  CoNLL's guidelines: the headline numbers leave them out, a second line
  counts them (as false positives wherever gold has no entity).

The documents are Reuters 1996-97 news; ``ctx.published`` is set to
1996-08-22 (the corpus period) so time-bound role phrases resolve as of then.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from evaluation.common import add_data_args, data_or_skip, eval_root, scored, smoke_limit

DEFAULT_PATH = eval_root() / "conll" / "conllpp_dev.txt"
TYPES = ("PER", "ORG", "LOC")
MODEL_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
KIND_TYPES = {"person": "PER", "organisation": "ORG", "country": "LOC", "place": "LOC"}
CONLL_DATE = dt.date(1996, 8, 22)

Entity = tuple[int, int, str]  # (start token, end token, type)


def read_conll(path: Path) -> Iterator[tuple[list[str], set[Entity]]]:
    """Documents of a CoNLL-2003 file: (tokens, gold entities from BIO tags)."""
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + ["-DOCSTART- -X- -X- O"]:
        if line.startswith("-DOCSTART-"):
            if words:
                yield words, bio_entities(tags)
            words, tags = [], []
            continue
        parts = line.split()
        if len(parts) >= 4:
            words.append(parts[0])
            tags.append(parts[-1])


def bio_entities(tags: list[str]) -> set[Entity]:
    """Spans from IOB1/IOB2 tags (CoNLL++ uses IOB2; I- after O also opens one)."""
    entities: set[Entity] = set()
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        if start is not None and (prefix != "I" or typ != label):
            if label in TYPES:
                entities.add((start, i, label))
            start, label = None, None
        if prefix == "B" or (prefix == "I" and start is None):
            start, label = i, typ
    return entities


def gold_docs(nlp: Language, documents: Iterable[tuple[list[str], set[Entity]]]) -> Iterator[tuple[Doc, set[Entity]]]:
    for words, gold in documents:
        yield Doc(nlp.vocab, words=words, spaces=[True] * len(words)), gold


def model_entities(doc: Doc) -> set[Entity]:
    return {(e.start, e.end, MODEL_LABELS[e.label_]) for e in doc.ents if e.label_ in MODEL_LABELS}


def ruler_entities(doc: Doc) -> set[Entity]:
    """Ablation: ``doc.ents`` with the catalogue ruler, mapped like the model
    (catalogue kinds for ruler matches, demonyms and epithets not scored) but
    without the extractor's rules."""
    out = set()
    for e in doc.ents:
        if e.ent_id_ and (e.label_ == "NORP" or e[0].lower_ == "the"):
            continue
        if e.label_ in MODEL_LABELS:
            out.add((e.start, e.end, MODEL_LABELS[e.label_]))
    return out


def toolkit_entities(doc: Doc, catalogue, with_epithets: bool = False) -> set[Entity]:
    from toolkit.actors.extract import find_mentions
    from toolkit.context import ArticleContext

    ctx = ArticleContext("conll", "Reuters", CONLL_DATE)
    out = set()
    for m in find_mentions(doc, ctx, catalogue):
        typ = KIND_TYPES.get(m.kind)
        if typ is None or m.label == "NORP" or (m.via == "epithet" and not with_epithets):
            continue
        out.add((m.start, m.end, typ))
    return out


def score(counts: Counter) -> dict[str, dict[str, float]]:
    table = {}
    for typ in (*TYPES, "micro"):
        keys = TYPES if typ == "micro" else (typ,)
        tp = sum(counts[(k, "tp")] for k in keys)
        fp = sum(counts[(k, "fp")] for k in keys)
        fn = sum(counts[(k, "fn")] for k in keys)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        table[typ] = {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}
    return table


def tally(counts: Counter, predicted: set[Entity], gold: set[Entity]) -> None:
    for typ in TYPES:
        p = {e for e in predicted if e[2] == typ}
        g = {e for e in gold if e[2] == typ}
        counts[(typ, "tp")] += len(p & g)
        counts[(typ, "fp")] += len(p - g)
        counts[(typ, "fn")] += len(g - p)


def evaluate(path: Path, limit: int | None = None, batch_size: int = 16, sample: int | None = None,
             seed: int = 13) -> dict:
    from toolkit.actors.catalogue import load_catalogue
    from toolkit.pipeline import cached_pipeline

    nlp = cached_pipeline()
    catalogue = load_catalogue()
    documents = list(read_conll(path))
    if sample is not None and sample < len(documents):
        import random

        keep = sorted(random.Random(seed).sample(range(len(documents)), sample))
        documents = [documents[i] for i in keep]
    documents = documents[:limit]
    systems = {"model": Counter(), "model+ruler": Counter(), "toolkit": Counter(), "toolkit+epithets": Counter()}
    errors: dict[str, Counter] = {"fp": Counter(), "fn": Counter()}
    started = time.perf_counter()
    # baseline: the same pipeline without the catalogue ruler
    with nlp.select_pipes(disable=["toolkit_actor_ruler"]):
        for doc, gold in zip(nlp.pipe((d for d, _ in gold_docs(nlp, documents)), batch_size=batch_size),
                             (g for _, g in documents)):
            tally(systems["model"], model_entities(doc), gold)
    for doc, gold in zip(nlp.pipe((d for d, _ in gold_docs(nlp, documents)), batch_size=batch_size),
                         (g for _, g in documents)):
        tally(systems["model+ruler"], ruler_entities(doc), gold)
        predicted = toolkit_entities(doc, catalogue)
        tally(systems["toolkit"], predicted, gold)
        tally(systems["toolkit+epithets"], toolkit_entities(doc, catalogue, with_epithets=True), gold)
        for s, e, typ in predicted - gold:
            errors["fp"][(doc[s:e].text, typ)] += 1
        for s, e, typ in gold - predicted:
            errors["fn"][(doc[s:e].text, typ)] += 1
    return {
        "path": str(path),
        "n_documents": len(documents),
        "n_tokens": sum(len(w) for w, _ in documents),
        "seconds": round(time.perf_counter() - started, 1),
        "scores": {name: score(c) for name, c in systems.items()},
        "top_errors": {k: v.most_common(25) for k, v in errors.items()},
    }


def markdown(result: dict) -> str:
    lines = [
        f"CoNLL++ {Path(result['path']).stem}: {result['n_documents']} documents, {result['n_tokens']} tokens ({result['seconds']} s)",
        "",
        "| system | type | P | R | F1 | tp | fp | fn |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for system, table in result["scores"].items():
        for typ, s in table.items():
            lines.append(f"| {system} | {typ} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
                         f"{s['tp']} | {s['fp']} | {s['fn']} |")
    for kind, items in result["top_errors"].items():
        lines += ["", f"most frequent toolkit {kind}: " + ", ".join(f"{t!r}/{typ} x{n}" for (t, typ), n in items)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_args(parser, DEFAULT_PATH, "CoNLL file", "the first 5 documents", positional=True)
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--sample", type=int, default=None, help="a seeded random sample of N documents")
    parser.add_argument("--seed", type=int, default=13, help="seed of --sample")
    args = parser.parse_args(argv)
    path = data_or_skip(args, "", "CoNLL file")
    if path is None:
        return 0
    result = evaluate(path, smoke_limit(args, 5, args.limit), sample=args.sample, seed=args.seed)
    print(scored(path, path.stem.rsplit("_", 1)[-1], result["n_documents"], "documents", args.smoke))
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
