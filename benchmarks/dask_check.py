"""The Dask engine on a slice of a real corpus: a ``LocalCluster`` of two
single-threaded worker processes (loopback, no dashboard) against the local
engine on the same articles. Checks the tables are identical and times both.

On one 2-core machine Dask cannot beat ``n_process=2``: both use the same two
cores, and Dask adds a scheduler, task serialisation and result transfer.
The point of the engine is more machines, not this one.
"""

from __future__ import annotations

import time

import pandas as pd

from toolkit.annotation import TEXT_TABLES


def identical(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> tuple[bool, str]:
    """(True, "") if every text table is equal, else (False, first difference)."""
    for name in TEXT_TABLES:
        try:
            pd.testing.assert_frame_equal(a[name].reset_index(drop=True), b[name].reset_index(drop=True), obj=name)
        except AssertionError as exc:
            return False, f"{name}: {str(exc).splitlines()[0]}"
    return True, ""


def check(corpus) -> dict:
    """Annotate ``corpus`` on Dask and locally (``n_process=2``, then 1); compare.

    (Not against the full-corpus run restricted to the slice: annotate's
    corpus-level step, one id per person across the corpus, rightly differs
    between a corpus and a slice of it.)
    """
    from distributed import Client, LocalCluster

    from toolkit.annotation import annotate

    words = int(corpus.articles["n_words"].sum())
    started = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        cluster_seconds = time.perf_counter() - started
        started = time.perf_counter()
        on_dask = annotate(corpus, cache_dir=None, engine="dask", scheduler=client, progress=False)
        dask_seconds = time.perf_counter() - started
    started = time.perf_counter()
    local = annotate(corpus, cache_dir=None, n_process=2, progress=False)
    local_seconds = time.perf_counter() - started
    same, why = identical(on_dask.tables(), local.tables())
    serial = annotate(corpus, cache_dir=None, n_process=1, progress=False)
    same1, why1 = identical(on_dask.tables(), serial.tables())
    out = {
        "articles": len(corpus.articles), "words": words,
        "cluster_start_s": cluster_seconds,
        "dask_s": dask_seconds, "dask_words_s": words / dask_seconds,
        "local2_s": local_seconds, "local2_words_s": words / local_seconds,
        "identical_to_n_process_2": same, "difference": why,
        "identical_to_n_process_1": same1, "difference_1": why1,
        "rows": {name: len(getattr(local, name)) for name in TEXT_TABLES},
    }
    return out
