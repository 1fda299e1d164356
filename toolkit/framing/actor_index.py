"""Which actor a stretch of text refers to, for the framing extractor.

The mentions table's records first; before the mentions extractor runs (or
when it finds nothing), the catalogue entities the pipeline's actor ruler put
on the doc (``ent.ent_id_``). A personal pronoun with no resolved mention
falls back to the most recent person mentioned as a clause subject.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping

from spacy.tokens import Doc, Token

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: person mentions searched back for a subject antecedent of a pronoun
PRONOUN_LOOKBACK = 6


class ActorIndex:
    """Which actor a character range refers to: the mentions records first,
    then the catalogue entities the pipeline's actor ruler marked
    (``ent.ent_id_``), so framing works before the mentions extractor runs."""

    def __init__(self, doc: Doc, mentions: Iterable[Mapping]):
        self.doc = doc
        spans: list[tuple[int, int, str, bool]] = []
        for m in mentions:
            actor_id = record_str(m.get("actor_id"))
            start, end = record_offset(m.get("start")), record_offset(m.get("end"))
            if actor_id and start is not None and end is not None:
                spans.append((start, end, actor_id, m.get("kind") == "person"))
        if not spans:
            for ent in doc.ents:
                if ent.ent_id_:
                    spans.append((ent.start_char, ent.end_char, ent.ent_id_, ent.label_ == "PERSON"))
        self.spans = sorted(spans)
        self.starts = [s[0] for s in self.spans]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, str, bool]]:
        hi = bisect_right(self.starts, end - 1)
        return [s for s in self.spans[:hi] if s[1] > start]

    def actor_at(self, start: int, end: int) -> str | None:
        """Actor of the mention nearest the end of the range (in English the
        head of a phrase comes last: "US President Donald Trump" -> trump)."""
        hits = self.overlapping(start, end)
        return max(hits, key=lambda h: (h[1], h[1] - h[0]))[2] if hits else None

    def last_person_before(self, char: int) -> str | None:
        """Antecedent of a personal pronoun at ``char``: the most recent person
        mentioned as a clause subject, else the most recent person (the
        subject-preference heuristic of centering theory; Grosz, Joshi &
        Weinstein 1995). Used only when no mention resolves the pronoun."""
        hi = bisect_right(self.starts, char - 1)
        before = [s for s in reversed(self.spans[:hi]) if s[3] and s[1] <= char]
        for s in before[:PRONOUN_LOOKBACK]:
            if self._is_subject(s[0], s[1]):
                return s[2]
        return before[0][2] if before else None

    def _is_subject(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.dep_ in ("nsubj", "nsubjpass")

    def for_token(self, tok: Token) -> str | None:
        """Actor of a subject token: its own mention, its phrase's, or for a
        personal pronoun without a resolved mention the last person before."""
        hit = self.actor_at(tok.idx, tok.idx + len(tok))
        if hit:
            return hit
        if tok.lower_ in PERSON_PRONOUNS:
            return self.last_person_before(tok.idx)
        left, right = tok.left_edge, tok.right_edge
        if right.i - left.i < 8:
            return self.actor_at(left.idx, right.idx + len(right))
        return None


def record_offset(value) -> int | None:
    """An offset from a record: ``None`` for missing values (None, NaN, pd.NA)."""
    try:
        return None if value is None or value != value else int(value)
    except (TypeError, ValueError):
        return None


def record_str(value) -> str | None:
    """A string field from a record: ``None`` for missing values."""
    try:
        if value is None or value != value:  # None or NaN
            return None
    except TypeError:  # pd.NA refuses comparison
        return None
    value = str(value)
    return value or None
