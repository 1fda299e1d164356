"""What the notebooks' first cells call: set up the display, open the corpus,
show tables and "no rows yet" notes.

Notebook cells only call the package; everything a cell needs beyond a chart
function lives here, so the six notebooks stay short and alike.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from toolkit.charts.common import NoRows, html_table
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

    enable()
    display(HTML(bundle_html()))


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


def show_table(df, max_rows: int = 30, caption: str | None = None):
    """An escaped HTML table (article text in it stays text), or the note
    explaining why there is nothing to show. A result object holding several
    tables (an analysis returning e.g. ``events`` and ``mentions`` frames)
    shows each, captioned; anything else is passed through to display."""
    from IPython.display import HTML

    if isinstance(df, NoRows):
        return df
    if df is None or (isinstance(df, pd.DataFrame) and len(df) == 0):
        return NoRows(caption or "table", "no rows yet")
    if isinstance(df, pd.DataFrame):
        return HTML(html_table(df, max_rows=max_rows, caption=caption))
    parts = {name: value for name, value in vars(df).items() if isinstance(value, pd.DataFrame)} \
        if hasattr(df, "__dict__") else {}
    if not parts:
        return df
    return HTML("\n".join(html_table(part, max_rows=max_rows, caption=f"{name} ({len(part):,} rows)")
                          if len(part) else NoRows(name)._repr_html_() for name, part in parts.items()))


