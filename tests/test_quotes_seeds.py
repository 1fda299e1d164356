"""Quotes on the five seed articles: the right text, cue and speaker."""

from __future__ import annotations

import pytest

from toolkit.schema import SCHEMAS, frame
from test_quotes_support import find, quotes_of


@pytest.fixture(scope="module")
def seeds(nlp, sample_dir):
    out = {}
    for path in sorted(sample_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[path.name[:3]] = (text, quotes_of(nlp, text, path.stem))
    return out


def test_rows_match_the_schema_and_point_into_the_text(seeds):
    for key, (text, rows) in seeds.items():
        assert rows, key
        df = frame("quotes", rows)
        assert list(df.columns) == list(SCHEMAS["quotes"])
        for r in rows:
            assert r["text"] == text[r["start"]:r["end"]]
            assert r["sent_id"] is not None and r["sent_id"] >= 0
            if r["cue"] is not None:
                # the offsets cover the cue word as written ("told" for tell, "according to")
                assert text[r["cue_start"]:r["cue_end"]].lower()[0] == r["cue"][0]


def test_002_straight_quote_speaker_after(seeds):
    row = find(seeds["002"][1], "In general, we are ready", direct=True)
    assert row["direct"] is True
    assert (row["cue"], row["speaker_actor_id"], row["speaker"]) == ("say", "putin", "Vladimir Putin")
    assert row["text"].endswith("coordinate the place and time")  # the frame's comma is not quoted


def test_003_colon_introduced_multi_paragraph_quote_with_pronoun_speaker(seeds):
    text, rows = seeds["003"]
    row = find(rows, "I am ready to meet with everyone")
    assert (row["cue"], row["speaker_actor_id"], row["speaker_surface"]) == ("tell", "putin", "He")
    # the quote runs on into the next paragraph's opening mark
    assert "We don’t care who negotiates" in row["text"]
    assert text[row["cue_start"]:row["cue_end"]] == "told"


def test_001_speaker_before_quote(seeds):
    row = find(seeds["001"][1], "President Putin personally supports")
    assert row["direct"] and row["cue"] == "say" and row["speaker_actor_id"] == "peskov"


def test_001_pronoun_skips_people_named_inside_the_quote(seeds):
    # the sentence before names Zelenskyy and Trump inside Peskov's quote
    row = find(seeds["001"][1], "the Kremlin hopes the second round", direct=False)
    assert row["direct"] is False
    assert (row["cue"], row["speaker_actor_id"], row["speaker_surface"]) == ("add", "peskov", "He")


def test_004_quote_then_speaker(seeds):
    rows = [r for r in seeds["004"][1] if r["text"].startswith("If we ever have a meeting")]
    assert len(rows) == 2  # the article repeats the quote
    assert all(r["speaker_actor_id"] == "putin" and r["cue"] == "say" for r in rows)


def test_004_participle_cue_borrows_the_subject(seeds):
    row = find(seeds["004"][1], "People are dying")
    assert (row["cue"], row["speaker_actor_id"]) == ("say", "zelensky")
    assert "‘interesting’" in row["text"]  # the nested single quote stays inside


def test_000_indirect_contend(seeds):
    row = find(seeds["000"][1], "the targeting was aimed at weapons factories", direct=False)
    assert row["direct"] is False
    assert (row["cue"], row["speaker_actor_id"]) == ("contend", "putin")


def test_003_according_to(seeds):
    text, rows = seeds["003"]
    row = find(rows, "the number of attacks has decreased")
    assert row["cue"] == "according to" and row["speaker"] == "Andriy Demchenko"
    assert text[row["cue_start"]:row["cue_end"]] == "according to"
    # and the next sentence's "He suggested" is Demchenko, the previous source
    follow = find(rows, "the reason for this was most likely")
    assert follow["speaker"] == "Andriy Demchenko" and follow["speaker_surface"] == "He"


def test_003_partial_quote_inside_reported_clause(seeds):
    row = find(seeds["003"][1], "very angry", direct=True)
    assert row["direct"] and row["text"] == "very angry"
    assert (row["cue"], row["speaker_actor_id"]) == ("say", "trump")


def test_000_scare_quote_governed_by_a_cue_keeps_the_speaker(seeds):
    row = find(seeds["000"][1], "demilitarization", direct=True)
    assert row["direct"] and row["speaker_actor_id"] == "putin" and row["cue"] == "describe"


def test_001_quoting_names_the_original_speaker(seeds):
    row = find(seeds["001"][1], "such talks would require specific and productive progress")
    assert row["cue"] == "report" and row["speaker_actor_id"] == "peskov"


def test_004_headline_quote_is_kept_without_a_speaker(seeds):
    row = find(seeds["004"][1], "Welcome Donald")
    assert row["direct"] and row["cue"] is None and row["speaker"] is None


def test_004_cue_less_follow_up_quote_continues_the_speaker(seeds):
    row = find(seeds["004"][1], "And we will launch an Oreshnik strike")
    assert row["cue"] is None and row["speaker_actor_id"] == "putin"


def test_000_participle_inside_a_reported_clause_belongs_to_the_reporter(seeds):
    # "He emphasized that Russia seeks a “peaceful end” to the conflict, urging Kyiv not to delay"
    [row] = [r for r in seeds["000"][1] if r["text"] == "Kyiv not to delay"]
    assert (row["direct"], row["cue"], row["speaker_actor_id"]) == (False, "urge", "putin")
    lies = find(seeds["000"][1], "incredible lies", direct=True)
    assert (lies["cue"], lies["speaker_actor_id"]) == ("dismiss", "putin")
