"""The date grammar's keyword pre-filter (``toolkit.dates.keywords``) finds exactly
what a scan of the whole text finds, on real sentences at its edges.

Each test compares the pre-filtered matches of every rule with
``rule.pattern.finditer`` over the same text (the grammar before the
pre-filter), and checks that the sentence really exercises the edge it is
about, so that a pre-filter that dropped or cut the match would fail.
"""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import dates_of

from toolkit.dates.extract import leftmost_longest, select_matches
from toolkit.dates.keywords import Keys, TextScan, lead_start, pattern_words, rule_matches
from toolkit.dates.rules import cached_rules

#: real sentences (quoted from the sample articles, ru_ua_2022 and guardian_feb2022)
#: at the pre-filter's edges
ODESA = ("But the world is watching to see if Russia sticks to its side of the bargain, after an attack "
         "on the port of Odesa a week ago.")  # ru_ua_2022: a match that starts inside "Odesa" ("a a week ago")
SYRIA = ("whose conservative government’s welcoming stance has contrasted starkly to its reluctance to take "
         "in those fleeing the war in Syria six years ago.")  # guardian_feb2022: starts inside "Syria"
LE_PEN = "But Le Pen’s score was also higher than five years ago."  # ru_ua_2022: starts inside "than"
PUTIN = "Putin spoke for just under four and a half hours."  # sample 004: six words before the unit
GIRKIN = ("Girkin warned on his Telegram channel that Russian air defence systems were proving “ineffective "
          "against” strikes by Himars missiles, and claimed that over the past five to seven days, “more "
          "than 10” ammunition and logistics stores had been hit.")  # ru_ua_2022
KONIGSWINTER = ("KÖNIGSWINTER, Germany — The Group of 7 economic powers agreed on Friday to provide nearly "
                "$20 billion to support Ukraine’s economy over the coming months.")  # ru_ua_2022, text start
OVER_FIVE_DAYS = ("Over five days, the leaders of the G7 and Nato shifted from the pastoral backdrop of the "
                  "Bavarian Alps to the more prosaic plains of Madrid")  # guardian_feb2022, text start
KULEBA = ("Taking a Ukrainian flag away from peaceful protestors is an attack on everyone who now defends "
          "Europe and Germany from Russian aggression with this flag in hands. — Dmytro Kuleba "
          "(@DmytroKuleba) May 8, 2022")  # ru_ua_2022: the article's last characters
KALIN = ("The details were finalised after Erdoğan met Russia’s president in Tehran earlier this week, "
         "officials in Ankara said.\n\nİbrahim Kalın, a spokesperson for Erdoğan, said the arrangement would "
         "be “critical for global grain security”.")  # ru_ua_2022: "İ" lower-cases to two characters
EDGE_TEXTS = [ODESA, SYRIA, LE_PEN, PUTIN, GIRKIN, KONIGSWINTER, OVER_FIVE_DAYS, KULEBA, KALIN]


def full_scan(text: str, rule) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)]


def gated(text: str, rule, scan: TextScan | None = None) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in rule_matches(rule.pattern, rule.keys, scan or TextScan(text))]


def surfaces(text: str) -> list[str]:
    return [text[start:end] for start, end, _, _ in select_matches(text, cached_rules())]


def test_every_rule_declares_keys():
    """A rule without keys is scanned whole (correct but slow): none should be left."""
    assert [r.name for r in cached_rules() if r.keys is None] == []


@pytest.mark.parametrize("text", EDGE_TEXTS, ids=lambda t: t[:24])
def test_edge_sentences_match_as_a_full_scan(text):
    scan = TextScan(text)
    for rule in cached_rules():
        assert gated(text, rule, scan) == full_scan(text, rule), rule.name


def test_sample_articles_match_as_a_full_scan(sample_dir):
    paths = sorted(sample_dir.glob("*.txt"))
    assert len(paths) >= 5
    found = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        scan = TextScan(text)
        for rule in cached_rules():
            expected = full_scan(text, rule)
            assert gated(text, rule, scan) == expected, (path.name, rule.name)
            found += len(expected)
    assert found > 40  # 46 matches in the five articles: the comparison is not vacuous


@pytest.mark.parametrize("text, word", [(ODESA, "Odesa"), (SYRIA, "Syria"), (LE_PEN, "than")])
def test_a_match_starting_inside_a_word_is_kept(text, word):
    """The grammar has no word boundary before an amount, so "Odesa a week ago"
    also matches from the last letter of "Odesa"; the walk back from the unit
    must not stop at the start of "a"."""
    inside = range(text.index(word) + 1, text.index(word) + len(word))
    ago = next(r for r in cached_rules() if r.name == "ago")
    starts = [span[0] for span, _ in gated(text, ago)]
    assert any(s in inside for s in starts)
    assert gated(text, ago) == full_scan(text, ago)
    unit = text.index(" years" if "years" in text else " week") + 1
    assert lead_start(text, unit, pattern_words(ago.pattern)) <= text.index(word)


