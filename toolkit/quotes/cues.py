"""The reporting cues (the ``quote`` / ``weak`` tags of the shared lexicon,
``toolkit/data/reporting_verbs.yaml``) and token tests built on them.

Method: lexicon lookup on spaCy lemmas, after Krestel, Bergler & Witte (2008),
"Minding the Source"; the lexicon's groups follow Bergler (1992). The data file
documents its sources; this module only loads it (once per process).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from spacy.strings import hash_string
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from toolkit.vocabulary import reporting_verbs

#: lemmas spaCy's small model sometimes gets wrong for reporting verbs
_LEMMA_FIXES = {"said": "say", "says": "say", "told": "tell", "stressed": "stress", "noted": "note"}
#: cue verbs that report words only with the object `it` (`as Akhil Amar put it, “…”`)
_NEEDS_IT = {"put"}
#: cue verbs that report words only with a document as subject (`A 2014 House
#: Intelligence Committee report found “no evidence …”`; a person who finds
#: something says nothing)
_NEEDS_DOCUMENT = {"find"}
#: documents that report (the subject of `find`)
_REPORTING_DOCUMENTS = {"report", "study", "review", "investigation", "inquiry", "audit", "poll", "survey",
                        "analysis", "assessment", "probe", "research", "paper", "memo", "ruling"}
#: verbs that undo a cue they govern (`The online Russian ads avoid mentioning
#: Ukraine`, `refused to say whether …`): nothing is said
_UNSAID = {"avoid", "refuse", "decline", "fail", "stop"}
#: phrasal reporting verbs: lemma + particle (`“…,” he went on`). A particle
#: can make a verb of speech of a verb that is none alone (`point`, `fire`,
#: `sound`): the phrasal verb is one lexical unit with its own meaning, so it
#: is looked up whole (Quirk et al. 1985, 16.3-16.5) — `“…,” he points out`,
#: `“…,” Trump fired back`, `has sounded off against the idea that …`
_PHRASAL = {(verb, particle): f"{verb} {particle}" for verb, particle in (
    ("go", "on"), ("cut", "in"), ("point", "out"), ("speak", "out"), ("weigh", "in"), ("chime", "in"),
    ("pipe", "up"), ("sound", "off"), ("open", "up"), ("call", "out"), ("lash", "out"), ("shoot", "back"),
    ("fire", "back"), ("hit", "back"), ("push", "back"), ("spell", "out"), ("cry", "out"))}
_PHRASAL_VERBS = frozenset(verb for verb, _particle in _PHRASAL)
#: parts of speech a cue verb can carry (the small model tags "said," as AUX or NOUN now and then)
_CUE_POS = {"VERB", "AUX"}
#: ... or its fine-grained tags (a verb tagged as a noun by the coarse tagger)
_VERB_TAGS = ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB")
#: the same as ids in ``Doc.to_array`` columns (POS ids, TAG string hashes)
_CUE_POS_IDS = tuple(np.uint64(x) for x in (VERB, AUX))
_VERB_TAG_HASHES = tuple(np.uint64(hash_string(t)) for t in _VERB_TAGS)
_PREPOSITION_HASHES = tuple(np.uint64(hash_string(w)) for w in ("according", "per"))


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
    lemma = _LEMMA_FIXES.get(token.lower_, token.lemma_.lower())
    if lemma not in _PHRASAL_VERBS:
        return lemma  # (no particle can change it: its children need not be read)
    for child in token.children:
        # (the particle as the parse gives it, or as an adverb right after
        # the verb: `Hillary shot back, “I suppose …”` has `back/advmod`)
        if (child.dep_ == "prt" or (child.dep_ == "advmod" and child.i == token.i + 1)) and (
                lemma, child.lower_) in _PHRASAL:
            return _PHRASAL[lemma, child.lower_]
    return lemma


def is_cue_verb(token: Token, *, strong_only: bool = False) -> bool:
    """True when ``token`` is a reporting verb in the lexicon.

    ``strong_only`` leaves out the weak cues (``call``, ``dismiss``...) that
    must be syntactically linked to a quote to count.
    """
    if token.pos_ not in _CUE_POS and token.tag_ not in _VERB_TAGS:
        return False
    lemma = cue_lemma(token)
    lexicon = load_cues()
    if not lexicon.is_cue_lemma(lemma):
        return False
    if lemma in _NEEDS_IT and not any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children):
        return False  # `put` reports words only as `as X put it`
    if token.dep_ in {"xcomp", "dobj"} and token.head.lemma_.lower() in _UNSAID:
        return False
    if lemma in _NEEDS_DOCUMENT and not any(
            c.dep_ == "nsubj" and c.lemma_.lower() in _REPORTING_DOCUMENTS for c in token.children):
        return False
    return not (strong_only and lemma in lexicon.weak)


def cue_verb_positions(doc: Doc, columns, outside: "np.ndarray") -> list[int]:
    """Indices of the tokens of ``doc`` that can pass :func:`is_cue_verb`,
    in order: a cheap pre-test on the parse's arrays (``columns``: the
    ``POS``, ``TAG``, ``LOWER``, ``LEMMA`` columns of ``doc.to_array``), so the
    full test builds a :class:`~spacy.tokens.Token` only for verbs whose
    lemma (with the small model's slips fixed) is a cue or the verb of a
    phrasal cue. ``outside``: a boolean mask of the tokens to consider.
    Exactly the tokens the full test could accept: its first two conditions
    (the part of speech, the lemma) are the pre-test's."""
    pos, tag, lower, lemma = columns
    strings = doc.vocab.strings
    verbal = outside & (_any_equal(pos, _CUE_POS_IDS) | _any_equal(tag, _VERB_TAG_HASHES))
    bases, known, _nouns = _pretests()  # known: (LOWER, LEMMA) hashes -> can be a cue
    out = []
    for i, low, lem in zip(np.flatnonzero(verbal).tolist(), lower[verbal].tolist(), lemma[verbal].tolist()):
        ok = known.get((low, lem))
        if ok is None:
            ok = known[low, lem] = (_LEMMA_FIXES.get(strings[low]) or strings[lem].lower()) in bases
        if ok:
            out.append(i)
    return out


def cue_noun_or_preposition_positions(doc: Doc, columns, outside: "np.ndarray") -> list[int]:
    """Indices, in order, of the tokens that can be a noun of speech
    (:func:`is_cue_noun`) or the word of a prepositional cue (`according`,
    `per`): the same pre-test on the parse's arrays as
    :func:`cue_verb_positions`."""
    pos, _tag, lower, lemma = columns
    strings = doc.vocab.strings
    preposition = _any_equal(lower, _PREPOSITION_HASHES)
    nouns = load_cues().noun_group_of
    _bases, _verbs, known = _pretests()  # known: LEMMA hash -> a noun of speech
    out = []
    candidates = outside & (preposition | (pos == NOUN))
    for i, prep, lem in zip(np.flatnonzero(candidates).tolist(), preposition[candidates].tolist(),
                            lemma[candidates].tolist()):
        if not prep:
            prep = known.get(lem)
            if prep is None:
                prep = known[lem] = strings[lem].lower() in nouns
        if prep:
            out.append(i)
    return out


#: the lexicon the pre-tests' memos were made with, and the memos
_PRETESTS: list = [None, None]


def _pretests() -> tuple[frozenset[str], dict[tuple[int, int], bool], dict[int, bool]]:
    """The lemmas a cue verb can have before its particle is looked at, and
    the memos of the two pre-tests (keys are string hashes, the same in every
    document), made anew when the lexicon is reloaded."""
    lexicon = load_cues()
    if _PRETESTS[0] is not lexicon:
        _PRETESTS[:] = [lexicon, (frozenset(lexicon.group_of) | _PHRASAL_VERBS, {}, {})]
    return _PRETESTS[1]


def _any_equal(column: np.ndarray, values) -> np.ndarray:
    """``np.isin`` for a handful of values (without its sorting overhead)."""
    out = column == values[0]
    for value in values[1:]:
        out |= column == value
    return out


def is_cue_noun(token: Token) -> bool:
    """True when ``token`` is a noun of speech in the lexicon (`claim`, `statement`)."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in load_cues().noun_group_of


def cue_group(cue: str | None) -> str | None:
    """Lexicon group of a cue (``neutral``, ``assertive``, ``admission``...), or None."""
    if not cue:
        return None
    lexicon = load_cues()
    return lexicon.group_of.get(cue) or lexicon.phrases.get(cue) or lexicon.noun_group_of.get(cue)
