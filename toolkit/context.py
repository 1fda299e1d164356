"""What an extractor knows about the article a ``Doc`` came from.

Extractors are plain functions ``(doc, ctx, ...) -> list[dict]`` (textacy
style): they never see pandas. ``ctx`` carries the article's metadata that the
text alone cannot give (publication date as the anchor for relative dates, the
outlet as the default claimant).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Span


@dataclass(frozen=True)
class ArticleContext:
    article_id: str
    outlet: str = "unknown"
    published: dt.date | None = None
    published_inferred: bool = False
    title: str | None = None


def sentence_index(doc: Doc) -> np.ndarray:
    """Array mapping token index -> sentence index (``sent_id``), cached on the doc."""
    cached = doc.user_data.get("toolkit_sent_index")
    if cached is None or len(cached) != len(doc):
        cached = np.zeros(len(doc), dtype=np.int32)
        for i, sent in enumerate(doc.sents):
            cached[sent.start:sent.end] = i
        doc.user_data["toolkit_sent_index"] = cached
    return cached


def sent_id(doc: Doc, token_i: int) -> int:
    """``sent_id`` of the sentence holding token ``token_i``."""
    return int(sentence_index(doc)[token_i])


def span_keys(span: Span) -> dict:
    """The four keys every text-derived row carries, for a spaCy span."""
    return {
        "sent_id": sent_id(span.doc, span.start),
        "start": span.start_char,
        "end": span.end_char,
    }


def char_span_keys(doc: Doc, start: int, end: int) -> dict:
    """Keys for a character range (e.g. a regex match inside the text)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    tok = span.start if span is not None and len(span) else _token_at(doc, start)
    return {"sent_id": sent_id(doc, tok), "start": start, "end": end}


def _token_at(doc: Doc, char: int) -> int:
    for tok in doc:
        if tok.idx + len(tok) > char:
            return tok.i
    return max(len(doc) - 1, 0)


#: where :func:`doc_text` keeps a Doc's text (``Doc.user_data``: spaCy's own
#: extension keys are 4-tuples starting with "._.", so this cannot collide)
_TEXT_KEY = ("toolkit", "doc_text")


