"""unknown_actors(corpus): uncatalogued actors ranked for the analyst."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from helpers import corpus_of

from toolkit import schema
from toolkit.actors import unknown_actors
from toolkit.corpus import AnnotatedCorpus

EXTRA = {
    # a second article naming Demchenko by surname only, and Farrell in full
    "x01": ("Kyiv Post", "Demchenko said Russian units were regrouping near the border. "
                         "Francis Farrell reported from Kharkiv."),
    "x02": ("Kyiv Post", "The Kyiv Independent's Francis Farrell explained the new drones."),
    # NYT, July 2022 (ru_ua_2022 rows 151 and 160): two articles, one naming
    # Bryan Young in full, the other only "Mr. Young"
    "x04": ("The New York Times", "Bryan Young feared for his adopted homeland, his partner said."),
    "x05": ("The New York Times", "Mr. Young’s family did not immediately respond to messages and calls on Sunday."),
    # Guardian, 2022 (ru_ua_2022): the title gives the side
    "x03": ("The Guardian", "The Russian presidential aide Sergey Kiriyenko said on Thursday that Putin planned to "
                            "visit the region. Kiriyenko did not give a date."),
}


@pytest.fixture(scope="module")
def corpus(nlp, sample_dir: Path) -> AnnotatedCorpus:
    """The seed articles plus EXTRA, sentences and mentions from the real chain
    (before the corpus-level person unification, which is what unknown_actors
    itself is checked against here)."""
    meta = pd.read_csv(sample_dir / "metadata.csv")
    items = [(r.file[:3], r.outlet, (sample_dir / r.file).read_text(encoding="utf-8"), r.published) for r in meta.itertuples()]
    items += [(aid, outlet, text, "2025-06-28") for aid, (outlet, text) in EXTRA.items()]
    articles = [{"article_id": aid, "outlet": outlet, "published": published, "text": text}
                for aid, outlet, text, published in items]
    return corpus_of(nlp, articles, tables=("sentences", "mentions"), corpus_steps=False)


def test_unknown_people_ranked_with_evidence(corpus):
    table = unknown_actors(corpus, kinds=("person",))
    rows = table.set_index("actor_id")
    assert "putin" not in rows.index and "zelensky" not in rows.index  # catalogued actors are not listed
    farrell = rows.loc["per:francis_farrell"]
    assert farrell["n_articles"] == 3 and farrell["n_mentions"] == 3
    assert farrell["outlets"] == ["Kyiv Post", "The Kyiv Independent"]
    assert "Francis Farrell" in farrell["example"]
    # ranked: Farrell (3 articles) first, then by articles, mentions
    assert list(table["actor_id"])[0] == "per:francis_farrell"
    assert table["n_articles"].is_monotonic_decreasing


def test_a_surname_never_takes_a_namesakes_id_from_another_article(corpus):
    """Issue 13: "Mr. Young" (x05) is not merged into Bryan Young (x04), nor
    "Demchenko" (x01) into the seed article's Andriy Demchenko; the surname's
    row names them as namesakes for the analyst to decide."""
    rows = unknown_actors(corpus).set_index("actor_id")
    young = rows.loc["per:young"]
    assert young["namesakes"] == ["per:bryan_young"] and young["n_articles"] == 1
    assert rows.loc["per:bryan_young", "surfaces"] == ["Bryan Young"]
    assert rows.loc["per:bryan_young", "namesakes"] == []
    dem = rows.loc["per:demchenko"]
    assert dem["namesakes"] == ["per:andriy_demchenko"] and dem["surfaces"] == ["Demchenko"]
    assert "Demchenko" not in rows.loc["per:andriy_demchenko", "surfaces"]
    assert rows.loc["per:andriy_demchenko", "kind"] == "person"


def test_kinds_filter_and_empty_result(corpus):
    places = unknown_actors(corpus, kinds=("place",))
    assert set(places["kind"]) <= {"place"}
    assert unknown_actors(corpus, kinds=("person",), min_mentions=100).empty
    empty = AnnotatedCorpus(articles=schema.frame("articles"))
    assert list(unknown_actors(empty).columns) == ["actor_id", "name", "kind", "side", "surfaces", "namesakes",
                                                   "n_articles", "n_mentions", "outlets", "example",
                                                   "example_article_id"]


def test_unify_person_ids_never_folds_across_articles_by_default(corpus):
    from toolkit.actors import unify_person_ids

    unified = unify_person_ids(corpus.mentions)
    assert unified["actor_id"].equals(corpus.mentions["actor_id"])  # x01 never names Demchenko in full
    assert "per:demchenko" in set(unified.loc[unified["article_id"] == "x01", "actor_id"])


def test_unify_person_ids_folds_a_surname_into_the_full_name_of_the_same_article(nlp):
    """Within one article the surname is the person named in full (NYT, ru_ua_2022 row 151)."""
    from toolkit.actors import unify_person_ids

    text = ("Bryan Young feared for his adopted homeland, his partner said. In March — not long after Russia "
            "invaded Ukraine — Mr. Young traveled to Istanbul, and then Ukraine, enlisting as a volunteer fighter.")
    single = corpus_of(nlp, [{"article_id": "y1", "outlet": "The New York Times", "published": "2022-07-26",
                              "text": text}], tables=("sentences", "mentions"), corpus_steps=False)
    unified = unify_person_ids(single.mentions)
    people = unified[unified["actor_id"].astype(str).str.startswith("per:")]
    assert set(people["actor_id"]) == {"per:bryan_young"} and len(people) == 2


def test_catalogue_stub_round_trips_through_the_loader(corpus, tmp_path):
    import yaml

    from toolkit.actors import catalogue_stub, load_catalogue

    table = unknown_actors(corpus, kinds=("person",))
    stub = catalogue_stub(table[table["actor_id"].isin(["per:francis_farrell", "per:andriy_demchenko"])], side="Ukraine")
    entries = yaml.safe_load(stub)
    assert entries[0]["actor_id"] == "francis_farrell" and entries[0]["aliases"] == ["Francis Farrell"]
    path = tmp_path / "mine.yaml"
    path.write_text("extends: default\nactors:\n" + "\n".join("  " + line for line in stub.splitlines()), encoding="utf-8")
    cat = load_catalogue(path)
    assert cat["francis_farrell"].side == "Ukraine" and cat["andriy_demchenko"].name == "Andriy Demchenko"


def test_side_from_the_title(corpus):
    rows = unknown_actors(corpus, kinds=("person",)).set_index("actor_id")
    kiriyenko = rows.loc["per:sergey_kiriyenko"]
    assert kiriyenko["side"] == "Russia" and kiriyenko["n_mentions"] == 2
    assert rows.loc["per:francis_farrell", "side"] == "unknown"
    m = corpus.mentions
    assert set(m[m["actor_id"] == "per:sergey_kiriyenko"]["side"]) == {"Russia"}
