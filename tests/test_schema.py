"""The schema gives every table the same columns and dtypes, whatever comes in."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from toolkit import schema


def test_empty_tables_have_every_column_and_dtype():
    for name, columns in schema.SCHEMAS.items():
        df = schema.frame(name)
        assert list(df.columns) == list(columns)
        assert [str(t) for t in df.dtypes] == list(columns.values()), name


def test_dates_outside_nanosecond_range_become_missing_not_an_error():
    # "the 1500s" in a history paragraph of a 2022 article crashed pandas 3 here
    df = schema.frame("dates", [
        {"surface": "1500", "start_date": dt.date(1500, 1, 1), "end_date": dt.date(1500, 12, 31)},
        {"surface": "June 17", "start_date": dt.date(2025, 6, 17), "end_date": "2025-06-17"},
    ])
    assert df["start_date"].isna().tolist() == [True, False]
    assert df.loc[1, "end_date"] == pd.Timestamp("2025-06-17")
    assert str(df["start_date"].dtype) == "datetime64[ns]"


def test_unknown_keys_dropped_unless_kept_and_missing_ones_null():
    records = [{"surface": "dozens", "category": "killed", "value_low": 24, "note": "x"}]
    df = schema.frame("claims", records)
    assert "note" not in df.columns and df.loc[0, "value_low"] == 24.0
    assert df["claimant"].isna().all()
    kept = schema.frame("claims", records, keep_extra=True)
    assert kept.columns[-1] == "note"
