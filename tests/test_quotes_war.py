"""Quotes on real war coverage: one test per error class of issue 13, each on
sentences quoted from the Guardian / NYT 2022 articles of ``ru_ua_2022`` and
``guardian_feb2022`` (the corpora are not needed: the text is here)."""

from __future__ import annotations

import pandas as pd

from test_quotes_support import find, quotes_of
from toolkit.quotes import coverage_by_outlet, speech_only


# -- kinds: speech vs scare quotes, titles, terms ---------------------------------

def test_scare_quote_near_an_unrelated_verb_is_not_speech(nlp):
    # Guardian, 6 Mar 2022 (Simon Tisdall)
    rows = quotes_of(nlp, "But logic and reason play no part in Putin’s “thinking”. This catastrophe recalls Iraq in 2003.")
    assert find(rows, "thinking")["kind"] == "scare_quote"


def test_programme_names_are_titles(nlp):
    # NYT, 7 Jul 2022 (podcast transcript)
    rows = quotes_of(nlp, "From “New York Times Opinion,” this is “First Person.” I’m Lulu Garcia-Navarro.")
    assert {r["kind"] for r in rows if "Opinion" in r["text"] or "First" in r["text"]} == {"title"}


def test_a_named_term_is_a_term(nlp):
    # Guardian, 24 Mar 2022
    text = ("He first points to her refusal to answer direct questions about whether she supports "
            "“court-packing” – a proposal that has gained traction on the left.")
    assert find(quotes_of(nlp, text), "court-packing")["kind"] == "term"


def test_a_cued_one_word_quote_is_speech(nlp):
    # NYT, 15 Jul 2022
    text = "The Kremlin has denied allegations against its forces, and Russia’s Defense Ministry has called graphic evidence of atrocities “fake.”"
    row = find(quotes_of(nlp, text), "fake")
    assert row["kind"] == "direct" and "Defense Ministry" in (row["speaker_surface"] or "")


# -- mixed: a reported clause holding a quoted fragment ---------------------------

def test_accused_of_with_quoted_fragment_is_a_mixed_row(nlp):
    # NYT, 26 Jul 2022
    text = ("Before the meeting, President Volodymyr Zelensky accused Moscow of waging “an overt gas war” "
            "against “a united Europe” and urged leaders not to give in to Russian threats.")
    rows = quotes_of(nlp, text)
    mixed = find(rows, "Moscow of waging")
    assert mixed["kind"] == "mixed" and "Zelensk" in mixed["speaker"]
    assert find(rows, "an overt gas war", direct=True)["kind"] == "direct"


def test_clause_mostly_quoted_keeps_its_own_words(nlp):
    # Guardian, 29 Apr 2022
    text = ("The attacks took place while the UN secretary general was visiting the city. Zelenskiy said the "
            "attacks on Kyiv and other cities “prove that we cannot let our guard down”.")
    row = find(quotes_of(nlp, text), "the attacks on Kyiv", direct=False)
    assert row["kind"] == "mixed" and "Zelensk" in row["speaker"]


# -- speakers: descriptions resolved inside the article ---------------------------

def test_role_phrase_takes_the_name_the_article_gives_it(nlp):
    # Guardian, 4 Aug 2022
    text = ("Eight people have been killed and four have been wounded in Russian artillery shelling in the "
            "eastern Ukrainian town of Toretsk in Donetsk region on Thursday, the regional governor said. The "
            "shelling hit a public transport stop where people had gathered, the governor for the area, Pavlo "
            "Kyrylenko, wrote on Telegram.")
    row = find(quotes_of(nlp, text), "Eight people have been killed")
    assert row["speaker"] == "Pavlo Kyrylenko" and row["speaker_surface"] == "the regional governor"


