"""Recognise and parse the publication-date strings found in article headers,
bylines and metadata fields.

Method: a regular expression for *full* dates (day, month and year all present:
ISO ``2025-06-27``, ``June 27, 2025``, ``27 June 2025``, with an optional
weekday and time), so a bare "June 27" or "Friday" is never taken for a
publication date; parsing with pandas (dateutil) first and ``dateparser`` as
the fallback for other field formats (dateparser: Scrapinghub, BSD-3).
"""

from __future__ import annotations

import datetime as dt
import re

#: horizontal whitespace: a date never runs across a line break ("Tuesday, 1 March\n\n2000 GMT")
H = r"[^\S\r\n\u2028\u2029]"
MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?,?"
TIME = rf"(?:,?{H}*(?:at{H}+)?\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?{H}*(?:[ap]\.?m\.?)?(?:{H}*(?:gmt|bst|utc|cet|cest|eet|eest|msk|est|edt|pst|pdt|kyiv time)(?:[+-]\d{{1,2}})?)?)"
FULL_DATE_BODY = (
    r"(?:\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?"
    rf"|{MONTH}{H}+\d{{1,2}}(?:st|nd|rd|th)?,?{H}+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?{H}+{MONTH},?{H}+\d{{4}})"
)
#: a full date, optionally with a weekday before it and a time after it
FULL_DATE = re.compile(rf"(?:{WEEKDAY}{H}+)?(?P<date>{FULL_DATE_BODY}){TIME}?", re.IGNORECASE)
#: a line that is nothing but a (published/updated) date stamp
DATE_LINE = re.compile(
    rf"(?:(?:first\s+)?(?:published|updated|posted|last updated|date)\s*(?:on|at)?\s*:?\s*)?"
    rf"(?:{WEEKDAY}\s+)?{FULL_DATE_BODY}{TIME}?"
    rf"(?:\s*[|•·,;–—-]\s*(?:(?:updated|last updated)\s*:?\s*)?(?:{WEEKDAY}\s+)?(?:{FULL_DATE_BODY})?{TIME}?)*"
    r"(?:\s*\d+\s*min(?:ute)?s?\s*read)?\.?",
    re.IGNORECASE,
)


#: a dateline opening the body: "KYIV, June 27, 2025 (Reuters) —", "June 27, 2025 —"
DATELINE = re.compile(
    rf"(?:[A-Z][A-Za-z.'’ -]{{1,40}},{H}*(?:[A-Z][a-z]+,{H}*)?)?(?:\([A-Za-z ]{{2,20}}\){H}*)?"
    rf"(?:{WEEKDAY}{H}+)?(?P<date>{FULL_DATE_BODY}){TIME}?{H}*(?:\([A-Za-z ]{{2,20}}\){H}*)?[-–—:]",
    re.IGNORECASE,
)


#: a field value is a publication date only when it names its year
YEAR = re.compile(r"(?:1[89]|2[01])\d\d")


def find_full_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first full date in ``text`` as (date, start, end), or None."""
    for m in FULL_DATE.finditer(text):
        parsed = parse_date(m.group("date"))
        if parsed is not None:
            return parsed, m.start(), m.end()
    return None


def parse_date(value: object) -> dt.date | None:
    """Parse a date string from a field or a header; None when it is not a
    complete, plausible date (years 1900-2100)."""
    ts = parse_timestamp(value)
    return ts.date() if ts is not None else None


def parse_timestamp(value: object) -> dt.datetime | None:
    """Parse a timestamp (naive, wall-clock time as written) or None."""
    import pandas as pd

    if value is None:
        return None
    if isinstance(value, dt.datetime):
        ts = value
    elif isinstance(value, dt.date):
        ts = dt.datetime(value.year, value.month, value.day)
    else:
        text = str(value).strip()
        if not text or text.lower() in {"nan", "nat", "none", "null"} or len(text) > 80:
            return None
        if not YEAR.search(text):
            # "yesterday", "today", "3 hours ago", "Friday": relative to the day
            # it was written, which a field does not say; parsing them against
            # the clock would change dates (and cache keys) on every run
            return None
        ts = None
        try:
            parsed = pd.to_datetime(text, errors="raise")
            ts = None if pd.isna(parsed) else parsed.to_pydatetime()
        except (ValueError, TypeError, OverflowError):
            ts = _dateparser(text)
    if ts is None:
        return None
    if ts.tzinfo is not None:
        ts = ts.replace(tzinfo=None)  # keep the wall-clock time the outlet printed
    return ts if 1900 <= ts.year <= 2100 else None


def _dateparser(text: str) -> dt.datetime | None:
    try:
        import dateparser

        # English only: language detection costs seconds per call and the pipeline is English
        return dateparser.parse(text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"],
                                                                  "PREFER_DAY_OF_MONTH": "first"})
    except Exception:  # dateparser raises assorted errors on odd input; a field is just unparsed then
        return None
