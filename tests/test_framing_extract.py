"""The framing extractor on the seed articles and on synthetic sentences.

Seed expectations come from reading the articles (data/articles): who said
what, which spelling each outlet uses, which loaded words are narration.
"""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import annotate_text

from toolkit.context import ArticleContext
from toolkit.framing import extract_framing
from toolkit.framing.quoted import quoted_segments

SEEDS = {
    "000": "000_305f33a29b9cb839.txt",  # Trendozz
    "001": "001_63ddd932b3e87f54.txt",  # CSB News
    "002": "002_ddf357a4433b20bd.txt",  # The Kyiv Independent
    "003": "003_585b4e0ee30f5510.txt",  # amedpost.com
    "004": "004_5e5dee41e3050c9b.txt",  # Kyiv Post
}


def _annotate(nlp, text: str, article_id: str = "t", published: dt.date | None = None):
    """The real extractor chain (mentions, quotes, ... framing) on ``text``."""
    result = annotate_text(nlp, text, article_id, published=published)
    return result.doc, result["framing"]


@pytest.fixture(scope="module")
def seeds(nlp, sample_dir):
    return {key: _annotate(nlp, (sample_dir / name).read_text(encoding="utf-8"), key) for key, name in SEEDS.items()}


def rows_where(rows, **conditions):
    return [r for r in rows if all(r.get(k) == v for k, v in conditions.items())]


def surface(doc, row) -> str:
    return doc.text[row["start"]:row["end"]]


# -- seeds ---------------------------------------------------------------------

def test_trendozz_uses_two_spellings_of_zelensky(seeds):
    _, rows = seeds["000"]
    variants = {r["term"] for r in rows_where(rows, signal="naming", category="zelensky")}
    assert variants == {"Zelensky", "Zelenskiy"}
    assert all(r["actor_id"] == "zelensky" for r in rows_where(rows, signal="naming", category="zelensky"))


def test_csb_news_spells_zelenskyy(seeds):
    _, rows = seeds["001"]
    assert {r["term"] for r in rows_where(rows, signal="naming", category="zelensky")} == {"Zelenskyy"}


def test_demilitarization_in_putins_words_is_his_framing(seeds):
    doc, rows = seeds["000"]
    (row,) = rows_where(rows, term="demilitarization")
    assert row["signal"] == "euphemism" and row["category"] == "russian_official"
    assert row["in_quote"] is True and row["speaker_actor_id"] == "putin"
    assert surface(doc, row) == "demilitarization"


def test_kremlin_tyrant_in_narration_is_the_outlets_framing(seeds):
    doc, rows = seeds["003"]
    (tyrant,) = rows_where(rows, signal="loaded_term", term="tyrant")
    assert tyrant["category"] == "condemnation"
    assert tyrant["in_quote"] is False and tyrant["speaker_actor_id"] is None
    assert tyrant["actor_id"] == "putin"
    (epithet,) = [r for r in rows_where(rows, signal="epithet") if "tyrant" in r["term"]]
    assert surface(doc, epithet) == "the Kremlin tyrant"
    assert epithet["actor_id"] == "putin" and epithet["in_quote"] is False
    assert epithet["category"] == "condemnation"  # the loaded word inside it


def test_regime_inside_putins_continued_quote(seeds):
    # "“We don’t care who negotiates, even if it is the current head of the regime.”"
    # is a paragraph of its own continuing Putin's quote from the paragraph before.
    _, rows = seeds["003"]
    (row,) = rows_where(rows, signal="loaded_term", term="regime")
    assert row["category"] == "legitimacy"
    assert row["in_quote"] is True and row["speaker_actor_id"] == "putin"


def test_terrorism_in_putins_quote(seeds):
    # "The Russian leader also condemned Kyiv ..., describing it as “terrorism.”"
    _, rows = seeds["004"]
    (row,) = rows_where(rows, signal="loaded_term", term="terrorism")
    assert row["in_quote"] is True and row["speaker_actor_id"] == "putin"


