"""Train the speaker ranker of direct quotes on PolNeAR train (issue 13, lane 13r).

Usage (from the repository root)::

    .venv/bin/python evaluation/train_quotes_speaker.py [--data ../shared/eval/polnear/train]
        [--oracle N] [--out toolkit/quotes/data/speaker_ranker.json]
        [--which ranker|unsourced] [--context] [--dump FILE | --items FILE]

Training texts: every PolNeAR train text except

* the held-out slice ``--not-in 80:13 --limit 80 --seed 2027`` of
  ``evaluation/eval_quotes_polnear.py`` (scored once at the end, never read);
* the check sample ``--not-in 80:13 80:2027 --limit 80 --seed 9393``
  (scored as aggregates only, at the start and at the end of lane 13r).

Both are drawn exactly as the eval script draws them (its ``leave_out`` and
``random.Random(seed).sample`` over the sorted text names); the names used
for training are written beside the weights (``speaker_ranker_texts.txt``).
The parses are cached as a DocBin under ``build/quotes_rank/`` (keyed by the
model and the texts' hash), so retraining does not parse again.

Labels: for every direct quote the toolkit finds (``direct=True``, not a
continuation of an earlier quote) that overlaps a direct gold content with a
Source, each candidate of :func:`toolkit.quotes.rank.candidates` is right
when its span (``noun_phrase`` of its head) overlaps the gold Source (the
scorer's rule). Pairs (the rule's candidate, another one) are positive when
the other is right and the rule's is not.

Model: scikit-learn's ``LogisticRegression`` (C=0.3) on
:func:`toolkit.quotes.rank.pair_features`, used here only; the toolkit scores
the exported weights in plain Python (:mod:`toolkit.quotes.rank`). The
threshold is chosen by 5-fold cross-validation grouped by text (the file's
``training.cv_by_threshold``); weights under 0.001 are dropped.

``--oracle N``: instead of training, count on N random training texts the
direct quotes found with a wrong or missing source, and whether the gold
Source is among the candidates.

Session 7, lane 13s (``docs/results/quotes.md``, "Session 7, lane 13s"):
``--which unsourced`` trains the model that gives a speaker to a direct
quote the rules leave without one (``toolkit.quotes.rank.assign``; weights
``data/speaker_unsourced.json``): a logistic regression over the candidates
with the ranker's features and the discourse features of
``toolkit.quotes.rank.Discourse`` (the previous and next quote's source,
the paragraph's people, mention counts, the relation to the cue), on the
quotes that are speech without a source plus, with their rule features
removed, those with one; its threshold by grouped 5-fold cross-validation
(the ranker's folds), the lowest at which the assigned speakers are right at
least 90 % of the time; only `he`/`she` as a Sayer may be given. ``--context``
adds the same features to the ranker (measured: no gain, not shipped).
``--dump`` / ``--items`` keep and reread the collected quotes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# the rules' choices are recorded, the shipped weights never used: a broken
# weights file must not stop its own retraining (toolkit.quotes.rank.TRAINING_ENV)
os.environ["NEWSFRAME_TRAINING_SPEAKER_RANKER"] = "1"
from evaluation.common import eval_root  # noqa: E402
from evaluation.eval_quotes_polnear import is_direct, leave_out, mentions_for, overlap, parse_ann, pick_annotations  # noqa: E402

DEFAULT_DATA = eval_root() / "polnear" / "train"
CACHE = ROOT / "build" / "quotes_rank"
#: the slices never trained on, as (``--not-in`` slices, ``--limit``, ``--seed``) of the eval script
EXCLUDED = ((("80:13",), 80, 2027), (("80:13", "80:2027"), 80, 9393))


def excluded_names(names: list[str]) -> set[str]:
    """The held-out slice and the 9393 check sample, drawn as the eval script draws them."""
    out: set[str] = set()
    for slices, limit, seed in EXCLUDED:
        pool = leave_out(list(names), slices)
        out |= set(random.Random(seed).sample(pool, min(limit, len(pool))))
    return out


def training_names(data: Path) -> list[str]:
    names = sorted(pick_annotations(data))
    left = excluded_names(names)
    return [n for n in names if n not in left]


def parsed(texts: list[str], key: str):
    """The parses of ``texts``, cached as a DocBin (a broken cache is rebuilt)."""
    from spacy.tokens import DocBin

    from toolkit.pipeline import cached_pipeline, model_signature

    nlp = cached_pipeline()
    digest = hashlib.sha1("\x00".join(texts).encode()).hexdigest()[:12]
    path = CACHE / f"{key}_{model_signature(nlp)}_{digest}.spacy"
    if path.exists():
        try:
            return list(DocBin().from_disk(path).get_docs(nlp.vocab))
        except Exception:  # noqa: BLE001 - a broken cache is rebuilt, never trusted
            path.unlink()
    docs = list(nlp.pipe(texts, batch_size=8))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    DocBin(docs=docs, store_user_data=False).to_disk(tmp)
    tmp.replace(path)
    return docs


class Recorder:
    """Stands in for :func:`toolkit.quotes.rank.choose` while the toolkit runs
    on a training text: keeps every direct quote's candidates and features and
    returns the rules' source unchanged (the features are those of the
    pipeline as it runs, before any ranking). With ``context`` each
    candidate also gets the discourse features of ``toolkit.quotes.rank.Discourse``
    (:func:`collect` sets ``discourse`` for each text)."""

    def __init__(self, context: bool = False):
        self.items: list[dict] = []
        self.context = context
        self.discourse = None  # a toolkit.quotes.rank.Discourse

    def __call__(self, doc, a, rule_source, inside, clauses=(), ranker=None):
        from toolkit.quotes.rank import candidates, context_features, features, unsourced_eligible
        from toolkit.quotes.speakers import noun_phrase

        if not a.direct:
            return rule_source
        cands = candidates(doc, a, rule_source, inside)
        feats = features(doc, a, rule_source, cands, inside, clauses)
        if self.context and self.discourse is not None:
            context_features(self.discourse, doc, a, cands, feats)
        spans = [noun_phrase(t) for t in cands]
        self.items.append({"content": (a.start, a.end), "rule_source": (rule_source.start_char, rule_source.end_char) if rule_source is not None else None,
                           "rule": a.rule, "feats": feats, "spans": [(s.start_char, s.end_char) for s in spans],
                           "heads": [t.text for t in cands],
                           "eligible": rule_source is None and unsourced_eligible(doc, a)})
        return rule_source


def record(doc, name: str, context: bool = False) -> list[dict]:
    """Run the toolkit's quotes on one parsed text with a :class:`Recorder` in
    place of the ranker; the recorded direct quotes (unlabelled)."""
    from toolkit import quotes as quotes_pkg
    from toolkit.context import ArticleContext
    from toolkit.quotes import resolve
    from toolkit.quotes.rank import Discourse

    recorder = Recorder(context)
    original, original_records = resolve.choose_source, quotes_pkg.to_records

    def to_records(doc, ctx, attributions, mentions, qmap):
        if context:
            recorder.discourse = Discourse(doc, attributions, qmap.inside)
        return original_records(doc, ctx, attributions, mentions, qmap)

    resolve.choose_source, quotes_pkg.to_records = recorder, to_records
    try:
        ctx = ArticleContext(article_id=name)
        quotes_pkg.extract_attributions(doc, ctx, mentions_for(doc, ctx))
    finally:
        resolve.choose_source, quotes_pkg.to_records = original, original_records
    return recorder.items


def collect(data: Path, names: list[str], docs, context: bool = False) -> list[dict]:
    """Quotes of the training texts with candidates, features and labels
    (``context``: with the discourse features of ``toolkit.quotes.rank.Discourse``)."""
    out = []
    anns = pick_annotations(data)
    for name, doc in zip(names, docs):
        text = doc.text
        try:
            gold = [(c, s) for c, s in parse_ann(anns[name]) if is_direct(text, c)]
        except ValueError:
            print(f"{name}: malformed .ann, skipped")
            continue
        for item in record(doc, name, context):
            content = [item["content"]]
            sources = [s for c, s in gold if overlap(c, content)]
            item["text"] = name
            item["matched"] = bool(sources)
            item["sources"] = [s for s in sources if s]
            item["labels"] = [any(overlap([sp], s) for s in item["sources"]) for sp in item["spans"]]
            rs = item["rule_source"]
            item["rule_right"] = rs is not None and any(overlap([rs], s) for s in item["sources"])
            item["quote"] = text[item["content"][0]:item["content"][1]][:80]
            item["gold_source"] = [text[s[0][0]:s[0][1]] for s in item["sources"]]
            item["rule_text"] = text[rs[0]:rs[1]] if rs else None
            out.append(item)
    return out


def oracle(items: list[dict], n_texts: int) -> dict:
    """Direct quotes matching a direct gold quote with a Source: rule right, or
    wrong/missing with the gold Source among the candidates or not."""
    scored = [it for it in items if it["sources"]]
    wrong = [it for it in scored if not it["rule_right"] and it["rule_source"] is not None]
    missing = [it for it in scored if it["rule_source"] is None]
    return {"texts": n_texts, "quotes_with_gold_source": len(scored),
            "rule_right": sum(it["rule_right"] for it in scored),
            "wrong_source": len(wrong), "wrong_gold_among_candidates": sum(any(it["labels"]) for it in wrong),
            "missing_source": len(missing), "missing_gold_among_candidates": sum(any(it["labels"]) for it in missing)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PolNeAR train folder (default: %(default)s)")
    parser.add_argument("--parse-only", action="store_true", help="parse and cache the training texts, then stop")
    parser.add_argument("--oracle", type=int, default=0, metavar="N",
                        help="instead of training: the oracle counts on a random N of the training texts (seed 13r=1313), and their wrong-source cases")
    parser.add_argument("--C", type=float, default=0.3, help="inverse regularisation of the logistic regression")
    parser.add_argument("--C-unsourced", type=float, default=1.0, help="the same for the model of quotes without a rule source")
    parser.add_argument("--out", type=Path, default=ROOT / "toolkit" / "quotes" / "data" / "speaker_ranker.json",
                        help="the weights file (default: %(default)s)")
    parser.add_argument("--dump", type=Path, default=None, help="write the collected quotes (JSON lines) here")
    parser.add_argument("--items", type=Path, default=None, help="read the collected quotes from a --dump file instead of collecting")
    parser.add_argument("--which", choices=("ranker", "unsourced"), default="ranker",
                        help="train the ranker of rule sources, or the model for quotes without one "
                             "(always with --context; written to --unsourced-out)")
    parser.add_argument("--context", action="store_true",
                        help="add the discourse features (toolkit.quotes.rank.Discourse: the other quotes' sources, "
                             "the paragraph's people) to the ranker's (measured in session 7, not shipped)")
    parser.add_argument("--unsourced-out", type=Path, default=ROOT / "toolkit" / "quotes" / "data" / "speaker_unsourced.json")
    args = parser.parse_args(argv)
    if not (args.data / "text").is_dir():
        print(f"no PolNeAR split at {args.data}: skipped (the gold set is not part of the project)")
        return 0
    names = training_names(args.data)
    texts = [(args.data / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    docs = parsed(texts, "train")
    print(f"{len(names)} training texts parsed")
    if args.parse_only:
        return 0
    if args.oracle:
        keep = set(random.Random(1313).sample(range(len(names)), min(args.oracle, len(names))))
        names = [n for i, n in enumerate(names) if i in keep]
        docs = [d for i, d in enumerate(docs) if i in keep]
    if args.items:
        with open(args.items, encoding="utf-8") as fh:
            items = [json.loads(line) for line in fh]
    else:
        items = collect(args.data, names, docs, context=args.context or args.which == "unsourced")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for it in items:
                fh.write(json.dumps(it) + "\n")
    print(json.dumps(oracle(items, len(names))))
    if args.oracle:
        return 0
    if args.which == "ranker":
        result = train(items, names, C=args.C)
        write_weights(args.out, result, names)
        print(json.dumps(result["training"], indent=1))
    else:
        result = train_unsourced(items, names, C=args.C_unsourced)
        write_unsourced(args.unsourced_out, result)
        print(json.dumps(result["training"], indent=1))
    return 0


# -- the model for direct quotes the rules leave without a source (lane 13s) ------------

#: the assigned speakers must be right this often, cross-validated
UNSOURCED_PRECISION = 0.90
UNSOURCED_THRESHOLDS = (0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)


def _unsourced_items(items: list[dict]) -> list[dict]:
    """Direct quotes with no rule source that are speech without one
    (:func:`unsourced_eligible`) and match a direct gold quote with a Source."""
    return [it for it in items if it["rule_source"] is None and it.get("eligible") and it["sources"]]


#: the quotes with a rule source join the training of the unsourced model with
#: their rule features removed (147 unsourced quotes alone are too few); the
#: unsourced ones weigh this much more
UNSOURCED_WEIGHT = 10.0


def _no_rule(f: dict) -> dict:
    return {k: v for k, v in f.items() if k != "rule" and not k.startswith("rule:")}


def _fit_unsourced(unsourced: list[dict], sourced: list[dict], C: float):
    """Logistic regression over candidates: positive when the candidate overlaps the gold Source."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from toolkit.quotes.rank import may_replace

    X, y, w = [], [], []
    for group, weight in ((unsourced, UNSOURCED_WEIGHT), (sourced, 1.0)):
        for it in group:
            for f, label in zip(it["feats"], it["labels"]):
                if may_replace(f):
                    X.append(_no_rule(f))
                    y.append(int(label))
                    w.append(weight)
    vec = DictVectorizer()
    model = LogisticRegression(C=C, max_iter=3000)
    model.fit(vec.fit_transform(X), y, sample_weight=w)
    return vec, model


