"""Column names and dtypes of every table, in one place.

Extractors return plain records (dicts); :func:`frame` turns a list of them
into a DataFrame with exactly these columns, in this order, with these dtypes,
so an empty table and a full one look the same to downstream code.

Every table that comes from text carries ``article_id, sent_id, start, end``:
character offsets into ``articles.text`` (the cleaned text), so any figure can
be traced back to its sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

# dtype shorthands: pandas' nullable extension types so missing values survive
# a Parquet round trip without turning ints into floats or bools into objects.
STR = "string"
INT = "Int64"
FLOAT = "Float64"
BOOL = "boolean"
DATE = "datetime64[ns]"
CAT = "category"

TEXT_KEYS: dict[str, str] = {"article_id": STR, "sent_id": INT, "start": INT, "end": INT}

SCHEMAS: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": STR,
        "outlet": CAT,
        "title": STR,
        "published": DATE,
        "published_inferred": BOOL,
        "author": STR,
        "url": STR,
        "path": STR,
        "raw_text": STR,
        "text": STR,
        "n_words": INT,
        "content_hash": STR,
    },
    "load_report": {
        "path": STR,
        "article_id": STR,
        "status": CAT,  # loaded / skipped / duplicate
        "reason": STR,
        "encoding": STR,
    },
    "sentences": {**TEXT_KEYS, "text": STR},
    "mentions": {
        **TEXT_KEYS,
        "surface": STR,
        "actor_id": STR,
        "actor": STR,
        "kind": CAT,  # person / organisation / country / group / place
        "side": CAT,
        "role": STR,
        "via": CAT,  # model / catalogue / epithet / surname / pronoun
    },
    "quotes": {
        **TEXT_KEYS,
        "text": STR,
        "direct": BOOL,
        # speech: direct / indirect / mixed; not speech: scare_quote / title / term
        # (toolkit.quotes.kinds; share of voice counts speech only)
        "kind": CAT,
        "cue": STR,
        "cue_start": INT,
        "cue_end": INT,
        "speaker_actor_id": STR,
        "speaker": STR,
        "speaker_surface": STR,
    },
    "claims": {
        **TEXT_KEYS,
        "surface": STR,
        "category": CAT,  # killed / injured / casualties / prisoners / missing / displaced
        "value_low": FLOAT,
        "value_high": FLOAT,
        "qualifier": CAT,  # exact / at_least / more_than / up_to / about / vague / range
        # a rounded figure stated next to the exact one: "more than one million
        # casualties (1,008,240)" -> value 1,008,240, stated 1,000,000 more_than
        "stated_value": FLOAT,
        "stated_qualifier": CAT,
        "cue": STR,  # the word that gave the category ("killed", "casualties", "swap")
        "unit": STR,
        "side_affected": STR,
        "claimant_actor_id": STR,
        "claimant": STR,
        # issue #12 (claims): the outlet's own voice (no source given), what kind
        # of statement the figure is, and repeats folded into one claim
        "claimant_is_outlet": BOOL,
        "in_quote": BOOL,
        "modality": CAT,  # reported / hypothetical / denied
        "rate": BOOL,  # a figure per day/week ("each day"): never a total
        "about_story": BOOL,  # false: another conflict, history, crime (toolkit/data/story*.yaml)
        "mentions": INT,  # how many times the article gives this figure
        "repeat_sent_ids": STR,  # the sentences of the other mentions, "4;17"
        "scope": CAT,  # incident / cumulative / earlier (another, earlier incident told for context)
        "event": STR,
        "event_date": DATE,
    },
    "dates": {
        **TEXT_KEYS,
        "surface": STR,
        "kind": CAT,  # date / range / duration / relative / set
        "value": STR,
        "start_date": DATE,
        "end_date": DATE,
        "granularity": CAT,
        "modifier": STR,
        "anchor": DATE,
        "anchor_inferred": BOOL,
    },
    "framing": {
        **TEXT_KEYS,
        "signal": CAT,  # loaded_term / euphemism / official_term / epithet / naming / attribution_verb / hedge / agency
        "term": STR,
        "category": STR,
        "actor_id": STR,
        "in_quote": BOOL,
        "speaker_actor_id": STR,
    },
    # -- sourcing (toolkit.sourcing) --------------------------------------
    # one row per credit an article gives to a news agency or outlet
    "sourcing": {
        **TEXT_KEYS,
        "surface": STR,  # the source's name as written, without a leading "the"
        "source_id": STR,
        "source": STR,
        "source_type": CAT,  # agency / newspaper / broadcaster / online / magazine / unspecified / unlisted
        "kind": CAT,  # citation / interview_with / wire_credit / republished_from
        "cue": STR,  # the words that decided the kind ("according to", "told", "reported")
        "self_credit": BOOL,  # the article's own outlet ("told the Guardian" in the Guardian): not a hop
    },
    # a corpus-level table: one row per pair of articles that share copy
    # (toolkit.sourcing.copies; spans are "a_start-a_end:b_start-b_end;..." into articles.text)
    "copies": {
        "article_a": STR,  # the earlier-published article of the pair (when dates are known)
        "article_b": STR,
        "outlet_a": CAT,
        "outlet_b": CAT,
        "spans": STR,
        "n_shared_words": INT,
        "share_a": FLOAT,  # share of article_a's words in shared passages
        "share_b": FLOAT,
        "similarity": FLOAT,  # Jaccard of the two articles' word-shingle sets
        "first_published": STR,  # article_a / article_b / same_time / unknown
    },
    # per-article term counts (lemmas and noun phrases, split by voice) for
    # distinctive-terms analysis without re-parsing: an aggregate, so no offsets
    "terms": {
        "article_id": STR,
        "kind": CAT,  # lemma / noun_phrase
        "term": STR,
        "voice": CAT,  # outlet / quoted
        "n": INT,
    },
}

# -- review (toolkit.review): columns added when the tables are assembled, not
# by the extractors: a stable ``row_id`` (see toolkit.review.ids), the analyst's
# ``review`` status (none / accepted / edited / added, see
# toolkit.review.corrections) and, on claims and quotes, a ``confidence`` in
# [0, 1] from the evidence behind the row (toolkit.review.confidence).
REVIEWABLE_TABLES = ("mentions", "quotes", "claims", "dates", "framing")
ASSEMBLED_COLUMNS: dict[str, dict[str, str]] = {
    name: {"row_id": STR, "review": CAT} for name in REVIEWABLE_TABLES
}
ASSEMBLED_COLUMNS["claims"]["confidence"] = FLOAT
ASSEMBLED_COLUMNS["quotes"]["confidence"] = FLOAT
for _name, _columns in ASSEMBLED_COLUMNS.items():
    SCHEMAS[_name].update(_columns)
# -- provenance (toolkit.sourcing.provenance): added to claims and quotes by a
# corpus-level step, the credited source of the passage each row sits in
VIA_COLUMNS = {"via_source_id": STR, "via": STR, "via_kind": CAT, "via_scope": CAT, "via_agency": BOOL,
               "via_copy_of": STR, "via_chain": STR}
for _name in ("claims", "quotes"):
    ASSEMBLED_COLUMNS[_name].update(VIA_COLUMNS)
    SCHEMAS[_name].update(VIA_COLUMNS)
#: rows an analyst rejected: out of their tables, kept here with the whole
#: machine row (``row``, JSON) so nothing is lost and a re-run can restore them
SCHEMAS["rejected"] = {
    "table": CAT, "row_id": STR, **TEXT_KEYS, "text": STR, "note": STR, "reviewer": STR, "at": STR, "row": STR,
}
#: the corrections file as applied, one row per line, with what became of it
SCHEMAS["corrections"] = {
    "line": INT, "table": STR, "row_id": STR, "action": STR, "field": STR, "value": STR, "note": STR,
    "reviewer": STR, "at": STR, "article_id": STR, "start": INT, "end": INT, "span": STR, "sentence": STR,
    "status": CAT,  # applied / superseded / orphan / invalid
    "message": STR, "machine_value": STR,
}

# -- annotation failures (issue 14): an article an extractor (or the parser)
# raised on is skipped, never the partition; one row per skipped article,
# carried from the engines to :func:`toolkit.annotation.annotate`, which
# reports it in ``load_report`` and ``meta["annotate_failures"]``
SCHEMAS["annotate_failures"] = {
    "article_id": STR,
    "step": CAT,  # parse / sentences / actors / quotes / dates / claims / framing / terms / sourcing
    "reason": STR,  # "<ExceptionType>: <message> (at <file>:<line>)"
}


def extractor_columns(table: str) -> list[str]:
    """The columns an extractor's records carry (the schema minus what table
    assembly adds)."""
    added = ASSEMBLED_COLUMNS.get(table, {})
    return [c for c in SCHEMAS[table] if c not in added]


#: tables whose rows come from text and so carry sentence keys and offsets
TEXT_TABLES = ("sentences", "mentions", "quotes", "claims", "dates", "framing", "sourcing")


def frame(table: str, records: Iterable[Mapping] | pd.DataFrame = (), *, keep_extra: bool = False) -> pd.DataFrame:
    """Build ``table`` from records with the schema's columns and dtypes.

    Missing columns become nulls; an empty input gives an empty frame with the
    right columns, so concatenation never changes dtypes. Unknown keys are
    dropped unless ``keep_extra`` (an analyst's extra sidecar columns on
    ``articles`` are kept, after the schema's columns).
    """
    schema = SCHEMAS[table]
    if not isinstance(records, pd.DataFrame):
        records = list(records)
        if not keep_extra and all(type(row) is dict for row in records):
            return _frame_from_rows(schema, records)
    df = records if isinstance(records, pd.DataFrame) else pd.DataFrame.from_records(records)
    index = pd.RangeIndex(len(df))
    renumbered = df.index.equals(index)

    def column_of(name: str) -> pd.Series:
        return df[name] if renumbered else df[name].reset_index(drop=True)

    # one DataFrame from all columns at once: inserting them one by one cost
    # more than the conversions themselves (annotate builds ~10 frames per
    # partition and conforms every table twice)
    columns = {column: _coerce(column_of(column) if column in df.columns
                               else pd.Series([None] * len(df), dtype=object), dtype)
               for column, dtype in schema.items()}
    if keep_extra:
        columns.update({column: column_of(column) for column in df.columns if column not in schema})
    return pd.DataFrame(columns, index=index, copy=False)


#: the Python types a column's values may have for :func:`_typed_column` to build
#: it directly (``bool`` is not an ``int`` here: ``type(v)`` is tested, not ``isinstance``)
_PLAIN_TYPES = {STR: (str,), CAT: (str,), INT: (int,), FLOAT: (int, float), BOOL: (bool,)}


def _frame_from_rows(schema: Mapping[str, str], rows: list[Mapping]) -> pd.DataFrame:
    """:func:`frame` of a list of row dicts, one column at a time from plain
    lists: the values of a column are read off the rows once and typed
    directly (:func:`_typed_column`) instead of going through
    ``DataFrame.from_records``' type inference and then the conversions of
    :func:`_coerce`. Same frame: a column whose values are not all of the
    plain Python types its dtype expects (dates, numpy scalars, a string in a
    number column) is taken from ``DataFrame.from_records`` and converted by
    :func:`_coerce`, as every column was before (issue 14, sixth pass:
    ``frame`` cost ~0.5 CPU s per 150 ru_ua_2022 articles, mostly pandas'
    per-call overhead on small partitions)."""
    index = pd.RangeIndex(len(rows))
    columns = {}
    inferred = None  # DataFrame.from_records(rows), built only if a column needs it
    for column, dtype in schema.items():
        series = _typed_column([row.get(column) for row in rows], dtype)
        if series is None:
            if inferred is None:
                inferred = pd.DataFrame.from_records(rows)
            series = _coerce(inferred[column] if column in inferred.columns
                             else pd.Series([None] * len(rows), dtype=object), dtype)
        series.index = index
        columns[column] = series
    return pd.DataFrame(columns, index=index, copy=False)


def _typed_column(values: list, dtype: str) -> pd.Series | None:
    """``values`` (plain Python values, ``None`` for a null) as a column of
    ``dtype``, as :func:`_coerce` would convert them, or ``None`` when a
    value is not one of the types :data:`_PLAIN_TYPES` allows for it.

    A categorical gets what ``astype("string").astype("category")`` infers:
    the distinct strings, sorted, as ``string`` categories, unordered."""
    kinds = _PLAIN_TYPES.get(dtype)
    if kinds is None or any(v is not None and type(v) not in kinds for v in values):
        return None
    if dtype == CAT:
        categories = sorted({v for v in values if v is not None})
        code_of = {c: i for i, c in enumerate(categories)}
        codes = np.fromiter((-1 if v is None else code_of[v] for v in values), dtype=np.int64, count=len(values))
        cat_dtype = pd.CategoricalDtype(pd.Index(categories, dtype=_DTYPES[STR]), ordered=False)
        return pd.Series(pd.Categorical.from_codes(codes, dtype=cat_dtype), copy=False)
    return pd.Series(pd.array(values, dtype=_DTYPES[dtype]), copy=False)


def conform(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """Re-apply the schema to a frame (e.g. after concat or a Parquet read),
    keeping any extra columns it carries."""
    return frame(table, df, keep_extra=True)


def _coerce(values: pd.Series, dtype: str) -> pd.Series:
    if _conformed(values, dtype):
        # already what the conversion below would give: conform() runs on
        # every concat and Parquet read, and re-converting a large categorical
        # or string column costs seconds per corpus and a copy of the column
        return values
    if dtype == DATE:
        return _to_datetime_ns(values)
    if dtype == CAT:
        return values.astype("string").astype(CAT)
    if dtype == BOOL:
        return values.astype(object).where(values.notna(), None).astype(BOOL)
    if dtype in (INT, FLOAT):
        return pd.to_numeric(values, errors="coerce").astype(dtype)
    return values.astype(dtype)


def _conformed(values: pd.Series, dtype: str) -> bool:
    """True when :func:`_coerce` would return ``values`` unchanged: the exact
    dtype, and for a categorical exactly the categories a fresh
    ``astype("string").astype("category")`` infers (string categories, sorted,
    every one used, unordered)."""
    if dtype != CAT:
        return values.dtype == _DTYPES[dtype]
    cat = values.dtype
    if not isinstance(cat, pd.CategoricalDtype) or cat.ordered or cat.categories.dtype != _DTYPES[STR]:
        return False
    categories = cat.categories
    if not categories.is_monotonic_increasing:
        return False
    codes = values.cat.codes.to_numpy()
    used = np.bincount(codes[codes >= 0], minlength=len(categories)) if len(categories) else np.zeros(0)
    return bool((used > 0).all())


_DTYPES = {name: pd.api.types.pandas_dtype(name) for name in (STR, INT, FLOAT, BOOL, DATE)}
_NS_MIN, _NS_MAX = pd.Timestamp.min, pd.Timestamp.max


def _to_datetime_ns(values: pd.Series) -> pd.Series:
    """Datetimes at nanosecond resolution; what cannot be one (unparseable, or
    outside 1677-2262 such as "the 1500s") becomes NaT instead of raising."""
    parsed = pd.to_datetime(values, errors="coerce")
    try:
        return parsed.astype(DATE)
    except (OverflowError, ValueError, pd.errors.OutOfBoundsDatetime):
        stamps = [v if v is not pd.NaT and v is not None and _NS_MIN <= v <= _NS_MAX else pd.NaT
                  for v in (pd.Timestamp(x) if not pd.isna(x) else pd.NaT for x in parsed.astype(object))]
        return pd.Series(stamps, index=values.index, dtype=DATE)
