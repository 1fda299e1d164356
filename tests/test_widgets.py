"""The widget explorers on the annotated sample: each filter narrows the
rows the way its label says, and the sentence viewer shows the source
sentence, escaped, with the matched span highlighted."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit import widgets
from toolkit.corpus import AnnotatedCorpus
from helpers import ensure_annotated_hostile, ensure_annotated_sample


@pytest.fixture(scope="session")
def sample(tmp_path_factory) -> AnnotatedCorpus:
    return AnnotatedCorpus.open(ensure_annotated_sample(tmp_path_factory.getbasetemp() / "annotated_sample"))


def test_actor_picker_keeps_that_actors_mentions_and_highlights_them(sample):
    explorer = widgets.actor_explorer(sample)
    everything = len(explorer.selection())
    explorer.actor.value = "Vladimir Putin"
    rows = explorer.selection()
    assert 0 < len(rows) < everything
    assert set(rows["name"]) == {"Vladimir Putin"}
    html = explorer.sentences_html.value
    marked = [part.split("</mark>")[0] for part in html.split("<mark>")[1:]]
    assert marked and all("Putin" in m or m.lower().startswith(("the ", "president", "russian")) for m in marked)
    assert f"{len(rows):,} of {everything:,} mentions rows" in explorer.status.value


def test_outlet_and_date_filters_narrow_to_one_article(sample):
    explorer = widgets.Explorer(sample, "quotes")
    explorer.outlets.value = ("Kyiv Post",)
    assert set(explorer.selection()["outlet"]) == {"Kyiv Post"}
    explorer.outlets.value = tuple(explorer.outlets.options)
    day = pd.Timestamp("2025-06-27")  # The Kyiv Independent's article
    explorer.dates.value = (day, day)
    rows = explorer.selection()
    assert len(rows) and set(rows["outlet"]) == {"The Kyiv Independent"}


def test_category_filter_and_sentence_view_for_claims(sample):
    explorer = widgets.claims_explorer(sample)
    assert len(explorer.selection()), "the sample reports casualty figures"
    category = explorer.category.options[1]
    explorer.category.value = category
    rows = explorer.selection()
    assert set(rows["category"]) == {category}
    first = rows.iloc[0]
    assert sample.articles.set_index("article_id").loc[first["article_id"], "text"][first["start"]:first["end"]] \
        in explorer.sentences_html.value.split("<mark>")[1]


def test_actor_picker_on_dates_keeps_sentences_naming_the_actor(sample):
    explorer = widgets.dates_explorer(sample)
    explorer.actor.value = "Volodymyr Zelensky"
    mentioned = sample.mentions[sample.mentions["actor"] == "Volodymyr Zelensky"]
    pairs = set(zip(mentioned["article_id"], mentioned["sent_id"]))
    rows = explorer.selection()
    assert len(rows) and all((a, s) in pairs for a, s in zip(rows["article_id"], rows["sent_id"]))


def test_highlight_escapes_and_marks_by_offsets():
    sentence = 'Officials said <script>alert(1)</script> 12 were killed.'
    start = 1000  # the sentence starts at character 1000 of the article
    a = start + sentence.index("12 were killed")
    out = widgets.highlight(sentence, start, a, a + len("12 were killed"))
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<mark>12 were killed</mark>" in out
    # a span outside the sentence leaves it unmarked rather than cutting it
    assert "<mark>" not in widgets.highlight(sentence, start, 5, 9)


def test_hostile_article_text_is_escaped_in_every_widget_view(tmp_path_factory):
    corpus = AnnotatedCorpus.open(ensure_annotated_hostile(tmp_path_factory.getbasetemp() / "hostile"))
    explorer = widgets.Explorer(corpus, "mentions")
    explorer.outlets.value = ("Hostile <i>Outlet</i>",)
    views = explorer.sentences_html.value + explorer.table_html.value
    assert "&lt;script&gt;window.__xss" in views or "&lt;img src=x" in views
    assert "<script>" not in views and "<img" not in views and "<i>Outlet" not in views
