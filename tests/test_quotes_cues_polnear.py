"""Direct quotes whose cue is not a verb of speech, quotation marks glued to
punctuation by the tokenizer, and quote content boundaries (issue 13, lane
13b). Real sentences from the PolNeAR training texts (2016 US election news),
quoted with their outlet and date; each test failed on the code before."""

from __future__ import annotations

from test_quotes_support import find, quotes_of


def test_a_statement_introduced_by_a_colon_is_its_issuers(nlp):
    # West Journal / Breitbart-style wire copy, 23 Jul 2016 (PolNeAR train): `issue` is no verb of speech
    text = ("In response to the tragic loss of life, Republican presidential nominee Donald Trump issued the following "
            "statement:\n\n“Our prayers are with all those affected by the horrible attacks in Munich. This cannot "
            "continue.”")
    row = find(quotes_of(nlp, text), "Our prayers are with", direct=True)
    assert row["kind"] == "direct" and row["speaker"] == "Donald Trump"
    assert row["cue"] == "statement"


def test_a_document_introducing_a_quote_with_a_colon_is_its_source(nlp):
    # Washington Post, 16 Nov 2015 (PolNeAR train)
    text = ("Gowdy referenced a 2015 inspector general's report concerning poor e-mail retention at the State "
            "Department. A footnote in the report makes that clear: \"These assessments do not apply to the system "
            "used by the Department's high-level principals, the Secretary, the Deputy Secretaries, the Under "
            "Secretaries, and their immediate staffs, which maintain separate systems.\"")
    row = find(quotes_of(nlp, text), "These assessments do not apply", direct=True)
    assert row["kind"] == "direct" and "footnote" in row["speaker_surface"]


def test_a_colon_after_a_thing_that_cannot_speak_gives_no_source(nlp):
    # the same rule must not make a speaker of a subject that is no person, organisation or document
    text = ("The countervailing evidence to that 2012 pop-off is simple: \"Nobody has ever seen the numbers.\"")
    row = find(quotes_of(nlp, text), "Nobody has ever seen", direct=True)
    assert row["speaker"] is None


def test_when_asked_does_not_take_the_answer_from_its_speaker(nlp):
    # Washington Post, 25 May 2016 (PolNeAR train): `responded` hangs on the subject-less `When asked`
    text = ("Mel Sembler, a former ambassador, has agreed to serve as a vice chairman of the victory fund.\n\n"
            "When asked why, Sembler responded in a text message: \"Trump will be the Republican Party's nominee.\"")
    row = find(quotes_of(nlp, text), "Trump will be the Republican", direct=True)
    assert row["speaker_surface"] == "Sembler" and row["cue"] == "respond"


def test_a_transcript_line_glued_to_its_quote_names_the_speaker(nlp):
    # Washington Post, 16 Nov 2015 (PolNeAR train): the tokenizer makes `S.C.):"I` and `Clinton:"We` one token each
    text = ("Clinton's claim that 90 percent of her e-mails were 'in the system' is her camp's calculation.\n\n"
            "Rep. Trey Gowdy (R-S.C.):\"I have not heard anyone other than you ever cite that figure. Who told you "
            "that 90 to 95 percent of your e-mails were in the State Department system? Who told you that?\"\n\n"
            "Former secretary of state Hillary Rodham Clinton:\"We learned that from the State Department and their "
            "analysis of the e-mails that were already on the system.\"")
    rows = quotes_of(nlp, text)
    gowdy = find(rows, "I have not heard anyone", direct=True)
    assert gowdy["speaker_surface"] == "Rep. Trey Gowdy" and gowdy["text"].startswith("I have not heard")
    clinton = find(rows, "We learned that from", direct=True)
    assert clinton["speaker_surface"] is not None and "Hillary Rodham" in clinton["speaker_surface"]
    assert clinton["text"].startswith("We learned")


def test_a_headline_ending_in_a_name_is_no_transcript_line(nlp):
    # Breitbart, 16 Feb 2016 (PolNeAR train): the name at the end of a headline did not say the quote
    text = ("Donald Trump Praises Breitbart’s Washington Political Editor Matthew Boyle:\"Very Good Reporter.\"\n\n"
            "Trump spoke in South Carolina on Tuesday.")
    rows = quotes_of(nlp, text)
    row = find(rows, "Very Good Reporter", direct=True)
    assert row["speaker_surface"] is None or "Praises" not in row["speaker_surface"]


