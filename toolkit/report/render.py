"""Render the curated notebooks to self-contained HTML reports.

Each notebook is executed top to bottom against one annotated corpus, with
its ``parameters`` cell overridden the way papermill does it (an
``injected-parameters`` cell right after it), then exported with the
project's offline template (:mod:`toolkit.report.exporter`).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

import nbformat
from traitlets.config import Config

#: the repository's notebooks folder (next to the package in a checkout or an
#: editable install)
NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"


def notebook_paths(notebooks: Iterable[str] | None = None, notebook_dir: Path = NOTEBOOK_DIR) -> list[Path]:
    """The numbered notebooks, or the ones named (``01_actors``, with or
    without ``.ipynb``, or a path)."""
    if not notebooks:
        return sorted(notebook_dir.glob("[0-9][0-9]_*.ipynb"))
    paths = []
    for name in notebooks:
        candidate = Path(name)
        if not candidate.exists():
            candidate = notebook_dir / (name if name.endswith(".ipynb") else f"{name}.ipynb")
        if not candidate.exists():
            raise FileNotFoundError(f"no notebook {name!r} in {notebook_dir}")
        paths.append(candidate)
    return paths


def inject_parameters(nb: nbformat.NotebookNode, parameters: Mapping[str, object]) -> nbformat.NotebookNode:
    """Insert an ``injected-parameters`` cell after the cell tagged
    ``parameters`` (papermill's convention), replacing an earlier injection."""
    cells = [c for c in nb.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    source = "# Parameters injected by toolkit.report.render_all\n" + "".join(
        f"{name} = {value!r}\n" for name, value in parameters.items())
    injected = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    at = next((i + 1 for i, c in enumerate(cells) if "parameters" in c.get("metadata", {}).get("tags", [])), 0)
    nb.cells = cells[:at] + [injected] + cells[at:]
    return nb


def render_notebook(path: Path, out_path: Path, parameters: Mapping[str, object]) -> Path:
    """Execute one notebook with ``parameters`` and write its HTML report."""
    from nbconvert import HTMLExporter

    from toolkit.report.exporter import configure

    config = Config()
    configure(config)
    config.ExecutePreprocessor.enabled = True
    nb = inject_parameters(nbformat.read(path, as_version=4), parameters)
    exporter = HTMLExporter(config=config)
    resources = {"metadata": {"path": str(path.parent), "name": path.stem}}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_suffix(".html.tmp")
    tmp.write_text(body, encoding="utf-8")
    os.replace(tmp, out_path)  # a failed run never leaves half a report under the real name
    return out_path


def render_all(
    corpus_dir: str | os.PathLike,
    out_dir: str | os.PathLike,
    notebooks: Iterable[str] | None = None,
    parameters: Mapping[str, object] | None = None,
    progress: bool = False,
) -> list[Path]:
    """Render every notebook (or the ones named) against ``corpus_dir`` into
    ``out_dir/<name>.html``; returns the written paths.

    ``parameters`` overrides the notebooks' parameters (``OUTLETS``,
    ``START``, ``END``); ``CORPUS_DIR`` is always the absolute ``corpus_dir``.
    ``progress`` prints a line per notebook (started; seconds and size) on stderr.
    """
    corpus_dir = Path(corpus_dir).resolve()
    if not (corpus_dir / "manifest.json").exists():
        from toolkit.report.notebook import ANNOTATE_HINT

        raise FileNotFoundError(f"no annotated corpus at {corpus_dir}; create it with: {ANNOTATE_HINT}")
    params = {**(parameters or {}), "CORPUS_DIR": str(corpus_dir)}
    out_dir = Path(out_dir)
    paths = notebook_paths(notebooks)
    written = []
    for i, path in enumerate(paths, 1):
        started = time.perf_counter()
        if progress:
            print(f"[{i}/{len(paths)}] rendering {path.stem} ...", file=sys.stderr, flush=True)
        out = render_notebook(path, out_dir / f"{path.stem}.html", params)
        if progress:
            print(f"[{i}/{len(paths)}] {path.stem}: {time.perf_counter() - started:.1f} s, "
                  f"{out.stat().st_size / 1e6:.1f} MB -> {out}", file=sys.stderr, flush=True)
        written.append(out)
    return written
