"""Evaluate quote and speaker attribution on PolNeAR (brat Source/Cue/Content).

Usage (from the repository root)::

    .venv/bin/python evaluation/eval_quotes_polnear.py [--data ../shared/eval/polnear/dev] [--limit N] [--seed S]

Gold: every ``Attribution`` event of a ``.ann`` file with a Content span.
Several annotators cover a few texts; we use ONE per text: the annotator code
that sorts first (e.g. ``4b22`` before ``6b86``).

Scores, for the toolkit (``toolkit.quotes.extract_attributions``) and for the
baseline ``textacy.extract.triples.direct_quotations`` on the same parses:

* content recall: share of gold contents overlapping (>= 1 character) a predicted quote;
  content precision: share of predicted quotes overlapping a gold content;
* speaker accuracy: among gold attributions with a Source whose content
  overlaps a prediction, the share whose best-overlapping prediction has a
  source span overlapping the gold Source span. Sources are scored *as
  written*: PolNeAR marks the local source (the pronoun in "he said"), and the
  toolkit's source for a pronoun is that pronoun, so pronoun resolution is not
  scored here (the seed tests check it);
* end-to-end attribution P/R/F1: a prediction is correct when its content
  overlaps a gold content and its source overlaps that gold Source;
* the same restricted to *direct* quotes, the fair comparison with textacy,
  which only finds direct quotes: one test (:func:`is_direct`) on both sides,
  gold contents and predicted contents alike — the content holds a quotation
  mark or has one right outside it, a paired ``‘…’`` included (session 7; the
  row marked OLD RULE is the measure before: gold without ``‘…’``, every
  ``kind`` direct row). textacy raises on a document with an odd
  number of quotation marks: such documents count as zero predictions.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from evaluation.common import add_data_args, eval_root, scored, smoke_limit  # noqa: E402

DEFAULT_DATA = eval_root() / "polnear" / "dev"
#: quotation marks, including the NYT archive's two apostrophes `''` (the
#: texts' ASCII double quote; ``toolkit.quotes.marks`` pairs it as one)
QUOTE_MARKS = re.compile(r"[\"“”„«»]|''")

Spans = list[tuple[int, int]]


@dataclass
class Gold:
    content: Spans
    source: Spans | None

    @property
    def direct(self) -> bool:
        return False  # set by load_gold from the text


@dataclass
class Prediction:
    content: Spans
    source: Spans | None
    direct: bool
    kind: str | None = None  # the quotes table's `kind` (toolkit rows only)


@dataclass
class Tally:
    gold: int = 0
    gold_found: int = 0
    pred: int = 0
    pred_matched: int = 0
    speaker_scored: int = 0
    speaker_right: int = 0
    correct_pred: int = 0
    correct_gold: int = 0
    extra: dict = field(default_factory=dict)


# -- reading brat ------------------------------------------------------------------

def parse_ann(path: Path) -> list[tuple[Spans, Spans | None]]:
    """(content spans, source spans) of every Attribution event with a Content."""
    spans: dict[str, Spans] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, info, *_ = line.split("\t")
            _label, offsets = info.split(" ", 1)
            spans[tid] = [tuple(int(x) for x in part.split()) for part in offsets.split(";")]
        elif line.startswith("E"):
            roles = dict(arg.split(":") for arg in line.split("\t")[1].split()[1:])
            events.append(roles)
    out = []
    for roles in events:
        if "Content" not in roles or roles["Content"] not in spans:
            continue
        out.append((spans[roles["Content"]], spans.get(roles.get("Source", ""))))
    return out


def pick_annotations(data: Path) -> dict[str, Path]:
    """text name -> the .ann of the annotator code that sorts first."""
    chosen: dict[str, Path] = {}
    for ann in sorted((data / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(name, ann)
    return chosen


def leave_out(names: list[str], slices) -> list[str]:
    """``names`` without the samples ``LIMIT:SEED`` of ``slices``, taken in
    turn: each slice is drawn (as ``--limit LIMIT --seed SEED`` would draw it)
    from the names the slices before it left, so ``["80:13", "80:2027"]``
    removes the tuning slice ``--limit 80 --seed 13`` and then the held-out
    slice ``--not-in 80:13 --limit 80 --seed 2027``."""
    for spec in slices:
        try:
            size, seed = (int(x) for x in spec.split(":"))
        except ValueError:
            raise SystemExit(f"--not-in wants LIMIT:SEED, got {spec!r}") from None
        dropped = set(random.Random(seed).sample(names, min(size, len(names))))
        names = [n for n in names if n not in dropped]
    return names


# -- predictions -------------------------------------------------------------------

def toolkit_predictions(doc, ctx, mentions) -> list[Prediction]:
    from toolkit.quotes import extract_attributions

    out = []
    for r in extract_attributions(doc, ctx, mentions):
        source = [(r["source_start"], r["source_end"])] if r["source_start"] is not None else None
        out.append(Prediction([(r["start"], r["end"])], source, bool(r["direct"]), r.get("kind")))
    return out


def textacy_predictions(doc) -> tuple[list[Prediction], bool]:
    """textacy's direct quotations; (predictions, raised)."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return [], True
    out = []
    for speaker, _cue, content in triples:
        source = [(min(t.idx for t in speaker), max(t.idx + len(t) for t in speaker))] if speaker else None
        out.append(Prediction([(content.start_char, content.end_char)], source, True))
    return out, False


