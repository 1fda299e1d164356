"""The corrections file on the sample: edits, rejections, acceptances and
additions land in the tables with their ``review`` status, bad lines are
reported line by line without stopping anything, orphans keep their sentence,
and applying the same file twice gives the same tables."""

from __future__ import annotations


import pandas as pd
import pytest

import toolkit
from toolkit.review.corrections import (
    CorrectionsError, append_corrections, apply_corrections, machine_state, read_corrections,
)

KURSK_TALKS = "001_63ddd932b3e87f54"  # reports the same 1,000-prisoner exchange twice
SUMY = "003_585b4e0ee30f5510"         # "Putin's army continues to sustain huge casualties on the battlefield"
KYIV_STRIKE = "000_305f33a29b9cb839"  # "the attack on Kyiv on June 17, which killed dozens"


def claim(corpus, article_id, surface):
    c = corpus.claims
    hit = c[(c["article_id"] == article_id) & (c["surface"] == surface)]
    assert len(hit), (article_id, surface)
    return hit.iloc[0]


def sentence_of(corpus, row):
    return corpus.sentence(row["article_id"], int(row["sent_id"]))


@pytest.fixture(scope="module")
def lines(annotated_sample):
    a = annotated_sample
    dozens = claim(a, KYIV_STRIKE, "dozens")
    first, second = a.claims[(a.claims["article_id"] == KURSK_TALKS) & (a.claims["surface"] == "1,000 prisoners")].iloc[:2].itertuples()
    swap = claim(a, "002_ddf357a4433b20bd", "up to 1,200 prisoners")
    peskov_quote = a.quotes[(a.quotes["article_id"] == KURSK_TALKS) & a.quotes["direct"].fillna(False)].iloc[0]
    text = a.articles.set_index("article_id").loc[SUMY, "text"]
    start = text.index("huge casualties")
    return pd.DataFrame([
        # the ministry's later figure replaces the vague word
        {"table": "claims", "row_id": dozens.row_id, "action": "edit", "field": "value", "value": "28", "reviewer": "ak"},
        {"table": "claims", "row_id": dozens.row_id, "action": "edit", "field": "value", "value": "24-30", "reviewer": "ak"},
        {"table": "claims", "row_id": first.row_id, "action": "accept", "reviewer": "ak"},
        # the same exchange counted twice in one article
        {"table": "claims", "row_id": second.row_id, "action": "reject", "note": "same exchange as above", "reviewer": "ak"},
        {"table": "claims", "row_id": swap.row_id, "action": "edit", "field": "side", "value": "each side", "reviewer": "ak"},
        {"table": "quotes", "row_id": peskov_quote.row_id, "action": "edit", "field": "speaker", "value": "Dmitry Peskov"},
        {"table": "claims", "action": "add", "article_id": SUMY, "start": start, "end": start + len("huge casualties"),
         "field": "category", "value": "casualties", "note": "no figure, but a claim the ledger should carry"},
        # line-level problems: each reported, none stops the others
        {"table": "claims", "row_id": dozens.row_id, "action": "edit", "field": "category", "value": "kiled"},
        {"table": "claims", "row_id": dozens.row_id, "action": "edit", "field": "value_low", "value": "many"},
        {"table": "claims", "row_id": dozens.row_id, "action": "edit", "field": "colour", "value": "red"},
        {"table": "claimz", "row_id": dozens.row_id, "action": "accept"},
        {"table": "claims", "row_id": dozens.row_id, "action": "approve"},
        {"table": "claims", "action": "add", "article_id": SUMY, "start": 10, "end": 10**6},
        # a row from an earlier version of an article's text
        {"table": "claims", "row_id": "c-00000000deadbeef", "action": "reject", "article_id": SUMY,
         "sentence": "An earlier version of the sentence."},
    ])


@pytest.fixture(scope="module")
def corrected(annotated_sample, lines):
    return apply_corrections(annotated_sample, lines)


def test_edits_accepts_and_rejects_land_with_their_review_status(annotated_sample, corrected):
    dozens = claim(corrected, KYIV_STRIKE, "dozens")
    assert (dozens["value_low"], dozens["value_high"]) == (24.0, 30.0)  # the later edit of the field wins
    assert dozens["review"] == "edited"
    assert "killed dozens" in sentence_of(corrected, dozens)
    kept = corrected.claims[(corrected.claims["article_id"] == KURSK_TALKS) & (corrected.claims["surface"] == "1,000 prisoners")]
    assert len(kept) == 1 and kept["review"].tolist() == ["accepted"]
    assert claim(corrected, "002_ddf357a4433b20bd", "up to 1,200 prisoners")["side_affected"] == "each side"
    # the machine's tables are untouched, rows nobody named stay "none"
    assert claim(annotated_sample, KYIV_STRIKE, "dozens")["value_low"] == 24.0
    untouched = corrected.claims[~corrected.claims["row_id"].isin(corrected.corrections["row_id"].dropna())]
    assert len(untouched) > 3 and set(untouched["review"]) == {"none"}
    assert str(corrected.claims["review"].dtype) == "category"