def test_description_named_in_the_next_sentence(nlp):
    # Guardian, 15 May 2022
    text = ("The Turkish foreign minister said on Sunday that Sweden and Finland must stop supporting terrorist "
            "groups in their countries and provide clear security guarantees. Speaking after a Nato foreign "
            "ministers’ meeting in Berlin, Mevlüt Çavuşoğlu said he had met his Swedish and Finnish counterparts.")
    row = find(quotes_of(nlp, text), "Sweden and Finland must stop")
    assert row["speaker"] and "Çavuşoğlu" in row["speaker"]


def test_name_in_apposition_after_the_role(nlp):
    # Guardian, 23 Jul 2022
    text = ("According to the governor, Oleksandr Starukh, Russian forces have abducted at least 415 people in "
            "the southern region since 24 February.")
    row = find(quotes_of(nlp, text), "Russian forces have abducted")
    assert "Starukh" in (row["speaker"] or "")


def test_institution_keeps_its_of_complement(nlp):
    # Guardian, 30 Jun 2022
    text = ("The European court of human rights (ECHR) said it had issued an order to Russia to ensure that two "
            "Britons captured after fighting for Ukrainian forces do not face the death penalty.")
    row = find(quotes_of(nlp, text), "it had issued an order")
    assert row["speaker_surface"].endswith("court of human rights")


def test_document_gives_its_author(nlp):
    # Guardian, 15 May 2022
    text = ("Putin reportedly responded to Niinistö’s call by saying Nato membership was a mistake, according to "
            "a readout of the call released by the Kremlin.")
    row = find(quotes_of(nlp, text), "Nato membership was a mistake")
    assert row["cue"] == "according to" and "Kremlin" in (row["speaker"] or "")


def test_pronoun_skips_a_subject_inside_the_reported_clause(nlp):
    # Guardian, 24 Mar 2022
    text = ("In his floor speech, McConnell said the late justice Ruth Ginsberg and the retiring justice Stephen "
            "Breyer had “no problem denouncing this unpopular view and defending their institution.” “I assumed "
            "it would be an easy softball for Judge Jackson, but it wasn’t,” he said.")
    row = find(quotes_of(nlp, text), "easy softball")
    assert "McConnell" in (row["speaker"] or "")


def test_it_said_takes_the_institution_named_before(nlp):
    # Guardian, 15 May 2022
    text = ("But British military intelligence said in an update that Russia’s offensive in the Donbas had "
            "“lost momentum”. Demoralised Russian troops had failed to make substantial gains and Moscow’s "
            "battle plan was “significantly behind schedule”, it said.")
    row = find(quotes_of(nlp, text), "significantly behind schedule", direct=True)
    assert row["speaker"] == "British military intelligence" and row["speaker_surface"] == "it"


# -- coverage per outlet ---------------------------------------------------------

def test_coverage_by_outlet_counts_speech_only():
    quotes = pd.DataFrame([
        {"article_id": "g:1", "text": "We will not walk away", "kind": "direct", "speaker": "Joe Biden", "speaker_actor_id": "biden"},
        {"article_id": "g:1", "text": "thinking", "kind": "scare_quote", "speaker": None, "speaker_actor_id": None},
        {"article_id": "n:1", "text": "the call was productive", "kind": "indirect", "speaker": "the ministry", "speaker_actor_id": None},
        {"article_id": "n:1", "text": "fake.", "kind": "direct", "speaker": None, "speaker_actor_id": None},
    ])
    articles = pd.DataFrame({"article_id": ["g:1", "n:1"], "outlet": ["The Guardian", "The New York Times"]})
    cov = coverage_by_outlet(quotes, articles).set_index("outlet")
    assert cov.loc["The Guardian", "n_speech"] == 1 and cov.loc["The Guardian", "n_not_speech"] == 1
    assert cov.loc["The New York Times", "share_with_speaker"] == 0.5
    assert cov.loc["The New York Times", "share_with_actor"] == 0.0
    assert cov.loc["The New York Times", "share_fragments"] == 0.5
    assert len(speech_only(quotes)) == 3


# -- content: quotes over flattened paragraphs -------------------------------------