def mentions_for(doc, ctx):
    try:
        from toolkit.actors import extract_mentions, load_catalogue
    except ImportError:
        from toolkit.quotes.speakers import mentions_from_entities

        return mentions_from_entities(doc)
    return extract_mentions(doc, ctx, load_catalogue(None))


# -- scoring -----------------------------------------------------------------------

def is_direct_old(text: str, content: Spans) -> bool:
    """The scorer's test for a direct gold quote until session 7 (kept for the
    row labelled "old rule"): a double mark from :data:`QUOTE_MARKS` inside the
    content or right outside it. Single curly marks were not counted at all,
    so a headline quote in ``‘…’`` was never direct gold, while the toolkit
    (:mod:`toolkit.quotes.marks`) does pair ``‘…’`` and calls it direct."""
    for a, b in content:
        if QUOTE_MARKS.search(text[a:b]) or QUOTE_MARKS.match(text[max(0, a - 1):a]) or QUOTE_MARKS.match(text[b:b + 2].lstrip(",. ")):
            return True
        if text[max(0, a - 2):a] == "''" or text[b:b + 3].lstrip(",. ").startswith("''"):
            return True
    return False


def single_pair(text: str, content: Spans) -> bool:
    """A paired single quotation ``‘…’`` inside the content or around it: an
    opening ``‘`` at a word start (not after a letter or digit), from the
    character before the content to its end, and a closing ``’`` after it,
    up to two characters past the content, that follows a non-space and is
    not followed by a letter. ``’`` alone is never enough: it is also the
    apostrophe (``Obama’s``, ``Don’t``), which always has a letter after it;
    ``‘`` at a word start has no such use in these texts. This is the
    convention of the headlines of Breitbart, HuffPost and the Western
    Journal (`Elizabeth Warren: Donald Trump Is a ‘Proven Failure’ in
    Business`) and of quoted fragments in their copy (`ending the ‘tampon
    tax’ in his state`)."""
    for a, b in content:
        for i in range(max(0, a - 1), min(b, len(text))):
            if text[i] != "‘" or (i > 0 and text[i - 1].isalnum()):
                continue
            for j in range(i + 2, min(len(text), b + 2)):
                if text[j] == "’" and not text[j - 1].isspace() and (j + 1 >= len(text) or not text[j + 1].isalpha()):
                    return True
    return False


def is_direct(text: str, content: Spans) -> bool:
    """A span is a direct quote when it holds a quotation mark or one sits
    right outside it (annotators differ on including the marks). The NYT
    archive texts write the double quote as two apostrophes (`''…,''`): a mark
    too (until 2026-12-01 it was missed, so their quotes counted as not
    direct). Since session 7 a paired ``‘…’`` counts as well
    (:func:`single_pair`), and the same test is applied to the gold contents
    and to the predicted ones, so both sides of a direct-only score mean the
    same thing (:func:`is_direct_old` is the test before)."""
    return is_direct_old(text, content) or single_pair(text, content)


