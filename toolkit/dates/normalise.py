"""Calendar arithmetic for temporal expressions: pure functions, no spaCy.

Given the pieces a grammar rule found (a month, a weekday, an amount and a
unit, ...), the article's publication date (the *anchor*) and the tense of the
clause, these functions return a :class:`Timex`: the TimeML / ISO-8601 value at
its granularity (``2025-06-17``, ``2025-06``, ``2025-W25``, ``2025-Q3``,
``2025-SU``, ``199`` for the 1990s, ``P3Y`` for a duration) and the concrete
interval it covers.

Method: the value formats and the ``mod`` vocabulary follow the TIMEX3
specification (TimeML 1.2.1, Pustejovsky et al.; ISO 24617-1). The rules for
choosing the year of a bare month or month-day and the week of a bare weekday
follow the tense-driven disambiguation of HeidelTime (Strötgen & Gertz, 2013,
"Multilingual and cross-domain temporal tagging"): past tense picks the latest
occurrence on or before the anchor, future tense the earliest on or after it,
and otherwise the occurrence nearest to the anchor.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

Tense = Literal["past", "present", "future"] | None

#: meteorological seasons: (first month, last month); winter runs into the next year
SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
#: ISO-8601 duration designators per unit; time units go after "T"
DURATION_UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "week": ("W", False), "fortnight": ("W", False), "month": ("M", False),
    "year": ("Y", False), "decade": ("Y", False), "century": ("Y", False),
}
#: how many of the designator unit one named unit is (a fortnight is 2 weeks)
UNIT_FACTOR: dict[str, int] = {"fortnight": 2, "decade": 10, "century": 100}
#: a fractional amount of a unit is written in the next smaller unit (3.5 years -> P3Y6M)
SMALLER_UNIT: dict[str, tuple[str, int]] = {"year": ("month", 12), "day": ("hour", 24), "hour": ("minute", 60),
                                            "minute": ("second", 60), "week": ("day", 7)}


@dataclass(frozen=True)
class Timex:
    """A normalised temporal expression (one row of the ``dates`` table, minus offsets)."""

    kind: str  # date / range / duration / relative / set
    value: str | None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    granularity: str | None = None
    modifier: str | None = None

    def with_modifier(self, modifier: str | None) -> Timex:
        """The same expression with ``modifier``; START/MID/END narrow the interval."""
        if modifier is None:
            return self
        start, end = self.start_date, self.end_date
        if modifier in ("START", "MID", "END") and start is not None and end is not None:
            start, end = narrow(start, end, modifier)
        return replace(self, modifier=modifier, start_date=start, end_date=end)


# -- choosing the year / week --------------------------------------------------

#: with no tense, a future occurrence is meant only if it starts this soon ("in January" in December)
FUTURE_WINDOW_DAYS = 92
#: a day-level date without a year is not taken to lie further than this from the anchor
#: (writers give the year for dates further away), whatever the tense says
DAY_HORIZON_DAYS = 183
#: ... except that a past-tense date is only moved to the future when that occurrence is this
#: close (a deadline just ahead: "extended to Nov. 10" on Nov. 2); "An email from Lister on 16
#: September indicated ..." in a July article stays last September, said after it happened
PAST_REREAD_DAYS = 31


def pick_occurrence(candidates: list[tuple[dt.date, dt.date]], anchor: dt.date, tense: Tense) -> int:
    """Index of the candidate interval meant, given the anchor and the tense.

    ``candidates`` are in chronological order. Past: the latest interval
    starting on or before the anchor. Future: the earliest interval ending on
    or after the anchor. Otherwise (present or unknown tense): the interval
    containing the anchor, else the latest past one unless the next one starts
    within :data:`FUTURE_WINDOW_DAYS` (news mostly reports what happened).
    """
    past = [i for i, (s, _) in enumerate(candidates) if s <= anchor]
    future = [i for i, (_, e) in enumerate(candidates) if e >= anchor]
    if tense == "past" and past:
        return past[-1]
    if tense == "future" and future:
        return future[0]
    containing = [i for i in past if candidates[i][1] >= anchor]
    if containing:
        return containing[0]
    upcoming = [i for i in future if (candidates[i][0] - anchor).days <= FUTURE_WINDOW_DAYS]
    if upcoming or not past:
        return (upcoming or future)[0]
    return past[-1]


def year_for_month(month: int, anchor: dt.date, tense: Tense, day: int | None = None) -> int:
    """The year of "in January" / "on June 2" written on ``anchor`` in ``tense``.

    A day-level date the tense would put more than :data:`DAY_HORIZON_DAYS`
    away is re-read without the tense ("extended to Nov. 10" in a November 2
    article means this Nov. 10, whatever the past tense of "extended").
    """
    years = [anchor.year - 1, anchor.year, anchor.year + 1]
    spans = []
    for y in years:
        if day is None:
            spans.append(month_interval(y, month))
        else:
            d = safe_date(y, month, day) or dt.date(y, month, 28)
            spans.append((d, d))
    pick = pick_occurrence(spans, anchor, tense)
    if day is not None and abs((spans[pick][0] - anchor).days) > DAY_HORIZON_DAYS:
        reread = pick_occurrence(spans, anchor, None)
        if not (tense == "past" and (spans[reread][0] - anchor).days > PAST_REREAD_DAYS):
            pick = reread
    return years[pick]


def weekday_date(weekday: int, anchor: dt.date, tense: Tense, direction: str | None = None) -> dt.date:
    """The date of "on Friday" written on ``anchor``.

    ``direction`` comes from the text ("last" / "next" / "this"); without it the
    tense decides: the future picks the next such day after the anchor, the
    present (a schedule: "they meet Monday") the next one on or after it, past
    or unknown the most recent one on or before the anchor (the news default:
    "said on Friday" in a Friday article is that same day).
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7 or 7
    if direction == "last":
        return anchor - dt.timedelta(days=back or 7)
    if direction == "next" or (direction in (None, "this") and tense == "future"):
        if direction == "this" and back == 0:
            return anchor
        return anchor + dt.timedelta(days=ahead)
    if direction in (None, "this") and tense == "present":
        # "meet separately Monday": a present-tense weekday is a schedule
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=back)


