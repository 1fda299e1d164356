"""Who speaks, on real war coverage: the quotes table against a hand-labelled gold set.

Usage (from the repository root)::

    .venv/bin/python -m evaluation.eval_quotes_war [--split tune|check|all] [--data ../shared/eval/corpora]
    .venv/bin/python -m evaluation.eval_quotes_war --split tune --errors 40     # list errors (tune only)
    .venv/bin/python -m evaluation.eval_quotes_war --smoke                      # 3 tune articles, seconds

Gold: ``evaluation/data/quotes_war_gold.jsonl`` (one record per quote, reported
clause, scare quote, title or term, with character offsets into the toolkit's
cleaned ``articles.text``) over the articles of
``evaluation/data/quotes_war_articles.jsonl`` (32 articles drawn with seed 13
from ``corpora/ru_ua_2022`` (Guardian, NYT) and ``corpora/guardian_feb2022``;
only the first ``labelled_end`` characters of an article are labelled and
scored). Rules: ``evaluation/data/quotes_war_README.md``. Each article is in
the ``tune`` split (two thirds) or the ``check`` split (one third, never read
while tuning); the script prints which split it scores.

Matching: a predicted speech row and a gold speech record match when their
character overlap covers at least half of each (greedy one-to-one, best
overlap first). Gold records marked ``uncertain`` are left out: a prediction
matching one is neither right nor wrong. Scores:

* content P/R/F1: matched pairs over predicted speech rows / certain gold speech;
* end-to-end P/R/F1: a pair counts only when the speaker is right too;
* speaker accuracy: right speakers among matched pairs;
* unresolved share per outlet: predicted speech rows whose ``speaker`` is empty,
  and those with no ``speaker_actor_id`` (share-of-voice by side cannot place
  them), next to the gold floor (gold speech records whose source is an unnamed
  description such as "a US official", which no resolver can name); and rows of
  three words or fewer ("fragments");
* negatives: gold scare quotes, titles and terms that the toolkit counts as speech.

A speaker is right when the predicted canonical ``speaker`` or the
``speaker_surface`` names the gold speaker or one of its alternatives: the same
catalogue actor, the same surname for a person's name, or the same head noun
with more than half the words shared for descriptions and organisations
("Russia's defence ministry" ~ "Russian defence ministry"; "Ukraine" is not
"Ukraine's defence ministry").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
#: ../shared/eval beside the repository (or beside a work tree's parent folder)
DEFAULT_DATA = next((p / "shared" / "eval" / "corpora" for p in (ROOT.parent, ROOT.parent.parent)
                     if (p / "shared" / "eval" / "corpora").exists()), ROOT.parent / "shared" / "eval" / "corpora")
GOLD = ROOT / "evaluation" / "data" / "quotes_war_gold.jsonl"
ARTICLES = ROOT / "evaluation" / "data" / "quotes_war_articles.jsonl"
SPEECH = {"direct", "indirect", "mixed"}
NOT_SPEECH = {"scare_quote", "title", "term"}
#: words that do not identify a speaker (determiners, honorifics, generic titles)
FILLER = {
    "the", "a", "an", "its", "his", "her", "their", "of", "mr", "mrs", "ms", "dr", "s",
    "president", "prime", "minister", "secretary", "general", "chancellor", "spokesperson",
    "spokesman", "spokeswoman", "senator", "sen", "rep", "judge", "justice", "archbishop",
    "patriarch", "and",
}


# -- loading -----------------------------------------------------------------------

def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_articles(data: Path, manifest: list[dict]):
    """The manifest's articles, loaded and cleaned by the toolkit as a user would."""
    import pandas as pd

    import toolkit
    from toolkit.corpus import Corpus

    frames, reports = [], []
    for file in sorted({m["file"] for m in manifest}):
        corpus = toolkit.load(data / file)
        frames.append(corpus.articles)
        reports.append(corpus.load_report)
    articles = pd.concat(frames, ignore_index=True)
    wanted = {m["article_id"] for m in manifest}
    articles = articles[articles["article_id"].isin(wanted)].reset_index(drop=True)
    missing = wanted - set(articles["article_id"])
    if missing:
        raise SystemExit(f"articles of the gold set not found under {data}: {sorted(missing)[:5]}")
    report = pd.concat(reports, ignore_index=True)
    report = report[report["article_id"].isin(wanted)].reset_index(drop=True)
    return Corpus(articles=articles, load_report=report)


