"""The reporting cues (the ``quote`` / ``weak`` tags of the shared lexicon,
``toolkit/data/reporting_verbs.yaml``) and token tests built on them.

Method: lexicon lookup on spaCy lemmas, after Krestel, Bergler & Witte (2008),
"Minding the Source"; the lexicon's groups follow Bergler (1992). The data file
documents its sources; this module only loads it (once per process).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from toolkit.vocabulary import reporting_verbs

#: lemmas spaCy's small model sometimes gets wrong for reporting verbs
_LEMMA_FIXES = {"said": "say", "says": "say", "told": "tell", "stressed": "stress", "noted": "note"}
#: cue verbs that report words only with the object `it` (`as Akhil Amar put it, “…”`)
_NEEDS_IT = {"put"}
#: parts of speech a cue verb can carry (the small model tags "said," as AUX or NOUN now and then)
_CUE_POS = {"VERB", "AUX"}


@dataclass(frozen=True)
class CueLexicon:
    group_of: dict[str, str]
    weak: frozenset[str]
    phrases: dict[str, str]  # phrase (lower case) -> group
    noun_group_of: dict[str, str]

    def is_cue_lemma(self, lemma: str) -> bool:
        return lemma in self.group_of


@functools.lru_cache(maxsize=1)
def load_cues() -> CueLexicon:
    """The quote cues of :func:`toolkit.vocabulary.reporting_verbs` (cached)."""
    verbs = reporting_verbs()
    return CueLexicon(group_of=dict(verbs.quote_verbs), weak=verbs.quote_weak, phrases=dict(verbs.quote_phrases),
                      noun_group_of=dict(verbs.quote_nouns))


def cue_lemma(token: Token) -> str:
    """The lemma used for lexicon lookup (lower case, with the small model's slips fixed)."""
    return _LEMMA_FIXES.get(token.lower_, token.lemma_.lower())


def is_cue_verb(token: Token, *, strong_only: bool = False) -> bool:
    """True when ``token`` is a reporting verb in the lexicon.

    ``strong_only`` leaves out the weak cues (``call``, ``dismiss``...) that
    must be syntactically linked to a quote to count.
    """
    if token.pos_ not in _CUE_POS and token.tag_ not in {"VBD", "VBZ", "VBP", "VBG", "VBN", "VB"}:
        return False
    lemma = cue_lemma(token)
    lexicon = load_cues()
    if not lexicon.is_cue_lemma(lemma):
        return False
    if lemma in _NEEDS_IT and not any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children):
        return False  # `put` reports words only as `as X put it`
    return not (strong_only and lemma in lexicon.weak)


def is_cue_noun(token: Token) -> bool:
    """True when ``token`` is a noun of speech in the lexicon (`claim`, `statement`)."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in load_cues().noun_group_of


def cue_group(cue: str | None) -> str | None:
    """Lexicon group of a cue (``neutral``, ``assertive``, ``admission``...), or None."""
    if not cue:
        return None
    lexicon = load_cues()
    return lexicon.group_of.get(cue) or lexicon.phrases.get(cue) or lexicon.noun_group_of.get(cue)
