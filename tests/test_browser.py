"""The reports in a real browser: Debian's Chromium driven by Playwright,
every request that is not ``file:`` aborted (and recorded). Charts draw,
a bound dropdown changes its chart, widgets render from stored state, the
console stays clean, and a hostile article shows as text without running."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ensure_annotated_hostile, ensure_annotated_sample, ensure_rendered

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: apt-get install -y chromium (the Makefile/CI step)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


class OfflinePage:
    """A page that aborts every non-file request and records console errors."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_selector(".vega-embed svg, .vega-embed canvas", timeout=30_000)
        self.page.wait_for_load_state("load")

    def _route(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.getbasetemp()
    corpus = ensure_annotated_sample(base / "annotated_sample")
    return ensure_rendered(corpus, base / "reports_sample", ["01_actors", "05_side_by_side"])


def test_charts_and_widgets_draw_offline_without_console_errors(browser, reports):
    for name, path in reports.items():
        view = OfflinePage(browser, path)
        charts = view.page.locator(".newsframe-chart")
        drawn = view.page.locator(".newsframe-chart svg.marks, .newsframe-chart canvas")
        view.page.wait_for_function("() => document.querySelectorAll('.newsframe-chart svg.marks').length >= "
                                    f"{charts.count()}", timeout=30_000)
        assert drawn.count() >= charts.count() >= 3, name
        assert view.errors == [], f"{name}: {view.errors}"
        assert view.blocked == [], f"{name} asked the network for {view.blocked}"
        view.page.close()


def test_bound_outlet_dropdown_filters_the_chart(browser, reports):
    view = OfflinePage(browser, reports["05_side_by_side"])
    page = view.page
    chart = page.locator(".newsframe-chart").filter(has=page.locator(".vega-bind select")).first
    bars = chart.locator("g.mark-rect path")
    before = bars.count()
    chart.locator(".vega-bind select").first.select_option(label="Kyiv Post")
    page.wait_for_function("([el, n]) => el.querySelectorAll('g.mark-rect path').length < n",
                           arg=[chart.element_handle(), before], timeout=10_000)
    after = bars.count()
    assert 0 < after < before
    assert view.errors == []
    page.close()


def test_widget_explorer_renders_from_stored_state(browser, reports):
    view = OfflinePage(browser, reports["01_actors"])
    page = view.page
    page.wait_for_selector(".widget-select-multiple select, .widget-select-multiple", timeout=30_000)
    assert page.locator(".widget-dropdown select").count() >= 2  # actor and category pickers
    sentences = page.locator("ol.newsframe-sentences li")
    assert sentences.count() >= 1 and page.locator("ol.newsframe-sentences mark").count() >= 1
    assert view.errors == [] and view.blocked == []
    page.close()


def test_hostile_article_renders_as_text(browser, tmp_path_factory):
    base = tmp_path_factory.getbasetemp()
    corpus = ensure_annotated_hostile(base / "hostile")
    path = ensure_rendered(corpus, base / "reports_hostile", ["02_casualty_claims"])["02_casualty_claims"]
    view = OfflinePage(browser, path)
    page = view.page
    assert page.evaluate("() => window.__xss") is None, "no article markup ran"
    text = page.locator("body").inner_text()
    assert "<script>window.__xss='text'</script>" in text  # shown to the reader, verbatim
    assert "Hostile <i>Outlet</i>" in text
    assert page.locator("img[src=x]").count() == 0
    assert view.blocked == []
    page.close()
