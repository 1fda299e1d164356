"""Render the curated notebooks to self-contained HTML reports.

Each notebook is executed top to bottom against one annotated corpus, with
its ``parameters`` cell overridden the way papermill does it (an
``injected-parameters`` cell right after it), then exported with the
project's offline template (:mod:`toolkit.report.exporter`).
"""

from __future__ import annotations

import os
import sys
import sysconfig
import time
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import nbformat

#: set in the processes a render starts (workers and kernels): jsonschema,
#: imported by nbformat and Altair, loads the optional ``rfc3987_syntax``
#: for its "iri" format check, which builds a grammar on import (about 2 s of
#: CPU, in every kernel and worker); nothing in a report checks IRIs. The
#: caller's own process is left alone.
SKIP_SLOW_IMPORTS = "import sys; sys.modules.setdefault('rfc3987_syntax', None)"

#: overrides where the notebooks are looked for
NOTEBOOK_ENV = "TOOLKIT_NOTEBOOKS"
#: where an installed wheel puts them (``[tool.setuptools.data-files]`` in
#: pyproject.toml), under the environment's data directory
INSTALLED_NOTEBOOKS = Path("share") / "newsframe" / "notebooks"
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"


def notebook_candidates(package_dir: Path | None = None, prefixes: Iterable[str | os.PathLike] | None = None) -> list[Path]:
    """Where the curated notebooks may be, in order: ``$TOOLKIT_NOTEBOOKS``;
    ``notebooks/`` next to the package (a checkout or an editable install);
    ``<prefix>/share/newsframe/notebooks`` (a wheel install: the environment's
    data directory, ``sys.prefix``, the user scheme)."""
    package_dir = Path(package_dir) if package_dir else Path(__file__).resolve().parents[1]
    if prefixes is None:
        prefixes = [sysconfig.get_path("data"), sys.prefix, sysconfig.get_path("data", f"{os.name}_user")]
    out = [Path(os.environ[NOTEBOOK_ENV])] if os.environ.get(NOTEBOOK_ENV) else []
    out.append(package_dir.parent / "notebooks")
    out.extend(Path(p) / INSTALLED_NOTEBOOKS for p in prefixes if p)
    return list(dict.fromkeys(out))


def find_notebook_dir(package_dir: Path | None = None, prefixes: Iterable[str | os.PathLike] | None = None,
                      strict: bool = True) -> Path:
    """The first of :func:`notebook_candidates` that holds numbered notebooks.

    Raises:
        FileNotFoundError: none does (``strict``), naming every place looked
        in and the variable that points elsewhere; not ``strict``: the first
        candidate is returned anyway.
    """
    candidates = notebook_candidates(package_dir, prefixes)
    for candidate in candidates:
        if candidate.is_dir() and any(candidate.glob(NOTEBOOK_GLOB)):
            return candidate
    if not strict:
        return candidates[0]
    raise FileNotFoundError("the report notebooks (00_corpus.ipynb ...) are in none of: "
                            + ", ".join(str(c) for c in candidates)
                            + f"; set ${NOTEBOOK_ENV} to the folder that holds them")


#: the notebooks folder found at import (a checkout's ``notebooks/``, else
#: the installed copy); :func:`notebook_paths` looks again and says where it looked
NOTEBOOK_DIR = find_notebook_dir(strict=False)


