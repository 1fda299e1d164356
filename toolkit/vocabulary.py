"""Vocabulary shared by several domains, in one place: the reporting-verb
lexicon (``toolkit/data/reporting_verbs.yaml``), tagged by use.

The quotes extractor reads its cue groups and weak cues, the framing extractor
the stance category of each attribution verb and the naming verbs, the claims
extractor its claimant verbs — all from one file, so a verb added for one use
is visible to the others and no list drifts from another. This module imports
nothing from the domain packages, so every one of them can read it without an
import circle.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from importlib import resources

from toolkit.datafiles import load_yaml

#: the tags an entry may carry (see the data file's header)
TAGS = frozenset({"quote", "weak", "stance", "claim", "naming"})


@dataclass(frozen=True)
class ReportingVerbs:
    """The lexicon split by use (keys are lower-case lemmas or phrases)."""

    quote_verbs: dict[str, str]    # verb lemma -> quote cue group
    quote_weak: frozenset[str]     # quote cues that must be linked to the quote by the parse
    quote_nouns: dict[str, str]    # noun lemma -> quote cue group
    quote_phrases: dict[str, str]  # phrase -> quote cue group
    stance: dict[str, str]         # verb lemma or phrase -> framing attribution category
    claim_verbs: frozenset[str]    # verbs that give a casualty figure its claimant
    naming_verbs: frozenset[str]   # verbs introducing someone's words for a quoted term
    digest: str                    # of the file, for provenance


@functools.lru_cache(maxsize=1)
def reporting_verbs() -> ReportingVerbs:
    """Read and check ``toolkit/data/reporting_verbs.yaml`` (cached).

    Raises:
        ValueError: an entry with an unknown tag, or a section that is not a mapping.
    """
    raw = resources.files("toolkit").joinpath("data", "reporting_verbs.yaml").read_bytes()
    data = load_yaml(raw) or {}
    sections = {name: data.get(name) or {} for name in ("verbs", "nouns", "phrases")}
    quote_verbs, quote_nouns, quote_phrases, stance = {}, {}, {}, {}
    weak, claim, naming = set(), set(), set()
    for section, entries in sections.items():
        if not isinstance(entries, dict):
            raise ValueError(f"reporting_verbs.yaml: {section!r} must map each word to its tags")
        for word, tags in entries.items():
            key = " ".join(str(word).lower().split())
            tags = tags or {}
            unknown = set(tags) - TAGS
            if unknown:
                raise ValueError(f"reporting_verbs.yaml: {section}/{word}: unknown tag(s) {sorted(unknown)}")
            if "quote" in tags:
                {"verbs": quote_verbs, "nouns": quote_nouns, "phrases": quote_phrases}[section][key] = str(tags["quote"])
            if section == "nouns":
                continue  # nouns are quote cues only
            if tags.get("weak"):
                weak.add(key)
            if "stance" in tags:
                stance[key] = str(tags["stance"])
            if tags.get("claim"):
                claim.add(key)
            if tags.get("naming"):
                naming.add(key)
    return ReportingVerbs(quote_verbs=quote_verbs, quote_weak=frozenset(weak), quote_nouns=quote_nouns,
                          quote_phrases=quote_phrases, stance=stance, claim_verbs=frozenset(claim),
                          naming_verbs=frozenset(naming), digest=hashlib.sha256(raw).hexdigest()[:16])