def _best_unsourced(it: dict, vec, model) -> tuple[float, bool]:
    """The best candidate's probability and whether it is right; 0 when the
    best may not be given (``toolkit.quotes.rank.pickable``: `he`/`she` as a Sayer)."""
    from toolkit.quotes.rank import may_replace, pickable_features

    ks = [k for k, f in enumerate(it["feats"]) if may_replace(f)]
    if not ks:
        return 0.0, False
    p = model.predict_proba(vec.transform([_no_rule(it["feats"][k]) for k in ks]))[:, 1]
    j = max(range(len(ks)), key=lambda j: p[j])
    if not pickable_features(it["feats"][ks[j]]):
        return 0.0, False
    return float(p[j]), bool(it["labels"][ks[j]])


#: a threshold's cross-validated precision counts only with at least this many assignments
UNSOURCED_MIN_ASSIGNED = 5


def train_unsourced(items: list[dict], names: list[str], C: float = 1.0, folds: int = 5) -> dict:
    """Grouped 5-fold cross-validation over texts (the folds of :func:`train`)
    gives the precision/coverage curve on the unsourced quotes; the threshold
    is the lowest whose cross-validated precision, and that of every threshold
    above it with at least :data:`UNSOURCED_MIN_ASSIGNED` assignments, is at
    least :data:`UNSOURCED_PRECISION`; then a fit on all of them."""
    unsourced = _unsourced_items(items)
    sourced = [it for it in items if it["rule_source"] is not None and it["sources"]]
    order = sorted(set(it["text"] for it in items if it["rule_source"] is not None))
    random.Random(1313).shuffle(order)
    fold_of = {n: k % folds for k, n in enumerate(order)}
    scored = []
    for k in range(folds):
        vec, model = _fit_unsourced([it for it in unsourced if fold_of.get(it["text"], -1) != k],
                                    [it for it in sourced if fold_of.get(it["text"], -1) != k], C)
        scored += [_best_unsourced(it, vec, model) for it in unsourced if fold_of.get(it["text"], -1) == k]
    oracle = sum(any(it["labels"]) for it in unsourced)
    curve = {}
    for th in UNSOURCED_THRESHOLDS:
        assigned = [ok for p, ok in scored if p > th]
        curve[str(th)] = {"assigned": len(assigned), "right": sum(assigned),
                          "precision": round(sum(assigned) / len(assigned), 3) if assigned else None,
                          "coverage": round(len(assigned) / max(1, len(unsourced)), 3)}

    def meets(th) -> bool:
        c = curve[str(th)]
        return c["assigned"] < UNSOURCED_MIN_ASSIGNED or c["precision"] >= UNSOURCED_PRECISION

    good = [th for th in UNSOURCED_THRESHOLDS if curve[str(th)]["assigned"] >= UNSOURCED_MIN_ASSIGNED
            and all(meets(u) for u in UNSOURCED_THRESHOLDS if u >= th)]
    threshold = min(good) if good else 0.99
    vec, model = _fit_unsourced(unsourced, sourced, C)
    kept = [(n, round(float(w), 5)) for n, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) >= PRUNE]
    return {"features": [n for n, _w in kept], "weights": [w for _n, w in kept],
            "bias": round(float(model.intercept_[0]), 5), "threshold": threshold,
            "training": {"texts": len(names), "quotes": len(unsourced), "gold_among_candidates": oracle,
                         "sourced_quotes_added": len(sourced), "unsourced_weight": UNSOURCED_WEIGHT, "C": C,
                         "folds": folds, "min_precision": UNSOURCED_PRECISION, "min_assigned": UNSOURCED_MIN_ASSIGNED,
                         "cv_by_threshold": curve, "threshold_chosen": threshold,
                         "features_fitted": len(vec.get_feature_names_out()), "pruned_below": PRUNE}}


