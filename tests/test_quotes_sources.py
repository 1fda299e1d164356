"""Sources of direct quotes the parse does not hand over as a subject, and
cues beyond `say` (issue 13, session 3). Real sentences: PolNeAR training
texts (2016 US election news) and the war corpora, quoted with their outlet."""

from __future__ import annotations

from test_quotes_support import find, quotes_of


def test_a_subject_after_the_verb_parsed_as_an_object_is_the_source(nlp):
    # Politico, 11 Aug 2016 (PolNeAR train)
    text = ("The last question at the event was from a young child.\n\n“How big is that wall?” asked the boy, who was "
            "wearing a 'Make America Great Again' hat and said his name was Mason, as the audience laughed and applauded.")
    row = find(quotes_of(nlp, text), "How big is that wall", direct=True)
    assert row["kind"] == "direct" and row["speaker_surface"] == "the boy"


def test_a_name_glued_to_its_verb_as_a_compound_is_the_source(nlp):
    # USA Today, 18 Jul 2016 (PolNeAR train): the parse reads "Conway notes" as a noun
    text = ("Trump has begun to dial down the rhetoric. \"Look at the statement Mr. Trump put out after the Dallas "
            "shootings,\" Conway notes. \"It was very different in tone and content from what people are accustomed to.\"")
    rows = quotes_of(nlp, text)
    assert find(rows, "Look at the statement", direct=True)["speaker_surface"] == "Conway"
    assert find(rows, "very different in tone", direct=True)["speaker"] == "Conway"  # the continued quote


def test_an_adjective_headed_description_is_a_source(nlp):
    # HuffPost, 19 Dec 2015 (PolNeAR train)
    text = ("Serafinowicz posted the clip to YouTube on Thursday.\n\n“What if Donald Trump had elocution lessons?” the "
            "43-year-old asked in the video’s description.")
    row = find(quotes_of(nlp, text), "elocution lessons", direct=True)
    assert row["speaker_surface"] == "the 43-year-old"


def test_a_second_conjoined_cue_borrows_the_subject(nlp):
    # Washington Post, 17 Nov 2015 (PolNeAR train): the second `called` hangs on the adjective
    text = ("He called it \"shameful\" and called on leaders \"not to feed that dark impulse inside of us.\"")
    row = find(quotes_of(nlp, text), "not to feed that dark impulse", direct=True)
    assert row["speaker_surface"] == "He"


def test_a_cue_under_a_preposition_borrows_the_subject_above(nlp):
    # Washington Post, 13 Jun 2016 (PolNeAR train)
    text = ("Obama spoke on Sunday. And he made a point of saying the Orlando nightclub where the killing occurred "
            "\"was a place of solidarity and empowerment.\"")
    row = find(quotes_of(nlp, text), "a place of solidarity", direct=True)
    assert row["speaker_surface"] == "he" and row["speaker"] == "Obama"


def test_a_statement_calling_for_something_is_its_issuers(nlp):
    # Washington Post, 13 Jun 2016 (PolNeAR train)
    text = ("Clinton postponed a rally. Hours later, she issued a statement calling on the United States \"to redouble "
            "our efforts to defend our country from threats at home and abroad.\"")
    row = find(quotes_of(nlp, text), "to redouble our efforts", direct=True)
    assert row["speaker_surface"] == "she" and row["speaker"] == "Clinton"


def test_manner_of_speaking_verbs_are_cues(nlp):
    # HuffPost, 12 Aug 2016 (PolNeAR train)
    text = ("Trump replied: “No, I meant he’s the founder of ISIS.”\nA flabbergasted Noah quipped, “It’s like a lawyer "
            "with the dumbest client ever.”")
    row = find(quotes_of(nlp, text), "dumbest client", direct=True)
    assert row["cue"] == "quip" and row["speaker_surface"] == "A flabbergasted Noah"


