"""What a quotes-table row is: speech (direct, indirect, mixed) or not
(a scare quote, a title, a term).

Method (rules on the row and its sentence; after the scare-quote and
title heuristics of the framing literature, e.g. Predelli 2003 on scare
quotes, and textacy's title filter):

* a reported clause is ``indirect``, or ``mixed`` when it holds a quoted
  fragment (`accused Moscow of waging “an overt gas war”`);
* a quoted passage that a cue, a source or a continued quote attributes is
  ``direct`` speech, whatever its length (`called the evidence “fake”`,
  `is labeling Obama's actions “a blatant, belligerent abuse of power”`); one
  inside a reported clause with a source is that source's words (mixed
  speech: `adding that he believed the judge was "Mexican."`; the clause
  takes it in :mod:`toolkit.quotes.resolve`);
* a quoted passage nothing attributes is ``title`` when it reads as one (short,
  every content word capitalised: `“First Person”`, `“New York Times Opinion”`),
  ``term`` when it is named as a term (`so-called`, `what X call a`, `known
  as`, `the term`, a hyphenated compound such as `“court-packing”`), and
  ``scare_quote`` when it is a short fragment (four words or fewer: Putin's
  `“thinking”`); a longer unattributed passage stays ``direct`` speech whose
  speaker is unknown.

Share of voice counts speech only (:data:`SPEECH_KINDS`); framing reads the
other kinds as the outlet's distance from a word.
"""

from __future__ import annotations

import re

import pandas as pd

SPEECH_KINDS = ("direct", "indirect", "mixed")
NOT_SPEECH_KINDS = ("scare_quote", "title", "term")
KINDS = SPEECH_KINDS + NOT_SPEECH_KINDS
#: characters a reported clause may end before the end of a quote it holds
CLAUSE_END_SLACK = 2
#: a cue-less quote of this many words or fewer is a fragment, not speech
MAX_FRAGMENT_WORDS = 4
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NAMING = re.compile(
    r"(so[- ]called|known as|dubbed|termed|the (?:term|word|phrase|label|slogan|notion|idea) (?:of )?|"
    r"what (?:\w+ ){1,5}(?:call|calls|called|describe as|term)(?: an?| the)?|referred to as|labelled|labeled)\s*$",
    re.IGNORECASE)


#: what stands before a title: a preposition, a possessive or a noun for a work
#: (`on “Meet the Press”`, `ABC’s “This Week”`, `the podcast “Here’s the Thing”`)
_TITLE_CONTEXT = re.compile(
    r"(?:\b(?:on|in|to|from|of|with|titled|entitled|according to|show|programme|program|podcast|book|memoir|film|movie|"
    r"series|documentary|song|album|column|op-ed|essay|novel|play)|[’']s)\s*$", re.IGNORECASE)


#: words a title leaves in lower case besides those of three letters or fewer
#: (`“This Week with George Stephanopoulos”`, `“Notes from Underground”`)
_TITLE_SMALL_WORDS = {"with", "from", "into", "onto", "upon", "over", "about", "after", "under", "than", "that", "this"}


def is_speech(kind: str | None) -> bool:
    """True for direct, indirect and mixed rows (and rows of tables written
    before the ``kind`` column existed)."""
    if kind is None or kind is pd.NA or (isinstance(kind, float) and kind != kind):
        return True
    return kind in SPEECH_KINDS


def quote_kind(text: str, before: str, *, attributed: bool, headline: bool = False) -> str:
    """Kind of a quoted passage (module docstring). ``before`` is the text of
    its sentence before the opening mark; ``attributed`` whether a cue, a
    source or a continued quote gives it a speaker; ``headline`` whether its
    line is a title-case headline, where every word is capitalised, so that
    capitals say nothing of a title, nor does a `to` before an attributed
    quote (`John McCain: Republican Populist Anger Appeals to ‘Bad Angels Of
    Our Nature.’` is McCain's speech; `On ‘The Tonight Show’` stays a title)."""
    words = _WORD.findall(text)
    content = [w for i, w in enumerate(words) if i == 0 or (len(w) > 3 and w not in _TITLE_SMALL_WORDS)]
    capitalised = bool(content) and all(w[0].isupper() for w in content)
    context = _TITLE_CONTEXT.search(before.rstrip(" “\"‘'"))
    if context is not None and context.group(0).strip() == "To":
        # (a capitalised `To` is a title-case headline's infinitive, not
        # the `to` of `said to “Meet the Press”`: `Zoe Saldana Asked Men
        # Everywhere To “Redefine Masculinity.”`)
        context = None
    if headline and attributed and context is not None and context.group(0).strip().lower() == "to":
        context = None
    if capitalised and len(words) <= 10 and context is not None:
        # `he said on “Meet the Press.”`, `Speaking Sunday on ABC’s “This Week,”`,
        # `According to ''The Trumps: Three Generations That Built an Empire,''`:
        # a show or a book named where the speech happened, even next to a cue
        return "title"
    if len(words) >= 5 and text.upper() == text and any(ch.isalpha() for ch in text):
        return "title"  # `‘EUROPEANS ASK IF VIOLENCE IS BECOMING FACT OF LIFE’`: a quoted headline
    if attributed:
        return "direct"
    if 0 < len(words) <= 6 and capitalised:
        return "title"
    if len(words) <= MAX_FRAGMENT_WORDS:
        if _NAMING.search(before.rstrip(" “\"‘'")) or (len(words) == 1 and "-" in words[0]):
            return "term"
        return "scare_quote"
    return "direct"


def clause_kind(start: int, end: int, quote_spans) -> str:
    """``mixed`` when a quoted passage lies inside the reported clause, else
    ``indirect``. A clause the parse ends a character or two before the
    quote's own end (`adding that he believed the judge was "Mexican` before
    `."`) still holds it, so share of voice counts the two rows once."""
    for q_start, q_end in quote_spans:
        if start <= q_start < end and q_end <= end + CLAUSE_END_SLACK:
            return "mixed"
    return "indirect"