def shift(anchor: dt.date, unit: str, amount: int) -> dt.date:
    """``anchor`` moved by ``amount`` units (negative = into the past)."""
    if unit == "day":
        return anchor + dt.timedelta(days=amount)
    if unit in ("week", "weekend"):
        return anchor + dt.timedelta(weeks=amount)
    if unit == "fortnight":
        return anchor + dt.timedelta(weeks=2 * amount)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        raise ValueError(f"cannot shift by unit {unit!r}")
    total = anchor.year * 12 + (anchor.month - 1) + months * amount
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, min(anchor.day, calendar.monthrange(year, month + 1)[1]))


# -- named days -------------------------------------------------------------------

def western_easter(year: int) -> dt.date:
    """Easter Sunday (Gregorian): the anonymous Gregorian computus (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def orthodox_easter(year: int) -> dt.date:
    """Orthodox Easter Sunday: Meeus' Julian computus, shifted to the Gregorian calendar."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian = dt.date(year, month, day + 1)
    return julian + dt.timedelta(days=year // 100 - year // 400 - 2)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` of a month (n = -1: the last one)."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = month_interval(year, month)[1]
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


HOLIDAY_RULES = {
    "easter": western_easter,
    "orthodox_easter": orthodox_easter,
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "labor_day": lambda y: nth_weekday(y, 9, 0, 1),
    "memorial_day": lambda y: nth_weekday(y, 5, 0, -1),
}


def holiday_date(spec: dict, year: int) -> dt.date:
    """The date of a named day (a lexicon entry) in ``year``."""
    if "rule" in spec:
        return HOLIDAY_RULES[spec["rule"]](year)
    return dt.date(year, int(spec["month"]), int(spec["day"]))


def holiday_year(spec: dict, anchor: dt.date, tense: Tense) -> int:
    years = [anchor.year - 1, anchor.year, anchor.year + 1]
    days = [holiday_date(spec, y) for y in years]
    return years[pick_occurrence([(d, d) for d in days], anchor, tense)]


# -- values and intervals at each granularity -------------------------------------

def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_interval(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def narrow(start: dt.date, end: dt.date, modifier: str) -> tuple[dt.date, dt.date]:
    """The first, middle or last third of an interval ("early/mid/late May")."""
    length = (end - start).days + 1
    third = max(length // 3, 1)
    if modifier == "START":
        return start, start + dt.timedelta(days=third - 1)
    if modifier == "END":
        return end - dt.timedelta(days=third - 1), end
    return start + dt.timedelta(days=third), end - dt.timedelta(days=third)


def day_timex(day: dt.date, kind: str = "date") -> Timex:
    """A calendar day. A part of day ("Friday night") stays in the surface, not
    in the value: the ``dates`` table is day-level, and TimeBank itself annotates
    such days both with and without a TIMEX3 ``TNI`` suffix."""
    return Timex(kind, day.isoformat(), day, day, "day")


def week_timex(day: dt.date, kind: str = "relative") -> Timex:
    year, week, _ = day.isocalendar()
    monday = day - dt.timedelta(days=day.weekday())
    return Timex(kind, f"{year}-W{week:02d}", monday, monday + dt.timedelta(days=6), "week")


def weekend_timex(day: dt.date, kind: str = "relative") -> Timex:
    year, week, _ = day.isocalendar()
    saturday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(days=5)
    return Timex(kind, f"{year}-W{week:02d}-WE", saturday, saturday + dt.timedelta(days=1), "weekend")


def month_timex(year: int, month: int, kind: str = "date") -> Timex:
    start, end = month_interval(year, month)
    return Timex(kind, f"{year:04d}-{month:02d}", start, end, "month")


def quarter_timex(year: int, quarter: int, kind: str = "date") -> Timex:
    start = dt.date(year, 3 * quarter - 2, 1)
    end = month_interval(year, 3 * quarter)[1]
    return Timex(kind, f"{year:04d}-Q{quarter}", start, end, "quarter")


def half_timex(year: int, half: int, kind: str = "date") -> Timex:
    start = dt.date(year, 1 if half == 1 else 7, 1)
    end = dt.date(year, 6, 30) if half == 1 else dt.date(year, 12, 31)
    return Timex(kind, f"{year:04d}-H{half}", start, end, "half")


def season_timex(year: int, season: str, kind: str = "date") -> Timex:
    first, last = SEASON_MONTHS[season]
    start = dt.date(year, first, 1)
    end = month_interval(year + (1 if last < first else 0), last)[1]
    return Timex(kind, f"{year:04d}-{season}", start, end, "season")


def year_timex(year: int, kind: str = "date") -> Timex:
    return Timex(kind, f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def decade_timex(first_year: int, kind: str = "date") -> Timex:
    """The 1990s -> value ``199`` (TIMEX3 truncated year)."""
    return Timex(kind, f"{first_year // 10:03d}", dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31), "decade")


def century_timex(ordinal: int, kind: str = "date") -> Timex:
    """The 20th century -> value ``19`` (years 1900-1999, the TIMEX3 convention)."""
    first = (ordinal - 1) * 100
    return Timex(kind, f"{ordinal - 1:02d}", dt.date(max(first, 1), 1, 1), dt.date(first + 99, 12, 31), "century")


def season_year(season: str, anchor: dt.date, tense: Tense) -> int:
    years = [anchor.year - 1, anchor.year, anchor.year + 1]
    spans = [(season_timex(y, season).start_date, season_timex(y, season).end_date) for y in years]
    return years[pick_occurrence(spans, anchor, tense)]


def quarter_year(quarter: int, anchor: dt.date, tense: Tense) -> int:
    years = [anchor.year - 1, anchor.year, anchor.year + 1]
    spans = [(quarter_timex(y, quarter).start_date, quarter_timex(y, quarter).end_date) for y in years]
    return years[pick_occurrence(spans, anchor, tense)]


def relative_unit_timex(anchor: dt.date, unit: str, offset: int) -> Timex:
    """"last week" (offset -1), "this month" (0), "next year" (+1) as a calendar unit."""
    day = shift(anchor, unit, offset)
    if unit == "day":
        return day_timex(day, "relative")
    if unit == "week":
        return week_timex(day)
    if unit == "weekend":
        return weekend_timex(day)
    if unit == "month":
        return month_timex(day.year, day.month, "relative")
    if unit == "quarter":
        return quarter_timex(day.year, (day.month - 1) // 3 + 1, "relative")
    if unit == "year":
        return year_timex(day.year, "relative")
    if unit == "decade":
        return decade_timex(day.year // 10 * 10, "relative")
    if unit == "century":
        return century_timex(day.year // 100 + 1, "relative")
    raise ValueError(f"no calendar unit {unit!r}")


# -- durations ------------------------------------------------------------------

def duration_value(amount: float | None, unit: str) -> str:
    """ISO-8601 duration: (3, "year") -> ``P3Y``; (4.5, "hour") -> ``PT4H30M``;
    (None, "week") -> ``PXW`` (an unspecified number of weeks, TIMEX3 style)."""
    designator, is_time = DURATION_UNITS[unit]
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{designator}"
    amount *= UNIT_FACTOR.get(unit, 1)
    whole = int(amount)
    fraction = amount - whole
    if fraction and unit in SMALLER_UNIT:
        smaller, per = SMALLER_UNIT[unit]
        rest = round(fraction * per)
        small_designator, small_is_time = DURATION_UNITS[smaller]
        head = f"{whole}{designator}" if whole else ""
        if small_is_time and not is_time:
            return f"P{head}T{rest}{small_designator}"
        return f"{prefix}{head}{rest}{small_designator}"
    number = f"{whole}" if not fraction else f"{amount:g}"
    return f"{prefix}{number}{designator}"
