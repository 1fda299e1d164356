"""Draw the articles of the war claims gold set (seeded) and print their candidate sentences.

The gold set ``evaluation/data/claims_war_gold.jsonl`` was labelled on the
articles this script selects: from each of the three files (ru_ua_2022
Guardian, ru_ua_2022 NYT, guardian_feb2022), a seeded random sample of
articles of at most ``MAX_WORDS`` words, most of them with casualty language
(the toll pattern below) and a few without. ``--print`` shows, per article,
every sentence with a quantity word or a harm word — what the labeller read
(the rules in ``evaluation/data/claims_war_README.md`` say why that is
enough for the explicit-quantity rule). The split (tune / check) is drawn
here too, by article id, and written into the gold file.

A second batch, ``tune2`` (session 3), is drawn with its own seed
(``TUNE2_SEED``) from the same files and word cap, leaving out every article
already in the gold set; all of it is tuned on (the check split is unchanged).

Usage::

    python evaluation/claims_war_sample.py [--eval ../shared/eval] [--print]
    python evaluation/claims_war_sample.py --batch tune2 [--print]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEED = 20261201
MAX_WORDS = 1600
#: (corpus folder, file, outlet, loader fields, with casualty language, without)
FILES = [
    ("ru_ua_2022", "Guardians_Russia_Ukraine.csv", "The Guardian",
     {"text": "articles", "title": "headlines", "published": "published"}, 12, 2),
    ("ru_ua_2022", "NYT_Russia_Ukraine.csv", "The New York Times",
     {"text": "articles", "title": "headlines", "published": "published"}, 8, 2),
    ("guardian_feb2022", "guard-articles-nato.csv", "The Guardian (Feb 2022)",
     {"text": "Text", "title": "Heading", "published": "Date Formatted", "url": "Article Url"}, 10, 2),
]
#: the second tune batch (session 3): its own seed, articles with casualty language per file
TUNE2_SEED = 20261203
TUNE2_PER_FILE = 5
#: casualty language: a number-ish word and a toll word within 60 characters
TOLL = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds|"
    r"thousands|millions|several)\b[^.;]{0,60}?\b(?:killed|dead|died|deaths|wounded|injured|captured|"
    r"evacuated|fled|missing|prisoners|casualties|refugees|displaced)\b", re.IGNORECASE)
QUANTITY = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozens?|scores|several|few|handful|"
    r"couple|many|numerous)\b", re.IGNORECASE)
HARM = re.compile(r"\b(?:kill|dead|die|death|wound|injur|casualt|captur|prisoner|refugee|fled|flee|displac|"
                  r"evacuat|missing|shot|hostage|detain|murder|execut|abduct|deport|bod(?:y|ies)|victim|lost|loss)",
                  re.IGNORECASE)
SENT = re.compile(r"(?<=[.!?…”\"])\s+(?=[A-Z“\"‘0-9])|\n+")


def load(eval_dir: Path):
    """``{corpus: Corpus}`` for the three files, loaded as the product loads them."""
    import toolkit

    return {(folder, name): toolkit.load(eval_dir / "corpora" / folder / name, fields=fields, outlet=outlet)
            for folder, name, outlet, fields, _, _ in FILES}


def draw(corpora) -> list[tuple[str, str, str]]:
    """The sampled ``(corpus folder, file, article_id)``, in draw order."""
    rng = random.Random(SEED)
    picked = []
    for folder, name, _, _, n_toll, n_other in FILES:
        arts = corpora[(folder, name)].articles
        arts = arts[arts["n_words"] <= MAX_WORDS]
        ids = sorted(arts["article_id"], key=lambda a: int(a.rsplit(":", 1)[1]))
        text = dict(zip(arts["article_id"], arts["text"]))
        toll = [a for a in ids if TOLL.search(text[a])]
        other = [a for a in ids if not TOLL.search(text[a])]
        picked += [(folder, name, a) for a in rng.sample(toll, n_toll) + rng.sample(other, n_other)]
    return picked


def draw_tune2(corpora, exclude: set[str]) -> list[tuple[str, str, str]]:
    """The ``tune2`` batch: per file, ``TUNE2_PER_FILE`` articles with casualty
    language (same word cap), none of them in ``exclude`` (the gold set so far)."""
    rng = random.Random(TUNE2_SEED)
    picked = []
    for folder, name, _, _, _, _ in FILES:
        arts = corpora[(folder, name)].articles
        arts = arts[(arts["n_words"] <= MAX_WORDS) & ~arts["article_id"].isin(exclude)]
        ids = sorted(arts["article_id"], key=lambda a: int(a.rsplit(":", 1)[1]))
        text = dict(zip(arts["article_id"], arts["text"]))
        toll = [a for a in ids if TOLL.search(text[a])]
        picked += [(folder, name, a) for a in rng.sample(toll, TUNE2_PER_FILE)]
    return picked


def split(article_ids: list[str]) -> dict[str, str]:
    """Seeded split by article: two thirds ``tune``, one third ``check``."""
    ids = sorted(article_ids)
    random.Random(SEED + 1).shuffle(ids)
    n_check = len(ids) // 3
    return {a: ("check" if i < n_check else "tune") for i, a in enumerate(ids)}


def candidate_sentences(text: str):
    """``(start, sentence)`` of sentences with a quantity word or a harm word."""
    pos = 0
    for piece in SENT.split(text):
        start = text.find(piece, pos)
        pos = start + len(piece)
        if piece.strip() and (QUANTITY.search(piece) or HARM.search(piece)):
            yield start, piece.strip()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--print", action="store_true", help="print the candidate sentences of each article")
    parser.add_argument("--batch", choices=("first", "tune2"), default="first",
                        help="first: the 36 articles of session 1 with their tune/check split; tune2: the second batch")
    args = parser.parse_args(argv)
    if not (args.eval / "corpora").is_dir():
        parser.error(f"no eval data at {args.eval} (pass --eval)")
    corpora = load(args.eval)
    picked = draw(corpora)
    splits = split([a for _, _, a in picked])
    if args.batch == "tune2":
        picked = draw_tune2(corpora, {a for _, _, a in picked})
        splits = {a: "tune2" for _, _, a in picked}
    for folder, name, aid in picked:
        arts = corpora[(folder, name)].articles.set_index("article_id")
        row = arts.loc[aid]
        print(f"=== {folder}/{name} {aid} [{splits[aid]}] {row['published']} {row['n_words']}w :: {row['title']}")
        if args.print:
            for start, sent in candidate_sentences(row["text"]):
                print(f"  @{start}: {sent}")


if __name__ == "__main__":
    main()
