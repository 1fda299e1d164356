"""The discourse features and the unsourced-quote eligibility measured by
``evaluation/train_quotes_speaker.py --context --which unsourced`` (session 7,
lane 13s; measured, not shipped: docs/results/quotes.md). Real sentences from
ru_ua_2022 (Guardian); no gold set needed."""

from __future__ import annotations

import os

import pytest

import toolkit.quotes  # noqa: E402,F401  (imported first: its weights check runs as in the product)
from toolkit.pipeline import cached_pipeline  # noqa: E402
from toolkit.quotes.rank import TRAINING_ENV  # noqa: E402

# the training script sets TRAINING_ENV when imported; the other tests must not inherit it
_saved = os.environ.get(TRAINING_ENV)
from evaluation import train_quotes_speaker as T  # noqa: E402

if _saved is None:
    os.environ.pop(TRAINING_ENV, None)
else:
    os.environ[TRAINING_ENV] = _saved

# Guardian, ru_ua_2022 (the grain deal, July 2022): a quote run after a named source
RUN = ("Robert Mardini, director general of the International Committee of the Red Cross, said the deal was "
       "“nothing short of life-saving for people across the world who are struggling to feed their families”.\n\n"
       "“Nowhere are the consequences felt harder than in communities already affected by armed conflict and "
       "climate shocks”, he said. “For example, our market monitoring, over the past six months has seen the price "
       "of food staples rise by 187% in Sudan, 86% in Syria 60% in Yemen, 54% in Ethiopia, as compared to the same "
       "time period last year.”")


@pytest.fixture(scope="module")
def run_items():
    doc = cached_pipeline()(RUN)
    return doc, T.record(doc, "run", context=True)


def _cand(item, head):
    k = item["heads"].index(head)
    return item["feats"][k]


def test_quote_run_marks_the_previous_quotes_source(run_items):
    _doc, items = run_items
    nowhere = next(it for it in items if RUN[it["content"][0]:].startswith("Nowhere"))
    # `he` after a paragraph whose speech is Mardini's: a person pronoun continuing a person's quotes
    he = _cand(nowhere, "he")
    assert he.get("prev_src:pron") == 1.0 and he.get("prev_src:adj") == 1.0
    # Mardini, named in the paragraph before, is the last person named before the quote
    assert _cand(nowhere, "Mardini").get("last_person_before") == 1.0


def test_without_context_no_discourse_features(run_items):
    doc, _items = run_items
    plain = T.record(doc, "run", context=False)
    keys = {k for it in plain for f in it["feats"] for k in f}
    assert not any(k.startswith(("prev_src", "next_src", "para_first", "last_person", "most_mentioned", "mentions:")) for k in keys)


def test_unsourced_eligibility_keeps_scare_quotes_out():
    # The Guardian, NATO coverage 2022 (war gold, a labelled scare quote; as in test_quotes_kinds):
    # a speaker must not make it speech
    nlp = cached_pipeline()
    doc = nlp("For any rational leader, an immediate ceasefire, accompanied by a bogus claim of victory, would be an "
              "obvious way out. But logic and reason play no part in Putin’s “thinking”. This catastrophe recalls Iraq in "
              "2003.")
    items = T.record(doc, "scare")
    assert items and not any(it["eligible"] for it in items)
    # the Red Cross quote above, on its own: speech without a speaker
    doc = nlp("“Nowhere are the consequences felt harder than in communities already affected by armed conflict and climate shocks.”")
    items = T.record(doc, "long")
    assert [it["eligible"] for it in items] == [True]