def write_unsourced(path: Path, result: dict) -> None:
    data = {"format": 1, **result}
    data["training"]["command"] = "python evaluation/train_quotes_speaker.py --which unsourced"
    data["training"]["sklearn"] = __import__("sklearn").__version__
    data["training"]["excluded"] = ("PolNeAR train minus the held-out slice --not-in 80:13 --limit 80 --seed 2027 "
                                    "and the check sample --not-in 80:13 80:2027 --limit 80 --seed 9393")
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")
    tmp.replace(path)


#: cross-validated counts this close to the best are a tie (0.1 % of the quotes)
CV_TIE = 5
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7)


def _pairs(item: dict) -> list[tuple[int, dict]]:
    """(candidate index, pair features) of every candidate other than the rule's."""
    from toolkit.quotes.rank import may_replace, pair_features

    rule = next((f for f in item["feats"] if "rule" in f), None)
    if rule is None:
        return []
    return [(k, pair_features(rule, f)) for k, f in enumerate(item["feats"]) if "rule" not in f and may_replace(f)]


def _fit(items: list[dict], C: float):
    """Logistic regression on pairs (rule's candidate, other candidate): positive
    when the other candidate overlaps the gold Source and the rule's does not."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    X, y = [], []
    for it in items:
        if not it["sources"]:
            continue
        for k, f in _pairs(it):
            X.append(f)
            y.append(int(it["labels"][k] and not it["rule_right"]))
    vec = DictVectorizer()
    model = LogisticRegression(C=C, max_iter=3000)
    model.fit(vec.fit_transform(X), y)
    return vec, model


def _tally(items: list[dict], vec, model) -> dict:
    """Per threshold: quotes with a gold Source whose source is right, changes made, fixed, broken."""
    out = {th: {"right": 0, "changed": 0, "fixed": 0, "broken": 0} for th in THRESHOLDS}
    for it in items:
        if it["rule_source"] is None:
            continue
        pairs = _pairs(it)
        p = model.predict_proba(vec.transform([f for _k, f in pairs]))[:, 1] if pairs else []
        best = max(range(len(pairs)), key=lambda j: p[j]) if pairs else None
        for th, t in out.items():
            pick = pairs[best][0] if best is not None and p[best] > th else None
            ok = it["rule_right"] if pick is None else it["labels"][pick]
            t["changed"] += pick is not None
            if it["sources"]:
                t["right"] += ok
                t["fixed"] += ok and not it["rule_right"]
                t["broken"] += it["rule_right"] and not ok
    return out


def train(items: list[dict], names: list[str], C: float = 0.3, folds: int = 5) -> dict:
    """Grouped cross-validation over texts (the threshold is chosen on it), then a
    fit on all training quotes."""
    items = [it for it in items if it["rule_source"] is not None]
    order = sorted(set(it["text"] for it in items))
    random.Random(1313).shuffle(order)
    fold_of = {n: k % folds for k, n in enumerate(order)}
    cv = {th: {"right": 0, "changed": 0, "fixed": 0, "broken": 0} for th in THRESHOLDS}
    for k in range(folds):
        vec, model = _fit([it for it in items if fold_of[it["text"]] != k], C)
        for th, t in _tally([it for it in items if fold_of[it["text"]] == k], vec, model).items():
            for key in t:
                cv[th][key] += t[key]
    rule_right = sum(it["rule_right"] for it in items if it["sources"])
    with_source = sum(1 for it in items if it["sources"])
    # the highest threshold within CV_TIE of the best count: of equal gains, the fewest changes
    best = max(t["right"] for t in cv.values())
    threshold = max(th for th in THRESHOLDS if cv[th]["right"] >= best - CV_TIE)
    vec, model = _fit(items, C)
    kept = [(n, round(float(w), 5)) for n, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) >= PRUNE]
    result = {"features": [n for n, _w in kept], "weights": [w for _n, w in kept],
              "bias": round(float(model.intercept_[0]), 5), "threshold": threshold}
    gate, skipped, overridden = _gate(items, result)
    return {**result, "gate": gate,
            "training": {"pruned_below": PRUNE, "features_fitted": len(vec.get_feature_names_out()),
                         "overridden_in_sample": overridden, "share_of_quotes_below_gate": skipped, "texts": len(names), "quotes_with_rule_source": len(items),
                         "quotes_with_gold_source_and_rule_source": with_source, "rule_right": rule_right,
                         "C": C, "folds": folds, "cv_by_threshold": {str(th): t for th, t in cv.items()},
                         "threshold_chosen": threshold, "cv_tie": CV_TIE}}


#: weights smaller than this are left out of the file (they move no choice measurably)
PRUNE = 1e-3


#: the speed gate keeps at least this share of the in-sample net gain (fixed minus broken)
GATE_KEEPS = 0.98


def _gate(items: list[dict], result: dict) -> tuple[float, float, int]:
    """The speed gate of :class:`toolkit.quotes.rank.Ranker`: quotes whose rule
    part (bias + the rule candidate's weights) is below it are not ranked. The
    highest rule part (over the training quotes' 5 % steps) that keeps
    :data:`GATE_KEEPS` of the final model's in-sample net gain; returns it, the
    share of training quotes below it, and how many quotes the model overrides above it."""
    from toolkit.quotes.rank import Ranker, may_replace

    ranker = Ranker({"format": 1, **result})
    rows = []
    for it in items:
        rule = next((f for f in it["feats"] if "rule" in f), None)
        if rule is None:
            continue
        part = ranker.rule_part(rule)
        best, best_score = None, ranker.logit
        for k, f in enumerate(it["feats"]):
            if "rule" not in f and may_replace(f):
                score = ranker.override_score(rule, f, part)
                if score > best_score:
                    best, best_score = k, score
        net = int(it["labels"][best]) - int(it["rule_right"]) if best is not None and it["sources"] else 0
        rows.append((part[0], best is not None, net))
    rows.sort()
    full = sum(r[2] for r in rows)
    gate = rows[0][0] - 1e-3
    for q in range(1, 20):
        g = rows[int(q / 20 * (len(rows) - 1))][0]
        if sum(r[2] for r in rows if r[0] >= g) >= GATE_KEEPS * full:
            gate = g - 1e-6
    return (round(gate, 5), round(sum(r[0] < gate for r in rows) / max(1, len(rows)), 3),
            sum(r[1] for r in rows if r[0] >= gate))


def write_weights(path: Path, result: dict, names: list[str]) -> None:
    data = {"format": 1, **result}
    data["training"]["command"] = "python evaluation/train_quotes_speaker.py"
    data["training"]["sklearn"] = __import__("sklearn").__version__
    data["training"]["excluded"] = ("PolNeAR train minus the held-out slice --not-in 80:13 --limit 80 --seed 2027 "
                                    "and the check sample --not-in 80:13 80:2027 --limit 80 --seed 9393")
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    tmp.replace(path)
    listing = path.with_name("speaker_ranker_texts.txt")
    listing.write_text("\n".join(names) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
