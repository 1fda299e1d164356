"""The review queue and widget without a browser: what each decision writes
to the corrections file, and that applying the file gives the tables the
widget showed (the live JupyterLab round trip is in test_review_jupyterlab.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.review.corrections import apply_corrections, read_corrections
from toolkit.review.queue import ORDERS, ReviewQueue


@pytest.fixture
def path(tmp_path):
    return tmp_path / "corrections.csv"


def test_decisions_are_written_as_you_go_and_apply_to_the_same_tables(annotated_sample, path):
    q = ReviewQueue(annotated_sample, "claims", path=path, reviewer="ak")
    assert q.status() == "0 of 11 figures reviewed, 0 corrected"
    first = q.current()
    assert first["surface"] == "dozens" and "which killed dozens" in first["sentence"]
    assert q.accept() == "accepted"
    assert len(read_corrections(path)) == 1  # on disk at once
    second = q.current()
    assert q.edit(value="900-1,000", category="prisoners", side="each side") == "edited value → 900-1,000, side → each side"
    third = q.current()
    assert q.reject() == "rejected"
    assert q.status() == "2 of 10 figures reviewed, 1 corrected, 1 rejected"

    lines = read_corrections(path)
    assert lines[["action", "field", "value"]].fillna("").values.tolist() == [
        ["accept", "", ""], ["edit", "value", "900-1,000"], ["edit", "side", "each side"], ["reject", "", ""]]
    assert set(lines["reviewer"]) == {"ak"} and lines["at"].str.match(r"\d{4}-\d\d-\d\dT").all()
    assert lines["sentence"].iloc[0] == first["sentence"].strip()

    applied = apply_corrections(annotated_sample, path)
    assert set(applied.corrections["status"]) == {"applied"}
    by_id = applied.claims.set_index("row_id")
    assert by_id.loc[first["row_id"], "review"] == "accepted"
    assert (by_id.loc[second["row_id"], ["value_low", "value_high", "side_affected", "review"]].tolist()
            == [900.0, 1000.0, "each side", "edited"])
    assert applied.rejected["row_id"].tolist() == [third["row_id"]]


def test_a_value_the_file_would_refuse_is_refused_and_nothing_is_written(annotated_sample, path):
    q = ReviewQueue(annotated_sample, "claims", path=path)
    with pytest.raises(ValueError, match="did you mean 'killed'"):
        q.edit(category="kiled")
    with pytest.raises(ValueError, match="not a number"):
        q.edit(value="lots")
    assert not path.exists()
    assert q.current()["surface"] == "dozens"  # still on the same row


def test_filters_outlet_unreviewed_and_lowest_confidence_first(annotated_sample, path):
    q = ReviewQueue(annotated_sample, "claims", path=path)
    q.refilter(outlet="amedpost.com")
    assert {q.rows.loc[i, "outlet"] for i in q.view} == {"amedpost.com"} and len(q.view) == 4
    q.refilter(outlet="(all outlets)", order=ORDERS[1])
    confidences = [q.rows.loc[i, "confidence"] for i in q.view]
    assert confidences == sorted(confidences) and confidences[0] < confidences[-1]
    weakest = q.current()
    q.accept()
    q.refilter(unreviewed_only=True)
    assert weakest["row_id"] not in {q.rows.loc[i, "row_id"] for i in q.view} and len(q.view) == 10


def test_quotes_speaker_edit_resolves_the_catalogue_actor(annotated_sample, path):
    q = ReviewQueue(annotated_sample, "quotes", path=path)
    row = q.current()
    q.edit(speaker="Dmitry Peskov")
    applied = apply_corrections(annotated_sample, path)
    quote = applied.quotes.set_index("row_id").loc[row["row_id"]]
    assert (quote["speaker"], quote["speaker_actor_id"], quote["review"]) == ("Dmitry Peskov", "peskov", "edited")


def test_a_rejected_row_stays_in_the_queue_so_it_can_be_taken_back(annotated_sample, path):
    q = ReviewQueue(annotated_sample, "claims", path=path)
    rid = q.current()["row_id"]
    q.reject()
    rejected = apply_corrections(annotated_sample, path)
    again = ReviewQueue(rejected, "claims", path=path)
    assert again.rows.set_index("row_id").loc[rid, "review"] == "rejected"
    again.refilter()
    assert again.current()["row_id"] == rid
    again.accept()
    back = apply_corrections(annotated_sample, path)
    assert rid in set(back.claims["row_id"]) and back.rejected.empty


def test_the_widget_handles_the_cards_messages(annotated_sample, path):
    from toolkit.review.widget import review

    w = review(annotated_sample, "claims", path=path)
    row = w.card.row
    assert row["span"] == "dozens" and row["before"].endswith("which killed ")
    assert w.card.status == "0 of 11 figures reviewed, 0 corrected"
    assert any("vague quantity" in e for e in row["evidence"])
    w._on_message(w.card, {"action": "edit", "fields": {"value": "28", "category": "killed", "side": "Ukraine",
                                                         "claimant": row["fields"]["claimant"]}}, [])
    assert w.card.message == "edited value → 28"
    assert w.card.row["position"] == 2
    w._on_message(w.card, {"action": "prev"}, [])
    assert w.card.row["review"] == "edited" and w.card.row["fields"]["value"] == "28"
    w._on_message(w.card, {"action": "edit", "fields": {"category": "kiled"}}, [])
    assert w.card.message.startswith("not saved:")
    assert len(pd.read_csv(path)) == 1


def test_the_card_never_parses_article_text_as_markup():
    """The card sets article text with textContent / text nodes only: no
    innerHTML, outerHTML, insertAdjacentHTML or document.write anywhere in its module."""
    from pathlib import Path

    import toolkit.review.widget as module

    source = Path(module.__file__).with_name("widget.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in source, sink
    assert "textContent" in source and "createTextNode" in source


def test_hostile_article_text_reaches_the_card_as_plain_strings(tmp_path):
    """The hostile sample's script tags arrive in the card's payload verbatim
    (the card shows them as text), and the file keeps them verbatim too."""
    import toolkit
    from toolkit.review.widget import review
    from helpers import write_hostile_sample

    folder = write_hostile_sample(tmp_path / "hostile")
    corpus = toolkit.annotate(folder, cache_dir=None, progress=False)
    w = review(corpus, "claims", path=tmp_path / "corrections.csv")
    w.queue.refilter(outlet="Hostile <i>Outlet</i>")
    w._draw("")
    row = w.card.row
    assert row["outlet"] == "Hostile <i>Outlet</i>" and "<script>" in row["title"]
    shown = row["before"] + row["span"] + row["after"]
    assert "<script>window.__xss='text'</script>" in shown and "12 people" in row["span"]
    w._on_message(w.card, {"action": "accept"}, [])
    assert "<script>window.__xss='text'</script>" in read_corrections(tmp_path / "corrections.csv")["sentence"].iloc[0]
