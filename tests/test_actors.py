"""Actor mentions on the seed articles (real text) and real corpus sentences."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

from toolkit.actors import extract_mentions, load_catalogue
from toolkit.context import ArticleContext


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.fixture(scope="module")
def seeds(nlp, sample_dir: Path, catalogue):
    """article_id (file stem prefix) -> (doc, ctx, mentions) for the 5 seeds."""
    meta = pd.read_csv(sample_dir / "metadata.csv")
    out = {}
    for row in meta.itertuples():
        text = (sample_dir / row.file).read_text(encoding="utf-8")
        ctx = ArticleContext(row.file[:3], row.outlet, dt.date.fromisoformat(row.published))
        doc = nlp(text)
        out[ctx.article_id] = (doc, ctx, extract_mentions(doc, ctx, catalogue))
    return out


def mentions_of(seeds, article_id: str) -> list[dict]:
    return seeds[article_id][2]


def all_mentions(seeds) -> list[dict]:
    return [m for _, _, ms in seeds.values() for m in ms]


def run(nlp, catalogue, text: str, published: dt.date | None = dt.date(2025, 6, 1)) -> list[dict]:
    return extract_mentions(nlp(text), ArticleContext("t", "test", published), catalogue)


# -- one actor per person ---------------------------------------------------------

def test_zelensky_spellings_are_one_actor_within_and_across_articles(seeds):
    zel = [m for m in all_mentions(seeds) if re.search(r"Zelensk", m["surface"]) and "Zelenska" not in m["surface"]]
    surfaces = {m["surface"] for m in zel}
    assert {"Zelensky", "Zelenskiy", "Zelenskyy", "Volodymyr Zelensky"} <= surfaces
    assert {m["actor_id"] for m in zel} == {"zelensky"}
    # 000 uses two spellings in one article
    in_000 = {m["surface"] for m in mentions_of(seeds, "000") if m["actor_id"] == "zelensky"}
    assert {"Zelensky", "Zelenskiy", "Volodymyr Zelensky"} <= in_000
    assert {m["actor"] for m in zel} == {"Volodymyr Zelensky"}


def test_bare_surname_and_full_name_share_an_id(seeds):
    putin = [m for m in all_mentions(seeds) if m["surface"] in ("Putin", "Vladimir Putin", "President Putin")]
    assert len(putin) > 30
    assert {m["actor_id"] for m in putin} == {"putin"}


def test_first_name_split_by_brackets_folds_into_the_person(seeds):
    # 001: "(Ukrainian President Volodymyr) Zelenskyy and (U.S. President Donald) Trump"
    ms = {m["surface"]: m for m in mentions_of(seeds, "001") if m["surface"] in ("Volodymyr", "Donald")}
    assert ms["Volodymyr"]["actor_id"] == "zelensky" and ms["Volodymyr"]["via"] == "surname"
    assert ms["Donald"]["actor_id"] == "trump"


# -- epithets and role phrases ----------------------------------------------------------

@pytest.mark.parametrize("article_id, surface", [
    ("003", "the Kremlin tyrant"),
    ("003", "the Kremlin boss"),
    ("003", "the Russian president"),
    ("004", "The Kremlin leader"),
    ("004", "The Russian leader"),
])
def test_epithets_resolve_to_putin(seeds, article_id, surface):
    hits = [m for m in mentions_of(seeds, article_id) if m["surface"] == surface]
    assert hits, f"{surface!r} not found in {article_id}"
    assert all(m["actor_id"] == "putin" and m["via"] == "epithet" and m["kind"] == "person" for m in hits)


def test_us_president_is_trump_in_the_2025_article(seeds):
    hits = [m for m in mentions_of(seeds, "002") if m["surface"] == "the U.S. president"]
    assert [m["actor_id"] for m in hits] == ["trump"]


def test_role_phrase_resolves_against_publication_date(nlp, catalogue):
    sentence = "Putin said a meeting with the U.S. president could take place."  # from seed 002
    by_date = {
        when: [m["actor_id"] for m in run(nlp, catalogue, sentence, when) if m["via"] == "epithet"]
        for when in (dt.date(2022, 3, 1), dt.date(2025, 6, 27), dt.date(2019, 6, 1), dt.date(2012, 1, 1), None)
    }
    assert by_date[dt.date(2022, 3, 1)] == ["biden"]
    assert by_date[dt.date(2025, 6, 27)] == ["trump"]
    assert by_date[dt.date(2019, 6, 1)] == ["trump"]
    assert by_date[dt.date(2012, 1, 1)] == []  # Obama is not catalogued: no guess
    assert by_date[None] == []  # undated article: Biden or Trump, so no guess


def test_uk_prime_minister_changes_in_2022(nlp, catalogue):
    sentence = "The British prime minister spoke to Zelenskiy on Monday."
    assert [m["actor_id"] for m in run(nlp, catalogue, sentence, dt.date(2022, 5, 1)) if m["via"] == "epithet"] == ["johnson"]
    assert [m["actor_id"] for m in run(nlp, catalogue, sentence, dt.date(2022, 11, 1)) if m["via"] == "epithet"] == ["sunak"]


def test_epithet_before_the_name_counts_once(seeds):
    # 001: "quoting Kremlin spokesperson Dmitry Peskov."
    doc, _, ms = seeds["001"]
    start = doc.text.index("Kremlin spokesperson Dmitry Peskov.")
    near = [m for m in ms if start <= m["start"] < start + 40]
    assert [(m["surface"], m["actor_id"]) for m in near] == [("Dmitry Peskov", "peskov")]


def test_demonym_in_a_title_is_not_a_separate_mention(seeds):
    doc, _, ms = seeds["000"]
    first = [m for m in ms if m["end"] <= doc.text.index("Vladimir Putin") + len("Vladimir Putin")]
    assert [(m["surface"], m["actor_id"]) for m in first] == [("Vladimir Putin", "putin")]


# -- places, fragments, UI text ---------------------------------------------------------

def test_places_are_never_persons(seeds):
    for m in all_mentions(seeds):
        if m["surface"] in ("Kyiv", "Sumy", "Kursk", "Moscow", "Istanbul", "Minsk"):
            assert m["kind"] == "place", m
    kyiv = [m for m in all_mentions(seeds) if m["surface"] == "Kyiv"]
    assert len(kyiv) >= 10 and {(m["actor_id"], m["side"]) for m in kyiv} == {("kyiv", "Ukraine")}
    sumy = [m for m in mentions_of(seeds, "003") if m["surface"] == "Sumy"]
    assert sumy and sumy[0]["actor_id"] == "sumy"


def test_headline_fragments_and_ui_text_are_not_actors(seeds):
    persons = [m for m in all_mentions(seeds) if m["kind"] == "person"]
    for m in persons:
        assert not re.search(r"Interested|Seeks|Win |Ctrl|Enter|Hypersonic|Oreshnik|Regrets", m["surface"]), m
    # 001's headline repeats: "Putin Interested in High-Level Talks ..." -> Putin, no fragment
    doc, _, ms = seeds["001"]
    head = [m["surface"] for m in ms if m["end"] <= doc.text.index("\n")]
    assert head == ["Putin", "Ukraine", "Dmitry Peskov"]
    # 004's subheading "'Welcome Donald': Zelensky Seeks to Win Trump to Kyiv's Side"
    doc, _, ms = seeds["004"]
    start = doc.text.index("‘Welcome Donald’")
    line = [(m["surface"], m["actor_id"]) for m in ms if start <= m["start"] < doc.text.index("\n", start)]
    # "Kyiv‘s" (a left quote typed as the apostrophe) is split by the pipeline's tokenizer rule
    assert line == [("Donald", "trump"), ("Zelensky", "zelensky"), ("Trump", "trump"), ("Kyiv", "kyiv")]
    assert not [m for m in ms if "Ctrl" in m["surface"]]


def test_capital_and_seat_of_power_metonymy(seeds):
    ms = mentions_of(seeds, "001")
    kinds = {m["surface"]: (m["actor_id"], m["kind"], m["side"]) for m in ms}
    assert kinds["Moscow"] == ("moscow", "place", "Russia")
    assert kinds["Washington"] == ("washington", "place", "United States")
    assert kinds["Kremlin"] == ("kremlin", "organisation", "Russia")


def test_countries_and_groups_have_sides(seeds):
    ms = all_mentions(seeds)
    assert {(m["actor_id"], m["kind"], m["side"]) for m in ms if m["surface"] == "Russia"} == {("russia", "country", "Russia")}
    russians = [m for m in mentions_of(seeds, "003") if m["surface"] == "Russians"]
    assert russians and {m["actor_id"] for m in russians} == {"russians"} and russians[0]["side"] == "Russia"
    forces = [m for m in mentions_of(seeds, "004") if m["surface"] == "Ukrainian forces"]
    assert forces and forces[0]["actor_id"] == "ukrainian_forces" and forces[0]["kind"] == "group"


# -- people the catalogue does not know -------------------------------------------------------

def test_unknown_people_get_stable_ids(seeds, nlp, catalogue):
    found = {m["surface"]: m for m in all_mentions(seeds) if m["actor_id"].startswith("per:")}
    assert found["Andriy Demchenko"]["actor_id"] == "per:andriy_demchenko"
    assert found["Andriy Demchenko"]["kind"] == "person" and found["Andriy Demchenko"]["via"] == "model"
    assert found["Francis Farrell"]["actor_id"] == "per:francis_farrell"
    # the same person in another text and another spelling gets the same id
    other = run(nlp, catalogue, "Andrii Demchenko, a spokesman for the border service, said on Monday that the attacks "
                                "had slowed. Demchenko added that Russian units had pulled back.")
    ids = [(m["surface"], m["actor_id"], m["via"]) for m in other if "Demchenko" in m["surface"]]
    assert ids == [("Andrii Demchenko", "per:andriy_demchenko", "model"), ("Demchenko", "per:andriy_demchenko", "surname")]


def test_catalogued_people_of_the_seeds(seeds):
    ids = {m["actor_id"] for m in all_mentions(seeds)}
    assert {"putin", "zelensky", "trump", "peskov", "ushakov", "merz", "erdogan", "umerov", "medinsky"} <= ids


def test_model_missed_surnames_are_recovered(nlp, catalogue):
    # CoNLL++ dev (Reuters, 1996): the model tags "Alexander Lebed" but not every later "Lebed"
    text = ("Russian security chief Alexander Lebed said on Friday he had agreed a ceasefire. "
            "Lebed told reporters the deal would hold. Interfax quoted Lebed as saying he was optimistic.")
    ms = [m for m in run(nlp, catalogue, text, dt.date(1996, 8, 30)) if "Lebed" in m["surface"]]
    assert [m["actor_id"] for m in ms] == ["per:alexander_lebed"] * 3
    assert [m["via"] for m in ms][1:] == ["surname", "surname"]


def test_real_corpus_sentence_guardian_2022(nlp, catalogue):
    # Guardian, 2022 (ru_ua_2022 evaluation corpus)
    text = ("The governor of Luhansk, Serhiy Haidai, said Russian forces were trying to encircle Lysychansk. "
            "Zelenskiy said in his nightly address that Ukraine would rebuild.")
    ms = {m["surface"]: m for m in run(nlp, catalogue, text, dt.date(2022, 6, 28))}
    assert ms["Serhiy Haidai"]["actor_id"] == "haidai"
    assert ms["Russian forces"]["actor_id"] == "russian_forces"
    assert ms["Lysychansk"]["kind"] == "place" and ms["Luhansk"]["kind"] == "place"
    assert ms["Zelenskiy"]["actor_id"] == "zelensky"


# -- the contract ---------------------------------------------------------------------------------

def test_every_row_traces_to_its_sentence(seeds):
    from toolkit.schema import extractor_columns

    for doc, ctx, ms in seeds.values():
        sents = list(doc.sents)
        assert ms
        for m in ms:
            assert set(m) == set(extractor_columns("mentions"))
            assert m["article_id"] == ctx.article_id
            assert doc.text[m["start"]:m["end"]] == m["surface"]
            sent = sents[m["sent_id"]]
            assert sent.start_char <= m["start"] and m["end"] <= sent.end_char
            assert m["via"] in ("model", "catalogue", "epithet", "surname", "pronoun")
            assert m["kind"] in ("person", "organisation", "country", "group", "place")


def test_rows_build_the_mentions_table(seeds):
    from toolkit.schema import frame

    table = frame("mentions", all_mentions(seeds))
    assert len(table) == len(all_mentions(seeds)) and table["actor_id"].notna().all()


@pytest.mark.parametrize("text", [
    "", " ", "\n\n", "“Unbalanced quote from Putin", "Putin said: “", "Зеленський і Путін", "🙂 Trump 🙂",
    "Ctrl + Enter", "PUTIN ZELENSKY TRUMP", "the the the", "’s", "Mr.", "\u200b\u200bKyiv\u00a0Sumy",
])
def test_odd_text_never_raises(nlp, catalogue, text):
    ms = run(nlp, catalogue, text)
    assert all(text[m["start"]:m["end"]] == m["surface"] for m in ms)


def test_lowercase_common_words_are_not_catalogue_names(nlp, catalogue):
    ms = run(nlp, catalogue, "They ate turkey and bought a bout of flu medicine in china shops.")
    assert not [m for m in ms if m["actor_id"] in ("turkey", "bout", "china")]


# -- real headlines and names glued to catalogue names ----------------------------------------------

@pytest.mark.parametrize("headline, expected", [
    # NYT headlines, 2022 (ru_ua_2022 evaluation corpus)
    ("As China Rattles Sabers, Taiwan Asks: Are We Ready for War?", [("China", "china"), ("Taiwan", "taiwan")]),
    ("Janet Yellen Says It’s in Russia’s Interest to Go Along With an Oil Price Cap", [("Janet Yellen", "yellen"), ("Russia", "russia")]),
    ("Russia Announces Deeper Cuts in Natural Gas Flows to Germany", [("Russia", "russia"), ("Germany", "germany")]),
    ("Intelligence Agencies Say Russia Election Threat Persists Amid Ukraine War", [("Russia", "russia"), ("Ukraine", "ukraine")]),
    # known gap: a headline whose every word the tagger calls a proper noun and
    # that capitalises no function word is not recognised as a headline:
    # "Putin's Threats Highlight the Dangers of a New, Riskier Nuclear Era" keeps "Riskier Nuclear Era" (ORG)
])
def test_title_case_headline_words_are_not_actors(nlp, catalogue, headline, expected):
    ms = run(nlp, catalogue, headline, dt.date(2022, 7, 1))
    assert [(m["surface"], m["actor_id"]) for m in ms] == expected


def test_names_in_a_title_case_results_line_are_kept(nlp, catalogue):
    # CoNLL++ dev (Reuters, 1996): a scorecard and a fixtures line read as Title
    # Case with a capitalised verb, but they are tables, not headlines
    text = ("Worcestershire 238 and 133-5, Derbyshire 471 (J. Adams 123, T. O'Gorman 109 not out, K. Barnett 87; "
            "T. Moody 6-82).\nPostponed: Birmingham v Barnsley, Manchester City v Charlton. Playing Sunday: "
            "Queens Park Rangers v Bolton.")
    surfaces = {m["surface"] for m in run(nlp, catalogue, text, dt.date(1996, 8, 30))}
    assert {"K. Barnett", "Queens Park Rangers"} <= surfaces


def test_headline_name_confirmed_by_the_body_is_kept(nlp, catalogue):
    text = "Lebed Says Chechen Deal Will Hold\n\nAlexander Lebed said on Friday the ceasefire would hold."
    ms = [(m["surface"], m["actor_id"]) for m in run(nlp, catalogue, text, dt.date(1996, 8, 30)) if "Lebed" in m["surface"]]
    assert ms == [("Lebed", "per:alexander_lebed"), ("Alexander Lebed", "per:alexander_lebed")]


def test_catalogue_name_inside_a_longer_name_is_left_to_the_model(nlp, catalogue):
    ms = run(nlp, catalogue, "Israeli troops entered the West Bank town of Hebron on Monday, the Washington Post reported.")
    found = {m["surface"]: m["actor_id"] for m in ms}
    assert found.get("West Bank") == "loc:west_bank" and "the_west" not in found.values()
    assert found.get("Washington Post") == "washington_post" and "washington" not in found.values()
    ms = run(nlp, catalogue, "Kyiv Mayor Vitali Klitschko said the city was ready.")
    assert [(m["surface"], m["actor_id"]) for m in ms][:2] == [("Kyiv", "kyiv"), ("Vitali Klitschko", "klitschko")]


@pytest.mark.parametrize("text, expected", [
    # Guardian / NYT sentences, 2022 (ru_ua_2022 evaluation corpus)
    ("Russia’s foreign minister, Sergei Lavrov, said a new ‘iron curtain’ was descending.", [("Sergei Lavrov", "lavrov")]),
    ("Dmitri S. Peskov, the Kremlin’s spokesman, insisted that the move had nothing to do with it.",
     [("Dmitri S. Peskov", "peskov")]),
    ("The ayatollah met with Putin in Iran during a rare international trip by the Russian leader.",
     [("Putin", "putin"), ("Iran", "iran"), ("the Russian leader", "putin")]),
])
def test_epithet_in_apposition_counts_once(nlp, catalogue, text, expected):
    ms = run(nlp, catalogue, text, dt.date(2022, 7, 20))
    assert [(m["surface"], m["actor_id"]) for m in ms] == expected


def test_any_text_gives_traceable_rows(nlp, catalogue):
    """Property: whatever the text (random unicode, quotes, names glued to
    punctuation), extraction does not raise and every row points at its surface."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(["Putin", "Zelenskiy’s", "the Kremlin boss", "“", "”", "Kyiv", "Mr", ".", ",", "\n\n",
                              "Andriy Demchenko", "Demchenko", "THE U.S. PRESIDENT", "Sumy", "+", "’s", " ", "Le Pen"])
    texts = st.lists(st.one_of(pieces, st.text(max_size=8)), max_size=25).map(" ".join)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(texts)
    def check(text):
        for when in (dt.date(2022, 5, 1), None):
            for m in run(nlp, catalogue, text, when):
                assert text[m["start"]:m["end"]] == m["surface"] and m["actor_id"]

    check()


def test_a_hyphenated_first_name_is_a_person_mention(nlp):
    # Guardian, 28 May 2022: the tokenizer splits "Frank-Walter" at the hyphen
    from helpers import annotate_text

    mentions = annotate_text(nlp, "The German president, Frank-Walter Steinmeier, has said the war is bad.")["mentions"]
    person = [m for m in mentions if m["kind"] == "person"]
    assert [m["actor"] for m in person] == ["Frank-Walter Steinmeier"]
