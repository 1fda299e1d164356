"""The actor catalogue: shipped data, validation errors, extension, the ruler."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from toolkit.actors import CatalogueError, extract_mentions, load_catalogue
from toolkit.actors.catalogue import default_path
from toolkit.actors.names import actor_slug, name_key
from toolkit.context import ArticleContext


def write(tmp_path: Path, text: str, name: str = "actors.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the shipped catalogue ----------------------------------------------------------------

def test_shipped_catalogue_covers_people_institutions_countries():
    cat = load_catalogue()
    kinds = {}
    for actor in cat.actors.values():
        kinds.setdefault(actor.kind, set()).add(actor.actor_id)
    assert len(cat) >= 60
    assert {"putin", "zelensky", "trump", "biden", "peskov", "lavrov", "erdogan", "umerov", "ushakov"} <= kinds["person"]
    assert {"kremlin", "nato", "eu", "un", "white_house"} <= kinds["organisation"]
    assert {"russia", "ukraine", "united_states", "turkey", "belarus"} <= kinds["country"]
    assert {"kyiv", "moscow", "washington", "sumy"} <= kinds["place"]
    assert cat["putin"].side == "Russia" and cat["putin"].role == "President of Russia"
    assert cat.lookup("Zelenskyy").actor_id == "zelensky"
    assert cat.lookup("Erdoğan").actor_id == cat.lookup("Erdogan").actor_id == "erdogan"
    assert cat.lookup("Kiev").actor_id == "kyiv"


def test_role_phrase_windows_in_the_shipped_catalogue():
    cat = load_catalogue()
    assert cat.resolve_role_phrase("the U.S. president", dt.date(2022, 4, 1)).actor_id == "biden"
    assert cat.resolve_role_phrase("The US President", dt.date(2025, 2, 1)).actor_id == "trump"
    assert cat.resolve_role_phrase("the german chancellor", dt.date(2025, 6, 1)).actor_id == "merz"
    assert cat.resolve_role_phrase("the German chancellor", dt.date(2023, 6, 1)).actor_id == "scholz"
    assert cat.resolve_role_phrase("the Russian president", dt.date(2010, 1, 1)).actor_id == "medvedev"


def test_digest_changes_with_content(tmp_path):
    base = default_path().read_text(encoding="utf-8")
    a = load_catalogue(write(tmp_path, base, "a.yaml"))
    b = load_catalogue(write(tmp_path, base + "\n- {actor_id: x1, name: X One, kind: person}\n", "b.yaml"))
    assert a.digest == load_catalogue(write(tmp_path, base, "c.yaml")).digest
    assert a.digest != b.digest


# -- validation errors name the file, entry and field -----------------------------------------

@pytest.mark.parametrize("text, message", [
    ("- actor_id: putin\n  name: [unclosed\n", "not valid YAML"),
    ("- {actor_id: putin, name: Vladimir Putin}\n", "missing required field 'kind'"),
    ("- {actor_id: putin, kind: person}\n", "missing required field 'name'"),
    ("- {actor_id: a, name: A, kind: person}\n- {actor_id: a, name: B, kind: person}\n", "duplicate actor_id 'a'"),
    ("- {actor_id: a, name: A, kind: wizard}\n", "kind 'wizard' is not one of"),
    ("- {actor_id: a, name: A, kind: person, alias: [A]}\n", "unknown field(s) ['alias']"),
    ("- {actor_id: a, name: A, kind: person, aliases: Ay}\n", "'aliases' must be a list"),
    ("- {actor_id: a, name: A, kind: person, aliases: [Same]}\n- {actor_id: b, name: B, kind: person, aliases: [Same]}\n",
     "alias 'Same' is claimed by both 'a' and 'b'"),
    ("- {actor_id: a, name: A, kind: person, role_phrases: [{phrase: the boss, from: June 2025}]}\n", "not YYYY-MM-DD"),
    ("- {actor_id: a, name: A, kind: person, role_phrases: [{phrase: the boss, from: 2025-13-01}]}\n", "invalid value: month"),
    ("- {actor_id: a, name: A, kind: person, role_phrases: [{from: 2020-01-01}]}\n", "needs a 'phrase'"),
    ("just a string\n", "expected a list of actors"),
    ("- just a string\n", "entry 0: expected a mapping"),
])
def test_validation_errors_are_clear(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    assert message in str(info.value) and str(path) in str(info.value)


def test_missing_file_is_a_catalogue_error(tmp_path):
    with pytest.raises(CatalogueError, match="cannot read"):
        load_catalogue(tmp_path / "nope.yaml")


def test_shared_role_phrase_is_allowed_with_windows(tmp_path):
    cat = load_catalogue(write(tmp_path, """
