"""Evaluate the claims extractor on GVA shooting reports (article-level counts).

Data: ``../shared/eval/gva/`` (husinthewei/CIS530P): ``X_<split>.json`` =
``[{text, publish_date}]``, ``y_<split>.json`` = ``[{n_killed, n_injured, ...}]``
aligned by position; labels describe the article's main shooting.

Rule for the main incident (ours): the article's figure for a category is the
first ``incident`` claim of that category in reading order (news puts the
main incident in the lead), among claims with modality ``reported`` (a
threat, "threatened to shoot a driver", harmed nobody) whose cue is not a
stabbing (GVA is the Gun Violence Archive); ``casualties`` claims (killed and injured
together) never count for either; a ranged/vague/hedged figure counts as its
low bound (its high bound for "up to"). No claim -> 0. In an article that
reports a death, a single person "shot" or "with a gunshot wound" with no
injury word (cues ``WEAK_INJURY_CUES``) is not counted as injured (the dead
victim was shot too; GVA counts him once), unless the text says it is
another person ("One man was killed and another wounded", "another person
was also shot"). Victims coordinated with the
first claim in its sentence add up ("A man and a teenage girl were wounded"
= 2). The article's main incident is its first counted claim (of either
category); the other category's first claim is another incident's, and counts
0, when both claims have a place (the place key the toolkit's events cluster
by, ``toolkit.claims.analysis.place_of``) and the places differ, unless it is
in the main claim's sentence or the next (the lede names the city, the next
sentence the street): in a round-up the lede's killing in one neighbourhood is
not the injured of a shooting in another (issue #12 item 9).

Baseline, measured the same way: a plain regular expression, first match of
``<number word or digits> (up to two words) killed|dead|died`` for killed and
``... injured|wounded|hurt`` for injured; no match -> 0.

Usage::

    .venv/bin/python evaluation/eval_claims_gva.py [--data ../shared/eval/gva] [--split val|train|both]
        [--offset K] [--limit N] [--errors 20] [--error-class spurious] [--parsed-cache build/gva_parsed]
        [--predictions build/gva_val.jsonl]

``--offset K --limit N`` scores articles K .. K+N-1 of the split (so a rule can
be tuned on one train slice and measured on another). ``--parsed-cache DIR``
keeps the parsed articles as spaCy DocBins there (keyed by split, slice and
model), so a re-run after an extractor change does not parse again.

Prints exact-match accuracy of n_killed, n_injured and both, for ours and the
baseline, and the error breakdown of ours.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.claims import extract_claims  # noqa: E402
from toolkit.claims.analysis import place_of  # noqa: E402
from toolkit.claims.numbers import UNIT_WORDS, parse_number  # noqa: E402
from toolkit.context import ArticleContext  # noqa: E402
from evaluation.common import add_data_args, eval_root, scored, smoke_limit  # noqa: E402

DEFAULT_DATA = eval_root() / "gva"
_NUM = r"(\d+|" + "|".join(UNIT_WORDS) + r")"
BASELINE = {
    "killed": re.compile(_NUM + r"\s+(?:\w+\s+){0,2}(?:killed|dead|died)\b", re.IGNORECASE),
    "injured": re.compile(_NUM + r"\s+(?:\w+\s+){0,2}(?:injured|wounded|hurt)\b", re.IGNORECASE),
}
IMPLICIT_WORDS = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:man|woman|person|boy|girl|teen|teenager|child|victim)\b"
                            r"|\bwas (?:shot|killed|wounded|injured)\b|\bdied\b", re.IGNORECASE)


def load_split(data: Path, split: str) -> list[tuple[dict, dict]]:
    X = json.loads((data / f"X_{split}.json").read_text())
    y = json.loads((data / f"y_{split}.json").read_text())
    return list(zip(X, y))


def point_value(claim: dict) -> float:
    low, high = claim.get("value_low"), claim.get("value_high")
    return float(low if low is not None else high)


#: cues that say a person was shot or wounded without saying they survived: in an
#: article that reports a death, such a single person is (usually) the dead victim
WEAK_INJURY_CUES = frozenset({"shoot", "wound", "suffer", "sustain", "shooting"})


#: cues of harm without a gun (GVA counts gun victims only)
NOT_GUN_CUES = frozenset({"stab", "stabbing"})


#: the words between two coordinated victims: "A man and a teenage girl were wounded"
COORDINATION = re.compile(r"\s*(?:,\s*)?(?:and|,)\s*")


def article_counts(claims: list[dict], text: str | None = None) -> dict[str, int]:
    """The main-incident rule (module doc). With the article's ``text``, the
    first claim is added to the claims of the same category coordinated with
    it ("A man and a teenage girl were wounded" = 2 injured)."""
    out = {"killed": 0, "injured": 0}
    # a threat or a plan ("threatened to shoot a driver") happened to nobody
    claims = [c for c in claims if c.get("modality", "reported") == "reported"]
    # GVA is the Gun Violence Archive: a victim of a stabbing or a beating is no gun victim
    claims = [c for c in claims if c.get("cue") not in NOT_GUN_CUES]
    anyone_killed = any(c["category"] == "killed" for c in claims)
    firsts = {}
    for category in out:
        # "X was shot" (an injury only because nothing in that clause says he
        # died) is no injury in an article that reports a death
        firsts[category] = next((c for c in claims if c["category"] == category and c["scope"] == "incident"
                                 and not (category == "injured" and anyone_killed and c.get("cue") in WEAK_INJURY_CUES
                                          and point_value(c) == 1 and not _another(c, text))), None)
    found = [c for c in firsts.values() if c is not None]
    main = min(found, key=lambda c: c["start"]) if found else None
    for category, first in firsts.items():
        if first is not None and first is not main and other_incident(first, main):
            continue
        if first is not None:
            out[category] = int(point_value(first))
            if text is not None:
                out[category] += _coordinated(first, claims, text)
    return out


#: the fate words of a gapped "and another wounded" (the claim's surface ends with one)
ANOTHER_FATES = frozenset({"hurt", "injured", "wounded", "hospitalized", "hospitalised"})


#: "another person was also shot": "also" says a victim besides the one told before
ALSO_AFTER = re.compile(r"\s+(?:was|were|is|has been|had been)\s+also\b", re.IGNORECASE)


def _another(claim: dict, text: str | None) -> bool:
    """"One man was killed and another wounded", "Deputies say another person
    was also shot": the claim says it is not the dead person (not "another
    man was shot", who may be the one who died)."""
    words = claim["surface"].lower().split()
    if len(words) < 2 or words[0] != "another":
        return False
    return words[-1] in ANOTHER_FATES or (text is not None and ALSO_AFTER.match(text, claim["end"]) is not None)


