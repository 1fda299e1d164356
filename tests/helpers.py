"""Helpers the tests share (not tests; pytest puts this folder on ``sys.path``).

* :func:`annotate_text` and :func:`corpus_of` run the toolkit's real extractor
  chain (:func:`toolkit.extraction.annotate_doc`, the one the partition step
  runs) on quoted real text, so no test rebuilds the chain by hand.
* :func:`ensure_annotated_sample`, :func:`ensure_annotated_hostile` and
  :func:`ensure_rendered` build the corpora and reports the chart, widget,
  notebook and report tests read, once per session. The sample lives in the
  repository (``data/articles``), found from this file, never from the
  installed package.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = ROOT / "data" / "articles"


# -- the extractor chain on real text --------------------------------------------

@dataclass
class DocTables:
    """One parsed text and its rows per table (``result["quotes"]``)."""

    doc: object
    ctx: object
    rows: dict[str, list[dict]]

    def __getitem__(self, table: str) -> list[dict]:
        return self.rows[table]


def annotate_text(nlp, text: str, article_id: str = "t", outlet: str = "unknown",
                  published: dt.date | None = None, *, catalogue=None) -> DocTables:
    """``text`` through ``nlp`` and every extractor, as :func:`toolkit.annotate`
    runs them (``catalogue``: a loaded catalogue; default the shipped one)."""
    from toolkit.actors.catalogue import cached_catalogue
    from toolkit.context import ArticleContext
    from toolkit.extraction import annotate_doc

    doc = nlp(text)
    ctx = ArticleContext(article_id, outlet, published)
    return DocTables(doc, ctx, annotate_doc(doc, ctx, catalogue if catalogue is not None else cached_catalogue(None)))


def dates_of(nlp, text: str, published: dt.date | None, inferred: bool = False) -> list[dict]:
    """The dates extractor's records for ``text`` in an article published on ``published``
    (``inferred``: the publication date was guessed, not given)."""
    from toolkit.context import ArticleContext
    from toolkit.dates import extract_dates

    return extract_dates(nlp(text), ArticleContext("t", "test", published, inferred))


def corpus_of(nlp, articles: pd.DataFrame | Iterable[Mapping], *, tables: Iterable[str] | None = None,
              catalogue=None, corpus_steps: bool = True, load_report: pd.DataFrame | None = None):
    """An :class:`~toolkit.corpus.AnnotatedCorpus` of ``articles`` (the
    ``articles`` table, or records with ``article_id, outlet, published,
    text``) annotated with the real chain, keeping only ``tables`` (default
    all) and, with ``corpus_steps``, after the corpus-level steps, as
    :func:`toolkit.annotate` gives them."""
    from toolkit import schema
    from toolkit.actors.catalogue import cached_catalogue
    from toolkit.corpus import AnnotatedCorpus
    from toolkit.extraction import TEXT_TABLES, annotate_docs, assemble_tables

    frame = articles if isinstance(articles, pd.DataFrame) else schema.frame("articles", list(articles))
    records = frame.to_dict("records")
    catalogue = catalogue if catalogue is not None else cached_catalogue(None)
    parts = annotate_docs(zip(records, nlp.pipe([r["text"] or "" for r in records])), catalogue)
    if corpus_steps:
        parts = assemble_tables(frame, [parts])
        parts.pop("articles")
    keep = set(TEXT_TABLES if tables is None else tables)
    extra = {} if load_report is None else {"load_report": load_report}
    return AnnotatedCorpus(articles=frame, **extra, **{name: df for name, df in parts.items() if name in keep})


# -- sample corpora and reports ---------------------------------------------------

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
    import toolkit

    toolkit.annotate(toolkit.load(source), cache_dir=None, progress=False).save(out_dir)
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


@contextlib.contextmanager
def live_jupyterlab(work_dir: Path, corpus_dir: Path, *, env: Mapping[str, str] | None = None):
    """A JupyterLab server on 127.0.0.1 over a copy of the notebooks (running
    cells must not write outputs into the committed ones), with a token, in
    its own process group so the server and its kernels stop together.
    Yields ``(base_url, token)``; ``env`` adds variables to the server's."""
    import secrets
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    import pytest

    from toolkit.report.render import NOTEBOOK_DIR

    root = work_dir / "lab"
    shutil.copytree(NOTEBOOK_DIR, root, ignore=shutil.ignore_patterns("*.html", ".ipynb_checkpoints"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = secrets.token_hex(16)
    server_env = {**os.environ, "TOOLKIT_CORPUS_DIR": str(corpus_dir),
                  "JUPYTER_RUNTIME_DIR": str(work_dir / "runtime"), **(env or {})}
    jupyter = Path(sys.executable).with_name("jupyter")
    proc = subprocess.Popen(
        [str(jupyter), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={root}", "--ServerApp.open_browser=False", "--ServerApp.allow_root=True", "--LabApp.news_url=",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         f"--LabApp.workspaces_dir={work_dir / 'workspaces'}"],  # no tabs restored from another run
        env=server_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail("jupyter lab did not start")
                time.sleep(0.5)
        yield base, token
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # the server and the kernels it started
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
