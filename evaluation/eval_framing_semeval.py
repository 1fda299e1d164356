"""Does actor-level tone / framing separate antagonists from protagonists?

Gold: SemEval-2025 Task 10 subtask 1 (entity framing), English Ukraine-war
documents ``EN_UA_*``: each annotated entity mention has a main role
(Protagonist / Antagonist / Innocent). Offsets in ``subtask-1-annotations.txt``
are start and inclusive end; eleven are off by one and are re-found nearby.

For each annotated mention we compute scores from the toolkit and ask how
well each ranks antagonists above protagonists (ROC AUC; 0.5 = chance):

* ``sentence_tone``: VADER compound of the mention's sentence (all text);
* ``sentence_tone_outlet``: the same sentence with quoted words blanked;
* ``actor_tone``: mean sentence tone over every sentence of the document that
  mentions the same actor (the mentions table's ``actor_id``; the annotated
  string when no mention overlaps) — what ``toolkit.framing.tone(by="actor")``
  reports;
* ``actor_blame``: the actor's ``agency`` rows in the framing table, each
  worth the sentence's negativity (``max(0, -tone)``), + as agent, − as
  patient (``agent_negativity`` in ``toolkit.framing.tone(by="actor")``);
* ``actor_loaded``: negative loaded terms (condemnation / dehumanising /
  discrediting / legitimacy) and negative epithets per sentence mentioning the
  actor, plus those the extractor ties to the actor (``actor_id``);
* baselines measured the same way: ``document_tone`` (the mean tone of the
  whole document: entity-agnostic) and chance (0.5).

Lower tone and more loaded terms should mean antagonist, so tone is negated
before ranking. A 95% bootstrap interval (1,000 resamples of mentions) is
given for each AUC. The precision/recall/F1 of the simplest decision rule
("antagonist if the score is on the negative side") is reported next to the
majority-class baseline.

Usage: ``python -m evaluation.eval_framing_semeval [--data ../shared/eval/semeval2025_t10] [--limit N]``
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

from evaluation.common import add_data_args, data_or_skip, eval_root, smoke_limit
from evaluation.common import scored as scored_line

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = eval_root() / "semeval2025_t10"
NEGATIVE_LOADED = {"condemnation", "dehumanising", "discrediting", "legitimacy"}


def markdown(df: pd.DataFrame, index: bool = False) -> str:
    """A GitHub markdown table (no ``tabulate`` dependency)."""
    if index:
        df = df.reset_index()
    cells = [[f"{v:.3f}" if isinstance(v, float) else str(v) for v in row] for row in df.itertuples(index=False)]
    lines = ["| " + " | ".join(map(str, df.columns)) + " |", "|" + "---|" * len(df.columns)]
    lines += ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join(lines)


def read_gold(data: Path) -> pd.DataFrame:
    rows = []
    for line in (data / "subtask-1-annotations.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 5 or not parts[0].startswith("EN_UA"):
            continue
        rows.append({"doc": parts[0], "entity": parts[1], "start": int(parts[2]), "end": int(parts[3]) + 1,
                     "role": parts[4], "fine": ",".join(parts[5:])})
    return pd.DataFrame(rows)


def locate(text: str, entity: str, start: int, end: int) -> tuple[int, int] | None:
    """The gold offsets, or the nearest occurrence of the entity within 3 chars."""
    if text[start:end] == entity:
        return start, end
    for shift in (-1, 1, -2, 2, -3, 3):
        s = start + shift
        if s >= 0 and text[s:s + len(entity)] == entity:
            return s, s + len(entity)
    return None


def auc(scores: np.ndarray, positive: np.ndarray) -> float:
    """ROC AUC via the Mann-Whitney U statistic (ties count half)."""
    ranks = pd.Series(scores).rank(method="average").to_numpy()
    n_pos, n_neg = positive.sum(), (~positive).sum()
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def bootstrap_auc(scores: np.ndarray, positive: np.ndarray, n: int = 1000, seed: int = 0) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(n):
        idx = rng.integers(0, len(scores), len(scores))
        values.append(auc(scores[idx], positive[idx]))
    return float(np.nanpercentile(values, 2.5)), float(np.nanpercentile(values, 97.5))


def prf(predicted: np.ndarray, positive: np.ndarray) -> tuple[float, float, float]:
    tp = int((predicted & positive).sum())
    p = tp / predicted.sum() if predicted.sum() else 0.0
    r = tp / positive.sum() if positive.sum() else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_documents(data: Path, gold: pd.DataFrame) -> pd.DataFrame:
    """One row per gold mention with every score (see module docstring)."""
    from toolkit.actors.catalogue import load_catalogue
    from toolkit.context import ArticleContext
    from toolkit.extraction import annotate_doc
    from toolkit.framing.terms import merge_intervals, quote_intervals, split_by_voice
    from toolkit.framing.tone import text_tone
    from toolkit.pipeline import cached_pipeline

    nlp = cached_pipeline()
    catalogue = load_catalogue()
    docs = sorted(gold["doc"].unique())
    texts = [(data / "raw-documents" / d).read_text(encoding="utf-8") for d in docs]
    out = []
    for name, text, doc in zip(docs, texts, nlp.pipe(texts, batch_size=16)):
        rows = annotate_doc(doc, ArticleContext(name), catalogue)
        mentions, quotes, framing = rows["mentions"], rows["quotes"], rows["framing"]
        sents = list(doc.sents)
        starts = np.array([s.start_char for s in sents])
        intervals = merge_intervals(quote_intervals(text, quotes))
        tone_all = [text_tone(s.text) for s in sents]
        tone_own = [text_tone(split_by_voice(s.text, s.start_char, intervals)[0]) for s in sents]
        doc_tone = np.nanmean([t for t in tone_all if t is not None] or [np.nan])
        sents_of_actor: dict[str, set[int]] = defaultdict(set)
        blame_of_actor: dict[str, list[float]] = defaultdict(list)
        for m in mentions:
            if m.get("actor_id"):
                sents_of_actor[m["actor_id"]].add(int(m["sent_id"]))

        loaded_by_sent: dict[int, int] = defaultdict(int)
        loaded_by_actor: dict[str, int] = defaultdict(int)
        for r in framing:
            if r["signal"] == "agency" and r.get("actor_id"):
                sign = 1.0 if r["category"] == "agent" else -1.0
                blame_of_actor[r["actor_id"]].append(sign * max(0.0, -(tone_all[r["sent_id"]] or 0.0)))
            negative = r["signal"] in ("loaded_term", "epithet") and r["category"] in NEGATIVE_LOADED
            if negative and not r["in_quote"]:
                loaded_by_sent[r["sent_id"]] += 1
                if r.get("actor_id"):
                    loaded_by_actor[r["actor_id"]] += 1
        for g in gold[gold["doc"] == name].itertuples():
            span = locate(text, g.entity, g.start, g.end)
            if span is None:
                continue
            sid = int(np.searchsorted(starts, span[0], side="right") - 1)
            hit = [m for m in mentions if m["start"] < span[1] and m["end"] > span[0] and m.get("actor_id")]
            actor = hit[0]["actor_id"] if hit else None
            if actor:
                actor_sents = sorted(sents_of_actor[actor] | {sid})
            else:  # no mention: every sentence containing the annotated string
                actor_sents = [i for i, s in enumerate(sents) if g.entity.lower() in s.text.lower()] or [sid]
            tones = [tone_all[i] for i in actor_sents if tone_all[i] is not None]
            loaded = sum(loaded_by_sent[i] for i in actor_sents) + (loaded_by_actor[actor] if actor else 0)
            blame = blame_of_actor[actor] if actor else []
            out.append({
                "doc": name, "entity": g.entity, "role": g.role, "actor_id": actor,
                "sentence_tone": tone_all[sid], "sentence_tone_outlet": tone_own[sid],
                "actor_tone": float(np.mean(tones)) if tones else None,
                "actor_loaded": loaded / len(actor_sents),
                "document_tone": doc_tone,
                "actor_blame": float(np.mean(blame)) if blame else 0.0,
                "n_actor_sentences": len(actor_sents),
            })
    return pd.DataFrame(out)


SCORES = {  # name -> (column, sign so that larger = more antagonist-like, "negative side" threshold)
    "actor_tone (toolkit)": ("actor_tone", -1, 0.05),
    "actor_loaded (toolkit)": ("actor_loaded", 1, 1e-9),
    "actor_blame (agent-signed negativity)": ("actor_blame", 1, 1e-9),
    "sentence_tone": ("sentence_tone", -1, 0.05),
    "sentence_tone_outlet": ("sentence_tone_outlet", -1, 0.05),
    "document_tone (baseline)": ("document_tone", -1, 0.05),
}


def evaluate(scored: pd.DataFrame, positive_role: str, negative_roles: tuple[str, ...]) -> list[dict]:
    part = scored[scored["role"].isin((positive_role, *negative_roles))]
    rows = []
    for name, (column, sign, threshold) in SCORES.items():
        values = part[column].astype(float)
        # a mention with no scorable text gets the neutral score 0
        s = sign * values.fillna(0.0).to_numpy()
        positive = (part["role"] == positive_role).to_numpy()
        lo, hi = bootstrap_auc(s, positive)
        p, r, f = prf(s >= threshold, positive)
        rows.append({"score": name, "auc": auc(s, positive), "auc_95ci": f"{lo:.2f}–{hi:.2f}",
                     "precision": p, "recall": r, "f1": f, "n_pos": int(positive.sum()), "n_neg": int((~positive).sum())})
    positive = (part["role"] == positive_role).to_numpy()
    p, r, f = prf(np.ones_like(positive), positive)
    rows.append({"score": "all antagonist (majority baseline)", "auc": 0.5, "auc_95ci": "", "precision": p,
                 "recall": r, "f1": f, "n_pos": int(positive.sum()), "n_neg": int((~positive).sum())})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_data_args(parser, DEFAULT_DATA, "SemEval-2025 T10 folder", "the first 3 documents")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents (quick check)")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args(argv)
    if data_or_skip(args, "subtask-1-annotations.txt", "SemEval-2025 T10 data") is None:
        return 0
    gold = read_gold(args.data)
    limit = smoke_limit(args, 3, args.limit)
    if limit:
        gold = gold[gold["doc"].isin(sorted(gold["doc"].unique())[:limit])]
    scored = score_documents(args.data, gold)
    print(scored_line(args.data, "EN_UA documents of subtask 1 (one split, not tuned on)", scored["doc"].nunique(),
                      "documents", args.smoke))
    print(f"{scored['doc'].nunique()} documents, {len(scored)} of {len(gold)} gold mentions located; "
          f"{scored['actor_id'].notna().mean():.0%} matched to a toolkit mention")
    print(markdown(scored.groupby("role")[["sentence_tone", "actor_tone", "actor_loaded", "actor_blame", "document_tone"]].mean(), index=True))
    results = {}
    for label, pos, negs in (("antagonist vs protagonist", "Antagonist", ("Protagonist",)),
                             ("antagonist vs innocent", "Antagonist", ("Innocent",)),
                             ("antagonist vs protagonist+innocent", "Antagonist", ("Protagonist", "Innocent"))):
        table = pd.DataFrame(evaluate(scored, pos, negs))
        results[label] = table.to_dict("records")
        print(f"\n### {label}\n")
        print(markdown(table))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
