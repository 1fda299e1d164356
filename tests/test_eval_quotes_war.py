"""The war-coverage quotes scorer: gold files are consistent, and its matching
and speaker rules behave as its README says (no shared corpora needed)."""

import json
from pathlib import Path

import pandas as pd

from evaluation import eval_quotes_war as ev

DATA = Path(__file__).resolve().parents[1] / "evaluation" / "data"


def test_gold_files_are_consistent():
    articles = ev.read_jsonl(DATA / "quotes_war_articles.jsonl")
    gold = ev.read_jsonl(DATA / "quotes_war_gold.jsonl")
    ids = {a["article_id"]: a for a in articles}
    assert len(ids) >= 30
    assert {a["split"] for a in articles} == {"tune", "check"}
    assert sum(a["split"] == "check" for a in articles) * 3 >= len(articles) - 2
    for g in gold:
        a = ids[g["article_id"]]
        assert g["split"] == a["split"]
        assert g["end"] - g["start"] == len(g["content"])
        assert g["end"] <= a["labelled_end"]
        assert g["kind"] in ev.SPEECH | ev.NOT_SPEECH
    assert sum(a["n_records"] for a in articles) == len(gold)


def test_speaker_rules_on_real_sources():
    # Guardian, 2022: "A Russian official in Ukraine has claimed …"
    assert ev.same_speaker("A Russian official in Ukraine", [], ["A Russian official"])
    # "an adviser to Zelenskiy having said that …"
    assert ev.same_speaker("an adviser to Zelenskiy", [], ["an adviser"])
    # surname of a person; catalogue canonical spelling differs
    assert ev.same_speaker("Volodymyr Zelenskiy", [], ["Volodymyr Zelensky", "Zelenskiy"])
    assert ev.same_speaker("Russia’s foreign ministry", [], ["Russian Foreign Ministry"])
    assert ev.same_speaker("Ukraine and Russia", [], ["Ukraine"])
    assert not ev.same_speaker("Russia’s foreign ministry", [], ["Russian defence ministry"])
    # wrong: a country for its ministry, a role phrase for the named governor
    assert not ev.same_speaker("Ukraine’s defence ministry", [], ["Ukraine"])
    assert not ev.same_speaker("Pavlo Kyrylenko", [], ["the regional governor"])
    assert not ev.same_speaker("Xi Jinping", [], ["China"])


def test_matching_needs_half_of_each_span():
    gold = [{"start": 0, "end": 100}, {"start": 40, "end": 60}]
    preds = [{"start": 40, "end": 60}, {"start": 0, "end": 95}]
    assert sorted(ev.match(gold, preds)) == [(0, 1), (1, 0)]
    assert ev.match([{"start": 0, "end": 100}], [{"start": 0, "end": 30}]) == []


def test_score_counts_uncertain_and_negatives():
    manifest = [{"article_id": "a:1", "labelled_end": 1000, "collection_label": "X"}]
    gold = [
        {"id": "1", "article_id": "a:1", "kind": "direct", "start": 10, "end": 50, "speaker": "Dmitry Peskov",
         "speaker_alternatives": [], "uncertain": False},
        {"id": "2", "article_id": "a:1", "kind": "indirect", "start": 100, "end": 150, "speaker": "Kremlin",
         "speaker_alternatives": [], "uncertain": True},
        {"id": "3", "article_id": "a:1", "kind": "scare_quote", "start": 200, "end": 208, "speaker": None,
         "speaker_alternatives": [], "uncertain": False},
    ]
    quotes = pd.DataFrame([
        {"article_id": "a:1", "start": 10, "end": 50, "text": "x " * 20, "speaker": "Dmitry Peskov", "speaker_surface": "he", "speaker_actor_id": "peskov"},
        {"article_id": "a:1", "start": 100, "end": 150, "text": "y " * 25, "speaker": None, "speaker_surface": None, "speaker_actor_id": None},
        {"article_id": "a:1", "start": 200, "end": 208, "text": "thinking", "speaker": None, "speaker_surface": None, "speaker_actor_id": None},
    ])
    res = ev.score(gold, quotes, manifest)
    assert res["n_gold"] == 1 and res["n_pred"] == 2 and res["n_right"] == 1
    assert len(res["negatives_as_speech"]) == 1
    # a row whose kind says it is not speech is not a prediction
    quotes.loc[2, "kind"] = "scare_quote"
    quotes["kind"] = quotes["kind"].astype(object)
    res = ev.score(gold, quotes, manifest)
    assert res["n_pred"] == 1 and not res["negatives_as_speech"]