# Guardian, 28 May 2022 (guardian_feb2022 keeps no paragraph breaks): the second
# paragraph of Zelenskiy's address opens with “ while the first is still open.
ZELENSKIY_FLAT = (
    "“There are missiles strikes and aircraft attacks – everything,” he said. “We are protecting our land in "
    "the way that our current defence resources allow. We are doing everything to increase them. And we will "
    "increase them. “If the occupiers think that Lyman or Sievierodonetsk will be theirs, they are wrong. "
    "Donbas will be Ukrainian.” map of donbas Zelenskiy also appealed to the west for more weapons. The "
    "Ukrainian foreign minister offered a bleak assessment. “The military situation in eastern Ukraine is "
    "even worse than people say it is,” Dmytro Kuleba said."
)


def test_a_new_sentence_opening_a_double_mark_ends_the_open_quote():
    from toolkit.quotes import find_quotes

    contents = [ZELENSKIY_FLAT[q.start:q.end] for q in find_quotes(ZELENSKIY_FLAT)]
    assert contents[1].startswith("We are protecting") and contents[1].endswith("And we will increase them.")
    assert contents[2].endswith("Donbas will be Ukrainian.")
    assert any(c.startswith("The military situation") for c in contents)  # no longer swallowed


def test_nested_double_quote_inside_a_sentence_still_nests():
    from toolkit.quotes import find_quotes

    text = 'Caddell continued: “I am going to read you the question: “Do you think so?” Forty-three, yes.”'
    assert [text[q.start:q.end] for q in find_quotes(text)] == [
        "I am going to read you the question: “Do you think so?” Forty-three, yes."]


def test_flattened_quote_paragraph_keeps_the_speaker_and_frees_the_next_quote(nlp):
    text = "Volodymyr Zelenskiy spoke on Friday night. " + ZELENSKIY_FLAT
    rows = quotes_of(nlp, text)
    assert "Kuleba" in (find(rows, "The military situation", direct=True)["speaker"] or "")
    assert "Zelensk" in (find(rows, "If the occupiers think", direct=True)["speaker"] or "")


def test_a_reversed_closing_mark_still_closes():
    from toolkit.quotes import find_quotes

    # Guardian, 20 May 2022: the source closes the quote with “
    text = ("“We have systematically developed our military defence,” Kivinen said. “Ukraine has been a tough "
            "bite to chew [for Russia], and so would be Finland.“ A hundred thousand Finns were killed during the "
            "two wars Finland fought against the Soviet Union.")
    contents = [text[q.start:q.end] for q in find_quotes(text)]
    assert contents[1] == "Ukraine has been a tough bite to chew [for Russia], and so would be Finland."


def test_share_of_voice_counts_a_mixed_row_and_its_fragment_once(nlp):
    # NYT, 26 Jul 2022: one statement, a mixed row holding two direct fragments
    text = ("Before the meeting, President Volodymyr Zelensky accused Moscow of waging “an overt gas war” "
            "against “a united Europe” and urged leaders not to give in to Russian threats.")
    quotes = pd.DataFrame(quotes_of(nlp, text))
    speech = speech_only(quotes)
    assert (quotes["kind"] == "direct").sum() >= 1
    assert not (speech["kind"] == "direct").any()  # the fragments sit inside the mixed row
    assert (speech["kind"] == "mixed").sum() == 1
    assert len(speech_only(quotes, count_once=False)) > len(speech)


# -- speakers: sources the mentions table leaves without an actor -------------------

def test_an_unnamed_official_takes_the_side_named_in_the_phrase(nlp):
    # Guardian, 4 Mar 2022
    text = ("Ukrainian officials said the plant’s training centre had been hit. A senior Russian commander said "
            "the city would be taken within days.")
    rows = quotes_of(nlp, text)
    row = find(rows, "training centre")
    assert row["speaker_actor_id"] == "ukraine" and row["speaker"] == "Ukrainian officials"
    assert find(rows, "the city would be taken")["speaker_actor_id"] == "russia"


