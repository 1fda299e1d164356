"""Stable row ids: annotate the same text again (after other articles, the
sidecar or nothing changed) and every row keeps its id; change an article's
text and that article's rows get new ids."""

from __future__ import annotations

import csv
import shutil

import pandas as pd
import pytest

from toolkit.review.ids import ID_TABLES, assign_row_ids

EDITED = "001_63ddd932b3e87f54.txt"      # its text changes
RELABELLED = "002_ddf357a4433b20bd.txt"  # only its sidecar row changes


@pytest.fixture(scope="module")
def changed_copy(tmp_path_factory, sample_dir):
    """The sample with one article's text edited and another's outlet and date changed in the sidecar."""
    folder = tmp_path_factory.mktemp("changed")
    for path in sample_dir.iterdir():
        shutil.copy(path, folder / path.name)
    text = (folder / EDITED).read_text(encoding="utf-8")
    # a body sentence, not the title line (which cleaning removes)
    assert "Speaking to reporters, Peskov said" in text
    (folder / EDITED).write_text(text.replace("Speaking to reporters, Peskov said", "Speaking to journalists on Friday, Peskov said"),
                                 encoding="utf-8")
    with open(folder / "metadata.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        if row["file"] == RELABELLED:
            row["outlet"], row["published"] = "Renamed Outlet", "2025-07-01"
    with open(folder / "metadata.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder


@pytest.fixture(scope="module")
def reannotated(changed_copy):
    import toolkit

    return toolkit.annotate(toolkit.load(changed_copy), cache_dir=None, progress=False)


@pytest.mark.parametrize("table", ID_TABLES)
def test_every_row_has_a_unique_id_naming_its_table(annotated_sample, table):
    ids = getattr(annotated_sample, table)["row_id"]
    assert len(ids) > 0 and ids.notna().all()
    assert ids.is_unique
    assert ids.str.fullmatch(rf"{table[0]}-[0-9a-f]{{16}}").all()


def test_annotating_again_gives_the_same_ids(annotated_sample, sample_corpus, tmp_path):
    import toolkit

    # another run, through the cache this time: the ids do not depend on how rows were produced
    first = toolkit.annotate(sample_corpus, cache_dir=tmp_path, progress=False)
    cached = toolkit.annotate(sample_corpus, cache_dir=tmp_path, progress=False)
    assert cached.meta["n_from_cache"] == 5
    for table in ID_TABLES:
        reference = getattr(annotated_sample, table)["row_id"].tolist()
        assert getattr(first, table)["row_id"].tolist() == reference
        assert getattr(cached, table)["row_id"].tolist() == reference


def _ids_by_article(corpus, table, file_name):
    article_id = file_name.removesuffix(".txt")
    df = getattr(corpus, table)
    return df.loc[df["article_id"] == article_id, "row_id"].tolist()


@pytest.mark.parametrize("table", ID_TABLES)
def test_ids_survive_changes_elsewhere_and_follow_the_text(annotated_sample, reannotated, table):
    before, after = getattr(annotated_sample, table), getattr(reannotated, table)
    hashes = {c.articles.set_index("article_id").loc[EDITED.removesuffix(".txt"), "content_hash"]
              for c in (annotated_sample, reannotated)}
    assert len(hashes) == 2  # the edit reached the cleaned text
    assert reannotated.articles.set_index("article_id").loc[RELABELLED.removesuffix(".txt"), "outlet"] == "Renamed Outlet"
    for name in sorted({*before["article_id"]} - {EDITED.removesuffix(".txt")}):
        # unchanged text (incl. the article whose sidecar row changed): same ids
        assert _ids_by_article(reannotated, table, name + ".txt") == _ids_by_article(annotated_sample, table, name + ".txt"), name
    old, new = _ids_by_article(annotated_sample, table, EDITED), _ids_by_article(reannotated, table, EDITED)
    if old or new:
        # the edited article's rows stand on another text: none of its old ids survives
        assert not set(old) & set(new)
    assert after["row_id"].is_unique


def test_framing_rows_on_one_span_are_told_apart_by_their_signal(annotated_sample):
    framing = annotated_sample.framing
    tied = framing[framing.duplicated(["article_id", "start", "end"], keep=False)]
    assert len(tied) >= 2  # "Kyiv" in the first sentence of 000 is a naming choice and the patient of "strike"
    assert tied["row_id"].is_unique


def test_a_rule_column_and_then_the_order_break_ties_only_where_spans_collide():
    articles = pd.DataFrame({"article_id": ["a"], "content_hash": ["h"]})
    claims = pd.DataFrame({"article_id": ["a"] * 4, "start": [0, 0, 0, 10], "end": [5, 5, 5, 12],
                           "category": ["killed", "injured", "injured", "killed"]})
    ids = assign_row_ids("claims", claims, articles)
    assert ids.is_unique
    alone = assign_row_ids("claims", claims.iloc[[3]], articles)
    assert alone.iloc[0] == ids.iloc[3]  # an untied row's id does not depend on its category
    recategorised = assign_row_ids("claims", claims.iloc[[3]].assign(category="casualties"), articles)
    assert recategorised.iloc[0] == ids.iloc[3]