def test_war_crimes_in_narration(seeds):
    doc, rows = seeds["002"]
    (row,) = rows_where(rows, signal="loaded_term", term="war crime")
    assert surface(doc, row) == "war crimes"
    assert row["category"] == "condemnation" and row["in_quote"] is False


def test_special_military_operation_is_putins_term_and_a_naming_choice(seeds):
    _, rows = seeds["002"]
    smo = rows_where(rows, term="special military operation")
    assert {r["signal"] for r in smo} == {"euphemism", "naming"}
    assert all(r["in_quote"] is True and r["speaker_actor_id"] == "putin" for r in smo)
    # the outlet itself names it a full-scale invasion, in its own voice
    (invasion,) = rows_where(rows, signal="naming", term="full-scale invasion")
    assert invasion["in_quote"] is False


def test_attribution_verbs_carry_their_category(seeds):
    _, rows000 = seeds["000"]
    contended = rows_where(rows000, signal="attribution_verb", term="contend")
    assert contended and contended[0]["category"] == "sceptical" and contended[0]["speaker_actor_id"] == "putin"
    _, rows004 = seeds["004"]
    verbs = {(r["term"], r["category"]) for r in rows_where(rows004, signal="attribution_verb")}
    assert ("concede", "concessive") in verbs and ("insist", "emphatic") in verbs and ("say", "neutral") in verbs
    # an attribution verb is the outlet's choice, not the speaker's words
    assert all(r["in_quote"] is False for r in rows_where(rows004, signal="attribution_verb"))


def test_one_attribution_row_per_cue(seeds):
    for _, rows in seeds.values():
        cues = [(r["start"], r["end"]) for r in rows_where(rows, signal="attribution_verb")]
        assert len(cues) == len(set(cues))


def test_every_row_traces_to_its_sentence(seeds):
    for doc, rows in seeds.values():
        sentences = list(doc.sents)
        assert rows
        for r in rows:
            assert 0 <= r["start"] < r["end"] <= len(doc.text)
            sent = sentences[r["sent_id"]]
            assert sent.start_char <= r["start"] < sent.end_char
            assert r["article_id"] == rows[0]["article_id"]


# -- synthetic sentences, one per signal kind -----------------------------------

def frame(nlp, text, mentions=(), quotes=()):
    doc = nlp(text)
    return doc, extract_framing(doc, ArticleContext("s"), mentions=list(mentions), quotes=list(quotes))


def test_loaded_terms_match_inflections_and_respect_part_of_speech(nlp):
    doc, rows = frame(nlp, "Russian troops committed atrocities and spread lies, but the hardest days lie ahead.")
    terms = {(r["term"], r["category"]) for r in rows_where(rows, signal="loaded_term")}
    assert ("atrocity", "condemnation") in terms and ("lie", "discrediting") in terms
    lies = rows_where(rows, signal="loaded_term", term="lie")
    assert [surface(doc, r) for r in lies] == ["lies"]  # not the verb "lie ahead"


def test_dehumanising_and_capitulation_categories(nlp):
    _, rows = frame(nlp, "The channel called the soldiers orcs and said any deal would amount to capitulation.")
    cats = {r["term"]: r["category"] for r in rows_where(rows, signal="loaded_term")}
    assert cats.get("orc") == "dehumanising" and cats.get("capitulation") == "capitulation"


def test_naming_variants_and_war_exclusions(nlp):
    _, rows = frame(nlp, "After the Cold War, Kiev and Kharkov were Soviet cities; the war crimes in Kyiv shocked Europe.")
    naming = {(r["category"], r["term"]) for r in rows_where(rows, signal="naming")}
    assert ("kyiv", "Kiev") in naming and ("kyiv", "Kyiv") in naming and ("kharkiv", "Kharkov") in naming
    assert not any(cat == "the_war" for cat, _ in naming)  # "Cold War" and "war crimes" are not names of the war
    _, rows = frame(nlp, "The conflict has dragged on since the invasion, and the war shows no sign of ending.")
    assert {r["term"] for r in rows_where(rows, signal="naming", category="the_war")} == {"conflict", "invasion", "war"}


