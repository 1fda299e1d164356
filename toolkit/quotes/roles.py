"""Descriptions to names inside one article.

`the regional governor said` → Pavlo Kyrylenko, when the article calls him
`the governor for the area, Pavlo Kyrylenko`; `The Turkish foreign minister
said …` → Mevlüt Çavuşoğlu, named as a speaker in the next sentence; `the
foreign ministry alleged` → `Russia's foreign ministry`, the source named a
few sentences before.

Method (rules, no coreference model; in the spirit of the appositive and
role-noun heuristics of Haghighi & Klein 2009 and of textacy's speaker rules):

1. *appositions and titles*: every named person of the article with a role
   noun in apposition (`Serhiy Haidai, the governor of …`, `the governor,
   Oleksandr Starukh`, `Ukraine's foreign minister, Dmytro Kuleba`) or as a
   title before the name (`Regional Governor Serhiy Haidai`) is indexed by
   that role's head noun and words;
2. a source that is a description whose head is a person role (`governor`,
   `minister`, `MP`, `head` …) takes the nearest indexed person with the same
   role head whose role words do not contradict the description's
   (`Luhansk's governor` never takes the governor of Kharkiv);
3. else the first person newly named in the next two sentences as a subject
   (`A senior Conservative MP has accused … ⏎ Tobias Ellwood, the chair …, said`);
4. a definite institutional description (`the ministry`, `the foreign
   ministry`) takes the nearest earlier source or organisation whose name has
   the same head noun and more words.

Catalogue role phrases and epithets (`the Russian president` on a given date)
are resolved earlier, by the actors extractor, and are left alone here.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from toolkit.quotes.model import Speaker
from toolkit.quotes.speakers import SUBJECT_DEPS, MentionIndex, is_pronoun, speaker_name

#: head nouns of descriptions that stand for one person
PERSON_ROLES = {
    "governor", "minister", "president", "leader", "mp", "secretary", "spokesperson", "spokesman",
    "spokeswoman", "head", "chief", "mayor", "adviser", "advisor", "commander", "chairman", "chair",
    "chairwoman", "ambassador", "envoy", "premier", "chancellor", "senator", "director", "prosecutor",
    "general", "foreign", "deputy", "speaker", "ombudsman", "ombudswoman", "lawmaker", "diplomat",
    "counterpart", "king", "queen", "pope", "patriarch", "prince", "monarch", "dictator", "strongman",
}
#: heads of institutional descriptions resolved against earlier names (rule 4)
INSTITUTION_HEADS = {"ministry", "department", "agency", "court", "committee", "council", "office", "command",
                     "service", "army", "military", "government", "commission", "staff", "bureau", "church"}
#: modifiers that do not tell two holders of a role apart
_GENERIC = {"the", "a", "an", "this", "that", "these", "its", "his", "her", "their", "senior", "top", "new",
            "current", "then", "influential", "former", "powerful", "outspoken", "veteran", "s", "’s", "'s"}
#: how far (characters) an apposition may be from the description it names
_MAX_DISTANCE = 3000
_NEXT_SENTENCES = 2


@dataclass(frozen=True)
class _Holder:
    actor_id: str | None
    name: str
    head: str          # role head lemma
    words: frozenset   # stems of the role phrase's words
    position: int


def _stem(text: str) -> str:
    return text.lower()[:5]


class RoleIndex:
    """Named people of one doc indexed by the role nouns the article gives them."""

    def __init__(self, doc: Doc, index: MentionIndex):
        self.doc = doc
        self.index = index
        self.people = [m for m in index.mentions if _is_name(m) and (
            m.get("kind") == "person" or _person_entity(doc, m) or _personal_name(m))]
        self.holders: list[_Holder] = []
        for mention in self.people:
            span = doc.char_span(int(mention["start"]), int(mention["end"]), alignment_mode="expand")
            if span is None or not len(span):
                continue
            for role in _roles_of(span):
                words = frozenset(_stem(t.text) for t in role.subtree
                                  if not t.is_punct and t.i not in range(span.start, span.end)
                                  and t.lower_ not in _GENERIC and t.pos_ in {"NOUN", "PROPN", "ADJ"})
                self.holders.append(_Holder(mention.get("actor_id") or None, speaker_name(mention) or span.text,
                                            role.lemma_.lower(), words, int(mention["start"])))

    def name_for(self, source: Span, speaker, earlier: list):
        """The named speaker a description stands for, else ``speaker`` unchanged."""
        if speaker is None or is_pronoun(source) or (speaker.actor_id and speaker.kind in {"person", "organisation", "country"}):
            return speaker
        head = source.root
        lemma = head.lemma_.lower()
        if head.pos_ == "PROPN" and lemma not in PERSON_ROLES:
            return speaker
        mods = {_stem(t.text) for t in source if t.i != head.i and not t.is_punct
                and t.lower_ not in _GENERIC and t.pos_ in {"NOUN", "PROPN", "ADJ"}}
        if lemma in PERSON_ROLES:
            recent = self._recent_speaker_in_role(lemma, mods, source, earlier)
            if recent is not None:
                return Speaker(recent.actor_id, recent.name, "person", source.text, source.start_char)
            holder = self._holder(lemma, mods, source.start_char)
            if holder is not None:
                return Speaker(holder.actor_id, holder.name, "person", source.text, source.start_char)
            named = self._named_next(source)
            if named is not None:
                return Speaker(named.get("actor_id") or None, speaker_name(named), "person", source.text, source.start_char)
            return speaker
        if lemma in INSTITUTION_HEADS and source[0].lower_ in {"the", "this"}:
            return self._earlier_institution(source, lemma, mods, earlier) or speaker
        return speaker

    def _recent_speaker_in_role(self, lemma: str, mods: set, source: Span, earlier: list):
        """`Macron said: “…” ⏎ The role of France was to be that of “a mediating
        power”, the president added` (Guardian 2022): a bare `the <role>` right
        after a catalogued person who holds that role and spoke in this or the
        previous two sentences is that person (before: the article's other
        president, Zelenskiy, named with the role in an apposition)."""
        if mods or source[0].lower_ != "the":
            return None
        sents = [s for s in self.doc.sents if s.start_char <= source.start_char][-3:]
        for s in reversed(earlier):
            if s.kind != "person" or not s.actor_id or not sents[0].start_char <= s.position < source.start_char:
                continue
            mention = next((m for m in self.index.mentions if m.get("actor_id") == s.actor_id and m.get("role")), None)
            role = str(mention.get("role") or "").lower() if mention else ""
            return s if lemma in role.split() else None
        return None

    def _holder(self, lemma: str, mods: set, at: int) -> _Holder | None:
        fits = []
        for h in self.holders:
            if h.head != lemma or abs(h.position - at) > _MAX_DISTANCE:
                continue
            if mods and not mods <= h.words and (h.words - {_stem(lemma)}):
                continue  # `Luhansk's governor` is not `the governor of Kharkiv`
            fits.append(h)
        if not fits:
            return None
        return min(fits, key=lambda h: (-len(mods & h.words), abs(h.position - at)))

    def _named_next(self, source: Span) -> dict | None:
        """Rule 3: the first person newly named as a subject in the next sentences."""
        sent = source.sent
        doc = self.doc
        end = sent.end
        for _ in range(_NEXT_SENTENCES):
            if end >= len(doc):
                break
            end = doc[end].sent.end
        window = (sent.end_char, doc[end - 1].idx + len(doc[end - 1]) if end > 0 else sent.end_char)
        before = {_last(m) for m in self.people if int(m["start"]) < source.start_char}
        for m in self.people:
            if not window[0] <= int(m["start"]) < window[1] or _last(m) in before:
                continue
            span = doc.char_span(int(m["start"]), int(m["end"]), alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            if root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS) or any(
                    c.dep_ == "appos" and c.pos_ == "NOUN" for c in root.children) and root.dep_ in SUBJECT_DEPS | {"ROOT"}:
                return m
        return None

    def _earlier_institution(self, source: Span, lemma: str, mods: set, earlier: list):
        at = source.start_char
        for s in reversed(earlier):
            if s.position >= at or at - s.position > _MAX_DISTANCE or not s.surface:
                continue
            words = s.surface.lower().replace("’s", "").split()
            stems = {_stem(w) for w in words}
            # the head noun itself must match in full (`ministry` is not `minister`)
            if lemma in words and len(words) > len(source) - (1 if source[0].lower_ == "the" else 0) and mods <= stems:
                return Speaker(s.actor_id, s.name, s.kind, source.text, source.start_char)
        return None


def _person_entity(doc: Doc, mention: dict) -> bool:
    """spaCy calls it a PERSON although the mentions table typed it otherwise
    (`Mevlüt Çavuşoğlu` as an organisation)."""
    span = doc.char_span(int(mention["start"]), int(mention["end"]), alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.ent_type_ == "PERSON"


_ORG_WORDS = {"ministry", "council", "committee", "agency", "office", "department", "court", "service",
              "forces", "army", "group", "party", "union", "bank", "news", "times", "post", "reuters",
              "institute", "university", "company", "corporation", "association", "organisation",
              "organization", "fund", "command", "staff", "guard", "police", "navy", "house", "media"}


def _personal_name(mention: dict) -> bool:
    """An uncatalogued organisation mention that reads as a personal name
    (`Mevlüt Çavuşoğlu`: two to four capitalised words, none an institution word)."""
    if mention.get("kind") != "organisation" or mention.get("actor_id") and not str(mention["actor_id"]).startswith("org:"):
        return False
    words = str(mention.get("surface") or "").split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.lower() not in _ORG_WORDS for w in words)


def _is_name(mention: dict) -> bool:
    surface = str(mention.get("surface") or "")
    return any(w[:1].isupper() for w in surface.split()) and surface.lower() not in {"he", "she", "i"}


def _last(mention: dict) -> str:
    words = str(mention.get("actor") or mention.get("surface") or "").split()
    return words[-1].lower() if words else ""


def _roles_of(name: Span) -> list[Token]:
    """Role nouns the parse attaches to a person's name (module docstring, rule 1)."""
    root = name.root
    out = []
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.lemma_.lower() in PERSON_ROLES:
            out.append(child)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() in PERSON_ROLES:
        out.append(root.head)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        # `Russia's former president and current deputy security council chairman, Dmitry Medvedev`
        for conj in root.head.children:
            if conj.dep_ == "conj" and conj.lemma_.lower() in PERSON_ROLES:
                out.append(conj)
    for token in name:  # titles inside the name's phrase: `Regional Governor Serhiy Haidai`
        if token.i < root.i and token.lemma_.lower() in PERSON_ROLES:
            out.append(token)
    for child in root.lefts:
        if child.dep_ == "compound" and child.i < name.start and child.lemma_.lower() in PERSON_ROLES:
            out.append(child)
    return out