def test_a_bare_surname_takes_the_person_named_in_full_before(nlp):
    # Guardian, 15 May 2022
    text = ("Finland’s president, Sauli Niinistö, informed Vladimir Putin that his country aimed to join Nato. "
            "Niinistö said the conversation was direct and straightforward.")
    row = find(quotes_of(nlp, text), "the conversation was direct")
    assert row["speaker"] == "Sauli Niinistö" and row["speaker_surface"] == "Niinistö" and row["speaker_actor_id"]


def test_a_pronoun_glued_to_a_photo_credit_is_still_a_pronoun(nlp):
    # Guardian, 24 Mar 2022 (live blog; the credit runs into the next sentence)
    text = ("“I assumed it would be an easy softball for Judge Jackson, but it wasn’t,” McConnell said. Republicans "
            "have been trying to cast Jackson as the chosen nominee of the far-left.Mitch McConnell on Thursday. "
            "Photograph: Michael Brochstein/Sopa/Rex/ShutterstockHe did cite her sentencing another factor.")
    row = find(quotes_of(nlp, text), "her sentencing")
    assert "McConnell" in (row["speaker"] or "")


def test_with_x_saying_takes_x(nlp):
    # Guardian, 28 May 2022
    text = ("In Sievierodonetsk, the situation appeared bleak, with Luhansk’s governor, Serhiy Haidai, saying "
            "Ukrainian forces may need to retreat after Russian troops entered the city.")
    row = find(quotes_of(nlp, text), "Ukrainian forces may need to retreat")
    assert "Haidai" in (row["speaker"] or "")


def test_it_said_reaches_back_over_a_sentence_about_someone_else(nlp):
    # Guardian, 28 May 2022
    text = ("“We disagree with the position of Patriarch Kirill of Moscow on the war,” the church said in a "
            "statement. Patriarch Kirill has expressed clear support for Putin’s invasion of Ukraine. It said its "
            "relations with the Moscow leadership had been complicated or absent since martial law was declared.")
    row = find(quotes_of(nlp, text), "its relations with the Moscow leadership")
    assert row["speaker_surface"] == "It" and "church" in (row["speaker"] or "")


def test_a_hyphenated_first_name_is_a_person_and_the_pronoun_finds_him(nlp):
    # Guardian, 28 May 2022
    text = ("The German president, Frank-Walter Steinmeier, has said Russia’s war against Ukraine is also a “war "
            "against the unity of Europe”. “We must not let ourselves be divided,” he said in a speech in the "
            "western German city of Paderborn.")
    rows = quotes_of(nlp, text)
    assert find(rows, "war against the unity", direct=True)["speaker_surface"] == "Frank-Walter Steinmeier"
    assert find(rows, "We must not let ourselves")["speaker"] == "Frank-Walter Steinmeier"


def test_a_possessive_name_inside_the_description_is_not_the_speaker(nlp):
    # Guardian, 3 Jul 2022
    text = ("The president of Belarus and Vladimir Putin’s closest ally has said his ex-Soviet state stands fully "
            "behind Russia. Alexander Lukashenko said he had thrown his weight behind Putin’s campaign.")
    row = find(quotes_of(nlp, text), "his ex-Soviet state stands")
    assert row["speaker"] != "Vladimir Putin" and "Lukashenko" in (row["speaker"] or "")


def test_a_name_closing_the_subject_after_an_of_phrase_is_the_speaker(nlp):
    # Guardian, 2 Mar 2022
    text = ("The west of England mayor, Dan Norris, said he is deeply concerned that Stockholm-based Voi still has "
            "two major Russian shareholders who own millions of pounds of stock in the company.")
    row = find(quotes_of(nlp, text), "deeply concerned")
    assert row["speaker"] == "Dan Norris"