def doc_text(doc) -> str:
    """``doc.text``, built once per Doc.

    spaCy's ``Doc.text`` is no stored string: every access joins the text of
    every token again (one ``Token`` object per token). Extractors that ask
    for it per quote, per date or per candidate paid that over and over:
    5,671 accesses on 60 ru_ua_2022 articles, about a third of all extractor
    time (issue 14, docs/results/scale.md). A Doc's text never changes, so
    the first result is kept in ``doc.user_data``.

    Args:
        doc: a parsed ``Doc``.

    Returns:
        Its text, identical to ``doc.text``.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def entity_starting_at(token) -> Span | None:
    """The entity of ``doc.ents`` that starts at ``token``, else ``None``:
    ``next((e for e in doc.ents if e.start == token.i), None)`` without
    building every entity of the Doc.

    spaCy's ``Doc.ents`` is no stored tuple either: every access walks all
    tokens and makes a ``Span`` per entity. A lookup per candidate token
    (claims' named victims) paid that per call: ~0.2 CPU s per 150 ru_ua_2022
    articles (docs/results/scale.md). The entity is read off the token's IOB
    tags exactly as ``Doc.ents`` reads them: it starts at a ``B`` token with a
    label and runs over the ``I`` tokens after it; label, KB id and entity id
    are the ``B`` token's.

    Args:
        token: a token of a parsed ``Doc``.

    Returns:
        The same span ``doc.ents`` holds (same start, end, label, ``kb_id``
        and ``id``), or ``None`` when no entity starts at the token.
    """
    if token.ent_iob != 3 or token.ent_type == 0:  # 3 = "B"; a B without a label is no entity
        return None
    doc = token.doc
    end = token.i + 1
    n = len(doc)
    while end < n and doc[end].ent_iob == 1:  # 1 = "I"
        end += 1
    return Span(doc, token.i, end, label=token.ent_type, kb_id=token.ent_kb_id, span_id=token.ent_id)


#: where :func:`token_column` keeps a Doc's attribute arrays (``Doc.user_data``)
_COLUMNS_KEY = ("toolkit", "token_columns")


def token_column(doc: Doc, attr: str) -> np.ndarray:
    """One token attribute of every token of ``doc`` as an array
    (``doc.to_array(attr)``), built once per Doc.

    Extractors that look for a handful of words loop over every token and
    build a ``Token`` object with several string properties each time; most
    tokens fail the first test. Reading the attribute's ids from one array
    and building ``Token`` objects only for the tokens that pass is the same
    test at a fraction of the cost (issue 14, docs/results/scale.md, sixth pass).

    Args:
        doc: a parsed ``Doc``.
        attr: a spaCy attribute name such as ``"LOWER"``, ``"DEP"``, ``"POS"``,
            ``"ENT_IOB"``, ``"ENT_TYPE"``: string attributes come back as the
            ids of their strings (``doc.vocab.strings[s]``), ``POS`` as spaCy's
            part-of-speech symbols, ``ENT_IOB`` as 0-3 (3 = ``B``).

    Returns:
        A ``uint64`` array, one value per token.
    """
    columns = doc.user_data.get(_COLUMNS_KEY)
    if columns is None or columns.get("_len") != len(doc):
        columns = doc.user_data[_COLUMNS_KEY] = {"_len": len(doc)}
    column = columns.get(attr)
    if column is None:
        column = columns[attr] = doc.to_array(attr).reshape(-1) if len(doc) else np.zeros(0, dtype=np.uint64)
    return column


def string_ids(doc: Doc, strings) -> np.ndarray:
    """The ids ``token_column`` gives the strings ``strings`` (for ``np.isin``)."""
    return np.array([doc.vocab.strings[s] for s in strings], dtype=np.uint64)


def lowered_in(doc: Doc, attr: str, words) -> np.ndarray:
    """A mask over the tokens of ``doc``: the token's ``attr`` string
    (e.g. ``"LEMMA"``), lower-cased, is one of ``words`` — the test
    ``tok.lemma_.lower() in words`` for every token at once."""
    inverse, lowered = _lowered_strings(doc, attr)
    if not len(inverse):
        return np.zeros(0, dtype=bool)
    hit = np.fromiter((s in words for s in lowered), dtype=bool, count=len(lowered))
    return hit[inverse]


def _lowered_strings(doc: Doc, attr: str) -> tuple[np.ndarray, list[str]]:
    """The distinct ``attr`` strings of ``doc`` lower-cased, and for each token
    the index of its own; built once per Doc and attribute."""
    columns = doc.user_data.get(_COLUMNS_KEY)
    cached = columns.get(("lowered", attr)) if columns is not None and columns.get("_len") == len(doc) else None
    if cached is None:
        column = token_column(doc, attr)
        unique, inverse = np.unique(column, return_inverse=True)
        strings = doc.vocab.strings
        cached = (inverse.reshape(-1), [strings[u].lower() for u in unique.tolist()])
        doc.user_data[_COLUMNS_KEY][("lowered", attr)] = cached
    return cached


def tokens_at(doc: Doc, mask: np.ndarray) -> list:
    """The tokens of ``doc`` where ``mask`` is true, in order."""
    return [doc[i] for i in np.flatnonzero(mask).tolist()]


#: where :func:`doc_ents` keeps a Doc's entity bounds (``Doc.user_data``)
_ENTS_KEY = ("toolkit", "entity_bounds")


def _entity_bounds(doc: Doc) -> list[tuple[int, int, int, int, int]]:
    """``(start, end, label, kb_id, id)`` of each entity of ``doc.ents``, read
    once per Doc. Plain integers, not the spans: a ``Span`` holds its ``Doc``,
    so keeping spans in ``doc.user_data`` would make every Doc a reference
    cycle that only the garbage collector frees."""
    bounds = doc.user_data.get(_ENTS_KEY)
    if bounds is None:
        bounds = doc.user_data[_ENTS_KEY] = [(e.start, e.end, e.label, e.kb_id, e.id) for e in doc.ents]
    return bounds


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, read off the Doc's tokens once.

    Like ``Doc.text``, ``Doc.ents`` is rebuilt on every access (it walks the
    IOB tags of every token), and so is ``Span.ents``, which filters it. The
    entities are set by the pipeline before any extractor runs and never
    change afterwards, so their bounds are kept (:func:`_entity_bounds`) and
    the spans are made from them.

    Args:
        doc: a parsed ``Doc``.

    Returns:
        Spans equal to those of ``doc.ents`` (start, end, label, KB id, id), in order.
    """
    return tuple(Span(doc, s, e, label=label, kb_id=kb, span_id=eid) for s, e, label, kb, eid in _entity_bounds(doc))


def span_ents(span: Span) -> list[Span]:
    """``span.ents`` from the kept entity bounds: the entities that lie wholly
    inside ``span``, read as spaCy's ``Span.ents`` reads them (in order, from
    the first one starting at or after the span's start, until one ends
    past its end)."""
    doc, out = span.doc, []
    for s, e, label, kb, eid in _entity_bounds(doc):
        if s >= span.start:
            if e <= span.end:
                out.append(Span(doc, s, e, label=label, kb_id=kb, span_id=eid))
            else:
                break
    return out


def entity_covering(doc: Doc, i: int) -> Span | None:
    """The first entity of ``doc.ents`` holding token ``i``
    (``next((e for e in doc.ents if e.start <= i < e.end), None)``)."""
    for s, e, label, kb, eid in _entity_bounds(doc):
        if s <= i < e:
            return Span(doc, s, e, label=label, kb_id=kb, span_id=eid)
    return None


def token_starting_at(doc: Doc, char: int):
    """The token whose first character is at ``char``, else ``None``:
    ``next((t for t in doc if t.idx == char), None)`` by binary search on the
    tokens' offsets (which strictly increase)."""
    idx = token_column(doc, "IDX")
    i = int(np.searchsorted(idx, char))
    return doc[i] if i < len(idx) and int(idx[i]) == char else None