def overlap(a: Spans | None, b: Spans | None) -> int:
    if not a or not b:
        return 0
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def score(tally: Tally, gold: list[tuple[Spans, Spans | None]], preds: list[Prediction]) -> None:
    tally.gold += len(gold)
    tally.pred += len(preds)
    for content, source in gold:
        best = max(preds, key=lambda p: overlap(content, p.content), default=None)
        if best is None or overlap(content, best.content) == 0:
            continue
        tally.gold_found += 1
        if source:
            tally.speaker_scored += 1
            tally.speaker_right += overlap(source, best.source) > 0
        if any(overlap(content, p.content) and overlap(source, p.source) for p in preds):
            tally.correct_gold += 1
    for p in preds:
        hits = [(c, s) for c, s in gold if overlap(c, p.content)]
        tally.pred_matched += bool(hits)
        tally.correct_pred += any(overlap(s, p.source) for _c, s in hits)


def head_to_head(h2h: dict, gold, ours: list[Prediction], theirs: list[Prediction]) -> None:
    """Speaker accuracy of both systems on the gold quotes both of them found."""
    for content, source in gold:
        if not source:
            continue
        picks = [max(preds, key=lambda p: overlap(content, p.content), default=None) for preds in (ours, theirs)]
        if any(p is None or not overlap(content, p.content) for p in picks):
            continue
        h2h["n"] += 1
        h2h["toolkit"] += overlap(source, picks[0].source) > 0
        h2h["textacy"] += overlap(source, picks[1].source) > 0


