"""The extractors' data is loaded with the pipeline (issue 14, fifth pass):
``cached_pipeline`` runs every extractor once on real sample sentences, so
the lexicons, rule files and ``dateparser`` are loaded before the first
article, once per process; and doing so changes no row."""

from __future__ import annotations

import pytest


def _loaders():
    """The lazily filled caches the first article used to fill."""
    from toolkit.claims.lexicon import _load_lexicon as claims_lexicon
    from toolkit.dates import fallback
    from toolkit.dates.rules import cached_rules
    from toolkit.framing.lexicon import load_lexicon as framing_lexicon
    from toolkit.quotes.cues import load_cues

    return {"claims lexicon": claims_lexicon, "framing lexicon": framing_lexicon, "quote cues": load_cues,
            "date rules": cached_rules, "dateparser": fallback._PARSERS}


def _filled(cache) -> bool:
    return bool(cache) if isinstance(cache, dict) else cache.cache_info().currsize > 0


def _clear(cache) -> None:
    cache.clear() if isinstance(cache, dict) else cache.cache_clear()


def test_loading_the_extractor_data_fills_every_lazy_cache(nlp):
    from toolkit.actors.catalogue import resolve_path
    from toolkit.extraction import load_extractor_data

    loaders = _loaders()
    for cache in loaders.values():
        _clear(cache)
    assert not any(_filled(c) for c in loaders.values())
    load_extractor_data(nlp, str(resolve_path(None)))
    assert {name: _filled(c) for name, c in loaders.items()} == dict.fromkeys(loaders, True)


def test_a_new_pipeline_comes_with_the_extractor_data(monkeypatch):
    import toolkit.extraction
    from toolkit import pipeline
    from toolkit.actors.catalogue import resolve_path

    assert toolkit.extraction.load_extractor_data in pipeline.ON_BUILD  # registered when extraction is imported
    calls = []
    monkeypatch.setattr(pipeline, "_PIPELINES", {})
    monkeypatch.setattr(pipeline, "ON_BUILD", [lambda nlp, cat: calls.append(cat)])
    catalogue = str(resolve_path(None))
    first = pipeline.cached_pipeline(None, catalogue)
    assert pipeline.cached_pipeline(None, catalogue) is first  # built and warmed once per process
    assert calls == [catalogue]


def test_the_warm_up_changes_no_row(nlp, sample_corpus):
    """Rows of every sample article, annotated with cold caches (each loader
    fills on the first article, as before) and after the warm-up: identical."""
    from toolkit.actors.catalogue import cached_catalogue, resolve_path
    from toolkit.extraction import annotate_doc, article_context, load_extractor_data
    from toolkit.sourcing.sources import cached_sources

    catalogue_path = str(resolve_path(None))
    records = sample_corpus.articles.to_dict("records")

    def rows():
        out = []
        for record, doc in zip(records, nlp.pipe([r["text"] for r in records])):
            out.append(annotate_doc(doc, article_context(record), cached_catalogue(catalogue_path),
                                    sources=cached_sources(None)))
        return out

    for cache in _loaders().values():
        _clear(cache)
    cold = rows()
    for cache in _loaders().values():
        _clear(cache)
    load_extractor_data(nlp, catalogue_path)
    warm = rows()
    assert len(cold) == len(records) and sum(len(r["quotes"]) + len(r["claims"]) for r in cold) > 0
    assert warm == cold


def test_a_failing_warm_up_does_not_break_the_pipeline(nlp, monkeypatch):
    import toolkit.extraction

    def broken(*args, **kwargs):
        raise ValueError("a broken rule file")

    monkeypatch.setattr(toolkit.extraction, "annotate_doc", broken)
    toolkit.extraction.load_extractor_data(nlp, None)  # no exception: an article reports it, not the build
    with pytest.raises(ValueError):
        toolkit.extraction.annotate_doc(None, None, None)
