"""Annotate on a ``dask.distributed`` cluster.

Method: the articles are split into partitions (:func:`toolkit.extraction.sized_partitions`);
each partition becomes one task running :func:`toolkit.extraction.annotate_partition`
on a worker, which builds the spaCy pipeline once per worker process (a
:class:`~distributed.WorkerPlugin` warms it up when the worker joins) and
returns small tables. Tasks are submitted through a bounded window, so the
scheduler never holds more than a few partitions of text at a time, and
results are merged in article order, so the tables equal a local run.

Before any work is sent, every worker is asked for its toolkit code digest,
model name/version and catalogue digest; a worker that would annotate
differently (another toolkit version, another model) is refused with a clear
error instead of silently producing different tables.

Source: dask.distributed futures API (https://distributed.dask.org/en/stable/futures.html)
and worker plugins (https://distributed.dask.org/en/stable/plugins.html).
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
from distributed import WorkerPlugin

from toolkit import schema
from toolkit.corpus import Corpus
from toolkit.engines.partitioned import read_table, write_manifest, write_partition
from toolkit.extraction import (CORPUS_STEPS, FAILED, PARTITION_SIZE, TEXT_TABLES, Settings, annotate_partition,
                                concat_table, failure_reasons, merge_results, run_corpus_steps, sized_partitions,
                                skip_articles)

#: partitions in flight per worker thread: enough to keep workers busy while
#: results travel back, few enough that the scheduler holds little text
IN_FLIGHT_PER_THREAD = 2

# one spaCy pipeline per worker process is shared by the worker's threads;
# spaCy does not promise thread safety (the StringStore grows while parsing),
# so tasks in one process take turns. Run workers with --nthreads 1.
_PIPELINE_LOCK = threading.Lock()


def annotate_on_dask(
    articles: pd.DataFrame,
    settings: Settings,
    *,
    scheduler: Any = None,
    progress: bool = False,
    partition_size: int = PARTITION_SIZE,
    on_partition: Callable[[dict[str, pd.DataFrame], list[str]], None] | None = None,
    keep: bool = True,
) -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
    """Annotate ``articles`` on a Dask cluster; return one frame per text table
    and the worker seconds spent per step (summed over workers).

    ``scheduler`` is an address (``"tcp://host:8786"``), a
    :class:`distributed.Client`, or ``None`` (the current default client, else
    a temporary local cluster with one single-threaded worker per core).
    Partitions hold at most ``partition_size`` articles and
    :data:`toolkit.extraction.PARTITION_CHARS` characters (a worker's parser
    memory grows with the text of a batch). ``on_partition(frames,
    article_ids)`` is called in this process as each partition's result
    arrives (:func:`toolkit.annotation.annotate` caches it then).
    ``keep=False``: the tables are not kept (``on_partition`` has them, e.g.
    :class:`toolkit.engines.spill.TableSpill`); only the timings are returned.
    """
    results: dict[int, tuple[dict[str, pd.DataFrame], dict[str, float]]] = {}
    parts = sized_partitions(articles, max_articles=partition_size)
    with connect(scheduler) as client:
        worker_settings = prepare_workers(client, settings)
        for index, result in run_partitions(client, _annotate_task, parts, worker_settings,
                                            progress=progress, desc="annotate (dask)"):
            if on_partition is not None:
                on_partition(result[0], [r["article_id"] for r in parts[index]])
            results[index] = result if keep else ({}, result[1])
    # merge in partition order: the tables come out in article order, as locally
    return merge_results(results[i] for i in sorted(results))


def annotate_to_parquet(
    corpus: Corpus | pd.DataFrame,
    out_dir: str | os.PathLike,
    settings: Settings | None = None,
    *,
    scheduler: Any = None,
    progress: bool = False,
    partition_size: int = PARTITION_SIZE,
) -> dict[str, float]:
    """Annotate on a Dask cluster and have each worker write its partition's
    tables to ``out_dir`` (see :mod:`toolkit.engines.partitioned`); only row
    counts travel back, so the tables never have to fit in one memory.

    ``out_dir`` must be reachable under the same path by the workers (a
    shared filesystem). Returns the worker seconds per step; read the output
    with :func:`toolkit.engines.partitioned.open_partitioned` or
    :func:`~toolkit.engines.partitioned.dask_tables`. No annotation cache is
    used. ``settings=None`` means the default model and shipped catalogue.
    """
    from toolkit.actors.catalogue import resolve_path

    if settings is None:
        settings = Settings(catalogue=str(resolve_path(None)))
    articles = corpus.articles if isinstance(corpus, Corpus) else corpus
    load_report = corpus.load_report if isinstance(corpus, Corpus) else schema.frame("load_report")
    out_dir = Path(out_dir).absolute()
    out_dir.mkdir(parents=True, exist_ok=True)
    parts = sized_partitions(articles, max_articles=partition_size)
    written: dict[int, dict] = {}
    timings: list[dict[str, float]] = []
    failed: list[pd.DataFrame] = []
    with connect(scheduler) as client:
        worker_settings = prepare_workers(client, settings)
        for index, (info, seconds, skipped) in run_partitions(client, _annotate_and_write, parts, worker_settings,
                                                              str(out_dir), progress=progress,
                                                              desc="annotate (dask, to parquet)"):
            written[index] = info
            timings.append(seconds)
            failed.append(skipped)
    # articles an extractor raised on were skipped by their worker: reported as locally
    articles, load_report = skip_articles(articles, load_report,
                                          failure_reasons(concat_table(FAILED, failed)))
    _run_corpus_steps(out_dir, written, articles, parts)
    own = [write_partition({"articles": schema.conform("articles", articles),
                            "load_report": schema.conform("load_report", load_report)}, out_dir, 0)]
    meta = {**environment_signature(settings, loaded=False), "engine": "dask", "n_articles": int(len(articles)),
            "partition_size": partition_size}
    write_manifest(out_dir, own + [written[i] for i in sorted(written)], meta)
    return {step: round(sum(t.get(step, 0.0) for t in timings), 3) for step in (timings[0] if timings else {})}


def _run_corpus_steps(out_dir: Path, written: dict[int, dict], articles: pd.DataFrame,
                      parts: list[list[dict]]) -> None:
    """The corpus-level steps :func:`toolkit.annotation.annotate` runs after the
    per-article work (:data:`toolkit.extraction.CORPUS_STEPS`), on the written
    parts: only the tables the steps read are read back; each table a step
    writes is split by article into the partitions again and rewritten (a
    table without ``article_id`` is written whole, as part 0)."""
    order = sorted(written)
    reads = {name for step in CORPUS_STEPS for name in step.reads if name in TEXT_TABLES}
    if not order or not reads:
        return
    manifest = {"tables": {}}
    for i in order:
        for name, info in written[i].items():
            manifest["tables"].setdefault(name, {"parts": []})["parts"].append(info)
    tables = {name: read_table(out_dir, name, manifest) for name in reads}
    result = run_corpus_steps({"articles": articles, **tables})
    changed = {name: df for name, df in result.items() if name != "articles" and df is not tables.get(name)}
    partition_of = {r["article_id"]: i for i, part in enumerate(parts) for r in part}
    for name, df in changed.items():
        if "article_id" not in df.columns:
            written[order[0]].update(write_partition({name: df}, out_dir, order[0]))
            continue
        where = df["article_id"].map(partition_of)
        for i in order:
            part = df[where == i].reset_index(drop=True)
            written[i].update(write_partition({name: part}, out_dir, i))


def _annotate_task(index: int, records: list[dict], settings: Settings) -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
    """Task body: :func:`annotate_partition` under the worker's pipeline lock."""
    with _PIPELINE_LOCK:
        return annotate_partition(records, settings)


