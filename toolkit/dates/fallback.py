"""Fallback for spaCy DATE entities the grammar did not match: ``dateparser``.

Method: ``dateparser.date.DateDataParser`` (scrapinghub/dateparser, BSD-3)
parses the entity text with ``RELATIVE_BASE`` set to the publication date and
reports the period it resolved (day / week / month / year), which becomes the
granularity. Guard rails, because dateparser turns almost anything numeric into
a date: the text must contain a month, weekday or calendar word, must not be an
age or a span of time ("72-year-old", "three years"), and without an anchor only
texts carrying an explicit year are parsed (dateparser would otherwise anchor
on the machine's clock).
"""

from __future__ import annotations

import datetime as dt
import re

from toolkit.dates import normalise as nz
from toolkit.dates.normalise import Timex

CALENDAR_WORD = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\b"
    r"|\b(?:yesterday|today|tomorrow|week|month|year|ago)\b", re.I)
REJECT = re.compile(r"\b(?:old|aged?|years?\s+of\s+age)\b|-old\b|\b(?:days|weeks|months|years|hours|decades)\b(?!\s+ago)", re.I)
HAS_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


def parse_entity(text: str, anchor: dt.date | None) -> Timex | None:
    """A ``Timex`` for a DATE entity's text, or ``None`` when it is not safely a date."""
    text = text.strip()
    if not CALENDAR_WORD.search(text) or REJECT.search(text):
        return None
    if anchor is None and not HAS_YEAR.search(text):
        return None
    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False, "STRICT_PARSING": False}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(anchor, dt.time(12))
    data = _parse(text, settings)
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    period = data.period or "day"
    if period == "month":
        return nz.month_timex(day.year, day.month)
    if period == "year":
        return nz.year_timex(day.year)
    if period == "week":
        return nz.week_timex(day, "date")
    return nz.day_timex(day)


def _parse(text: str, settings: dict):
    return _cached_parser(tuple(sorted((k, str(v)) for k, v in settings.items())), settings).get_date_data(text)


_PARSERS: dict = {}


def _cached_parser(key: tuple, settings: dict):
    """One DateDataParser per settings (constructing one is slow)."""
    from dateparser.date import DateDataParser

    if key not in _PARSERS:
        if len(_PARSERS) > 64:
            _PARSERS.clear()
        _PARSERS[key] = DateDataParser(languages=["en"], settings=settings)
    return _PARSERS[key]
