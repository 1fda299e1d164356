"""annotate's per-call work is cached (issue 14, seventh pass): the catalogue,
the sources list, the pipeline built with the catalogue and the code digest
are read once per content, so an edit between two calls is picked up and
repeated calls give the same tables."""

from __future__ import annotations

import os

import pandas as pd
import pytest

import toolkit
from toolkit.actors.catalogue import cached_catalogue, default_path, load_catalogue
from toolkit.corpus import Corpus


def _entry(text: str, actor_id: str) -> str:
    """The lines of ``actor_id``'s entry in a catalogue file (up to the next entry or comment line)."""
    lines = text.splitlines(keepends=True)
    start = lines.index(f"- actor_id: {actor_id}\n")
    end = start + 1
    while end < len(lines) and not lines[end].startswith(("- ", "#")):
        end += 1
    return "".join(lines[start:end])


@pytest.fixture(scope="module")
def putin_article(sample_corpus):
    """The first sample article that mentions Putin by name."""
    arts = sample_corpus.articles
    i = next(i for i, t in enumerate(arts["text"]) if "Putin" in t)
    one = arts.iloc[[i]].reset_index(drop=True)
    return Corpus(one, sample_corpus.load_report[sample_corpus.load_report["article_id"].isin(one["article_id"])])


def _tables(corpus) -> dict[str, pd.DataFrame]:
    return corpus.tables()


def test_an_edited_catalogue_is_read_again_between_two_calls(putin_article, tmp_path):
    shipped = default_path().read_text(encoding="utf-8")
    path = tmp_path / "actors.yaml"
    path.write_text(shipped, encoding="utf-8")
    first = toolkit.annotate(putin_article, catalogue=path, cache_dir=None, progress=False)
    assert "putin" in set(first.mentions["actor_id"].dropna())

    # the shipped catalogue's real entry for Putin, taken out of the file
    entry = _entry(shipped, "putin")
    assert "Vladimir Putin" in entry
    path.write_text(shipped.replace(entry, ""), encoding="utf-8")
    edited = toolkit.annotate(putin_article, catalogue=path, cache_dir=None, progress=False)
    assert "putin" not in set(edited.mentions["actor_id"].dropna())
    assert edited.meta["catalogue"] != first.meta["catalogue"]

    # and put back: the same tables as the first call
    path.write_text(shipped, encoding="utf-8")
    again = toolkit.annotate(putin_article, catalogue=path, cache_dir=None, progress=False)
    assert again.meta["catalogue"] == first.meta["catalogue"]
    for name, table in _tables(first).items():
        pd.testing.assert_frame_equal(_tables(again)[name], table, obj=name)


