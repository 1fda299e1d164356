"""Ledes lost to the title: plain-text articles *without* a title line.

Every real article of ru_ua_2022 and guardian_feb2022 (their CSVs keep the
headline in its own column) and every PolNeAR text with its first (title)
line removed is written as a bare ``.txt`` file and loaded, as an analyst's
folder of scraped bodies would be. None of these texts starts with a title,
so every title the loader takes from the text is a false positive; the
figure that matters more is how many texts came back *shorter* than their
first line (the lede lost from ``text``, so never searched or annotated).

    python -m evaluation.eval_titles_untitled [--eval ../shared/eval]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

from toolkit.loading import load

ROOT = Path(__file__).resolve().parents[1]


def bodies(eval_dir: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, column in (("ru_ua_2022", "articles"), ("guardian_feb2022", "Text")):
        texts = []
        for path in sorted((eval_dir / "corpora" / name).glob("*.csv")):
            with open(path, newline="", encoding="utf-8") as fh:
                texts += [row[column] for row in csv.DictReader(fh) if (row.get(column) or "").strip()]
        out[name] = texts
    polnear = []
    for path in sorted((eval_dir / "polnear").rglob("*.txt"))[:400]:
        raw = path.read_text(encoding="utf-8", errors="replace").strip()
        first, _, rest = raw.partition("\n")
        if rest.strip():
            polnear.append(rest.strip())
    out["polnear (title line removed)"] = polnear
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
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    args = parser.parse_args(argv)
    eval_dir = Path(args.eval)
    if not (eval_dir / "corpora").exists():
        print(f"no evaluation data at {eval_dir}; skipping")
        return 0
    print("| corpus | texts | title taken from the text (all false) | first line missing from text |")
    print("| --- | ---: | ---: | ---: |")
    for name, texts in bodies(eval_dir).items():
        r = measure(name, texts)
        print(f"| {r['corpus']} | {r['texts']} | {r['title_from_text']} | {r['first_line_lost']} |")
        for ex in r["examples"]:
            print(f"  lost: {ex!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
