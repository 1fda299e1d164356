"""The sixth pass's speed shortcuts (issue 14, docs/results/scale.md) give
what the straightforward code gives, on the real sample articles: the
claims' token loops that skip tokens by an array pre-test find the same
records as the loops over every token, and the figure scan that tries the
quantity pattern only where a figure can start finds the matches
``finditer`` finds."""

from __future__ import annotations

import pytest


#: GVA shooting reports quoted in tests/test_claims_gva.py (../shared/eval/gva, train split): they take the
#: claims step through its implicit singulars, later deaths, survivors and named victims
GVA_TEXTS = [
    "Around 7:48 p.m., a man was shot in the city's Greenspring neighborhood, police said. He was taken to an area "
    "hospital, where he was pronounced dead.",
    "Investigators say 22-year-old William Laws was found with gunshot injuries along Augusta Drive and Malvern Road "
    "in Newark around 2 a.m. Friday.The victim died at the hospital.",
    "Five people were injured and another man was killed in separate shootings in Baltimore on Sunday, police said. A "
    "man was shot around 9:46 p.m. in the 1800 block of McCulloh Street, in Druid Heights, according to police. Medics "
    "pronounced him dead at the scene.",
    "When officers arrived on the scene, they found Logan in a grassy area. He had been shot multiple times, and was "
    "pronounced dead on the scene.",
    "Emergency personnel were called about 12:15 a.m. March 4 to the 1700 block of Vinewood Street in southwest "
    "Detroit. A medic arrived and pronounced the man dead, police reported.",
    "The sheriff's office was notified around 2:30 p.m. Saturday that the 4-year-old had been shot and sustained "
    "injuries that were not considered life-threatening.",
    "Police say a man in his 20s shot his stepfather with a 12-gauge shotgun late Friday night.",
    "Bailey, 47, of Columbus was shot about 7:53 p.m. near 2318 Forsyth Street on Jan. 25. She was pronounced dead "
    "at Midtown Medical Center about 25 minutes later.",
    "Police say the two men struggled for a gun and that's when Jordan allegedly shot Wright two times, killing him.",
]


@pytest.fixture(scope="module")
def sample_docs(nlp, sample_corpus):
    return list(nlp.pipe(sample_corpus.articles["text"].tolist()))


@pytest.fixture(scope="module")
def claim_docs(nlp, sample_corpus, sample_docs):
    records = sample_corpus.articles.to_dict("records")
    records += [{"article_id": f"gva_{i}", "outlet": "gva", "published": "2014-03-01", "title": None}
                for i in range(len(GVA_TEXTS))]
    return list(zip(sample_docs + list(nlp.pipe(GVA_TEXTS)), records))


def _claims(pairs):
    from toolkit.actors import extract_mentions
    from toolkit.actors.catalogue import cached_catalogue, resolve_path
    from toolkit.claims import extract_claims
    from toolkit.dates import extract_dates
    from toolkit.extraction import article_context
    from toolkit.quotes import extract_quotes

    catalogue = cached_catalogue(str(resolve_path(None)))
    out = []
    for doc, record in pairs:
        doc.user_data.clear()
        ctx = article_context(record)
        mentions = extract_mentions(doc, ctx, catalogue)
        quotes = extract_quotes(doc, ctx, mentions)
        dates = extract_dates(doc, ctx)
        out.append(extract_claims(doc, ctx, mentions=mentions, quotes=quotes, dates=dates))
    return out


def test_claims_token_pre_tests_find_what_the_loop_over_every_token_finds(claim_docs, monkeypatch):
    from toolkit.claims import extract

    fast = _claims(claim_docs)
    # the reference: every token goes through every test, as before the pre-tests
    monkeypatch.setattr(extract, "_singular_candidates", lambda doc: list(doc))
    monkeypatch.setattr(extract, "tokens_at", lambda doc, mask: list(doc))
    slow = _claims(claim_docs)
    assert fast == slow
    assert sum(map(len, fast)) >= 20
    implicit = [r for rs in fast for r in rs if r["surface"].lower().startswith(("a ", "an ", "the ", "another"))]
    assert implicit  # the implicit-singular branches were exercised


