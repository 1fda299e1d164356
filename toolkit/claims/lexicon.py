"""The claims extractor's editable data, loaded once.

Two YAML files in ``toolkit/claims/data/`` (documented in their headers):
``vague_quantities.yaml`` (the ranges behind "dozens", "scores", ...) and
``casualty_cues.yaml`` (which words make a figure a casualty claim and of which
category, units, non-person nouns, scope, rate, modality and event words,
reporting verbs); the side words and places that tell whose people were hit
come from the story file (:mod:`toolkit.claims.story`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources


from toolkit.claims.story import Story, load_story
from toolkit.datafiles import load_yaml
from toolkit.vocabulary import reporting_verbs

CATEGORIES = ("killed", "injured", "casualties", "prisoners", "missing", "displaced", "evacuated", "other")


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
    hypothetical_governors: frozenset[str]  # "could kill", "threatened to", "aims to displace"
    denial_verbs: frozenset[str]  # "denied that 300 died"
    rate_units: frozenset[str]  # "each day", "a week"
    story: Story


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


def load_lexicon() -> Lexicon:
    """Read the data files and the story in use (cached per story file)."""
    story = load_story()
    return _load_lexicon(story)


@functools.lru_cache(maxsize=4)
def _load_lexicon(story: Story) -> Lexicon:
    vague_raw = _read("vague_quantities.yaml")
    cues = _read("casualty_cues.yaml")
    vague = {
        phrase.lower(): VagueQuantity(phrase.lower(), int(v["low"]), int(v["high"]), int(v.get("nominal", v["low"])))
        for phrase, v in vague_raw.items()
    }
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
        side_words=story.side_words,
        side_places=story.side_places,
        vague_lemmas=frozenset(
            form for phrase in vague for form in (phrase.split()[-1], phrase.split()[-1].rstrip("s"))
        ),
        hypothetical_governors=lower(cues["hypothetical_governors"]),
        denial_verbs=lower(cues["denial_verbs"]),
        rate_units=lower(cues["rate_units"]),
        story=story,
    )