def other_incident(claim: dict, main: dict) -> bool:
    """Whether ``claim`` is told of another incident than the article's
    ``main`` claim: both are placed (the toolkit's event place,
    :func:`toolkit.claims.analysis.place_of`), the places differ, and the
    claim is neither in the main claim's sentence nor in the next (a lede's
    city and the next sentence's street are one incident)."""
    place, main_place = place_of(claim.get("event")), place_of(main.get("event"))
    if not place or not main_place or place.lower() == main_place.lower():
        return False
    return abs(claim["sent_id"] - main["sent_id"]) > 1


def _coordinated(first: dict, claims: list[dict], text: str) -> int:
    """The values of the claims coordinated with ``first`` (see article_counts)."""
    total, prev = 0, first
    for c in claims:
        if c["start"] <= prev["start"] or c.get("mentions", 1) == 0:
            continue
        if c["category"] != first["category"] or c["sent_id"] != first["sent_id"] or \
                not COORDINATION.fullmatch(text[prev["end"]:c["start"]]):
            break
        total += int(point_value(c))
        prev = c
    return total


def baseline_counts(text: str) -> dict[str, int]:
    out = {}
    for category, pattern in BASELINE.items():
        m = pattern.search(text)
        out[category] = int(parse_number(m.group(1)) or 0) if m else 0
    return out


def classify_error(category: str, gold: int, predicted: int, claims: list[dict], text: str) -> str:
    """Why ours got an article wrong (a coarse, automatic breakdown)."""
    values = [int(point_value(c)) for c in claims if c["category"] == category]
    if predicted == 0 and gold > 0:
        if gold == 1 and IMPLICIT_WORDS.search(text):
            return "missed: implicit singular"
        return "missed: figure not read as a claim"
    if gold == 0 and predicted > 0:
        return "spurious: other incident / not a shooting victim"
    first = next((c for c in claims if c["category"] == category and c["scope"] == "incident"), {})
    if first.get("qualifier") in ("vague", "range", "at_least", "more_than", "up_to", "about"):
        return "vague or hedged figure"
    if gold in values:
        return "wrong incident (right figure is another claim)"
    return "wrong figure"


def parsed_docs(texts: list[str], batch_size: int = 32, cache: Path | None = None, key: str = ""):
    """The parsed ``texts`` (via the project's pipeline); with ``cache``, read
    from / written to a DocBin named by ``key``, the model and the texts' hash."""
    import hashlib

    from spacy.tokens import DocBin
    from toolkit.pipeline import cached_pipeline, model_signature

    nlp = cached_pipeline()
    path = None
    if cache is not None:
        digest = hashlib.sha1("\x00".join(texts).encode()).hexdigest()[:12]
        path = Path(cache) / f"{key}_{model_signature(nlp)}_{digest}.spacy"
        if path.exists():
            try:
                return list(DocBin().from_disk(path).get_docs(nlp.vocab))
            except Exception:  # a broken cache is rebuilt, never trusted
                path.unlink()
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        DocBin(docs=docs, store_user_data=False).to_disk(tmp)
        tmp.replace(path)
    return docs


