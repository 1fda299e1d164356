"""The tense of the clause a temporal expression sits in, from spaCy's parse.

Method: climb the dependency tree from the expression's root to its governing
verb; the clause is *future* if that verb (or a verb it is the complement of,
"is scheduled to take place", "plans to visit") carries will/shall/'ll/would
(in news "would" is mostly the future of reported speech: "said the
delegation would be ready after June 22"), or is "going to", or is a plan or
expectation verb from the lexicon (``future_lemmas``) not itself told in the
past; it is *past* if the verb is a simple past (VBD), a perfect (has/had +
VBN), a bare participle ("held by Kyiv since August") or has a past
auxiliary; *present* for other finite present forms; ``None`` for the other
modals (could/may/might/should/must/can) and when no verb is found. This is the tense feature that
HeidelTime uses to resolve underspecified dates (Strötgen & Gertz 2013), read
from a dependency parse instead of POS windows. A date that modifies a noun
("an Easter truce", "Friday's purchases") takes no tense from the clause.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from toolkit.context import doc_text
from toolkit.dates.normalise import Tense

#: "would" is counted as future: in news it is mostly future-in-the-past of
#: reported speech ("said the delegation would be ready after June 22")
FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "'d"}
UNCERTAIN_MODALS = {"could", "might", "may", "should", "must", "can"}
PAST_AUX_WORDS = {"had", "was", "were", "did"}
PAST_AUX_TAGS = {"VBD"}
MAX_CLIMB = 8


def governing_verb(token: Token) -> Token | None:
    """The nearest verb (or auxiliary used as a main verb) above ``token``."""
    steps = 0
    while token.pos_ not in ("VERB", "AUX") and token.head is not token and steps < MAX_CLIMB:
        token = token.head
        steps += 1
    return token if token.pos_ in ("VERB", "AUX") else None


#: "would" is only a plain future when nothing past governs it
WOULD = {"would", "'d"}
#: clause links from a "would" clause up to the verb it is reported or hoped under
REPORTED_DEPS = ("ccomp", "relcl", "xcomp", "advcl", "conj")


def _would_under_past(verb: Token) -> bool:
    """"which it hoped it would receive later on Friday": a "would" clause under a
    past-tense verb (hoped, said, expected) is the future seen from that past
    moment, which may already have come by the time of writing."""
    node = verb
    for _ in range(3):
        if node.dep_ not in REPORTED_DEPS or node.head is node:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX") and (node.tag_ == "VBD" or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in node.children)):
            return True
    return False


def verb_tense(verb: Token, future_lemmas: frozenset[str]) -> Tense:
    """Tense of the clause headed by ``verb`` (see module docstring)."""
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "conj", "ccomp") and chain[-1].head is not chain[-1] and len(chain) < 4:
        chain.append(chain[-1].head)
    for v in chain:
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in FUTURE_AUX for a in auxes):
            if all(a.lower_ in WOULD for a in auxes if a.lower_ in FUTURE_AUX) and _would_under_past(v):
                return None
            return "future"
        if v.lemma_ == "go" and v.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in v.children):
            return "future"
        if v.lemma_.lower() in future_lemmas or v.lower_ in future_lemmas:
            # "plans to", "is scheduled to", "has set": the planned thing lies ahead,
            # unless the plan itself is told in the past ("was planned for March")
            if v.tag_ == "VBD" or any(a.lower_ in PAST_AUX_WORDS for a in auxes):
                return None
            return "future"
    if any(c.dep_ == "aux" and c.lower_ in UNCERTAIN_MODALS for c in verb.children):
        return None
    return _own_tense(verb, [c for c in verb.children if c.dep_ in ("aux", "auxpass")])


def _own_tense(verb: Token, auxes: list[Token]) -> Tense:
    if any(a.lower_ in UNCERTAIN_MODALS for a in auxes):
        return None
    if verb.tag_ == "VBD" or any(a.tag_ in PAST_AUX_TAGS for a in auxes):
        return "past"
    if verb.tag_ == "VBN":
        # perfect ("has met") and bare participles ("held by Kyiv since August") are
        # past; a present passive ("talks are held") is present
        if any(a.lemma_ == "have" for a in auxes):
            return "past"
        if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "present"
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return None


def tense_at(doc: Doc, start: int, end: int, future_lemmas: frozenset[str]) -> Tense:
    """Tense of the clause around the characters ``start:end`` of ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.pos_ in ("NOUN", "PROPN"):
        return None  # "declared an Easter truce": the date belongs to the noun, not to the verb's time
    verb = governing_verb(root)
    if verb is None or _across_run_in(doc, verb, span):
        return None
    tense = verb_tense(verb, future_lemmas)
    if tense == "present" and _hangs_on_noun(root, verb):
        return None  # "an announcement by the ministers on Monday will ...": the announcement's day
    if tense == "present" and (verb.lemma_.lower() in AFTER_VERBS or _comes_after(verb)):
        return "past"  # "The move follows an announcement ... late on Monday": what it follows is past
    return tense


#: present-tense verbs whose dated complement lies before now ("the move follows an announcement on Monday")
AFTER_VERBS = frozenset({"follow"})


def _comes_after(verb: Token) -> bool:
    """The strike "comes after talks on Monday": the talks were before now."""
    return verb.lemma_.lower() == "come" and any(c.dep_ == "prep" and c.lower_ == "after" for c in verb.children)


#: a live blog's run-in headline ("Ukrainian evacuee describes months of horror ... – video") or
#: an entry stamp ("12 Jul 2022 22.37") between a date and the verb it was parsed under
RUN_IN = re.compile(r"\n|[–—-]\s*video\b|\b[0-2]?\d[.:][0-5]\d\b")


def _across_run_in(doc: Doc, verb: Token, span) -> bool:
    """The verb sits in another unit of text than the date (a headline run into
    the entry by the loader): its tense says nothing about the date."""
    lo, hi = sorted((verb.idx, span.start_char))
    return bool(RUN_IN.search(doc_text(doc)[lo:hi]))  # doc_text: Doc.text rebuilds the whole text per call


def _hangs_on_noun(root: Token, verb: Token) -> bool:
    """The date is in a prepositional phrase of a noun, not of the verb
    ("an announcement by European foreign ministers late on Monday")."""
    tok = root
    for _ in range(MAX_CLIMB):
        if tok.head is tok or tok.head is verb:
            return False
        if tok.dep_ in ("pobj", "npadvmod") and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("NOUN", "PROPN") \
                and tok.head.head is not verb:
            return True
        if tok.dep_ == "prep" and tok.head.pos_ in ("NOUN", "PROPN"):
            return True
        tok = tok.head
    return False
