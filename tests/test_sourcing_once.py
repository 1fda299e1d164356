"""Shared copy counted once (toolkit.sourcing.copies.copy_groups,
toolkit.sourcing.copies.counted_once) and the copies table saved with the
corpus: on the sample's real articles with planted re-publications — the
amedpost.com story carried a day earlier by "Express" and a day later by
"Mirror Copy", and the Trendozz (Reuters) story re-published a day later by
"Daily Rewrite" with light edits."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from toolkit import schema
from toolkit.corpus import AnnotatedCorpus, Corpus, CorruptTableError
from toolkit.sourcing.analysis import copies_of, with_copies
from toolkit.sourcing.copies import copy_groups, counted_once


@pytest.fixture(scope="module")
def planted(sample_corpus):
    import toolkit

    a = sample_corpus.articles
    amed = a[a["outlet"] == "amedpost.com"].iloc[0]
    tz = a[a["outlet"] == "Trendozz"].iloc[0]
    # "incredible lies" is inside one of Putin's quotes: that quote is edited, the others are copied verbatim
    rewrite = (tz.text.replace("Russian President Vladimir Putin stated", "Vladimir Putin said")
               .replace("He emphasized", "He stressed").replace("incredible lies", "lies"))
    extra = [dict(amed, article_id="plant:express", outlet="Express", published=amed.published - pd.Timedelta(days=1)),
             dict(amed, article_id="plant:mirror", outlet="Mirror Copy", published=amed.published + pd.Timedelta(days=1)),
             dict(tz, article_id="plant:rewrite", outlet="Daily Rewrite", published=tz.published + pd.Timedelta(days=1),
                  text=rewrite)]
    articles = schema.conform("articles", pd.concat([a, pd.DataFrame(extra)], ignore_index=True))
    annotated = toolkit.annotate(Corpus(articles, sample_corpus.load_report), cache_dir=None, progress=False)
    return with_copies(annotated)


def test_copies_table_and_provenance(planted):
    pairs = {(r.outlet_a, r.outlet_b) for r in planted.copies.itertuples()}
    assert {("Express", "amedpost.com"), ("Express", "Mirror Copy"), ("amedpost.com", "Mirror Copy"),
            ("Trendozz", "Daily Rewrite")} <= pairs
    assert planted.meta["copies"]["pairs"] == len(planted.copies)
    claims = planted.with_outlet("claims")
    amed = claims[claims["outlet"] == "amedpost.com"]
    assert (amed["via_scope"] == "copy").all() and (amed["via_copy_of"] == "plant:express").all()
    assert claims.loc[claims["outlet"] == "Express", "via_copy_of"].isna().all()


def test_copy_groups_follow_a_story_through_three_outlets(planted):
    claims = planted.with_outlet("claims")
    groups = copy_groups(claims, planted.copies, planted.articles)
    million = claims["surface"].str.contains("1,008,240", regex=False)
    assert set(claims.loc[million, "outlet"]) == {"Express", "amedpost.com", "Mirror Copy"}
    g = groups[million.to_numpy()]
    assert g["shared_group"].nunique() == 1 and set(g["n_copies"]) == {3}
    assert set(g["first_outlet"]) == {"Express"}
    first = claims.loc[g.index[g["first_copy"]], "outlet"]
    assert first.tolist() == ["Express"]
    # rows outside shared copy are untouched: every Kyiv Post claim counts
    kp = (claims["outlet"] == "Kyiv Post").to_numpy()
    assert groups.loc[kp, "first_copy"].all() and groups.loc[kp, "shared_group"].isna().all()


def test_claim_comparisons_can_count_shared_copy_once(planted):
    from toolkit.claims.analysis import event_claims, headline_figures, series

    printed = headline_figures(planted)
    once = headline_figures(planted, once_per_copy=True)
    assert {"Express", "amedpost.com", "Mirror Copy"} <= set(printed["outlet"])
    assert "Express" in set(once["outlet"]) and not {"amedpost.com", "Mirror Copy"} & set(once["outlet"])
    assert set(once["outlet"]) - {"Express"} == set(printed["outlet"]) - {"Express", "amedpost.com", "Mirror Copy",
                                                                           "Daily Rewrite"}
    # the Kyiv strike's death toll: five outlets print it, but they are two stories (Trendozz's
    # Reuters copy, amedpost's Express copy), each re-published by another outlet
    def kyiv_killed(**options):
        m = event_claims(planted, **options)
        return set(m.loc[m["event_label"].str.startswith("Kyiv attack") & (m["category"] == "killed"), "outlet"])

    assert kyiv_killed() == {"Trendozz", "Daily Rewrite", "amedpost.com", "Express", "Mirror Copy"}
    assert kyiv_killed(once_per_copy=True) == {"Trendozz", "Express"}
    # the running total 1,008,240 from Ukraine's General Staff: printed by three outlets, one copy
    printed_series = series(planted)
    once_series = series(planted, once_per_copy=True)
    total = printed_series[printed_series["value_low"] == 1008240]
    assert set(total["outlet"]) == {"Express", "amedpost.com", "Mirror Copy"}
    assert once_series.loc[once_series["value_low"] == 1008240, "outlet"].tolist() == ["Express"]


def test_share_of_voice_can_count_shared_copy_once(planted):
    from toolkit.actors.sides import voice_by_side
    from toolkit.framing.summaries import voice

    printed = voice(planted, by="side").groupby("outlet")["n_quotes"].sum()
    once = voice(planted, by="side", once_per_copy=True).groupby("outlet")["n_quotes"].sum()
    assert printed["Daily Rewrite"] == printed["Trendozz"] > 5
    # Daily Rewrite keeps only the quote it edited ("lies." for "incredible lies."); Trendozz keeps all
    assert once["Daily Rewrite"] == 1 and once["Trendozz"] == printed["Trendozz"]
    assert "amedpost.com" not in once and once["Express"] == printed["Express"]
    kept = counted_once(planted.with_outlet("quotes"), planted)
    assert kept.loc[kept["outlet"] == "Daily Rewrite", "text"].tolist() == ["lies."]
    by_side = voice_by_side(planted, once_per_copy=True)
    speaks = by_side[by_side["measure"] == by_side["measure"].iloc[-1]]
    assert speaks.loc[speaks["outlet"] == "Daily Rewrite", "count"].sum() == 1


def test_copies_saved_with_the_corpus_and_checked(planted, tmp_path):
    folder = planted.save(tmp_path / "corpus")
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["tables"]["copies"]["rows"] == len(planted.copies) and manifest["tables"]["copies"]["sha256"]
    back = AnnotatedCorpus.open(folder)
    cols = ["article_a", "article_b", "spans", "n_shared_words", "first_published"]
    assert back.copies[cols].equals(planted.copies[cols])
    assert copies_of(back) is back.copies  # the saved table, not recomputed
    # a selection keeps the pairs whose two articles it keeps
    two = back.filter(outlets=["Express", "amedpost.com"])
    assert {(r.outlet_a, r.outlet_b) for r in two.copies.itertuples()} == {("Express", "amedpost.com")}
    # an altered copies file is refused like any table
    path = folder / "copies.parquet"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptTableError, match="copies.parquet"):
        AnnotatedCorpus.open(folder)


def test_corpus_saved_before_copies_opens_with_none(annotated_sample, tmp_path):
    folder = annotated_sample.save(tmp_path / "old")
    manifest = json.loads((folder / "manifest.json").read_text())
    del manifest["tables"]["copies"]
    (folder / "manifest.json").write_text(json.dumps(manifest))
    (folder / "copies.parquet").unlink()
    back = AnnotatedCorpus.open(folder)
    assert len(back.copies) == 0 and list(back.copies.columns) == list(schema.frame("copies").columns)
    # counting once with no shared copy changes nothing
    q = back.with_outlet("quotes")
    assert len(counted_once(q, back)) == len(q)


def test_shared_copy_effect_per_outlet(planted):
    from toolkit.sourcing.analysis import shared_copy_effect

    effect = shared_copy_effect(planted).set_index("outlet")
    assert effect.loc["Express", "countable claims"] == effect.loc["Express", "countable claims counted once"] > 0
    assert effect.loc["amedpost.com", "countable claims counted once"] == 0 < effect.loc["amedpost.com", "countable claims"]
    assert effect.loc["Daily Rewrite", "speech quotes counted once"] == 1
    assert effect.loc["Kyiv Post", "repeated"] == 0 and effect.loc["amedpost.com", "repeated"] == 1
    assert 0.9 < effect.loc["Daily Rewrite", "repeated"] < 1


def test_cli_copies_flag_saves_the_copies_table(tmp_path, sample_dir):
    import shutil

    from toolkit.cli import main

    src = tmp_path / "articles"
    shutil.copytree(sample_dir, src)
    meta = pd.read_csv(src / "metadata.csv")
    amed = meta[meta["outlet"] == "amedpost.com"].iloc[0]
    # the amedpost.com story, published a day earlier by "Express" (lightly edited: the loader drops exact duplicates)
    text = (src / amed["file"]).read_text(encoding="utf-8")
    (src / "900_express.txt").write_text(text.replace("Putin", "Vladimir Putin", 1), encoding="utf-8")
    early = (pd.Timestamp(amed["published"]) - pd.Timedelta(days=1)).date().isoformat()
    meta = pd.concat([meta, pd.DataFrame([{"file": "900_express.txt", "outlet": "Express", "title": amed["title"],
                                           "published": early}])], ignore_index=True)
    meta.to_csv(src / "metadata.csv", index=False)
    out = tmp_path / "out"
    assert main(["annotate", str(src), "--out", str(out), "--no-cache", "--quiet", "--copies"]) == 0
    back = AnnotatedCorpus.open(out)
    assert [(r.outlet_a, r.outlet_b, r.first_published) for r in back.copies.itertuples()] == [
        ("Express", "amedpost.com", "article_a")]
    claims = back.with_outlet("claims")
    assert (claims.loc[claims["outlet"] == "amedpost.com", "via_scope"] == "copy").all()


def test_notebook_frames_on_the_planted_copies(planted):
    from toolkit.sourcing.analysis import first_published, outlet_sourcing, provenance

    first = first_published(planted.copies, planted)
    pairs = list(zip(first["outlet_a"].astype(str), first["outlet_b"].astype(str)))
    assert ("Express", "amedpost.com") in pairs and ("Trendozz", "Daily Rewrite") in pairs
    assert (first["lag"] > pd.Timedelta(0)).all() and first["first passage"].str.len().gt(0).all()
    chains = provenance(planted, "claims")
    amed = chains[chains["outlet"] == "amedpost.com"]
    assert len(amed) and amed["via_chain"].str.startswith("amedpost.com ← Express (shared copy)").all()
    per_outlet = outlet_sourcing(planted, planted.copies).set_index("outlet")
    assert per_outlet.loc["Express", "published first"] >= 2 and per_outlet.loc["Mirror Copy", "published later"] == 2