def test_official_terms_of_each_side(nlp):
    _, rows = frame(nlp, "State television blamed the Kyiv regime, while officials in the temporarily occupied territories fled.")
    official = {(r["term"], r["category"]) for r in rows_where(rows, signal="official_term")}
    assert ("Kyiv regime", "russian_official") in official
    assert ("temporarily occupied territory", "ukrainian_official") in official or \
           ("temporarily occupied territories", "ukrainian_official") in official
    # "regime" is also a loaded term in its own right
    assert rows_where(rows, signal="loaded_term", term="regime")


def test_hedges_and_scare_quotes(nlp):
    doc, rows = frame(nlp, 'The so-called referendum was allegedly rigged, and Russia celebrated the "liberation" of the city.')
    hedges = {(r["term"], r["category"]) for r in rows_where(rows, signal="hedge")}
    assert ("so-called", "distancing") in hedges and ("allegedly", "epistemic") in hedges
    assert ("liberation", "scare_quotes") in hedges
    # the scare-quoted word is someone else's word, not the outlet's
    (liberation,) = rows_where(rows, signal="official_term", term="liberation")
    assert liberation["in_quote"] is True and liberation["speaker_actor_id"] is None


def test_attributed_short_quote_is_not_a_scare_quote(nlp):
    _, rows = frame(nlp, 'Putin said the talks with Kyiv had been "productive" and the strike a "demilitarization" step.')
    assert not rows_where(rows, signal="hedge", category="scare_quotes")
    (row,) = rows_where(rows, term="demilitarization")
    assert row["in_quote"] is True and row["speaker_actor_id"] == "putin"


def test_quote_records_decide_the_voice(nlp):
    text = "Putin said Ukraine was run by a neo-Nazi regime. The outlet called the claim absurd."
    start = text.index("Ukraine")
    end = text.index(".")
    quote = {"start": start, "end": end, "direct": False, "cue": "claim", "cue_start": 6, "cue_end": 10,
             "speaker_actor_id": "putin", "speaker": "Vladimir Putin"}
    _, rows = frame(nlp, text, quotes=[quote, dict(quote)])
    (official,) = rows_where(rows, signal="official_term")
    assert official["term"] == "neo-Nazi regime" and official["in_quote"] is True and official["speaker_actor_id"] == "putin"
    (verb,) = rows_where(rows, signal="attribution_verb")  # two records, one cue: one row
    assert verb["category"] == "sceptical" and verb["actor_id"] == "putin" and verb["in_quote"] is False


def test_unknown_cue_is_other(nlp):
    text = "Zelensky pondered that peace was near."  # (`muse` became a quote cue in issue 13)
    quote = {"start": 23, "end": 38, "direct": False, "cue": "ponder", "cue_start": 9, "cue_end": 17,
             "speaker_actor_id": "zelensky"}
    _, rows = frame(nlp, text, quotes=[quote])
    assert [r["category"] for r in rows_where(rows, signal="attribution_verb")] == ["other"]


def test_epithet_rows_come_from_mentions(nlp):
    text = "The Kremlin boss refused to meet him."
    mention = {"start": 0, "end": 16, "surface": "The Kremlin boss", "actor_id": "putin", "actor": "Vladimir Putin",
               "kind": "person", "side": "Russia", "via": "epithet"}
    _, rows = frame(nlp, text, mentions=[mention])
    (row,) = rows_where(rows, signal="epithet")
    assert row["actor_id"] == "putin" and row["category"] == "descriptive" and row["in_quote"] is False


def test_loaded_term_is_tied_to_the_actor_it_describes(nlp):
    _, rows = frame(nlp, "Russia's indiscriminate attacks on Kharkiv continued overnight.")
    (row,) = rows_where(rows, term="indiscriminate")
    assert row["actor_id"] == "russia"