def test_a_rejected_row_leaves_its_table_and_stays_visible(annotated_sample, corrected):
    assert len(corrected.claims) == len(annotated_sample.claims)  # one rejected, one added
    rejected = corrected.rejected
    assert rejected[["table", "text", "note"]].values.tolist() == [["claims", "1,000 prisoners", "same exchange as above"]]
    assert rejected["row_id"].iloc[0] not in set(corrected.claims["row_id"])


def test_a_speaker_named_by_the_analyst_resolves_to_the_catalogue(corrected):
    q = corrected.quotes[corrected.quotes["review"] == "edited"]
    assert q[["speaker", "speaker_actor_id"]].values.tolist() == [["Dmitry Peskov", "peskov"]]


def test_an_added_claim_is_anchored_to_its_span_and_reads_like_the_others(corrected):
    added = corrected.claims[corrected.claims["review"] == "added"]
    assert len(added) == 1
    row = added.iloc[0]
    assert row["surface"] == "huge casualties" and row["category"] == "casualties"
    assert row["row_id"].startswith("c-")
    assert "sustain huge casualties on the battlefield" in sentence_of(corrected, row)
    assert row["claimant"] == "amedpost.com"  # the outlet, as for the machine's unattributed figures
    # in reading order among the article's claims
    sumy = corrected.claims[corrected.claims["article_id"] == SUMY]
    assert sumy["start"].is_monotonic_increasing


def test_every_bad_line_is_reported_with_its_line_number_and_the_rest_applies(corrected):
    status = corrected.corrections.set_index("line")
    invalid = status[status["status"] == "invalid"]
    assert list(invalid.index) == [9, 10, 11, 12, 13, 14]
    messages = invalid["message"].tolist()
    assert "did you mean 'killed'" in messages[0] and messages[0].startswith("line 9:")
    assert "must be a number" in messages[1]
    assert "no editable field 'colour'" in messages[2]
    assert "unknown table 'claimz'" in messages[3]
    assert "unknown action 'approve'" in messages[4]
    assert "outside the article" in messages[5]
    assert status.loc[2, "status"] == "superseded"  # line 3 edits the value again
    assert (status.loc[[3, 4, 5, 6, 7, 8], "status"] == "applied").all()
    assert corrected.meta["corrections"]["invalid"] == 6


def test_an_orphan_is_reported_with_its_sentence_never_dropped(corrected):
    orphan = corrected.corrections[corrected.corrections["status"] == "orphan"]
    assert orphan["line"].tolist() == [15]
    assert "text changed" in orphan["message"].iloc[0]
    assert orphan["sentence"].iloc[0] == "An earlier version of the sentence."
    from toolkit.review.status import corrections_summary

    text = "\n".join(corrections_summary(corrected))
    assert "ORPHAN line 15" in text and "An earlier version of the sentence." in text
    assert "claims: 4 of 11 figures reviewed, 2 corrected, 1 added, 1 rejected" in text


def test_applying_twice_gives_the_same_tables_and_the_machine_rows_come_back(annotated_sample, corrected, lines):
    again = apply_corrections(corrected, lines)
    for name in ("mentions", "quotes", "claims", "dates", "framing", "rejected", "corrections"):
        pd.testing.assert_frame_equal(getattr(again, name), getattr(corrected, name), obj=name)
    machine = machine_state(corrected)
    for name in ("mentions", "quotes", "claims", "dates", "framing"):
        pd.testing.assert_frame_equal(getattr(machine, name), getattr(annotated_sample, name), obj=name)


def test_saved_and_opened_with_the_corpus_and_kept_by_filter(corrected, tmp_path):
    corrected.save(tmp_path / "c")
    back = toolkit.open(tmp_path / "c")
    for name in ("claims", "rejected", "corrections"):
        pd.testing.assert_frame_equal(getattr(back, name), getattr(corrected, name), obj=name)
    only = back.filter(article_ids=[KURSK_TALKS])
    assert len(only.rejected) == 1
    assert set(only.corrections["article_id"].dropna()) == {KURSK_TALKS}