def test_singular_candidates_keep_every_token_a_branch_can_take(claim_docs):
    from toolkit.claims.extract import SINGULAR_OPENERS, _aged_name, _singular_candidates

    for doc, _ in claim_docs:
        kept = {t.i for t in _singular_candidates(doc)}
        for tok in doc:
            if tok.lower_ in SINGULAR_OPENERS or (tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B") \
                    or _aged_name(tok) is not None:
                assert tok.i in kept, tok.text


def test_lowered_in_is_the_per_token_test(sample_docs):
    from toolkit.context import lowered_in

    words = frozenset({"die", "be", "identify", "pronounce"})
    for doc in sample_docs:
        mask = lowered_in(doc, "LEMMA", words)
        assert mask.tolist() == [t.lemma_.lower() in words for t in doc]
    assert lowered_in(sample_docs[0][:0].as_doc(), "LEMMA", words).tolist() == []


def test_figure_scan_finds_the_matches_finditer_finds(sample_corpus):
    from toolkit.claims.numbers import _figure_matches, _pattern

    texts = sample_corpus.articles["text"].tolist() + GVA_TEXTS + [
        # hedges, ranges, swaps, vague figures, codes and decimals, at the edges of the text
        "At least 12 were killed; up to 1,000-for-1,000 swaps; between 20 and 30; dozens hurt. Su-34, 3.5, x12",
        "More than one million casualties (1,008,240), twenty-eight dead, a few, a handful, half a million.",
        # letters that case-insensitive matching folds onto ASCII (long s, Kelvin sign), Cyrillic, digits of other scripts
        "ſeven people, \u212aILLED? Погибли 12 человек, ٣ injured, in excess of 40 and in Kyiv an estimated 300",
    ]
    found = 0
    for text in texts:
        want = [(m.span(), m.groupdict()) for m in _pattern().finditer(text)]
        assert [(m.span(), m.groupdict()) for m in _figure_matches(text)] == want
        found += len(want)
    assert found > 40


def _same_frame(a, b):
    assert list(a.columns) == list(b.columns)
    assert list(a.dtypes) == list(b.dtypes)
    assert a.equals(b)
    for column in a.columns:
        if a[column].dtype == "category":
            assert list(a[column].cat.categories) == list(b[column].cat.categories)
            assert a[column].cat.codes.tolist() == b[column].cat.codes.tolist()


def test_frame_from_row_dicts_is_the_from_records_frame(claim_docs):
    """schema.frame of the rows annotate_doc gives for the sample (every text table), built column by
    column from plain lists, equals the frame built through DataFrame.from_records as before."""
    import pandas as pd

    from toolkit import schema
    from toolkit.actors.catalogue import cached_catalogue, resolve_path
    from toolkit.extraction import TEXT_TABLES, annotate_doc, article_context

    catalogue = cached_catalogue(str(resolve_path(None)))
    rows = {name: [] for name in TEXT_TABLES}
    for doc, record in claim_docs:
        doc.user_data.clear()
        for name, table_rows in annotate_doc(doc, article_context(record), catalogue).items():
            rows[name].extend(table_rows)
    for name, table_rows in rows.items():
        assert table_rows, name
        _same_frame(schema.frame(name, table_rows), schema.frame(name, pd.DataFrame.from_records(table_rows)))
        _same_frame(schema.frame(name, []), schema.frame(name, pd.DataFrame.from_records([])))


def test_frame_from_rows_takes_the_old_conversions_for_values_of_other_types():
    import datetime as dt

    import numpy as np
    import pandas as pd

    from toolkit import schema

    rows = [  # a key missing from a row, NaN, numpy scalars, a bool in an int column, dates and strings as dates
        {"article_id": "a", "sent_id": 1, "start": np.int64(3), "end": 9.0, "text": "x", "kind": "relative",
         "start_date": dt.date(2022, 3, 1), "anchor": "2022-02-24"},
        {"article_id": "b", "sent_id": None, "start": 4, "end": float("nan"), "kind": None, "in_quote": True},
        {"article_id": np.str_("c"), "sent_id": True, "start": 5, "end": 7, "kind": "absolute",
         "start_date": None, "in_quote": np.bool_(False)},
    ]
    for name in ("dates", "claims", "mentions"):
        _same_frame(schema.frame(name, rows), schema.frame(name, pd.DataFrame.from_records(rows)))


def _country_spans_on_spans(doc, covered):
    """The country scan as it was written on Span and Token objects (the reference)."""
    from toolkit.actors.names import name_key
    from toolkit.actors.places import MAX_COUNTRY_WORDS, _glued, _name_cased, country_keys

    keys, out, i = country_keys(), [], 0
    while i < len(doc):
        found = None
        tok = doc[i]
        if i not in covered and (tok.is_title or tok.is_upper) and tok.is_alpha and tok.lower_ != "the":
            for n in range(min(MAX_COUNTRY_WORDS, len(doc) - i), 0, -1):
                span = doc[i:i + n]
                if any(t.i in covered for t in span) or not span[-1].is_alpha or not _name_cased(span):
                    continue
                if name_key(span.text) in keys:
                    found = (i, i + n)
                    break
        if found and not _glued(doc, *found):
            out.append(found)
            i = found[1]
        else:
            i += 1
    return out


def test_country_scan_on_token_arrays_is_the_scan_on_spans(nlp, sample_docs):
    from toolkit.actors.places import country_spans

    docs = sample_docs + list(nlp.pipe([
        # results lines and capitals, joiners, a name glued to a proper noun (real-style lines of the sample's kind)
        "ZIMBABWE 2 NIGERIA 1. ( Nigeria ) Trinidad and Tobago beat Saint Vincent and the Grenadines; Chad Smith "
        "and Jordan Peterson in Georgia Tech. The Democratic Republic of the Congo and the UNITED STATES OF AMERICA.",
    ]))
    found = 0
    for doc in docs:
        for covered in (set(), set(range(0, len(doc), 7))):
            want = _country_spans_on_spans(doc, covered)
            assert country_spans(doc, covered) == want
            found += len(want)
    assert found > 10


def test_source_name_scan_finds_the_matches_finditer_finds(sample_corpus):
    from toolkit.sourcing.credits import _names_patterns
    from toolkit.sourcing.sources import cached_sources

    texts = sample_corpus.articles["text"].tolist() + [
        "The Sun said; the Hill and The Atlantic, Reuters/AP, @Reuters, #BBC, AFP/Getty, news agencies (unnamed), BBC",
        "Reuters", "the Sun", "CNN's State of the Union", "",
    ]
    found = 0
    for scan in _names_patterns(cached_sources(None)):
        for text in texts:
            want = [(m.span(), m.group("name")) for m in scan.pattern.finditer(text)]
            assert [(m.span(), m.group("name")) for m in scan.finditer(text)] == want
            found += len(want)
    assert found >= 14  # the sample's credits and the lines above


def test_cached_entities_and_the_token_at_an_offset_are_spacys(sample_docs):
    import gc
    import weakref

    from toolkit.context import doc_ents, entity_covering, span_ents, token_starting_at

    def same(a, b):
        return [(e.start, e.end, e.label_, e.kb_id_, e.id_) for e in a] == \
               [(e.start, e.end, e.label_, e.kb_id_, e.id_) for e in b]

    sentences = 0
    for doc in sample_docs:
        doc.user_data.clear()
        assert same(doc_ents(doc), doc.ents)
        for sent in doc.sents:
            assert same(span_ents(sent), sent.ents)
            sentences += 1
        for span in (doc[3:40], doc[10:11], doc[:0]):
            assert same(span_ents(span), span.ents)
        for tok in doc:
            want = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
            got = entity_covering(doc, tok.i)
            assert (want is None) == (got is None) and (want is None or same([got], [want]))
        starts = {t.idx: t.i for t in doc}
        for char in range(len(doc.text) + 2):
            tok = token_starting_at(doc, char)
            assert (tok.i if tok is not None else None) == starts.get(char)
    assert sentences > 80  # the sample: 93 sentences
    # what is kept on a Doc holds no reference back to it: a Doc without other references is freed at once,
    # not left to the cyclic garbage collector (which annotate keeps frozen over the pipeline)
    doc = sample_docs[0].copy()
    doc_ents(doc), span_ents(doc[:20]), token_starting_at(doc, 0)
    ref = weakref.ref(doc)
    gc.disable()
    try:
        del doc
        assert ref() is None
    finally:
        gc.enable()


def test_a_doc_annotated_holds_no_reference_cycle(nlp):
    """The per-Doc caches (text, token arrays, entity bounds, sentence index) hold no reference back to
    the Doc, so a partition's Docs are freed as soon as annotate drops them, not by the collector."""
    import gc
    import weakref

    from toolkit.actors.catalogue import cached_catalogue, resolve_path
    from toolkit.extraction import WARM_UP_TEXT, annotate_doc, article_context

    doc = nlp(WARM_UP_TEXT + " " + GVA_TEXTS[0] + " " + GVA_TEXTS[7])
    rows = annotate_doc(doc, article_context({"article_id": "a"}), cached_catalogue(str(resolve_path(None))))
    assert rows["claims"] and rows["quotes"] and doc.user_data
    ref = weakref.ref(doc)
    gc.disable()
    try:
        del doc
        assert ref() is None
    finally:
        gc.enable()


DATELINE_TEXTS = [  # wire datelines of the kinds add_dateline_places reads (Reuters/AP style, as in the sample)
    "KHARKIV, Ukraine — Russian forces shelled the city on Monday, officials said.",
    "MOSCOW (Reuters) - The Kremlin said on Tuesday that talks with Kyiv had stalled.",
    "LVIV 2022-03-05 Thousands of people fled west.\nODESA, Ukraine - Sirens sounded again.",
]


def test_actor_token_pre_tests_find_what_the_loops_over_every_token_find(nlp, claim_docs, monkeypatch):
    from toolkit.actors import extract_mentions, resolve
    from toolkit.actors.catalogue import cached_catalogue, resolve_path
    from toolkit.extraction import article_context

    catalogue = cached_catalogue(str(resolve_path(None)))
    pairs = claim_docs + [(doc, {"article_id": f"d{i}"}) for i, doc in enumerate(nlp.pipe(DATELINE_TEXTS))]

    def mentions():
        out = []
        for doc, record in pairs:
            doc.user_data.clear()
            out.append(extract_mentions(doc, article_context(record), catalogue))
        return out

    fast = mentions()
    for doc, _ in pairs:  # the dateline pre-test is the per-token test on each token's text
        want = [t.i for t in doc if t.text[:1].isdigit() or t.text[:1] in resolve._DATELINE_END_FIRST]
        assert resolve._may_end_a_dateline(doc) == want
    monkeypatch.setattr(resolve, "tokens_at", lambda doc, mask: list(doc))
    monkeypatch.setattr(resolve, "_may_end_a_dateline", lambda doc: list(range(len(doc))))
    assert mentions() == fast
    assert any(m["kind"] == "place" for ms in fast[-3:] for m in ms)  # the datelines' places were read
