"""The reports in a real browser: Debian's Chromium driven by Playwright,
every request that is not ``file:`` aborted (and recorded). Charts draw,
a bound dropdown changes its chart, widgets render from stored state, the
console stays clean, and a hostile article shows as text without running."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ensure_annotated_hostile, ensure_annotated_sample, ensure_rendered

pytestmark = [pytest.mark.browser, pytest.mark.slow]

from toolkit.report.browser import CHROMIUM_ARGS, require_chromium

#: how long a UI reaction may take: generous, because CI machines and shared ones are slow,
#: and a wait returns as soon as the condition holds
UI_WAIT_MS = 30_000


@pytest.fixture(scope="module")
def browser():
    chromium = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
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


@pytest.fixture(scope="module")
def reports_claims(tmp_path_factory) -> Path:
    base = tmp_path_factory.getbasetemp()
    corpus = ensure_annotated_sample(base / "annotated_sample")
    return ensure_rendered(corpus, base / "reports_sample", ["02_casualty_claims"])["02_casualty_claims"]


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
                           arg=[chart.element_handle(), before], timeout=UI_WAIT_MS)
    after = bars.count()
    assert 0 < after < before
    assert view.errors == []
    page.close()


def table_named(page, title: str):
    return page.locator(".nf-table-container[data-live]").filter(has=page.locator("h4", has_text=title)).first


def visible_rows(table) -> list[list[str]]:
    return [[c.strip() for c in row.locator("td").all_inner_texts()] for row in table.locator("tbody tr").all()]


def test_table_sorts_filters_and_pages_without_a_kernel(browser, reports, tmp_path_factory):
    from toolkit.corpus import AnnotatedCorpus

    corpus = AnnotatedCorpus.open(tmp_path_factory.getbasetemp() / "annotated_sample")
    view = OfflinePage(browser, reports["01_actors"])
    page = view.page
    table = table_named(page, "Every actor mention")
    total = len(corpus.mentions)
    assert table.get_attribute("data-rows") == str(total), "every mention is in the report"
    assert len(visible_rows(table)) == 25  # first page
    info = table.locator(".nf-info")
    assert f"of {total:,}" in info.inner_text() and "page 1 of" in info.inner_text()
    first_page = visible_rows(table)
    table.locator(".nf-next").click()
    assert "page 2 of" in info.inner_text() and visible_rows(table) != first_page
    # sort by outlet, descending on a second click
    header = table.locator("th", has_text="Outlet").first
    header.click()
    outlets = [r[0] for r in visible_rows(table)]
    assert header.get_attribute("aria-sort") == "ascending" and outlets == sorted(outlets, key=str.lower)
    header.click()
    assert header.get_attribute("aria-sort") == "descending"
    assert visible_rows(table)[0][0] == max(corpus.articles["outlet"].astype(str), key=str.lower)
    # text filter (every cell, the sentence too): Putin's mentions and the others in his sentences
    putin = int((corpus.mentions["actor"] == "Vladimir Putin").sum())
    table.locator(".nf-filter").fill("vladimir putin")
    page.wait_for_function("([el, n]) => el.getAttribute('data-rows') !== String(n)",
                           arg=[table.element_handle(), total], timeout=UI_WAIT_MS)
    assert putin <= int(table.get_attribute("data-rows")) < total
    assert all("vladimir putin" in " ".join(r).lower() for r in visible_rows(table))
    # category filter on top of it
    table.locator(".nf-filter").fill("")
    page.wait_for_function("([el, n]) => el.getAttribute('data-rows') === String(n)",
                           arg=[table.element_handle(), total], timeout=UI_WAIT_MS)
    side = table.locator("select.nf-facet[data-column='Side']")
    side.select_option("Ukraine")
    assert table.get_attribute("data-rows") == str(int((corpus.mentions["side"].astype(str) == "Ukraine").sum()))
    assert view.errors == [] and view.blocked == []
    page.close()


def test_ledger_row_opens_its_article_with_the_sentence_highlighted(browser, reports_claims, tmp_path_factory):
    from toolkit.corpus import AnnotatedCorpus

    corpus = AnnotatedCorpus.open(tmp_path_factory.getbasetemp() / "annotated_sample")
    view = OfflinePage(browser, reports_claims)
    page = view.page
    ledger = table_named(page, "Casualty ledger")
    row = ledger.locator("tbody tr.nf-link").first
    cells = [c.strip() for c in row.locator("td").all_inner_texts()]
    row.click()
    viewer = page.locator("aside.nf-viewer")
    viewer.wait_for(timeout=UI_WAIT_MS)
    article = corpus.articles[corpus.articles["outlet"].astype(str) == cells[0]].iloc[0]
    assert viewer.locator(".nf-title").inner_text() == article["title"]
    assert cells[0] in viewer.locator(".nf-meta").first.inner_text()
    assert viewer.locator(".nf-evidence").inner_text().strip() == cells[-1], "the claim's sentence is the highlighted one"
    assert viewer.locator(".nf-sent").count() > 1, "with its neighbours"
    if isinstance(article["url"], str):
        assert viewer.locator("a.nf-source").get_attribute("href") == article["url"]
        assert viewer.locator("a.nf-source").get_attribute("rel") == "noopener noreferrer"
    page.keyboard.press("Escape")
    assert page.locator("aside.nf-viewer").count() == 0
    assert view.errors == [] and view.blocked == []
    page.close()


def test_search_finds_sentences_by_figure_and_opens_the_evidence(browser, reports_claims):
    view = OfflinePage(browser, reports_claims)
    page = view.page
    search = page.locator(".nf-search[data-live]")
    search.locator(".nf-search-kind").select_option("figures")
    search.locator(".nf-search-box").fill("prisoners")
    page.wait_for_function("() => document.querySelectorAll('.nf-results li').length > 0", timeout=UI_WAIT_MS)
    results = search.locator(".nf-results li")
    assert all("figure:" in r for r in results.all_inner_texts())
    first = results.first
    text = first.locator(".nf-result-text").inner_text()
    first.click()
    viewer = page.locator("aside.nf-viewer")
    assert viewer.locator(".nf-evidence").inner_text().strip() == text.strip()
    assert viewer.locator(".nf-evidence mark").inner_text().lower() == "prisoners"
    assert view.errors == [] and view.blocked == []
    page.close()


def test_csv_and_xlsx_downloads_hold_the_filtered_rows(browser, reports_claims, tmp_path):
    import csv

    import openpyxl

    view = OfflinePage(browser, reports_claims)
    page = view.page
    ledger = table_named(page, "Casualty ledger")
    ledger.locator("select.nf-facet[data-column='Outlet']").select_option("amedpost.com")
    ledger.locator("select.nf-size").select_option("500")
    shown = visible_rows(ledger)
    header = [h.strip() for h in ledger.locator("th").all_inner_texts()]
    assert 0 < len(shown) < int(ledger.get_attribute("data-rows")) + 100
    with page.expect_download() as dl:
        ledger.locator(".nf-csv").click()
    path = tmp_path / "ledger.csv"
    dl.value.save_as(path)
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0] == header and len(rows) - 1 == len(shown)
    assert [r[0] for r in rows[1:]] == ["amedpost.com"] * len(shown)
    assert [r[-1] for r in rows[1:]] == [r[-1] for r in shown], "same sentences, same order"
    with page.expect_download() as dl:
        ledger.locator(".nf-xlsx").click()
    xpath = tmp_path / "ledger.xlsx"
    dl.value.save_as(xpath)
    sheet = openpyxl.load_workbook(xpath).active
    cells = [[("" if v is None else str(v)) for v in r] for r in sheet.iter_rows(values_only=True)]
    assert cells[0] == header and len(cells) - 1 == len(shown)
    assert [r[-1] for r in cells[1:]] == [r[-1] for r in shown]
    assert [r[header.index("Figure")] for r in cells[1:]] == [r[header.index("Figure")] for r in shown]
    assert view.errors == [] and view.blocked == []
    page.close()


def test_chart_mark_opens_the_article_of_its_evidence(browser, reports):
    view = OfflinePage(browser, reports["01_actors"])
    page = view.page
    page.wait_for_function("() => document.querySelectorAll('.newsframe-chart svg.marks').length >= 3", timeout=30_000)
    mark = page.locator(".newsframe-chart").first.locator("g.mark-rect path").first
    mark.click(force=True)
    viewer = page.locator("aside.nf-viewer")
    viewer.wait_for(timeout=UI_WAIT_MS)
    assert viewer.locator(".nf-evidence").count() == 1 and viewer.locator(".nf-title").inner_text()
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
    # the hostile article in the search results and the article viewer: text, never markup
    page.locator(".nf-search-box").fill("xss")
    page.wait_for_function("() => document.querySelectorAll('.nf-results li').length > 0", timeout=UI_WAIT_MS)
    page.locator(".nf-results li").first.click()
    viewer = page.locator("aside.nf-viewer")
    assert "<script>window.__xss=" in viewer.inner_text() and viewer.locator("script, img").count() == 0
    assert viewer.locator(".nf-title").inner_text() == "<script>window.__xss='title'</script>Kharkiv <b>strike</b>"
    assert page.evaluate("() => window.__xss") is None
    assert view.blocked == []
    page.close()


#: every drawn mark that carries a side: [chart index, side group, fill colour]
SIDE_FILLS_JS = """() => {
  const out = [];
  const walk = (node, chart) => {
    if (!node || typeof node !== 'object') { return; }
    if (node.datum && typeof node.datum.side_group === 'string' && node.fill && node.opacity !== 0) {
      out.push([chart, node.datum.side_group, String(node.fill).toLowerCase()]);
    }
    (node.items || []).forEach((child) => walk(child, chart));
  };
  (window.NF.views || []).forEach((view, i) => walk(view.scenegraph().root, i));
  return out;
}"""


def side_fills(page) -> list[tuple[int, str, str]]:
    return [tuple(row) for row in page.evaluate(SIDE_FILLS_JS)]


def test_each_side_keeps_its_colour_across_charts_and_after_a_filter(browser, reports):
    """Every bar of a side, in every chart of 01 and 05, is that side's colour
    in toolkit/data/sides.yaml; picking an outlet in 05's dropdown re-draws
    the bars and no side changes colour."""
    from toolkit.charts.colours import side_colours

    expected = {side: colour.lower() for side, colour in side_colours().items()}
    seen_charts: set[tuple[str, int]] = set()
    for name in ("01_actors", "05_side_by_side"):
        view = OfflinePage(browser, reports[name])
        page = view.page
        page.wait_for_function("() => window.NF && NF.views.length >= 2", timeout=30_000)
        before = side_fills(page)
        assert len({side for _, side, _ in before}) >= 3, f"{name}: fewer than three sides drawn"
        for chart, side, fill in before:
            assert fill == expected[side], f"{name} chart {chart}: {side} drawn {fill}, not {expected[side]}"
            seen_charts.add((name, chart))
        if name == "05_side_by_side":
            select = page.locator(".newsframe-chart .vega-bind select").first
            select.select_option(label="Kyiv Post")
            page.wait_for_function(f"() => ({SIDE_FILLS_JS})().length < {len(before)}", timeout=UI_WAIT_MS)
            after = side_fills(page)
            assert after, "the filter left no side drawn"
            for chart, side, fill in after:
                assert fill == expected[side], f"after the filter, {side} drawn {fill}, not {expected[side]}"
        assert view.errors == [], view.errors
        page.close()
    assert len(seen_charts) >= 3, seen_charts


#: per chart: how much the page shrank it and its smallest text as drawn
TEXT_SIZES_JS = """() => Array.from(document.querySelectorAll('.newsframe-chart svg.marks')).map((svg) => {
  const scale = svg.getBoundingClientRect().width / parseFloat(svg.getAttribute('width'));
  let smallest = Infinity;
  svg.querySelectorAll('text').forEach((t) => {
    if (t.textContent.trim()) { smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale); }
  });
  return [scale, smallest];
})"""


def test_no_chart_is_shrunk_below_readable_text(browser, reports):
    """At a 1280-px window no chart is scaled down to fit, and no text is drawn
    under 10 px (05's top row of four panels was drawn at 7 px)."""
    for name, path in reports.items():
        view = OfflinePage(browser, path)
        view.page.wait_for_function("() => window.NF && NF.views.length >= 2", timeout=30_000)
        sizes = view.page.evaluate(TEXT_SIZES_JS)
        assert sizes, name
        for i, (scale, smallest) in enumerate(sizes):
            assert scale > 0.99, f"{name} chart {i} shrunk to {scale:.2f}"
            assert smallest >= 10, f"{name} chart {i}: text drawn at {smallest:.1f} px"
        view.page.close()


def test_choosing_a_kind_leaves_no_empty_facet_panel(browser, reports):
    """01's mentions chart has one panel per outlet; choosing a kind of actor
    drops the panels of outlets with no such actor instead of leaving them empty."""
    view = OfflinePage(browser, reports["01_actors"])
    page = view.page
    page.wait_for_function("() => window.NF && NF.views.length >= 2", timeout=30_000)
    chart_view = """(() => { const el = document.querySelector('.newsframe-chart');
                             return NF.views.find((v) => el.contains(v.container())); })()"""
    pairs = page.evaluate(f"""() => {{ const v = {chart_view};
        const name = Object.keys(v.getState({{data: () => true, signals: () => false}}).data)
                           .find((n) => n.startsWith('data-'));
        return v.data(name).map((r) => [r.outlet, r.kind]); }}""")
    panels = f"() => {chart_view}.scenegraph().root.items[0].items.find((m) => m.name === 'cell').items.length"
    every = {outlet for outlet, _ in pairs}
    by_kind: dict[str, set] = {}
    for outlet, kind in pairs:
        by_kind.setdefault(kind, set()).add(outlet)
    # a kind that not every outlet has: the case that left empty panels
    kind = next(k for k, outlets in sorted(by_kind.items()) if 0 < len(outlets) < len(every))
    assert page.evaluate(panels) == len(every), "one panel per outlet before the filter"
    page.locator(".newsframe-chart").first.locator(".vega-bind select").first.select_option(label=kind)
    page.wait_for_function(f"() => ({panels})() === {len(by_kind[kind])}", timeout=UI_WAIT_MS)
    assert view.errors == [], view.errors
    page.close()
