"""Direct quotes: what a reporting verb says and what only names its
participants, quote-attribution lines, and cues the lexicon missed (issue 13,
lane 13c). Real sentences from the PolNeAR training texts (2015-16 US
election news), quoted with their outlet and date; each test failed on the
code before its fix, except those marked as guards (a case the fix must not break)."""

from __future__ import annotations

from test_quotes_support import find, quotes_of


def test_a_quote_inside_the_speakers_description_is_not_what_he_said(nlp):
    # Politico, 30 Nov 2015 (PolNeAR train): the "big four" are the writer's words for the negotiators
    text = ("“A lot of people were upset with the idea that the federal government was going to tell you how you were "
            "going to cure your problems,” said former Rep. George Miller (D-Calif.), one of the original “big four” "
            "negotiators, along with retired Rep. John Boehner (R-Ohio), retired Sen. Judd Gregg (R-N.H.) and the late "
            "Sen. Ted Kennedy (D-Mass.).")
    rows = quotes_of(nlp, text)
    assert find(rows, "A lot of people were upset", direct=True)["speaker_surface"] == "former Rep. George Miller"
    big_four = find(rows, "big four", direct=True)
    assert big_four["kind"] != "direct" and big_four["speaker"] is None


def test_a_programme_told_is_the_addressee_not_the_words(nlp):
    # Politico, 28 Dec 2015 (PolNeAR train)
    text = ("\"Of course Bill Clinton’s fair game. He’s a former president,\" Fiorina told \"Fox and Friends,\" "
            "reminding the co-hosts that Trump has frequently denounced former President George W. Bush.")
    rows = quotes_of(nlp, text)
    assert find(rows, "Of course Bill Clinton", direct=True)["speaker_surface"] == "Fiorina"
    show = find(rows, "Fox and Friends", direct=True)
    assert show["kind"] == "title" and show["speaker"] is None


def test_the_passive_subject_of_a_verb_of_saying_is_what_was_said(nlp):
    # guard. New York Times, 3 Feb 2016 (PolNeAR train): the rule above must not drop this one
    text = ("Thus, in the Republican debate last week, candidates referred to ''ISIS'' 44 times. The phrase "
            "''tax reform'' was uttered once, by Mr. Cruz.")
    row = find(quotes_of(nlp, text), "tax reform", direct=True)
    assert row["kind"] == "direct" and row["speaker_surface"] == "Mr. Cruz"


def test_a_title_in_the_tag_does_not_end_the_speakers_turn(nlp):
    # guard. Huffington Post, 29 Feb 2016 (PolNeAR train): “Today” sits between Trump's two quotes;
    # once “Today” is no longer Trump's words, the continuation must pass over it
    text = ("“I was sitting in a house in Florida, with a bad earpiece,” Trump told NBC’s “Today” on Monday. “I could "
            "hardly hear what he’s saying. I hear various groups. I don’t mind disavowing anyone. I disavowed Duke the "
            "day before at a major conference.”")
    rows = quotes_of(nlp, text)
    follow = find(rows, "I could hardly hear", direct=True)
    assert follow["kind"] == "direct" and follow["speaker"] == "Donald Trump"
