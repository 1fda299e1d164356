"""Issue #12: the casualty ledger on real war coverage. One test per error
class, on sentences quoted from the ru_ua_2022 and guardian_feb2022 corpora
(Guardian / NYT, 2022) and GVA shooting reports."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tests.test_claims_extract import find, run
from toolkit import schema
from toolkit.claims import countable, headline_figures, headline_mask, load_story, reconcile
from toolkit.claims.story import StoryError
from toolkit.corpus import AnnotatedCorpus


def only(claims, surface_part):
    return find(claims, surface_part)


# -- 1. not a toll, and modality ----------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Filonenko had just evacuated his wife and two children from the building.",
    "01:48 Civilians lie dead in the street as Russian forces retreat from Bucha – video",
    "The United States exchanged Rudolf Ivanovich Abel, a Soviet spy, for Francis Gary Powers, the American pilot.",
    "Three other foreign fighters, the Britons Aiden Aslin and Shaun Pinner and the Moroccan Brahim Saadoun, were "
    "sentenced to death by a court in Donetsk earlier this month, although they have time to appeal.",
    "McDonald’s announced its exit from the Russian market in May, saying it would sell its 850 restaurants.",
])
def test_not_a_toll(nlp, sentence):
    assert run(nlp, sentence) == []


def test_year_range_is_no_figure_and_history_is_off_story(nlp):
    claims = run(nlp, "Russia is attempting to repeat the Holodomor, a deliberately induced famine in Soviet Ukraine "
                      "from 1932 to 1933 that killed millions of people under the Soviet regime, the head of the "
                      "office of the Ukrainian president has said.")
    assert [c["surface"] for c in claims] == ["millions of people"]
    assert (claims[0]["about_story"], claims[0]["side_affected"]) == (False, "other")


@pytest.mark.parametrize("sentence, figure", [
    ("Ukraine’s authorities have called for all residents in areas of Ukrainian-controlled Donbas to evacuate and "
     "its minister for the temporarily occupied territories, Iryna Vereshchuk, said they planned to evacuate about "
     "50,000 children and 200,000 adults.", "50,000 children"),
    ("The number of refugees fleeing the Russian invasion could reach 1.5 million by the end of the weekend, the "
     "head of the UN refugee agency has said.", "1.5 million"),
    ("If Russia continues to suffer “defeats” at this pace, then in another two months the entire south of Ukraine "
     "will be in ruins, and thousands upon thousands more Ukrainians will have died.", "thousands"),
    ("Is [the] Kremlin considering war only by Stalin’s mathematics – 20 million losses?”", "20 million"),
])
def test_hypothetical_figures_are_never_reported_tolls(nlp, sentence, figure):
    # either no claim at all ("planned to evacuate": a plan verb drops it) or one
    # flagged hypothetical, which no summary counts
    claims = [c for c in run(nlp, sentence) if figure in c["surface"]]
    assert all(c["modality"] == "hypothetical" for c in claims)
    assert not headline_mask(pd.DataFrame(claims, columns=["modality"])).any()


def test_reported_figures_stay_reported(nlp):
    # a relative clause states a fact even inside a forecast ("fighting is expected to focus on ...")
    c = only(run(nlp, "Russia already controls most of Sievierodonetsk, Haidai said on Sunday morning, and if "
                      "Ukrainian forces lose the city, fighting is expected to focus on neighbouring Lysychansk, from "
                      "which 32 residents have been evacuated over the weekend despite heavy shelling."), "32")
    assert (c["category"], c["modality"]) == ("evacuated", "reported")


# -- 2. about the story ---------------------------------------------------------------

@pytest.mark.parametrize("sentence, figure, on_story", [
    ("More than 5.7 million Syrians have fled the country since civil war began in 2011.", "5.7 million", False),
    ("That is far more than the roughly 15,000 the Soviet Union lost in its nine-year war in Afghanistan.",
     "15,000", False),
    ("Almost 30,000 people died in connection with the Finnish civil war.", "30,000", False),
    ("United Nations data showed as of Thursday about 3.2 million people have fled Ukraine, in what has become "
     "Europe’s fastest-growing refugee crisis since the second world war.", "3.2 million", True),
])
def test_about_the_story(nlp, sentence, figure, on_story):
    c = only(run(nlp, sentence), figure)
    assert c["about_story"] is on_story
    assert (c["side_affected"] == "other") is (not on_story)


def test_story_file_is_data_and_checked(tmp_path, monkeypatch):
    story = load_story()
    assert story.name == "Russia–Ukraine war" and story.start == dt.date(2014, 2, 20)
    assert story.side_places["kharkiv"] == "Ukraine" and "syrians" in story.other_terms
    bad = tmp_path / "story.yaml"
    bad.write_text("name: x\nperiod: {start: yesterday}\nsides: {A: {adjectives: [a]}}\n")
    with pytest.raises(StoryError, match="YYYY-MM-DD"):
        load_story(bad)
    bad.write_text("name: x\n")
    with pytest.raises(StoryError, match="sides"):
        load_story(bad)


# -- 3. rates ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, figure, rate", [
    ("Though Ukraine does not publicise figures on the number of Ukrainian soldiers killed and in what locations, the "
     "Ukrainian president’s adviser Mykhailo Podolyak said at the time that between 100 and 200 Ukrainian soldiers "
     "were dying each day.", "between 100 and 200", True),
    ("“The situation is very difficult; we’re losing 60-100 soldiers per day as killed in action.", "60-100", True),
    ("The United Nations recorded 351 civilians killed and 707 injured just on Friday in Ukraine, according to the UN "
     "high commissioner for human rights, as reported by BuzzFeed.", "351", False),
    ("A day earlier, six people were killed and 20 injured in missile attacks aimed at the city.", "six", False),
])
def test_rates(nlp, sentence, figure, rate):
    assert only(run(nlp, sentence), figure)["rate"] is rate


# -- 4. side affected ----------------------------------------------------------------------

@pytest.mark.parametrize("sentence, figure, side", [
    ("Eight people have been killed and four have been wounded in Russian artillery shelling in the eastern "
     "Ukrainian town of Toretsk in Donetsk region on Thursday, the regional governor said.", "four", "Ukraine"),
    ("Ukraine announced the largest exchange of prisoners of war since Russia invaded, securing the release of 144 "
     "of its soldiers, including 95 who defended the Azovstal steelworks in Mariupol.", "144", "Ukraine"),
    ("The European court of human rights (ECHR) said it had issued an order to Russia to ensure that two Britons "
     "captured after fighting for Ukrainian forces do not face the death penalty.", "two Britons", "Ukraine"),
    ("The two sides have been engaged in an increasingly intense struggle over the past six weeks for "
     "Sievierodonetsk, with thousands of casualties.", "thousands", "both"),
    ("More than 5 million refugees have fled Ukraine since Russia launched its “special military operation” on "
     "24 February.", "5 million", "Ukraine"),
    ("The Ukrainian military said it had killed scores of Russian soldiers and destroyed two ammunition dumps in "
     "fighting in the Kherson region.", "scores", "Russia"),
])
def test_side_affected(nlp, sentence, figure, side):
    assert only(run(nlp, sentence), figure)["side_affected"] == side


def test_side_carries_over_within_one_speakers_list(nlp):
    claims = run(nlp, "Mikhail Podolyak, a key adviser to the Ukrainian president, tweeted: “37,000 dead Russian "
                      "soldiers. Total sanitary losses [injured] of 98-117 thousand people. 10 generals were "
                      "eliminated.”")
    assert [(c["surface"][:10], c["side_affected"]) for c in claims] == [
        ("37,000 dea", "Russia"), ("98-117 tho", "Russia"), ("10 general", "Russia")]
    assert only(claims, "10 generals")["category"] == "casualties"


# -- 5. claimant ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, figure, claimant", [
    ("In the neighbouring region of Luhansk, the governor, Serhiy Haidai, said three people had died after Russian "
     "shells hit a residential building in the city of Popasna.", "three", "Serhiy Haidai"),
    ("A police station in the city took a “direct hit”, wounding 20 officers, according to special forces colonel "
     "Oleksandr Kutsepalenko.", "20 officers", "Oleksandr Kutsepalenko"),
    ("One person has been killed and six people have been injured, including an 11-year-old, by Russian attacks in "
     "the Kharkiv region according to the latest status update of Oleh Synyehubov, governor of Kharkiv.",
     "six people", "Oleh Synyehubov"),
    ("Separately, Russia blamed Ukraine for a missile attack on the Russian city of Belgorod, near the border with "
     "Ukraine, in which it said three people died and four were injured.", "three people", "Russia"),
    ("According to data from the United Nations, more than 5.4 million people have fled Ukraine since the start of "
     "the invasion.", "5.4 million", "United Nations"),
    ("The Ukrainian president’s office said that at least six civilians had been killed in the previous 24 hours, "
     "and 16 others were wounded.", "six civilians", "Ukrainian president’s office"),
])
def test_claimant_is_the_source_never_a_pronoun_or_data(nlp, sentence, figure, claimant):
    c = only(run(nlp, sentence), figure)
    assert c["claimant"] == claimant and c["claimant_is_outlet"] is False


def test_claimant_of_a_lone_pronoun_is_the_source_before(nlp):
    claims = run(nlp, "The shelling hit a public transport stop where people had gathered, the governor for the "
                      "area, Pavlo Kyrylenko, wrote on Telegram. Three children were among the wounded, he said.")
    assert only(claims, "Three children")["claimant"] not in ("he", "He", "Three children")


def test_unattributed_figure_is_the_outlets_and_says_so(nlp):
    c = only(run(nlp, "Thousands of Russian troops have been killed and numerous tanks and armored vehicles "
                      "destroyed.", outlet="The Guardian"), "Thousands")
    assert (c["claimant"], c["claimant_is_outlet"], c["side_affected"]) == ("The Guardian", True, "Russia")


# -- 7. repeats -----------------------------------------------------------------------------

def test_a_figure_repeated_in_one_article_is_one_claim(nlp):
    claims = run(nlp, "The two sides previously met for a negotiation round where they agreed to exchange 1,000 "
                      "prisoners and held preliminary discussions. In that session, both parties agreed to the mutual "
                      "exchange of 1,000 prisoners and committed to continuing discussions.")
    assert [(c["value_low"], c["mentions"], c["repeat_sent_ids"]) for c in claims] == [(1000, 2, "1"), (1000, 0, None)]
    assert headline_mask(pd.DataFrame(claims)).tolist() == [True, False]  # counted once


# -- 9. GVA -----------------------------------------------------------------------------------

def test_gva_found_shot_to_death_is_killed(nlp):
    claims = run(nlp, "Essex County Chief Assistant Prosecutor Thomas Fennelly said that Najee Odom, 38, of Newark "
                      "was found shot to death in the 100 block of Vassar Avenue. Odom was transported to University "
                      "Hospital where he was pronounced dead.")
    assert [(c["category"], c["value_low"]) for c in claims] == [("killed", 1)]


def test_gva_a_toll_from_another_incident_is_not_this_incidents(nlp):
    claims = run(nlp, "CHICAGO (STMW) — Four people were killed and at least 12 others wounded since Friday "
                      "afternoon in shootings across the city.")
    assert {c["scope"] for c in claims} == {"cumulative"}
    # an earlier incident told for context
    c = only(run(nlp, "Last year, three people were killed in a shooting at the same bar."), "three")
    assert c["scope"] == "earlier"


# -- summaries, events ------------------------------------------------------------------------

def _corpus(sample, records):
    return AnnotatedCorpus(articles=sample.articles, sentences=sample.sentences, claims=schema.frame("claims", records))


def _claim(article_id, **kw):
    base = {"article_id": article_id, "sent_id": 0, "start": 0, "end": 5, "surface": "x", "category": "killed",
            "value_low": 3, "value_high": 3, "qualifier": "exact", "claimant": "c", "scope": "incident",
            "modality": "reported", "rate": False, "about_story": True, "mentions": 1}
    return {**base, **kw}


def test_headline_and_events_use_only_reported_on_story_non_rate_figures(annotated_sample):
    arts = annotated_sample.articles
    a = arts["article_id"].iloc[0]
    outlet = str(arts["outlet"].iloc[0])
    records = [
        _claim(a, start=0, value_low=20_000_000, value_high=20_000_000, modality="hypothetical"),
        _claim(a, start=10, value_low=5_700_000, value_high=None, about_story=False, side_affected="other"),
        _claim(a, start=20, value_low=100, value_high=200, rate=True),
        _claim(a, start=30, value_low=23, value_high=23, event="Vinnytsia missile strike",
               event_date=pd.Timestamp("2022-07-14")),
        _claim(a, start=40, value_low=7, value_high=7, event=None),  # no place: unplaced
        _claim(a, start=50, value_low=2, value_high=2, event="attack"),  # a kind without a place: unplaced
    ]
    corpus = _corpus(annotated_sample, records)
    top = headline_figures(corpus).set_index("outlet").loc[outlet]
    assert (top["value_low"], top["figure"]) == (23, "23")
    assert len(countable(corpus.with_outlet("claims"))) == 3
    groups = reconcile(corpus).groups
    labels = sorted(groups["label"])
    assert "Vinnytsia missile strike, 14 Jul 2022" in labels
    unplaced = [x for x in labels if x.startswith("unplaced")]
    assert len(unplaced) == 2 and groups["n_claims"].max() == 1  # never forced into one group
