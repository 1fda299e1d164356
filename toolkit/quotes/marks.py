"""Find quoted passages in raw text by their quotation marks.

Method: a per-paragraph scan of the marks with a stack, written for news text
(no parse needed, so it never depends on where spaCy puts sentence breaks):

* curly ``“ ”``, low ``„`` and guillemets ``« »`` have a direction and pair
  reliably;
* straight ``"`` has none: it opens after a space, a bracket, a dash or the
  start of a paragraph and closes otherwise; pairing never crosses a paragraph;
* an outer quote hides the marks inside it (``"...“nested”..."``);
* a quote still open at the end of a paragraph continues when the next
  paragraph opens with a quotation mark (the multi-paragraph convention of the
  AP and Chicago style guides); otherwise it runs to the end of its paragraph;
* single ``‘ ’`` are quotes only at top level, with ``‘`` at a word start and a
  ``’`` closing before a non-letter, so apostrophes (``Russia’s``,
  ``Kyiv‘s``) never open or close anything;
* the NYT archive's two apostrophes ``''`` count as a straight double mark;
* a double mark opening after sentence-final punctuation while a double quote
  is still open (`… them. “If the occupiers …`) ends the open quote there: in
  text whose paragraph breaks were flattened this is the next paragraph of a
  multi-paragraph quote, and English nests quotes with single marks, so a
  nested double quote never starts a sentence;
* a ``“`` glued to the word before it and followed by a space is a typo'd
  closing mark (`… so would be Finland.“ A hundred thousand`), and a ``”``
  at a word start with no quote open a typo'd opening mark (`⏎ ”Isis
  declares death …!!!” wrote Pete Hidalgo`);
* stray closing marks are ignored: odd numbers of marks never raise.

This is the toolkit's one pairing of quotation marks: the quotes extractor,
the framing voice index and the term counts all read :func:`find_quotes`,
which pairs each text once per process (cached on the text) however many of
them ask.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

OPENERS = "“„«"
CLOSERS = "”»"
STRAIGHT = '"'
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
#: `''` is the double quote of the NYT archive and of LaTeX-ish text: a straight mark two characters wide
_DOUBLE_RE = re.compile(r"[“”„«»\"]|''")
_PARAGRAPH_RE = re.compile(r"[^\n]+")
_SINGLE_RE = re.compile("[‘’]")
#: characters after which a straight quote opens a quotation
_OPEN_CONTEXT = set(" \t([{—–-/:") | set(OPENERS)


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: ``open_mark``/``close_mark`` are the marks' offsets
    (``close_mark`` is None when unclosed), ``start``/``end`` the content's."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    single: bool = False
    close_width: int = 1

    @property
    def outer_end(self) -> int:
        """Offset just past the closing mark (or the content when unclosed)."""
        return self.close_mark + self.close_width if self.close_mark is not None else self.end


def find_quotes(text: str) -> list[QuoteSpan]:
    """All top-level quotations in ``text``, in order (see module docstring).

    Args:
        text: an article's cleaned text (or any text).

    Returns:
        One :class:`QuoteSpan` per quotation, sorted by its opening mark.
    """
    return list(_paired(text))


@functools.lru_cache(maxsize=64)
def _paired(text: str) -> tuple[QuoteSpan, ...]:
    """The pairing itself; cached so the extractors of one document share it."""
    spans: list[QuoteSpan] = []
    pending: int | None = None  # open mark of a quote carried over from the previous paragraph
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH_RE.finditer(text) if m.group().strip()]
    for k, (p_start, p_end) in enumerate(paragraphs):
        stack: list[int] = []
        first = _first_visible(text, p_start, p_end)
        carried = (pending is not None and first is not None
                   and (text[first] in OPENERS + STRAIGHT or text.startswith("''", first))
                   and _is_opening(text, first, p_start))
        if pending is not None and not carried:
            prev_end = paragraphs[k - 1][1]
            spans.append(_make(text, pending, None, prev_end))
        if carried:
            stack = [pending]
        pending = None
        for m in _DOUBLE_RE.finditer(text, p_start, p_end):
            pos = m.start()
            if carried and pos == first:
                continue  # the continuation mark: the quote is already open
            straight = m.group() in (STRAIGHT, "''")
            opening = _is_opening(text, pos, p_start) and not (
                straight and stack and (_closes_straight(text, m.end(), p_end) or text[max(p_start, pos - 2):pos] in ("' ", "’ ")))
            if not opening and not stack and _typo_opener(text, pos, p_start):
                opening = True
            if opening and stack and _after_sentence_end(text, pos, p_start):
                # a new paragraph of a multi-paragraph quote in text whose
                # paragraph breaks were flattened (`… And we will increase
                # them. “If the occupiers …”`): English nests with single
                # marks, so the open quote ends here instead of swallowing
                # the rest of the article
                spans.append(_make(text, stack[0], None, pos))
                stack = []
            if opening:
                stack.append(pos)
            elif stack:
                opened = stack.pop()
                if not stack:
                    spans.append(_make(text, opened, pos, pos, close_width=len(m.group())))
        if stack:
            pending = stack[0]
    if pending is not None:
        spans.append(_make(text, pending, None, paragraphs[-1][1]))
    spans.extend(_single_quotes(text, spans, paragraphs))
    return tuple(sorted((s for s in spans if s.end > s.start), key=lambda s: s.open_mark))


def paragraph_bounds(text: str, char: int) -> tuple[int, int]:
    """Start and end offsets of the line (paragraph) holding ``char``."""
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return start, len(text) if end < 0 else end


def _make(text: str, open_mark: int, close_mark: int | None, end: int, close_width: int = 1) -> QuoteSpan:
    start = open_mark + (2 if text.startswith("''", open_mark) else 1)
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1  # the comma in `“…,” Putin said` belongs to the frame, not the quote
    return QuoteSpan(start=start, end=end, open_mark=open_mark, close_mark=close_mark, close_width=close_width)


def _first_visible(text: str, start: int, end: int) -> int | None:
    for i in range(start, end):
        if not text[i].isspace():
            return i
    return None


def _is_opening(text: str, pos: int, p_start: int) -> bool:
    mark = text[pos]
    if mark == "“" and pos > p_start and not text[pos - 1].isspace() and (
            pos + 1 == len(text) or text[pos + 1].isspace()):
        return False  # a typo'd closer glued to the word before it (`so would be Finland.“ A hundred`)
    if mark in OPENERS:
        return True
    if mark in CLOSERS:
        return False
    return pos == p_start or text[pos - 1] in _OPEN_CONTEXT or text[pos - 1].isspace()


def _typo_opener(text: str, pos: int, p_start: int) -> bool:
    """`⏎ ”Isis declares death on a lot of people …!!!” wrote Pete Hidalgo`
    (Western Journal, 2015, quoting Facebook comments): a closing ``”`` at a
    word start (after the paragraph start, a space or an invisible format
    character such as U+202A) with no quote open is a typo'd opening mark."""
    if text[pos] != "”" or pos + 1 >= len(text) or not (text[pos + 1].isalnum() or text[pos + 1] in "‘'"):
        return False
    i = pos - 1
    while i >= p_start and unicodedata.category(text[i]) == "Cf":
        i -= 1
    return i < p_start or text[i].isspace() or text[i] in "([{—–"


