"""The helpers the notebooks' cells call (fast, no kernel): parameters
injection, corpus resolution, analyses that have not landed or fail, and the
asset checks of the inline JavaScript."""

from __future__ import annotations

import os
import shutil

import nbformat
import pytest

from toolkit.report import inject_parameters, notebook_paths, open_corpus, resolve_corpus_dir, show_table
from toolkit.report.assets import _script_safe, widget_manager
from helpers import ROOT, ensure_annotated_sample


def test_injected_parameters_follow_the_parameters_cell_and_replace_an_earlier_injection():
    nb = nbformat.read(notebook_paths(["05_side_by_side"])[0], as_version=4)
    nb = inject_parameters(nb, {"OUTLETS": ["Kyiv Post"], "CORPUS_DIR": "/x"})
    nb = inject_parameters(nb, {"OUTLETS": ["CSB News"], "CORPUS_DIR": "/y"})
    tags = [c.metadata.get("tags", []) for c in nb.cells]
    at = tags.index(["parameters"])
    assert tags[at + 1] == ["injected-parameters"] and sum("injected-parameters" in t for t in tags) == 1
    namespace: dict = {}
    exec(nb.cells[at].source + "\n" + nb.cells[at + 1].source, namespace)
    assert namespace["OUTLETS"] == ["CSB News"] and namespace["CORPUS_DIR"] == "/y"


def test_corpus_dir_comes_from_parameter_then_environment_then_default(monkeypatch, tmp_path):
    monkeypatch.delenv("TOOLKIT_CORPUS_DIR", raising=False)
    assert resolve_corpus_dir(None).as_posix() == "../build/sample"
    monkeypatch.setenv("TOOLKIT_CORPUS_DIR", str(tmp_path))
    assert resolve_corpus_dir(None) == tmp_path
    assert resolve_corpus_dir("elsewhere").as_posix() == "elsewhere"
    with pytest.raises(FileNotFoundError, match="toolkit annotate"):
        open_corpus(None)  # tmp_path holds no annotated corpus


def test_open_corpus_applies_outlet_and_date_parameters(tmp_path_factory):
    path = ensure_annotated_sample(tmp_path_factory.getbasetemp() / "annotated_sample")
    assert len(open_corpus(path)) == 5
    assert set(open_corpus(path, outlets=["Kyiv Post"]).articles["outlet"].astype(str)) == {"Kyiv Post"}
    june = open_corpus(path, start="2025-06-01", end="2025-06-30")
    assert sorted(june.articles["published"].dt.day) == [19, 21, 27]


def test_inline_javascript_cannot_end_its_script_element():
    js = _script_safe('var a = "</script><!-- x";\n//# sourceMappingURL=embed.js.map\n')
    assert "</script" not in js and "<!--" not in js and "sourceMappingURL" not in js


def test_widget_manager_is_the_pinned_npm_build_patched_for_inline_use():
    js = widget_manager()
    assert "Automatic publicPath is not supported" not in js  # the one patch applied
    assert "</script" not in js and len(js) > 1_000_000


def test_show_table_renders_each_table_of_a_result_object_escaped():
    import pandas as pd

    class Result:  # the shape of toolkit.dates.timeline / toolkit.claims.reconcile results
        def __init__(self):
            self.events = pd.DataFrame({"label": ["<script>x</script> strike"], "n": [2]})
            self.members = pd.DataFrame({"a": []})

    html = show_table(Result(), "Timeline").data
    assert "Timeline: events" in html and "&lt;script&gt;x&lt;/script&gt; strike" in html
    assert "<script>x" not in html and "\\u003cscript\\u003ex" in html  # JSON payload escaped too
    assert "Timeline: members: no rows yet" in html
    assert show_table(pd.DataFrame({"a": []}), caption="ledger").reason == "no rows yet"


def test_present_hides_ids_and_offsets_and_formats_on_the_sample_ledger(tmp_path_factory):
    import toolkit
    from toolkit.report.tables import present

    corpus = open_corpus(ensure_annotated_sample(tmp_path_factory.getbasetemp() / "annotated_sample"))
    ledger = toolkit.claims.ledger(corpus)
    shown = present(ledger, corpus=corpus)
    assert len(shown.frame) == len(ledger), "every row"
    assert not any(c in shown.frame.columns for c in ("article_id", "sent_id", "start", "end"))
    assert list(shown.frame.columns)[-1] == "Sentence"  # the text reads last
    assert "Side affected" in shown.frame.columns and "Inside a quote" in shown.frame.columns
    assert set(shown.frame["Inside a quote"]) <= {"yes", "no"}
    assert all(len(d) == 10 for d in shown.frame["Published"].dropna())  # 2025-06-21, no 00:00:00
    assert "at least" in set(shown.frame["Qualifier"]) and "at_least" not in set(shown.frame["Qualifier"])
    # each row links to its article and sentence, which holds the figure it shows
    sentences = corpus.sentences.set_index(["article_id", "sent_id"])["text"]
    for (aid, sid, *_), figure_sentence in zip(shown.links, shown.frame["Sentence"]):
        assert " ".join(sentences[(aid, sid)].split()) == figure_sentence


