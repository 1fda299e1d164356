"""toolkit.actors.sides: an actor's side comes from the catalogue the corpus
was annotated with; one label for an unknown side and one for no speaker,
in tables and charts alike (on the annotated sample)."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from toolkit import charts, framing
from toolkit.actors.sides import SPEAKS, TALKED_ABOUT, UNATTRIBUTED, UNKNOWN_SIDE, actor_sides, voice_by_side


@pytest.fixture(scope="module")
def relabelled(annotated_sample):
    """The sample as if annotated with a custom catalogue that puts Zelensky
    on a side of its own ("Kyiv government"; the shipped one says Ukraine)."""
    m = annotated_sample.mentions.copy()
    m["side"] = m["side"].astype("string")
    m.loc[m["actor_id"] == "zelensky", "side"] = "Kyiv government"
    return dataclasses.replace(annotated_sample, mentions=m)


def test_side_is_the_annotation_catalogues_not_the_shipped_one(annotated_sample, relabelled):
    sides = actor_sides(annotated_sample)
    assert sides["putin"] == "Russia" and sides["zelensky"] == "Ukraine"
    mentioned = set(annotated_sample.mentions["actor_id"].dropna())
    assert set(sides.index) == mentioned, "every mentioned actor, and no catalogue entry beyond them"
    assert actor_sides(relabelled)["zelensky"] == "Kyiv government"
    # framing's speaker sides follow the corpus, not the shipped catalogue
    f = relabelled.framing
    by_zelensky = ((f["signal"] == "attribution_verb") & (f["speaker_actor_id"] == "zelensky")).sum()
    assert by_zelensky > 0, "the sample attributes speech to Zelensky"
    mix = framing.attribution(relabelled)
    assert mix.loc[mix["speaker_side"] == "Kyiv government", "n"].sum() == by_zelensky


def test_voice_by_side_labels_unknown_and_unattributed_apart(annotated_sample):
    voice = voice_by_side(annotated_sample)
    sides = set(annotated_sample.mentions["side"].astype("string"))
    assert set(voice["side"]) <= sides | {UNKNOWN_SIDE, UNATTRIBUTED}
    assert "unassigned" not in set(voice["side"])
    speaks = voice[voice["measure"] == SPEAKS].set_index(["outlet", "side"])["count"]
    from toolkit.quotes import speech_only

    quotes = speech_only(annotated_sample.with_outlet("quotes"))  # a mixed row's fragment counts once
    no_speaker = quotes[quotes["speaker_actor_id"].isna()].groupby(quotes["outlet"].astype("string")).size()
    for outlet, n in no_speaker.items():
        assert speaks[(outlet, UNATTRIBUTED)] == n
    assert speaks.sum() == len(quotes)
    shares = voice.groupby(["outlet", "measure"])["share"].sum()
    assert shares.round(9).eq(1).all() and set(voice["measure"]) == {SPEAKS, TALKED_ABOUT}


def test_framing_voice_and_the_chart_count_the_same_sides(annotated_sample):
    table = framing.voice(annotated_sample, by="side").groupby(["outlet", "side"])["n_quotes"].sum()
    spec = charts.share_of_voice(annotated_sample).to_dict()
    drawn = pd.DataFrame(next(iter(spec["datasets"].values())))
    drawn = drawn[drawn["measure"] == SPEAKS].set_index(["outlet", "side"])["count"]
    assert table.sort_index().to_dict() == drawn.sort_index().to_dict()
    domain = spec["encoding"]["color"]["scale"]["domain"]
    assert domain[-2:] == [UNKNOWN_SIDE, UNATTRIBUTED]
