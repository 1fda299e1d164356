"""Annotate a corpus: spaCy once per article, then every extractor.

:func:`annotate` looks each article up in the per-article cache (see
:mod:`toolkit.cache`), sends the rest to an engine, and assembles the tables.
The unit of work every engine runs is
:func:`toolkit.extraction.annotate_partition` (one partition of articles:
``nlp.pipe``, then :func:`toolkit.extraction.annotate_doc` on each ``Doc``);
this module holds the local engine — in-process (``n_process=1``) or this
process and ``n_process - 1`` spawned workers sharing the partitions
(``n_process>1``: each parses *and* extracts its share, so nothing but small
tables crosses process boundaries; :func:`share_partitions`) — while
``engine="dask"`` sends partitions to :mod:`toolkit.engines.dask`. Cached and
fresh tables become the corpus's tables in
:func:`toolkit.extraction.assemble_tables`, which also runs the corpus-level
steps. Annotating the same corpus again, or the same corpus plus new
articles, only parses what changed.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import multiprocessing
import pandas as pd

from toolkit import schema
from toolkit.corpus import AnnotatedCorpus, Corpus
# the unit of work lives in toolkit.extraction (the engines import it from
# there); the names are re-exported here for callers of the old home
from toolkit.extraction import (BATCH_SIZE, FAILED, PARTITION_CHARS, PARTITION_SIZE, TEXT_TABLES, Settings,  # noqa: F401
                                annotate_doc, annotate_partition, article_context, assemble_tables,
                                failure_reasons, guided_partitions, merge_results, partitions, sized_partitions,
                                skip_articles)


def annotate(
    corpus: Corpus | str | os.PathLike | Sequence[str | os.PathLike],
    *,
    model: str | None = None,
    catalogue: str | os.PathLike | None = None,
    cache_dir: str | os.PathLike | None = "build/cache",
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
    engine: str = "local",
    scheduler=None,
    progress: bool | None = None,
    corrections: str | os.PathLike | bool | None = None,
    sources: str | os.PathLike | None = None,
) -> AnnotatedCorpus:
    """Annotate ``corpus`` into an :class:`~toolkit.corpus.AnnotatedCorpus`.

    ``corpus`` is a :class:`~toolkit.corpus.Corpus` from :func:`toolkit.load`,
    or anything :func:`toolkit.load` accepts. ``cache_dir=None`` disables the
    cache. ``engine="dask"`` sends partitions to a ``dask.distributed``
    cluster (``scheduler``: an address such as ``"tcp://host:8786"`` or a
    ``Client``). ``progress`` shows a tqdm bar (default: on for > 50 articles).
    ``corrections``: the analyst's corrections file (see
    :mod:`toolkit.review.corrections`); default: ``corrections.csv`` in the
    source folder when present; ``False``: apply none. ``sources``: the
    agency/outlet list YAML for the ``sourcing`` table (default: the shipped
    one; a file with ``extends: default`` adds to it, see
    :mod:`toolkit.sourcing.sources`).
    """
    from toolkit import __version__
    from toolkit.actors.catalogue import cached_catalogue, resolve_path
    from toolkit.cache import AnnotationCache, CacheHit
    from toolkit.pipeline import installed_model_signature

    _check_arguments(batch_size=batch_size, n_process=n_process, cache_dir=cache_dir)
    source = corpus
    if not isinstance(corpus, Corpus):
        from toolkit.loading import load

        corpus = load(corpus)
    catalogue_path = str(resolve_path(catalogue))
    from toolkit.sourcing.sources import cached_sources

    sources_path = str(sources) if sources is not None else None
    settings = Settings(model=model, catalogue=catalogue_path, batch_size=batch_size, sources=sources_path)
    # parsed once per file content (an edited file is read again); a malformed file fails here, before any parsing
    cat = cached_catalogue(catalogue_path)
    source_list = cached_sources(sources_path)
    signature = {
        "toolkit": f"{__version__}+{toolkit_digest()}",
        "model": installed_model_signature(model, catalogue_path),
        "catalogue": cat.digest,
        "sources": source_list.digest,
    }
    articles, load_report = _refuse_too_long(corpus.articles, corpus.load_report)
    keys = _article_keys(articles, signature)
    cache = AnnotationCache(cache_dir, signature) if cache_dir is not None else None
    hit, events = cache.lookup(keys) if cache is not None else (CacheHit(), [])
    todo = articles[~articles["article_id"].isin(hit.article_ids)]
    if progress is None:
        progress = len(todo) > 50

    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    # a large run keeps its finished partitions' tables on disk, not in
    # memory, so the process does not grow with the corpus
    spill = _open_spill(todo, events)
    frozen = _freeze_collector()
    try:
        started = time.perf_counter()
        if len(todo) == 0:
            fresh, timings = {name: schema.frame(name) for name in TEXT_TABLES}, {}
        else:
            # whatever the engine, each partition is cached as it finishes: a
            # run killed midway resumes where it stopped instead of starting over
            def done(frames, ids):
                if cache is not None:
                    _store(cache, frames, keys, todo[todo["article_id"].isin(ids)], events, compact=False)
                if spill is not None:
                    spill.add(frames)

            if engine == "dask":
                from toolkit.engines.dask import annotate_on_dask

                fresh, timings = annotate_on_dask(todo, settings, scheduler=scheduler, progress=progress,
                                                  on_partition=done, keep=spill is None)
            else:
                fresh, timings = _annotate_local(todo, settings, n_process=n_process, progress=progress,
                                                 on_partition=done, keep=spill is None)
        elapsed = time.perf_counter() - started

        if cache is not None and len(todo):
            _compact(cache, events)  # the run's per-partition shards, merged once when they pile up
        # an article the parser or an extractor raised on was skipped, not the
        # run: it leaves `articles` and its load-report row says why
        if spill is not None:
            fresh, failed = spill, spill.failed()
        else:
            failed = fresh.pop(FAILED, None)
            failed = failed if failed is not None else schema.frame(FAILED)
        return _finish(source=source, articles=articles, load_report=load_report, hit=hit,
                       fresh=fresh, failed=failed, todo=todo, signature=signature, elapsed=elapsed,
                       timings=timings, events=events, engine=engine, n_process=n_process,
                       corrections=corrections, catalogue_path=catalogue_path)
    finally:
        if frozen:
            gc.unfreeze()
        if spill is not None:
            spill.close()


#: ((code_digest function, stamp of the toolkit's files), digest) of the last :func:`toolkit_digest`
_CODE_DIGEST: list = []


def toolkit_digest() -> str:
    """:func:`toolkit.code_digest`, computed again only when one of the files
    it hashes was added, removed or changed (size or modification time).

    Why: ``code_digest`` walks the whole package folder, and in a working copy
    whose ``toolkit/report/js/node_modules`` holds ~13,000 entries that walk
    cost ~0.14 CPU s at every ``annotate`` call (issue 14, seventh pass). The
    stamp (:func:`_code_files_stamp`) looks at the same files without entering
    ``node_modules`` or ``__pycache__``. A replaced ``toolkit.code_digest``
    (tests and benchmarks pin it) is always called."""
    import toolkit

    key = (toolkit.code_digest, _code_files_stamp())
    if _CODE_DIGEST and _CODE_DIGEST[0][0] == key:
        return _CODE_DIGEST[0][1]
    digest = toolkit.code_digest()
    _CODE_DIGEST[:] = [(key, digest)]
    return digest


def _code_files_stamp() -> tuple:
    """(relative path, size, mtime_ns) of every file :func:`toolkit.code_digest`
    hashes (:func:`toolkit.code_files`), in its order."""
    import toolkit

    root = os.path.dirname(os.path.abspath(toolkit.__file__))
    stamp = []
    for path in toolkit.code_files():
        try:
            st = os.stat(path)
        except OSError:
            continue
        stamp.append((os.path.relpath(path, root), st.st_size, st.st_mtime_ns))
    return tuple(stamp)


#: whether :func:`annotate` keeps what is alive when it starts (the loaded
#: pipeline above all) out of the cyclic garbage collector's scans
GC_FREEZE = True


def _freeze_collector() -> bool:
    """``gc.freeze()`` unless something froze objects already; True when this
    call froze them (and ``annotate`` unfreezes them when it returns).

    Why: the imported modules and the loaded spaCy pipeline are some 144,000
    tracked objects that live as long as the process; every full (generation
    2) collection during a run walked all of them again (0.10 s each on the
    2-core test machine; frozen: 0.007 s). Frozen, they are never scanned (the collector's
    CPU during a run, measured with ``benchmarks/gc_spread.py``:
    docs/results/scale.md, fifth pass), and a worker forked at
    ``n_process=2`` inherits the frozen state, so its collections do not
    touch (and copy) the pages the two processes share. The collector still runs: everything the
    run allocates is collected as before, so memory stays flat. A process
    that froze objects itself is left as it is.
    """
    if not GC_FREEZE or gc.get_freeze_count():
        return False
    gc.freeze()
    return True


def _finish(*, source, articles, load_report, hit, fresh, failed, todo, signature, elapsed, timings,
            events, engine, n_process, corrections, catalogue_path) -> AnnotatedCorpus:
    """Skip the failed articles, assemble the tables, apply the review."""
    if len(failed):
        import warnings

        articles, load_report = skip_articles(articles, load_report, failure_reasons(failed))
        first = failed.iloc[0]
        warnings.warn(f"{len(failed)} article(s) could not be annotated and were skipped (first: "
                      f"{first['article_id']}, {first['step']}: {first['reason']}); the load report "
                      "lists each with its reason", RuntimeWarning, stacklevel=3)
    # cached and fresh parts become the corpus's tables, and the corpus-level
    # steps run, in one place shared by every engine
    tables = assemble_tables(articles, [hit.tables, fresh])
    articles = tables.pop("articles")
    meta = {
        **signature,
        "annotated_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "n_articles": int(len(articles)),
        "n_annotated": int(len(todo) - len(failed)),
        "n_from_cache": int(len(articles) - len(todo) + len(failed)),
        "n_failed": int(len(failed)),
        "annotate_failures": ([{k: str(v) for k, v in row.items()} for row in failed.to_dict("records")]
                              if len(failed) else []),
        "seconds": round(elapsed, 3),
        "timings": timings,
        "cache_events": events,
        "engine": engine,
        "n_process": n_process,
    }
    annotated = AnnotatedCorpus(articles=articles, load_report=load_report, meta=meta, **tables)
    from toolkit.review import assemble as apply_review  # the analyst's corrections (never cached)

    return apply_review(annotated, source=source, corrections=corrections, catalogue=catalogue_path)


#: above this many characters of text to annotate, finished partitions' tables
#: are kept on disk until the end (:class:`toolkit.engines.spill.TableSpill`):
#: ~10 partitions; below it they stay in memory (no Parquet round trip)
SPILL_CHARS = 1_000_000


def _open_spill(todo: pd.DataFrame, events: list[str]):
    """A :class:`~toolkit.engines.spill.TableSpill` when ``todo`` holds more
    than :data:`SPILL_CHARS` characters, else ``None``; a temporary folder
    that cannot be created means the tables stay in memory (an event says so)."""
    if int(todo["text"].astype("string").str.len().fillna(0).sum()) <= SPILL_CHARS:
        return None
    from toolkit.engines.spill import TableSpill

    try:
        return TableSpill()
    except OSError as exc:
        events.append(f"could not create a temporary folder for finished tables ({exc}); they stay in memory")
        return None


def _annotate_local(articles: pd.DataFrame, settings: Settings, *, n_process: int, progress: bool,
                    on_partition=None, keep: bool = True):
    """Annotate partition by partition, in this process alone or, for
    ``n_process > 1``, in this process and ``n_process - 1`` spawned workers
    (:func:`share_partitions`); ``on_partition(frames, article_ids)`` is called as
    each partition finishes (the cache stores it then). ``keep=False``: the
    tables are not kept (``on_partition`` has them); only timings return."""
    from tqdm.auto import tqdm

    n_process = max(1, int(n_process))
    results: dict[int, tuple] = {}

    def finished(index: int, result, part) -> None:
        if on_partition is not None:
            on_partition(result[0], [r["article_id"] for r in part])
        results[index] = result if keep else ({}, result[1])

    if n_process == 1:
        # one partition per nlp.pipe batch: the progress bar moves per batch
        parts = sized_partitions(articles, max_articles=settings.batch_size)
        bar = tqdm(total=len(articles), disable=not progress, unit="article", desc="annotate")
        for index, part in enumerate(parts):
            finished(index, annotate_partition(part, settings), part)
            bar.update(len(part))
        bar.close()
    else:
        parts = guided_partitions(articles, n_process=n_process, max_articles=settings.batch_size)
        ctx = multiprocessing.get_context(worker_start_method(settings))
        pool = ProcessPoolExecutor(max_workers=n_process - 1, mp_context=ctx, initializer=exit_with_parent,
                                   initargs=(os.getpid(),))
        try:
            # start the workers before the progress bar starts its monitor thread (a forked
            # worker must not inherit a thread's lock): a fork pool launches them on its first task
            pool.submit(int)
            bar = tqdm(total=len(articles), disable=not progress, unit="article", desc=f"annotate x{n_process}")
            for index, result in share_partitions(pool, parts, settings, workers=n_process - 1):
                finished(index, result, parts[index])
                bar.update(len(parts[index]))
            bar.close()
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)  # a stopped run leaves no worker behind
            raise
        # every partition is back: the workers exit while this process assembles the tables
        # (waiting for them cost ~0.8 s of teardown on the critical path)
        pool.shutdown(wait=False)
    # corpus order, whatever finished first; conformed once, by assemble_tables
    return merge_results([results[i] for i in sorted(results)], conform=False)


def worker_start_method(settings: Settings) -> str:
    """``"fork"`` when this process already holds the pipeline and runs no
    other Python thread, else ``"spawn"``.

    A spawned worker starts a new interpreter, imports the toolkit and loads
    the spaCy pipeline: ~2.7 CPU s before its first article, a tenth of the
    work of 150 ru_ua_2022 articles (docs/results/scale.md). A forked worker
    starts with the pipeline this process already loaded (a script or
    benchmark that annotated before, or built it) - the way spaCy's own
    ``nlp.pipe(n_process=...)`` starts its workers on Linux. Fork is used only
    when it is safe to: no other Python thread (a progress bar's monitor, a
    Jupyter kernel's threads) can hold a lock the child would inherit locked;
    everywhere else, and whenever the pipeline would have to be loaded anyway,
    workers are spawned.
    """
    import threading

    from toolkit.pipeline import pipeline_loaded

    if ("fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
            and pipeline_loaded(settings.model, settings.catalogue)):
        return "fork"
    return "spawn"


def share_partitions(pool, parts: list[list[dict]], settings: Settings, *, workers: int):
    """``(index, result)`` of every partition as it finishes, annotated by the
    ``workers`` processes of ``pool`` *and by this process*.

    Partitions are handed out longest first (by characters: a long live blog
    never starts last). A worker gets its next partition the moment it hands
    one back (a callback of its future, on the pool's own thread), so it never
    waits for this process; this process takes the next one whenever it is
    free. At the end, each process holds at most one of the smallest.

    Why this process works too: a spawned worker needs ~3 s to start (a new
    interpreter, imports, the spaCy pipeline) before its first partition, and
    this process would otherwise only wait: with ``n_process=2`` two spawned
    workers and a waiting parent gave 1.48x the speed of one process; one
    worker and a working parent keep both cores busy while the worker starts
    (docs/results/scale.md). This process loads the pipeline once, as at
    ``n_process=1``.
    """
    import queue
    import threading

    lock = threading.Lock()
    pending = sorted(range(len(parts)), key=lambda i: sum(len(r["text"] or "") for r in parts[i]))
    arrived: queue.Queue = queue.Queue()

    def take() -> int | None:
        with lock:  # pop() takes the longest left
            return pending.pop() if pending else None

    def feed_worker() -> None:
        index = take()
        if index is None:
            return
        try:
            future = pool.submit(annotate_partition, parts[index], settings)
        except RuntimeError:  # the pool is shutting down: this run has stopped
            return
        future.add_done_callback(lambda f, i=index: handed_back(i, f))

    def handed_back(index: int, future) -> None:
        try:
            feed_worker()  # first: the worker is idle until it has the next one
        finally:
            arrived.put((index, future))

    for _ in range(workers):
        feed_worker()
    left = len(parts)
    while left:
        try:
            index, future = arrived.get_nowait()
        except queue.Empty:
            index = take()
            if index is not None:  # nothing back from the workers yet: annotate one here
                left -= 1
                yield index, annotate_partition(parts[index], settings)
                continue
            index, future = arrived.get()
        left -= 1
        yield index, future.result()


def exit_with_parent(parent_pid: int, interval: float = 1.0) -> None:
    """Worker initializer: end this worker when the process that started it
    is gone (a SIGKILLed parent cannot tell its pool to stop, and the workers
    would go on parsing for nobody). A daemon thread polls the parent id."""
    import threading

    def watch() -> None:
        while True:
            if os.getppid() != parent_pid:
                os._exit(1)
            time.sleep(interval)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


# -- helpers -----------------------------------------------------------------

def _refuse_too_long(articles: pd.DataFrame, load_report: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Drop (and report) articles spaCy would refuse (error E088) instead of
    failing the whole run on them. :func:`toolkit.load` already splits such
    texts; this catches corpora assembled by hand."""
    from toolkit.loading import MAX_ARTICLE_CHARS

    lengths = articles["text"].astype("string").str.len().fillna(0)
    long = lengths > MAX_ARTICLE_CHARS
    return skip_articles(articles, load_report, {
        str(aid): f"text of {int(n):,} characters is longer than spaCy's limit of {MAX_ARTICLE_CHARS:,} "
                  "(toolkit.load splits such texts into parts)"
        for aid, n in zip(articles.loc[long, "article_id"], lengths[long])})


def _check_arguments(*, batch_size, n_process, cache_dir) -> None:
    """Refuse settings that would silently annotate nothing (``batch_size=-1``
    used to parse no article and cache that) or fail only after all the work
    (a read-only cache folder), before anything is parsed."""
    for name, value in (("batch_size", batch_size), ("n_process", n_process)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a whole number >= 1, not {value!r}")
    if cache_dir is not None:
        check_writable(cache_dir, what="cache folder", hint="pass cache_dir=None (CLI: --no-cache) to annotate without it")


def check_writable(folder: str | os.PathLike, *, what: str, hint: str = "") -> None:
    """Raise :class:`PermissionError` with one clear sentence unless files can
    be created in ``folder``, or in its nearest existing parent when it does
    not exist yet (nothing is created). Probed with a real file, as permission
    bits do not tell (read-only mounts, root, ACLs)."""
    import tempfile

    folder = Path(folder)
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        if not probe.is_dir():
            raise NotADirectoryError(20, "Not a directory", str(probe))
        with tempfile.NamedTemporaryFile(dir=probe, prefix=".write-check-"):
            pass
    except OSError as exc:
        raise PermissionError(f"{what} {folder} is not writable ({exc.strerror or exc})"
                              + (f"; {hint}" if hint else "")) from exc


def _store(cache, fresh: dict[str, pd.DataFrame], keys: pd.DataFrame, todo: pd.DataFrame, events: list[str],
           *, compact: bool = True) -> None:
    """Cache what was annotated. An article that produced no sentence at all
    is not cached (its text was not empty, so nothing parsed it: caching that
    would serve the empty result forever); a cache that cannot be written is
    reported, never allowed to lose the annotation already done."""
    import warnings

    parsed = set(fresh["sentences"]["article_id"])
    failed = fresh.get(FAILED)
    if failed is not None and len(failed):  # skipped and reported; a later run tries them again
        todo = todo[~todo["article_id"].isin(set(failed["article_id"]))]
    done = todo["article_id"][todo["article_id"].isin(parsed)]
    if len(done) < len(todo):
        events.append(f"{len(todo) - len(done)} article(s) produced no sentences and were not cached")
    if not len(done):
        return
    ids = set(done)
    tables = {name: fresh[name][fresh[name]["article_id"].isin(ids)] for name in TEXT_TABLES}
    try:
        cache.store(tables, keys[keys["article_id"].isin(ids)], compact=compact)
    except OSError as exc:
        msg = f"could not write the annotation cache ({type(exc).__name__}: {exc}); results are not cached"
        warnings.warn(msg, RuntimeWarning, stacklevel=3)
        events.append(msg)


def _compact(cache, events: list[str]) -> None:
    """Merge the per-partition shards of a run when they pile up."""
    import warnings

    try:
        cache.compact_if_needed()
    except OSError as exc:
        msg = f"could not compact the annotation cache ({type(exc).__name__}: {exc})"
        warnings.warn(msg, RuntimeWarning, stacklevel=3)
        events.append(msg)


def _article_keys(articles: pd.DataFrame, signature: dict) -> pd.DataFrame:
    """Cache key per article: its content and every input an extractor reads
    (publication date anchors dates, outlet is the default claimant), plus the
    toolkit/model/catalogue signature."""
    import hashlib

    sig = "|".join(f"{k}={v}" for k, v in sorted(signature.items()))
    keys = []
    for row in articles[["article_id", "content_hash", "outlet", "published", "published_inferred", "title"]].itertuples(index=False):
        raw = f"{sig}|{row.article_id}|{row.content_hash}|{row.outlet}|{row.published}|{row.published_inferred}|{row.title}"
        keys.append(hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32])
    return pd.DataFrame({"article_id": articles["article_id"].astype("string").to_numpy(), "article_key": keys})