def _after_sentence_end(text: str, pos: int, p_start: int) -> bool:
    """The mark at ``pos`` follows sentence-final punctuation and a space
    (`them. “If`), i.e. it starts a new sentence rather than nesting."""
    i = pos - 1
    if i < p_start or not text[i].isspace():
        return False
    while i >= p_start and text[i].isspace():
        i -= 1
    return i >= p_start and text[i] in ".!?…"


def _closes_straight(text: str, after: int, p_end: int) -> bool:
    """A straight quote after a space can still close (`"fine" , he said`):
    it does when what follows (from offset ``after``) is the end or punctuation.
    (It also closes right after a nested single quote and a space, `… of the
    political community,' " Reeves wrote`: checked by the caller.)"""
    nxt = text[after] if after < p_end else ""
    return nxt == "" or nxt in ",.;:!?)"


def _single_quotes(text: str, doubles: list[QuoteSpan], paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Top-level ‘…’ quotations outside every double-quoted passage."""
    covered = [(s.open_mark, s.outer_end) for s in doubles]
    out: list[QuoteSpan] = []
    for p_start, p_end in paragraphs:
        opened: int | None = None
        for m in _SINGLE_RE.finditer(text, p_start, p_end):  # (only the marks, not every character)
            pos, ch = m.start(), m.group()
            if any(a <= pos < b for a, b in covered):
                continue
            before = text[pos - 1] if pos > p_start else " "
            after = text[pos + 1] if pos + 1 < p_end else " "
            if ch == SINGLE_OPEN and opened is None and not before.isalnum() and not after.isspace():
                opened = pos
            elif ch == SINGLE_CLOSE and opened is not None and not after.isalnum() and not before.isspace():
                out.append(QuoteSpan(start=opened + 1, end=pos, open_mark=opened, close_mark=pos, single=True))
                opened = None
    return out