def _annotate_and_write(index: int, records: list[dict], settings: Settings, out_dir: str):
    """Task body for :func:`annotate_to_parquet`: annotate, sort rows as
    :func:`toolkit.annotation.annotate` does, write, return the part infos,
    the seconds per step and the articles skipped (``annotate_failures``)."""
    frames, seconds = _annotate_task(index, records, settings)
    skipped = frames.pop(FAILED)
    order = pd.Series([r["article_id"] for r in records])
    frames = {name: concat_table(name, [df], order=order) for name, df in frames.items()}
    return write_partition(frames, out_dir, index), seconds, skipped


# -- cluster plumbing --------------------------------------------------------

class connect:
    """Context manager yielding a ``Client`` for ``scheduler`` (see
    :func:`annotate_on_dask`); closes only what it opened."""

    def __init__(self, scheduler: Any = None):
        self.scheduler = scheduler
        self._owned: list = []

    def __enter__(self):
        from distributed import Client, LocalCluster, default_client

        if isinstance(self.scheduler, Client):
            return self.scheduler
        if self.scheduler is None:
            try:
                return default_client()
            except ValueError:
                # no cluster given and none running: one single-threaded worker per core
                cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1,
                                       processes=True, dashboard_address=None)
                self._owned.append(cluster)
                client = Client(cluster, set_as_default=False)
                self._owned.insert(0, client)
                return client
        client = Client(self.scheduler, set_as_default=False)
        self._owned.append(client)
        return client

    def __exit__(self, *exc) -> None:
        for thing in self._owned:
            thing.close()


