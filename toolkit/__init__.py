"""Analyst notebook toolkit for multi-outlet news coverage.

```python
import toolkit
corpus = toolkit.load("data/articles")            # articles + load report
annotated = toolkit.annotate(corpus)              # all tables, cached
annotated.save("build/sample"); toolkit.open("build/sample")
annotated.claims, annotated.quotes, annotated.framing ...
```

Public names are imported lazily so ``import toolkit`` stays fast (spaCy is
only imported when a pipeline is needed).
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "load": ("toolkit.loading", "load"),
    "annotate": ("toolkit.annotation", "annotate"),
    "open": ("toolkit.corpus", "AnnotatedCorpus.open"),
    "Corpus": ("toolkit.corpus", "Corpus"),
    "AnnotatedCorpus": ("toolkit.corpus", "AnnotatedCorpus"),
    "unknown_actors": ("toolkit.actors", "unknown_actors"),
    "timeline": ("toolkit.dates", "timeline"),
    "build_pipeline": ("toolkit.pipeline", "build_pipeline"),
    "actors": ("toolkit.actors", None),
    "claims": ("toolkit.claims", None),
    "framing": ("toolkit.framing", None),
    "dates": ("toolkit.dates", None),
    "charts": ("toolkit.charts", None),
    "widgets": ("toolkit.widgets", None),
    "review": ("toolkit.review", None),
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str):
    try:
        module_name, attr = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'toolkit' has no attribute {name!r}") from None
    obj = importlib.import_module(module_name)
    for part in (attr.split(".") if attr else ()):
        obj = getattr(obj, part)
    globals()[name] = obj
    return obj


#: what :func:`code_files` lists: the suffixes of code and data files, and the
#: folders it never enters (the report's ``node_modules`` holds ~13,000 entries)
CODE_SUFFIXES = frozenset({".py", ".yaml", ".yml", ".csv", ".txt", ".json"})
_NOT_CODE_FOLDERS = frozenset({"__pycache__", "node_modules"})


def code_files() -> list:
    """The toolkit's own code and data files (``Path``s, sorted as paths): what
    :func:`code_digest` hashes and what ``annotation.toolkit_digest`` stamps.

    Walked without entering ``node_modules`` or ``__pycache__`` (walking them
    cost ~0.14 CPU s per digest in a working copy; issue 14, session 7) and
    without following symlinked folders, as ``Path.rglob`` did."""
    import os
    from pathlib import Path

    files = []
    for folder, dirs, names in os.walk(Path(__file__).parent):
        dirs[:] = [d for d in dirs if d not in _NOT_CODE_FOLDERS]
        files.extend(Path(folder, name) for name in names if Path(name).suffix in CODE_SUFFIXES)
    return sorted(files)


def code_digest() -> str:
    """Hash of the toolkit's own code and data files (:func:`code_files`): part
    of the annotation cache key, so editing an extractor or a lexicon
    invalidates cached tables even when the version number did not move."""
    import hashlib
    from pathlib import Path

    root = Path(__file__).parent
    h = hashlib.sha256()
    for path in code_files():
        if path.is_file():
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:12]
