"""Promote an unknown actor from the sample into a user catalogue and re-annotate:
the Border Service spokesman quoted in the amedpost.com article gets his id and side."""

from __future__ import annotations


import pytest
import yaml

import toolkit
from toolkit.actors.catalogue import CatalogueError, load_catalogue
from toolkit.review.promote import promote_actor, promote_unknown, reannotate


def test_promoted_actor_is_annotated_with_its_side_on_the_next_run(annotated_sample, sample_copy, tmp_path):
    unknown = toolkit.unknown_actors(annotated_sample)
    row = unknown[unknown["actor_id"] == "per:andriy_demchenko"].iloc[0]
    assert "according to Andriy Demchenko, a spokesman for Ukraine’s Border Service" in row["example"]
    path = promote_unknown(sample_copy / "actors.yaml", row, side="Ukraine", aliases=["Demchenko"],
                           role="spokesman, State Border Guard Service of Ukraine")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["extends"] == "default" and data["actors"][0]["aliases"] == ["Andriy Demchenko", "Demchenko"]
    catalogue = load_catalogue(path)
    assert "putin" in catalogue.actors and catalogue.actors["andriy_demchenko"].side == "Ukraine"  # extends the shipped one

    again = reannotate(sample_copy, tmp_path / "out", path, cache_dir=None, progress=False)
    mentions = again.mentions[again.mentions["actor_id"] == "andriy_demchenko"]
    assert len(mentions) >= 1 and set(mentions["side"]) == {"Ukraine"} and set(mentions["via"]) == {"catalogue"}
    spoke = again.quotes[again.quotes["speaker_actor_id"] == "andriy_demchenko"]
    assert any("number of attacks has decreased" in t for t in spoke["text"])
    assert "per:andriy_demchenko" not in set(toolkit.unknown_actors(again)["actor_id"])
    assert toolkit.open(tmp_path / "out").meta["catalogue"] == catalogue.digest


def test_promoting_again_updates_the_entry_and_a_clash_leaves_the_file_unchanged(tmp_path):
    path = tmp_path / "actors.yaml"
    promote_actor(path, "per:andriy_demchenko", name="Andriy Demchenko", kind="person", side="other")
    promote_actor(path, "andriy_demchenko", name="Andriy Demchenko", kind="person", side="Ukraine", aliases=["Demchenko"])
    before = path.read_text(encoding="utf-8")
    entries = yaml.safe_load(before)["actors"]
    assert [(e["actor_id"], e["side"]) for e in entries] == [("andriy_demchenko", "Ukraine")]
    with pytest.raises(CatalogueError):
        promote_actor(path, "someone", name="Someone", kind="person", side="Russia", aliases=["Putin"])  # Putin's alias
    with pytest.raises(CatalogueError, match="kind must be one of"):
        promote_actor(path, "x", name="X", kind="human", side="Russia")
    assert path.read_text(encoding="utf-8") == before
    assert not [p for p in tmp_path.iterdir() if p.name != "actors.yaml"]
