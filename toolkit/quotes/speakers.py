"""Who is speaking: the source phrase of a cue, and its actor.

Method: dependency rules on spaCy's parse (after Pareti 2015 and the
``direct_quotations`` rules of textacy 0.13): the source of a reporting verb
is its ``nsubj`` (or the ``agent`` of a passive, the object of ``quoting``);
participles, conjuncts and relative clauses borrow the subject of the verb
they hang on. The source phrase is then mapped onto the mentions table
(``toolkit.actors``): the mention holding the phrase's head wins.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from toolkit.context import doc_text
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
        borrowed = verb is not cue
        if cue_lemma(verb) in {"quote", "cite"} and verb.tag_ == "VBG":
            obj = _child(verb, {"dobj"})
            if obj is not None and _names_someone(obj):
                return noun_phrase(obj)
        subject = _nearest_subject(verb)
        if subject is not None and subject.dep_ == "nsubjpass" and cue_lemma(verb) == "quote":
            # `Miroshnik was quoted by the Russian Tass news agency as saying`:
            # the one quoted speaks; the agency is only the channel
            return noun_phrase(subject)
        agent = _child(verb, {"agent"})
        if borrowed and subject is not None and subject.dep_ == "nsubjpass" and not (
                agent is not None and subject.lemma_.lower() in DOCUMENT_HEADS):
            # `Comedian Sarah Silverman was booed … by Bernie Sanders supporters
            # after telling holdouts …`: who tells is the passive clause's
            # subject, not its agent (but `a statement released by the Kremlin,
            # saying …` is the Kremlin's)
            return noun_phrase(subject)
        if agent is not None and (subject is None or subject.dep_ == "nsubjpass") and not borrowed:
            pobj = _child(agent, {"pobj"})
            if pobj is not None:
                return noun_phrase(pobj)
        if subject is not None and subject.dep_ != "nsubjpass":
            if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                # `Trump, who has called the pact “insanity,”`: the text gives
                # the source as the relative pronoun (PolNeAR marks `who`); the
                # source as written is the pronoun, resolved onto the noun it
                # modifies like `he` (:func:`relative_antecedent`)
                return subject.doc[subject.i:subject.i + 1]
            if subject.lower_ == "it" and subject.dep_ == "nsubj" and _is_expletive(subject):
                return None
            if subject.pos_ not in _NOMINAL_POS and not _nominal_adjective(subject):
                return None  # a gerund or clause as subject (`supplying missiles would…`) is no speaker
            if _mute_evidence(subject, cue):
                return None
            return noun_phrase(subject)
        if verb.dep_ not in _BORROW_DEPS or verb.head is verb:
            return None
        absolute = _with_absolute(verb) if verb.tag_ == "VBG" else None
        if absolute is not None:
            return noun_phrase(absolute)
        if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and (verb.head.pos_ in {"NOUN", "PROPN"} or _nominal_adjective(verb.head)):
            # `“…?” the 43-year-old asked in …`: a verbless "sentence" whose
            # only verb the parse hung on the noun; the noun is its subject (and
            # a finite verb inside the phrase is the real verb: `Ukraine’s
            # military acknowledged setbacks, however, saying …`)
            phrase = noun_phrase(verb.head)
            finite = next((t.i for t in phrase if t.tag_ in {"VBD", "VBZ", "VBP"}), None)
            if finite is None:
                return phrase
            return phrase.doc[phrase.start:finite] if finite > phrase.start else None
        if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            if verb.tag_ != "VBG":
                return None  # `an interview posted on YouTube`, `a refusal to answer`: no speaker
            noun = verb.head
            set_off = verb.i > 0 and verb.doc[verb.i - 1].text == ","
            if set_off or (noun.lemma_.lower() in DOCUMENT_HEADS and noun.dep_ in {"dobj", "pobj"}) or (
                    noun.lemma_.lower() in _TIME_NOUNS):
                # (`he has battled with Guardian …, at one point calling the
                # mayor a "liar"`: a time never speaks; the clause above does)
                # `acknowledged setbacks, however, saying …` (an adverbial
                # participle parsed on the object) and `issued a statement
                # calling on …`: the subject of the clause above speaks
                verb = noun.head if noun.dep_ != "pobj" else noun.head.head
                if verb.pos_ not in {"VERB", "AUX"}:
                    return None
                continue
            return None if _mute_evidence(noun, cue) else noun_phrase(noun)  # `leaders saying …`, `a man calling himself …`
        verb = _verbal_head(verb)
        if verb is None:
            return None
        if verb.dep_ == "ccomp" and is_cue_verb(verb.head) and not _speech_event(verb) and not _quote_between(verb, verb.head):
            # `He emphasized that Russia seeks …, urging Kyiv …`: a participle
            # parsed inside the reported clause belongs to the reporter (but
            # `An official said Blinken addressed Russia directly, saying: “…`
            # reports Blinken speaking: the participle is his)
            verb = verb.head
    return None


#: nouns that cannot speak: with an evidential cue (`indicate`, `suggest`,
#: `show`…) they report the writer's inference, not speech (`Mr. Putin’s
#: decision indicated that …`, `the US had information indicating …`)
MUTE_HEADS = {"decision", "move", "step", "information", "evidence", "data", "fact", "figure", "number",
              "result", "finding", "image", "footage", "video", "photo", "photograph", "picture", "trend", "pattern"}
_EVIDENTIAL_CUES = {"indicate", "suggest", "signal", "show", "reveal", "imply", "confirm", "hint", "underline",
                    "underscore", "point"}


#: verbs of a speech event, not in the cue lexicon (`Blinken addressed Russia directly, saying: …`)
_SPEECH_EVENTS = {"address", "speak", "talk", "appear", "interview", "lecture", "preach"}


#: nouns of time a participle may hang on (`at one point calling …`, `at the same time saying …`)
_TIME_NOUNS = {"point", "time", "moment", "stage", "day", "week", "month", "year", "night", "morning", "evening"}


def _quote_between(a: Token, b: Token) -> bool:
    """Whether a quotation mark stands between ``a`` and ``b``: the parse hung
    a clause on a verb inside the quote that follows it (`Weaver didn’t seem
    particularly impressed …, telling reporters, “A lot of people said …”`)."""
    lo, hi = sorted((a.i, b.i))
    return any(t.is_quote and t.text not in {"'", "’"} for t in a.doc[lo + 1:hi])


def _speech_event(verb: Token) -> bool:
    """A reported clause that itself tells of someone speaking (not a report:
    `Cardin said that Republicans rejected his attempts …, calling it …` is
    Cardin's): its subject is the speaker of a participle hanging on it."""
    return cue_lemma(verb) in _SPEECH_EVENTS and any(
        c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.lower_ in PERSON_PRONOUNS) for c in verb.children)


