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

import importlib

# imported on first use: `python -m toolkit report` and its render workers need
# only toolkit.report.render, not the charts (Altair, spaCy) a notebook needs
_NAMES = {
    "explore": "toolkit.report.notebook", "header": "toolkit.report.notebook",
    "open_corpus": "toolkit.report.notebook", "resolve_corpus_dir": "toolkit.report.notebook",
    "setup": "toolkit.report.notebook", "show_table": "toolkit.report.notebook",
    "inject_parameters": "toolkit.report.render", "notebook_paths": "toolkit.report.render",
    "render_all": "toolkit.report.render", "render_notebook": "toolkit.report.render",
}

__all__ = sorted(_NAMES)


def __getattr__(name: str):
    if name in _NAMES:
        value = getattr(importlib.import_module(_NAMES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'toolkit.report' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_NAMES})
