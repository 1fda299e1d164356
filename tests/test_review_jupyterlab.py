"""The review round trip in live JupyterLab (Playwright, Chromium): edit a
claim's value in the review widget with the keyboard → the corrections file
has the line → annotate again → the table has the new value with
``review = edited`` and the claims report shows it; then change the article's
text under the correction and the notebook shows the orphan with its
sentence. Also times keyboard review (rows per minute, printed; the README
quotes it)."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

import toolkit
from toolkit.review.corrections import read_corrections

from helpers import live_jupyterlab
from toolkit.report.browser import CHROMIUM, CHROMIUM_ARGS  # the same browser set-up as the other live test

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KYIV_STRIKE = "000_305f33a29b9cb839"
N_TIMED = 8


@pytest.fixture
def annotated(tmp_path, sample_dir):
    """A copy of the sample (its folder gets the corrections file) annotated by the CLI."""
    from toolkit.cli import main

    source, out = tmp_path / "articles", tmp_path / "corpus"
    shutil.copytree(sample_dir, source)
    assert main(["annotate", str(source), "--out", str(out), "--cache-dir", str(tmp_path / "cache"), "--quiet"]) == 0
    return source, out


@pytest.fixture
def lab(tmp_path, annotated):
    """A JupyterLab server over a copy of the notebooks and the CLI-annotated copy;
    its kernels import this checkout's toolkit."""
    _, corpus = annotated
    with live_jupyterlab(tmp_path, corpus, env={"PYTHONPATH": str(Path(__file__).resolve().parents[1])}) as server:
        yield server


def run_all(page, base, token, notebook):
    page.goto(f"{base}/lab/tree/{notebook}?token={token}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=120_000)
    page.locator(".jp-NotebookPanel:visible .jp-Notebook").first.click()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()


def test_edit_in_the_widget_survives_reannotation_and_reaches_the_report(lab, annotated, tmp_path):
    from playwright.sync_api import sync_playwright

    from toolkit.cli import main
    from toolkit.report import render_all

    base, token = lab
    source, out = annotated
    corrections = source / "corrections.csv"
    dozens = toolkit.open(out).claims.iloc[0]
    assert (dozens["article_id"], dozens["surface"]) == (KYIV_STRIKE, "dozens")  # the first claim in reading order
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))
                   else r.abort())
        try:
            run_all(page, base, token, "review.ipynb")
            card = page.locator(".nf-review").first
            card.wait_for(timeout=180_000)
            assert card.locator("mark").inner_text() == "dozens"
            assert "which killed" in card.locator(".nf-review-sentence").inner_text()
            # keyboard only: focus the card, e (edit), type the figure, Enter (save)
            card.locator(".nf-review-sentence").click()
            page.keyboard.press("e")
            page.keyboard.type("31")
            page.keyboard.press("Enter")
            card.locator(".nf-review-message").filter(has_text="edited value → 31").wait_for(timeout=30_000)
            assert card.locator(".nf-review-position").inner_text() == "row 2 of 11"

            lines = read_corrections(corrections)
            assert lines[["row_id", "action", "field", "value"]].values.tolist() == [[dozens["row_id"], "edit", "value", "31"]]

            # rows per minute with the keyboard: accept the next rows one key press each
            position = card.locator(".nf-review-position")
            started = time.perf_counter()
            for k in range(N_TIMED):
                page.keyboard.press("a")
                position.filter(has_text=f"row {3 + k} of 11").wait_for(timeout=30_000)
            seconds = time.perf_counter() - started
            rate = N_TIMED / seconds * 60
            print(f"\nkeyboard review: {N_TIMED} rows accepted in {seconds:.2f} s = {rate:.0f} rows/min "
                  "(widget round trip: key → kernel → corrections file → next row drawn)")
            if os.environ.get("TOOLKIT_REVIEW_TIMING"):
                Path(os.environ["TOOLKIT_REVIEW_TIMING"]).write_text(json.dumps(
                    {"rows": N_TIMED, "seconds": round(seconds, 3), "rows_per_minute": round(rate, 1)}))
            assert len(read_corrections(corrections)) == 1 + N_TIMED
            assert card.locator(".nf-review-status").inner_text() == f"{1 + N_TIMED} of 11 figures reviewed, 1 corrected"

            # annotate again: the new value, review = edited, and the report shows it
            assert main(["annotate", str(source), "--out", str(out), "--cache-dir", str(tmp_path / "cache"), "--quiet"]) == 0
            again = toolkit.open(out).claims.set_index("row_id").loc[dozens["row_id"]]
            assert (again["value_low"], again["value_high"], again["review"]) == (31.0, 31.0, "edited")
            [report] = render_all(out, tmp_path / "reports", notebooks=["02_casualty_claims"])
            html = Path(report).read_text(encoding="utf-8")
            assert f"{1 + N_TIMED} of 11 figures reviewed, 1 corrected" in html
            assert "value_low: 24 → 31" in html and "edited" in html

            # the article's text changes under the correction: the notebook shows the orphan with its sentence
            path = source / f"{KYIV_STRIKE}.txt"
            path.write_text(path.read_text(encoding="utf-8").replace("which killed dozens", "which killed at least 28"),
                            encoding="utf-8")
            assert main(["annotate", str(source), "--out", str(out), "--cache-dir", str(tmp_path / "cache"), "--quiet"]) == 0
            run_all(page, base, token, "review.ipynb")  # the same kernel runs every cell again on the new tables
            orphans = page.locator(".jp-OutputArea table").filter(has_text="orphan")
            orphans.first.wait_for(timeout=180_000)
            assert "the article's text changed" in orphans.first.inner_text()
            assert "which killed dozens" in orphans.first.inner_text()
        except Exception:
            page.screenshot(path=str(Path(os.environ.get("TOOLKIT_DEBUG_DIR", "/tmp")) / "review_jupyterlab_failure.png"))
            raise
        finally:
            browser.close()
