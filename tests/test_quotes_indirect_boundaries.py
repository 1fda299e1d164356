"""Where a reported clause ends (session 7, lane 13d): a coordinated verb that
cannot share the clause's auxiliary is the reporter's act. Real sentences
from ru_ua_2022 (read by hand, seeds 2042 and 2043)."""

from __future__ import annotations

from test_quotes_support import find, quotes_of


def test_a_past_verb_that_cannot_share_would_is_the_reporters(nlp):
    # New York Times, 2022 (ru_ua_2022): `lobbed` is what Rogozin did, not what he said
    text = ("This week, after the European Space Agency formally pulled out of a collaboration with Russia on sending a "
            "robotic rover to Mars, Mr. Rogozin said Russian astronauts on the space station would stop using a robotic "
            "arm built by the Europeans and lobbed disparaging words at Josef Aschbacher, the director general of the "
            "European Space agency.")
    row = find(quotes_of(nlp, text), "Russian astronauts", direct=False)
    assert row["text"].endswith("built by the Europeans")


def test_a_past_verb_after_had_may_be_the_reported_clauses_own(nlp):
    # guard. The Guardian, Feb 2022 (war gold, tune split): `risked` is what the agencies reported
    text = ("The news came as western agencies reported that Russia had suffered heavy military losses in Ukraine and "
            "risked getting further bogged down in the strategically important east.")
    row = find(quotes_of(nlp, text), "Russia had suffered", direct=False)
    assert "risked getting further bogged down" in row["text"]


def test_verbs_that_share_the_auxiliary_stay_in_the_clause(nlp):
    # guards: `regrouped` fits `had`, `fight` fits `would`
    row = find(quotes_of(nlp, "She said the army had withdrawn and regrouped near the city."), "the army", direct=False)
    assert row["text"] == "the army had withdrawn and regrouped near the city"
    row = find(quotes_of(nlp, "He said the troops would stay and fight."), "the troops", direct=False)
    assert row["text"] == "the troops would stay and fight"


def test_a_coordinated_verb_with_its_own_auxiliary_or_inside_a_quote_stays(nlp):
    # guards. The Guardian and NYT, 2022 (ru_ua_2022)
    text = ("During talks, Blinken and Austin told Ukraine’s president, Volodymyr Zelenskiy, that the US would provide "
            "more than $300m (£235m) in military financing and had approved a $165m sale of ammunition, bringing total "
            "US security assistance since the invasion to about $3.7bn.")
    row = find(quotes_of(nlp, text), "the US would provide", direct=False)
    assert "had approved a $165m sale of ammunition" in row["text"]
    text = ("Martin Österdahl, Eurovision’s executive supervisor, said in a statement on Monday that the 2023 contest "
            "“will showcase the creativity and skill of one of Europe’s most experienced public broadcasters whilst "
            "ensuring this year’s winners, Ukraine, are celebrated and represented throughout the event.”")
    row = find(quotes_of(nlp, text), "the 2023 contest", direct=False)
    assert row["kind"] == "mixed" and "represented throughout the event" in row["text"]