def test_a_file_that_is_not_a_corrections_file_is_reported_and_changes_nothing(annotated_sample, tmp_path):
    bad = tmp_path / "corrections.csv"
    bad.write_text("row,what\nc-1,reject\n", encoding="utf-8")
    with pytest.raises(CorrectionsError, match="line 1: the header lacks table, row_id, action"):
        read_corrections(bad)
    out = apply_corrections(annotated_sample, bad)
    assert out.corrections["status"].tolist() == ["invalid"]
    pd.testing.assert_frame_equal(out.claims, annotated_sample.claims)


def test_an_unquoted_comma_is_caught_on_its_line(annotated_sample, tmp_path):
    path = tmp_path / "corrections.csv"
    row = annotated_sample.claims["row_id"].iloc[0]
    path.write_text("table,row_id,action,field,value,note,reviewer,at\n"
                    f"claims,{row},reject,,,too vague, really,ak,\n", encoding="utf-8")
    out = apply_corrections(annotated_sample, path)
    assert out.corrections["status"].tolist() == ["invalid"]
    assert "more cells than the header" in out.corrections["message"].iloc[0]
    assert len(out.claims) == len(annotated_sample.claims)


def test_appending_writes_a_readable_file_that_round_trips(annotated_sample, tmp_path):
    path = tmp_path / "sub" / "corrections.csv"
    dozens = claim(annotated_sample, KYIV_STRIKE, "dozens")
    sentence = sentence_of(annotated_sample, dozens)
    append_corrections(path, [{"table": "claims", "row_id": dozens["row_id"], "action": "edit", "field": "value",
                               "value": "28", "sentence": sentence}])
    append_corrections(path, [{"table": "claims", "row_id": dozens["row_id"], "action": "accept"}])
    assert path.read_text(encoding="utf-8").splitlines()[0] == (
        "table,row_id,action,field,value,note,reviewer,at,article_id,start,end,span,sentence")
    back = read_corrections(path)
    assert back["line"].tolist() == [2, 3] and back["sentence"].iloc[0] == sentence
    assert not list(path.parent.glob("*.tmp"))


# -- the command line: corrections beside the articles, re-applied on every run -----------------