def test_she_told_x_is_not_x_speaking(nlp):
    # New York Times, 2022 (ru_ua_2022): the pregnant young woman speaks, not Ms. Muravinets
    text = ("The first person Yana Muravinets tried to persuade to leave her home near Ukraine’s front lines was a "
            "young woman who was five months pregnant.\n\nShe did not want to abandon her cows, her calf or her dog. "
            "She told Ms. Muravinets that she put energy and money into building her house near the southern "
            "Ukrainian city of Mykolaiv, and she was afraid of losing it.")
    row = find(quotes_of(nlp, text), "she put energy and money")
    assert row["speaker_surface"] == "She" and "Muravinets" not in (row["speaker"] or "")


def test_a_decision_indicating_something_is_not_speech(nlp):
    # New York Times, 2022 (ru_ua_2022)
    text = ("President Vladimir V. Putin of Russia on Monday signed a decree offering a simplified path to Russian "
            "citizenship for all Ukrainians.\n\nMr. Putin’s decision indicated that Russia might seek to establish "
            "permanent control of the Ukrainian territories currently occupied by Moscow’s forces.")
    assert not [r for r in quotes_of(nlp, text) if "permanent control" in r["text"]]


def test_information_indicating_is_not_a_speaker(nlp):
    # Guardian, 2022 (ru_ua_2022): Sullivan told reporters; "information" says nothing
    text = ("Jake Sullivan, the White House national security adviser, told reporters the US had information "
            "indicating Tehran was “preparing to provide Russia with up to several hundred UAVs, on an expedited "
            "timeline”.")
    assert all(r["speaker"] != "information" for r in quotes_of(nlp, text))


def test_a_live_blog_stamp_is_neither_speaker_nor_content(nlp):
    # Guardian live blog, 7 Jul 2022 (ru_ua_2022)
    text = ("The servicemen are given the opportunity to rest, the ministry said.\n\n7 Jul 2022 00.29 UN warns of "
            "looming hunger catastrophe A looming hunger catastrophe is the UN’s top concern, the agency said.\n\n"
            "7 Jul 2022 00.51 Russia taking 'operational pause', analysts say Foreign analysts say Russia may be "
            "temporarily easing its offensive in eastern Ukraine.")
    rows = quotes_of(nlp, text)
    assert rows and not any("2022" in (r["speaker_surface"] or "") or r["text"].startswith("7 Jul") for r in rows)
    assert find(rows, "Russia taking 'operational pause'")["speaker"] == "analysts"


def test_a_clause_starting_inside_a_live_blog_stamp_drops_the_stamp(nlp):
    # Guardian live blog, 9 May 2022 (ru_ua_2022): the parse starts the clause at "May"
    text = ("Russia was Japan’s fifth-biggest supplier of crude oil and LNG last year.\n\n\n\n9 May 2022 03.33 A Fiji "
            "court has suspended the execution of a US warrant to seize a $300 million super yacht Washington claims "
            "is owned by sanctioned Russian oligarch Suleiman Kerimov, prosecutors have said according to AFP.")
    row = find(quotes_of(nlp, text), "A Fiji court has suspended")
    assert row["text"].startswith("A Fiji court")


def test_quoted_by_tass_gives_the_source_not_the_agency(nlp):
    # Guardian, 2022 (guardian_feb2022)
    text = ("There are about 8,000 Ukrainian prisoners of war held in the self-proclaimed Luhansk and Donetsk People’s "
            "Republics, the Luhansk official Rodion Miroshnik has said. “That’s a lot, and literally hundreds are being "
            "added every day,” Miroshnik was quoted by the Russian Tass news agency as saying.")
    row = find(quotes_of(nlp, text), "literally hundreds", direct=True)
    assert "Miroshnik" in (row["speaker"] or "")


def test_the_statement_quoted_by_tass_is_the_ministrys(nlp):
    # Guardian live blog, 7 Jul 2022 (ru_ua_2022)
    text = ("Russia’s Defence Ministry seemed to confirm that assessment, saying in a statement Thursday that Russian "
            "soldiers had been given time to rest. “The units that performed combat missions ... are taking measures "
            "to recover their combat capabilities,” read the statement, quoted by Russian state news agency Tass.")
    row = find(quotes_of(nlp, text), "The units that performed combat missions", direct=True)
    assert row["speaker_surface"] == "the statement" and "Defence Ministry" in (row["speaker"] or "")


