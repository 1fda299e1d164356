"""The Dask engine on a real (local, loopback) cluster of two worker
processes: the same tables as the local engine, through the Python API, the
command line and the partition-wise Parquet output; a worker that would
annotate differently is refused."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import toolkit

pytest.importorskip("distributed")

from toolkit.annotation import TEXT_TABLES, Settings, annotate
from toolkit.corpus import CorruptTableError


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def client(cluster):
    # not the default client: the engine must work from an address alone, as
    # the CLI's --scheduler does in a process that has no client of its own
    from distributed import Client

    with Client(cluster, set_as_default=False) as client:
        yield client


@pytest.fixture(scope="module")
def corpus(sample_corpus):
    return sample_corpus


@pytest.fixture(scope="module")
def local(annotated_sample):
    return annotated_sample


@pytest.fixture
def settings():
    from toolkit.actors.catalogue import resolve_path

    return Settings(catalogue=str(resolve_path(None)))


def assert_same_tables(got: dict[str, pd.DataFrame], expected) -> None:
    for name in TEXT_TABLES:
        assert len(getattr(expected, name)) > 0, name
        pd.testing.assert_frame_equal(got[name], getattr(expected, name), obj=name)


def test_dask_engine_gives_the_local_tables(corpus, local, client):
    on_dask = annotate(corpus, cache_dir=None, engine="dask", scheduler=client, progress=False)
    assert on_dask.meta["engine"] == "dask" and on_dask.meta["n_annotated"] == 5
    assert_same_tables(on_dask.tables(), local)
    assert on_dask.meta["timings"]["parse"] > 0


def test_one_article_per_task_across_both_workers(corpus, local, client, settings):
    from toolkit.engines.dask import annotate_on_dask

    from toolkit.extraction import run_corpus_steps

    tables, timings = annotate_on_dask(corpus.articles, settings, scheduler=client.scheduler.address,
                                       partition_size=1)
    # per-article tables, before the corpus-level steps every engine ends with (provenance adds via_*)
    tables = run_corpus_steps({"articles": corpus.articles, **tables})
    assert_same_tables(tables, local)
    assert set(timings) >= {"parse", "actors", "quotes", "dates", "claims", "framing"}


def test_cli_runs_on_a_scheduler_address(sample_dir, local, client, tmp_path):
    from distributed import default_client

    from toolkit.cli import main

    with pytest.raises(ValueError):
        default_client()  # as in a fresh `python -m toolkit annotate --scheduler` process

    out = tmp_path / "out"
    rc = main(["annotate", str(sample_dir), "--out", str(out), "--scheduler", client.scheduler.address,
               "--no-cache", "--quiet"])
    assert rc == 0
    back = toolkit.open(out)
    assert back.meta["engine"] == "dask"
    assert_same_tables(back.tables(), local)


def test_workers_write_partitions_that_read_back_as_the_local_tables(corpus, local, client, settings, tmp_path):
    from toolkit.engines.dask import annotate_to_parquet
    from toolkit.engines.partitioned import dask_tables, open_partitioned

    out = tmp_path / "parts"
    timings = annotate_to_parquet(corpus, out, settings, scheduler=client, partition_size=2)
    assert timings["parse"] > 0
    assert len(sorted((out / "mentions").glob("part-*.parquet"))) == 3  # 5 articles in partitions of 2
    back = open_partitioned(out)
    assert_same_tables(back.tables(), local)
    assert list(back.articles["article_id"]) == list(local.articles["article_id"])
    lazy = dask_tables(out)
    assert lazy["mentions"].npartitions == 3
    assert len(lazy["mentions"].compute()) == len(local.mentions)


def test_a_truncated_part_is_refused(corpus, client, settings, tmp_path):
    from toolkit.engines.dask import annotate_to_parquet
    from toolkit.engines.partitioned import open_partitioned, read_table

    out = tmp_path / "parts"
    annotate_to_parquet(corpus, out, settings, scheduler=client, partition_size=2)
    part = out / "quotes" / "part-00001.parquet"
    part.write_bytes(part.read_bytes()[:100])
    with pytest.raises(CorruptTableError, match="part-00001"):
        open_partitioned(out)
    # the undamaged tables still read, and agree with the manifest
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(read_table(out, "sentences")) == manifest["tables"]["sentences"]["rows"] > 0


def test_a_worker_with_another_toolkit_version_is_refused(corpus, client, settings):
    from toolkit.engines.dask import annotate_on_dask

    def set_version(version):
        import toolkit as worker_toolkit

        previous = worker_toolkit.__version__
        worker_toolkit.__version__ = version
        return previous

    [previous] = set(client.run(set_version, "0.0.0-elsewhere").values())
    try:
        with pytest.raises(RuntimeError, match="0.0.0-elsewhere"):
            annotate_on_dask(corpus.articles, settings, scheduler=client)
    finally:
        client.run(set_version, previous)


def test_dask_caches_each_partition_as_it_arrives(corpus, local, client, tmp_path, monkeypatch):
    """The client stops after two partitions (as a crash would): those two are
    in the cache, and the next run annotates only the other three."""
    import toolkit.engines.dask as engine

    real = engine.run_partitions

    def two_then_crash(*args, **kwargs):
        for n, item in enumerate(real(*args, **kwargs)):
            if n == 2:
                raise RuntimeError("client stopped")
            yield item

    monkeypatch.setattr(engine, "run_partitions", two_then_crash)
    monkeypatch.setattr("toolkit.extraction.PARTITION_CHARS", 1)  # one article per task
    with pytest.raises(RuntimeError, match="client stopped"):
        annotate(corpus, cache_dir=tmp_path, engine="dask", scheduler=client, progress=False)
    assert len(list(tmp_path.glob("*/shard-*/manifest.json"))) == 2
    monkeypatch.setattr(engine, "run_partitions", real)
    resumed = annotate(corpus, cache_dir=tmp_path, engine="dask", scheduler=client, progress=False)
    assert (resumed.meta["n_from_cache"], resumed.meta["n_annotated"]) == (2, 3)
    assert_same_tables(resumed.tables(), local)