def test_cli_applies_the_folders_file_and_reports_orphans_after_the_text_changes(sample_copy, tmp_path, capsys):
    from toolkit.cli import main

    out, cache = tmp_path / "out", tmp_path / "cache"
    assert main(["annotate", str(sample_copy), "--out", str(out), "--cache-dir", str(cache), "--quiet"]) == 0
    first = toolkit.open(out)
    assert first.meta["corrections_path"] == str(sample_copy.resolve() / "corrections.csv")
    figure = claim(first, SUMY, "more than one million casualties (1,008,240)")
    dozens = claim(first, KYIV_STRIKE, "dozens")
    append_corrections(first.meta["corrections_path"], [
        {"table": "claims", "row_id": figure["row_id"], "action": "edit", "field": "category", "value": "killed",
         "article_id": SUMY, "sentence": sentence_of(first, figure)},
        {"table": "claims", "row_id": dozens["row_id"], "action": "edit", "field": "value", "value": "28",
         "article_id": KYIV_STRIKE, "sentence": sentence_of(first, dozens)},
    ])
    capsys.readouterr()
    assert main(["annotate", str(sample_copy), "--out", str(out), "--cache-dir", str(cache), "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert "corrections: 2 lines" in printed and "applied: 2" in printed
    second = toolkit.open(out)
    assert claim(second, SUMY, "more than one million casualties (1,008,240)")["review"] == "edited"
    assert len(second.articles) == 5  # the corrections file is not read as an article
    assert "review corrections file" in " ".join(second.load_report["reason"].dropna())

    # the Sumy article is edited under the correction: an orphan, reported with its old sentence
    path = sample_copy / f"{SUMY}.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("more than one million casualties",
                                                             "over a million casualties"), encoding="utf-8")
    assert main(["annotate", str(sample_copy), "--out", str(out), "--cache-dir", str(cache), "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert "ORPHAN line 2" in printed and "more than one million casualties (1,008,240)" in printed
    third = toolkit.open(out)
    assert third.corrections["status"].tolist() == ["orphan", "applied"]
    assert claim(third, KYIV_STRIKE, "dozens")["value_low"] == 28.0  # the other article's correction holds


def test_cli_corrections_option_names_another_file_and_a_missing_one_is_an_error(sample_copy, tmp_path, capsys, annotated_sample):
    from toolkit.cli import main

    elsewhere = tmp_path / "review" / "mine.csv"
    dozens = claim(annotated_sample, KYIV_STRIKE, "dozens")
    append_corrections(elsewhere, [{"table": "claims", "row_id": dozens["row_id"], "action": "reject"}])
    out = tmp_path / "out"
    assert main(["annotate", str(sample_copy), "--out", str(out), "--no-cache", "--quiet", "--corrections", str(elsewhere)]) == 0
    assert toolkit.open(out).rejected["row_id"].tolist() == [dozens["row_id"]]
    assert main(["annotate", str(sample_copy), "--out", str(out), "--no-cache", "--quiet", "--corrections",
                 str(tmp_path / "missing.csv")]) == 2
    assert "missing.csv" in capsys.readouterr().err


def test_reports_can_count_and_limit_to_reviewed_rows(corrected):
    from toolkit.review.status import reviewed_only, reviewed_rows, status_html

    assert str(toolkit.review.review_status(corrected, "claims")) == "4 of 11 figures reviewed, 2 corrected, 1 added, 1 rejected"
    only = reviewed_only(corrected)
    assert set(only.claims["review"]) == {"accepted", "edited", "added"} and len(only.claims) == 4
    assert len(only.quotes) == 1 and len(only.mentions) == len(corrected.mentions)
    note = status_html(corrected, reviewed_only=True)
    assert "Below: reviewed rows only." in note and "1 correction(s) no longer find their row" in note
    table = reviewed_rows(corrected, "claims")
    dozens = table[table["surface"] == "dozens"].iloc[0]
    assert dozens["changed"] == "value_high: 99 → 30" and dozens["review"] == "edited"
    assert "rejected" in set(table["review"]) and "killed dozens" in dozens["sentence"]


def test_a_hand_written_file_is_widened_not_misaligned_when_the_widget_appends(annotated_sample, tmp_path):
    path = tmp_path / "corrections.csv"
    dozens = claim(annotated_sample, KYIV_STRIKE, "dozens")
    path.write_text(f"table,row_id,action,field,value,note,reviewer,at\nclaims,{dozens['row_id']},accept,,,,ak,\n",
                    encoding="utf-8")
    append_corrections(path, [{"table": "claims", "row_id": dozens["row_id"], "action": "edit", "field": "value",
                               "value": "28", "article_id": KYIV_STRIKE, "span": "dozens"}])
    out = apply_corrections(annotated_sample, path)
    assert out.corrections["status"].tolist() == ["superseded", "applied"]  # the edit decides again
    assert claim(out, KYIV_STRIKE, "dozens")["value_low"] == 28.0
    assert read_corrections(path)["span"].fillna("").tolist() == ["", "dozens"]


def test_a_correction_follows_its_row_when_the_article_changes_elsewhere(sample_copy, tmp_path, annotated_sample):
    """The widget writes the span and its sentence: an edit elsewhere in the
    article re-anchors the correction; an edit of its own sentence orphans it."""
    import toolkit
    from toolkit.review.queue import ReviewQueue

    q = ReviewQueue(annotated_sample, "claims", path=sample_copy / "corrections.csv", reviewer="ak")
    q.refilter(outlet="amedpost.com")
    at_least = q.current()
    assert at_least["surface"] == "at least 28 people"
    q.edit(value="31")  # a later toll
    over = q.current()
    assert over["surface"] == "over 100 people"
    q.reject()
    path = sample_copy / f"{SUMY}.txt"
    text = path.read_text(encoding="utf-8")
    # the sentence before both claims' sentence changes length; then the claims' own sentence is edited
    assert "Vladimir Putin has said he is ready" in text
    path.write_text(text.replace("Vladimir Putin has said he is ready", "Vladimir Putin said on Friday he is ready"),
                    encoding="utf-8")
    moved = toolkit.annotate(sample_copy, cache_dir=None, progress=False)
    lines = moved.corrections
    assert lines["status"].tolist() == ["applied", "applied"]
    assert lines["message"].str.startswith("re-anchored to c-").all()
    figure = claim(moved, SUMY, "at least 28 people")
    assert (figure["value_low"], figure["review"]) == (31.0, "edited")
    assert figure["row_id"] != at_least["row_id"]  # a new text, a new id; the correction followed it
    assert "over 100 people" in set(moved.rejected["text"])

    path.write_text(path.read_text(encoding="utf-8").replace("left at least 28 people dead", "left at least 31 people dead"),
                    encoding="utf-8")
    orphaned = toolkit.annotate(sample_copy, cache_dir=None, progress=False)
    assert orphaned.corrections["status"].tolist() == ["orphan", "orphan"]  # their sentence changed