def test_a_quote_inside_a_participle_with_its_own_subject_is_not_the_main_verbs(nlp):
    # Guardian, 8 Apr 2022 (guardian_feb2022): the hearing concluded; the judges called her brilliant
    text = ("The supreme court confirmation hearing of Ketanji Brown Jackson concluded on Thursday, with judges and "
            "lawyers extolling her as a “brilliant” legal mind and exceptional jurist.")
    rows = [r for r in quotes_of(nlp, text) if "brilliant" in r["text"]]
    assert all("hearing" not in (r["speaker"] or "") for r in rows)


def test_a_passive_participle_does_not_make_its_noun_the_speaker(nlp):
    # Guardian, 24 Apr 2022 (ru_ua_2022): the commander spoke; the lawmaker interviewed him
    text = ("Serhiy Volyna, the commander of Ukraine’s 36th marine brigade forces in Mariupol, said in an interview "
            "with an opposition lawmaker posted on YouTube on Sunday that Russia was targeting the complex with air "
            "and artillery bombardments.")
    rows = quotes_of(nlp, text)
    assert all("lawmaker" not in (r["speaker"] or "") for r in rows)


def test_without_mentioning_reports_nothing_said(nlp):
    # New York Times, 28 Jul 2022 (ru_ua_2022)
    text = ("China’s Ministry of Foreign Affairs said that the call was productive, but issued a stern warning against "
            "what it considered American provocations, without directly mentioning Ms. Pelosi.")
    assert not [r for r in quotes_of(nlp, text) if r["text"].startswith("Ms. Pelosi")]


def test_the_subject_in_the_verbs_paragraph_wins_over_one_the_parse_brings_from_before(nlp):
    # The Western Journal, 14 Jul 2016 (PolNeAR train)
    text = ("One man wrote, “She waddles up there and could barely bend over to place those flowers. What a pandering "
            "POS. Never, never Hillary.”\n\nAnother commenter said, “We all know how she feels about the police, and "
            "our military for that matter.”")
    row = find(quotes_of(nlp, text), "We all know how she feels", direct=True)
    assert row["speaker_surface"] == "Another commenter"


def test_a_verb_left_without_subject_takes_the_person_named_before_it(nlp):
    # New York Times, 29 Dec 2015 (PolNeAR train): the parse hangs the colonel on `reporters`
    text = ("But in a conference call with reporters on Dec. 2, Col. Steven H. Warren, a military spokesman in Baghdad, "
            "said, ''I mean, a raid is a combat operation. There is no way around that.''")
    row = find(quotes_of(nlp, text), "a raid is a combat operation", direct=True)
    assert "Warren" in (row["speaker"] or "")


def test_a_show_named_where_the_speech_happened_is_a_title(nlp):
    # HuffPost, 8 Nov 2015 (PolNeAR train)
    text = ("Speaking Sunday on ABC’s “This Week,” Carson admitted that the course name that appeared in his book was "
            "inaccurate. “I have always said that I expect to be vetted,” he said on “Meet the Press.”")
    rows = quotes_of(nlp, text)
    assert find(rows, "This Week")["kind"] == "title" and find(rows, "Meet the Press")["kind"] == "title"
    assert find(rows, "I expect to be vetted")["kind"] == "direct"


def test_an_all_capitals_headline_in_quotes_is_a_title(nlp):
    # HuffPost morning email, 25 Jul 2016 (PolNeAR train)
    text = ("‘EUROPEANS ASK IF VIOLENCE IS BECOMING FACT OF LIFE’ “In less than two weeks, Western Europe has witnessed "
            "the calm of everyday life repeatedly shattered by high-profile attacks.” [NYT]")
    assert find(quotes_of(nlp, text), "EUROPEANS ASK IF VIOLENCE")["kind"] == "title"


