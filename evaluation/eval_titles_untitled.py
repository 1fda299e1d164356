"""Ledes lost to the title: plain-text articles *without* a title line.

Every real article of ru_ua_2022 and guardian_feb2022 (their CSVs keep the
headline in its own column) and every PolNeAR text with its first (title)
line removed is written as a bare ``.txt`` file and loaded, as an analyst's
folder of scraped bodies would be. None of these texts starts with a title,
so every title the loader takes from the text is a false positive; the
figure that matters more is how many texts came back *shorter* than their
first line (the lede lost from ``text``, so never searched or annotated).

    python -m evaluation.eval_titles_untitled [--data ../shared/eval] [--smoke]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

from evaluation.common import add_data_args, data_or_skip, eval_root, scored, smoke_limit
from toolkit.loading import load



def bodies(eval_dir: Path, limit: int | None = None) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, column in (("ru_ua_2022", "articles"), ("guardian_feb2022", "Text")):
        texts = []
        for path in sorted((eval_dir / "corpora" / name).glob("*.csv")):
            with open(path, newline="", encoding="utf-8") as fh:
                texts += [row[column] for row in csv.DictReader(fh) if (row.get(column) or "").strip()]
        out[name] = texts[:limit]
    polnear = []
    for path in sorted((eval_dir / "polnear").rglob("*.txt"))[:400]:
        raw = path.read_text(encoding="utf-8", errors="replace").strip()
        first, _, rest = raw.partition("\n")
        if rest.strip():
            polnear.append(rest.strip())
    out["polnear (title line removed)"] = polnear[:limit]
    return out


def measure(name: str, texts: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(texts):
            (Path(tmp) / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        arts = load(tmp, outlet="x").articles
    first_lines = {f"{i:05d}": t.strip().split("\n", 1)[0].strip() for i, t in enumerate(texts)}
    titled = arts["title"].notna()
    squash = lambda t: " ".join(str(t).split())  # noqa: E731 (the cleaner folds whitespace runs)
    lost = [aid for aid, text in zip(arts["article_id"], arts["text"])
            if squash(first_lines[aid])[:60] not in squash(text)]
    return {"corpus": name, "texts": len(arts), "title_from_text": int(titled.sum()), "first_line_lost": len(lost),
            "examples": [first_lines[a][:100] for a in lost[:5]]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_args(parser, eval_root(), "the evaluation folder (corpora/, polnear/)", "20 texts per corpus")
    parser.add_argument("--eval", dest="data", type=Path, help="same as --data (older usage)")
    args = parser.parse_args(argv)
    eval_dir = data_or_skip(args, "corpora", "evaluation corpora")
    if eval_dir is None:
        return 0
    limit = smoke_limit(args, 20)
    print(scored(eval_dir, "every text of ru_ua_2022, guardian_feb2022 and 400 PolNeAR texts (no tuning split)"
                 if limit is None else "first 20 texts per corpus", smoke=args.smoke))
    print("| corpus | texts | title taken from the text (all false) | first line missing from text |")
    print("| --- | ---: | ---: | ---: |")
    for name, texts in bodies(eval_dir, limit).items():
        r = measure(name, texts)
        print(f"| {r['corpus']} | {r['texts']} | {r['title_from_text']} | {r['first_line_lost']} |")
        for ex in r["examples"]:
            print(f"  lost: {ex!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
