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
    # ranked: Farrell (3 articles) before Demchenko (2)
    assert list(table["actor_id"])[:2] == ["per:francis_farrell", "per:andriy_demchenko"]


def test_surname_only_article_folds_into_the_full_name_across_the_corpus(corpus):
    rows = unknown_actors(corpus).set_index("actor_id")
    assert "per:demchenko" not in rows.index
    dem = rows.loc["per:andriy_demchenko"]
    assert dem["n_articles"] == 2 and dem["name"] == "Andriy Demchenko"
    assert set(dem["surfaces"]) == {"Andriy Demchenko", "Demchenko"}
    assert dem["kind"] == "person"


def test_kinds_filter_and_empty_result(corpus):
    places = unknown_actors(corpus, kinds=("place",))
    assert set(places["kind"]) <= {"place"}
    assert unknown_actors(corpus, kinds=("person",), min_mentions=100).empty
    empty = AnnotatedCorpus(articles=schema.frame("articles"))
    assert list(unknown_actors(empty).columns) == ["actor_id", "name", "kind", "side", "surfaces", "n_articles",
                                                   "n_mentions", "outlets", "example", "example_article_id"]


def test_unify_person_ids_never_folds_across_articles_by_default(corpus):
    from toolkit.actors import unify_person_ids

    unified = unify_person_ids(corpus.mentions)
    assert unified["actor_id"].equals(corpus.mentions["actor_id"])  # x01 never names Demchenko in full
    assert "per:demchenko" in set(unified.loc[unified["article_id"] == "x01", "actor_id"])


def test_unify_person_ids_folds_surname_only_articles_when_asked(corpus):
    from toolkit.actors import unify_person_ids

    unified = unify_person_ids(corpus.mentions, across_articles=True)
    before = corpus.mentions[corpus.mentions["article_id"] == "x01"]
    after = unified[unified["article_id"] == "x01"]
    assert "per:demchenko" in set(before["actor_id"])
    dem = after[after["surface"] == "Demchenko"].iloc[0]
    assert (dem["actor_id"], dem["actor"], dem["via"]) == ("per:andriy_demchenko", "Andriy Demchenko", "surname")
    untouched = unified["article_id"] != "x01"
    assert unified[untouched]["actor_id"].equals(corpus.mentions[untouched]["actor_id"])
    assert len(unified) == len(corpus.mentions) and list(unified.columns) == list(corpus.mentions.columns)


def test_catalogue_stub_round_trips_through_the_loader(corpus, tmp_path):
    import yaml

    from toolkit.actors import catalogue_stub, load_catalogue

    table = unknown_actors(corpus, kinds=("person",))
    stub = catalogue_stub(table.head(2), side="Ukraine")
    entries = yaml.safe_load(stub)
    assert entries[0]["actor_id"] == "francis_farrell" and entries[0]["aliases"] == ["Francis Farrell"]
    path = tmp_path / "mine.yaml"
    path.write_text("extends: default\nactors:\n" + "\n".join("  " + line for line in stub.splitlines()), encoding="utf-8")
    cat = load_catalogue(path)
    assert cat["andriy_demchenko"].side == "Ukraine" and cat.lookup("Demchenko").actor_id == "andriy_demchenko"


def test_side_from_the_title(corpus):
    rows = unknown_actors(corpus, kinds=("person",)).set_index("actor_id")
    kiriyenko = rows.loc["per:sergey_kiriyenko"]
    assert kiriyenko["side"] == "Russia" and kiriyenko["n_mentions"] == 2
    assert rows.loc["per:francis_farrell", "side"] == "unknown"
    m = corpus.mentions
    assert set(m[m["actor_id"] == "per:sergey_kiriyenko"]["side"]) == {"Russia"}
