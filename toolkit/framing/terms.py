"""Term counts for distinctive-term analysis, per article and per voice.

Two ways to get them, both ``(kind, term, voice, n)`` records:

* :func:`term_counts` from a parsed ``Doc`` (during annotation): lemmas of
  content words (``kind="lemma"``) and noun phrases (``kind="noun_phrase"``,
  spaCy ``noun_chunks`` without leading determiners, pronouns, stop words
  and possessors, head word lemmatised: "Russia's brutal war crimes" ->
  "brutal war crime");
* :func:`light_term_counts` from plain sentence text (no parse, for a corpus
  annotated without a terms table): lowercase words (``kind="word"``) and
  adjacent content-word pairs (``kind="bigram"``).

``voice`` is ``"quoted"`` for words inside a quote (the quotes table's spans,
plus quotation-marked segments) and ``"outlet"`` otherwise, so an outlet's own
vocabulary can be compared without the words it quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from spacy import symbols
from spacy.attrs import IDX, IS_ALPHA, IS_STOP, LEMMA, LENGTH, ORTH, POS
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from toolkit.context import doc_text
from toolkit.framing.actor_index import record_offset
from toolkit.framing.quoted import quoted_segments
from toolkit.records import TermCount

OUTLET, QUOTED = "outlet", "quoted"
#: parts of speech whose lemmas count as content words
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV"})
_CONTENT_POS_IDS = np.array([getattr(symbols, p) for p in sorted(CONTENT_POS)], dtype=np.uint64)
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
#: "Putin's" -> "putin": possessive endings are not part of the term
POSSESSIVE_RE = re.compile(r"['’]s$")


def quote_intervals(doc_text: str, quotes: Iterable[Mapping] = ()) -> list[tuple[int, int]]:
    """Merged ``[start, end)`` ranges of quoted text: quote records plus
    quotation-marked segments (the one pairing, :mod:`toolkit.quotes.marks`)."""
    spans = [(record_offset(q.get("start")), record_offset(q.get("end"))) for q in quotes]
    spans = [(s, e) for s, e in spans if s is not None and e is not None]
    spans += [(s.start, s.end) for s in quoted_segments(doc_text)]
    return merge_intervals(spans)


def merge_intervals(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _voice_of(char: int, intervals: Sequence[tuple[int, int]]) -> str:
    for start, end in intervals:
        if start <= char < end:
            return QUOTED
        if start > char:
            break
    return OUTLET


def _voice_lookup(intervals: Sequence[tuple[int, int]]):
    """``char -> voice``, as :func:`_voice_of` over ``intervals``, by binary
    search when the intervals are disjoint and in order (what
    :func:`merge_intervals` gives for well-formed spans), else by the scan."""
    if any(s > e for s, e in intervals) or any(a[1] >= b[0] for a, b in zip(intervals, intervals[1:])):
        return lambda char: _voice_of(char, intervals)
    starts = [s for s, _ in intervals]
    ends = [e for _, e in intervals]

    def voice(char: int) -> str:
        i = bisect_right(starts, char) - 1
        return QUOTED if i >= 0 and char < ends[i] else OUTLET

    return voice


def term_counts(doc: Doc, quotes: Iterable[Mapping] = ()) -> list[TermCount]:
    """Lemma and noun-phrase counts of one parsed article, split by voice.

    Args:
        doc: a parsed article.
        quotes: the same doc's quotes-table records (their spans are quoted voice).

    Returns:
        One :class:`~toolkit.records.TermCount` per (kind, term, voice); the
        ``article_id`` is set by the caller (:func:`toolkit.extraction.annotate_doc`).
    """
    voice_of = _voice_lookup(quote_intervals(doc_text(doc), quotes))
    counts: Counter = Counter()
    if len(doc):
        # the content-word test on token attribute arrays, not one Token object per token
        # (the same attributes tok.is_alpha, tok.is_stop, len(tok), tok.pos_ read)
        cols = doc.to_array([IS_ALPHA, IS_STOP, LENGTH, POS, LEMMA, ORTH, IDX])
        content = ((cols[:, 0] != 0) & (cols[:, 1] == 0) & (cols[:, 2] > 1)
                   & np.isin(cols[:, 3], _CONTENT_POS_IDS))
        strings = doc.vocab.strings
        for lemma, orth, idx in cols[content][:, 4:7].tolist():
            counts[("lemma", (strings[lemma] or strings[orth]).lower(), voice_of(idx))] += 1
    if doc.has_annotation("DEP"):
        for chunk in doc.noun_chunks:
            words = [t for t in chunk if not (t.is_punct or t.is_space)]
            # a possessor is its own term: "Russia's brutal war crimes" -> "brutal war crime"
            cut = max((i for i, t in enumerate(words) if t.dep_ == "case"), default=-1)
            words = words[cut + 1:]
            while words and (words[0].is_stop or words[0].pos_ in ("DET", "PRON", "NUM")):
                words = words[1:]
            if len(words) < 2 or not all(t.is_alpha or "-" in t.text for t in words):
                continue
            term = " ".join([t.lower_ for t in words[:-1]] + [(words[-1].lemma_ or words[-1].text).lower()])
            counts[("noun_phrase", term, voice_of(chunk.start_char))] += 1
    return [{"kind": k, "term": t, "voice": v, "n": n} for (k, t, v), n in counts.items()]


def light_term_counts(text: str) -> Counter:
    """Word and bigram counts of plain text without a parse (see module doc)."""
    words = [POSSESSIVE_RE.sub("", w.lower()) for w in WORD_RE.findall(text)]
    counts: Counter = Counter()
    prev = None
    for w in words:
        if len(w) < 2 or w in STOP_WORDS:
            prev = None
            continue
        counts[("word", w)] += 1
        if prev is not None:
            counts[("bigram", f"{prev} {w}")] += 1
        prev = w
    return counts


def split_by_voice(text: str, offset: int, intervals: Sequence[tuple[int, int]]) -> tuple[str, str]:
    """``text`` (starting at char ``offset`` of its article) as the outlet's
    words and the quoted words, each with the other's characters blanked."""
    own, quoted = list(text), [" "] * len(text)
    end_all = offset + len(text)
    for start, end in intervals:
        if end <= offset or start >= end_all:
            continue
        for i in range(max(start, offset) - offset, min(end, end_all) - offset):
            quoted[i], own[i] = own[i], " "
    return "".join(own), "".join(quoted)


def quoted_intervals_by_article(corpus) -> dict[str, list[tuple[int, int]]]:
    """Merged quoted character intervals per article: the quotes table's spans
    plus the quotation marks of the whole article text, paired by
    :func:`toolkit.quotes.marks.find_quotes` as during annotation (a quote may
    run over sentences; scare quotes have no quotes-table row)."""
    quotes = corpus.quotes.dropna(subset=["start", "end"])
    spans_by_article = {aid: list(zip(g["start"].astype(int), g["end"].astype(int)))
                        for aid, g in quotes.groupby("article_id")}
    article_text = corpus.articles.set_index("article_id")["text"].astype("string").fillna("").to_dict()
    return {
        aid: merge_intervals(spans_by_article.get(aid, []) + [(seg.start, seg.end) for seg in quoted_segments(text)])
        for aid, text in article_text.items()
    }