- {actor_id: a, name: A, kind: person, role_phrases: [{phrase: the boss, to: 2020-01-01}]}
- {actor_id: b, name: B, kind: person, role_phrases: [{phrase: the boss, from: 2020-01-02}]}
"""))
    assert cat.resolve_role_phrase("The Boss", dt.date(2019, 5, 1)).actor_id == "a"
    assert cat.resolve_role_phrase("the boss", dt.date(2021, 5, 1)).actor_id == "b"
    assert cat.resolve_role_phrase("the boss", None) is None


# -- extending the shipped catalogue ---------------------------------------------------------

MINE = """
extends: default
actors:
  - actor_id: demchenko
    name: Andriy Demchenko
    kind: person
    side: Ukraine
    role: Spokesman, State Border Guard Service of Ukraine
    aliases: [Demchenko, Andriy Demchenko, Andrii Demchenko]
  - actor_id: peskov
    name: Dmitry Peskov
    kind: person
    side: Russia
    role: Press secretary of the President of Russia
    aliases: [Peskov, Dmitry Peskov]
"""


def test_extends_default_adds_and_overrides(tmp_path):
    cat = load_catalogue(write(tmp_path, MINE))
    shipped = load_catalogue()
    assert len(cat) == len(shipped) + 1
    assert cat["demchenko"].side == "Ukraine"
    assert cat["peskov"].role == "Press secretary of the President of Russia"
    assert cat["putin"] == shipped["putin"]
    assert cat.digest != shipped.digest


def test_list_of_files_merges_like_extends(tmp_path):
    mine = write(tmp_path, MINE.replace("extends: default\n", ""))
    merged = load_catalogue([default_path(), mine])
    extended = load_catalogue(write(tmp_path, MINE, "ext.yaml"))
    assert merged.actors == extended.actors


def test_extends_loop_is_an_error(tmp_path):
    write(tmp_path, "extends: b.yaml\nactors: []\n", "a.yaml")
    write(tmp_path, "extends: a.yaml\nactors: []\n", "b.yaml")
    with pytest.raises(CatalogueError, match="loops"):
        load_catalogue(tmp_path / "a.yaml")


def test_analyst_catalogue_drives_the_pipeline(tmp_path):
    """annotate(..., catalogue=path): the ruler and the extractor use the analyst's actors."""
    from toolkit.pipeline import build_pipeline

    path = write(tmp_path, MINE)
    nlp = build_pipeline(catalogue=path)
    cat = load_catalogue(path)
    text = ("However, in recent days the number of attacks has decreased, according to Andriy Demchenko, "
            "a spokesman for Ukraine’s Border Service.")  # seed 003
    doc = nlp(text)
    ms = extract_mentions(doc, ArticleContext("003", published=dt.date(2025, 6, 21)), cat)
    dem = [m for m in ms if m["surface"] == "Andriy Demchenko"]
    assert dem and dem[0]["actor_id"] == "demchenko" and dem[0]["via"] == "catalogue"
    assert [e.ent_id_ for e in doc.ents if e.text == "Andriy Demchenko"] == ["demchenko"]


# -- the ruler --------------------------------------------------------------------------------

def test_ruler_epithets_any_case_aliases_exact_case(nlp):
    doc = nlp("THE KREMLIN LEADER met the Turkish delegation. They had turkey for lunch in Turkey.")
    ents = [(e.text, e.ent_id_) for e in doc.ents if e.ent_id_]
    assert ("THE KREMLIN LEADER", "putin") in ents
    assert ("Turkey", "turkey") in ents and ("turkey", "turkey") not in ents


def test_ruler_longest_match_wins(nlp):
    doc = nlp("Ukrainian forces pushed back, the Kyiv Independent reported.")
    ents = [(e.text, e.ent_id_) for e in doc.ents if e.ent_id_]
    assert ents == [("Ukrainian forces", "ukrainian_forces"), ("the Kyiv Independent", "kyiv_independent")]


# -- names ------------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("Zelensky", "Zelenskyy"), ("Zelenskiy", "Zelenskyi"), ("Andriy Demchenko", "Andrii Demchenko"),
    ("Erdoğan", "Erdogan"), ("Zelenskiy’s", "Zelensky"), ("Mr Zelensky", "Zelensky"),
])
def test_name_key_folds_spelling_variants(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", [("Zelensky", "Zelenska"), ("Putin", "Puting"), ("Olena Zelenska", "Volodymyr Zelensky")])
def test_name_key_keeps_different_people_apart(a, b):
    assert name_key(a) != name_key(b)


def test_actor_slug_is_stable_and_readable():
    assert actor_slug("Andriy Demchenko", "per") == "per:andriy_demchenko"
    assert actor_slug("Andrii  Demchenko’s", "per") == "per:andriy_demchenko"
    assert actor_slug("Palace of Independence", "loc") == "loc:palace_of_independence"
    assert actor_slug("+ +", "per") == ""
