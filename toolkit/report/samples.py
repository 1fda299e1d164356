"""Corpora the report tests and the screenshot script render: the committed
sample, annotated, and the sample plus one hostile article whose text and
title are HTML (a report must show it as text, never run it).
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "data" / "articles"

#: markup an article could carry after a careless scrape; every report must
#: print it verbatim and none of it may run (the browser test checks
#: ``window.__xss`` stays undefined)
HOSTILE_TITLE = "<script>window.__xss='title'</script>Kharkiv <b>strike</b>"
HOSTILE_TEXT = (
    "Ukrainian President Volodymyr Zelensky said on Monday that at least 12 people were killed in "
    "the strike on Kharkiv <script>window.__xss='text'</script>, officials reported.\n\n"
    "Vladimir Putin said Russia was ready for talks <img src=x onerror=\"window.__xss='img'\"> "
    "in Istanbul, according to the Kremlin.\n"
)
HOSTILE_OUTLET = "Hostile <i>Outlet</i>"


def annotate_folder(source: Path, out_dir: Path) -> Path:
    """Load and annotate ``source`` (no cache) and save the tables to ``out_dir``."""
    from toolkit.annotation import annotate
    from toolkit.loading import load

    annotate(load(source), cache_dir=None, progress=False).save(out_dir)
    return out_dir


def ensure_annotated_sample(out_dir: Path) -> Path:
    """The sample corpus annotated into ``out_dir`` (reused if already there)."""
    out_dir = Path(out_dir)
    if not (out_dir / "manifest.json").exists():
        annotate_folder(SAMPLE_DIR, out_dir)
    return out_dir


def write_hostile_sample(folder: Path) -> Path:
    """The sample articles plus one hostile article, with metadata."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for path in SAMPLE_DIR.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    with open(SAMPLE_DIR / "metadata.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0].keys())
    (folder / "900_hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    rows.append({**dict.fromkeys(fields, ""), "file": "900_hostile.txt", "outlet": HOSTILE_OUTLET,
                 "title": HOSTILE_TITLE, "published": "2025-06-23"})
    with open(folder / "metadata.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return folder


def ensure_annotated_hostile(work_dir: Path) -> Path:
    """The hostile sample, annotated into ``work_dir/annotated``."""
    work_dir = Path(work_dir)
    out = work_dir / "annotated"
    if not (out / "manifest.json").exists():
        annotate_folder(write_hostile_sample(work_dir / "articles"), out)
    return out


def ensure_rendered(corpus_dir: Path, out_dir: Path, notebooks: list[str]) -> dict[str, Path]:
    """Reports for ``notebooks`` rendered from ``corpus_dir`` into ``out_dir``,
    rendering only those not there yet (tests share them within a session)."""
    from toolkit.report.render import render_all

    out_dir = Path(out_dir)
    missing = [name for name in notebooks if not (out_dir / f"{name}.html").exists()]
    if missing:
        render_all(corpus_dir, out_dir, notebooks=missing)
    return {name: out_dir / f"{name}.html" for name in notebooks}
