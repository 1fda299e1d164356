"""End to end on the sample: load -> annotate -> tables that trace to sentences,
save/open round trip, consistent filtering, corrupted files refused."""

from __future__ import annotations

import pandas as pd
import pytest

import toolkit
from toolkit import schema
from toolkit.corpus import AnnotatedCorpus, CorruptTableError


@pytest.fixture(scope="module")
def annotated(annotated_sample):
    return annotated_sample


def test_every_table_is_filled_from_the_sample(annotated):
    assert len(annotated.articles) == 5
    for name in ("sentences", "mentions", "quotes", "claims", "dates", "framing"):
        assert len(getattr(annotated, name)) > 0, name


def test_tables_start_with_exactly_the_schema(annotated):
    for name, df in annotated.tables().items():
        columns = list(schema.SCHEMAS[name])
        assert list(df.columns[: len(columns)]) == columns, name
        for column, dtype in schema.SCHEMAS[name].items():
            assert str(df[column].dtype) == dtype, (name, column, df[column].dtype)
    # extra sidecar columns are kept after the schema's (the seeds' sidecar has published_basis)
    assert "published_basis" in annotated.articles.columns


@pytest.mark.parametrize("table", ["mentions", "quotes", "claims", "dates", "framing"])
def test_every_row_lies_inside_its_sentence(annotated, table):
    rows = getattr(annotated, table).merge(
        annotated.sentences, on=["article_id", "sent_id"], suffixes=("", "_sent"), how="left"
    )
    assert rows["start_sent"].notna().all(), f"{table}: rows whose sent_id has no sentence"
    inside = (rows["start"] >= rows["start_sent"]) & (rows["end"] <= rows["end_sent"])
    # a quote may run over several sentences (multi-sentence quotes); everything else is inside one
    if table == "quotes":
        inside = rows["start"] >= rows["start_sent"]
    assert inside.all(), rows.loc[~inside, ["article_id", "sent_id", "start", "end"]].head()


@pytest.mark.parametrize("table", ["mentions", "claims", "dates"])
def test_surface_is_the_text_at_its_offsets(annotated, table):
    text = annotated.articles.set_index("article_id")["text"]
    df = getattr(annotated, table)
    assert len(df) > 0, f"no {table} rows on the sample: the check below would pass on nothing"
    for row in df.itertuples():
        assert text[row.article_id][row.start:row.end] == row.surface


def test_sentences_cover_the_text(annotated):
    text = annotated.articles.set_index("article_id")["text"]
    assert set(annotated.sentences["article_id"]) == set(annotated.articles["article_id"])
    for row in annotated.sentences.itertuples():
        assert text[row.article_id][row.start:row.end] == row.text


def test_save_and_open_round_trip(annotated, tmp_path):
    annotated.save(tmp_path / "corpus")
    back = toolkit.open(tmp_path / "corpus")
    for name, df in annotated.tables().items():
        pd.testing.assert_frame_equal(getattr(back, name), df, check_categorical=False, obj=name)


def test_filter_keeps_tables_consistent(annotated):
    kp = annotated.filter(outlets=["Kyiv Post"])
    assert set(kp.articles["outlet"].astype(str)) == {"Kyiv Post"}
    ids = set(kp.articles["article_id"])
    for name in ("sentences", "mentions", "quotes", "claims", "dates", "framing"):
        assert set(getattr(kp, name)["article_id"]) <= ids, name
    assert len(kp.sentences) > 0


def test_filter_by_date_and_actor(annotated):
    june = annotated.filter(start="2025-06-01", end="2025-06-30")
    assert set(june.articles["article_id"]) == {
        "000_305f33a29b9cb839", "002_ddf357a4433b20bd", "003_585b4e0ee30f5510"}
    with_peskov = annotated.filter(actors=["peskov"])
    assert "001_63ddd932b3e87f54" in set(with_peskov.articles["article_id"])
    assert "003_585b4e0ee30f5510" not in set(with_peskov.articles["article_id"])


def test_truncated_table_is_refused(annotated, tmp_path):
    target = annotated.save(tmp_path / "corpus")
    path = target / "mentions.parquet"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(CorruptTableError, match="mentions"):
        AnnotatedCorpus.open(target)


def test_missing_manifest_is_refused(annotated, tmp_path):
    target = annotated.save(tmp_path / "corpus")
    (target / "manifest.json").unlink()
    with pytest.raises(CorruptTableError, match="manifest"):
        AnnotatedCorpus.open(target)


def test_cli_annotate_writes_every_table_and_a_summary(sample_dir, tmp_path, capsys):
    from toolkit.cli import main

    out = tmp_path / "out"
    assert main(["annotate", str(sample_dir), "--out", str(out), "--cache-dir", str(tmp_path / "cache"), "--quiet"]) == 0
    for name in ("articles", "load_report", "sentences", "mentions", "quotes", "claims", "dates", "framing"):
        assert (out / f"{name}.parquet").exists(), name
    printed = capsys.readouterr().out
    assert "loaded: 5" in printed
    assert "Kyiv Post" in printed and "The Kyiv Independent" in printed


def test_cli_names_a_missing_model(sample_dir, tmp_path, capsys):
    from toolkit.cli import main

    rc = main(["annotate", str(sample_dir), "--out", str(tmp_path / "o"), "--model", "xx_missing_model", "--no-cache"])
    assert rc == 2
    assert "pip install" in capsys.readouterr().err


def test_toolkit_annotate_is_the_function_whatever_was_imported_first():
    # importing the implementing module must not shadow the public function
    import importlib

    importlib.import_module("toolkit.annotation")
    assert callable(toolkit.annotate) and toolkit.annotate.__name__ == "annotate"
