"""Who is speaking: the source phrase of a cue, and its actor.

Method: dependency rules on spaCy's parse (after Pareti 2015 and the
``direct_quotations`` rules of textacy 0.13): the source of a reporting verb
is its ``nsubj`` (or the ``agent`` of a passive, the object of ``quoting``);
participles, conjuncts and relative clauses borrow the subject of the verb
they hang on. The source phrase is then mapped onto the mentions table
(``toolkit.actors``): the mention holding the phrase's head wins.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from toolkit.quotes.cues import cue_lemma, is_cue_verb

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
#: dependents that belong to the source's noun phrase when left of its head
_NP_LEFT_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "punct", "quantmod", "prep", "pobj"}
#: verb attachments through which a subject-less cue borrows its head's subject
_BORROW_DEPS = {"advcl", "conj", "xcomp", "ccomp", "acl", "dep", "parataxis", "pcomp"}
_NOMINAL_POS = {"NOUN", "PROPN", "PRON", "NUM", "DET", "X"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"they", "them", "it", "their", "its"}


def source_of_verb(cue: Token) -> Span | None:
    """The source phrase of reporting verb ``cue``, or None (see module docstring)."""
    original = _quoted_original(cue)
    if original is not None:
        return original
    verb = cue
    for _ in range(4):
        if cue_lemma(verb) in {"quote", "cite"} and verb.tag_ == "VBG":
            obj = _child(verb, {"dobj"})
            if obj is not None and _names_someone(obj):
                return noun_phrase(obj)
        subject = _child(verb, SUBJECT_DEPS)
        agent = _child(verb, {"agent"})
        if agent is not None and (subject is None or subject.dep_ == "nsubjpass"):
            pobj = _child(agent, {"pobj"})
            if pobj is not None:
                return noun_phrase(pobj)
        if subject is not None and subject.dep_ != "nsubjpass":
            if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return noun_phrase(verb.head)
            if subject.lower_ == "it" and subject.dep_ == "nsubj" and _is_expletive(subject):
                return None
            if subject.pos_ not in _NOMINAL_POS:
                return None  # a gerund or clause as subject (`supplying missiles would…`) is no speaker
            return noun_phrase(subject)
        if verb.dep_ not in _BORROW_DEPS or verb.head is verb:
            return None
        verb = verb.head
        if verb.dep_ == "ccomp" and is_cue_verb(verb.head):
            # `He emphasized that Russia seeks …, urging Kyiv …`: a participle
            # parsed inside the reported clause belongs to the reporter
            verb = verb.head
    return None


def _quoted_original(verb: Token) -> Span | None:
    """`reported by state media, quoting Dmitry Peskov` / `citing officials`: the
    person quoted is the original speaker, the reporter only relays."""
    for child in verb.children:
        if child.tag_ == "VBG" and cue_lemma(child) in {"quote", "cite"}:
            obj = _child(child, {"dobj"})
            if obj is not None and _names_someone(obj):
                return noun_phrase(obj)
    return None


def _names_someone(token: Token) -> bool:
    """`quoting Dmitry Peskov` names a source; `citing the release of prisoners` does not."""
    return token.pos_ == "PROPN" or token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)


def source_of_preposition(prep: Token) -> Span | None:
    """Source of `according to X` / `per X`: the object of the last preposition."""
    to = _child(prep, {"prep"}) if prep.lower_ == "according" else prep
    if to is None:
        return None
    obj = _child(to, {"pobj"})
    return noun_phrase(obj) if obj is not None else None


def noun_phrase(head: Token) -> Span:
    """The name-like phrase around ``head``: its left modifiers up to the head
    (`Kremlin spokesperson Dmitry Peskov`), never its appositions or clauses;
    a common-noun head with a proper-noun apposition gives the apposition
    (`a spokesman, John Smith,` -> `John Smith`)."""
    if head.pos_ in {"NOUN", "PRON"}:
        appos = _child(head, {"appos"})
        if appos is not None and appos.pos_ == "PROPN":
            head = appos
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ in _NP_LEFT_DEPS and child.right_edge.i == start - 1 and not child.is_punct:
            start = child.left_edge.i
        else:
            break
    doc = head.doc
    while start < head.i and (doc[start].is_punct or doc[start].is_quote):
        start += 1
    return doc[start:head.i + 1]


def _child(token: Token, deps: set[str]) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def _is_expletive(subject: Token) -> bool:
    """`it is said that` / `it was reported`: no speaker."""
    return subject.head.lemma_ in {"be", "seem", "appear"} or any(c.dep_ == "auxpass" for c in subject.head.children)


# -- mapping a source phrase onto the mentions table ---------------------------

class MentionIndex:
    """Mentions sorted by offset, with lookups by character range."""

    def __init__(self, mentions: Sequence[dict]):
        self.mentions = sorted((m for m in mentions if _valid(m)), key=lambda m: (int(m["start"]), int(m["end"])))

    def at(self, span: Span) -> dict | None:
        """The mention holding the span's head (last token), else an overlapping
        person or organisation (`US President Donald Trump fuming`); a country
        or group inside a phrase is a modifier (`Russian state media`), not the speaker."""
        head = span[-1]
        overlapping = [m for m in self.mentions if int(m["start"]) < span.end_char and int(m["end"]) > span.start_char]
        for m in overlapping:
            if int(m["start"]) <= head.idx < int(m["end"]):
                return m
        named = [m for m in overlapping if m.get("kind") in {"person", "organisation"}]
        return named[-1] if named else None

    def before(self, char: int) -> list[dict]:
        """Mentions ending before ``char``, nearest first."""
        return [m for m in reversed(self.mentions) if int(m["end"]) <= char]


def _valid(m: dict) -> bool:
    try:
        return int(m["start"]) < int(m["end"])
    except (KeyError, TypeError, ValueError):
        return False


def speaker_name(mention: dict) -> str | None:
    """Canonical name of a mention's actor (its surface when not in the catalogue)."""
    return _text(mention.get("actor")) or _text(mention.get("surface"))


def _text(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def is_pronoun(span: Span) -> bool:
    return len(span) == 1 and span[0].lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS


def mentions_from_entities(doc: Doc) -> list[dict]:
    """Mention records built from ``doc.ents`` alone (for evaluation and tests
    when ``toolkit.actors.extract_mentions`` is unavailable): PERSON -> person,
    ORG -> organisation, GPE -> country, NORP -> group; ``actor_id`` is the
    catalogue id the actor ruler put on ``ent_id_``."""
    kinds = {"PERSON": "person", "ORG": "organisation", "GPE": "country", "NORP": "group"}
    out = []
    for ent in doc.ents:
        if ent.label_ not in kinds:
            continue
        out.append({"start": ent.start_char, "end": ent.end_char, "surface": ent.text,
                    "actor_id": ent.ent_id_ or None, "actor": None, "kind": kinds[ent.label_]})
    return out