def test_a_paragraph_ending_on_a_speech_event_introduces_the_quote_below(nlp):
    # Western Journal, 12 Apr 2016 (PolNeAR train): `continued his scathing remarks.` ⏎ the quote
    text = ("“I don’t think she can put on enough makeup to change people’s perception of her,” Howard said recently."
            "\n\nHoward continued his scathing remarks.\n\n“Eight years ago she was the presumed Democratic nominee, "
            "and a fellow came along and, as they say in baseball, he boat-raced her. She was winning!”")
    row = find(quotes_of(nlp, text), "Eight years ago she was", direct=True)
    assert row["speaker_surface"] == "Howard" and row["cue"] == "continue"


def test_a_paragraph_ending_on_a_plain_event_introduces_nothing(nlp):
    # the rule needs a verb of speech or a noun of speech: a sentence about something else gives no speaker
    text = ("Howard continued his walk through the town.\n\n“Eight years ago she was the presumed Democratic nominee, "
            "and a fellow came along and, as they say in baseball, he boat-raced her. She was winning!”")
    row = find(quotes_of(nlp, text), "Eight years ago she was", direct=True)
    assert row["speaker"] is None


def test_characterize_refer_and_rip_are_cues_when_linked(nlp):
    # Western Journal, 5 May 2016; New York Times, 12 Mar 2016; Politico, 6 Jul 2016 (PolNeAR train)
    text = ("The New York Times characterized many Republican’s perception of Trump’s path to the nomination as a "
            "“journey from denial and resistance to grudging acceptance, and even peace, with the Trump nomination.”"
            "\n\nIn Concord, he referred to demonstrators as ''my friends'' and showed flashes of compassion."
            "\n\nCorey Lewandowski, Donald Trump’s fired campaign manager, ripped FBI Director James Comey for acting "
            "as “the judge and the jury” in his handling of the bureau’s probe of Hillary Clinton’s email habits.")
    rows = quotes_of(nlp, text)
    times = find(rows, "journey from denial", direct=True)
    assert times["cue"] == "characterize" and times["speaker_surface"] == "The New York Times"
    friends = find(rows, "my friends", direct=True)
    assert friends["cue"] == "refer" and friends["speaker_surface"] == "he" and friends["kind"] == "direct"
    judge = find(rows, "the judge and the jury", direct=True)
    assert judge["cue"] == "rip" and "Lewandowski" in judge["speaker_surface"]


def test_riff_is_a_cue(nlp):
    # Washington Post, 26 Aug 2016 (PolNeAR train)
    text = ("Last week, Mike Pence showed the crowd a clip of Gov. Maggie Hassan awkwardly trying to defend Hillary "
            "Clinton's honesty.\n\n\"Governor Hassan, let me help you out - the answer's no,\" the Republican "
            "vice-presidential nominee riffed on Hassan's response.")
    row = find(quotes_of(nlp, text), "let me help you out", direct=True)
    assert row["cue"] == "riff" and row["speaker_surface"] == "the Republican vice-presidential nominee"


def test_the_one_told_is_not_the_speaker_after_an_apposition(nlp):
    # Breitbart (AFP copy), 12 Apr 2016 (PolNeAR train): `told` is left without a subject by the parse
    text = ("Ramos has long clashed with the real estate tycoon.\n\n“We were tremendously wrong to not have confronted "
            "him from the beginning,” Ramos, 58, told AFP in an interview in Mexico City on Monday.")
    row = find(quotes_of(nlp, text), "tremendously wrong", direct=True)
    assert row["speaker_surface"] == "Ramos"


def test_a_dateline_is_not_the_subject_of_the_report(nlp):
    # HuffPost (Reuters copy), 16 May 2016 (PolNeAR train): the parse gives `said` two subjects, LONDON and Trump
    text = ("Trump Says He’s Unlikely To Have A Good Relationship With David Cameron.\n\nLONDON (Reuters) - Donald "
            "Trump said he was unlikely to have a good relationship with David Cameron because the British prime "
            "minister cast the U.S. presidential candidate as “divisive, stupid and wrong” for proposing a temporary "
            "ban on Muslims entering the United States.")
    rows = quotes_of(nlp, text)
    assert find(rows, "he was unlikely to have", direct=False)["speaker"] == "Donald Trump"
    assert find(rows, "divisive, stupid and wrong", direct=True)["speaker_surface"] != "LONDON"


