"""Whose voice a stretch of text is in: the outlet's, or a quoted speaker's.

A term inside a quote belongs to the speaker, not to the outlet. The quotes
table (``toolkit.quotes``) is the first authority: a quotation-marked segment
that a quotes row overlaps takes that row's speaker, found once by the quotes
extractor. This module adds the marked segments it does not cover — short
partial quotes ("describing the strike as “demilitarization.”"), and scare
quotes — and resolves their speaker from the dependency parse:

1. a reporting verb governing the segment (an ancestor, or a child of the
   segment attached to it, whose lemma is a reporting verb) — its subject,
   looked up in the mentions (a pronoun falls back to the most recent person
   mention before it);
2. a short quoted term (≤ 3 words, not opening its sentence, not a Title
   Case name or title such as “Operation Air Corridor”) with no reporting
   verb is a **scare quote**: the words are someone else's
   (``in_quote``) but no speaker is named, and the marks are the outlet's
   distancing device (a ``hedge`` row);
3. any other segment continues the last attributed quote within the previous
   three sentences (the multi-paragraph quotation convention), else its
   speaker is unknown.

Method: the quotation marks are paired by :mod:`toolkit.quotes.marks` (the
toolkit's one pairing, shared with the quotes extractor); speaker heuristics
after Pareti (2015) and the "reporting verb + subject" rule of the PolNeAR
guidelines.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from toolkit.context import doc_text
from toolkit.framing.actor_index import ActorIndex, record_offset, record_str
from toolkit.quotes.marks import find_quotes
from toolkit.vocabulary import reporting_verbs

#: verbs besides the attribution verbs that introduce someone's words (the
#: ``naming`` tag of the shared lexicon, toolkit/data/reporting_verbs.yaml)
NAMING_VERBS = reporting_verbs().naming_verbs
SCARE_MAX_WORDS = 3
CONTINUATION_SENTENCES = 3


@dataclass(frozen=True)
class Segment:
    """Quoted text ``[start, end)`` (marks excluded)."""

    start: int
    end: int
    closed: bool


@dataclass(frozen=True)
class Attributed:
    segment: Segment
    speaker_actor_id: str | None
    scare: bool  # a scare quote: no speaker, short, mid-sentence
    has_reporting_verb: bool


def quoted_segments(text: str) -> list[Segment]:
    """Quotation-marked segments of ``text``: the quotes extractor's pairing
    (:func:`toolkit.quotes.marks.find_quotes`, the toolkit's one pairing of
    marks), as segments; ``closed`` is False for a quote its paragraph never
    closes."""
    return [Segment(q.start, q.end, q.close_mark is not None) for q in find_quotes(text)]


# -- voice of a span -----------------------------------------------------------

@dataclass(frozen=True)
class QuoteSpan:
    start: int
    end: int
    speaker_actor_id: str | None


class VoiceIndex:
    """``voice(start, end) -> (in_quote, speaker_actor_id)`` for one doc."""

    def __init__(self, doc: Doc, quotes: Iterable[Mapping], actors: ActorIndex, reporting_verbs: frozenset[str]):
        self.quotes = [
            QuoteSpan(record_offset(q.get("start")), record_offset(q.get("end")), record_str(q.get("speaker_actor_id")))
            for q in quotes
            if record_offset(q.get("start")) is not None and record_offset(q.get("end")) is not None
        ]
        self.attributed = attribute_segments(doc, quoted_segments(doc_text(doc)), actors, reporting_verbs, self.quotes)

    def segment_at(self, start: int, end: int) -> Attributed | None:
        for a in self.attributed:
            if a.segment.start <= start and end <= a.segment.end:
                return a
        return None

    def voice(self, start: int, end: int) -> tuple[bool, str | None]:
        seg = self.segment_at(start, end)
        seg_speaker = seg.speaker_actor_id if seg else None
        for q in self.quotes:
            if q.start <= start and end <= q.end:
                return True, q.speaker_actor_id or seg_speaker
        if seg is not None:
            return True, seg_speaker
        return False, None


def attribute_segments(doc: Doc, segments: list[Segment], actors: ActorIndex,
                       reporting_verbs: frozenset[str], quotes: Iterable[QuoteSpan] = ()) -> list[Attributed]:
    """Resolve each segment's speaker (see the module docstring): the speaker
    of a quotes-table row overlapping it, else from the parse."""
    out: list[Attributed] = []
    last_speaker: tuple[str, int] | None = None  # (actor_id, sentence index)
    parsed = doc.has_annotation("DEP")
    quotes = [q for q in quotes if q.speaker_actor_id]
    for seg in segments:
        span = doc.char_span(seg.start, seg.end, alignment_mode="expand")
        if span is None or not len(span):
            out.append(Attributed(seg, None, False, False))
            continue
        sent_i = _sent_index(doc, span.start)
        quoted_by = next((q.speaker_actor_id for q in quotes if q.start < seg.end and seg.start < q.end), None)
        if quoted_by is not None:  # the quotes extractor already found who says it
            last_speaker = (quoted_by, sent_i)
            out.append(Attributed(seg, quoted_by, False, True))
            continue
        found = _reporting_verb(span, reporting_verbs) if parsed else None
        if found is not None:
            subject = found[1]
            speaker = actors.for_token(subject) if subject is not None else None
            if speaker:
                last_speaker = (speaker, sent_i)
            out.append(Attributed(seg, speaker, False, True))
            continue
        words = [t for t in span if not (t.is_punct or t.is_space)]
        starts_sentence = not any(not (t.is_punct or t.is_space) for t in doc[span.sent.start:span.start])
        title_case = all(w.text[:1].isupper() or not w.is_alpha for w in words) and any(w.is_alpha for w in words)
        if seg.closed and 0 < len(words) <= SCARE_MAX_WORDS and not starts_sentence and not title_case:
            out.append(Attributed(seg, None, True, False))
            continue
        speaker = None
        if last_speaker and sent_i - last_speaker[1] <= CONTINUATION_SENTENCES:
            speaker = last_speaker[0]
            last_speaker = (speaker, sent_i)
        out.append(Attributed(seg, speaker, False, False))
    return out


def _sent_index(doc: Doc, token_i: int) -> int:
    from toolkit.context import sentence_index

    return int(sentence_index(doc)[token_i])


def _reporting_verb(span, reporting_verbs: frozenset[str]) -> tuple[Token, Token | None] | None:
    """The reporting verb governing a quoted span and its subject.

    Candidates are verbs outside the span attached to a token inside it, and
    the span's ancestors outside it. A candidate whose subject lies inside the
    quote is no attribution; one with its own subject beats one whose subject
    is borrowed from a governing verb ("Speaking to reporters, Peskov said");
    then the nearest to the quote wins.
    """
    inside = range(span.start, span.end)
    candidates: list[Token] = []
    for tok in span:
        for child in tok.children:
            if child.i not in inside and child.lemma_.lower() in reporting_verbs and child.pos_ in ("VERB", "AUX"):
                candidates.append(child)
    seen: set[int] = set()
    for root in (t for t in span if t.head.i not in inside or t.head.i == t.i):
        node, steps = root.head, 0
        while node.i not in seen and steps < 12:
            seen.add(node.i)
            if node.i not in inside and node.lemma_.lower() in reporting_verbs:
                candidates.append(node)
            if node.head.i == node.i:
                break
            node, steps = node.head, steps + 1
    best, best_rank = None, None
    for verb in candidates:
        subject, own = _subject(verb)
        if subject is not None and subject.i in inside:
            continue
        distance = min(abs(verb.i - span.start), abs(verb.i - (span.end - 1)))
        rank = (subject is None, not own, distance)
        if best_rank is None or rank < best_rank:
            best, best_rank = (verb, subject), rank
    return best


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """Subject of a reporting verb (and whether it is the verb's own),
    climbing from a participle or infinitive ("he said, describing it as ...")
    to the verb that has one; a passive's ``by``-agent is the speaker."""
    node = verb
    for step in range(4):
        for child in node.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    return pobj, step == 0
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child, step == 0
        if node.head.i == node.i:
            return None, False
        node = node.head
    return None, False
