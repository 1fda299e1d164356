"""Offline HTML reports from the curated notebooks.

```python
from toolkit import report
report.render_all("build/sample", "reports")         # every notebook -> reports/<name>.html
report.setup()                                        # first cell of a notebook
corpus = report.open_corpus(CORPUS_DIR, outlets=OUTLETS, start=START, end=END)
report.header(corpus)                                 # corpus balance, article viewer, sentence search
report.show_table(df, "Title", "one line", corpus=corpus)   # every row, sort/filter/page/export
report.explore(corpus, "claims")                      # live widgets in JupyterLab, a table in the report
```

See :mod:`toolkit.report.altair_offline` (charts without a CDN),
:mod:`toolkit.report.exporter` (the nbconvert settings and template) and
:mod:`toolkit.report.assets` (where the inline JavaScript comes from).
"""

from __future__ import annotations

from toolkit.report.notebook import explore, header, open_corpus, resolve_corpus_dir, setup, show_table
from toolkit.report.render import inject_parameters, notebook_paths, render_all, render_notebook

__all__ = ["explore", "header", "inject_parameters", "notebook_paths", "open_corpus", "render_all",
           "render_notebook", "resolve_corpus_dir", "setup", "show_table"]