def test_a_participle_or_a_conjoined_verb_above_a_paraphrase_still_speaks(nlp):
    # New York Times, 27 Jun 2016, and Breitbart (AP copy), 1 Mar 2016 (PolNeAR train): the outer
    # reporter has no subject of its own in the parse but borrows one (`cautioning`, `… and said`)
    text = ("She, too, is a pragmatic internationalist battling against nationalist anger, cautioning that the "
            "turmoil after the so-called Brexit vote underscores a need for ''calm, steady, experienced leadership "
            "in the White House.''\n\nShe declared “What a Super Tuesday!” and said that her campaign would "
            "continue “to break barriers” across the nation.")
    rows = quotes_of(nlp, text)
    assert find(rows, "calm, steady, experienced", direct=True)["speaker_surface"] == "She"
    assert find(rows, "to break barriers", direct=True)["speaker_surface"] == "She"


def test_a_tag_after_the_quote_wins_over_the_colon_before_it(nlp):
    # Washington Post, 20 Jan 2016 (PolNeAR train): `Fiorina was far less bubbly:` is no verb of speech,
    # the quote's own tag `she recounted` is
    text = ("But Fiorina was far less bubbly: \"The market will hate this deal. They won't understand it, and they "
            "won't reward us for it,\" she recounted telling them in her memoir.")
    row = find(quotes_of(nlp, text), "The market will hate", direct=True)
    assert row["speaker_surface"] == "she" and row["cue"] in {"recount", "tell"}


def test_a_paragraph_that_quotes_already_or_reports_a_thing_introduces_nothing(nlp):
    # Washington Post, 1 Jun 2016, and HuffPost, 21 Mar 2016 (PolNeAR train)
    text = ("\"Or do we make promises we can't keep and get people even more frustrated and angry?\" Clinton asked."
            "\n\n\"Nooooo!\"\n\nAlongside the SVP’s platform points, domestic and international critics have in "
            "particular noted the explosive campaign material used by the SVP to stoke voter fears.\n\n“We Swiss are "
            "increasingly becoming n****rs” (St. Gallen general election poster 2003).")
    rows = quotes_of(nlp, text)
    assert find(rows, "Nooooo", direct=True)["speaker"] is None
    assert find(rows, "We Swiss are", direct=True)["speaker"] is None


def test_a_closing_mark_at_a_word_start_opens_a_quote(nlp):
    # Western Journal, 16 Dec 2015 (PolNeAR train; an invisible U+202A before the mark), and the
    # Guardian, Feb 2022 (guardian_feb2022, the NATO articles): `”` typed for `“`
    text = ("Palin’s post resonated with Facebook viewers.\n\n\u202a”Isis declares death on a lot of people and will "
            "burn in hell for all eternity for it cause Gods children are precious to him!!! Thanks Sarah!!!” wrote "
            "Pete Hidalgo.\n\n“I think it is the beginning of a new cold war,” Kennan stated. ”I think the Russians "
            "will gradually react quite adversely and it will affect their policies,” he said.")
    rows = quotes_of(nlp, text)
    hidalgo = find(rows, "Isis declares death", direct=True)
    assert hidalgo["text"].startswith("Isis declares") and hidalgo["speaker"] == "Pete Hidalgo"
    kennan = find(rows, "the Russians will gradually", direct=True)
    assert kennan["text"].startswith("I think the Russians") and kennan["speaker_surface"] == "he"


def test_a_colon_after_a_finding_and_a_comma_after_a_statement_introduce_quotes(nlp):
    # HuffPost, 2 Feb 2016, and Western Journal, 13 Jun 2016 (PolNeAR train): the parse hangs the words
    # before the colon on the quote's verb; `issued a statement,` introduces with a comma
    text = ("As if addressing the magnate directly, the Illinois Board of Elections was conclusive in its "
            "findings:\xa0“Further discussion on this issue is unnecessary.”\n\nImmediately after the attacks, Trump "
            "issued a\xa0statement, “Last night, our nation was attacked by a radical Islamic terrorist. It was the "
            "worst terrorist attack on our soil since 9/11.”")
    rows = quotes_of(nlp, text)
    board = find(rows, "Further discussion on this issue", direct=True)
    assert "Board of Elections" in board["speaker_surface"]
    statement = find(rows, "our nation was attacked", direct=True)
    assert statement["speaker_surface"] == "Trump" and statement["cue"] == "statement"


def test_a_subject_inside_the_quote_gives_way_to_the_one_after_it(nlp):
    # Western Journal, 10 Nov 2015 (PolNeAR train): `says` has two subjects, `Michael Cohen` inside the quote
    text = ("In the video, he sends a message to Trump’s lawyer to pass along to the candidate.\n\n“My dear Michael "
            "Cohen,” the conference speaker says into the camera with a raucous crowd behind him. “I am here with a "
            "group of people that are praying for and encouraging Mr. Donald Trump.”")
    rows = quotes_of(nlp, text)
    assert find(rows, "My dear Michael Cohen", direct=True)["speaker_surface"] == "the conference speaker"
