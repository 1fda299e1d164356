"""The learned check of a direct quote's source (``toolkit.quotes.rank``,
issue 13 lane 13r). Real sentences: PolNeAR train texts (2016 US election
news; texts the ranker was trained on), the war corpus ru_ua_2022 and the
sample articles in ``data/articles``, each quoted with its outlet. Where the
rules were wrong, the test also checks that the rules alone give the old
speaker, so it fails on the code before the ranker."""

from __future__ import annotations

import json
import math

import pytest
from test_quotes_support import find, quotes_of

from toolkit.quotes import rank, resolve


@pytest.fixture()
def rules_only(monkeypatch):
    """The quotes extractor with the rules' choice of source only (the code before the ranker)."""
    monkeypatch.setattr(resolve, "choose_source", lambda doc, a, source, inside, clauses=(), ranker=None: source)


def _speaker(nlp, text: str, fragment: str) -> str | None:
    return find(quotes_of(nlp, text), fragment, direct=True)["speaker_surface"]


# Where the rules took the wrong phrase. Each pair: the text, a fragment of
# the quote, the rules' speaker, the ranker's speaker (the one the text gives).
FIXED = [
    # Politico, 10 Mar 2016 (PolNeAR train): the subject of the `when` clause is not the one who fires back
    ("When Trump suggested that Cuba would sue the U.S. for reneging on the Obama administration’s deal, Rubio "
     "fired back forcefully: “If they sue us in a court in Miami, they’re going to lose,” referencing the large "
     "number of Cuban immigrants in the region.", "If they sue us", "Trump", "Rubio"),
    # Breitbart, 2 Dec 2015 (PolNeAR train): the ones cited are not the speaker
    ("“A lot of it is justified because they have not seen a betterment of their lives that they had hoped to "
     "expect,” he continued, citing the many Americans who had given up looking for work entirely.",
     "A lot of it is justified", "the many Americans", "he"),
    # Politico, 6 Dec 2015 (PolNeAR train): the subject of the reported clause is not the speaker
    ("Hillary Clinton says the Obama administration should be taking additional measures against the Islamic "
     "State and that she expects President Barack Obama to announce an “intensification” in the U.S. campaign.",
     "intensification", "President Barack Obama", "Hillary Clinton"),
    # Breitbart, 14 Apr 2016 (PolNeAR train): the candidate's ad, not the ad itself
    ("Democratic presidential candidate Bernie Sanders is releasing a new 30-second ad that urges voters in New "
     "York to “send a message” to Wall Street banks and billionaires.", "send a message", "a new 30-second ad",
     "Democratic presidential candidate Bernie Sanders"),
]


@pytest.mark.parametrize("text, fragment, rules_said, speaker", FIXED, ids=[f[3] for f in FIXED])
def test_the_ranker_corrects_the_rules_choice(nlp, text, fragment, rules_said, speaker):
    assert _speaker(nlp, text, fragment) == speaker


@pytest.mark.parametrize("text, fragment, rules_said, speaker", FIXED, ids=[f[3] for f in FIXED])
def test_the_rules_alone_gave_another_speaker(nlp, rules_only, text, fragment, rules_said, speaker):
    assert _speaker(nlp, text, fragment) == rules_said


KEPT = [
    # Politico/Las Vegas Sun via PolNeAR train: PolNeAR gives the Sun, but O'Malley speaks;
    # the object of `according to` never replaces the rules' source (rank.may_replace)
    ("“I think one has to ask, is this a priority for the two of them because it’s an election year or if it’s "
     "because something they truly believe in?” O’Malley said at a press conference, according to the Las Vegas "
     "Sun.", "is this a priority", "O’Malley"),
    # data/articles/000 (Reuters via the sample): `He` is Putin, kept
    ("In a press conference with international media, Putin announced that a Russian delegation would be ready to "
     "resume talks after June 22. He emphasized that Russia seeks a “peaceful end” to the conflict, urging Kyiv "
     "not to delay: “Otherwise, the situation for Kyiv could worsen.”", "Otherwise, the situation", "He"),
    # data/articles (sample): a tag right after the quote
    ("He proposed deploying more of Russia’s hypersonic Oreshnik missiles, proposing a “hi-tech duel” with the "
     "West. “Let them set some target to be hit, let’s say in Kyiv,” he said.", "Let them set some target", "he"),
]


@pytest.mark.parametrize("text, fragment, speaker", KEPT, ids=[k[2] for k in KEPT])
def test_the_ranker_keeps_a_right_rule_choice(nlp, text, fragment, speaker):
    assert _speaker(nlp, text, fragment) == speaker


def test_the_shipped_weights_load_and_declare_their_features():
    ranker = rank.load_ranker()
    assert 0.0 < ranker.threshold < 1.0
    assert len(ranker.features) > 100
    prefixes = {name.split(":", 1)[0] for name in ranker.features if "&" not in name}
    assert prefixes == {"r", "a"}
    # the rule's own features and the crossed ones are there (the model is the rule's check)
    assert any(name.startswith("r:rule:") for name in ranker.features)
    assert any("&" in name for name in ranker.features)


def test_the_fast_score_equals_the_pair_features_score(nlp):
    """:meth:`Ranker.override_score` must equal the linear score over
    :func:`pair_features` (what the training script fits)."""
    ranker = rank.load_ranker()
    weights = dict(zip(ranker.features, json.loads(
        (rank.resources.files("toolkit.quotes") / "data" / rank.WEIGHTS_FILE).read_text(encoding="utf-8"))["weights"]))
    text = FIXED[0][0]
    doc = nlp(text)
    from toolkit.quotes.direct import QuoteMap, attribute_direct
    from toolkit.quotes.marks import find_quotes

    quotes = find_quotes(text)
    qmap = QuoteMap(doc, quotes)
    a = next(x for x in attribute_direct(doc, quotes, qmap) if x.source is not None)
    cands = rank.candidates(doc, a, a.source, qmap.inside)
    feats = rank.features(doc, a, a.source, cands)
    rule_f = next(f for f in feats if "rule" in f)
    for f in feats:
        if "rule" in f:
            continue
        slow = ranker.bias + sum(weights.get(k, 0.0) * v for k, v in rank.pair_features(rule_f, f).items())
        assert math.isclose(ranker.override_score(rule_f, f), slow, abs_tol=1e-9)


@pytest.mark.parametrize("content, message", [
    ("{not json", "missing or unreadable"),
    ('{"format": 1, "features": ["a:x"], "weights": [1.0, 2.0], "bias": 0, "threshold": 0.3}', "differ in length"),
    ('{"format": 1, "features": ["a:x"], "weights": [1.0], "bias": 0}', "malformed"),
    ('{"format": 1, "features": ["a:x"], "weights": [1.0], "bias": 0, "threshold": 3}', "threshold"),
    ('{"format": 2, "features": [], "weights": [], "bias": 0, "threshold": 0.3}', "format"),
    ('{"format": 1, "features": ["x"], "weights": [1.0], "bias": 0, "threshold": 0.3}', "unknown feature"),
    ("[]", "not a JSON object"),
])
def test_a_corrupt_weights_file_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "speaker_ranker.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(rank.RankerDataError, match=message):
        rank.load_ranker(path)


def test_a_missing_weights_file_is_a_clear_error(tmp_path):
    with pytest.raises(rank.RankerDataError, match="missing or unreadable"):
        rank.load_ranker(tmp_path / "nowhere.json")


def test_the_weights_are_read_when_the_quotes_extractor_loads():
    """resolve.py reads the shipped file on import: a broken package fails
    there, before any article (never other results silently)."""
    assert rank.default_ranker.cache_info().currsize == 1