def test_a_quote_after_a_no_break_space_continues_the_speaker(nlp):
    # HuffPost, 20 Apr 2016 (PolNeAR train)
    text = ("“It isn’t easy, but as Erica said the other day, ‘What if everyone who faced tough odds said, It’s hard, so "
            "I’m going to walk away? That’s not the type of world I want to live in,’” Clinton concluded.\xa0“Erica, it’s "
            "not the type of world we want to live in. And we refuse to live in that.”")
    row = find(quotes_of(nlp, text), "we refuse to live in that", direct=True)
    assert row["speaker"] is not None and "Clinton" in row["speaker"]


def test_as_x_put_it_is_a_cue(nlp):
    # New York Times, 4 Mar 2016 (PolNeAR train)
    text = ("As Akhil Amar, professor of constitutional law at Yale and author of ''America's Unwritten Constitution,'' "
            "put it, ''Senate Republicans should remember that a compromise candidate today may be far better for them "
            "than the justice they may get stuck with.''")
    row = find(quotes_of(nlp, text), "Senate Republicans should remember", direct=True)
    assert row["cue"] == "put" and "Amar" in (row["speaker"] or "")


def test_the_cue_nearest_the_quote_wins_when_the_parse_links_two(nlp):
    # New York Times, 20 Jan 2016 (PolNeAR train)
    text = ("Secretary of State John Kerry said the Iranians released by the United States were in some cases close to "
            "completing their sentences, while the fugitives were beyond American reach. ''What we gave up, we believe, "
            "were people who were about to get out anyway and people that we couldn't get our hands on,'' he told Fox News.")
    row = find(quotes_of(nlp, text), "What we gave up", direct=True)
    assert row["cue"] == "tell" and row["speaker_surface"] == "he"


def test_a_name_before_the_colon_is_the_speaker(nlp):
    # USA Today, 14 Jun 2016 (PolNeAR train)
    text = ("The candidate's @realDonaldTrump Twitter feed serves as a sort of direct line to his mind, so it was no "
            "surprise that soon after Sunday's massacre in Orlando he tweeted about ... Donald Trump: \"Appreciate the "
            "congrats for being right on radical Islamic terrorism.\"")
    row = find(quotes_of(nlp, text), "Appreciate the congrats", direct=True)
    assert row["speaker"] == "Donald Trump"


def test_a_one_word_answer_next_to_its_verb_is_speech_not_a_title(nlp):
    # Washington Post, 20 Jul 2016 (PolNeAR train)
    text = ("Asked whether he would fire a speechwriter under these circumstances, Priebus said, \"Probably.\"")
    row = find(quotes_of(nlp, text), "Probably", direct=True)
    assert row["kind"] == "direct" and "Priebus" in (row["speaker"] or "")


def test_a_straight_mark_after_a_nested_single_quote_closes():
    # Washington Post, 2 Jul 2016 (PolNeAR train)
    from toolkit.quotes.marks import find_quotes

    text = ("\"The State has put its thumb on the scale. Showing such favor tells 'nonadherents that they are "
            "outsiders,' \" Reeves wrote, citing precedent. \"And the Equal Protection Clause is violated.\"")
    quotes = [text[q.start:q.end] for q in find_quotes(text)]
    assert quotes[0].startswith("The State has put") and quotes[0].endswith("outsiders,'")
    assert "And the Equal Protection Clause is violated." in quotes


def test_the_object_of_citing_is_a_source_not_content(nlp):
    # Guardian live blog, 2022 (ru_ua_2022)
    text = ("The Biden administration’s plan to sell four large, armable drones to Ukraine has been paused over the fear "
            "its sophisticated surveillance equipment might fall into enemy hands, Reuters reported, citing two people "
            "familiar with the matter.")
    assert not [r for r in quotes_of(nlp, text) if r["text"].startswith("two people familiar")]


# -- session 4 (PolNeAR train sample, direct quotes) --------------------------------


