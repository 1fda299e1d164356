"""n_process=2 splits the sample into partitions annotated by two spawned
worker processes, finishing in any order; the tables must not depend on it."""

from __future__ import annotations

import pandas as pd
import pytest


from toolkit.annotation import annotate
from toolkit.extraction import TEXT_TABLES, merge_results, partitions


@pytest.fixture(scope="module")
def corpus(sample_corpus):
    return sample_corpus


@pytest.fixture(scope="module")
def serial(annotated_sample):
    return annotated_sample  # n_process=1, no cache


def test_two_processes_give_the_same_tables_as_one(corpus, serial):
    parallel = annotate(corpus, cache_dir=None, n_process=2, progress=False)
    assert parallel.meta["n_process"] == 2 and parallel.meta["n_annotated"] == len(corpus)
    for name in TEXT_TABLES:
        assert len(getattr(serial, name)) > 0, name
        pd.testing.assert_frame_equal(getattr(parallel, name), getattr(serial, name), obj=name)


def test_worker_timings_cover_every_step(corpus, serial):
    parallel = annotate(corpus, cache_dir=None, n_process=2, progress=False)
    steps = {"parse", "sentences", "actors", "quotes", "dates", "claims", "framing"}
    assert steps <= set(parallel.meta["timings"]) and steps <= set(serial.meta["timings"])
    assert parallel.meta["timings"]["parse"] > 0


def test_partitions_keep_every_article_once_in_order(corpus):
    parts = partitions(corpus.articles, size=2)
    assert [len(p) for p in parts] == [2, 2, 1]
    ids = [r["article_id"] for p in parts for r in p]
    assert ids == list(corpus.articles["article_id"])
    # records are plain Python objects (cheap to pickle): no pandas NA/NaT inside
    assert all(v is None or not pd.isna(v) for p in parts for r in p for v in r.values() if not isinstance(v, str))


def test_merging_out_of_order_results_then_annotate_order_is_stable(corpus, serial):
    from toolkit.actors.catalogue import resolve_path
    from toolkit.extraction import Settings, annotate_partition, assemble_tables

    settings = Settings(catalogue=str(resolve_path(None)))
    results = [annotate_partition(p, settings) for p in partitions(corpus.articles, size=2)]
    tables, _ = merge_results(reversed(results))
    assembled = assemble_tables(corpus.articles, [tables])
    for name in TEXT_TABLES:
        pd.testing.assert_frame_equal(assembled[name], getattr(serial, name), obj=name)
