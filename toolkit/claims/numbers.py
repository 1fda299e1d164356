"""Find and parse the figures news text states, in every form it uses.

Method: one regular expression over the text (not the tokens, so hyphenated
forms such as "1,000-for-1,000" and "twenty-eight" stay whole) for

* digits with separators and scale words: "1,008,240", "1.2 million", "1bn";
* number words: "three", "twenty-eight", "one million", "two hundred and fifty";
* vague quantities from ``data/vague_quantities.yaml``: "dozens" -> 24-99;
* ranges "between 20 and 30", "20-30", "two or three"; reciprocal swaps
  "1,000-for-1,000" (the figure per side);
* a hedge in front: "at least", "more than/over", "up to", "about/nearly".

Each match becomes a :class:`Quantity` with ``low``/``high`` bounds and a
``qualifier`` (the claims table's vocabulary). Whether a figure counts people
at all is decided later, from its syntax (:mod:`toolkit.claims.extract`);
here only figures that are never counts of anyone are dropped: ages
("the 72-year-old"), durations ("30-day"), money, percentages.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from toolkit.claims.lexicon import load_lexicon

UNIT_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SCALE_ABBREVIATIONS = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}

#: hedge in front of a figure -> qualifier. "nearly/almost/just under" are
#: ``up_to`` (the true value is below the figure), as the project's
#: LABELLING.md defines them: low empty, high N.
MODIFIERS = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least",
    "more than": "more_than", "over": "more_than", "in excess of": "more_than",
    "upwards of": "more_than", "upward of": "more_than", "well over": "more_than",
    "above": "more_than", "exceeding": "more_than",
    "up to": "up_to", "as many as": "up_to", "at most": "up_to", "no more than": "up_to",
    "fewer than": "up_to", "less than": "up_to", "under": "up_to", "as much as": "up_to",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "nearly": "up_to", "almost": "up_to", "close to": "about",
    "an estimated": "about", "estimated": "about", "circa": "about", "approx.": "about",
    "just over": "about", "just under": "up_to", "nearly all": "about",
}

_UNIT = "|".join(sorted(UNIT_WORDS, key=len, reverse=True))
_TENS = "|".join(TENS_WORDS)
_SCALE = "|".join(SCALE_WORDS)
_WORD = rf"(?:(?:{_TENS})(?:-(?:{_UNIT}))?|{_UNIT})"
_WORD_NUMBER = (
    rf"(?:half\s+a\s+(?:million|billion)"
    rf"|(?:{_WORD}|a(?=\s+(?:{_SCALE})\b))(?:(?:\s+and\s+|\s+|-)(?:{_WORD}|{_SCALE})\b)*)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?:hundred|thousand|million|billion|mn|bn|m|k)\b)?"
_NUMBER = rf"(?:{_DIGITS}|\b{_WORD_NUMBER}\b)"
_MODIFIER = "|".join(re.escape(m) for m in sorted(MODIFIERS, key=len, reverse=True))


@dataclass(frozen=True)
class Quantity:
    """A figure found in the text; ``start``/``end`` are character offsets."""

    start: int
    end: int
    surface: str
    low: float | None
    high: float | None
    qualifier: str  # exact / at_least / more_than / up_to / about / vague / range
    per_side: bool = False  # "1,000-for-1,000": the figure counts each side
    vague: bool = False


def parse_number(text: str) -> float | None:
    """Value of one number in digits or words ("1,008,240", "1.2 million",
    "twenty-eight", "one million", "half a million"); ``None`` if not one."""
    s = text.strip().lower()
    if not s:
        return None
    m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)\s*(hundred|thousand|million|billion|mn|bn|m|k)?", s)
    if m:
        try:
            value = float(m.group(1).replace(",", ""))
        except ValueError:
            return None
        scale = m.group(2)
        if scale:
            value *= SCALE_WORDS.get(scale) or SCALE_ABBREVIATIONS[scale]
        return value
    return _parse_number_words(s)


def _parse_number_words(s: str) -> float | None:
    half = re.fullmatch(r"half\s+a\s+(million|billion)", s)
    if half:
        return SCALE_WORDS[half.group(1)] / 2
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", s):
        if word in ("and", ""):
            continue
        if word == "a":
            current, seen = 1, True
        elif word in UNIT_WORDS:
            current += UNIT_WORDS[word]
            seen = True
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
            seen = True
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALE_WORDS:
            total += max(current, 1) * SCALE_WORDS[word]
            current = 0
        else:
            return None
    return float(total + current) if seen else None


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    vague = "|".join(re.escape(p) for p in sorted(load_lexicon().vague, key=len, reverse=True))
    # a figure never starts inside a word, a code ("Su-34", "F-16") or a decimal
    left = r"(?<![\w.,/\-–:])"
    return re.compile(
        rf"{left}(?:(?P<mod>{_MODIFIER})\s+)?"
        rf"(?:(?P<swap_a>{_NUMBER})\s*-?\s*for\s*-?\s*(?P<swap_b>{_NUMBER})"
        rf"|between\s+(?P<between_a>{_NUMBER})\s+and\s+(?P<between_b>{_NUMBER})"
        rf"|from\s+(?P<from_a>{_NUMBER})\s+to\s+(?P<from_b>{_NUMBER})"
        rf"|(?P<range_a>{_DIGITS})\s*(?:-|–|—)\s*(?P<range_b>{_DIGITS})"
        rf"|(?P<range_c>{_NUMBER})\s+(?:to|or)\s+(?P<range_d>{_NUMBER})\b"
        rf"|\b(?P<vague>{vague})\b"
        rf"|(?P<num>{_NUMBER}))",
        re.IGNORECASE,
    )


# after a figure: ages, durations, sizes, percentages ("72-year-old", "30-day",
# "2-3-day", "5km", "40%") -> never a count of people
_NOT_A_COUNT_AFTER = re.compile(
    r"(?:\s*(?:%|per\s*cent|percent)|/\d|-(?!for\b)[a-z]|\s*-?(?:km|kg|mm|cm|mph)\b|\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)"
    # an age written without hyphens: "Twenty-eight year old Nettie Adair", "a 19 year old man"
    r"|\s+years?[\s-]+old\b)",
    re.IGNORECASE,
)
# a day of the month: "12 Jul 2022", "on July 5" -> a date, not a count
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_MONTH_AFTER = re.compile(rf"\s+{_MONTHS}(?:\s|$|,)", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\s+$", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"[$£€₴₽]\s*$|\b(?:USD|EUR|GBP|UAH|RUB)\s*$")
_CLOCK_AROUND = re.compile(r":\d\d")
_CLOCK_BEFORE = re.compile(r"\d:\s*$")
_YEAR_RANGE = re.compile(r"(?:(?:from|between)\s+)?(?:1[5-9]|20)\d\d\s*(?:-|–|to|and)\s*(?:(?:1[5-9]|20)\d\d|\d\d)",
                         re.IGNORECASE)
#: a number glued to an underscore or letters ("20140214_Cohn", "2022abc"): part of a name or code
_GLUED_AFTER = re.compile(r"_|(?!s\b)[^\W\d_]")
_NO_ONE = re.compile(r"\b(?:no|every|any|some)\s*$", re.IGNORECASE)


#: where a figure can start: a run of digits or of letters (a match starts at the
#: first character of one), after a character ``_pattern``'s lookbehind allows
_FIGURE_START = re.compile(r"\d+|(?P<word>[^\W\d_]+)")
#: the characters ``_pattern``'s lookbehind refuses before a figure (the same class)
_NOT_BEFORE_FIGURE = re.compile(r"[\w.,/\-–:]", re.IGNORECASE)


#: a hedge and the space after it, as ``_pattern`` opens with one
_MODIFIER_START = re.compile(rf"(?:{_MODIFIER})\s+", re.IGNORECASE)


def _first_word(phrase: str) -> str:
    return re.match(r"[^\W\d_]+", phrase).group(0).lower()


@functools.lru_cache(maxsize=1)
def _first_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words a match of ``_pattern`` can begin with, lower-cased: those
    of a figure without a hedge (number words, "a", "half", "between",
    "from", vague quantities) and the first words of the hedges. In the
    pattern each is followed by a space, a hyphen or a word boundary, so it is
    the whole run of letters there."""
    figures = [*UNIT_WORDS, *TENS_WORDS, "a", "half", "between", "from", *load_lexicon().vague]
    return frozenset(map(_first_word, figures)), frozenset(map(_first_word, MODIFIERS))


