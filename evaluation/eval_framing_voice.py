"""Whose voice is a word in? Token-level check of the framing table's
``in_quote`` on PolNeAR (Newell, Margolin & Ruths 2018: attribution relations
in 2016 US election news, brat ``.ann`` with Source / Cue / Content spans).

Gold: a word is in reported speech when it lies inside any attribution's
Content span (direct or indirect, as the framing table defines ``in_quote``).
One annotator per text (the code that sorts first), as in
``eval_quotes_polnear.py``. Scored on alphabetic tokens, and separately on the
tokens the framing lexicons match (the words whose voice matters most).

Systems, on the same parses:

* ``toolkit`` — :class:`toolkit.framing.quoted.VoiceIndex` over the quotes
  table and quotation-marked segments (what ``extract_framing`` uses);
* ``quote marks only`` — baseline: inside a quotation-mark pair;
* ``quotes table only`` — inside a record of ``toolkit.quotes.extract_quotes``.

Usage: ``python -m evaluation.eval_framing_voice [--data ../shared/eval/polnear/dev] [--limit N]``
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from evaluation.common import add_data_args, data_or_skip, eval_root, scored, smoke_limit

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = eval_root() / "polnear" / "dev"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_data_args(parser, DEFAULT_DATA, "PolNeAR split folder", "the first 3 texts")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    if data_or_skip(args, "attributions", "PolNeAR data") is None:
        return 0
    from evaluation.eval_quotes_polnear import parse_ann, pick_annotations
    from toolkit.actors.catalogue import load_catalogue
    from toolkit.context import ArticleContext
    from toolkit.extraction import annotate_doc
    from toolkit.framing.extract import NAMING_VERBS
    from toolkit.framing.lexicon import load_lexicon, matcher_for
    from toolkit.framing.actor_index import ActorIndex
    from toolkit.framing.quoted import VoiceIndex, quoted_segments
    from toolkit.pipeline import cached_pipeline

    chosen = pick_annotations(args.data)
    limit = smoke_limit(args, 3, args.limit)
    names = sorted(chosen)[:limit] if limit else sorted(chosen)
    texts = [(args.data / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    nlp, catalogue, lexicon = cached_pipeline(), load_catalogue(), load_lexicon()
    reporting = frozenset(v for v in lexicon.verbs if " " not in v) | NAMING_VERBS
    systems = ("toolkit", "quote marks only", "quotes table only")
    tally = {(s, scope): [0, 0, 0] for s in systems for scope in ("all words", "lexicon matches")}
    for name, text, doc in zip(names, texts, nlp.pipe(texts, batch_size=8)):
        gold_spans = [span for content, _ in parse_ann(chosen[name]) for span in content]
        rows = annotate_doc(doc, ArticleContext(name), catalogue)
        mentions, quotes = rows["mentions"], rows["quotes"]
        voices = VoiceIndex(doc, quotes, ActorIndex(doc, mentions), reporting)
        segments = quoted_segments(text)
        lexicon_tokens = {i for m in matcher_for(doc.vocab, lexicon)(doc) for i in range(m.start, m.end)}
        for tok in doc:
            if not tok.is_alpha:
                continue
            s, e = tok.idx, tok.idx + len(tok)
            gold = any(a <= s and e <= b for a, b in gold_spans)
            predicted = {
                "toolkit": voices.voice(s, e)[0],
                "quote marks only": any(g.start <= s and e <= g.end for g in segments),
                "quotes table only": any(q["start"] <= s and e <= q["end"] for q in quotes),
            }
            for system, pred in predicted.items():
                scopes = ["all words"] + (["lexicon matches"] if tok.i in lexicon_tokens else [])
                for scope in scopes:
                    t = tally[(system, scope)]
                    t[0] += pred and gold
                    t[1] += pred and not gold
                    t[2] += gold and not pred
    print(scored(args.data, args.data.name, len(names), "texts", args.smoke))
    print(f"PolNeAR {args.data.name}: {len(names)} texts\n")
    print("| scope | system | precision | recall | F1 | gold quoted tokens |")
    print("|---|---|---|---|---|---|")
    for (system, scope), (tp, fp, fn) in sorted(tally.items(), key=lambda kv: (kv[0][1], systems.index(kv[0][0]))):
        p, r, f = prf(tp, fp, fn)
        print(f"| {scope} | {system} | {p:.3f} | {r:.3f} | {f:.3f} | {tp + fn} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
