"""The HTML reports are self-contained and offline: no script, stylesheet or
font from the network, the Vega bundle and the widget manager inline once,
widget state stored, under the size budget, article text escaped -- both
through ``render_all`` and through a plain ``jupyter nbconvert`` run."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.report.__main__ import install_config
from helpers import ensure_annotated_hostile, ensure_annotated_sample, ensure_rendered

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000
REMOTE_SCRIPT = re.compile(r"<script[^>]*\ssrc\s*=", re.IGNORECASE)
REMOTE_LINK = re.compile(r"<link[^>]*href\s*=\s*[\"']?(https?:)?//", re.IGNORECASE)
REMOTE_CSS = re.compile(r"(@import\s+url\(\s*[\"']?https?:|[^*]\burl\(\s*[\"']?https?://)", re.IGNORECASE)
REMOTE_MODULE = re.compile(r"import\(\s*[\"']https?://", re.IGNORECASE)


@pytest.fixture(scope="session")
def sample_reports(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.getbasetemp()
    corpus = ensure_annotated_sample(base / "annotated_sample")
    return ensure_rendered(corpus, base / "reports_sample", ["01_actors", "05_side_by_side"])


@pytest.fixture(scope="session")
def hostile_report(tmp_path_factory) -> Path:
    base = tmp_path_factory.getbasetemp()
    corpus = ensure_annotated_hostile(base / "hostile")
    return ensure_rendered(corpus, base / "reports_hostile", ["02_casualty_claims"])["02_casualty_claims"]


def assert_offline(html: str) -> None:
    assert not REMOTE_SCRIPT.search(html), "every script is inline"
    assert not REMOTE_LINK.search(html), "no stylesheet or font link"
    outside_comments = re.sub(r"/\*.*?\*/", "", html, flags=re.DOTALL)
    assert not REMOTE_CSS.search(outside_comments), "no CSS import or font from the network"
    assert not REMOTE_MODULE.search(html), "no module imported from a CDN (mermaid, mathjax)"
    for cdn in ("unpkg.com", "cdnjs.cloudflare.com", "cdn.jsdelivr.net/npm/vega"):
        assert f'src="https://{cdn}' not in html and f"src='https://{cdn}" not in html


def test_reports_are_offline_and_within_budget(sample_reports):
    for name, path in sample_reports.items():
        html = path.read_text(encoding="utf-8")
        assert_offline(html)
        assert path.stat().st_size <= 5 * MB, f"{name}: {path.stat().st_size / MB:.1f} MB"
        assert html.count('data-newsframe="vega-bundle"') == 1
        assert html.count('class="newsframe-chart"') >= 2


def test_explorer_becomes_a_table_with_every_row_and_no_frozen_widget(sample_reports, tmp_path_factory):
    from toolkit.corpus import AnnotatedCorpus

    html = sample_reports["01_actors"].read_text(encoding="utf-8")
    corpus = AnnotatedCorpus.open(tmp_path_factory.getbasetemp() / "annotated_sample")
    assert 'data-newsframe="static-explorer"' in html
    assert 'data-newsframe="widget-manager"' not in html, "no widget left, so no widget manager"
    assert "application/vnd.jupyter.widget-view+json" not in html
    assert html.count('data-newsframe="runtime"') == 1
    # the mentions table carries every mention, and the article store every article
    assert f"{len(corpus.mentions):,} rows" in html
    assert html.count('class="nf-articles"') == 1
    for title in corpus.articles["title"].dropna():
        assert json_text(title) in html


def json_text(text: str) -> str:
    from toolkit.report.altair_offline import script_json

    return script_json(" ".join(text.split()))[1:-1]


def test_report_hides_code_and_shows_the_question(sample_reports):
    html = sample_reports["05_side_by_side"].read_text(encoding="utf-8")
    assert "report.open_corpus" not in html, "code cells are hidden in the report"
    assert "How does each outlet cover the story on all four dimensions" in html


def test_hostile_article_is_text_not_markup(hostile_report):
    html = hostile_report.read_text(encoding="utf-8")
    assert_offline(html)
    # neither the article's script nor its image tag nor the outlet's markup
    # reaches the page as markup: escaped as HTML, or as \u003c inside JSON
    for raw in ("<script>window.__xss", "<img src=x onerror", "<i>Outlet</i>", "<b>strike</b>"):
        assert raw not in html
    assert "&lt;script&gt;window.__xss=&#x27;text&#x27;&lt;/script&gt;" in html or \
        "&lt;script&gt;window.__xss='text'&lt;/script&gt;" in html


def test_plain_nbconvert_from_the_project_root_gives_the_offline_report(tmp_path, tmp_path_factory):
    """What a user types, with the config `make install` puts in the
    environment (here into a scratch prefix on JUPYTER_CONFIG_PATH)."""
    corpus = ensure_annotated_sample(tmp_path_factory.getbasetemp() / "annotated_sample")
    config = install_config(tmp_path / "prefix")
    env = {**os.environ, "JUPYTER_CONFIG_PATH": str(config.parent), "TOOLKIT_CORPUS_DIR": str(corpus)}
    jupyter = Path(sys.executable).with_name("jupyter")
    subprocess.run([str(jupyter), "nbconvert", "--to", "html", "--execute", "notebooks/03_dates_timeline.ipynb",
                    "--output-dir", str(tmp_path)], cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
    html = (tmp_path / "03_dates_timeline.html").read_text(encoding="utf-8")
    assert_offline(html)
    assert html.count('data-newsframe="vega-bundle"') == 1
    assert html.count('data-newsframe="runtime"') == 1
    assert 'data-newsframe="static-explorer"' in html and 'data-newsframe="widget-manager"' not in html
    assert "report.open_corpus" not in html


def test_install_config_never_overwrites_a_foreign_config(tmp_path):
    path = tmp_path / "etc" / "jupyter" / "jupyter_nbconvert_config.py"
    path.parent.mkdir(parents=True)
    path.write_text("c.HTMLExporter.theme = 'dark'\n")
    with pytest.raises(SystemExit):
        install_config(tmp_path)
    assert path.read_text() == "c.HTMLExporter.theme = 'dark'\n"
    path.unlink()
    assert "configure(c)" in install_config(tmp_path).read_text()
