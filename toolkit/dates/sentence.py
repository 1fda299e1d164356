"""Small helpers for other extractors: date a sentence, normalise a string."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from toolkit.dates.keywords import TextScan, rule_matches
from toolkit.dates.rules import cached_rules
from toolkit.dates.normalise import Tense, Timex

#: granularities fine enough to date an event (finest first), and the kinds of
#: ``dates`` row that can: the one definition, read by the claims' event dates
#: (:func:`date_for_sentence`) and the timeline (:mod:`toolkit.dates.chronology`)
EVENT_GRANULARITIES = ("day", "weekend", "week", "month")
EVENT_KINDS = ("date", "relative", "range")


def date_for_sentence(dates: Iterable[Mapping], sent_id: int, *, start: int | None = None,
                      end: int | None = None) -> Mapping | None:
    """The ``dates`` record that dates sentence ``sent_id`` (see package docstring).

    Among the sentence's records of kind date/relative/range with a day- to
    month-level interval, prefer finer granularity, then the one closest to the
    character range ``start:end`` (e.g. a casualty figure), then the first.
    """
    candidates = [r for r in dates
                  if r.get("sent_id") == sent_id and r.get("kind") in EVENT_KINDS
                  and r.get("granularity") in EVENT_GRANULARITIES and r.get("start_date") is not None]
    if not candidates:
        return None

    def rank(r: Mapping) -> tuple[int, int, int]:
        fine = EVENT_GRANULARITIES.index(r["granularity"])
        if start is None:
            return (fine, 0, r["start"])
        hi = end if end is not None else start
        gap = 0 if r["start"] < hi and start < r["end"] else min(abs(r["start"] - hi), abs(start - r["end"]))
        return (fine, gap, r["start"])

    return min(candidates, key=rank)


def normalise_text(text: str, anchor: dt.date | None, tense: Tense = None) -> Timex | None:
    """Normalise one temporal expression given as a string ("late May", "last week").

    Runs the grammar on ``text`` and returns the reading of the longest match
    (no parse, so no vetoes; ``tense`` may be given by the caller).
    """
    best = None
    scan = TextScan(text)
    for rule in cached_rules():
        for m in rule_matches(rule.pattern, rule.keys, scan):
            length = m.end() - m.start()
            if best is None or length > best[0]:
                best = (length, rule, m)
    if best is None:
        return None
    _, rule, match = best
    try:
        return rule.build(match, anchor, tense)
    except (ValueError, KeyError, OverflowError, IndexError):
        return None