def test_present_spells_out_columns_and_types_numbers(tmp_path_factory):
    import toolkit
    from toolkit.report.tables import present

    corpus = open_corpus(ensure_annotated_sample(tmp_path_factory.getbasetemp() / "annotated_sample"))
    terms = present(toolkit.framing.distinctive_terms(corpus))
    types = {c["label"]: c["type"] for c in terms.columns}
    assert types["Log-odds ratio"] == "number" and types["Count in the other outlets"] == "int"
    assert "log_odds" not in terms.frame.columns and "n_rest" not in terms.frame.columns
    unknown = present(toolkit.unknown_actors(corpus), corpus=corpus)
    assert not any("\n" in str(v) for v in unknown.frame["Example"]), "article whitespace collapsed"
    assert all(link[1] is not None for link in unknown.links), "an example sentence is found in its article"
    voice = present(toolkit.framing.voice(corpus))
    assert {c["label"]: c["type"] for c in voice.columns}["Share of quotes"] == "percent"


# -- where the notebooks are found: a checkout, an installed wheel, a variable --------

def test_notebooks_are_found_next_to_the_package_in_a_checkout():
    from toolkit.report.render import NOTEBOOK_ENV, find_notebook_dir

    if not os.environ.get(NOTEBOOK_ENV):
        assert find_notebook_dir() == ROOT / "notebooks"


def test_an_installed_package_finds_the_notebooks_the_wheel_put_under_share(tmp_path, monkeypatch):
    """A wheel install: the package in site-packages with no notebooks beside it,
    the notebooks in <prefix>/share/newsframe/notebooks (pyproject's data-files)."""
    from toolkit.report.render import NOTEBOOK_ENV, find_notebook_dir, notebook_paths

    monkeypatch.delenv(NOTEBOOK_ENV, raising=False)
    package = tmp_path / "prefix" / "lib" / "python3.11" / "site-packages" / "toolkit"
    package.mkdir(parents=True)
    shared = tmp_path / "prefix" / "share" / "newsframe" / "notebooks"
    shared.mkdir(parents=True)
    for source in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        shutil.copy(source, shared / source.name)
    found = find_notebook_dir(package, prefixes=[tmp_path / "elsewhere", tmp_path / "prefix"])
    assert found == shared
    assert [p.name for p in notebook_paths(["01_actors"], notebook_dir=found)] == ["01_actors.ipynb"]
    # $TOOLKIT_NOTEBOOKS comes first
    mine = tmp_path / "mine"
    mine.mkdir()
    shutil.copy(shared / "00_corpus.ipynb", mine / "00_corpus.ipynb")
    monkeypatch.setenv(NOTEBOOK_ENV, str(mine))
    assert find_notebook_dir(package, prefixes=[tmp_path / "prefix"]) == mine


def test_no_notebooks_anywhere_is_a_clear_error(tmp_path, monkeypatch):
    from toolkit.report.render import NOTEBOOK_ENV, find_notebook_dir

    monkeypatch.delenv(NOTEBOOK_ENV, raising=False)
    package = tmp_path / "site-packages" / "toolkit"
    package.mkdir(parents=True)
    with pytest.raises(FileNotFoundError, match=r"TOOLKIT_NOTEBOOKS") as raised:
        find_notebook_dir(package, prefixes=[tmp_path / "prefix"])
    assert str(tmp_path / "prefix" / "share" / "newsframe" / "notebooks") in str(raised.value)


def test_the_wheel_ships_every_numbered_notebook():
    """pyproject.toml's data-files pattern covers each notebook the reports render."""
    import fnmatch
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["data-files"]["share/newsframe/notebooks"]
    notebooks = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert len(notebooks) >= 6
    assert all(any(fnmatch.fnmatch(nb, pattern) for pattern in patterns) for nb in notebooks)


def test_a_table_past_the_page_budget_says_what_it_left_out_and_how_to_get_it(tmp_path_factory):
    """The ledger of the sample under a budget that the article store has used up
    but for a few rows: the table carries what fits, says how many rows it left
    out, and names the export command that writes them all."""
    import json
    import re

    from toolkit import claims
    from toolkit.report import page, tables

    corpus = open_corpus(ensure_annotated_sample(tmp_path_factory.getbasetemp() / "annotated_sample"))
    ledger = claims.ledger(corpus)
    assert len(ledger) >= 5
    full_payload = len(json.dumps(tables.interactive_table(ledger, "Casualty ledger", corpus=corpus).spec()))
    tables.reset_budget(full_payload / 2 / 1e6)  # room for about half the rows
    html = tables.interactive_table(ledger, "Casualty ledger", corpus=corpus)._repr_html_()
    carried = json.loads(re.search(r'class="nf-table-data">(.*?)</script>', html, re.S).group(1))
    assert 0 < len(carried["rows"]) < len(ledger)
    note = re.search(r'<p class="nf-left-out">(.*?)</p>', html, re.S).group(1)
    assert f"first {len(carried['rows']):,} of {len(ledger):,} rows" in note
    assert "python -m toolkit export" in note
    # the header counts against the same budget
    tables.reset_budget(50.0)
    page.header_html(corpus)
    assert tables.budget_left() < 50_000_000
    tables.reset_budget(None)
