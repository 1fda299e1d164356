"""What a quote in a title-case headline is: there every word is capitalised,
so capitals and a `to` before an attributed quote say nothing of a title
(session 9). Real headlines from the PolNeAR training texts (2015-16 US
election news), quoted with their outlet and date; the first test failed on
the code before the rule, the second is a guard."""

from __future__ import annotations

from test_quotes_support import find, quotes_of


def test_an_attributed_headline_quote_after_to_is_speech(nlp):
    # Breitbart, 2 Dec 2015: `Appeals to ‘…’` read as `said to “Meet the Press”`
    text = ("John McCain: Republican Populist Anger Appeals to ‘Bad Angels Of Our Nature.’\n\n"
            "Sen. John McCain said on Tuesday that the anger of voters was understandable.")
    row = find(quotes_of(nlp, text), "Bad Angels Of Our Nature", direct=True)
    assert row["kind"] == "direct" and row["speaker_surface"] == "John McCain"


def test_a_show_named_after_on_in_a_headline_stays_a_title(nlp):
    # guard: the headline's `On ‘…’` names where the speech happened
    text = ("Barack Obama Talks To Jimmy Fallon On ‘The Tonight Show’ About His Daughters\n\n"
            "The president spoke about his family on Thursday.")
    row = find(quotes_of(nlp, text), "The Tonight Show", direct=True)
    assert row["kind"] == "title"