def test_a_participle_on_a_reported_speech_event_is_the_speakers(nlp):
    # Guardian live blog, July 2022 (ru_ua_2022): Blinken speaks, the official only reports it
    text = ("At a plenary session, the US secretary of state, Antony Blinken, urged Moscow to let Ukrainian grain out to "
            "the world.\n\nAn official said Blinken addressed Russia directly, saying: “To our Russian colleagues: "
            "Ukraine is not your country. Its grain is not your grain. Why are you blocking the ports? You should let "
            "the grain out.”")
    row = find(quotes_of(nlp, text), "To our Russian colleagues", direct=True)
    assert row["speaker_surface"] == "Blinken" and "Blinken" in row["speaker"]


def test_a_demonym_after_a_first_name_is_a_surname_not_the_country(nlp):
    # Guardian, 2022 (ru_ua_2022): `Tracey German` took the id of Germany
    text = ("“Rail has always been important [in Ukraine] for exporting things like coal, grain and steel, but it no "
            "longer has access to sea ports so a lot more has been going by rail out of the country,” said Tracey "
            "German, professor in conflict and security at King’s College London.")
    row = find(quotes_of(nlp, text), "Rail has always been important", direct=True)
    assert row["speaker"] == "Tracey German" and row["speaker_actor_id"] != "germany"
    rows = quotes_of(nlp, "Helmut Schmidt, the West German chancellor, said the East German border was closed.")
    assert find(rows, "border was closed", direct=False)["speaker"] == "Helmut Schmidt"


def test_the_role_of_the_person_who_just_spoke_is_that_person(nlp):
    # Guardian, 2022 (ru_ua_2022): `the president` is Macron, not Zelenskiy (named with the role earlier)
    text = ("Ukraine’s president, Volodymyr Zelenskiy, spoke on Monday. The French president said his Russian "
            "counterpart, Vladimir Putin, had made a “historic and fundamental” error in invading Ukraine.\n\nGiving "
            "an interview to a group of regional newspapers in his home country, Macron said: “We must not humiliate "
            "Russia so that the day the fighting stops, we can build a way out through diplomatic channels.”\n\nThe "
            "role of France was to be that of “a mediating power”, the president added, saying he had put “time and "
            "energy” into ensuring the conflict did not escalate into a wider war.")
    rows = quotes_of(nlp, text)
    for fragment in ("a mediating power", "time and energy"):
        assert find(rows, fragment, direct=True)["speaker_actor_id"] == "macron"


def test_a_cue_under_avoid_or_refuse_reports_nothing(nlp):
    # NYT, 2022 (ru_ua_2022); the second sentence is made up as the contrast
    rows = quotes_of(nlp, "The online Russian ads avoid mentioning Ukraine, and the short-term offers, often three "
                          "months, are meant to play down the risks of never coming home.")
    assert not [r for r in rows if r["cue"] == "mention"]
    rows = quotes_of(nlp, "The Kremlin refused to say whether the troops had left. Peskov said the troops had left.")
    assert [r["cue"] for r in rows] == ["say"] and rows[0]["text"] == "the troops had left"


def test_a_quote_inside_a_nested_report_is_the_outer_speakers(nlp):
    # Guardian, 2022 (ru_ua_2022): Scholz speaks; `G7 leaders agree` is his paraphrase
    text = ("German Chancellor Olaf Scholz said there can be no return to prewar ties with Russia. He said G7 leaders "
            "agree that it has led to long-term changes “which will mark international relations for a very, very long "
            "time. So it is clear that, in relations with Russia, there can be no way back to the time before the "
            "Russian attack on Ukraine.”")
    row = find(quotes_of(nlp, text), "which will mark international relations", direct=True)
    assert row["speaker_actor_id"] == "scholz" and row["cue"] == "say"
