"""Kinds of quoted text, session 5 of issue 13: a short quoted term with a
speech cue and a source is that source's words (mixed speech), a scare quote
or a title without one stays no speech. Real sentences: PolNeAR training
texts (2016 US election news) and the war corpora, quoted with their outlet."""

from __future__ import annotations

from test_quotes_support import find, quotes_of

from toolkit.quotes import SPEECH_KINDS


def test_a_quote_inside_a_reported_clause_is_the_reporters_words(nlp):
    # Washington Post, 2 Jun 2016 (PolNeAR train): the quoted word sits in
    # Trump's paraphrase, so it is Trump's (mixed speech), not a title
    text = ("\"I have a judge who is a hater of Donald Trump, a hater. He's a hater,\" Trump said at a campaign rally "
            "in San Diego, adding that he believed the Indiana-born judge was \"Mexican.\"")
    row = find(quotes_of(nlp, text), "Mexican", direct=True)
    assert row["kind"] == "direct" and row["speaker"] == "Donald Trump" and row["cue"] == "add"


def test_a_quote_inside_a_noun_of_speechs_clause_takes_its_source(nlp):
    # Washington Post, 2 Jun 2016 (PolNeAR train)
    text = ("Trump's attacks on Curiel stand out for their personal nature, for the racial remarks and for the "
            "suggestion by a potential president that someone \"ought to look into\" the judge.")
    row = find(quotes_of(nlp, text), "ought to look into", direct=True)
    assert row["kind"] == "direct" and row["speaker_surface"] == "a potential president"


def test_verbs_that_name_or_judge_a_quoted_term_are_cues_when_linked(nlp):
    # Breitbart, 5 Jan 2016; HuffPost, 12 Feb 2016; Washington Post, 30 Mar 2016 (PolNeAR train)
    rows = quotes_of(nlp, "Former Arkansas Gov. Mike Huckabee, for his part, is labeling Obama’s actions “a blatant, "
                          "belligerent abuse of power.”")
    row = find(rows, "a blatant, belligerent abuse of power", direct=True)
    assert row["cue"] == "label" and row["speaker_surface"] == "Former Arkansas Gov. Mike Huckabee"
    rows = quotes_of(nlp, "Former Obama spokesman Robert Gibbs derided and insulted “the professional left” in press "
                          "conferences.")
    row = find(rows, "the professional left", direct=True)
    assert row["kind"] == "direct" and row["speaker"] == "Robert Gibbs"
    rows = quotes_of(nlp, "Republican presidential front-runner Donald Trump defended his campaign manager as a \"very "
                          "decent man\" Tuesday, hours after the staffer was charged with battery in Florida.")
    row = find(rows, "very decent man", direct=True)
    assert row["kind"] == "direct" and row["cue"] == "defend" and row["speaker"] == "Donald Trump"


def test_thanked_for_a_quoted_phrase_is_speech(nlp):
    # Breitbart, 5 Jan 2016 (PolNeAR train)
    text = ("Washington, star of television’s “Scandal,” thanked Obama for “taking these steps to make us ALL safer.”"
            "\n\nMoore thanked him for “stepping up and taking action when Congress won’t.”")
    rows = quotes_of(nlp, text)
    assert find(rows, "taking these steps", direct=True)["speaker_surface"] == "Washington"
    assert find(rows, "stepping up and taking action", direct=True)["speaker_surface"] == "Moore"
    assert find(rows, "Scandal", direct=True)["kind"] == "title"  # the show stays a title


def test_a_question_tagged_in_the_next_sentence_is_speech(nlp):
    # Politico, 14 Jan 2016 (PolNeAR train): the splitter cuts after the `?`,
    # but the tag right after the closing mark is the quote's own
    text = ("\"Well, yes. I’m going to — I’m going to look at a lot of different people…\" Clinton said. "
            "\"Grizzly Adams?\" Maddow repeated.")
    row = find(quotes_of(nlp, text), "Grizzly Adams", direct=True)
    assert row["kind"] == "direct" and row["speaker"] == "Maddow"


def test_a_scare_quote_before_the_next_sentences_subject_stays_no_speech(nlp):
    # The Guardian, NATO coverage 2022 (war gold, a labelled scare quote)
    text = ("For any rational leader, an immediate ceasefire, accompanied by a bogus claim of victory, would be an "
            "obvious way out. But logic and reason play no part in Putin’s “thinking”. This catastrophe recalls Iraq in "
            "2003.")
    row = find(quotes_of(nlp, text), "thinking", direct=True)
    assert row["kind"] == "scare_quote" and row["kind"] not in SPEECH_KINDS


def test_a_title_named_with_call_and_no_source_stays_a_title(nlp):
    # Washington Post, 5 Jun 2016 (PolNeAR train)
    text = ("More importantly, three months before the primary, his campaign shelled out to broadcast a short film "
            "called \"Tenemos Familias\" on Univision.")
    assert find(quotes_of(nlp, text), "Tenemos Familias", direct=True)["kind"] == "title"