def test_an_edit_that_keeps_the_size_and_time_of_the_file_is_seen(tmp_path):
    """The cached catalogue is checked by content, not by the file's size and time."""
    shipped = default_path().read_text(encoding="utf-8")
    path = tmp_path / "actors.yaml"
    path.write_text(shipped, encoding="utf-8")
    before = cached_catalogue(str(path))
    assert before.lookup("Vladimir Putin").actor_id == "putin"
    stat = os.stat(path)
    path.write_text(shipped.replace("actor_id: putin\n", "actor_id: puti9\n", 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert os.stat(path).st_size == stat.st_size and os.stat(path).st_mtime_ns == stat.st_mtime_ns
    after = cached_catalogue(str(path))
    assert after.lookup("Vladimir Putin").actor_id == "puti9"
    assert after.digest == load_catalogue(path).digest != before.digest


def test_an_unchanged_catalogue_is_parsed_once(tmp_path, monkeypatch):
    from toolkit.actors import catalogue as module

    path = tmp_path / "actors.yaml"
    path.write_text(default_path().read_text(encoding="utf-8"), encoding="utf-8")
    calls = []
    real = module.load_catalogue
    monkeypatch.setattr(module, "load_catalogue", lambda p=None: calls.append(p) or real(p))
    first = cached_catalogue(str(path))
    assert cached_catalogue(str(path)) is first
    assert calls == [str(path)]


def test_a_catalogue_that_became_malformed_raises(tmp_path):
    from toolkit.actors.catalogue import CatalogueError

    path = tmp_path / "actors.yaml"
    path.write_text(default_path().read_text(encoding="utf-8"), encoding="utf-8")
    cached_catalogue(str(path))
    path.write_text("- actor_id: x\n  kind: person\n", encoding="utf-8")  # no name
    with pytest.raises(CatalogueError, match="name"):
        cached_catalogue(str(path))
    path.unlink()
    with pytest.raises(CatalogueError, match="cannot read"):
        cached_catalogue(str(path))


def test_an_edited_sources_list_is_read_again(tmp_path):
    from toolkit.sourcing.sources import cached_sources
    from toolkit.sourcing.sources import default_path as sources_path

    shipped = sources_path().read_text(encoding="utf-8")
    path = tmp_path / "sources.yaml"
    path.write_text(shipped, encoding="utf-8")
    first = cached_sources(str(path))
    assert cached_sources(str(path)) is first
    assert "tass" in first.sources
    path.write_text(shipped.replace("{source_id: tass,", "{source_id: tass2,", 1), encoding="utf-8")
    second = cached_sources(str(path))
    assert "tass2" in second.sources and "tass" not in second.sources


def test_repeated_calls_give_identical_tables(putin_article):
    first = toolkit.annotate(putin_article, cache_dir=None, progress=False)
    for _ in range(2):
        again = toolkit.annotate(putin_article, cache_dir=None, progress=False)
        assert again.meta["toolkit"] == first.meta["toolkit"]
        for name, table in _tables(first).items():
            pd.testing.assert_frame_equal(_tables(again)[name], table, obj=name)


def test_the_code_digest_is_computed_again_when_a_file_changes(tmp_path, monkeypatch):
    """The stamp covers every file code_digest hashes, and a replaced
    code_digest (as tests pin it) is always the one called."""
    from pathlib import Path

    from toolkit import annotation

    root = Path(toolkit.__file__).parent
    hashed = sorted(str(p.relative_to(root)) for p in root.rglob("*")
                    if p.suffix in {".py", ".yaml", ".yml", ".csv", ".txt", ".json"} and p.is_file()
                    and "__pycache__" not in p.parts and "node_modules" not in p.parts)
    stamped = [entry[0] for entry in annotation._code_files_stamp()]
    assert set(hashed) <= set(stamped)
    assert annotation.toolkit_digest() == toolkit.code_digest()
    monkeypatch.setattr(toolkit, "code_digest", lambda: "pinned")
    assert annotation.toolkit_digest() == "pinned"
    monkeypatch.undo()
    assert annotation.toolkit_digest() == toolkit.code_digest()
    # a file changed in place (one nanosecond later) changes the stamp
    stamp = annotation._code_files_stamp()
    target, real = str(root / "schema.py"), os.stat
    monkeypatch.setattr(os, "stat", lambda p, *a, **k: _Later(real(p, *a, **k)) if str(p) == target else real(p, *a, **k))
    assert annotation._code_files_stamp() != stamp


class _Later:
    def __init__(self, st):
        self.st_size, self.st_mtime_ns = st.st_size, st.st_mtime_ns + 1


def test_in_order_tells_exactly_when_a_stable_sort_changes_nothing():
    import numpy as np

    from toolkit.extraction import _in_order

    rng = np.random.default_rng(14)
    for _ in range(300):
        n = int(rng.integers(0, 8))
        a = pd.Series(rng.integers(0, 3, n))
        b = pd.Series(rng.integers(0, 3, n), dtype="Int64")
        c = pd.Series(rng.integers(0, 3, n), dtype="Int64")
        df = pd.DataFrame({"a": a, "b": b, "c": c, "i": range(n)})
        same = df.sort_values(["a", "b", "c"], kind="stable")["i"].tolist() == list(range(n))
        assert _in_order([df["a"], df["b"], df["c"]]) == same
    assert not _in_order([pd.Series([0, 1]), pd.Series([1, None], dtype="Int64")])  # a null: sort
    assert not _in_order([pd.Series([0.0, float("nan")])])


def test_merging_without_the_conform_assembles_the_same_tables(sample_corpus):
    from toolkit.actors.catalogue import resolve_path
    from toolkit.extraction import TEXT_TABLES, Settings, annotate_partition, assemble_tables, merge_results, partitions

    settings = Settings(catalogue=str(resolve_path(None)))
    results = [annotate_partition(p, settings) for p in partitions(sample_corpus.articles, size=2)]
    for some in (results, results[:1], list(reversed(results))):
        conformed, _ = merge_results(some)
        merged, _ = merge_results(some, conform=False)
        pd.testing.assert_frame_equal(merged["annotate_failures"], conformed["annotate_failures"])
        a = assemble_tables(sample_corpus.articles, [conformed])
        b = assemble_tables(sample_corpus.articles, [merged])
        for name in TEXT_TABLES:
            pd.testing.assert_frame_equal(b[name], a[name], obj=name)


def test_tables_the_corpus_steps_conform_are_the_same_conformed_once(sample_corpus):
    """assemble_tables hands mentions, claims and quotes to the corpus steps
    unconformed (they conform them): the same tables as conforming them
    first, on partitions of one and two articles (empty tables included)."""
    from toolkit import extraction
    from toolkit.actors.catalogue import resolve_path
    from toolkit.extraction import Settings, annotate_partition, assemble_tables, merge_results, partitions

    settings = Settings(catalogue=str(resolve_path(None)))
    arts = sample_corpus.articles
    for size in (1, 2):
        results = [annotate_partition(p, settings) for p in partitions(arts, size=size)]
        for some in ([r] for r in results):
            merged, _ = merge_results(some, conform=False)
            ids = set(merged["sentences"]["article_id"])
            part = arts[arts["article_id"].isin(ids)].reset_index(drop=True)
            once = assemble_tables(part, [merged])
            real = extraction.RECONFORMED_BY_STEPS
            try:
                extraction.RECONFORMED_BY_STEPS = frozenset()
                twice = assemble_tables(part, [merged])
            finally:
                extraction.RECONFORMED_BY_STEPS = real
            for name, table in twice.items():
                pd.testing.assert_frame_equal(once[name], table, obj=name)
