"""Place words shared by the mention rules: the prepositions that make a name
a place ("the attack in Sumy") and the names of countries and territories
(``data/countries.yaml``: ISO 3166-1 English short names, dependent
territories, the UK's home nations)."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from toolkit.actors.names import name_key
from toolkit.datafiles import load_yaml

#: prepositions after which a "person" is a place ("the attack in Sumy")
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "around", "into", "towards", "toward", "inside"})


def is_locative_object(tok) -> bool:
    """``tok`` is the object of a place preposition that says where ("the
    attack in Sumy", "In Chorzow : ..."), not of one an adjective governs
    ("particularly interested in McCarthy", Guardian 2022), nor a noun with a
    determiner ("in his Williams": a car, Reuters 1996)."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in PLACE_PREPOSITIONS:
        return False
    if any(child.dep_ in ("det", "poss") and child.i < tok.i for child in tok.children):
        return False  # a place name takes no "his"/"a": "finished second in his Williams"
    preposition = tok.head
    return preposition.head is preposition or preposition.head.pos_ != "ADJ"


@functools.lru_cache(maxsize=1)
def country_keys() -> frozenset[str]:
    """Name keys of the countries, territories and UK home nations of
    ``toolkit/actors/data/countries.yaml``."""
    path = Path(str(resources.files("toolkit.actors") / "data" / "countries.yaml"))
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    return frozenset(name_key(str(s)) for group in data.values() for s in (group or ()))


def is_country_name(text: str) -> bool:
    """``text`` is the short name of a country or territory (any case, accents,
    apostrophes and a leading "the" ignored): "Sri Lanka", "BERMUDA", "the Netherlands"."""
    words = text.replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and name_key(" ".join(words)) in country_keys()