def _attributions(nlp, text: str) -> list[dict]:
    """Rows with the source offsets as written (what the PolNeAR scorer reads)."""
    from toolkit.actors.catalogue import cached_catalogue
    from toolkit.actors import extract_mentions
    from toolkit.context import ArticleContext
    from toolkit.quotes import extract_attributions

    doc = nlp(text)
    ctx = ArticleContext("t")
    return extract_attributions(doc, ctx, extract_mentions(doc, ctx, cached_catalogue(None)))


def test_a_relative_pronoun_is_the_source_as_written_and_its_noun_speaks(nlp):
    # USA Today, 2 May 2016 (PolNeAR train): PolNeAR marks `who` as the source
    text = ("Contrast that with Trump, who has called the 12-nation TPP pact \"insanity,\" and Sanders, who says "
            "it's \"disastrous.\"")
    rows = _attributions(nlp, text)
    for fragment, name in (("insanity", "Trump"), ("disastrous", "Sanders")):
        row = find(rows, fragment, direct=True)
        assert text[row["source_start"]:row["source_end"]] == "who"
        assert row["speaker_surface"] == name and name in row["speaker"]  # the catalogue's `Donald Trump`


def test_a_relative_pronoun_after_an_apposition_takes_the_description(nlp):
    # Washington Post, 24 Mar 2016 (PolNeAR train)
    text = ("\"We think early money sets the terms of the debate, and we're gearing up,\" said Scott Reed, the Chamber's "
            "chief political strategist, who added that his organization plans to zero in on local issues \"like folks "
            "are running for sheriff.\"")
    row = find(_attributions(nlp, text), "like folks are running", direct=True)
    assert text[row["source_start"]:row["source_end"]] == "who"
    assert "strategist" in row["speaker_surface"] or row["speaker"] == "Scott Reed"


def test_more_manner_of_speaking_cues(nlp):
    # West Journal, 23 Jun 2016; Politico, 19 Nov 2015; NYT, 4 Jan 2016 (PolNeAR train)
    rows = quotes_of(nlp, "“Imagine Brad Thor going up against Trump and Clinton on the same stage,” mused Blaze co-host "
                          "Stu\xa0Burguiere. “Not to mention, President Thor. We are the biggest badasses ever.”")
    assert find(rows, "Imagine Brad Thor", direct=True)["speaker_surface"] == "Blaze co-host Stu\xa0Burguiere"
    rows = quotes_of(nlp, "\"I think we ought to start [surveillance] up again, and we ought to start it up this morning. "
                          "This is a lot of nonsense that we ended that,\" he went on.")
    row = find(rows, "I think we ought to start", direct=True)
    assert row["cue"] == "go on" and row["speaker_surface"] == "he"
    rows = quotes_of(nlp, "When Ms. Schifano moved to Jamaica Estates, Queens, Freddy confided to her that his parents had "
                          "panicked because, as Italians, the Schifanos were ''the first ethnic family to move into the "
                          "neighborhood.''")
    assert find(rows, "the first ethnic family", direct=True)["speaker"] == "Freddy"


def test_linked_only_cues_sing_offer_list(nlp):
    # USA Today, 14 Jun 2016 and 18 Jul 2016; West Journal, 12 Jan 2016 (PolNeAR train)
    rows = quotes_of(nlp, "In Just the Way You Are, Billy Joel sings, \"Don't go changing to try and please me.\"")
    assert find(rows, "Don't go changing", direct=True)["speaker"] == "Billy Joel"
    rows = quotes_of(nlp, "In somber comments, Trump called the assault \"an attack on our country.\" He offered \"my "
                          "thoughts and prayers for all of the victims' families.\"")
    row = find(rows, "my thoughts and prayers", direct=True)
    assert row["cue"] == "offer" and row["speaker"] == "Donald Trump"
    rows = quotes_of(nlp, "On its official website, the FBI lists “public corruption as the FBI’s top criminal priority.”")
    assert find(rows, "public corruption", direct=True)["speaker_surface"] == "the FBI"


