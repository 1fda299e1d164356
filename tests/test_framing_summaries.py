"""Framing summaries: log-odds properties, rates and shares on small corpora
whose answers can be counted by hand, and an end-to-end run on the sample."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from toolkit import schema
from toolkit.corpus import AnnotatedCorpus
from toolkit.framing import (attribution, by_outlet, distinctive_terms, light_term_counts, text_tone, tone, voice,
                             weighted_log_odds)

# -- weighted log-odds -----------------------------------------------------------


def test_two_groups_are_mirror_images():
    counts = pd.DataFrame({"invasion": [40, 5], "conflict": [5, 30], "talks": [20, 22]}, index=["A", "B"])
    scored = weighted_log_odds(counts).set_index(["group", "term"])
    for term in counts.columns:
        assert scored.loc[("A", term), "z"] == pytest.approx(-scored.loc[("B", term), "z"])
    assert scored.loc[("A", "invasion"), "z"] > 3 and scored.loc[("B", "conflict"), "z"] > 3
    assert abs(scored.loc[("A", "talks"), "z"]) < 1.5


def test_more_evidence_gives_a_larger_z_at_the_same_proportions():
    small = pd.DataFrame({"regime": [6, 2], "government": [2, 6]}, index=["A", "B"])
    large = small * 20
    z_small = weighted_log_odds(small).set_index(["group", "term"]).loc[("A", "regime"), "z"]
    z_large = weighted_log_odds(large).set_index(["group", "term"]).loc[("A", "regime"), "z"]
    assert 0 < z_small < z_large


def test_every_group_against_the_rest():
    counts = pd.DataFrame({"kiev": [30, 1, 1], "kyiv": [1, 30, 30], "war": [10, 10, 10]}, index=["A", "B", "C"])
    scored = weighted_log_odds(counts).set_index(["group", "term"])
    assert scored.loc[("A", "kiev"), "z"] > 3
    assert scored.loc[("B", "kyiv"), "z"] > 0 and scored.loc[("C", "kyiv"), "z"] > 0
    assert np.isfinite(scored["z"]).all()


def test_light_terms_drop_stop_words_and_possessives():
    counts = light_term_counts("Putin’s army shelled the city of Kharkiv again.")
    assert counts[("word", "putin")] == 1 and counts[("word", "kharkiv")] == 1
    assert ("word", "the") not in counts and ("word", "of") not in counts
    assert counts[("bigram", "putin army")] == 1 and ("bigram", "city kharkiv") not in counts


# -- a hand-countable corpus -----------------------------------------------------

TEXT_A = "Putin claimed the strikes hit only military targets. The brutal attack killed dozens."
TEXT_B = "Zelensky said the war must end. Peskov admitted the talks had stalled."
B_WAR = TEXT_B.index("the war")
B_TALKS = TEXT_B.index("the talks")


def _sentences(aid, text):
    out, pos = [], 0
    for i, sent in enumerate(text.split(". ")):
        sent = sent if sent.endswith(".") else sent + "."
        start = text.index(sent, pos)
        out.append({"article_id": aid, "sent_id": i, "start": start, "end": start + len(sent), "text": sent})
        pos = start + len(sent)
    return out


@pytest.fixture()
def small_corpus():
    articles = schema.frame("articles", [
        {"article_id": "a", "outlet": "Outlet A", "text": TEXT_A, "n_words": 1000, "published": "2025-06-01"},
        {"article_id": "b", "outlet": "Outlet B", "text": TEXT_B, "n_words": 500, "published": "2025-06-02"},
    ])
    a_claim_end = TEXT_A.index(".")
    quotes = schema.frame("quotes", [
        {"article_id": "a", "sent_id": 0, "start": 13, "end": a_claim_end, "text": TEXT_A[13:a_claim_end],
         "direct": False, "cue": "claim", "speaker_actor_id": "putin", "speaker": "Vladimir Putin"},
        {"article_id": "b", "sent_id": 0, "start": B_WAR, "end": B_WAR + 16, "text": TEXT_B[B_WAR:B_WAR + 16], "direct": True,
         "cue": "say", "speaker_actor_id": "zelensky", "speaker": "Volodymyr Zelensky"},
        {"article_id": "b", "sent_id": 1, "start": B_TALKS, "end": len(TEXT_B) - 1, "text": TEXT_B[B_TALKS:-1], "direct": False,
         "cue": "admit", "speaker_actor_id": "peskov", "speaker": "Dmitry Peskov"},
    ])
    mentions = schema.frame("mentions", [
        {"article_id": "a", "sent_id": 0, "start": 0, "end": 5, "actor_id": "putin", "actor": "Vladimir Putin", "side": "Russia"},
        {"article_id": "b", "sent_id": 0, "start": 0, "end": 8, "actor_id": "zelensky", "actor": "Volodymyr Zelensky", "side": "Ukraine"},
        {"article_id": "b", "sent_id": 1, "start": 32, "end": 38, "actor_id": "peskov", "actor": "Dmitry Peskov", "side": "Russia"},
    ])
    framing = schema.frame("framing", [
        {"article_id": "a", "sent_id": 0, "start": 6, "end": 13, "signal": "attribution_verb", "term": "claim",
         "category": "sceptical", "actor_id": "putin", "in_quote": False, "speaker_actor_id": "putin"},
        {"article_id": "a", "sent_id": 1, "start": 57, "end": 63, "signal": "loaded_term", "term": "brutal",
         "category": "condemnation", "in_quote": False},
        {"article_id": "b", "sent_id": 0, "start": 9, "end": 13, "signal": "attribution_verb", "term": "say",
         "category": "neutral", "actor_id": "zelensky", "in_quote": False, "speaker_actor_id": "zelensky"},
        {"article_id": "b", "sent_id": 0, "start": 18, "end": 21, "signal": "naming", "term": "war",
         "category": "the_war", "in_quote": True, "speaker_actor_id": "zelensky"},
        {"article_id": "b", "sent_id": 1, "start": 39, "end": 47, "signal": "attribution_verb", "term": "admit",
         "category": "concessive", "actor_id": "peskov", "in_quote": False, "speaker_actor_id": "peskov"},
    ])
    sentences = schema.frame("sentences", _sentences("a", TEXT_A) + _sentences("b", TEXT_B))
    return AnnotatedCorpus(articles=articles, sentences=sentences, mentions=mentions, quotes=quotes, framing=framing)


def test_by_outlet_rates_per_thousand_words_by_voice(small_corpus):
    out = by_outlet(small_corpus).set_index(["outlet", "signal", "category", "voice"])
    assert out.loc[("Outlet A", "loaded_term", "condemnation", "outlet"), "per_1000_words"] == pytest.approx(1.0)
    assert out.loc[("Outlet B", "naming", "the_war", "quoted"), "per_1000_words"] == pytest.approx(2.0)
    # the same grid for every outlet: B has no loaded terms, A no quoted naming
    assert out.loc[("Outlet B", "loaded_term", "condemnation", "outlet"), "n"] == 0
    assert out.loc[("Outlet A", "naming", "the_war", "quoted"), "n"] == 0


def test_attribution_mix_per_outlet_and_side(small_corpus):
    out = attribution(small_corpus).set_index(["outlet", "speaker_side", "category"])
    assert out.loc[("Outlet A", "Russia", "sceptical"), "share"] == pytest.approx(1.0)
    assert out.loc[("Outlet B", "Russia", "concessive"), "share"] == pytest.approx(1.0)
    assert out.loc[("Outlet B", "Ukraine", "neutral"), "n"] == 1


def test_share_of_voice(small_corpus):
    out = voice(small_corpus).set_index(["outlet", "speaker_actor_id", "direct"])
    assert out.loc[("Outlet B", "zelensky", True), "share_quotes"] == pytest.approx(0.5)
    assert out.groupby(level="outlet")["share_words"].sum().tolist() == pytest.approx([1.0, 1.0])
    sides = voice(small_corpus, by="side").set_index(["outlet", "side", "direct"])
    assert sides.loc[("Outlet B", "Russia", False), "n_quotes"] == 1


def test_tone_separates_outlet_voice_from_quotes(small_corpus):
    arts = tone(small_corpus).set_index(["article_id", "voice"])
    # "The brutal attack killed dozens." is the outlet's, and negative
    assert arts.loc[("a", "outlet"), "tone_mean"] < 0
    actors = tone(small_corpus, by="actor")
    assert set(actors["actor_id"]) <= {"putin", "zelensky", "peskov"}
    assert {"outlet", "actor_id", "voice", "tone_mean", "n_sentences", "agent_negativity"} <= set(actors.columns)


def test_agent_negativity_signs_by_role(small_corpus):
    # Putin is the agent of the negative sentence 1 ("The brutal attack killed dozens.") in outlet A;
    # Zelensky the patient of the same kind of sentence would count negative.
    extra = schema.frame("framing", [
        {"article_id": "a", "sent_id": 1, "start": 53, "end": 63, "signal": "agency", "term": "kill",
         "category": "agent", "actor_id": "putin", "in_quote": False},
        {"article_id": "a", "sent_id": 1, "start": 53, "end": 63, "signal": "agency", "term": "kill",
         "category": "patient", "actor_id": "zelensky", "in_quote": False},
    ])
    small_corpus.framing = pd.concat([small_corpus.framing, extra], ignore_index=True)
    small_corpus.mentions = pd.concat([small_corpus.mentions, schema.frame("mentions", [
        {"article_id": "a", "sent_id": 1, "start": 53, "end": 63, "actor_id": "zelensky", "actor": "Volodymyr Zelensky",
         "side": "Ukraine"}])], ignore_index=True)
    actors = tone(small_corpus, by="actor").set_index(["outlet", "actor_id", "voice"])
    assert actors.loc[("Outlet A", "putin", "outlet"), "agent_negativity"] > 0
    assert actors.loc[("Outlet A", "zelensky", "outlet"), "agent_negativity"] < 0
    assert actors.loc[("Outlet A", "putin", "outlet"), "n_agent"] == 1


def test_text_tone_reads_real_sentences():
    assert text_tone("The brutal attack on Kyiv killed dozens of civilians and horrified the world.") < -0.5
    assert text_tone("Both leaders welcomed the successful prisoner exchange and praised the progress.") > 0.5
    assert text_tone("he said") is None


def test_distinctive_terms_find_each_outlets_words(small_corpus):
    out = distinctive_terms(small_corpus, min_count=1, top=None, kinds=("word",), voice="all")
    z = out.set_index(["group", "term"])["z"]
    assert z[("Outlet A", "brutal")] > 0 > z[("Outlet B", "brutal")]
    assert z[("Outlet B", "zelensky")] > 0 > z[("Outlet A", "zelensky")]
    assert set(out["group"]) == {"Outlet A", "Outlet B"}
    outlet_voice = distinctive_terms(small_corpus, min_count=1, top=None, kinds=("word",), voice="outlet")
    # "stalled" is inside Peskov's reported words, so not the outlet's own vocabulary
    assert "stalled" not in set(outlet_voice["term"])


def test_agency_summary(small_corpus):
    from toolkit.framing import agency

    extra = schema.frame("framing", [
        {"article_id": "a", "sent_id": 1, "start": 53, "end": 63, "signal": "agency", "term": "kill",
         "category": "agent", "actor_id": "putin", "in_quote": False},
        {"article_id": "a", "sent_id": 0, "start": 0, "end": 5, "signal": "agency", "term": "hit",
         "category": "agent", "actor_id": "putin", "in_quote": False},
        {"article_id": "a", "sent_id": 0, "start": 0, "end": 5, "signal": "agency", "term": "blame",
         "category": "patient", "actor_id": "putin", "in_quote": True},
    ])
    small_corpus.framing = pd.concat([small_corpus.framing, extra], ignore_index=True)
    out = agency(small_corpus).set_index(["outlet", "actor_id", "voice", "role"])
    row = out.loc[("Outlet A", "putin", "outlet", "agent")]
    assert row["n"] == 2 and row["share"] == pytest.approx(1.0) and set(row["verbs"].split(", ")) == {"kill 1", "hit 1"}
    assert out.loc[("Outlet A", "putin", "quoted", "patient"), "n"] == 1


def test_empty_corpus_gives_empty_frames():
    empty = AnnotatedCorpus(articles=schema.frame("articles"))
    assert by_outlet(empty).empty and attribution(empty).empty and voice(empty).empty
    assert distinctive_terms(empty).empty and tone(empty).empty
    from toolkit.framing import agency

    assert agency(empty).empty and tone(empty, by="actor").empty


# -- the sample, end to end ---------------------------------------------------------

@pytest.fixture(scope="module")
def sample(annotated_sample):
    return annotated_sample


def test_sample_summaries(sample):
    rates = by_outlet(sample)
    kyiv_post = rates[(rates["outlet"] == "Kyiv Post") & (rates["signal"] == "loaded_term") & (rates["voice"] == "quoted")]
    assert kyiv_post["n"].sum() >= 2  # "terrorism", "terrorist" in Putin's quotes
    mix = attribution(sample)
    trendozz_russia = mix[(mix["outlet"] == "Trendozz") & (mix["speaker_side"] == "Russia")]
    assert "sceptical" in set(trendozz_russia["category"])  # "Putin contended ..."
    assert trendozz_russia["share"].sum() == pytest.approx(1.0)
    shares = voice(sample)
    assert shares.groupby("outlet")["share_quotes"].sum().to_numpy() == pytest.approx(1.0)
    top = shares[shares["outlet"] == "Kyiv Post"].groupby("speaker_actor_id")["n_quotes"].sum().idxmax()
    assert top == "putin"


def test_distinctive_terms_from_a_terms_table(nlp, small_corpus):
    """The lemma / noun-phrase path: counts stored at annotation time."""
    from toolkit.framing import term_counts

    rows = []
    for aid, text in (("a", TEXT_A + " Russian strikes hit Kharkiv. The strikes went on."), ("b", TEXT_B)):
        rows += [{**r, "article_id": aid} for r in term_counts(nlp(text))]
    terms = pd.DataFrame(rows)
    out = distinctive_terms(small_corpus, terms=terms, min_count=1, top=None, voice="all")
    z = out.set_index(["group", "kind", "term"])["z"]
    assert z[("Outlet A", "lemma", "strike")] > 0 > z[("Outlet B", "lemma", "strike")]  # "strikes" x3 -> lemma
    assert ("Outlet A", "noun_phrase", "military target") in z.index
