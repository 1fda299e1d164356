"""The per-article annotation cache (toolkit/cache.py) as annotate() uses it:
a re-run reads everything from the cache, appending articles parses only the
new ones, an edited article is re-annotated, and a damaged cache shard is
reported, deleted and rebuilt, giving the same tables as a fresh run."""

from __future__ import annotations

import importlib
import shutil
import warnings

import pandas as pd
import pytest

import toolkit

annotate_module = importlib.import_module("toolkit.annotation")
from toolkit.annotation import TEXT_TABLES, annotate
from toolkit.corpus import Corpus


@pytest.fixture(scope="module")
def corpus(sample_corpus):
    return sample_corpus


@pytest.fixture(scope="module")
def fresh(annotated_sample):
    return annotated_sample


@pytest.fixture(autouse=True)
def frozen_code_digest(monkeypatch):
    """Pin the code digest (part of every cache key) for each test, so a run
    is only invalidated by what the test changes; editing the toolkit's own
    files invalidates the cache, which test_changed_toolkit_code_... checks."""
    digest = toolkit.code_digest()
    monkeypatch.setattr(toolkit, "code_digest", lambda: digest)
    return digest


@pytest.fixture
def parsed_ids(monkeypatch):
    """Article ids that actually go through spaCy + the extractors."""
    seen: list[str] = []
    real = annotate_module.annotate_partition

    def spy(records, settings):
        seen.extend(r["article_id"] for r in records)
        return real(records, settings)

    monkeypatch.setattr(annotate_module, "annotate_partition", spy)
    return seen


def assert_same_tables(got, expected):
    for name in TEXT_TABLES:
        pd.testing.assert_frame_equal(getattr(got, name), getattr(expected, name), obj=name)


def shard_files(cache_dir, table):
    return sorted(cache_dir.glob(f"*/shard-*/{table}.parquet"))


def test_rerun_is_served_from_the_cache(corpus, fresh, tmp_path, parsed_ids):
    first = annotate(corpus, cache_dir=tmp_path, progress=False)
    assert (first.meta["n_annotated"], first.meta["n_from_cache"]) == (5, 0)
    parsed_ids.clear()
    again = annotate(corpus, cache_dir=tmp_path, progress=False)
    assert (again.meta["n_annotated"], again.meta["n_from_cache"]) == (0, 5)
    assert parsed_ids == []
    assert again.meta["cache_events"] == []
    assert_same_tables(again, fresh)
    assert_same_tables(first, fresh)


def test_appending_articles_annotates_only_the_new_ones(corpus, fresh, tmp_path, parsed_ids):
    old = Corpus(corpus.articles.iloc[:3].reset_index(drop=True), corpus.load_report)
    annotate(old, cache_dir=tmp_path, progress=False)
    parsed_ids.clear()
    grown = annotate(corpus, cache_dir=tmp_path, progress=False)
    new_ids = list(corpus.articles["article_id"].iloc[3:])
    assert sorted(parsed_ids) == sorted(new_ids)
    assert (grown.meta["n_annotated"], grown.meta["n_from_cache"]) == (2, 3)
    assert_same_tables(grown, fresh)


def test_an_edited_article_is_annotated_again(sample_dir, fresh, tmp_path, parsed_ids):
    folder = tmp_path / "articles"
    shutil.copytree(sample_dir, folder)
    annotate(toolkit.load(folder), cache_dir=tmp_path / "cache", progress=False)
    edited = sorted(folder.glob("*.txt"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nPeskov said talks would resume on Monday.\n",
                      encoding="utf-8")
    parsed_ids.clear()
    again = annotate(toolkit.load(folder), cache_dir=tmp_path / "cache", progress=False)
    assert parsed_ids == [again.articles["article_id"].iloc[1]]
    assert (again.meta["n_annotated"], again.meta["n_from_cache"]) == (1, 4)
    last_sentence = again.sentences[again.sentences["article_id"] == parsed_ids[0]]["text"].iloc[-1]
    assert "talks would resume on Monday" in last_sentence


def truncate(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def break_footer(path):
    """Same size, so only Parquet itself can notice: overwrite the footer magic."""
    data = bytearray(path.read_bytes())
    data[-4:] = b"XXXX"
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [truncate, break_footer], ids=["truncated", "corrupted"])
def test_a_damaged_cache_is_reported_and_rebuilt(corpus, fresh, tmp_path, damage):
    annotate(corpus, cache_dir=tmp_path, progress=False)
    [mentions] = shard_files(tmp_path, "mentions")
    damage(mentions)
    with pytest.warns(RuntimeWarning, match="corrupt"):
        rebuilt = annotate(corpus, cache_dir=tmp_path, progress=False)
    events = rebuilt.meta["cache_events"]
    assert len(events) == 1 and "mentions" in events[0]
    assert (rebuilt.meta["n_annotated"], rebuilt.meta["n_from_cache"]) == (5, 0)
    assert_same_tables(rebuilt, fresh)
    # the broken shard is gone and the rebuilt one serves the next run
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        after = annotate(corpus, cache_dir=tmp_path, progress=False)
    assert (after.meta["n_from_cache"], after.meta["cache_events"]) == (5, [])
    assert_same_tables(after, fresh)


def test_a_shard_without_manifest_is_not_trusted(corpus, fresh, tmp_path):
    annotate(corpus, cache_dir=tmp_path, progress=False)
    [manifest] = sorted(tmp_path.glob("*/shard-*/manifest.json"))
    manifest.unlink()  # what a run killed before its last write leaves behind
    with pytest.warns(RuntimeWarning, match="manifest"):
        rebuilt = annotate(corpus, cache_dir=tmp_path, progress=False)
    assert rebuilt.meta["n_annotated"] == 5
    assert_same_tables(rebuilt, fresh)


def test_a_different_catalogue_does_not_reuse_the_cache(corpus, tmp_path):
    from toolkit.actors.catalogue import default_path

    annotate(corpus, cache_dir=tmp_path / "cache", progress=False)
    custom = tmp_path / "actors.yaml"
    custom.write_text(default_path().read_text(encoding="utf-8") + "\n# a local edit\n", encoding="utf-8")
    other = annotate(corpus, cache_dir=tmp_path / "cache", catalogue=custom, progress=False)
    assert (other.meta["n_annotated"], other.meta["n_from_cache"]) == (5, 0)


def test_changed_toolkit_code_does_not_reuse_the_cache(corpus, tmp_path, monkeypatch, frozen_code_digest):
    annotate(corpus, cache_dir=tmp_path, progress=False)
    monkeypatch.setattr(toolkit, "code_digest", lambda: "0" * len(frozen_code_digest))
    edited = annotate(corpus, cache_dir=tmp_path, progress=False)
    assert (edited.meta["n_annotated"], edited.meta["n_from_cache"]) == (5, 0)
