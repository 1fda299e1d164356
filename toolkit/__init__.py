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


def code_digest() -> str:
    """Hash of the toolkit's own code and data files: part of the annotation
    cache key, so editing an extractor or a lexicon invalidates cached tables
    even when the version number did not move."""
    import hashlib
    from pathlib import Path

    root = Path(__file__).parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if (path.suffix in {".py", ".yaml", ".yml", ".csv", ".txt", ".json"} and path.is_file()
                and "__pycache__" not in path.parts and "node_modules" not in path.parts):
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:12]