def evaluate(pairs: list[tuple[dict, dict]], batch_size: int = 32, show_errors: int = 0,
             cache: Path | None = None, key: str = "", offset: int = 0, error_filter: str = "") -> dict:
    texts = [x["text"] or "" for x, _ in pairs]
    predictions = []
    scores = {"ours": collections.Counter(), "baseline": collections.Counter()}
    breakdown = collections.Counter()
    shown = 0
    for i, doc in enumerate(parsed_docs(texts, batch_size, cache, key)):
        x, gold = pairs[i]
        published = _date(x.get("publish_date"))
        claims = extract_claims(doc, ArticleContext(f"gva{i}", "gva", published))
        ours, base = article_counts(claims, doc.text), baseline_counts(doc.text)
        predictions.append({"article": offset + i, "gold_killed": gold["n_killed"], "gold_injured": gold["n_injured"],
                            "killed": ours["killed"], "injured": ours["injured"]})
        for name, pred in (("ours", ours), ("baseline", base)):
            k = pred["killed"] == gold["n_killed"]
            j = pred["injured"] == gold["n_injured"]
            scores[name].update({"killed": k, "injured": j, "both": k and j, "n": 1})
        for category, key in (("killed", "n_killed"), ("injured", "n_injured")):
            if ours[category] != gold[key]:
                reason = classify_error(category, gold[key], ours[category], claims, doc.text)
                breakdown[f"{category}: {reason}"] += 1
                if shown < show_errors and error_filter in f"{category}: {reason}":
                    shown += 1
                    print(f"--- #{offset + i} {category}: gold {gold[key]} ours {ours[category]} ({reason})")
                    print("   ", [(c['surface'], c['category'], c['value_low'], c['scope'], c.get('cue'))
                                  for c in claims][:8])
                    print("   ", doc.text[:600].replace("\n", " "))
    return {"scores": scores, "breakdown": breakdown, "predictions": predictions}


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_data_args(parser, DEFAULT_DATA, "folder with X_<split>.json / y_<split>.json", "the first 10 articles")
    parser.add_argument("--split", choices=("val", "train", "both"), default="val")
    parser.add_argument("--offset", type=int, default=0, help="skip the first K articles (default 0)")
    parser.add_argument("--limit", type=int, default=None, help="evaluate N articles only (after --offset)")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors of ours")
    parser.add_argument("--error-class", default="", help="print only errors whose class contains this text")
    parser.add_argument("--predictions", type=Path, default=None,
                        help="write ours per article (JSON lines) here, to compare two versions")
    parser.add_argument("--parsed-cache", type=Path, default=None,
                        help="folder for parsed articles (DocBin), reused by later runs")
    args = parser.parse_args(argv)
    splits = ("train", "val") if args.split == "both" else (args.split,)
    if not all((args.data / f"X_{s}.json").exists() for s in splits):
        print(f"no GVA data at {args.data}: skipped (the gold set is not part of the project)")
        return
    pairs = [p for s in splits for p in load_split(args.data, s)]
    limit = smoke_limit(args, 10, args.limit)
    pairs = pairs[args.offset:]
    if limit:
        pairs = pairs[:limit]
    key = f"{'+'.join(splits)}_{args.offset}_{len(pairs)}"
    result = evaluate(pairs, show_errors=args.errors, cache=args.parsed_cache, key=key, offset=args.offset,
                      error_filter=args.error_class)
    if args.predictions is not None:
        args.predictions.write_text("".join(json.dumps(p) + "\n" for p in result["predictions"]))
    n = result["scores"]["ours"]["n"]
    where = f" (articles {args.offset}..{args.offset + n - 1})" if args.offset or limit else ""
    print(scored(args.data, "+".join(splits) + where, n, "articles", args.smoke))
    print(f"GVA {'+'.join(splits)}: {n} articles")
    print(f"{'system':10} {'n_killed':>9} {'n_injured':>10} {'both':>7}")
    for name, s in result["scores"].items():
        print(f"{name:10} {s['killed'] / n:9.3f} {s['injured'] / n:10.3f} {s['both'] / n:7.3f}")
    print("errors of ours:")
    for reason, count in result["breakdown"].most_common():
        print(f"  {count:4d}  {reason}")


if __name__ == "__main__":
    main()
