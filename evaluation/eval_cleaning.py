"""Measure the cleaner (toolkit.loading.cleaning).

1. Seeds, line level, against hand-written gold (evaluation/data/seed_boilerplate.yaml):
   precision / recall / F1 of "this raw line is not body", for the toolkit's
   cleaner and a baseline measured the same way: the common short-line rule
   (drop lines under 6 words, jusText's length criterion in its simplest
   form) plus exact-duplicate lines.
2. Real corpora (no gold: the article text there is already scraped clean, so
   every removal is a candidate false positive): lines and characters removed,
   by rule, on ru_ua_2022, guardian_feb2022 and bbc. Every removed line is
   written to a TSV for reading by hand.

    python -m evaluation.eval_cleaning [--data ../shared/eval] [--dump build/eval/cleaning_removed.tsv] [--smoke]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from evaluation.common import eval_root, scored
from toolkit.loading import load
from toolkit.loading.cleaning import LINE_BREAK, clean

ROOT = Path(__file__).resolve().parents[1]
GOLD = Path(__file__).parent / "data" / "seed_boilerplate.yaml"
SEEDS = ROOT / "data" / "articles"
CORPORA = ("corpora/ru_ua_2022", "corpora/guardian_feb2022", "corpora/bbc")


def raw_lines(raw: str) -> list[tuple[int, int, int]]:
    """(1-based line number, start, end) of each non-blank raw line."""
    out, pos, n = [], 0, 1
    for m in [*LINE_BREAK.finditer(raw), None]:
        end = m.start() if m else len(raw)
        if raw[pos:end].strip():
            out.append((n, pos, end))
        if m:
            pos, n = m.end(), n + 1
    return out


def toolkit_removed(raw: str, title: str | None) -> set[int]:
    """Line numbers the cleaner removed (a line counts as removed when none of
    its visible characters reach the clean text)."""
    cleaned = clean(raw, title=title, detect_headline=True)
    kept_raw = set()
    for c, r, n in cleaned.offsets.segments:
        kept_raw.update(range(r, r + n))
    return {num for num, s, e in raw_lines(raw)
            if not any(i in kept_raw for i in range(s, e) if not raw[i].isspace())}


def baseline_removed(raw: str, min_words: int = 6) -> set[int]:
    seen, out = set(), set()
    for num, s, e in raw_lines(raw):
        line = " ".join(raw[s:e].split())
        if len(line.split()) < min_words or line in seen:
            out.add(num)
        seen.add(line)
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def eval_seeds() -> None:
    gold = yaml.safe_load(GOLD.read_text())
    totals = {"toolkit": Counter(), "baseline (short lines + duplicates)": Counter()}
    for name, gold_lines in gold.items():
        raw = (SEEDS / name).read_text(encoding="utf-8")
        truth = set(gold_lines)
        lines = {num for num, _, _ in raw_lines(raw)}
        for system, removed in (("toolkit", toolkit_removed(raw, None)),
                                ("baseline (short lines + duplicates)", baseline_removed(raw))):
            t = totals[system]
            t["tp"] += len(removed & truth)
            t["fp"] += len(removed - truth)
            t["fn"] += len(truth - removed)
            t["lines"] += len(lines)
            if system == "toolkit":
                for num in sorted((removed - truth) | (truth - removed)):
                    kind = "removed body line" if num in removed else "kept boilerplate"
                    print(f"  toolkit error {name}:{num}: {kind}")
    print(f"seeds: {sum(len(v) for v in gold.values())} boilerplate lines of {totals['toolkit']['lines']} non-blank lines")
    print(f"{'system':<40} {'P':>6} {'R':>6} {'F1':>6}  tp fp fn")
    for system, t in totals.items():
        p, r, f = prf(t["tp"], t["fp"], t["fn"])
        print(f"{system:<40} {p:6.3f} {r:6.3f} {f:6.3f}  {t['tp']} {t['fp']} {t['fn']}")


def eval_corpus(path: Path, writer) -> None:
    started = time.perf_counter()
    corpus = load(path)
    seconds = time.perf_counter() - started
    rules, n_lines, n_removed, chars, chars_removed, articles_touched = Counter(), 0, 0, 0, 0, 0
    for row in corpus.articles.itertuples():
        raw = row.raw_text
        cleaned = clean(raw, title=row.title if isinstance(row.title, str) else None,
                        detect_headline=str(row.path).endswith((".txt", ".md")))
        lines = raw_lines(raw)
        n_lines += len(lines)
        chars += sum(e - s for _, s, e in lines)
        line_rules = [r for r in cleaned.removed if r.rule not in ("headline",)]
        if line_rules:
            articles_touched += 1
        for r in line_rules:
            rules[r.rule] += 1
            n_removed += 1
            chars_removed += r.raw_end - r.raw_start
            writer.writerow([path.name, row.article_id, r.rule, " ".join(r.text.split())[:300]])
    report = corpus.load_report["status"].astype(str).value_counts().to_dict()
    print(f"\n{path.name}: {len(corpus.articles)} articles loaded in {seconds:.1f}s, report {report}")
    print(f"  non-blank raw lines {n_lines}; removed (headlines aside) {n_removed} = {n_removed / max(n_lines, 1):.2%}; "
          f"chars removed {chars_removed / max(chars, 1):.2%}; articles with a removal {articles_touched}")
    for rule, n in rules.most_common():
        print(f"    {rule:<24} {n}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", "--eval", dest="eval", default=str(eval_root()),
                        help="eval root with corpora/ (default: %(default)s)")
    parser.add_argument("--dump", default=str(ROOT / "build" / "eval" / "cleaning_removed.tsv"))
    parser.add_argument("--smoke", action="store_true",
                        help="quick check that the evaluation runs: the seeds and guardian_feb2022 only")
    args = parser.parse_args(argv)
    print(scored("evaluation/data/seed_boilerplate.yaml", "the five seeds (the rules were written reading them: tuned on)"))
    eval_seeds()
    root = Path(args.eval)
    corpora = [c for c in CORPORA if not args.smoke or c.endswith("guardian_feb2022")]
    present = [root / c for c in corpora if (root / c).exists()]
    print(scored(root, "corpora without gold (removals read by hand): " + ", ".join(p.name for p in present),
                 smoke=args.smoke))
    if not present:
        print(f"\nno corpora under {root}; corpus measurements skipped")
        return 0
    Path(args.dump).parent.mkdir(parents=True, exist_ok=True)
    with open(args.dump, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter="\t")
        writer.writerow(["corpus", "article_id", "rule", "removed text"])
        for path in present:
            eval_corpus(path, writer)
    print(f"\nremoved lines written to {args.dump}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
