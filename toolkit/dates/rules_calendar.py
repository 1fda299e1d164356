"""Grammar rules for calendar expressions: explicit dates, month/year, ranges written
as one expression, decades, centuries, quarters, halves, seasons, named days and
the year-ago comparison of results stories (see :mod:`toolkit.dates.grammar`)."""

from __future__ import annotations

import re

from toolkit.dates import normalise as nz
from toolkit.dates.grammar import (DAY, DIRECTIONS, YEAR, YEAR_END, Pieces, apply_position, expand_year,
                                   month_day_timex, month_timex, position_modifier, range_timex)
from toolkit.dates.keywords import DIGITS, Keys
from toolkit.dates.lexicon import Lexicon
from toolkit.dates.normalise import Timex


def register(rule, lex: Lexicon, p: Pieces) -> None:
    """Add this module's rules (in priority order) with the ``rule`` decorator."""
    M, WD, POS, DIR, SEASONS, ORD, I = p.M, p.WD, p.POS, p.DIR, p.SEASONS, p.ORD, p.I

    # -- explicit calendar dates ------------------------------------------------
    @rule("iso_date", rf"\b(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b", keys=DIGITS)
    def iso_date(m, anchor, tense):
        d = nz.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        return nz.day_timex(d) if d else None

    @rule("slash_date", r"(?<![\d/])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])", keys=DIGITS)
    def slash_date(m, anchor, tense):
        a, b = int(m["a"]), int(m["b"])
        month, day = (a, b) if a <= 12 else (b, a)  # US month/day unless impossible
        year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"]) if int(m["y"]) < 50 else 1900 + int(m["y"])
        d = nz.safe_date(year, month, day)
        return nz.day_timex(d) if d else None

    @rule("month_day", rf"(?:(?P<wd>{WD}),?\s+)?(?:(?i:(?P<pos>{POS}))[\s-]+)?(?P<month>{M})\s+(?P<day>{DAY})\b"
                       rf"(?!\s*[-–]\s*\d)(?!,\d{{3}})(?:,?\s+(?P<year>{YEAR}){YEAR_END})?", keys=p.MONTH_KEYS)
    def month_day(m, anchor, tense):
        t = month_day_timex(lex, m["month"], m["day"], m["year"], anchor, tense)
        return t.with_modifier(position_modifier(lex, m["pos"])) if t else None

    @rule("day_month", rf"(?:(?P<wd>{WD}),?\s+)?(?i:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{M})"
                       rf"(?:,?\s+(?P<year>{YEAR}){YEAR_END})?", keys=p.MONTH_KEYS)
    def day_month(m, anchor, tense):
        return month_day_timex(lex, m["month"], m["day"], m["year"], anchor, tense)

    @rule("month_year", rf"(?:(?i:(?P<pos>{POS}))[\s-]+)?(?P<month>{M})(?:\s+of)?,?\s+(?P<year>{YEAR}){YEAR_END}", keys=p.MONTH_KEYS)
    def month_year(m, anchor, tense):
        return month_timex(lex, m["month"], m["year"], anchor, tense).with_modifier(position_modifier(lex, m["pos"]))

    @rule("month", rf"(?:(?i:(?P<pos>{POS}))[\s-]+)?(?P<month>{M})\b(?!\s*\d)", keys=p.MONTH_KEYS)
    def month(m, anchor, tense):
        return month_timex(lex, m["month"], None, anchor, tense).with_modifier(position_modifier(lex, m["pos"]))

    @rule("year", rf"(?<![\d$£€.,/#-])(?:(?i:(?P<pos>{POS}))[\s-]+)?(?<![\d,.])(?P<year>{YEAR}){YEAR_END}(?!-\d)", keys=DIGITS)
    def year(m, anchor, tense):
        return nz.year_timex(int(m["year"])).with_modifier(position_modifier(lex, m["pos"]))

    # -- ranges written as one expression ----------------------------------------
    @rule("month_day_range", rf"(?P<month>{M})\s+(?P<d1>{DAY})\s*(?:[-–—]|(?i:to|through))\s*(?P<d2>{DAY})\b"
                             rf"(?:,?\s+(?P<year>{YEAR}){YEAR_END})?", keys=p.MONTH_KEYS)
    def month_day_range(m, anchor, tense):
        first = month_day_timex(lex, m["month"], m["d1"], m["year"], anchor, tense)
        if first is None or first.start_date is None:
            return None
        d2 = nz.safe_date(first.start_date.year, first.start_date.month, int(re.sub(r"\D", "", m["d2"])))
        return range_timex(first, nz.day_timex(d2)) if d2 and d2 > first.start_date else None

    @rule("day_range_month", rf"(?P<d1>{DAY})\s*[-–—]\s*(?P<d2>{DAY})\s+(?P<month>{M})(?:,?\s+(?P<year>{YEAR}){YEAR_END})?",
          keys=p.MONTH_KEYS)
    def day_range_month(m, anchor, tense):
        return month_day_range(m, anchor, tense)

    @rule("year_range", rf"(?<![\d$£€.,])(?P<y1>{YEAR})\s*[-–—/]\s*(?P<y2>{YEAR}|\d\d)(?!\d|-)", keys=DIGITS)
    def year_range(m, anchor, tense):
        y1 = int(m["y1"])
        y2 = expand_year(m["y2"], y1)
        return range_timex(nz.year_timex(y1), nz.year_timex(y2)) if y1 < y2 <= y1 + 100 else None

    # -- coarse calendar units ----------------------------------------------------
    @rule("decade", rf"(?i:(?:the\s+)?(?:(?P<pos>early|mid|late)[\s-]+)?)(?:(?P<dec>(?:1[5-9]|20)\d0)'?s|'(?P<dec2>\d)0s)\b", keys=DIGITS)
    def decade(m, anchor, tense):
        first = int(m["dec"]) if m["dec"] else 1900 + 10 * int(m["dec2"])
        return nz.decade_timex(first).with_modifier(position_modifier(lex, m["pos"]))

    @rule("century", rf"(?:the\s+)?(?:(?P<pos>early|mid|late)[\s-]+)?(?P<n>\d{{1,2}})(?:st|nd|rd|th)[\s-]+century\b", I, keys=Keys(("century",)))
    def century(m, anchor, tense):
        return nz.century_timex(int(m["n"])).with_modifier(position_modifier(lex, m["pos"]))

    @rule("quarter", rf"(?:the\s+)?(?P<ord>{ORD})[\s-]+quarter\b(?:\s+(?:of\s+)?(?P<year>{YEAR}){YEAR_END})?", I,
          keys=Keys(("quarter",)))
    def quarter(m, anchor, tense):
        q = lex.ordinals[m["ord"].lower()]
        if m["year"]:
            return nz.quarter_timex(int(m["year"]), q)
        if anchor is None:
            return Timex("date", f"XXXX-Q{q}", None, None, "quarter")
        return nz.quarter_timex(nz.quarter_year(q, anchor, None), q)

    @rule("q_quarter", rf"\bQ(?P<q>[1-4])(?:\s+(?P<year>{YEAR}){YEAR_END})?\b", keys=Keys(("Q",), case=True))
    def q_quarter(m, anchor, tense):
        q = int(m["q"])
        if m["year"]:
            return nz.quarter_timex(int(m["year"]), q)
        if anchor is None:
            return Timex("date", f"XXXX-Q{q}", None, None, "quarter")
        return nz.quarter_timex(nz.quarter_year(q, anchor, None), q)

    @rule("latest_quarter", r"\bthe\s+(?:(?:latest|most\s+recent|last|recent|past|just-ended|just\s+ended)\s+)?quarter\b(?![-\s]+(?:century|of|mile|point|percent|final))", I,
          keys=Keys(("quarter",)))
    def latest_quarter(m, anchor, tense):
        """"the quarter" / "the latest quarter" in a results story: the last completed quarter."""
        if anchor is None:
            return Timex("relative", None, None, None, "quarter")
        return nz.relative_unit_timex(anchor, "quarter", -1)

    @rule("half", rf"(?:the\s+)?(?P<ord>first|second|last)\s+half\s+of\s+(?:(?P<year>{YEAR}){YEAR_END}|(?P<rel>this|last|next)\s+year)", I,
          keys=Keys(("half",)))
    def half(m, anchor, tense):
        h = 1 if m["ord"].lower() == "first" else 2
        if m["year"]:
            return nz.half_timex(int(m["year"]), h)
        if anchor is None:
            return Timex("relative", None, None, None, "half")
        return nz.half_timex(anchor.year + DIRECTIONS[m["rel"].lower()], h, "relative")

    @rule("season", rf"(?:(?P<pos>{POS})[\s-]+)?(?:(?P<dir>{DIR})\s+|(?P<the>the)\s+)?(?P<season>{SEASONS})\b(?!\s+of\s+\D)"
                    rf"(?:(?P<of>\s+of)?\s+(?P<year>{YEAR}){YEAR_END})?", I, keys=Keys(tuple(lex.seasons)))
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
        return apply_position(t, m["pos"], lex, anchor)

    HOLIDAYS = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(lex.holidays, key=len, reverse=True))

    @rule("holiday", rf"\b(?P<name>{HOLIDAYS})(?:'s)?(?:,?\s+(?P<year>{YEAR}){YEAR_END})?\b",
          keys=Keys(tuple(re.match(r"\w+", h)[0] for h in lex.holidays), case=True))
    def holiday(m, anchor, tense):
        name = re.sub(r"\s+", " ", m["name"])
        spec = lex.holidays[name]
        if m["year"]:
            return nz.day_timex(nz.holiday_date(spec, int(m["year"])))
        if anchor is None:
            return Timex("date", None, None, None, "day")
        return nz.day_timex(nz.holiday_date(spec, nz.holiday_year(spec, anchor, tense)))

    @rule("comparison", r"\b(?:(?:the\s+|a\s+)?(?:year|twelve\s+months)[-\s]+(?:ago|earlier|before)(?:\s+(?:period|quarter))?"
                        r"|(?:the\s+)?prior[-\s]+year(?:\s+(?:period|quarter))?)\b", I,
          keys=Keys(("year", "twelve", "prior")))
    def comparison(m, anchor, tense):
        """"a year earlier", "the year-ago quarter": the year before the anchor; the
        extractor turns it into the same quarter a year back after a quarter."""
        if anchor is None:
            return Timex("relative", None, None, None, "year")
        return nz.year_timex(anchor.year - 1, "relative")
