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

A builder gets ``(match, anchor, tense)`` and returns a ``Timex`` or ``None``
(no reading: the match is dropped). Without an anchor, expressions that need
one keep their row with ``value=None`` (or ``XXXX-06-17`` when only the year is
unknown).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from toolkit.dates import normalise as nz
from toolkit.dates.lexicon import (Lexicon, alternation, load_lexicon, month_number, month_pattern,
                                   parse_amount, weekday_number, weekday_pattern)
from toolkit.dates.normalise import Tense, Timex

Builder = Callable[[re.Match, "dt.date | None", Tense], "Timex | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    build: Builder


UNITS = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))"
CALENDAR_UNITS = r"(?:week|weekend|month|year|quarter|decade|century)"
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


def _apply_position(t: Timex, pos_text: str | None, lex: Lexicon, anchor: dt.date | None) -> Timex:
    """Position words: late/early/mid narrow the interval (TIMEX3 mod);
    "earlier"/"later" (this month) keep the value but cut the interval at the anchor."""
    if not pos_text:
        return t
    word = pos_text.strip().lower()
    if word in ("earlier", "later"):
        if anchor is None or t.start_date is None:
            return t
        from dataclasses import replace
        if word == "earlier":
            return replace(t, end_date=max(t.start_date, min(t.end_date, anchor)))
        return replace(t, start_date=min(t.end_date, max(t.start_date, anchor)))
    return t.with_modifier(position_modifier(lex, pos_text))


