"""The rule grammar: regular expressions for English temporal expressions in
news text, each with a builder that turns its match into a :class:`Timex`.

Method: a cascade of hand-written patterns in the style of HeidelTime's
English resources (Strötgen & Gertz 2013) — explicit dates, month/year
expressions, decades, quarters, seasons, weekdays, deictic days and units
("last week"), "N units ago", durations, recurring sets and PRESENT/PAST/FUTURE
references — with values in TIMEX3 format (TimeML 1.2.1). Patterns only
*find*; the calendar arithmetic lives in :mod:`toolkit.dates.normalise`.
Overlapping matches are resolved leftmost-longest by the caller
(:mod:`toolkit.dates.extract`), so the most specific reading wins ("Monday,
Oct. 26, 1998" over "Monday").

The rules themselves live in three modules, in priority order:
:mod:`~toolkit.dates.rules_calendar` (explicit dates, months, years, ranges,
decades, quarters, seasons, named days), :mod:`~toolkit.dates.rules_deictic`
(today, weekdays, "last week", "N units ago", PRESENT/PAST/FUTURE references)
and :mod:`~toolkit.dates.rules_spans` (durations and sets); this module holds
what they share (regex pieces, year/month helpers) and imports none of them;
:mod:`toolkit.dates.rules` puts them together.

Each rule also declares its keywords (``keys=``, :class:`~toolkit.dates.keywords.Keys`):
words one of which is in every match it can make, so that it is tried only
around them; a new rule needs them too (``tests/test_dates_keywords.py``).

A builder gets ``(match, anchor, tense)`` and returns a ``Timex`` or ``None``
(no reading: the match is dropped). Without an anchor, expressions that need
one keep their row with ``value=None`` (or ``XXXX-06-17`` when only the year is
unknown).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from toolkit.dates import normalise as nz
from toolkit.dates.keywords import Keys
from toolkit.dates.lexicon import Lexicon, alternation, month_number, month_pattern, weekday_pattern
from toolkit.dates.normalise import Tense, Timex

Builder = Callable[[re.Match, "dt.date | None", Tense], "Timex | None"]


@dataclass(frozen=True)
class Rule:
    """One pattern of the grammar, its builder and the keywords one of which is in
    every match (:mod:`toolkit.dates.keywords`; None: the pattern is tried everywhere)."""

    name: str
    pattern: re.Pattern
    build: Builder
    keys: Keys | None = None


UNITS = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))"
CALENDAR_UNITS = r"(?:week|weekend|month|year|quarter|decade|century)"
#: the keywords of :data:`UNITS` and :data:`CALENDAR_UNITS` (a plural or "centuries" contains them)
UNIT_KEYS = Keys(("second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "centur"))
CALENDAR_UNIT_KEYS = Keys(("week", "month", "year", "quarter", "decade", "century"))
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
#: the year is not part of a larger number, a percentage or a money amount
YEAR_END = r"(?![\d]|[.,]\d|\s*%|\s*per\s*cent|\s*percent)"
DIRECTIONS = {"this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "previous": -1,
              "this past": -1, "next": 1, "coming": 1, "the coming": 1, "this coming": 1}


def position_modifier(lex: Lexicon, text: str | None) -> str | None:
    """"late" -> END, "the beginning of" -> START, "mid" -> MID."""
    if not text:
        return None
    words = re.findall(r"[a-z]+", text.lower())
    for w in words:
        if w in lex.position_modifiers:
            return lex.position_modifiers[w]
    return None


def quantity_modifier(lex: Lexicon, text: str | None) -> str | None:
    if not text:
        return None
    return lex.quantity_modifiers.get(re.sub(r"\s+", " ", text.strip().lower()))


def apply_position(t: Timex, pos_text: str | None, lex: Lexicon, anchor: dt.date | None) -> Timex:
    """Position words: late/early/mid narrow the interval (TIMEX3 mod);
    "earlier"/"later" (this month) keep the value but cut the interval at the anchor."""
    if not pos_text:
        return t
    word = pos_text.strip().lower()
    if word in ("earlier", "later"):
        if anchor is None or t.start_date is None:
            return t
        if word == "earlier":
            return replace(t, end_date=max(t.start_date, min(t.end_date, anchor)))
        return replace(t, start_date=min(t.end_date, max(t.start_date, anchor)))
    return t.with_modifier(position_modifier(lex, pos_text))


def month_day_timex(lex: Lexicon, month_text: str, day_text: str, year_text: str | None,
               anchor: dt.date | None, tense: Tense) -> Timex | None:
    month = month_number(lex, month_text)
    day = int(re.sub(r"\D", "", day_text))
    if year_text:
        d = nz.safe_date(int(year_text), month, day)
        return nz.day_timex(d) if d else None
    if anchor is None:
        return Timex("date", f"XXXX-{month:02d}-{day:02d}", None, None, "day") if day <= 31 else None
    d = nz.safe_date(nz.year_for_month(month, anchor, tense, day), month, day)
    return nz.day_timex(d) if d else None


def month_timex(lex: Lexicon, month_text: str, year_text: str | None, anchor: dt.date | None, tense: Tense) -> Timex:
    month = month_number(lex, month_text)
    if year_text:
        return nz.month_timex(int(year_text), month)
    if anchor is None:
        return Timex("date", f"XXXX-{month:02d}", None, None, "month")
    return nz.month_timex(nz.year_for_month(month, anchor, tense), month)


def expand_year(text: str, first: int | None = None) -> int:
    """"2022" -> 2022; "22" after 2014 -> 2022 (the second year of "2014-22")."""
    value = int(text)
    if len(text) == 2:
        century = (first // 100 * 100) if first else 2000
        value += century
    return value


@dataclass(frozen=True)
class Pieces:
    """Regex fragments built from the lexicon, shared by the rule modules."""

    M: str
    WD: str
    POS: str
    POS_REL: str
    QMOD: str
    PODS: str
    NW: str
    AMOUNT: str
    VAGUE: str
    DIR: str
    SEASONS: str
    ORD: str
    #: the first three letters of every month / weekday name the patterns ``M`` / ``WD`` match
    MONTH_KEYS: Keys
    WEEKDAY_KEYS: Keys
    I: int = re.IGNORECASE


def pieces(lex: Lexicon) -> Pieces:
    number_words = [w for w in lex.numbers if w not in ("a couple of", "couple of")]
    NW = alternation(number_words)
    return Pieces(
        M=month_pattern(lex),
        WD=weekday_pattern(lex),
        POS=r"(?:early|mid|late|(?:the\s+)?(?:beginning|start|middle|end)\s+of)",
        POS_REL=r"(?:early|mid|late|earlier|later|(?:the\s+)?(?:beginning|start|middle|end)\s+of)",
        QMOD=alternation(lex.quantity_modifiers),
        PODS=alternation(lex.parts_of_day),
        NW=NW,
        AMOUNT=(rf"(?:\d+(?:[.,]\d+)?|(?:a\s+couple\s+of|couple\s+of)|(?:{NW})(?:[\s-]+(?:{NW}))*"
                rf"(?:[\s-]+and[\s-]+a[\s-]+half)?)"),
        VAGUE=r"(?:several|a\s+few|few|many|recent|the\s+(?:past|last|next|coming)(?:\s+(?:few|several))?)",
        DIR=alternation(DIRECTIONS),
        SEASONS=alternation(lex.seasons),
        ORD=alternation(lex.ordinals),
        MONTH_KEYS=Keys(tuple({k.capitalize()[:3] for k in lex.months}), case=True),
        WEEKDAY_KEYS=Keys(tuple({k.capitalize()[:3] for k in lex.weekdays}), case=True),
    )


def range_timex(first: Timex, last: Timex) -> Timex:
    """One range from two dates ("June 20-21", "from 2014 to 2022"): ISO interval value."""
    finer = first.granularity if _rank(first.granularity) <= _rank(last.granularity) else last.granularity
    value = f"{first.value}/{last.value}" if first.value and last.value else None
    return Timex("range", value, first.start_date, last.end_date, finer, None)


def _rank(granularity: str | None) -> int:
    order = ["day", "weekend", "week", "month", "quarter", "season", "half", "year", "decade", "century"]
    return order.index(granularity) if granularity in order else len(order)
