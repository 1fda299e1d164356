"""The speed shortcuts of issue 14 give what the slow path gives, on the real
sample articles (docs/results/scale.md, fourth pass): an entity read off the
IOB tags is the ``doc.ents`` span, the voice lookup by binary search is the
interval scan, and the death-predicate pre-check lets through every lemma a
branch of ``_death_of`` tests."""

from __future__ import annotations

import inspect
import re

import pytest


@pytest.fixture(scope="module")
def sample_docs(nlp, sample_corpus):
    return list(nlp.pipe(sample_corpus.articles["text"].tolist()))


def test_entity_starting_at_is_the_span_doc_ents_holds(sample_docs):
    from toolkit.context import entity_starting_at

    checked = 0
    for doc in sample_docs:
        by_start = {e.start: e for e in doc.ents}
        for tok in doc:
            want, got = by_start.get(tok.i), entity_starting_at(tok)
            assert (want is None) == (got is None), (doc[max(0, tok.i - 3):tok.i + 3].text, want, got)
            if want is not None:
                assert (got.start, got.end, got.label_, got.kb_id_, got.id_) == \
                       (want.start, want.end, want.label_, want.kb_id_, want.id_)
                checked += 1
    assert checked > 100  # the sample has hundreds of entities


def test_voice_lookup_by_bisect_is_the_interval_scan(sample_docs, sample_corpus):
    from toolkit.framing.terms import _voice_lookup, _voice_of, quote_intervals

    quoted = 0
    for doc, text in zip(sample_docs, sample_corpus.articles["text"]):
        intervals = quote_intervals(text)  # the quotation-marked segments of the real text
        voice = _voice_lookup(intervals)
        for char in range(len(text) + 1):
            assert voice(char) == _voice_of(char, intervals), char
            quoted += voice(char) == "quoted"
    assert quoted > 1000
    # malformed spans (start after end) fall back to the scan itself
    odd = [(50, 10), (5, 8)]
    assert [_voice_lookup(odd)(c) for c in range(60)] == [_voice_of(c, odd) for c in range(60)]


def test_the_death_predicate_pre_check_covers_every_lemma_its_branches_test():
    from toolkit.claims import extract

    source = inspect.getsource(extract._death_of)
    tested = set(re.findall(r'lemma == "(\w+)"', source))
    for group in re.findall(r"lemma in \(([^)]*)\)", source):
        tested |= set(re.findall(r'"(\w+)"', group))
    assert tested and tested <= extract._DEATH_LEMMAS, tested - extract._DEATH_LEMMAS