def _month_day(lex: Lexicon, month_text: str, day_text: str, year_text: str | None,
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


def _month(lex: Lexicon, month_text: str, year_text: str | None, anchor: dt.date | None, tense: Tense) -> Timex:
    month = month_number(lex, month_text)
    if year_text:
        return nz.month_timex(int(year_text), month)
    if anchor is None:
        return Timex("date", f"XXXX-{month:02d}", None, None, "month")
    return nz.month_timex(nz.year_for_month(month, anchor, tense), month)


def _expand_year(text: str, first: int | None = None) -> int:
    """"2022" -> 2022; "22" after 2014 -> 2022 (the second year of "2014-22")."""
    value = int(text)
    if len(text) == 2:
        century = (first // 100 * 100) if first else 2000
        value += century
    return value


def build_rules(lex: Lexicon) -> list[Rule]:
    """All rules, built once per lexicon."""
    M = month_pattern(lex)
    WD = weekday_pattern(lex)
    POS = r"(?:early|mid|late|(?:the\s+)?(?:beginning|start|middle|end)\s+of)"
    POS_REL = r"(?:early|mid|late|earlier|later|(?:the\s+)?(?:beginning|start|middle|end)\s+of)"
    QMOD = alternation(lex.quantity_modifiers)
    PODS = alternation(lex.parts_of_day)
    number_words = [w for w in lex.numbers if w not in ("a couple of", "couple of")]
    NW = alternation(number_words)
    AMOUNT = (rf"(?:\d+(?:[.,]\d+)?|(?:a\s+couple\s+of|couple\s+of)|(?:{NW})(?:[\s-]+(?:{NW}))*"
              rf"(?:[\s-]+and[\s-]+a[\s-]+half)?)")
    VAGUE = r"(?:several|a\s+few|few|many|recent|the\s+(?:past|last|next|coming)(?:\s+(?:few|several))?)"
    DIR = alternation(DIRECTIONS)
    SEASONS = alternation(lex.seasons)
    ORD = alternation(lex.ordinals)
    I = re.IGNORECASE

    def c(pattern: str, flags: int = 0) -> re.Pattern:
        return re.compile(pattern, flags)

    rules: list[Rule] = []

    def rule(name: str, pattern: str, flags: int = 0):
        def register(fn: Builder) -> Builder:
            rules.append(Rule(name, c(pattern, flags), fn))
            return fn
        return register

    # -- explicit calendar dates ------------------------------------------------
    @rule("iso_date", rf"\b(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b")
    def iso_date(m, anchor, tense):
        d = nz.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        return nz.day_timex(d) if d else None

    @rule("slash_date", r"(?<![\d/])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])")
    def slash_date(m, anchor, tense):
        a, b = int(m["a"]), int(m["b"])
        month, day = (a, b) if a <= 12 else (b, a)  # US month/day unless impossible
        year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"]) if int(m["y"]) < 50 else 1900 + int(m["y"])
        d = nz.safe_date(year, month, day)
        return nz.day_timex(d) if d else None

    @rule("month_day", rf"(?:(?P<wd>{WD}),?\s+)?(?:(?i:(?P<pos>{POS}))[\s-]+)?(?P<month>{M})\s+(?P<day>{DAY})\b"
                       rf"(?!\s*[-–]\s*\d)(?!,\d{{3}})(?:,?\s+(?P<year>{YEAR}){YEAR_END})?")
    def month_day(m, anchor, tense):
        t = _month_day(lex, m["month"], m["day"], m["year"], anchor, tense)
        return t.with_modifier(position_modifier(lex, m["pos"])) if t else None

    @rule("day_month", rf"(?:(?P<wd>{WD}),?\s+)?(?i:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{M})"
                       rf"(?:,?\s+(?P<year>{YEAR}){YEAR_END})?")
    def day_month(m, anchor, tense):
        return _month_day(lex, m["month"], m["day"], m["year"], anchor, tense)

    @rule("month_year", rf"(?:(?i:(?P<pos>{POS}))[\s-]+)?(?P<month>{M})(?:\s+of)?,?\s+(?P<year>{YEAR}){YEAR_END}")
    def month_year(m, anchor, tense):
        return _month(lex, m["month"], m["year"], anchor, tense).with_modifier(position_modifier(lex, m["pos"]))

    @rule("month", rf"(?:(?i:(?P<pos>{POS}))[\s-]+)?(?P<month>{M})\b(?!\s*\d)")
    def month(m, anchor, tense):
        return _month(lex, m["month"], None, anchor, tense).with_modifier(position_modifier(lex, m["pos"]))

    @rule("year", rf"(?<![\d$£€.,/#-])(?:(?i:(?P<pos>{POS}))[\s-]+)?(?<![\d,.])(?P<year>{YEAR}){YEAR_END}(?!-\d)")
    def year(m, anchor, tense):
        return nz.year_timex(int(m["year"])).with_modifier(position_modifier(lex, m["pos"]))

    # -- ranges written as one expression ----------------------------------------
    @rule("month_day_range", rf"(?P<month>{M})\s+(?P<d1>{DAY})\s*(?:[-–—]|(?i:to|through))\s*(?P<d2>{DAY})\b"
                             rf"(?:,?\s+(?P<year>{YEAR}){YEAR_END})?")
    def month_day_range(m, anchor, tense):
        first = _month_day(lex, m["month"], m["d1"], m["year"], anchor, tense)
        if first is None or first.start_date is None:
            return None
        d2 = nz.safe_date(first.start_date.year, first.start_date.month, int(re.sub(r"\D", "", m["d2"])))
        return range_timex(first, nz.day_timex(d2)) if d2 and d2 > first.start_date else None

    @rule("day_range_month", rf"(?P<d1>{DAY})\s*[-–—]\s*(?P<d2>{DAY})\s+(?P<month>{M})(?:,?\s+(?P<year>{YEAR}){YEAR_END})?")
    def day_range_month(m, anchor, tense):
        return month_day_range(m, anchor, tense)

    @rule("year_range", rf"(?<![\d$£€.,])(?P<y1>{YEAR})\s*[-–—/]\s*(?P<y2>{YEAR}|\d\d)(?!\d|-)")
    def year_range(m, anchor, tense):
        y1 = int(m["y1"])
        y2 = _expand_year(m["y2"], y1)
        return range_timex(nz.year_timex(y1), nz.year_timex(y2)) if y1 < y2 <= y1 + 100 else None

    # -- coarse calendar units ----------------------------------------------------
    @rule("decade", rf"(?i:(?:the\s+)?(?:(?P<pos>early|mid|late)[\s-]+)?)(?:(?P<dec>(?:1[5-9]|20)\d0)'?s|'(?P<dec2>\d)0s)\b")
    def decade(m, anchor, tense):
        first = int(m["dec"]) if m["dec"] else 1900 + 10 * int(m["dec2"])
        return nz.decade_timex(first).with_modifier(position_modifier(lex, m["pos"]))

    @rule("century", rf"(?:the\s+)?(?:(?P<pos>early|mid|late)[\s-]+)?(?P<n>\d{{1,2}})(?:st|nd|rd|th)[\s-]+century\b", I)
    def century(m, anchor, tense):
        return nz.century_timex(int(m["n"])).with_modifier(position_modifier(lex, m["pos"]))

    @rule("quarter", rf"(?:the\s+)?(?P<ord>{ORD})[\s-]+quarter\b(?:\s+(?:of\s+)?(?P<year>{YEAR}){YEAR_END})?", I)
    def quarter(m, anchor, tense):
        q = lex.ordinals[m["ord"].lower()]
        if m["year"]:
            return nz.quarter_timex(int(m["year"]), q)
        if anchor is None:
            return Timex("date", f"XXXX-Q{q}", None, None, "quarter")
        return nz.quarter_timex(nz.quarter_year(q, anchor, None), q)

    @rule("q_quarter", rf"\bQ(?P<q>[1-4])(?:\s+(?P<year>{YEAR}){YEAR_END})?\b")
    def q_quarter(m, anchor, tense):
        q = int(m["q"])
        if m["year"]:
            return nz.quarter_timex(int(m["year"]), q)
        if anchor is None:
            return Timex("date", f"XXXX-Q{q}", None, None, "quarter")
        return nz.quarter_timex(nz.quarter_year(q, anchor, None), q)

    @rule("latest_quarter", r"\bthe\s+(?:(?:latest|most\s+recent|last|recent|past|just-ended|just\s+ended)\s+)?quarter\b(?![-\s]+(?:century|of|mile|point|percent|final))", I)
    def latest_quarter(m, anchor, tense):
        """"the quarter" / "the latest quarter" in a results story: the last completed quarter."""
        if anchor is None:
            return Timex("relative", None, None, None, "quarter")
        return nz.relative_unit_timex(anchor, "quarter", -1)

    @rule("half", rf"(?:the\s+)?(?P<ord>first|second|last)\s+half\s+of\s+(?:(?P<year>{YEAR}){YEAR_END}|(?P<rel>this|last|next)\s+year)", I)
    def half(m, anchor, tense):
        h = 1 if m["ord"].lower() == "first" else 2
        if m["year"]:
            return nz.half_timex(int(m["year"]), h)
        if anchor is None:
            return Timex("relative", None, None, None, "half")
        return nz.half_timex(anchor.year + DIRECTIONS[m["rel"].lower()], h, "relative")

    @rule("season", rf"(?:(?P<pos>{POS})[\s-]+)?(?:(?P<dir>{DIR})\s+|(?P<the>the)\s+)?(?P<season>{SEASONS})\b(?!\s+of\s+\D)"
                    rf"(?:(?P<of>\s+of)?\s+(?P<year>{YEAR}){YEAR_END})?", I)
    def season(m, anchor, tense):
        code = lex.seasons[m["season"].lower()]
        if not (m["dir"] or m["the"] or m["year"] or m["pos"]):
            return None  # "spring", "fall" alone are too often other words
        if m["year"]:
            t = nz.season_timex(int(m["year"]), code)
        elif anchor is None:
            return Timex("relative", None, None, None, "season")
        elif m["dir"]:
            offset = DIRECTIONS[re.sub(r"\s+", " ", m["dir"].lower())]
            base = nz.season_year(code, anchor, "future" if offset > 0 else "past" if offset < 0 else tense)
            this_one = nz.season_timex(base, code)
            # "last summer" written in summer means the previous one
            if offset < 0 and this_one.start_date <= anchor <= this_one.end_date:
                base -= 1
            t = nz.season_timex(base, code, "relative")
        else:
            t = nz.season_timex(nz.season_year(code, anchor, tense), code)
        return _apply_position(t, m["pos"], lex, anchor)

    HOLIDAYS = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(lex.holidays, key=len, reverse=True))

    @rule("holiday", rf"\b(?P<name>{HOLIDAYS})(?:'s)?(?:,?\s+(?P<year>{YEAR}){YEAR_END})?\b")
    def holiday(m, anchor, tense):
        name = re.sub(r"\s+", " ", m["name"])
        spec = lex.holidays[name]
        if m["year"]:
            return nz.day_timex(nz.holiday_date(spec, int(m["year"])))
        if anchor is None:
            return Timex("date", None, None, None, "day")
        return nz.day_timex(nz.holiday_date(spec, nz.holiday_year(spec, anchor, tense)))

    @rule("comparison", r"\b(?:(?:the\s+|a\s+)?(?:year|twelve\s+months)[-\s]+(?:ago|earlier|before)(?:\s+(?:period|quarter))?"
                        r"|(?:the\s+)?prior[-\s]+year(?:\s+(?:period|quarter))?)\b", I)
    def comparison(m, anchor, tense):
        """"a year earlier", "the year-ago quarter": the year before the anchor; the
        extractor turns it into the same quarter a year back after a quarter."""
        if anchor is None:
            return Timex("relative", None, None, None, "year")
        return nz.year_timex(anchor.year - 1, "relative")

    # -- deictic days, weekdays and units ----------------------------------------
    @rule("deictic_day", rf"\b(?P<word>today|tonight|yesterday|tomorrow)(?:\s+(?P<pod>{PODS}))?\b", I)
    def deictic_day(m, anchor, tense):
        word = m["word"].lower()
        if anchor is None:
            return Timex("relative", None, None, None, "day")
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
        return nz.day_timex(anchor + dt.timedelta(days=offset), "relative")

    @rule("deictic_part", rf"\b(?P<dir>last|this)\s+(?P<pod>{PODS})\b", I)
    def deictic_part(m, anchor, tense):
        if anchor is None:
            return Timex("relative", None, None, None, "day")
        offset = -1 if m["dir"].lower() == "last" else 0
        return nz.day_timex(anchor + dt.timedelta(days=offset), "relative")

    @rule("day_around", r"\bthe\s+day\s+(?P<ba>before|after)\s+(?P<word>yesterday|tomorrow)\b", I)
    def day_around(m, anchor, tense):
        if anchor is None:
            return Timex("relative", None, None, None, "day")
        offset = -2 if m["word"].lower() == "yesterday" else 2
        return nz.day_timex(anchor + dt.timedelta(days=offset), "relative")

    @rule("weekday", rf"(?:(?i:(?P<pos>early|late))\s+)?(?:(?i:(?P<dir>{DIR}))\s+)?(?P<wd>{WD})"
                     rf"(?:\s+(?i:(?P<pod>{PODS})))?\b")
    def weekday(m, anchor, tense):
        if anchor is None:
            return Timex("relative", None, None, None, "day")
        direction = m["dir"].lower().split()[-1] if m["dir"] else None
        direction = {"past": "last", "previous": "last", "coming": "next", "current": "this"}.get(direction, direction)
        d = nz.weekday_date(weekday_number(lex, m["wd"]), anchor, tense, direction)
        t = nz.day_timex(d, "relative")
        return t.with_modifier({"early": "START", "late": "END"}.get((m["pos"] or "").lower()))

    @rule("relative_unit", rf"(?:(?P<pos>{POS_REL})[\s-]+)?(?P<dir>{DIR})\s+(?P<unit>{CALENDAR_UNITS})\b(?!-)", I)
    def relative_unit(m, anchor, tense):
        unit = m["unit"].lower()
        if anchor is None:
            return Timex("relative", None, None, None, unit)
        t = nz.relative_unit_timex(anchor, unit, DIRECTIONS[re.sub(r"\s+", " ", m["dir"].lower())])
        return _apply_position(t, m["pos"], lex, anchor)

    @rule("the_weekend", r"\bthe\s+weekend\b", I)
    def the_weekend(m, anchor, tense):
        if anchor is None:
            return Timex("relative", None, None, None, "weekend")
        offset = 1 if tense == "future" and anchor.weekday() < 5 else 0
        if tense != "future" and anchor.weekday() < 5:
            offset = -1
        return nz.relative_unit_timex(anchor, "weekend", offset)

    @rule("ago", rf"(?:(?P<qmod>{QMOD})\s+)?(?P<amt>{AMOUNT}|{VAGUE})[\s-]+(?P<unit>{UNITS})s?\s+(?P<dir>ago|from\s+now|hence)\b", I)
    def ago(m, anchor, tense):
        unit = m["unit"].lower().replace("centurie", "century")
        amount = parse_amount(lex, m["amt"])
        sign = -1 if m["dir"].lower() == "ago" else 1
        if amount is None:
            return Timex("relative", "PAST_REF" if sign < 0 else "FUTURE_REF", None, None, "ref")
        if anchor is None:
            return Timex("relative", None, None, None, unit)
        day = nz.shift(anchor, unit if unit != "fortnight" else "week", sign * int(amount) * (2 if unit == "fortnight" else 1))
        if unit in ("second", "minute", "hour", "day"):
            t = nz.day_timex(day, "relative")
        elif unit in ("week", "fortnight"):
            t = nz.week_timex(day)
        elif unit == "month":
            t = nz.month_timex(day.year, day.month, "relative")
        elif unit == "year":
            t = nz.year_timex(day.year, "relative")
        elif unit == "decade":
            t = nz.decade_timex(day.year // 10 * 10, "relative")
        else:
            t = nz.century_timex(day.year // 100 + 1, "relative")
        return t.with_modifier(quantity_modifier(lex, m["qmod"]))

    # -- durations -----------------------------------------------------------------
    @rule("duration", rf"(?:(?P<qmod>{QMOD})\s+)?(?:(?P<frame>(?:the\s+)?(?:past|last|next|coming|first|previous|following))\s+)?"
                      rf"(?P<amt>{AMOUNT})(?:\s*(?:[-–—]|to|or)\s*(?P<amt2>{AMOUNT}))?(?:\s*[-–]\s*|\s+)(?P<unit>{UNITS})(?P<plural>s)?\b"
                      rf"(?![-\s]+old\b)(?!-olds?\b)(?!\s+of\s+age\b)", I)
    def duration(m, anchor, tense):
        unit = m["unit"].lower().replace("centurie", "century")
        low = parse_amount(lex, m["amt"])
        if low is None:
            return None
        value = nz.duration_value(low, unit)
        if m["amt2"]:
            high = parse_amount(lex, m["amt2"])
            if high is None or high <= low:
                return None
            value = f"{value}/{nz.duration_value(high, unit)}"
        return Timex("duration", value, None, None, unit, quantity_modifier(lex, m["qmod"]))

    @rule("vague_duration", rf"(?:(?P<frame>the\s+(?:past|last|next|coming)(?:\s+(?:few|several))?|recent|several|a\s+few|few|many)\s+)"
                            rf"(?P<unit>{UNITS})s\b", I)
    def vague_duration(m, anchor, tense):
        return Timex("duration", nz.duration_value(None, m["unit"].lower().replace("centurie", "century")), None, None,
                     m["unit"].lower().replace("centurie", "century"))

    @rule("framed_unit", rf"\bthe\s+(?:past|last|next|coming)\s+(?P<unit>{UNITS})\b(?!s)", I)
    def framed_unit(m, anchor, tense):
        unit = m["unit"].lower()
        return Timex("duration", nz.duration_value(1, unit), None, None, unit)

    @rule("bare_plural", rf"\b(?:for|within|in|over|after)\s+(?P<span>(?P<unit>{UNITS})s)\b(?!\s+(?:ago|of|before|after|later|earlier))", I)
    def bare_plural(m, anchor, tense):
        unit = m["unit"].lower().replace("centurie", "century")
        return Timex("duration", nz.duration_value(None, unit), None, None, unit)

    # -- recurring sets --------------------------------------------------------------
    @rule("every", rf"\b(?:every|each)\s+(?:(?P<unit>day|week|month|year|morning|evening|night)|(?P<wd>{WD}))\b", I)
    def every(m, anchor, tense):
        if m["wd"]:
            return Timex("set", f"XXXX-WXX-{weekday_number(lex, m['wd']) + 1}", None, None, "week")
        unit = m["unit"].lower()
        if unit in ("morning", "evening", "night"):
            return Timex("set", f"XXXX-XX-XXT{lex.parts_of_day[unit]}", None, None, "day")
        return Timex("set", nz.duration_value(1, unit), None, None, unit)

    @rule("adverb_set", r"\b(?P<adv>daily|weekly|monthly|annually|yearly|nightly|hourly)\b", I)
    def adverb_set(m, anchor, tense):
        unit = {"daily": "day", "nightly": "day", "weekly": "week", "monthly": "month", "annually": "year",
                "yearly": "year", "hourly": "hour"}[m["adv"].lower()]
        return Timex("set", nz.duration_value(1, unit), None, None, unit)

    @rule("frequency", rf"\b(?:once|twice|(?:{NW}|\d+)\s+times)\s+(?:a|an|per|each)\s+(?P<unit>day|week|month|year)\b", I)
    def frequency(m, anchor, tense):
        return Timex("set", nz.duration_value(1, m["unit"].lower()), None, None, m["unit"].lower())

    # -- PRESENT_REF / PAST_REF / FUTURE_REF ---------------------------------------
    @rule("reference", rf"\b(?P<ref>{alternation(lex.references)})\b(?!-)", I)
    def reference(m, anchor, tense):
        value = lex.references[re.sub(r"\s+", " ", m["ref"].lower())]
        if value == "PRESENT_REF" and anchor is not None:
            return Timex("relative", value, anchor, anchor, "ref")
        return Timex("relative", value, None, None, "ref")

    return rules


def range_timex(first: Timex, last: Timex) -> Timex:
    """One range from two dates ("June 20-21", "from 2014 to 2022"): ISO interval value."""
    finer = first.granularity if _rank(first.granularity) <= _rank(last.granularity) else last.granularity
    value = f"{first.value}/{last.value}" if first.value and last.value else None
    return Timex("range", value, first.start_date, last.end_date, finer, None)


def _rank(granularity: str | None) -> int:
    order = ["day", "weekend", "week", "month", "quarter", "season", "half", "year", "decade", "century"]
    return order.index(granularity) if granularity in order else len(order)


@functools.lru_cache(maxsize=4)
def cached_rules(lexicon_path: str | None = None) -> tuple[Rule, ...]:
    """The compiled rules for a lexicon, built once per process."""
    return tuple(build_rules(load_lexicon(lexicon_path)))
