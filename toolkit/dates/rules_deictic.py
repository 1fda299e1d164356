"""Grammar rules for expressions that need the publication date: today/yesterday,
weekdays, "last week" / "this year", "N units ago", and PRESENT/PAST/FUTURE
references (see :mod:`toolkit.dates.grammar`)."""

from __future__ import annotations

import datetime as dt
import re

from toolkit.dates import normalise as nz
from toolkit.dates.grammar import (CALENDAR_UNIT_KEYS, CALENDAR_UNITS, DIRECTIONS, UNIT_KEYS, UNITS, Pieces,
                                   apply_position, quantity_modifier)
from toolkit.dates.keywords import Keys
from toolkit.dates.lexicon import Lexicon, alternation, parse_amount, weekday_number
from toolkit.dates.normalise import Timex


def register(rule, lex: Lexicon, p: Pieces) -> None:
    """Add this module's rules (in priority order) with the ``rule`` decorator."""
    WD, POS_REL, QMOD, PODS, AMOUNT, VAGUE, DIR, I = p.WD, p.POS_REL, p.QMOD, p.PODS, p.AMOUNT, p.VAGUE, p.DIR, p.I

    # -- deictic days, weekdays and units ----------------------------------------
    @rule("deictic_day", rf"\b(?P<word>today|tonight|yesterday|tomorrow)(?:\s+(?P<pod>{PODS}))?\b", I,
          keys=Keys(("today", "tonight", "yesterday", "tomorrow")))
    def deictic_day(m, anchor, tense):
        word = m["word"].lower()
        if anchor is None:
            return Timex("relative", None, None, None, "day")
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
        return nz.day_timex(anchor + dt.timedelta(days=offset), "relative")

    @rule("deictic_part", rf"\b(?P<dir>last|this)\s+(?P<pod>{PODS})\b", I, keys=Keys(tuple(lex.parts_of_day)))
    def deictic_part(m, anchor, tense):
        if anchor is None:
            return Timex("relative", None, None, None, "day")
        offset = -1 if m["dir"].lower() == "last" else 0
        return nz.day_timex(anchor + dt.timedelta(days=offset), "relative")

    @rule("day_around", r"\bthe\s+day\s+(?P<ba>before|after)\s+(?P<word>yesterday|tomorrow)\b", I,
          keys=Keys(("yesterday", "tomorrow")))
    def day_around(m, anchor, tense):
        if anchor is None:
            return Timex("relative", None, None, None, "day")
        offset = -2 if m["word"].lower() == "yesterday" else 2
        return nz.day_timex(anchor + dt.timedelta(days=offset), "relative")

    @rule("weekday", rf"(?:(?i:(?P<pos>early|late))\s+)?(?:(?i:(?P<dir>{DIR}))\s+)?(?P<wd>{WD})"
                     rf"(?:\s+(?i:(?P<pod>{PODS})))?\b", keys=p.WEEKDAY_KEYS)
    def weekday(m, anchor, tense):
        if anchor is None:
            return Timex("relative", None, None, None, "day")
        direction = m["dir"].lower().split()[-1] if m["dir"] else None
        direction = {"past": "last", "previous": "last", "coming": "next", "current": "this"}.get(direction, direction)
        d = nz.weekday_date(weekday_number(lex, m["wd"]), anchor, tense, direction)
        t = nz.day_timex(d, "relative")
        return t.with_modifier({"early": "START", "late": "END"}.get((m["pos"] or "").lower()))

    @rule("relative_unit", rf"(?:(?P<pos>{POS_REL})[\s-]+)?(?P<dir>{DIR})\s+(?P<unit>{CALENDAR_UNITS})\b(?!-)", I,
          keys=CALENDAR_UNIT_KEYS)
    def relative_unit(m, anchor, tense):
        unit = m["unit"].lower()
        if anchor is None:
            return Timex("relative", None, None, None, unit)
        t = nz.relative_unit_timex(anchor, unit, DIRECTIONS[re.sub(r"\s+", " ", m["dir"].lower())])
        return apply_position(t, m["pos"], lex, anchor)

    @rule("the_weekend", r"\bthe\s+weekend\b", I, keys=Keys(("weekend",)))
    def the_weekend(m, anchor, tense):
        if anchor is None:
            return Timex("relative", None, None, None, "weekend")
        # on a weekday, "the weekend" is the coming one in the future tense, else the one before;
        # written on a Saturday or Sunday it is that weekend
        in_weekend = anchor.weekday() >= 5
        offset = 0 if in_weekend or tense in ("future", "present") else -1
        return nz.relative_unit_timex(anchor, "weekend", offset)

    @rule("ago", rf"(?:(?P<qmod>{QMOD})\s+)?(?P<amt>{AMOUNT}|{VAGUE})[\s-]+(?P<unit>{UNITS})s?\s+(?P<dir>ago|from\s+now|hence)\b", I,
          keys=UNIT_KEYS)
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

    # -- PRESENT_REF / PAST_REF / FUTURE_REF ---------------------------------------
    @rule("reference", rf"\b(?P<ref>{alternation(lex.references)})\b(?!-)", I,
          keys=Keys(tuple(ref.split()[-1] for ref in lex.references)))  # "at the moment": "moment"
    def reference(m, anchor, tense):
        value = lex.references[re.sub(r"\s+", " ", m["ref"].lower())]
        if value == "PRESENT_REF" and anchor is not None:
            return Timex("relative", value, anchor, anchor, "ref")
        return Timex("relative", value, None, None, "ref")
