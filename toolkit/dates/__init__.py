"""Dates: normalised temporal expressions and a cross-outlet timeline.

Public API
    :func:`extract_dates` ``(doc, ctx) -> list[dict]`` — the ``dates`` table
    (one row per temporal expression: TIMEX3-style ``value``, the concrete
    interval ``start_date``/``end_date``, ``granularity``, ``modifier``, the
    ``anchor`` it was resolved against).

    :func:`find_timexes` ``(doc, anchor) -> list[(start, end, Timex)]`` — the
    same expressions as plain objects, without the record wrapping.

    :func:`normalise_text` ``(text, anchor, tense=None) -> Timex | None`` —
    normalise one expression string without a Doc (the grammar alone).

    :func:`date_for_sentence` ``(dates, sent_id, *, start=None, end=None) -> dict | None``
    — for the claims extractor: the record that best dates a sentence (or a
    character range in it): a day- or month-level date of kind
    date/relative/range in that sentence, the one nearest to ``start``/``end``.
    Its ``start_date`` is the ``event_date`` (``None`` when the sentence has
    no date; callers then fall back to the article's publication date or
    leave ``event_date`` empty).

    :func:`timeline` ``(corpus) -> Timeline`` — dated event mentions and
    events clustered across outlets (``.mentions``, ``.events`` DataFrames);
    :func:`first_reported` ``(corpus)`` — who reported each shared event first;
    :func:`event_mentions` ``(corpus)`` — the dated mentions alone (no clustering).
    All three are :mod:`toolkit.dates.chronology`; ``toolkit.charts.timeline`` draws them.
"""
from toolkit.dates.chronology import Timeline, event_mentions, first_reported, timeline
from toolkit.dates.extract import extract_dates, find_timexes
from toolkit.dates.normalise import Timex
from toolkit.dates.sentence import date_for_sentence, normalise_text

__all__ = ["extract_dates", "find_timexes", "Timex", "date_for_sentence", "normalise_text", "timeline", "Timeline",
           "first_reported", "event_mentions"]
