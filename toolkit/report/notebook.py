"""What the notebooks' first cells call: set up the display, open the corpus,
show tables and "no rows yet" notes.

Notebook cells only call the package; everything a cell needs beyond a chart
function lives here, so the six notebooks stay short and alike.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from toolkit.charts.common import NoRows
from toolkit.corpus import AnnotatedCorpus

#: where a notebook finds its corpus when the parameter is left at ``None``
CORPUS_ENV = "TOOLKIT_CORPUS_DIR"
DEFAULT_CORPUS = Path("..") / "build" / "sample"  # relative to notebooks/
ANNOTATE_HINT = "python -m toolkit annotate data/articles --out build/sample   (or `make annotate`)"


def setup() -> None:
    """Enable the offline Altair renderer and emit the Vega bundle once.

    Call it in the notebook's first code cell: in JupyterLab the bundle runs
    in the page, in an nbconvert report it is inlined once at the top and
    every chart below draws with it.
    """
    from IPython.display import HTML, display

    from toolkit.report.altair_offline import bundle_html, enable

    from toolkit.report.page import runtime_html
    from toolkit.report.tables import reset_budget

    enable()
    reset_budget()
    display(HTML(bundle_html() + "\n" + runtime_html()))


def resolve_corpus_dir(corpus_dir: str | os.PathLike | None = None) -> Path:
    """The corpus directory a notebook reads: the parameter, else
    ``$TOOLKIT_CORPUS_DIR``, else ``../build/sample`` (the sample corpus that
    ``make annotate`` writes, seen from ``notebooks/``)."""
    chosen = corpus_dir or os.environ.get(CORPUS_ENV) or DEFAULT_CORPUS
    return Path(chosen)


def open_corpus(
    corpus_dir: str | os.PathLike | None = None,
    outlets: list[str] | str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> AnnotatedCorpus:
    """Open the annotated corpus and apply the notebook's parameters."""
    path = resolve_corpus_dir(corpus_dir)
    if not (path / "manifest.json").exists():
        raise FileNotFoundError(
            f"no annotated corpus at {path.resolve()}; create it with: {ANNOTATE_HINT}")
    corpus = AnnotatedCorpus.open(path)
    if outlets or start or end:
        corpus = corpus.filter(outlets=outlets or None, start=start or None, end=end or None)
    return corpus


def show_table(df, title: str | None = None, note: str | None = None, *, corpus: AnnotatedCorpus | None = None,
               caption: str | None = None, max_rows: int | None = None):
    """A table in plain words with every row (:mod:`toolkit.report.tables`):
    readable columns, formatted numbers and dates, a heading and a one-line
    ``note``; in the report a client-side table that sorts, filters, pages,
    opens a row's article and downloads as CSV / XLSX. Article text is
    escaped. Or the note explaining why there is nothing to show.

    A result object holding several tables (an analysis returning e.g.
    ``events`` and ``mentions`` frames) shows each under its own heading.
    """
    from IPython.display import HTML

    from toolkit.report.tables import interactive_table

    title = title or caption
    if isinstance(df, NoRows):
        return df
    if df is None or (isinstance(df, pd.DataFrame) and len(df) == 0):
        return NoRows(title or "table", "no rows yet")
    if isinstance(df, pd.DataFrame):
        return interactive_table(df, title or "Table", note, corpus=corpus, max_rows=max_rows)
    parts = {name: value for name, value in vars(df).items() if isinstance(value, pd.DataFrame)} \
        if hasattr(df, "__dict__") else {}
    if not parts:
        return df
    heading = f"{title}: " if title else ""
    return HTML("\n".join(
        interactive_table(part, f"{heading}{name.replace('_', ' ')}", note if i == 0 else None, corpus=corpus,
                          max_rows=max_rows)._repr_html_()
        if len(part) else NoRows(f"{heading}{name}")._repr_html_() for i, (name, part) in enumerate(parts.items())))


def header(corpus: AnnotatedCorpus):
    """The top of every report (the last expression of the first cell):
    corpus balance per outlet, the articles the article viewer opens, and the
    sentence search. In a notebook it also shows the corpus summary."""
    from toolkit.report.page import Header

    return Header(corpus)


def explore(corpus: AnnotatedCorpus, table: str = "mentions"):
    """The explorer over ``table``: the live ipywidgets explorer in
    JupyterLab; in the HTML report, where no kernel runs the widgets, the same
    rows as a client-side table (every row, filter by outlet, actor, category,
    text; each row opens its sentence)."""
    from toolkit.report.explorer import StaticExplorer

    return StaticExplorer(corpus, table)