def report(name: str, t: Tally) -> dict:
    rec = t.gold_found / t.gold if t.gold else 0.0
    prec = t.pred_matched / t.pred if t.pred else 0.0
    spk = t.speaker_right / t.speaker_scored if t.speaker_scored else 0.0
    e2e_p = t.correct_pred / t.pred if t.pred else 0.0
    e2e_r = t.correct_gold / t.gold if t.gold else 0.0
    e2e_f = 2 * e2e_p * e2e_r / (e2e_p + e2e_r) if e2e_p + e2e_r else 0.0
    content_f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"system": name, "gold": t.gold, "pred": t.pred, "content_P": prec, "content_R": rec, "content_F1": content_f,
            "speaker_acc": spk, "speaker_n": t.speaker_scored, "attr_P": e2e_p, "attr_R": e2e_r, "attr_F1": e2e_f}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_args(parser, DEFAULT_DATA, "PolNeAR split folder (with text/ and attributions/)", "4 texts")
    parser.add_argument("--limit", type=int, default=None, help="evaluate a random sample of this many texts")
    parser.add_argument("--seed", type=int, default=13, help="random seed for --limit")
    parser.add_argument("--not-in", default=None, nargs="+", metavar="LIMIT:SEED",
                        help="leave out the texts of the sample --limit LIMIT --seed SEED (a held-out slice "
                             "disjoint from the tuning slice, e.g. --not-in 80:13 --limit 80 --seed 2027); "
                             "several slices are left out in turn, each drawn from what the ones before it left "
                             "(--not-in 80:13 80:2027 leaves out the tuning slice and the held-out slice)")
    parser.add_argument("--rules-only", action="store_true",
                        help="score the rules' choice of direct quotes' sources, without the learned check "
                             "(toolkit.quotes.rank), for a side-by-side figure")
    parser.add_argument("--errors", type=int, default=0, help="print this many speaker errors of the toolkit")
    parser.add_argument("--direct-errors", type=int, default=0, metavar="N",
                        help="print N random errors of direct speech (kind direct against direct gold): rows "
                             "matching no gold (SPURIOUS), gold no row found (MISSED), rows with another or no "
                             "source (SOURCE)")
    parser.add_argument("--breakdown", action="store_true",
                        help="print counts (no rows) of the classes of direct-speech errors: for direct gold, "
                             "missed / found without a source / found with another source, by the form of the gold "
                             "source; for kind-direct rows, spurious / on gold without a Source / no source / "
                             "another source (aggregates only, so usable on splits nobody reads)")
    parser.add_argument("--pronoun-sample", type=Path, default=None, metavar="CSV",
                        help="instead: print he/she-sourced rows with context from a news CSV (column 'articles') for checking by hand")
    parser.add_argument("--corpus-stats", type=Path, nargs="+", default=None, metavar="CSV",
                        help="instead: run on news CSVs (column 'articles') and print row counts (robustness check)")
    args = parser.parse_args(argv)
    if args.corpus_stats:
        return corpus_stats(args.corpus_stats)
    if args.pronoun_sample:
        return pronoun_sample(args.pronoun_sample, n_articles=25, n_rows=30, seed=7)

    from toolkit.context import ArticleContext
    from toolkit.extraction import BATCH_SIZE
    from toolkit.quotes.kinds import SPEECH_KINDS
    from toolkit.pipeline import cached_pipeline

    if not (args.data / "text").is_dir():
        print(f"no PolNeAR split at {args.data}: skipped (the gold set is not part of the project)")
        return 0
    if args.rules_only:
        from toolkit.quotes import resolve

        resolve.choose_source = lambda doc, a, source, inside, clauses=(), ranker=None: source
    chosen = pick_annotations(args.data)
    names = sorted(chosen)
    names = leave_out(names, args.not_in or ())
    limit = smoke_limit(args, 4, args.limit)
    if limit:
        names = sorted(random.Random(args.seed).sample(names, min(limit, len(names))))
    texts = [(args.data / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    nlp = cached_pipeline()
    tallies = defaultdict(Tally)
    h2h = {"n": 0, "toolkit": 0, "textacy": 0}
    textacy_raised = 0
    errors = []
    direct_errors = []
    counts = defaultdict(int)
    started = time.perf_counter()
    for name, text, doc in zip(names, texts, nlp.pipe(texts, batch_size=min(BATCH_SIZE, 8))):
        gold = parse_ann(chosen[name])
        gold_direct = [(c, s) for c, s in gold if is_direct(text, c)]
        gold_direct_old = [(c, s) for c, s in gold if is_direct_old(text, c)]
        ctx = ArticleContext(article_id=name)
        ours = toolkit_predictions(doc, ctx, mentions_for(doc, ctx))
        theirs, raised = textacy_predictions(doc)
        textacy_raised += raised
        # the same test of "direct" on both sides (is_direct): gold contents
        # and predicted contents alike
        ours_direct = [p for p in ours if p.direct and is_direct(text, p.content)]
        direct_speech = [p for p in ours_direct if p.kind == "direct"]
        counts["gold direct"] += len(gold_direct)
        counts["gold direct, old rule"] += len(gold_direct_old)
        counts["kind-direct rows"] += sum(p.kind == "direct" for p in ours)
        counts["kind-direct rows failing the test"] += sum(p.kind == "direct" for p in ours) - len(direct_speech)
        score(tallies["toolkit"], gold, ours)
        score(tallies["toolkit (direct only)"], gold_direct, ours_direct)
        score(tallies["toolkit (direct only, with a source)"], gold_direct, [p for p in ours_direct if p.source])
        speech = [p for p in ours if p.kind in SPEECH_KINDS]
        score(tallies["toolkit, speech rows (kind direct/indirect/mixed)"], gold, speech)
        score(tallies["toolkit, direct speech (kind direct)"], gold_direct, direct_speech)
        score(tallies["toolkit, direct speech (kind direct), OLD RULE (gold without ‘…’, all kind-direct rows)"],
              gold_direct_old, [p for p in speech if p.kind == "direct"])
        theirs_direct = [p for p in theirs if is_direct(text, p.content)]
        score(tallies["textacy direct_quotations (direct only)"], gold_direct, theirs_direct)
        score(tallies["textacy direct_quotations (all gold)"], gold, theirs)
        head_to_head(h2h, gold_direct, ours_direct, theirs_direct)
        if args.breakdown:
            _breakdown(counts, doc, gold_direct, direct_speech, ours)
        if args.direct_errors:
            direct_errors.extend(_direct_errors(name, text, gold_direct, direct_speech))
        if args.errors:
            errors.extend(_speaker_errors(name, text, gold, ours))
    seconds = time.perf_counter() - started

    print(scored(args.data, args.data.name, len(names), "texts", args.smoke))
    print(f"PolNeAR {args.data}: {len(names)} texts (one annotator each: first code), {seconds:.0f}s; "
          f"textacy raised on {textacy_raised} texts (odd number of quotation marks)\n")
    cols = ["system", "gold", "pred", "content_P", "content_R", "content_F1", "speaker_acc", "speaker_n", "attr_P", "attr_R", "attr_F1"]
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for name, tally in tallies.items():
        row = report(name, tally)
        print("| " + " | ".join(f"{row[c]:.3f}" if isinstance(row[c], float) else str(row[c]) for c in cols) + " |")
    print(f"\nHead to head, direct gold quotes with a Source found by both systems (n={h2h['n']}): "
          f"speaker right: toolkit {h2h['toolkit'] / max(1, h2h['n']):.3f}, textacy {h2h['textacy'] / max(1, h2h['n']):.3f}")
    print(f"Direct test (is_direct, the same on gold and predictions): {counts['gold direct']} direct gold "
          f"(old rule: {counts['gold direct, old rule']}); {counts['kind-direct rows']} kind-direct rows, "
          f"{counts['kind-direct rows failing the test']} of them fail the test")
    if args.breakdown:
        print("\nDirect speech, classes of gold (G) and of kind-direct rows (P), counts only:")
        for key in sorted(k for k in counts if k.startswith(("G ", "P "))):
            print(f"  {key}: {counts[key]}")
    for line in errors[: args.errors]:
        print(line)
    if args.direct_errors:
        random.Random(args.seed).shuffle(direct_errors)
        for line in direct_errors[: args.direct_errors]:
            print(line)
    return 0


def corpus_stats(paths: list[Path]) -> int:
    """Extract quotes from every article of the CSVs; every row must point into
    its text; print counts of rows, speakers, cues and pronoun resolutions."""
    import csv
    from collections import Counter

    from toolkit.context import ArticleContext
    from toolkit.pipeline import cached_pipeline
    from toolkit.quotes import extract_quotes

    csv.field_size_limit(10**8)
    texts = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            texts += [row.get("articles") or "" for row in csv.DictReader(fh)]
    nlp = cached_pipeline()
    rows = []
    started = time.perf_counter()
    for i, doc in enumerate(nlp.pipe(texts, batch_size=16)):
        ctx = ArticleContext(article_id=str(i))
        for r in extract_quotes(doc, ctx, mentions_for(doc, ctx)):
            assert r["text"] == doc.text[r["start"]:r["end"]]
            rows.append(r)
    direct = [r for r in rows if r["direct"]]
    pronouns = [r for r in rows if (r["speaker_surface"] or "").lower() in ("he", "she")]
    print(f"{len(texts)} articles, {time.perf_counter() - started:.0f}s: {len(rows)} rows, {len(direct)} direct "
          f"({sum(r['speaker'] is not None for r in direct)} with a speaker), {len(rows) - len(direct)} reported; "
          f"{sum(r['speaker_actor_id'] is not None for r in rows)} with an actor id; "
          f"he/she sources {len(pronouns)}, resolved {sum(r['speaker'] is not None for r in pronouns)}")
    print("cues:", Counter(r["cue"] for r in rows).most_common(12))
    return 0


def pronoun_sample(path: Path, *, n_articles: int, n_rows: int, seed: int) -> int:
    """Print random he/she-sourced rows, each after the 450 characters before
    its pronoun, for judging the resolution by hand (see docs/results/quotes.md)."""
    import csv

    from toolkit.context import ArticleContext
    from toolkit.pipeline import cached_pipeline
    from toolkit.quotes import extract_attributions

    csv.field_size_limit(10**8)
    with open(path, encoding="utf-8") as fh:
        texts = [row.get("articles") or "" for row in csv.DictReader(fh)]
    rng = random.Random(seed)
    picked = rng.sample(range(len(texts)), min(n_articles, len(texts)))
    nlp = cached_pipeline()
    items = []
    for i, doc in zip(picked, nlp.pipe([texts[i] for i in picked], batch_size=8)):
        ctx = ArticleContext(article_id=str(i))
        for r in extract_attributions(doc, ctx, mentions_for(doc, ctx)):
            if (r["speaker_surface"] or "").lower() in ("he", "she") and r["source_start"] is not None:
                items.append((i, doc.text, r))
    rng.shuffle(items)
    for k, (i, text, r) in enumerate(items[:n_rows], 1):
        at = r["source_start"]
        context = text[max(0, at - 450):at].replace("\n", " / ")
        print(f"{k:>2} article {i} -> {r['speaker']!r}\n   ...{context} [[{text[at:at + 40]}]]")
    return 0


def _direct_errors(name: str, text: str, gold, preds: list[Prediction]) -> list[str]:
    def show(spans):
        return text[spans[0][0]:spans[0][1]] if spans else None

    def ctx(spans):
        a, b = spans[0][0], spans[-1][1]
        return f"{text[max(0, a - 70):a]!r} [[{text[a:b][:90]!r}]] {text[b:b + 50]!r}"

    out = []
    for content, source in gold:
        hits = [p for p in preds if overlap(content, p.content)]
        if not hits:
            out.append(f"- MISSED {name}: gold source {show(source)!r} | {ctx(content)}")
        elif source and not any(overlap(source, p.source) for p in hits):
            out.append(f"- SOURCE {name}: gold {show(source)!r} got {[show(p.source) for p in hits]!r} | {ctx(content)}")
    for p in preds:
        if not any(overlap(c, p.content) for c, _s in gold):
            out.append(f"- SPURIOUS {name}: source {show(p.source)!r} | {ctx(p.content)}")
    return out


_PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "who", "which", "that"}


def _source_form(doc, spans: Spans) -> str:
    """The form of a source span, for :func:`_breakdown`: pronoun / name /
    nominal (by the root of the tokens it covers)."""
    span = doc.char_span(spans[0][0], spans[-1][1], alignment_mode="expand")
    if span is None or not len(span):
        return "unknown"
    if span.text.lower() in _PRONOUNS:
        return "pronoun"
    return "name" if span.root.pos_ == "PROPN" else "nominal"


def _breakdown(counts, doc, gold, preds: list[Prediction], rows: list[Prediction]) -> None:
    """Add the classes of direct-speech errors of one text to ``counts``;
    ``rows`` are all the toolkit's rows, to tell what a missed gold quote was
    found as (a row of another kind, with the gold source or not)."""
    text = doc.text
    for content, source in gold:
        hits = [p for p in preds if overlap(content, p.content)]
        if not source:
            counts["G no gold Source" + (" (found)" if hits else " (missed)")] += 1
        elif not hits:
            others = [p for p in rows if overlap(content, p.content)]
            if not others:
                counts["G missed, no row"] += 1
            else:
                kind = "/".join(sorted({str(p.kind) for p in others}))
                right = any(overlap(source, p.source) for p in others)
                counts[f"G missed, found as {kind} row{' with the gold source' if right else ''}"] += 1
        elif any(overlap(source, p.source) for p in hits):
            counts["G right"] += 1
        elif not any(p.source for p in hits):
            counts[f"G found, no source; gold {_source_form(doc, source)}"] += 1
        else:
            form = _source_form(doc, source)
            got = next(p.source for p in hits if p.source)
            same_text = text[got[0][0]:got[0][1]].lower() == text[source[0][0]:source[0][1]].lower()
            sent = doc.char_span(content[0][0], content[0][1], alignment_mode="expand")
            near = sent is not None and sent.sent.start_char <= source[0][0] < sent.sent.end_char
            counts[f"G another source; gold {form}{', same words elsewhere' if same_text else ''}"
                   f"{'' if near else ', gold source outside the sentence'}"] += 1
    for p in preds:
        hits = [(c, s) for c, s in gold if overlap(c, p.content)]
        if not hits:
            counts["P spurious"] += 1
        elif not any(s for _c, s in hits):
            counts["P on gold without a Source"] += 1
        elif any(overlap(s, p.source) for _c, s in hits):
            counts["P right"] += 1
        elif not p.source:
            counts["P no source"] += 1
        else:
            counts["P another source"] += 1


def _speaker_errors(name: str, text: str, gold, preds: list[Prediction]) -> list[str]:
    out = []
    for content, source in gold:
        best = max(preds, key=lambda p: overlap(content, p.content), default=None)
        if not source or best is None or not overlap(content, best.content) or overlap(source, best.source):
            continue
        got = text[best.source[0][0]:best.source[0][1]] if best.source else None
        out.append(f"- {name}: gold {text[source[0][0]:source[0][1]]!r} got {got!r} | {text[content[0][0]:content[0][1]][:70]!r}")
    return out


if __name__ == "__main__":
    raise SystemExit(main())
