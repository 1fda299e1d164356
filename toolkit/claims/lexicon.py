"""The claims extractor's editable data, loaded once.

Three YAML files in ``toolkit/claims/data/`` (documented in their headers):
``vague_quantities.yaml`` (the ranges behind "dozens", "scores", ...),
``casualty_cues.yaml`` (which words make a figure a casualty claim and of which
category, units, non-person nouns, scope and event words, reporting verbs) and
``sides.yaml`` (words and places that tell whose people were hit).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources


from toolkit.datafiles import load_yaml
from toolkit.vocabulary import reporting_verbs

CATEGORIES = ("killed", "injured", "casualties", "prisoners", "missing", "displaced")


@dataclass(frozen=True)
class VagueQuantity:
    phrase: str
    low: int
    high: int
    nominal: int


@dataclass(frozen=True)
class Lexicon:
    vague: dict[str, VagueQuantity]
    noun_category: dict[str, str]
    predicate_category: dict[str, str]
    weak_injured: frozenset[str]
    fatal_modifiers: frozenset[str]
    person_nouns: frozenset[str]
    units: dict[str, str]
    non_person_nouns: frozenset[str]
    cumulative_cues: tuple[str, ...]
    event_kinds: dict[str, str]
    reporting_verbs: frozenset[str]
    source_carriers: frozenset[str]
    side_words: dict[str, str]
    side_places: dict[str, str]
    vague_lemmas: frozenset[str]  # "dozen", "scores", ...: the quantity word is not the counted noun


def _read(name: str) -> dict:
    text = resources.files("toolkit.claims").joinpath("data", name).read_text(encoding="utf-8")
    return load_yaml(text) or {}


def _invert(mapping: dict[str, list[str]]) -> dict[str, str]:
    """{category: [words]} -> {word: category} (first category listed wins)."""
    out: dict[str, str] = {}
    for category, words in mapping.items():
        for word in words or ():
            out.setdefault(str(word).lower(), category)
    return out


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the three data files (cached for the process)."""
    vague_raw = _read("vague_quantities.yaml")
    cues = _read("casualty_cues.yaml")
    sides = _read("sides.yaml")
    vague = {
        phrase.lower(): VagueQuantity(phrase.lower(), int(v["low"]), int(v["high"]), int(v.get("nominal", v["low"])))
        for phrase, v in vague_raw.items()
    }
    side_words: dict[str, str] = {}
    side_places: dict[str, str] = {}
    for side, entry in sides.items():
        for word in entry.get("adjectives", ()):
            side_words[str(word).lower()] = side
        for place in entry.get("places", ()):
            side_places[str(place).lower()] = side
    lower = lambda words: frozenset(str(w).lower() for w in words or ())  # noqa: E731
    return Lexicon(
        vague=vague,
        noun_category=_invert(cues["category_nouns"]),
        predicate_category=_invert(cues["category_predicates"]),
        weak_injured=lower(cues["weak_injured_predicates"]),
        fatal_modifiers=lower(cues["fatal_modifiers"]),
        person_nouns=lower(cues["person_nouns"]),
        units={str(k).lower(): str(v) for k, v in cues["units"].items()},
        non_person_nouns=lower(cues["non_person_nouns"]),
        cumulative_cues=tuple(str(c).lower() for c in cues["cumulative_cues"]),
        event_kinds={str(k).lower(): str(v) for k, v in cues["event_kinds"].items()},
        reporting_verbs=reporting_verbs().claim_verbs,  # the shared lexicon's claimant verbs
        source_carriers=lower(cues["source_carrier_nouns"]),
        side_words=side_words,
        side_places=side_places,
        vague_lemmas=frozenset(
            form for phrase in vague for form in (phrase.split()[-1], phrase.split()[-1].rstrip("s"))
        ),
    )