class PipelineWarmup(WorkerPlugin):
    """Worker plugin: build the pipeline when a worker starts (or when the
    plugin is registered), so the first task does not pay for ``spacy.load``
    and a worker that cannot build it fails before receiving work."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def setup(self, worker) -> None:
        from toolkit.actors.catalogue import cached_catalogue
        from toolkit.pipeline import cached_pipeline

        with _PIPELINE_LOCK:
            cached_pipeline(self.settings.model, self.settings.catalogue)
            cached_catalogue(self.settings.catalogue)



def portable_settings(settings: Settings) -> Settings:
    """Settings as a worker should see them: the shipped catalogue is named by
    ``None`` (each worker resolves its own installed copy; the digest check
    proves it is the same file), a custom catalogue keeps its path, which must
    be readable on the workers (a shared filesystem)."""
    from toolkit.actors.catalogue import default_path

    if settings.catalogue and Path(settings.catalogue) == default_path():
        return replace(settings, catalogue=None)
    return settings


def environment_signature(settings: Settings, *, loaded: bool = True) -> dict[str, str]:
    """What decides the annotation output in this process: toolkit version and
    code digest, spaCy model name/version, catalogue digest. ``loaded``: ask
    the pipeline this process annotates with (workers), rather than the
    installed model's metadata (the client, which need not load spaCy)."""
    from toolkit import __version__, code_digest
    from toolkit.actors.catalogue import load_catalogue
    from toolkit.pipeline import cached_pipeline, installed_model_signature, model_signature

    try:
        if loaded:
            model = model_signature(cached_pipeline(settings.model, settings.catalogue))
        else:
            model = installed_model_signature(settings.model, settings.catalogue)
        catalogue = load_catalogue(settings.catalogue).digest
    except Exception as exc:  # reported per worker by prepare_workers
        return {"error": f"{type(exc).__name__}: {exc}"}
    return {"toolkit": f"{__version__}+{code_digest()}", "model": model, "catalogue": catalogue}


def prepare_workers(client, settings: Settings) -> Settings:
    """Warm the pipeline on every worker and check each annotates exactly as
    this process would; return the settings to send with the tasks."""
    worker_settings = portable_settings(settings)
    if not cluster_workers(client):
        raise RuntimeError("the Dask cluster has no workers (start some with `dask worker ADDRESS --nthreads 1`)")
    name = "toolkit-pipeline-" + hashlib.sha256(repr(worker_settings).encode()).hexdigest()[:12]
    client.register_plugin(PipelineWarmup(worker_settings), name=name)
    expected = environment_signature(settings, loaded=False)
    seen = client.run(environment_signature, worker_settings)
    wrong = {addr: sig for addr, sig in seen.items() if sig != expected}
    if wrong:
        lines = "\n".join(f"  {addr}: {sig}" for addr, sig in sorted(wrong.items()))
        raise RuntimeError(
            "some Dask workers would annotate differently from this process "
            f"(expected {expected}):\n{lines}\n"
            "Install the same toolkit version, spaCy model and catalogue on every worker."
        )
    return worker_settings


def cluster_workers(client) -> dict[str, dict]:
    """Every worker's info (recent ``distributed`` lists only 5 unless asked)."""
    import inspect

    if "n_workers" in inspect.signature(client.scheduler_info).parameters:
        return client.scheduler_info(n_workers=-1)["workers"]
    return client.scheduler_info()["workers"]


def run_partitions(
    client,
    task: Callable,
    parts: list[list[dict]],
    *args: Any,
    progress: bool = False,
    desc: str = "dask",
) -> Iterator[tuple[int, Any]]:
    """Submit ``task(index, part, *args)`` for every partition through a bounded
    window and yield ``(partition index, result)`` as tasks finish.

    The window (:data:`IN_FLIGHT_PER_THREAD` per worker thread) keeps the
    scheduler's memory bounded on corpora far larger than the cluster; a task
    lost with its worker is retried once elsewhere.
    """
    from distributed import as_completed
    from tqdm.auto import tqdm

    threads = sum(w.get("nthreads", 1) for w in cluster_workers(client).values()) or 1
    window = max(2, IN_FLIGHT_PER_THREAD * threads)
    pending = iter(enumerate(parts))
    index_of: dict[str, int] = {}
    sizes: dict[int, int] = {}

    def submit_next(queue) -> bool:
        item = next(pending, None)
        if item is None:
            return False
        i, part = item
        future = client.submit(task, i, part, *args, pure=False, retries=1)
        index_of[future.key] = i
        sizes[i] = len(part)
        queue.add(future)
        return True

    # the client's own loop: without it as_completed looks for a *default*
    # client, and a client opened from an address is deliberately not one
    queue = as_completed(loop=client.loop)
    for _ in range(window):
        if not submit_next(queue):
            break
    bar = tqdm(total=sum(len(p) for p in parts), disable=not progress, unit="article", desc=desc)
    try:
        for future in queue:
            i = index_of.pop(future.key)
            result = future.result()  # re-raises a task's exception here, with its traceback
            future.release()
            bar.update(sizes[i])
            submit_next(queue)
            yield i, result
    finally:
        bar.close()
