"""The notebooks live in JupyterLab: start ``jupyter lab`` on 127.0.0.1 with
a token in its own process group, open 01_actors, run all cells, pick an
actor in the explorer and see its table and sentences change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import ensure_annotated_sample, live_jupyterlab

pytestmark = [pytest.mark.browser, pytest.mark.slow]

from toolkit.report.browser import CHROMIUM_ARGS, require_chromium


@pytest.fixture
def lab(tmp_path, tmp_path_factory):
    """A JupyterLab server over a copy of the notebooks and the annotated sample."""
    corpus = ensure_annotated_sample(tmp_path_factory.getbasetemp() / "annotated_sample")
    with live_jupyterlab(tmp_path, corpus) as server:
        yield server


def test_actor_widget_redraws_chart_and_table_in_jupyterlab(lab):
    from playwright.sync_api import sync_playwright

    chromium = require_chromium()
    base, token = lab
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))
                       else r.abort())
            page.goto(f"{base}/lab/tree/01_actors.ipynb?token={token}")
            page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
            # run only once the kernel is up: cells sent while it starts can be dropped
            page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=120_000)
            page.locator(".jp-Notebook").first.click()
            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
            # the charts draw live (the offline renderer's bundle runs in the page)
            page.wait_for_selector(".jp-OutputArea .vega-embed svg", timeout=180_000)
            actor = page.locator(".widget-dropdown").filter(has_text="Actor").locator("select")
            actor.wait_for(timeout=180_000)
            status = page.locator(".jp-OutputArea .widget-html").filter(has_text="redrawn in")
            table = page.locator(".jp-OutputArea table.newsframe-table").last
            before_status, before_table = status.inner_text(), table.inner_text()
            # ipywidgets shows option labels with non-breaking spaces
            options = [o.replace("\xa0", " ") for o in actor.locator("option").all_inner_texts()]
            pick = "Volodymyr Zelensky" if "Volodymyr Zelensky" in options else options[1]
            actor.select_option(index=options.index(pick))
            page.wait_for_function("([el, before]) => el.innerText !== before",
                                   arg=[status.element_handle(), before_status], timeout=30_000)
            assert table.inner_text() != before_table
            assert pick in table.inner_text()
            assert page.locator(".jp-OutputArea ol.newsframe-sentences mark").count() >= 1
            assert page.locator(".jp-OutputArea .newsframe-chart svg").count() >= 3
        except Exception:
            page.screenshot(path=str(Path(os.environ.get("TOOLKIT_DEBUG_DIR", "/tmp")) / "jupyterlab_failure.png"))
            raise
        finally:
            browser.close()
