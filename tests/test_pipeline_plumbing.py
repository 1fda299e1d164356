"""The partition plumbing's shortcuts give what the general code gives, on
the real sample's tables (issue 14, fifth pass): row ids built over plain
Python rows equal the column-wise construction (also where spans tie), and
the confidence reads only the columns its evidence rules look at."""

from __future__ import annotations

import inspect
import re

import pandas as pd
import pytest


@pytest.fixture(scope="module")
def sample_tables(annotated_sample):
    return annotated_sample.tables()


@pytest.mark.parametrize("table", ["mentions", "quotes", "claims", "dates", "framing"])
def test_row_ids_over_python_rows_equal_the_column_wise_ids(sample_tables, table):
    from toolkit.review.ids import _assign_row_ids_by_columns, assign_row_ids

    df = sample_tables[table].drop(columns=["row_id"])
    articles = sample_tables["articles"]
    assert len(df) > 0
    fast, general = assign_row_ids(table, df, articles), _assign_row_ids_by_columns(table, df, articles)
    assert fast.equals(general) and fast.is_unique
    assert fast.equals(sample_tables[table]["row_id"].reset_index(drop=True).set_axis(df.index))
    # every row twice: every span ties, so the rule columns and then the occurrence number decide
    twice = pd.concat([df, df], ignore_index=True)
    fast, general = assign_row_ids(table, twice, articles), _assign_row_ids_by_columns(table, twice, articles)
    assert fast.equals(general) and fast.is_unique


def test_a_row_without_an_article_id_takes_the_general_path(sample_tables):
    from toolkit.review.ids import _assign_row_ids_by_columns, assign_row_ids

    df = sample_tables["claims"].drop(columns=["row_id"]).head(3).copy()
    df["article_id"] = pd.array([df["article_id"].iloc[0], None, df["article_id"].iloc[2]], dtype="string")
    assert assign_row_ids("claims", df, sample_tables["articles"]).equals(
        _assign_row_ids_by_columns("claims", df, sample_tables["articles"]))


@pytest.mark.parametrize("table", ["claims", "quotes"])
def test_confidence_reads_only_columns_it_declares(sample_tables, table):
    from toolkit.review import confidence

    find = {"claims": confidence._claim_evidence, "quotes": confidence._quote_evidence}[table]
    declared = {"claims": confidence.CLAIM_COLUMNS, "quotes": confidence.QUOTE_COLUMNS}[table]
    read = set(re.findall(r"""row(?:\.get\(|\[)["'](\w+)["']""", inspect.getsource(find)))
    assert read and read <= set(declared)
    df = sample_tables[table]
    prior, evidence = ((confidence.CLAIM_PRIOR, confidence.CLAIM_EVIDENCE) if table == "claims"
                       else (confidence.QUOTE_PRIOR, confidence.QUOTE_EVIDENCE))
    every_column = confidence._score(df, prior, evidence, find, tuple(df.columns))
    assert len(df) and confidence._score(df, prior, evidence, find, declared).equals(every_column)
    assert every_column.equals(df["confidence"])