def test_a_long_opening_before_the_keyword_is_kept(nlp):
    """Six words before the unit ("just under four and a half hours"); the
    window must reach back to "just", or the modifier would be lost."""
    assert "just under four and a half hours" in surfaces(PUTIN)
    assert "over the past five to seven days" in surfaces(GIRKIN)
    [row] = [r for r in dates_of(nlp, PUTIN, dt.date(2024, 12, 19)) if "hours" in r["surface"]]
    assert (row["value"], row["modifier"]) == ("PT4H30M", "LESS_THAN")


def test_case_variants_and_the_text_edges():
    # upper case, inside a longer word with a letter outside ASCII (the season rule has no \b)
    assert "WINTER" in surfaces(KONIGSWINTER)
    assert "Friday" in surfaces(KONIGSWINTER)
    # a capitalised opening at the very first character
    assert surfaces(OVER_FIVE_DAYS)[0] == "Over five days"
    assert select_matches(OVER_FIVE_DAYS, cached_rules())[0][0] == 0
    # a date ending at the very last character
    last = select_matches(KULEBA, cached_rules())[-1]
    assert (KULEBA[last[0]:last[1]], last[1]) == ("May 8, 2022", len(KULEBA))


def test_text_whose_lower_case_is_longer_is_scanned_whole():
    """"İ".lower() is two characters; offsets in the lower-cased text would
    shift, so case-insensitive rules fall back to the full scan there."""
    scan = TextScan(KALIN)
    assert scan.lowered is None
    assert scan.key_spans(Keys(("week",))) is None
    assert "earlier this week" in surfaces(KALIN)


def test_letters_regex_ignorecase_folds_onto_ascii():
    """``re.IGNORECASE`` equates "ſ" (long s) with "s"; the lower-cased text
    the keywords are searched in does the same (the sentence, its unit typed
    with a long s)."""
    text = LE_PEN.replace("five years", "five ſeconds")
    ago = next(r for r in cached_rules() if r.name == "ago")
    assert full_scan(text, ago)
    assert gated(text, ago) == full_scan(text, ago)


@pytest.mark.parametrize("phrase", ["just under four and a half hours", "over the past five to seven days",
                                    "earlier this week", "a week ago", "May 8, 2022", "the coming months",
                                    "Over five days"])
def test_normalise_text_reads_the_same_longest_match(phrase):
    """``normalise_text`` (a string, no Doc) runs the rules through the pre-filter too."""
    from toolkit.dates import normalise_text

    anchor = dt.date(2022, 7, 29)
    best = None
    for rule in cached_rules():
        for m in rule.pattern.finditer(phrase):
            if best is None or m.end() - m.start() > best[0]:
                best = (m.end() - m.start(), rule, m)
    assert best is not None
    assert normalise_text(phrase, anchor) == best[1].build(best[2], anchor, None)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

#: the words the rules are made of (lexicon words, month and weekday names, units), words
#: that end in one of them ("Odesa", "than", "nightfall") and other text, cased three ways
#: and with a plural "s"; the units whose pattern glues two parts ("centur" + "y")
_WORDS = sorted({w for r in cached_rules() for w in pattern_words(r.pattern) if len(w) > 1}
                | {"century", "centuries", "Odesa", "than", "data", "nightfall", "KÖNIGSWINTER", "İbrahim",
                   "Mariupol", "said", "troops"})
_TOKENS = st.one_of(
    st.sampled_from(_WORDS).flatmap(lambda w: st.sampled_from([w, w.capitalize(), w.upper(), w + "s"])),
    st.sampled_from(["January", "May", "Sept.", "Oct", "Monday", "Fri.", "Q3", "'90s", "1990s", "21st"]),
    st.from_regex(r"\d{1,4}(?:[.,/]\d{1,4})?", fullmatch=True),
)
_GAPS = st.sampled_from([" ", " ", " ", "  ", "-", " – ", ", ", ". ", "\n", "’s ", "'", "/", " (", "”, ", ""])


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(st.tuples(_TOKENS, _GAPS), min_size=1, max_size=14))
def test_fuzzed_date_text_matches_as_a_full_scan(parts):
    """Random runs of the grammar's own words, names, numbers and punctuation: for
    every rule the pre-filtered matches are those of a full scan."""
    text = "".join(token + gap for token, gap in parts)
    scan = TextScan(text)
    for rule in cached_rules():
        assert gated(text, rule, scan) == full_scan(text, rule), (rule.name, text)
    assert surfaces(text) == [text[s:e] for s, e, _, _ in _reference_selection(text)]


def _reference_selection(text: str):
    """``select_matches`` as it was before the pre-filter: every rule over the whole text."""
    return leftmost_longest(cached_rules(), lambda rule: rule.pattern.finditer(text))