def relocate(gold: list[dict], texts: dict[str, str]) -> list[dict]:
    """Keep gold offsets valid if cleaning changed: re-find a record's content
    in its article's text (nearest occurrence to the stored offset)."""
    out = []
    for g in gold:
        text = texts[g["article_id"]]
        if text[g["start"]:g["end"]] != g["content"]:
            hits = [m.start() for m in re.finditer(re.escape(g["content"]), text)]
            if not hits:
                print(f"warning: gold {g['id']} not found in the cleaned text; skipped", file=sys.stderr)
                continue
            start = min(hits, key=lambda h: abs(h - g["start"]))
            g = {**g, "start": start, "end": start + len(g["content"])}
        out.append(g)
    return out


# -- speaker comparison --------------------------------------------------------------

def _tokens(name: str | None) -> list[str]:
    if not name:
        return []
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['’]s\b", "", text)
    words = re.findall(r"[a-z0-9]+", text)
    return [_singular(w) for w in words if w not in FILLER]


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _stem(word: str) -> str:
    """Crude stem so that Russia ~ Russian, Ukraine ~ Ukrainian (first five letters)."""
    return word[:5]


PREPOSITIONS = {"in", "of", "to", "at", "for", "from", "inside", "with", "close", "on", "familiar"}
UNNAMED_HEADS = {
    "official", "officer", "researcher", "source", "analyst", "expert", "commander", "member",
    "people", "agency", "outlet", "paper", "critic", "resident", "wife", "wive", "family", "adviser",
    "spokesperson", "separatist", "fighter", "leader", "authority", "governor", "medium", "mp",
    "diplomat", "soldier", "commentator", "group", "government", "intelligence",
}


def _head(tokens: list[str]) -> str:
    """Head word of a description: the last word before its first preposition
    ("an adviser to Zelenskiy" -> adviser, "Russia's defence ministry" -> ministry)."""
    for i, w in enumerate(tokens):
        if w in PREPOSITIONS and i:
            return tokens[i - 1]
    return tokens[-1]


def _variants(names: list[str]) -> list[str]:
    """The names plus each conjunct of a coordinated speaker ("Ukraine and Russia")."""
    out = []
    for name in names:
        out.append(name)
        if " and " in name:
            out.extend(part.strip() for part in name.split(" and ") if part.strip())
    return out


def is_named(speaker: str | None) -> bool:
    """Does the gold speaker name someone (a person, organisation, country), as
    opposed to an unnamed description ("a US official", "Ukrainian officials")?"""
    if not speaker:
        return False
    tokens = _tokens(speaker)
    if not tokens:
        return False
    if speaker[0].islower() or re.match(r"^(A|An|Some|Two|Most|Many|Dozens|Several|Reports)\b", speaker):
        return False
    return _head(tokens) not in UNNAMED_HEADS


def same_speaker(gold: str | None, alternatives: list[str], predicted: list[str | None],
                 catalogue=None, predicted_id: str | None = None) -> bool:
    """Is any predicted name the gold speaker (or an accepted alternative)?

    Rules: the same catalogue actor; or the same words; or, for a person's
    name, the surname; or, for a description or organisation, the same head
    word with more than half the words shared, or the prediction being a shortening of
    the gold phrase with the same head ("Ukrainian fighters" for "Ukrainian
    fighters inside Azovstal"). A coordinated gold speaker ("Ukraine and
    Russia") accepts either conjunct.
    """
    golds = _variants([g for g in [gold, *alternatives] if g])
    preds = [p for p in predicted if p]
    if not golds:
        return not preds
    if catalogue is not None and predicted_id:
        for g in golds:
            actor = catalogue.lookup(g)
            if actor is not None and actor.actor_id == predicted_id:
                return True
    for g in golds:
        gt = _tokens(g)
        if not gt:
            continue
        person = bool(re.match(r"^[A-ZÀ-Ž][\w’'-]+( [A-ZÀ-Ž][\w’'.-]+)+$", g.strip()))
        for p in preds:
            pt = _tokens(p)
            if not pt:
                continue
            if gt == pt or (person and gt[-1] in pt):
                return True
            gs, ps = {_stem(w) for w in gt}, {_stem(w) for w in pt}
            head_g, head_p = _stem(_head(gt)), _stem(_head(pt))
            if head_g == head_p and (len(gs & ps) / len(gs | ps) > 0.5 or ps <= gs):
                return True
    return False


# -- matching and scoring ----------------------------------------------------------

@dataclass
class Pair:
    gold: dict
    pred: dict
    speaker_right: bool


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(golds: list[dict], preds: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one: pairs whose overlap covers >= half of each, best first."""
    cands = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            ov = overlap((g["start"], g["end"]), (p["start"], p["end"]))
            if not ov:
                continue
            score = min(ov / max(1, g["end"] - g["start"]), ov / max(1, p["end"] - p["start"]))
            if score >= 0.5:
                cands.append((score, gi, pi))
    used_g, used_p, out = set(), set(), []
    for _score, gi, pi in sorted(cands, reverse=True):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def is_speech(row: dict) -> bool:
    """A quotes-table row counted as speech (rows with a ``kind`` column say so;
    before that column existed every row was counted)."""
    kind = row.get("kind")
    if kind is None or kind is pd.NA or (isinstance(kind, float) and kind != kind):
        return True
    return kind in SPEECH


def n_words(text: str) -> int:
    return len(re.findall(r"\w+(?:[’'-]\w+)*", text))


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: list[dict], quotes, manifest: list[dict], catalogue=None) -> dict:
    """All figures for one split; ``quotes`` is the quotes table of its articles."""
    by_article = {m["article_id"]: m for m in manifest}
    rows = quotes.to_dict("records")
    preds_by = defaultdict(list)
    for r in rows:
        m = by_article.get(r["article_id"])
        if m is not None and r["start"] < m["labelled_end"]:
            preds_by[r["article_id"]].append(r)
    golds_by = defaultdict(list)
    for g in gold:
        golds_by[g["article_id"]].append(g)

    t = Counter()
    pairs: list[Pair] = []
    false_pos: list[dict] = []
    misses: list[dict] = []
    neg_as_speech: list[tuple[dict, dict]] = []
    per_outlet = defaultdict(Counter)
    by_kind = defaultdict(Counter)
    for aid, m in by_article.items():
        outlet = m["collection_label"]
        preds = [p for p in preds_by[aid] if is_speech(p)]
        speech_gold = [g for g in golds_by[aid] if g["kind"] in SPEECH]
        negatives = [g for g in golds_by[aid] if g["kind"] in NOT_SPEECH and not g["uncertain"]]
        matched = match(speech_gold, preds)
        matched_p = {pi for _gi, pi in matched}
        matched_g = {gi for gi, _pi in matched}
        # predictions on a negative (and on nothing speech-like) are false positives
        for neg in negatives:
            for pi, p in enumerate(preds):
                if pi not in matched_p and overlap((neg["start"], neg["end"]), (p["start"], p["end"])) >= 0.5 * (neg["end"] - neg["start"]):
                    neg_as_speech.append((neg, p))
                    break
        t["negatives"] += len(negatives)
        for gi, pi in matched:
            g, p = speech_gold[gi], preds[pi]
            if g["uncertain"]:
                continue
            right = same_speaker(g["speaker"], g["speaker_alternatives"],
                                 [p.get("speaker"), p.get("speaker_surface")], catalogue, p.get("speaker_actor_id"))
            pairs.append(Pair(g, p, right))
            by_kind[g["kind"]]["found"] += 1
            by_kind[g["kind"]]["right"] += right
        for gi, g in enumerate(speech_gold):
            if g["uncertain"]:
                continue
            t["gold"] += 1
            by_kind[g["kind"]]["gold"] += 1
            per_outlet[outlet]["gold"] += 1
            per_outlet[outlet]["gold_unnamed"] += not is_named(g["speaker"])
            if gi not in matched_g:
                misses.append(g)
        uncertain_p = {pi for gi, pi in matched if speech_gold[gi]["uncertain"]}
        for pi, p in enumerate(preds):
            if pi in uncertain_p:
                continue
            t["pred"] += 1
            per_outlet[outlet]["pred"] += 1
            per_outlet[outlet]["no_actor"] += not p.get("speaker_actor_id")
            per_outlet[outlet]["no_speaker"] += not p.get("speaker")
            per_outlet[outlet]["fragments"] += n_words(p["text"]) <= 3
            if pi not in matched_p:
                false_pos.append(p)
        outlet_pairs = [pr for pr in pairs if pr.gold["article_id"] == aid]
        per_outlet[outlet]["found"] += len(outlet_pairs)
        per_outlet[outlet]["right"] += sum(pr.speaker_right for pr in outlet_pairs)
    found = len(pairs)
    right = sum(p.speaker_right for p in pairs)
    return {
        "content": prf(found, t["pred"], t["gold"]),
        "e2e": prf(right, t["pred"], t["gold"]),
        "speaker_acc": right / found if found else 0.0,
        "n_gold": t["gold"], "n_pred": t["pred"], "n_found": found, "n_right": right,
        "negatives": t["negatives"], "negatives_as_speech": neg_as_speech,
        "per_outlet": per_outlet, "by_kind": by_kind,
        "pairs": pairs, "false_pos": false_pos, "misses": misses,
    }


def report(res: dict, split: str) -> str:
    lines = [f"split: {split}"]
    cp, cr, cf = res["content"]
    ep, er, ef = res["e2e"]
    lines.append(f"gold speech records (certain): {res['n_gold']}; predicted speech rows: {res['n_pred']}; matched: {res['n_found']}")
    lines.append(f"content     P {cp:.3f}  R {cr:.3f}  F1 {cf:.3f}")
    lines.append(f"end-to-end  P {ep:.3f}  R {er:.3f}  F1 {ef:.3f}")
    lines.append(f"speaker right on found speech quotes: {res['speaker_acc']:.3f} ({res['n_right']}/{res['n_found']})")
    lines.append(f"gold scare quotes/titles/terms counted as speech: {len(res['negatives_as_speech'])}/{res['negatives']}")
    lines.append("by gold kind: " + "; ".join(
        f"{k} found {c['found']}/{c['gold']} ({c['found'] / c['gold'] if c['gold'] else 0:.2f}), speaker right {c['right']}/{c['found']}"
        for k, c in sorted(res["by_kind"].items())))
    lines.append("| outlet | gold | pred | content R | speaker right | speech rows with no speaker | with no actor id | gold: unnamed source | fragments (<= 3 words) |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for outlet, c in sorted(res["per_outlet"].items()):
        pred = c["pred"] or 1
        lines.append(
            f"| {outlet} | {c['gold']} | {c['pred']} | {c['found'] / (c['gold'] or 1):.3f} | "
            f"{c['right'] / (c['found'] or 1):.3f} | {c['no_speaker'] / pred:.3f} | {c['no_actor'] / pred:.3f} | "
            f"{c['gold_unnamed'] / (c['gold'] or 1):.3f} | {c['fragments'] / pred:.3f} |")
    return "\n".join(lines)


def print_errors(res: dict, texts: dict[str, str], limit: int) -> None:
    def ctx(aid, s, e, pad=90):
        t = texts[aid]
        return t[max(0, s - pad):s].replace("\n", " ") + "[[" + t[s:e].replace("\n", " ") + "]]" + t[e:e + pad].replace("\n", " ")

    wrong = [p for p in res["pairs"] if not p.speaker_right]
    print(f"\n-- wrong speaker ({len(wrong)})")
    for p in wrong[:limit]:
        print(f"* {p.gold['id']} gold={p.gold['speaker']!r} pred={p.pred.get('speaker')!r} surface={p.pred.get('speaker_surface')!r} cue={p.pred.get('cue')!r}\n    {ctx(p.gold['article_id'], p.gold['start'], p.gold['end'])[:400]}")
    print(f"\n-- missed gold ({len(res['misses'])})")
    for g in res["misses"][:limit]:
        print(f"* {g['id']} {g['kind']} speaker={g['speaker']!r}: {g['content'][:120]!r}")
    print(f"\n-- false positives ({len(res['false_pos'])})")
    for p in res["false_pos"][:limit]:
        print(f"* {p['article_id']} {p.get('kind')} speaker={p.get('speaker')!r} surface={p.get('speaker_surface')!r}: {ctx(p['article_id'], p['start'], p['end'], 40)[:300]}")
    print(f"\n-- negatives counted as speech ({len(res['negatives_as_speech'])})")
    for g, p in res["negatives_as_speech"][:limit]:
        print(f"* {g['id']} {g['kind']} {g['content']!r} -> speaker={p.get('speaker')!r}")


COLLECTION_LABELS = {
    "Guardians_Russia_Ukraine": "The Guardian (ru_ua_2022)",
    "NYT_Russia_Ukraine": "The New York Times (ru_ua_2022)",
    "guard-articles-nato": "The Guardian (guardian_feb2022)",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="root of the corpora (default: %(default)s)")
    parser.add_argument("--gold", default=str(GOLD))
    parser.add_argument("--articles", default=str(ARTICLES))
    parser.add_argument("--split", choices=["tune", "check", "all"], default="tune")
    parser.add_argument("--errors", type=int, default=0, help="list up to N errors of each class (refused on the check split)")
    parser.add_argument("--smoke", action="store_true", help="three tune articles: does the script run")
    parser.add_argument("--cache-dir", default=None, help="annotation cache (default: none)")
    args = parser.parse_args(argv)

    data = Path(args.data)
    if not data.exists():
        print(f"no corpora at {data}: nothing to evaluate (they are not part of the project)")
        return 0
    manifest = read_jsonl(Path(args.articles))
    if args.smoke:
        args.split = "tune"
        manifest = [m for m in manifest if m["split"] == "tune"][:3]
    elif args.split != "all":
        manifest = [m for m in manifest if m["split"] == args.split]
    if args.errors and args.split != "tune":
        raise SystemExit("--errors lists errors on the tune split only: the check split is not read while tuning")
    for m in manifest:
        m["collection_label"] = COLLECTION_LABELS.get(m["collection"], m["collection"])
    wanted = {m["article_id"] for m in manifest}
    gold = [g for g in read_jsonl(Path(args.gold)) if g["article_id"] in wanted]
    print(f"scoring split {args.split!r}{' (smoke)' if args.smoke else ''}: {len(manifest)} articles, {len(gold)} gold records", flush=True)

    import toolkit
    from toolkit.actors.catalogue import load_catalogue

    started = time.perf_counter()
    corpus = load_articles(data, manifest)
    annotated = toolkit.annotate(corpus, cache_dir=args.cache_dir, progress=False)
    texts = dict(zip(annotated.articles["article_id"], annotated.articles["text"]))
    gold = relocate(gold, texts)
    res = score(gold, annotated.quotes, manifest, load_catalogue())
    print(report(res, args.split + (" (smoke)" if args.smoke else "")))
    print(f"({time.perf_counter() - started:.0f} s)")
    if args.errors:
        print_errors(res, texts, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