# -- odd text never raises -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "", "   \n\n  ", "“", "”unbalanced“ quotes “everywhere", '"""', "‘’", "So-called", "\u200b\ufeffКиїв — “війна”",
    "He said: “This quote never closes\n\nand the next paragraph neither",
])
def test_odd_text_does_not_raise(nlp, text):
    doc = nlp(text)
    rows = extract_framing(doc, ArticleContext("odd"), mentions=[], quotes=[])
    for r in rows:
        assert 0 <= r["start"] <= r["end"] <= len(text)


def test_quoted_segments_pairing():
    text = "He said “one” and ‘two’ but Kyiv’s “three\nfour” five"
    segs = [(text[s.start:s.end], s.closed) for s in quoted_segments(text)]
    # an unclosed mark runs to the paragraph end; a stray closing mark opens nothing;
    # the apostrophe in "Kyiv’s" is not a closing single quote
    assert segs == [("one", True), ("two", True), ("three", False)]


def test_records_with_missing_values_from_a_dataframe(nlp):
    import pandas as pd

    text = "Putin said the Kremlin tyrant label was a lie."
    quotes = pd.DataFrame([{"start": 11, "end": text.rindex("."), "cue": "say", "cue_start": None, "cue_end": None,
                            "speaker_actor_id": None}, {"start": None, "end": None, "cue": None}]).to_dict("records")
    mentions = pd.DataFrame([{"start": 0, "end": 5, "actor_id": "putin", "via": "catalogue", "kind": "person"},
                             {"start": None, "end": None, "actor_id": None, "via": "epithet"}]).to_dict("records")
    _, rows = frame(nlp, text, mentions=mentions, quotes=quotes)
    (verb,) = rows_where(rows, signal="attribution_verb")
    assert verb["speaker_actor_id"] is None and verb["start"] == 11  # falls back to the quote span
    assert rows_where(rows, signal="loaded_term", term="lie")[0]["in_quote"] is True


def test_term_counts_by_voice(nlp):
    from toolkit.framing import term_counts

    doc = nlp("Russia's brutal war crimes shocked Europe. “The brutal war crimes must stop,” Zelensky said.")
    counts = {(r["kind"], r["term"], r["voice"]): r["n"] for r in term_counts(doc)}
    assert counts[("lemma", "crime", "outlet")] == 1 and counts[("lemma", "crime", "quoted")] == 1
    assert counts.get(("noun_phrase", "brutal war crime", "outlet")) == 1
    assert ("lemma", "the", "outlet") not in counts


@pytest.fixture(scope="module")
def hypothesis_nlp(nlp):
    return nlp


def test_random_text_never_raises(hypothesis_nlp):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("abc XYZ.,;:!?\n\"'“”‘’«»-—") + ["Putin", " so-called ", " regime", " Kiev", " war crimes",
                                                                    " said", " “", "” ", "\u200b", "é", "Київ"])

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(alphabet, max_size=40).map("".join))
    def check(text):
        doc = hypothesis_nlp(text)
        rows = extract_framing(doc, ArticleContext("h"), mentions=[], quotes=[])
        for r in rows:
            assert 0 <= r["start"] <= r["end"] <= len(text)
            assert r["in_quote"] in (True, False)

    check()


def test_agency_who_does_what_to_whom(nlp):
    _, rows = frame(nlp, "Russia shelled Kharkiv overnight. Ukraine was attacked by Russia again.")
    agency = {(r["actor_id"], r["term"], r["category"]) for r in rows_where(rows, signal="agency")}
    assert ("russia", "shell", "agent") in agency
    assert ("kharkiv", "shell", "patient") in agency
    assert ("ukraine", "attack", "patient") in agency and ("russia", "attack", "agent") in agency


def test_agency_skips_reporting_verbs_and_copulas(seeds):
    for _, rows in seeds.values():
        verbs = {r["term"] for r in rows_where(rows, signal="agency")}
        assert not verbs & {"say", "tell", "add", "be"}