def _figure_matches(text: str):
    """``_pattern().finditer(text)``, tried only where a figure can start.

    The pattern is a large case-insensitive alternation, and ``finditer``
    tries all of it at every word of the text (a fifth of the claims step on
    ru_ua_2022). A match starts at a run of digits, at a run of letters that
    opens a figure (:func:`_first_words`), or at a hedge followed by a space;
    an ASCII run of letters that is none of these cannot begin one (a run
    with other letters is always tried: case-insensitive matching folds some
    of them onto ASCII letters). So the pattern is tried at those positions
    only, left to right and never inside the previous match, with the
    pattern's own lookbehind: the same matches as ``finditer``."""
    pattern, (figure_words, hedge_words), end = _pattern(), _first_words(), 0
    for start in _FIGURE_START.finditer(text):
        at = start.start()
        if at < end or (at and _NOT_BEFORE_FIGURE.match(text, at - 1)):
            continue
        word = start.group("word")
        if word is not None and word.isascii():
            word = word.lower()
            if word not in figure_words and not (word in hedge_words and _MODIFIER_START.match(text, at)):
                continue
        m = pattern.match(text, at)
        if m is not None:
            end = m.end()
            yield m


def find_quantities(text: str) -> list[Quantity]:
    """All figures in ``text`` that could count people, left to right."""
    out: list[Quantity] = []
    lexicon = load_lexicon()
    for m in _figure_matches(text):
        before, after = text[max(0, m.start() - 8):m.start()], text[m.end():m.end() + 12]
        if _NOT_A_COUNT_AFTER.match(after) or _CURRENCY_BEFORE.search(before):
            continue
        if m.group("num") and _GLUED_AFTER.match(after):
            continue  # "20140214_CohnStreetShootingLocation.jpg": a file name or code, not a figure
        if m.group("num") and not m.group("mod") and m.group("num")[0].isdigit() and \
                (_MONTH_AFTER.match(text[m.end():m.end() + 12]) or _MONTH_BEFORE.search(text[max(0, m.start() - 12):m.start()])):
            continue
        core = m.group(0)[len(m.group("mod")) :].strip() if m.group("mod") else m.group(0)
        if core.lower() == "one" and _NO_ONE.search(before) and not m.group("mod"):
            continue  # "no one", "every one"
        if core.lower() in ("a", "a few") and not m.group("mod") and core.lower() not in lexicon.vague:
            continue
        if m.group("num") and re.fullmatch(r"\d+\.\d+", m.group("num").strip()):
            continue  # "21.32" (a live blog's timestamp), "3.5": people come in whole numbers unless scaled
        if _CLOCK_AROUND.match(text[m.end():m.end() + 3]) or _CLOCK_BEFORE.search(before):
            continue  # "01:48 Civilians lie dead ...": a live blog's or a video's time stamp
        if _YEAR_RANGE.fullmatch(m.group(0).strip()):
            continue  # "from 1932 to 1933", "1941-44": years, not a range of people
        quantity = _to_quantity(m, lexicon)
        if quantity is not None:
            out.append(quantity)
    return out


