"""The extractors' record types (toolkit/records.py) against the schema
(toolkit/schema.py), and real records from the seed articles against both."""

from __future__ import annotations

import datetime as dt
import typing

import pytest
from helpers import annotate_text

from toolkit import schema
from toolkit.records import PYTHON_TYPES, RECORDS, fields, record_problems


@pytest.mark.parametrize("table", sorted(RECORDS))
def test_record_type_lists_the_extractor_columns_in_schema_order(table):
    assert list(fields(RECORDS[table])) == schema.extractor_columns(table)


@pytest.mark.parametrize("table", sorted(RECORDS))
def test_record_field_types_are_what_the_schema_dtype_holds(table):
    dtypes = schema.SCHEMAS[table]
    for column, (allowed, _) in fields(RECORDS[table]).items():
        assert len(allowed) == 1 and allowed[0] in PYTHON_TYPES[dtypes[column]], (column, allowed, dtypes[column])


def test_every_text_table_has_a_record_type_and_the_keys_are_never_missing():
    assert set(schema.TEXT_TABLES) <= set(RECORDS)
    for table in schema.TEXT_TABLES:
        spec = fields(RECORDS[table])
        assert all(not spec[key][1] for key in schema.TEXT_KEYS), table


def test_problems_are_named():
    good = {"article_id": "a", "sent_id": 0, "start": 0, "end": 5, "text": "Kyiv."}
    assert record_problems("sentences", good) == []
    assert record_problems("sentences", {**good, "sent_id": None}) == ["'sent_id' is None"]
    assert record_problems("sentences", {**good, "start": True}) == ["'start' is bool, expected int"]
    assert record_problems("sentences", {**good, "extra": 1}) == ["unknown 'extra'"]
    assert record_problems("sentences", {k: v for k, v in good.items() if k != "text"}) == ["missing 'text'"]


@pytest.fixture(scope="module")
def seed_rows(nlp, sample_corpus):
    out = {name: [] for name in RECORDS}
    for row in sample_corpus.articles.itertuples():
        published = row.published.date() if row.published == row.published else None
        for name, rows in annotate_text(nlp, row.text, row.article_id, str(row.outlet), published).rows.items():
            out[name] += rows
    return out


@pytest.mark.parametrize("table", sorted(RECORDS))
def test_real_records_match_their_type(seed_rows, table):
    rows = seed_rows[table]
    assert rows, f"no {table} records on the seed articles"
    problems = {p for r in rows for p in record_problems(table, r)}
    assert not problems, f"{table}: {sorted(problems)}"


def test_date_columns_hold_dates_not_datetimes(seed_rows):
    # a datetime is a date subclass: the schema stores days, so say which
    values = [r[c] for r in seed_rows["dates"] for c in ("start_date", "end_date", "anchor") if r[c] is not None]
    assert values and all(type(v) is dt.date for v in values)
    assert typing.get_type_hints(RECORDS["dates"])["anchor"] == dt.date | None