def relative_antecedent(source: Span) -> Span | None:
    """The noun phrase a relative-pronoun source stands for (`Scott Reed, the
    Chamber's chief political strategist, who added that …` -> `the Chamber's
    chief political strategist`), or None when ``source`` is not one."""
    if len(source) != 1:
        return None
    pronoun = source[0]
    if pronoun.lower_ not in RELATIVE_PRONOUNS or pronoun.dep_ not in SUBJECT_DEPS or pronoun.head.dep_ != "relcl":
        return None
    noun = pronoun.head.head
    return noun_phrase(noun) if noun.i != pronoun.i else None


def _mute_evidence(noun: Token, cue: Token) -> bool:
    return noun.lemma_.lower() in MUTE_HEADS and cue_lemma(cue) in _EVIDENTIAL_CUES


def _nominal_adjective(token: Token) -> bool:
    """`the 43-year-old asked`, `the young said`: an adjective with a determiner heads a noun phrase."""
    return token.pos_ == "ADJ" and any(c.dep_ == "det" for c in token.children)


def _verbal_head(verb: Token) -> Token | None:
    """The clause a subject-less cue hangs on, for borrowing its subject:
    the head verb, also through a non-verbal head (`He called it “shameful”
    and called on leaders …`: the second `called` is parsed as a conjunct of
    the adjective) and through a preposition (`he made a point of saying …`,
    `responded by saying …`: the verb above the preposition's phrase)."""
    head = verb.head
    if head.pos_ in {"ADP", "SCONJ"} and head.lower_ not in {"of", "by", "after", "before"}:
        # `without directly mentioning Ms. Pelosi` reports nothing said; `while
        # acknowledging …` inside a reported clause is that clause's business
        return None
    for _ in range(3):
        if head.pos_ in {"VERB", "AUX"}:
            return head
        if head.head is head or head.dep_ not in {"prep", "pobj", "dobj", "oprd", "conj"}:
            return None
        head = head.head
    return None


def _with_absolute(participle: Token) -> Token | None:
    """The subject of an absolute `with X saying …` (`the situation appeared
    bleak, with Luhansk’s governor, Serhiy Haidai, saying …`): the object of
    a `with` that ends just before the participle, commas and an apposition
    between."""
    i = participle.i - 1
    while i >= 0 and participle.doc[i].is_punct:
        i -= 1
    if i < 0:
        return None
    token = participle.doc[i]
    while token.dep_ in {"appos", "compound", "flat"} and token.head.i < token.i:
        token = token.head
    prep = token.head
    if (token.dep_ == "pobj" and prep.lower_ == "with" and token.pos_ in {"NOUN", "PROPN"}
            and prep.head == participle.head and prep.i > 0 and participle.doc[prep.i - 1].text == ","):
        return token  # set off by a comma: not `to meet with X, describing …`
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