def notebook_paths(notebooks: Iterable[str] | None = None, notebook_dir: Path | None = None) -> list[Path]:
    """The numbered notebooks, or the ones named (``01_actors``, with or
    without ``.ipynb``, or a path)."""
    if notebook_dir is None:
        notebook_dir = find_notebook_dir()
    if not notebooks:
        return sorted(notebook_dir.glob(NOTEBOOK_GLOB))
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
    import nbformat

    cells = [c for c in nb.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    source = "# Parameters injected by toolkit.report.render_all\n" + "".join(
        f"{name} = {value!r}\n" for name, value in parameters.items())
    injected = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    at = next((i + 1 for i, c in enumerate(cells) if "parameters" in c.get("metadata", {}).get("tags", [])), 0)
    nb.cells = cells[:at] + [injected] + cells[at:]
    return nb


def render_notebook(path: Path, out_path: Path, parameters: Mapping[str, object]) -> Path:
    """Execute one notebook with ``parameters`` and write its HTML report."""
    import nbformat
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    from toolkit.report.exporter import configure

    config = Config()
    configure(config)
    config.ExecutePreprocessor.enabled = True
    config.ExecutePreprocessor.extra_arguments = [f"--IPKernelApp.exec_lines={SKIP_SLOW_IMPORTS!r}"]
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
    jobs: int | None = None,
) -> list[Path]:
    """Render every notebook (or the ones named) against ``corpus_dir`` into
    ``out_dir/<name>.html``; returns the written paths, in notebook order.

    ``parameters`` overrides the notebooks' parameters (``OUTLETS``,
    ``START``, ``END``); ``CORPUS_DIR`` is always the absolute ``corpus_dir``.
    ``progress`` prints a line per notebook (started; seconds, CPU seconds and
    size) on stderr. ``jobs``: notebooks rendered at once, each in its own
    process with its own kernel (default ``$TOOLKIT_REPORT_JOBS``, else 2, at
    most the CPU count): a notebook's kernel and the exporter feeding on it
    take turns on one core, so two at a time keep two cores busy. A notebook
    that fails does not stop the others; the first failure is raised at the
    end, naming the notebook.
    """
    corpus_dir = Path(corpus_dir).resolve()
    if not (corpus_dir / "manifest.json").exists():
        from toolkit.report.notebook import ANNOTATE_HINT

        raise FileNotFoundError(f"no annotated corpus at {corpus_dir}; create it with: {ANNOTATE_HINT}")
    params = {**(parameters or {}), "CORPUS_DIR": str(corpus_dir)}
    out_dir = Path(out_dir)
    paths = notebook_paths(notebooks)
    jobs = max(1, min(jobs or int(os.environ.get(JOBS_ENV, DEFAULT_JOBS)), len(paths) or 1, os.cpu_count() or 1))
    # build the Vega bundle (cached on disk) once here, not in two kernels at once
    from toolkit.report.assets import vega_bundle

    vega_bundle()
    started = time.perf_counter()
    tasks = [(i, len(paths), path, out_dir / f"{path.stem}.html", params, progress) for i, path in enumerate(paths, 1)]
    results: dict[int, Path] = {}
    failures: list[tuple[int, str, BaseException]] = []
    if jobs == 1:
        for task in tasks:
            try:
                results[task[0]] = _render_task(task)
            except Exception as error:  # noqa: BLE001 - reported below with the notebook's name
                failures.append((task[0], task[2].stem, error))
    else:
        import multiprocessing

        # spawn: a fresh interpreter per worker (the caller may hold threads,
        # a kernel or ZMQ sockets that must not be forked)
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
            futures = {pool.submit(_render_task, task): task for task in tasks}
            for future in as_completed(futures):
                task = futures[future]
                try:
                    results[task[0]] = future.result()
                except Exception as error:  # noqa: BLE001
                    failures.append((task[0], task[2].stem, error))
    if progress:
        print(f"rendered {len(results)} of {len(paths)} notebooks in {time.perf_counter() - started:.1f} s "
              f"({jobs} at a time)", file=sys.stderr, flush=True)
    if failures:
        _, name, error = min(failures, key=lambda f: f[0])
        raise RuntimeError(f"rendering {name} failed ({len(failures)} of {len(paths)} notebooks failed): "
                           f"{type(error).__name__}: {error}") from error
    return [results[i] for i in sorted(results)]


#: notebooks rendered at once (see :func:`render_all`)
JOBS_ENV = "TOOLKIT_REPORT_JOBS"
DEFAULT_JOBS = 2


def _render_task(task) -> Path:
    """One notebook of :func:`render_all` (top-level, so a worker process can run it)."""
    i, n, path, out_path, params, progress = task
    if multiprocessing_worker():
        sys.modules.setdefault("rfc3987_syntax", None)  # our own worker process: see SKIP_SLOW_IMPORTS
    started, cpu = time.perf_counter(), _cpu_seconds()
    if progress:
        print(f"[{i}/{n}] rendering {path.stem} ...", file=sys.stderr, flush=True)
    out = render_notebook(path, out_path, params)
    if progress:
        print(f"[{i}/{n}] {path.stem}: {time.perf_counter() - started:.1f} s, {_cpu_seconds() - cpu:.1f} s CPU, "
              f"{out.stat().st_size / 1e6:.1f} MB -> {out}", file=sys.stderr, flush=True)
    return out


def multiprocessing_worker() -> bool:
    """True in a process started by :func:`render_all`'s pool."""
    import multiprocessing

    return multiprocessing.parent_process() is not None


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the kernels)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system
