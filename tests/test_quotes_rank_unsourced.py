"""A speaker for a direct quote the rules leave without one
(``toolkit.quotes.rank.assign``, session 7 lane 13s). Real passages from
PolNeAR train texts (2016 US election news; texts the model was trained on).
Where the model gives a speaker, the test also checks that the rules alone
give none, so it fails on the code before the model; where the model is
not sure, it must give none."""

from __future__ import annotations

import pytest
from test_quotes_support import find, quotes_of

from toolkit.quotes import rank, resolve


@pytest.fixture()
def rules_only(monkeypatch):
    monkeypatch.setattr(resolve, "choose_source", lambda doc, a, source, inside, clauses=(), ranker=None: source)


# (text, fragment of the quote, the source as written, the speaker it resolves to)
GIVEN = [
    # Washington Post, 23 Apr 2016: `as he puts it` is the Sayer of a quote the parse hangs on `is`
    ("Take the Federal Reserve. Trump says that even though he'd probably replace Federal Reserve Chair Janet L. "
     "Yellen, he actually thinks she's done a \"serviceable job.\" That's because, as he puts it, \"the best thing "
     "we have going for us\" is that she's kept interest rates so low.", "the best thing we have going for us", "he", "Trump"),
    # New York Times, 17 Feb 2016: the quote inside the reported clause of `He added`
    ("Growing sharper as he spoke, Mr. Trump continued: ''The worst attack ever in this country? It was during his "
     "presidency.'' He added that praising the former president for what happened after the Sept. 11 attacks was "
     "like saying the opposing team ''scored 19 runs in the first inning, but after that, we played pretty well.''",
     "scored 19 runs", "He", "Trump"),
    # Breitbart, 12 May 2016: the second quote of a run after `he said`
    ("Republican Rep. Lee Zeldin of New York, a Trump supporter, said it will help both the candidate and the speaker "
     "if they can work through their differences.\n\n“I don’t think it’s do or die, any endorsement in particular,” "
     "he said outside the building. But “Donald Trump’s candidacy is strengthened with an endorsement from the most "
     "powerful person, top-ranking Republican in the country. It helps.”", "candidacy is strengthened", "he", "Zeldin"),
]


@pytest.mark.parametrize("text, fragment, surface, name", GIVEN)
def test_the_model_gives_the_sayer(nlp, text, fragment, surface, name):
    row = find(quotes_of(nlp, text), fragment, direct=True)
    assert row["speaker_surface"] == surface
    assert name in (row["speaker"] or "")
    assert row["kind"] == "direct"


@pytest.mark.parametrize("text, fragment, surface, name", GIVEN)
def test_the_rules_alone_gave_no_speaker(nlp, rules_only, text, fragment, surface, name):
    row = find(quotes_of(nlp, text), fragment, direct=True)
    assert row["speaker_surface"] is None


# the `he` of the next paragraph is a candidate and a Sayer, but not the speaker: the model stays silent
NOT_GIVEN = [
    # New York Times, 23 Mar 2016 (the gold gives Mr. Garin, named before the quote)
    ("''The major source of economic anxiety for working-class white men is not whether they have a job tomorrow,'' "
     "Mr. Garin said, ''it's that they still haven't had their personal recovery. Their recovery is about assets and "
     "income.'' For African-Americans, on the other hand, ''you don't take job growth for granted.''\n\nHe cited "
     "polling data showing that working-class white Democrats were roughly as concerned about inequality as they "
     "were about job growth and economic growth.", "take job growth for granted"),
]


@pytest.mark.parametrize("text, fragment", NOT_GIVEN)
def test_the_model_stays_silent_when_unsure(nlp, text, fragment):
    row = find(quotes_of(nlp, text), fragment, direct=True)
    assert row["speaker_surface"] in (None, "Mr. Garin")


def test_the_shipped_model_loads():
    a = rank.load_assigner()
    assert 0 < a.threshold < 1 and a.w
    assert any(k.startswith("prev_src:") for k in a.w) and "kind:pron_person" in a.w
    assert rank.default_assigner.cache_info().currsize == 1  # read when the extractors load


@pytest.mark.parametrize("content, message", [
    ("{not json", "missing or unreadable"),
    ('{"format": 1, "features": ["x"], "weights": [1.0, 2.0], "bias": 0, "threshold": 0.3}', "differ in length"),
    ('{"format": 1, "features": ["x"], "weights": [1.0], "bias": 0}', "malformed"),
    ('{"format": 1, "features": ["x"], "weights": [1.0], "bias": 0, "threshold": 1.5}', "threshold"),
    ('{"format": 1, "features": ["x"], "weights": ["1"], "bias": 0, "threshold": 0.3}', "non-numbers"),
    ('{"format": 2, "features": [], "weights": [], "bias": 0, "threshold": 0.3}', "format"),
    ("[]", "not a JSON object"),
])
def test_a_corrupt_unsourced_file_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "speaker_unsourced.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(rank.RankerDataError, match=message):
        rank.load_assigner(path)


def test_a_missing_unsourced_file_is_a_clear_error(tmp_path):
    with pytest.raises(rank.RankerDataError, match="missing or unreadable"):
        rank.load_assigner(tmp_path / "nowhere.json")