#: heads of institutions whose `of` complement is part of the name
#: (`the ministry of defence`, `the European court of human rights`, `critics of the Kremlin`)
INSTITUTION_HEADS = {
    "ministry", "court", "staff", "service", "office", "committee", "council", "department",
    "agency", "command", "bureau", "branch", "commission", "board", "union", "assembly",
    "critic", "head", "chief", "leader", "governor", "minister", "secretary", "spokesperson",
    "spokesman", "spokeswoman", "president", "member", "chair", "chairman", "director", "mayor",
    "commander", "adviser", "advisor", "representative", "ambassador", "press", "forces",
}
#: nouns for a document, whose author is the source (`a readout of the call
#: released by the Kremlin`, `the latest update of Oleh Synyehubov`, `a report by X`)
DOCUMENT_HEADS = {
    "report", "readout", "statement", "update", "post", "note", "release", "letter", "document",
    "paper", "tweet", "study", "analysis", "assessment", "briefing", "filing", "summary",
}
#: `Others, like President Volodymyr Zelensky, …`: the example is the speaker
_EXAMPLE_HEADS = {"others", "some", "many", "several", "critics", "leaders", "officials"}
_EXAMPLE_PREPS = {"like", "including", "such"}


def noun_phrase(head: Token) -> Span:
    """The name-like phrase around ``head``.

    Its left modifiers up to the head (`Kremlin spokesperson Dmitry Peskov`);
    a common-noun head with a name in apposition gives the name (`a
    spokesman, John Smith,` -> `John Smith`; `Russia's former president and
    current deputy security council chairman, Dmitry Medvedev` -> `Dmitry
    Medvedev`); an institution keeps its `of` complement (`the ministry of
    defence`, `critics of the Kremlin`); a document gives its author (`a
    readout of the call released by the Kremlin` -> `the Kremlin`); `Others,
    like X` gives X. Never relative clauses or other appositions.
    """
    if head.pos_ in {"NOUN", "PRON"} or (head.pos_ == "PROPN" and head.is_lower):
        named = _named_apposition(head)
        if named is not None:
            head = named
        elif head.lemma_.lower() in DOCUMENT_HEADS:
            author = _document_author(head)
            if author is not None:
                return author
        elif head.lower_ in _EXAMPLE_HEADS:
            example = _example(head)
            if example is not None:
                return example
    start = head.i
    if head.pos_ == "ADJ":
        start = head.left_edge.i  # `the 43-year-old`
    for child in reversed(list(head.lefts)):
        glued_hyphen = (child.text in {"-", "‐"} and child.i == start - 1 and child.i > 0
                        and not child.whitespace_ and not child.doc[child.i - 1].whitespace_)
        if glued_hyphen:
            start = child.i  # `Frank-Walter Steinmeier`: keep walking left over the hyphen
        elif child.dep_ in _NP_LEFT_DEPS and child.right_edge.i == start - 1 and not child.is_punct:
            start = child.left_edge.i
        else:
            break
    doc = head.doc
    marks = [k for k in range(start, head.i) if doc[k].is_quote]
    if marks:
        start = marks[-1] + 1  # `the “third world war” nightmare scenario Ben Wallace`: never across a quote
    while start < head.i and (doc[start].is_punct or doc[start].is_quote):
        start += 1
    end = head.i + 1
    if head.pos_ in {"NOUN", "PROPN"} and head.lower_ in INSTITUTION_HEADS | {h + "s" for h in INSTITUTION_HEADS}:
        of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in {"of", "for"} and c.i == end), None)
        if of is not None and _child(of, {"pobj"}) is not None and of.right_edge.i - head.i <= 8:
            end = of.right_edge.i + 1
            for k in range(head.i + 1, end):  # `court of human rights (ECHR)`: not the bracket
                if doc[k].text in {"(", "[", ",", "—", "–"}:
                    end = k
                    break
            while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ in {"relcl", "acl"}):
                end -= 1
    return doc[start:end]


