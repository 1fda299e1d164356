"""``annotate`` keeps the objects alive when it starts (the loaded pipeline)
out of the cyclic collector's scans while it runs, and leaves the collector
as it found it (issue 14, fifth pass)."""

from __future__ import annotations

import gc

import pytest


@pytest.fixture
def few_articles(sample_corpus):
    import toolkit

    return toolkit.Corpus(sample_corpus.articles.head(2).reset_index(drop=True), sample_corpus.load_report)


def _watch_partitions(monkeypatch):
    """Record the collector's freeze count inside every partition."""
    import toolkit.annotation as annotation

    seen = []
    real = annotation.annotate_partition

    def watched(records, settings):
        seen.append(gc.get_freeze_count())
        return real(records, settings)

    monkeypatch.setattr(annotation, "annotate_partition", watched)
    return seen


def test_annotate_freezes_while_it_runs_and_restores_the_collector(few_articles, monkeypatch):
    import toolkit

    assert gc.get_freeze_count() == 0
    threshold, enabled = gc.get_threshold(), gc.isenabled()
    seen = _watch_partitions(monkeypatch)
    toolkit.annotate(few_articles, cache_dir=None, progress=False, corrections=False)
    assert seen and all(n > 1000 for n in seen)  # the pipeline's objects, at least
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == threshold and gc.isenabled() == enabled


def test_freezing_changes_no_table(sample_corpus, annotated_sample, monkeypatch):
    """The whole sample annotated without the freeze: every table equals the
    session's reference annotation (made with it)."""
    import toolkit
    import toolkit.annotation as annotation

    monkeypatch.setattr(annotation, "GC_FREEZE", False)
    plain = toolkit.annotate(sample_corpus, cache_dir=None, progress=False)
    for name, table in annotated_sample.tables().items():
        assert len(table) and plain.tables()[name].equals(table), name


def test_a_process_that_froze_objects_itself_is_left_frozen(few_articles, monkeypatch):
    import toolkit

    gc.freeze()
    try:
        before = gc.get_freeze_count()
        seen = _watch_partitions(monkeypatch)
        toolkit.annotate(few_articles, cache_dir=None, progress=False, corrections=False)
        # still frozen, not re-frozen by annotate (a frozen object freed by its refcount leaves the count)
        assert seen and all(0.99 * before <= n <= before for n in seen)
        assert 0.99 * before <= gc.get_freeze_count() <= before  # not unfrozen by annotate
    finally:
        gc.unfreeze()


def test_an_error_midway_still_unfreezes(few_articles, monkeypatch):
    import toolkit
    import toolkit.annotation as annotation

    def broken(records, settings):
        raise KeyboardInterrupt  # a stopped run, not an article's error (those are caught per article)

    monkeypatch.setattr(annotation, "annotate_partition", broken)
    with pytest.raises(KeyboardInterrupt):
        toolkit.annotate(few_articles, cache_dir=None, progress=False, corrections=False)
    assert gc.get_freeze_count() == 0


def test_freezing_can_be_switched_off(few_articles, monkeypatch):
    import toolkit
    import toolkit.annotation as annotation

    monkeypatch.setattr(annotation, "GC_FREEZE", False)
    seen = _watch_partitions(monkeypatch)
    toolkit.annotate(few_articles, cache_dir=None, progress=False, corrections=False)
    assert seen and set(seen) == {0}
