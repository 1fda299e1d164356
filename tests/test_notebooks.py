"""Every curated notebook executes top to bottom on the annotated sample,
with the venv's own kernel, and draws its charts with the offline renderer."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from toolkit.report import inject_parameters, notebook_paths
from helpers import ensure_annotated_sample

pytestmark = pytest.mark.slow

NOTEBOOKS = notebook_paths()


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory):
    return ensure_annotated_sample(tmp_path_factory.getbasetemp() / "annotated_sample")


def test_the_six_curated_notebooks_are_there_and_committed_without_outputs():
    assert [p.stem for p in NOTEBOOKS] == ["00_corpus", "01_actors", "02_casualty_claims", "03_dates_timeline",
                                          "04_framing", "05_side_by_side"]
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        assert nb.cells[0].cell_type == "markdown" and "?" in nb.cells[0].source, "opens with its question"
        assert "parameters" in nb.cells[1].metadata.get("tags", [])
        assert all(not c.get("outputs") and not c.get("execution_count") for c in nb.cells if c.cell_type == "code")
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        assert "import pandas" not in code and "altair" not in code, "cells only call the package"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_top_to_bottom_on_the_sample(path, sample_dir):
    nb = inject_parameters(nbformat.read(path, as_version=4), {"CORPUS_DIR": str(sample_dir)})
    NotebookClient(nb, kernel_name="python3", timeout=600, resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "\n".join(o.get("data", {}).get("text/html", "") for o in outputs if "data" in o)
    assert html.count('data-newsframe="vega-bundle"') == 1, "the Vega bundle once per notebook"
    assert html.count('class="newsframe-chart"') >= 1
    # Altair's own mimetype output would fail nbformat validation in nbconvert
    assert not [o for o in outputs if any(k.startswith("application/vnd.vegalite") for k in o.get("data", {}))]
    assert "AnnotatedCorpus(articles=5" in str(outputs[1].get("data", {}).get("text/plain", ""))


@pytest.fixture(scope="session")
def articles_only_dir(sample_dir, tmp_path_factory):
    """The sample with every extractor table empty: what the notebooks see
    before the extractors land (or on a corpus where they find nothing)."""
    from toolkit.corpus import AnnotatedCorpus

    out = tmp_path_factory.getbasetemp() / "articles_only"
    if not (out / "manifest.json").exists():
        full = AnnotatedCorpus.open(sample_dir)
        AnnotatedCorpus(articles=full.articles, load_report=full.load_report).save(out)
    return out


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_says_no_rows_yet_instead_of_crashing(path, articles_only_dir):
    nb = inject_parameters(nbformat.read(path, as_version=4), {"CORPUS_DIR": str(articles_only_dir)})
    NotebookClient(nb, kernel_name="python3", timeout=600, resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "\n".join(o.get("data", {}).get("text/html", "") for o in outputs if "data" in o)
    if path.stem != "00_corpus":  # 00 reads only the articles and load report
        assert "no rows yet" in html or "no rows for this selection" in html


def test_papermill_parameters_select_outlets(sample_dir, tmp_path):
    """The parameters cell is papermill's: a user can render one outlet."""
    papermill = pytest.importorskip("papermill")
    path = [p for p in NOTEBOOKS if p.stem == "05_side_by_side"][0]
    out = tmp_path / "05_kyiv_post.ipynb"
    papermill.execute_notebook(str(path), str(out), parameters={"CORPUS_DIR": str(sample_dir), "OUTLETS": ["Kyiv Post"]},
                               kernel_name="python3", cwd=str(path.parent), progress_bar=False)
    nb = nbformat.read(out, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    text = "\n".join(str(o.get("data", {}).get("text/plain", "")) + o.get("data", {}).get("text/html", "")
                     for o in outputs if "data" in o)
    assert "AnnotatedCorpus(articles=1," in text
    summary = [o["data"]["text/html"] for o in outputs if 'class="nf-table-container"' in o.get("data", {}).get("text/html", "")][0]
    assert "Kyiv Post" in summary and "CSB News" not in summary
