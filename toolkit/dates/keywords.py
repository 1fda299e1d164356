"""The keyword pre-filter of the date grammar: run a rule's regular expression
only where one of its keywords is, with the same matches as a scan of the whole text.

Why: the rules are case-insensitive and most open with optional groups
(``(?:(?P<qmod>approximately|…)\\s+)?``), so Python's ``re`` cannot skip ahead to
a likely start and tries a match at every character of the article — the
whole text, 35 times over. That was ~2.2 of the 3.0 CPU s the dates step took
on 150 ru_ua_2022 articles (issue 14, ``docs/results/dates.md``).

Method: each rule declares :class:`Keys`, words of which one occurs in every
match it can make (the unit of "three days ago", the month of "late May"; see
the rule modules). The text is searched once per key set for those words (a
plain substring search: ``str.find`` on the lower-cased text, or on the text as
written for the month and weekday names the rules match Capitalised only). A
match containing a keyword at ``p`` starts at ``p`` or in the stretch just before
it that the rule's optional opening ("about", "the past", "Friday,", "mid-")
can cover: :func:`lead_start` walks back from ``p`` over separators (spaces,
dashes, ``. , ' /``), digits and words that occur in the rule's pattern, and
stops at the first other word (the match may begin inside it: "data year"
gives "a year") or at any other character. The rule's pattern is then tried
(``Pattern.match``, which sees the whole string for ``\\b`` and look-behinds)
at each position of those windows, in order, resuming after each match —
exactly the positions ``finditer`` would find a match at, since a match can
start nowhere else. A rule without keys, or a text whose lower-casing changes
its length, is scanned whole as before.

What a rule's keys must guarantee (checked by ``tests/test_dates_keywords.py``
on real text): every match contains one of the words, and the text from the
match start to that word consists of separators, digits and whole words of
the rule's pattern source — never a word glued from two parts of the pattern
("centur" + "ies"), which the walk back would not recognise.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

#: characters besides whitespace and digits that a rule's opening can contain
#: ("Fri., Oct. 7", "mid-May", "1,200", "'90s", "2014/15")
SEPARATORS = frozenset("-–—.,'’/")
#: the letters ``re.IGNORECASE`` equates with an ASCII letter but ``str.lower`` does not
#: ("ſ" long s, dotless "ı"; the Kelvin sign lower-cases to "k" by itself)
_FOLD = str.maketrans({"ſ": "s", "ı": "i"})
_DIGIT_RUN = re.compile(r"\d+")


@dataclass(frozen=True)
class Keys:
    """Words one of which is in every match of a rule.

    Attributes:
        words: the words, found anywhere in the text (also inside a longer
            word: a rule without ``\\b`` can match inside one).
        case: match ``words`` as written (month and weekday names, which the
            rules take Capitalised only); otherwise lower-case them and search
            the lower-cased text (the rule is case-insensitive there).
        digits: a run of digits is the key (years, numeric dates); a match
            may start anywhere inside the run.
    """

    words: tuple[str, ...] = ()
    case: bool = False
    digits: bool = False

    def __post_init__(self):
        words = self.words if self.case else (w.lower() for w in self.words)
        object.__setattr__(self, "words", tuple(sorted(set(words))))


#: a run of digits ("2022", "6/27/25", "1990s")
DIGITS = Keys(digits=True)


@functools.lru_cache(maxsize=256)
def pattern_words(pattern: re.Pattern) -> frozenset[str]:
    """Every run of letters in ``pattern``'s source, lower-cased: a superset of
    the words its text can contain (it also holds ``s`` of ``\\s`` and group names)."""
    return frozenset(re.findall(r"[a-z]+", pattern.pattern.lower()))


def shared_words(rules) -> dict[Keys, frozenset[str]]:
    """The union of :func:`pattern_words` of all ``rules`` with the same keys:
    one set of windows serves them all (a wider window never changes a match)."""
    return _shared_words(tuple((r.pattern, r.keys) for r in rules if r.keys is not None))


@functools.lru_cache(maxsize=8)
def _shared_words(pairs: tuple[tuple[re.Pattern, Keys], ...]) -> dict[Keys, frozenset[str]]:
    out: dict[Keys, frozenset[str]] = {}
    for pattern, keys in pairs:
        out[keys] = out.get(keys, frozenset()) | pattern_words(pattern)
    return out


class TextScan:
    """The keyword positions of one text, found once per key set and shared by the rules."""

    def __init__(self, text: str):
        self.text = text
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters lower-case to two ("İ"): offsets would shift
            lowered = None
        elif "ſ" in lowered or "ı" in lowered:  # (translate is slow: only when needed)
            lowered = lowered.translate(_FOLD)
        self.lowered = lowered
        self._spans: dict[Keys, list[tuple[int, int]] | None] = {}
        self._windows: dict[tuple[Keys, frozenset[str]], list[tuple[int, int]] | None] = {}

    def key_spans(self, keys: Keys) -> list[tuple[int, int]] | None:
        """``(first, last)`` character positions where a keyword of ``keys``
        starts (``first == last`` for a word; a digit run's first and last
        digit), in text order; ``None`` when this text cannot be pre-filtered."""
        if keys in self._spans:
            return self._spans[keys]
        haystack = self.text if keys.case else self.lowered
        spans: list[tuple[int, int]] | None = None
        if keys.digits:
            spans = [(m.start(), m.end() - 1) for m in _DIGIT_RUN.finditer(self.text)]
        elif haystack is not None:
            spans = []
            for word in keys.words:
                at = haystack.find(word)
                while at >= 0:
                    spans.append((at, at))
                    at = haystack.find(word, at + 1)
            spans.sort()
        self._spans[keys] = spans
        return spans

    def windows(self, keys: Keys, vocabulary: frozenset[str]) -> list[tuple[int, int]] | None:
        """Merged ``(first, last)`` ranges of positions where a match of a rule
        with these keys and pattern words can start (see the module docstring)."""
        cache_key = (keys, vocabulary)
        if cache_key in self._windows:
            return self._windows[cache_key]
        spans = self.key_spans(keys)
        merged: list[tuple[int, int]] | None = None
        if spans is not None:
            ranges = sorted((lead_start(self.text, first, vocabulary), last) for first, last in spans)
            merged = []
            for first, last in ranges:
                if merged and first <= merged[-1][1] + 1:
                    if last > merged[-1][1]:
                        merged[-1] = (merged[-1][0], last)
                else:
                    merged.append((first, last))
        self._windows[cache_key] = merged
        return merged


def lead_start(text: str, at: int, vocabulary: frozenset[str]) -> int:
    """The earliest position a match with a keyword at ``at`` can start.

    Walks back from ``at`` over whitespace, :data:`SEPARATORS`, digits and
    words in ``vocabulary`` (the rule's pattern words; a word with a letter
    outside ASCII is passed too, since ``re.IGNORECASE`` folds a few of them
    onto ASCII letters). Stops at any other character (the match cannot
    contain it) or at the start of any other word (the match may begin inside
    it, a pattern word as its ending: "data year" -> "a year").
    """
    i = at
    while i > 0:
        c = text[i - 1]
        if c.isspace() or c in SEPARATORS or c.isdigit():
            i -= 1
            continue
        if not c.isalpha():
            return i
        j = i - 1
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        word = text[j:i]
        if word.isascii() and word.lower() not in vocabulary:
            return j
        i = j
    return 0


def rule_matches(pattern: re.Pattern, keys: Keys | None, scan: TextScan,
                 vocabulary: frozenset[str] | None = None) -> Iterator[re.Match]:
    """The matches of ``pattern.finditer(scan.text)``, trying only where
    ``keys`` allow a match to start (all of the text when ``keys`` is None).

    ``vocabulary``: the words the opening of a match may contain (default: the
    pattern's own, :func:`pattern_words`; any superset gives the same matches,
    so rules with the same keys can share one set of windows, :func:`shared_words`).
    """
    if keys is None:
        yield from pattern.finditer(scan.text)
        return
    windows = scan.windows(keys, vocabulary if vocabulary is not None else pattern_words(pattern))
    if windows is None:
        yield from pattern.finditer(scan.text)
        return
    text, resume = scan.text, 0
    for first, last in windows:
        i = max(first, resume)
        while i <= last:
            m = pattern.match(text, i)
            if m is None:
                i += 1
                continue
            yield m
            # finditer goes on where the match ended (one further after an empty match)
            resume = i = m.end() if m.end() > m.start() else m.start() + 1
