"""The record types extractors return, one per text table.

Extractors are functions from a spaCy ``Doc`` to a list of these records
(textacy style: plain typed data, no pandas); :func:`toolkit.schema.frame`
turns a list of them into the table. Each record type lists exactly the
columns :func:`toolkit.schema.extractor_columns` gives for its table, in the
same order, with the Python type its schema dtype holds (``tests/test_records.py``
checks both, and checks real records against them); the columns table
assembly adds (``row_id``, ``review``, ``confidence``) are not here.

``X | None`` marks a value an extractor may leave missing (a quote with no
speaker, a date with no anchor); a category column is a ``str`` from its
documented set.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Mapping
from typing import TypedDict

from toolkit import schema


class TextKeys(TypedDict):
    """What every row from text carries: the article and the character span
    in ``articles.text``, and the sentence holding its start."""

    article_id: str
    sent_id: int
    start: int
    end: int


class SentenceRecord(TextKeys):
    text: str


class MentionRecord(TextKeys):
    """An actor mention (:func:`toolkit.actors.extract_mentions`)."""

    surface: str
    actor_id: str | None
    actor: str | None
    kind: str  # person / organisation / country / group / place
    side: str | None
    role: str | None
    via: str  # model / catalogue / epithet / surname / pronoun


class QuoteRecord(TextKeys):
    """A direct quote or reported-speech clause (:func:`toolkit.quotes.extract_quotes`)."""

    text: str
    direct: bool
    kind: str  # direct / indirect / mixed (speech); scare_quote / title / term (toolkit.quotes.kinds)
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker_actor_id: str | None
    speaker: str | None
    speaker_surface: str | None


class ClaimRecord(TextKeys):
    """A casualty / human-toll figure (:func:`toolkit.claims.extract_claims`)."""

    surface: str
    category: str  # killed / injured / casualties / prisoners / missing / displaced / evacuated / other
    value_low: float | None
    value_high: float | None
    qualifier: str | None
    stated_value: float | None
    stated_qualifier: str | None
    cue: str | None
    unit: str | None
    side_affected: str | None
    claimant_actor_id: str | None
    claimant: str | None
    claimant_is_outlet: bool  # issue #12: the outlet's own voice, no source given
    in_quote: bool
    modality: str  # reported / hypothetical / denied
    rate: bool  # a figure per day/week: never a total
    about_story: bool  # false: another conflict, history, crime (toolkit/data/story*.yaml)
    mentions: int  # how many times the article gives this figure (repeats folded)
    repeat_sent_ids: str | None  # the sentences of the other mentions, "4;17"
    scope: str | None  # incident / cumulative / earlier
    event: str | None
    event_date: dt.date | None


class DateRecord(TextKeys):
    """A temporal expression (:func:`toolkit.dates.extract_dates`)."""

    surface: str
    kind: str  # date / range / duration / relative / set
    value: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    granularity: str | None
    modifier: str | None
    anchor: dt.date | None
    anchor_inferred: bool | None  # None when there is no anchor


class FramingRecord(TextKeys):
    """A framing signal (:func:`toolkit.framing.extract_framing`)."""

    signal: str  # loaded_term / euphemism / official_term / epithet / naming / attribution_verb / hedge / agency
    term: str
    category: str | None
    actor_id: str | None
    in_quote: bool
    speaker_actor_id: str | None


class TermCount(TypedDict):
    """Per-article term counts by voice (:func:`toolkit.framing.terms.term_counts`): no offsets."""

    article_id: str
    kind: str  # lemma / noun_phrase
    term: str
    voice: str  # outlet / quoted
    n: int


class CreditRecord(TextKeys):
    """A credit to a news agency or outlet (:func:`toolkit.sourcing.extract_credits`)."""

    surface: str
    source_id: str
    source: str
    source_type: str  # agency / newspaper / broadcaster / online / magazine / unspecified / unlisted
    kind: str  # citation / interview_with / wire_credit / republished_from
    cue: str | None
    self_credit: bool  # the article's own outlet: its own reporting, not a hop


#: table -> the record type its extractor returns
RECORDS: dict[str, type] = {
    "sentences": SentenceRecord,
    "mentions": MentionRecord,
    "quotes": QuoteRecord,
    "claims": ClaimRecord,
    "dates": DateRecord,
    "framing": FramingRecord,
    "terms": TermCount,
    "sourcing": CreditRecord,
}

#: schema dtype -> the Python types a record value of that column may have
PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    schema.STR: (str,),
    schema.CAT: (str,),
    schema.INT: (int,),
    schema.FLOAT: (float, int),
    schema.BOOL: (bool,),
    schema.DATE: (dt.date,),
}


def fields(record_type: type) -> dict[str, tuple[tuple[type, ...], bool]]:
    """``{column: (allowed types, may be None)}`` of a record type, in order."""
    out = {}
    for name, hint in typing.get_type_hints(record_type).items():
        args = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
        allowed = tuple(a for a in args if a is not type(None))
        out[name] = (allowed, type(None) in args)
    # get_type_hints follows the MRO, base keys first: that is the schema's order
    return out


def record_problems(table: str, record: Mapping) -> list[str]:
    """What is wrong with ``record`` as a row of ``table`` (empty: nothing):
    missing or unknown keys, a value whose type the column's schema dtype
    cannot hold, a missing value where the record type does not allow one."""
    spec = fields(RECORDS[table])
    dtypes = schema.SCHEMAS[table]
    problems = [f"missing {k!r}" for k in spec if k not in record]
    problems += [f"unknown {k!r}" for k in record if k not in spec]
    for key, (_, optional) in spec.items():
        if key not in record:
            continue
        value, allowed = record[key], PYTHON_TYPES[dtypes[key]]
        if value is None:
            if not optional:
                problems.append(f"{key!r} is None")
        elif (isinstance(value, bool) and bool not in allowed) or not isinstance(value, allowed):
            problems.append(f"{key!r} is {type(value).__name__}, expected {' or '.join(a.__name__ for a in allowed)}")
    return problems
