"""n_process=2 splits the sample into partitions annotated by this process and
a spawned worker, finishing in any order; the tables must not depend on it."""

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


@pytest.mark.parametrize("partition_chars", [None, 1], ids=["default partitions", "one article each"])
def test_two_processes_give_the_same_tables_as_one(corpus, serial, partition_chars, monkeypatch):
    if partition_chars is not None:  # five partitions shared by this process and a worker, in any order
        monkeypatch.setattr("toolkit.extraction.PARTITION_CHARS", partition_chars)
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


#: the partitions :func:`_recording_partition` annotated in *this* process (a
#: worker that imports this module records into its own copy)
_HERE: list[list[str]] = []


def _recording_partition(records, settings):
    from toolkit.extraction import annotate_partition

    _HERE.append([r["article_id"] for r in records])
    return annotate_partition(records, settings)


def test_this_process_and_one_worker_share_the_partitions(corpus, serial, monkeypatch):
    """n_process=2 is this process plus one spawned worker: the worker gets the
    longest partition first, this process annotates while the worker starts."""
    import toolkit.annotation as annotate_module

    _HERE.clear()
    monkeypatch.setattr("toolkit.extraction.PARTITION_CHARS", 1)  # five one-article partitions
    monkeypatch.setattr(annotate_module, "annotate_partition", _recording_partition)
    parallel = annotate(corpus, cache_dir=None, n_process=2, progress=False)
    here = list(_HERE)
    longest = corpus.articles.loc[corpus.articles["text"].str.len().idxmax(), "article_id"]
    assert 1 <= len(here) <= 4 and [longest] not in here
    for name in TEXT_TABLES:
        pd.testing.assert_frame_equal(getattr(parallel, name), getattr(serial, name), obj=name)


def test_guided_partitions_shrink_towards_the_end_and_keep_every_article_once(corpus, monkeypatch):
    from toolkit.extraction import guided_partitions

    arts = pd.concat([corpus.articles] * 8, ignore_index=True)  # 40 real articles
    arts["article_id"] = [f"a{i}" for i in range(len(arts))]
    lengths = arts["text"].str.len()
    parts = guided_partitions(arts, n_process=2, max_articles=256, max_chars=40_000, min_chars=5_000)
    assert [r["article_id"] for p in parts for r in p] == list(arts["article_id"])
    sizes = [sum(len(r["text"]) for r in p) for p in parts]
    # at most the cap unless one article alone is longer; the first is large, the last small
    assert all(s <= 40_000 or len(p) == 1 for s, p in zip(sizes, parts))
    assert sizes[0] > 3 * sizes[-1] and len(parts) > int(lengths.sum()) // 40_000
    # the budget is never above PARTITION_CHARS (the memory bound), whatever the corpus
    assert all(len(p) == 1 for p in guided_partitions(arts, n_process=2, max_articles=256, max_chars=1))
