"""Memory that does not grow with the corpus: finished partitions' tables go
to disk (:class:`toolkit.engines.spill.TableSpill`) and are read back once,
table by table, at the end. Behaviour only (what is kept where, and that the
tables are exactly those of an in-memory run); the memory itself is measured
in ``benchmarks/`` (``bench_cli_memory.py``, the ``flat`` arm)."""

from __future__ import annotations

import importlib

import pandas as pd
import pytest

import toolkit
from toolkit.annotation import TEXT_TABLES, annotate

annotate_module = importlib.import_module("toolkit.annotation")
spill_module = importlib.import_module("toolkit.engines.spill")


@pytest.fixture
def spill_every_partition(monkeypatch):
    """Five one-article partitions of the sample, every one spilled; records
    the spills made and what the engine handed back in memory."""
    monkeypatch.setattr("toolkit.extraction.PARTITION_CHARS", 1)  # one article per partition
    monkeypatch.setattr(annotate_module, "SPILL_CHARS", 0)
    seen = {"spills": [], "kept": []}
    real_init, real_local = spill_module.TableSpill.__init__, annotate_module._annotate_local

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        seen["spills"].append(self)

    def local(*args, **kwargs):
        fresh, timings = real_local(*args, **kwargs)
        seen["kept"].append({name: len(df) for name, df in fresh.items()})
        return fresh, timings

    monkeypatch.setattr(spill_module.TableSpill, "__init__", init)
    monkeypatch.setattr(annotate_module, "_annotate_local", local)
    return seen


def test_a_spilled_run_gives_exactly_the_tables_of_an_in_memory_run(sample_corpus, annotated_sample,
                                                                       spill_every_partition):
    run = annotate(sample_corpus, cache_dir=None, progress=False)
    [spill] = spill_every_partition["spills"]
    assert spill.n_parts == 5  # each partition went to disk as it finished
    # the engine kept no rows in memory: every table comes back from the spill
    assert all(n == 0 for n in spill_every_partition["kept"][0].values())
    assert not spill.dir.exists()  # the temporary folder is gone after the run
    assert len(run.sentences) > 50 and len(run.quotes) > 0 and len(run.dates) > 0
    for name in TEXT_TABLES:
        pd.testing.assert_frame_equal(getattr(run, name), getattr(annotated_sample, name), obj=name)
    pd.testing.assert_frame_equal(run.articles, annotated_sample.articles)


def test_a_spilled_run_with_a_cache_serves_the_same_tables_next_time(sample_corpus, annotated_sample,
                                                                        spill_every_partition, tmp_path):
    first = annotate(sample_corpus, cache_dir=tmp_path, progress=False)
    again = annotate(sample_corpus, cache_dir=tmp_path, progress=False)
    assert (again.meta["n_from_cache"], again.meta["n_annotated"]) == (5, 0)
    assert len(spill_every_partition["spills"]) == 1  # nothing to annotate, nothing to spill
    for name in TEXT_TABLES:
        pd.testing.assert_frame_equal(getattr(first, name), getattr(annotated_sample, name), obj=name)
        pd.testing.assert_frame_equal(getattr(again, name), getattr(annotated_sample, name), obj=name)


def test_a_spilled_run_still_skips_and_reports_the_article_an_extractor_raises_on(
        sample_corpus, annotated_sample, spill_every_partition, monkeypatch):
    import toolkit.dates as dates

    bad = sample_corpus.articles["article_id"].iloc[1]
    real = dates.extract_dates

    def dates_fail_on_one(doc, ctx):
        if ctx.article_id == bad:
            raise ValueError("year 1600 is out of range")
        return real(doc, ctx)

    monkeypatch.setattr(dates, "extract_dates", dates_fail_on_one)
    with pytest.warns(RuntimeWarning, match="1 article.* could not be annotated"):
        run = annotate(sample_corpus, cache_dir=None, progress=False)
    assert run.meta["n_failed"] == 1 and run.meta["annotate_failures"][0]["step"] == "dates"
    assert run.load_report.set_index("article_id").loc[bad, "status"] == "skipped"
    good = [a for a in sample_corpus.articles["article_id"] if a != bad]
    assert list(run.articles["article_id"]) == good
    want = annotated_sample.sentences[annotated_sample.sentences["article_id"].isin(good)].reset_index(drop=True)
    pd.testing.assert_frame_equal(run.sentences, want)


def test_small_runs_keep_their_tables_in_memory(sample_corpus, monkeypatch):
    """Below SPILL_CHARS nothing touches the disk (the five sample articles
    are ~20,000 characters)."""
    made = []
    monkeypatch.setattr(spill_module.TableSpill, "add", lambda self, frames: made.append(frames))
    annotate(toolkit.load(sample_corpus.articles["path"].iloc[0]), cache_dir=None, progress=False)
    assert made == []


def test_a_temporary_folder_that_cannot_be_made_keeps_the_tables_in_memory(
        sample_corpus, annotated_sample, spill_every_partition, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "/tmp/toolkit-spill-x")

    monkeypatch.setattr(spill_module.tempfile, "mkdtemp", refuse)
    run = annotate(sample_corpus, cache_dir=None, progress=False)
    assert any("stay in memory" in e for e in run.meta["cache_events"])
    for name in TEXT_TABLES:
        pd.testing.assert_frame_equal(getattr(run, name), getattr(annotated_sample, name), obj=name)


def test_each_partition_hands_the_freed_heap_back(sample_corpus, annotated_sample, monkeypatch):
    """malloc_trim(0) once per finished partition (five one-article
    partitions), and the tables are those of any other run."""
    import toolkit.extraction as extraction

    calls = []
    monkeypatch.setattr("toolkit.extraction.PARTITION_CHARS", 1)
    monkeypatch.setattr(extraction, "_TRIM", [calls.append])
    run = annotate(sample_corpus, cache_dir=None, progress=False)
    assert calls == [0] * 5
    for name in TEXT_TABLES:
        pd.testing.assert_frame_equal(getattr(run, name), getattr(annotated_sample, name), obj=name)

