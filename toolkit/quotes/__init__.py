"""Quotes and reported speech: who said what, with which reporting verb.

``extract_quotes(doc, ctx, mentions)`` returns quotes-table records (see
``toolkit/schema.py``): direct quotes found by their marks
(:mod:`~toolkit.quotes.marks`) and attributed by :mod:`~toolkit.quotes.direct`,
reported clauses from :mod:`~toolkit.quotes.indirect`, speakers resolved onto
the mentions table by :mod:`~toolkit.quotes.resolve`. The cue lexicon is the
shared lexicon ``toolkit/data/reporting_verbs.yaml`` (its ``quote`` tags).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from toolkit.context import ArticleContext, doc_text
from toolkit.quotes.coverage import coverage_by_outlet, speech_only
from toolkit.records import QuoteRecord
from toolkit.quotes.cues import cue_group, load_cues
from toolkit.quotes.direct import QuoteMap, attribute_direct
from toolkit.quotes.indirect import attribute_indirect
from toolkit.quotes.kinds import KINDS, SPEECH_KINDS
from toolkit.quotes.marks import find_quotes
from toolkit.quotes.resolve import to_records

__all__ = ["extract_quotes", "extract_attributions", "cue_group", "load_cues", "find_quotes",
           "coverage_by_outlet", "speech_only", "KINDS", "SPEECH_KINDS"]
#: keys :func:`extract_attributions` adds to the quotes-table columns
SOURCE_KEYS = ("source_start", "source_end")


def extract_quotes(doc: Doc, ctx: ArticleContext, mentions: Sequence[dict] = ()) -> list[QuoteRecord]:
    """Direct quotes and reported speech in ``doc``, one record per quote or clause.

    Args:
        doc: a parsed article (the dependency parse finds reported clauses).
        ctx: the article.
        mentions: the mentions-table records of the same doc; speakers map onto them.

    Returns:
        One :class:`~toolkit.records.QuoteRecord` per quote or reported clause.
        Never raises on odd text: unbalanced marks yield what can be paired.

    Method: quotation-mark pairing (:mod:`~toolkit.quotes.marks`), attribution
    of direct quotes by position and cue verbs (:mod:`~toolkit.quotes.direct`),
    dependency rules for reported speech (:mod:`~toolkit.quotes.indirect`);
    sources are named in those modules.
    """
    rows = extract_attributions(doc, ctx, mentions)
    for row in rows:
        for key in SOURCE_KEYS:
            del row[key]
    return rows


def extract_attributions(doc: Doc, ctx: ArticleContext, mentions: Sequence[dict] = ()) -> list[dict]:
    """:func:`extract_quotes` plus ``source_start``/``source_end``: the offsets
    of the source as written (the pronoun for `he said`, the first speaker's
    phrase for a continued quote), for evaluation against span-level gold."""
    if not len(doc) or not doc_text(doc).strip():
        return []
    quotes = find_quotes(doc_text(doc))
    qmap = QuoteMap(doc, quotes)
    attributions = attribute_direct(doc, quotes, qmap) + attribute_indirect(doc, qmap)
    return to_records(doc, ctx, attributions, list(mentions or []), qmap)
