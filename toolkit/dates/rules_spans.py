"""Grammar rules for spans and repetitions: durations ("30-day", "four and a half
hours", "recent weeks") and sets ("every Monday", "daily", "twice a week")
(see :mod:`toolkit.dates.grammar`)."""

from __future__ import annotations

from toolkit.dates import normalise as nz
from toolkit.dates.grammar import UNIT_KEYS, UNITS, Pieces, quantity_modifier
from toolkit.dates.keywords import Keys
from toolkit.dates.lexicon import Lexicon, parse_amount, weekday_number
from toolkit.dates.normalise import Timex


def register(rule, lex: Lexicon, p: Pieces) -> None:
    """Add this module's rules (in priority order) with the ``rule`` decorator."""
    WD, QMOD, NW, AMOUNT, I = p.WD, p.QMOD, p.NW, p.AMOUNT, p.I

    # -- durations -----------------------------------------------------------------
    @rule("duration", rf"(?:(?P<qmod>{QMOD})\s+)?(?:(?P<frame>(?:the\s+)?(?:past|last|next|coming|first|previous|following))\s+)?"
                      rf"(?P<amt>{AMOUNT})(?:\s*(?:[-–—]|to|or)\s*(?P<amt2>{AMOUNT}))?(?:\s*[-–]\s*|\s+)(?P<unit>{UNITS})(?P<plural>s)?\b"
                      rf"(?![-\s]+old\b)(?!-olds?\b)(?!\s+of\s+age\b)", I, keys=UNIT_KEYS)
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
                            rf"(?P<unit>{UNITS})s\b", I, keys=UNIT_KEYS)
    def vague_duration(m, anchor, tense):
        return Timex("duration", nz.duration_value(None, m["unit"].lower().replace("centurie", "century")), None, None,
                     m["unit"].lower().replace("centurie", "century"))

    @rule("framed_unit", rf"\bthe\s+(?:past|last|next|coming)\s+(?P<unit>{UNITS})\b(?!s)", I, keys=UNIT_KEYS)
    def framed_unit(m, anchor, tense):
        unit = m["unit"].lower()
        return Timex("duration", nz.duration_value(1, unit), None, None, unit)

    @rule("bare_plural", rf"\b(?:for|within|in|over|after)\s+(?P<span>(?P<unit>{UNITS})s)\b(?!\s+(?:ago|of|before|after|later|earlier))", I,
          keys=UNIT_KEYS)
    def bare_plural(m, anchor, tense):
        unit = m["unit"].lower().replace("centurie", "century")
        return Timex("duration", nz.duration_value(None, unit), None, None, unit)

    # -- recurring sets --------------------------------------------------------------
    @rule("every", rf"\b(?:every|each)\s+(?:(?P<unit>day|week|month|year|morning|evening|night)|(?P<wd>{WD}))\b", I, keys=Keys(("every", "each")))
    def every(m, anchor, tense):
        if m["wd"]:
            return Timex("set", f"XXXX-WXX-{weekday_number(lex, m['wd']) + 1}", None, None, "week")
        unit = m["unit"].lower()
        if unit in ("morning", "evening", "night"):
            return Timex("set", f"XXXX-XX-XXT{lex.parts_of_day[unit]}", None, None, "day")
        return Timex("set", nz.duration_value(1, unit), None, None, unit)

    @rule("adverb_set", r"\b(?P<adv>daily|weekly|monthly|annually|yearly|nightly|hourly)\b", I,
          keys=Keys(("daily", "weekly", "monthly", "annually", "yearly", "nightly", "hourly")))
    def adverb_set(m, anchor, tense):
        unit = {"daily": "day", "nightly": "day", "weekly": "week", "monthly": "month", "annually": "year",
                "yearly": "year", "hourly": "hour"}[m["adv"].lower()]
        return Timex("set", nz.duration_value(1, unit), None, None, unit)

    @rule("frequency", rf"\b(?:once|twice|(?:{NW}|\d+)\s+times)\s+(?:a|an|per|each)\s+(?P<unit>day|week|month|year)\b", I,
          keys=Keys(("once", "twice", "times")))
    def frequency(m, anchor, tense):
        return Timex("set", nz.duration_value(1, m["unit"].lower()), None, None, m["unit"].lower())