def _to_quantity(m: re.Match[str], lexicon) -> Quantity | None:
    modifier = MODIFIERS.get(re.sub(r"\s+", " ", m.group("mod").lower())) if m.group("mod") else None
    common = {"start": m.start(), "end": m.end(), "surface": m.group(0)}
    if m.group("swap_a"):
        a, b = parse_number(m.group("swap_a")), parse_number(m.group("swap_b"))
        if a is None or b is None:
            return None
        low, high = min(a, b), max(a, b)
        return Quantity(**common, low=low, high=high, qualifier=modifier or ("exact" if a == b else "range"), per_side=True)
    for a_key, b_key in (("between_a", "between_b"), ("from_a", "from_b"), ("range_a", "range_b"), ("range_c", "range_d")):
        if m.group(a_key):
            a, b = _range_ends(m.group(a_key), m.group(b_key))
            if a is None or b is None or a >= b:
                return None  # "3-2" is a score, not a range
            return Quantity(**common, low=a, high=b, qualifier=modifier or "range")
    if m.group("vague"):
        v = lexicon.vague[re.sub(r"\s+", " ", m.group("vague").lower())]
        if modifier is None or modifier == "about":
            return Quantity(**common, low=v.low, high=v.high, qualifier="vague", vague=True)
        return _hedged(common, float(v.nominal), modifier, vague=True)
    value = parse_number(m.group("num"))
    if value is None:
        return None
    if modifier is None:
        return Quantity(**common, low=value, high=value, qualifier="exact")
    return _hedged(common, value, modifier)


def _hedged(common: dict, value: float, modifier: str, vague: bool = False) -> Quantity:
    """Bounds for a hedged figure: "up to N" has an open low end, "at least N"
    and "more than N" an open high end, "about N" is N on both."""
    if modifier == "up_to":
        return Quantity(**common, low=None, high=value, qualifier=modifier, vague=vague)
    if modifier in ("at_least", "more_than"):
        return Quantity(**common, low=value, high=None, qualifier=modifier, vague=vague)
    return Quantity(**common, low=value, high=value, qualifier=modifier, vague=vague)


def _range_ends(a_text: str, b_text: str) -> tuple[float | None, float | None]:
    """Both ends of a range; a scale on the second end applies to a bare first
    end ("20 to 30 million" = 20-30 million)."""
    a, b = parse_number(a_text), parse_number(b_text)
    if a is None or b is None:
        return a, b
    scale = re.search(r"(hundred|thousand|million|billion)\s*$", b_text.lower())
    if scale and not re.search(r"[a-z]\s*$", a_text.lower()) and a < b / SCALE_WORDS[scale.group(1)] * 10:
        a *= SCALE_WORDS[scale.group(1)]
    return a, b


def parenthesised_exact(text: str, pos: int) -> tuple[float, int] | None:
    """An exact figure in parentheses right at ``pos`` ("casualties (1,008,240)"):
    its value and the offset just after the closing parenthesis."""
    m = re.match(r"\s*\(\s*(\d{1,3}(?:,\d{3})+|\d+)\s*\)", text[pos:pos + 40])
    if not m:
        return None
    value = parse_number(m.group(1))
    return (value, pos + m.end()) if value is not None else None