def test_find_reports_only_a_documents_words(nlp):
    # Washington Post, 16 Jan 2016 (PolNeAR train); the second sentence is made up as the contrast
    text = ("A 2014 House Intelligence Committee report found \"no evidence that there was either a stand down order or a "
            "denial of available air support.\"")
    row = find(quotes_of(nlp, text), "no evidence that", direct=True)
    assert row["cue"] == "find" and "report" in row["speaker_surface"]
    rows = quotes_of(nlp, "Bob found that the base was empty, and he went on to collect the hard drives.")
    assert not [r for r in rows if r["cue"] in {"find", "go on"}]


def test_a_participle_on_a_passive_clause_is_its_subjects_not_the_agents(nlp):
    # Politico, 25 Jul 2016 (PolNeAR train)
    text = ("Comedian Sarah Silverman was booed and shouted down by Bernie Sanders supporters after telling holdouts "
            "for the Vermont senator that they were “being ridiculous.”")
    row = find(quotes_of(nlp, text), "being ridiculous", direct=True)
    assert row["cue"] == "tell" and row["speaker_surface"] == "Comedian Sarah Silverman"


def test_a_quote_after_a_paraphrase_goes_on_with_its_reporter(nlp):
    # USA Today, 16 Aug 2016 (PolNeAR train): PolNeAR gives the quote to `She`
    text = ("\"We have bigger problems in life than focusing on somebody's gender,\" says Gloria Garcia, 34, a nurse "
            "from Brownsville, Texas, who was among those polled in a follow-up interview. She says people should be "
            "able to use the bathroom they prefer. \"It is their life; they are not hurting anybody, and we should be "
            "focusing more on what is actually more important, like terrorism and drug trafficking.\"")
    rows = _attributions(nlp, text)
    row = find(rows, "It is their life", direct=True)
    assert text[row["source_start"]:row["source_end"]] == "She" and row["speaker"] == "Gloria Garcia"


def test_interject_and_surmise_are_cues(nlp):
    # Politico, 25 Jul 2016; Washington Post, 28 Aug 2016 (PolNeAR train)
    rows = quotes_of(nlp, "Silverman interjected, “Ladies and gentlemen, Mr. Paul Simon,\" who proceeded to perform "
                          "\"Bridge Over Troubled Water.\"")
    assert find(rows, "Ladies and gentlemen", direct=True)["speaker"] == "Silverman"
    rows = quotes_of(nlp, "Her father, Brad, 39, worried that too many voters limit the news they read.\n\n\"People are "
                          "afraid of wasting their votes,\" he surmised.")
    row = find(rows, "People are afraid", direct=True)
    assert row["cue"] == "surmise" and row["speaker_surface"] == "he"


def test_a_possessive_after_the_verb_is_no_subject_and_a_relative_clause_no_other_clause(nlp):
    # Washington Post, 13 Jun 2016 (PolNeAR train): the parse hangs `called` on `campaign`
    text = ("Stuart Stevens, who served as Mitt Romney's chief strategist during the 2012 campaign, called Trump's "
            "statements and actions on Sunday \"childish.\"")
    row = find(quotes_of(nlp, text), "childish", direct=True)
    assert row["speaker_surface"] == "Stuart Stevens"


def test_a_nickname_given_with_call_is_the_callers_words(nlp):
    # West Journal, 3 Mar 2016 (PolNeAR train)
    text = ("Trump’s attempt not to engage in personal attacks during the debate did not last long, however. Within "
            "minutes, he called Rubio “Little Marco” multiple times.")
    row = find(quotes_of(nlp, text), "Little Marco", direct=True)
    assert row["kind"] == "direct" and row["cue"] == "call" and row["speaker_surface"] == "he"
    # a title next to `call` but not its object stays a title
    rows = quotes_of(nlp, "He called on Sunday’s “Meet the Press” for new sanctions.")
    assert find(rows, "Meet the Press", direct=True)["kind"] == "title"
