"""The war claims gold set is well-formed and the scorer's matching rules
hold (no eval data needed: the gold file quotes its evidence sentences)."""

from __future__ import annotations

import collections
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("eval_claims_war", ROOT / "evaluation" / "eval_claims_war.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_records_quote_their_figure_and_split_by_article(scorer):
    gold, articles = scorer.read_gold()
    assert len(articles) >= 30 and len(gold) >= 80
    assert len({g["id"] for g in gold}) == len(gold)
    split_of = {a["article_id"]: a["split"] for a in articles}
    for g in gold:
        offset = g["figure_start"] - g["sentence_start"]
        assert g["sentence"][offset:offset + len(g["figure"])] == g["figure"], g["id"]
        assert g["split"] == split_of[g["article_id"]]
        assert g["modality"] in ("reported", "hypothetical", "denied")
        assert g["side"] in ("Ukraine", "Russia", "both", "other", "unknown")
        assert g["claimant_is_outlet"] == (g["claimant"] is None)
    assert {a["split"] for a in articles} <= {"tune", "check", "tune2"}
    first = [a for a in articles if a["split"] != "tune2"]   # session 1's draw: a third kept as check
    n = collections.Counter(a["split"] for a in first)
    assert n["check"] == len(first) // 3 and n["tune"] == len(first) - n["check"]
    # the second batch (all tuned on) is new articles: none of them was in the first draw
    assert not {a["article_id"] for a in articles if a["split"] == "tune2"} & {a["article_id"] for a in first}


def test_matching_needs_the_sentence_and_the_value(scorer):
    gold = {"id": "g", "figure_start": 0, "figure_end": 12, "value_low": 8, "value_high": 8, "qualifier": "exact",
            "modality": "reported"}
    right = {"start": 0, "end": 12, "value_low": 8.0, "value_high": 8.0}
    wrong_value = {"start": 0, "end": 12, "value_low": 4.0, "value_high": 4.0}
    elsewhere = {"start": 500, "end": 510, "value_low": 8.0, "value_high": 8.0}
    pairs = scorer.match([gold], [wrong_value, elsewhere, right], {"g": (0, 200)})
    assert (gold, right) in pairs
    assert sum(1 for g, p in pairs if g is None) == 2


def test_vague_gold_matches_an_overlapping_vague_range(scorer):
    gold = {"value_low": 40, "value_high": 99, "qualifier": "vague"}
    assert scorer.value_matches(gold, {"value_low": 40.0, "value_high": 199.0, "qualifier": "vague"})
    assert not scorer.value_matches(gold, {"value_low": 200.0, "value_high": 999.0, "qualifier": "vague"})


def test_claimant_is_never_a_pronoun_and_outlet_voice_must_be_flagged(scorer):
    named = {"claimant": "Pavlo Kyrylenko", "claimant_alt": ["Kyrylenko"], "claimant_is_outlet": False}
    outlet = {"claimant": None, "claimant_alt": [], "claimant_is_outlet": True}
    assert scorer.claimant_right(named, {"claimant": "the regional governor, Pavlo Kyrylenko"})
    assert not scorer.claimant_right(named, {"claimant": "It"})
    assert scorer.claimant_right(outlet, {"claimant": "The Guardian", "claimant_actor_id": "outlet:The Guardian"})
    assert not scorer.claimant_right(outlet, {"claimant": "Putin", "claimant_actor_id": "putin"})


def test_hypothetical_gold_is_no_positive(scorer):
    gold = {"id": "g", "figure_start": 0, "figure_end": 3, "value_low": 1.5e6, "value_high": 1.5e6,
            "qualifier": "exact", "modality": "hypothetical"}
    flagged = {"start": 0, "end": 3, "value_low": 1.5e6, "value_high": 1.5e6, "modality": "hypothetical"}
    asserted = dict(flagged, modality="reported")
    assert scorer.score(scorer.match([gold], [flagged], {"g": (0, 50)}))["fp"] == 0
    assert scorer.score(scorer.match([gold], [asserted], {"g": (0, 50)}))["fp"] == 1