def _named_apposition(head: Token) -> Token | None:
    """A proper name in apposition to ``head`` or to a noun coordinated with it;
    or a person's name right after it between commas, however parsed
    (`According to the governor, Oleksandr Starukh, …`)."""
    doc = head.doc
    role = head.lemma_.lower() in INSTITUTION_HEADS
    if (head.i + 2 < len(doc) and doc[head.i + 1].text == "," and doc[head.i + 2].pos_ == "PROPN"
            and (doc[head.i + 2].ent_type_ == "PERSON" or (role and doc[head.i + 2].ent_type_ in {"PERSON", "ORG", ""}))):
        k = head.i + 2
        while k - head.i < 6:
            if k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN":
                k += 1
            elif (k + 2 < len(doc) and doc[k + 1].text in {"-", "‐"} and not doc[k].whitespace_
                    and not doc[k + 1].whitespace_ and doc[k + 2].pos_ == "PROPN"):
                k += 2  # `Frank-Walter Steinmeier`
            else:
                break
        if k + 1 >= len(doc) or doc[k + 1].is_punct:
            return doc[k]
    for noun in (head, *(c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN")):
        for child in noun.children:
            if child.dep_ == "appos" and child.i > noun.i and child.pos_ == "PROPN":
                return child
    # `The west of England mayor, Dan Norris, said`: the parse hangs the name on
    # the `of` object; a name that closes the whole subject between commas,
    # right before its verb, names the subject
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in {"of", "for"}):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for child in obj.children:
                end = child.right_edge.i
                if (child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ == "PERSON"
                        and end + 2 < len(doc) and doc[end + 1].text == ","
                        and (doc[end + 2] == head.head or (doc[end + 2].dep_ == "aux" and doc[end + 2].head == head.head))):
                    return child
    return None


def _document_author(doc_noun: Token) -> Span | None:
    for child in doc_noun.children:
        if child.dep_ == "poss" and _names_someone(child):
            return noun_phrase(child)
    for child in doc_noun.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "by", "from"}:
            pobj = _child(child, {"pobj"})
            if pobj is not None and _names_someone(pobj):
                return noun_phrase(pobj)
        if child.dep_ == "acl":  # `released by the Kremlin`
            agent = _child(child, {"agent"})
            pobj = _child(agent, {"pobj"}) if agent is not None else None
            if pobj is not None and _names_someone(pobj):
                return noun_phrase(pobj)
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = _child(child, {"pobj"})
            if pobj is not None:
                for grand in pobj.children:
                    if grand.dep_ == "acl":
                        agent = _child(grand, {"agent"})
                        obj = _child(agent, {"pobj"}) if agent is not None else None
                        if obj is not None and _names_someone(obj):
                            return noun_phrase(obj)
    return None


def _example(head: Token) -> Span | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in _EXAMPLE_PREPS:
            pobj = _child(child, {"pobj"}) or next((g for c in child.children for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and _names_someone(pobj):
                return noun_phrase(pobj)
    return None


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two, the first in the verb's paragraph (the
    parse hangs the previous paragraph's `… Never, never Hillary.” ⏎ Another
    commenter said` on the verb too)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    text = doc_text(verb.doc)  # Doc.text is rebuilt on every access
    if len(subjects) > 1:
        # `LONDON (Reuters) - Donald Trump said`: a dateline is no subject
        subjects = [c for c in subjects if not _dateline(c, text)] or subjects
    same_paragraph = [c for c in subjects if "\n" not in text[min(c.idx, verb.idx):max(c.idx, verb.idx)]]
    return (same_paragraph or subjects or [None])[0]


def _dateline(token: Token, text: str) -> bool:
    """`LONDON (Reuters) -`, `KYIV, Ukraine —`: an all-capitals place opening
    its line, followed by a dash within a few tokens (lane 13b); or an
    all-capitals label opening its line before a colon (`UPDATE:`)."""
    if not (token.is_upper and len(token) > 1) or text[text.rfind("\n", 0, token.idx) + 1:token.idx].strip():
        return False
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].text.startswith(":"):
        return True  # (a live blog's label: `UPDATE: “We are working …,” the company said`)
    return any(t.text in {"-", "—", "–", "--"} for t in token.doc[token.i + 1:token.i + 7])


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
        self._starts = [int(m["start"]) for m in self.mentions]  # sorted: bisect finds the overlap candidates

    def at(self, span: Span) -> dict | None:
        """The mention holding the span's head (its syntactic root: `ministry`
        in `the ministry of defence`), else an overlapping
        person or organisation (`US President Donald Trump fuming`); a country
        or group inside a phrase is a modifier (`Russian state media`), not the speaker."""
        head = span.root if span.root.i < span.end else span[-1]
        starting_before = self.mentions[:bisect_left(self._starts, span.end_char)]
        overlapping = [m for m in starting_before if int(m["end"]) > span.start_char]
        for m in overlapping:
            if int(m["start"]) <= head.idx < int(m["end"]):
                return m
        # a possessive is a modifier too (`Vladimir Putin’s closest ally` is not Putin)
        named = [m for m in overlapping if m.get("kind") in {"person", "organisation"}
                 and not _possessive_at(doc_text(span.doc), int(m["end"]))]
        return named[-1] if named else None

    def before(self, char: int) -> list[dict]:
        """Mentions ending before ``char``, nearest first."""
        return [m for m in reversed(self.mentions) if int(m["end"]) <= char]


def _possessive_at(text: str, end: int) -> bool:
    return text[end:end + 2] in {"’s", "'s"} or text[end:end + 1] in {"’", "'"}


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
