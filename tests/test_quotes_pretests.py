"""The quotes step's pre-tests (session 7, lane 13d: speed with identical
tables): the cue pre-tests on the parse's arrays keep every token the full
tests accept, and the array forms of the clause clip and the quoted share
give what the token loops gave. On the sample articles (data/articles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.quotes.cues import cue_noun_or_preposition_positions, cue_verb_positions, is_cue_noun, is_cue_verb
from toolkit.quotes.direct import QuoteMap
from toolkit.quotes.marks import find_quotes

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "articles"


@pytest.fixture(scope="module")
def docs(nlp):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]
    return list(nlp.pipe(texts))


def test_the_pre_tests_keep_every_cue_the_full_tests_accept(docs):
    verbs = nouns = 0
    for doc in docs:
        qmap = QuoteMap(doc, find_quotes(doc.text))
        outside = qmap.outside_mask()
        verb_at = set(cue_verb_positions(doc, qmap.columns, outside))
        noun_at = set(cue_noun_or_preposition_positions(doc, qmap.columns, outside))
        for token in doc:
            if qmap.inside(token):
                assert token.i not in verb_at and token.i not in noun_at
                continue
            if is_cue_verb(token):
                verbs += 1
                assert token.i in verb_at, token.text
            if is_cue_noun(token) or token.lower_ in {"according", "per"}:
                nouns += 1
                assert token.i in noun_at, token.text
        # ... and they are a pre-test, not everything: far fewer tokens than the doc
        assert len(verb_at) < len(doc) / 4
    assert verbs > 20 and nouns > 5  # (the sample has cues of both kinds)


def test_the_quoted_share_from_prefix_sums_is_the_token_sum(docs):
    for doc in docs:
        qmap = QuoteMap(doc, find_quotes(doc.text))
        for sent in doc.sents:
            inside = sum(len(t) for t in sent if qmap.inside(t))
            assert qmap.quoted_share(sent.start, sent.end) == inside / max(1, sum(len(t) for t in sent))
        assert qmap.starts == [t.idx for t in doc]
