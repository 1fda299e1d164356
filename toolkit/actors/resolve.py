"""Article-level rules over the mentions of one document (steps 2b-4 of
:mod:`toolkit.actors.extract`): headline entities need confirmation, split
names are joined, bare surnames and first names fold into the full name,
and title modifiers are not separate mentions.

Sources: surname coreference follows the "head match" sieve of Stanford
CoreNLP's deterministic coreference (Lee et al. 2013, Computational
Linguistics 39(4)); the title-case test is the usual newsroom headline-style
heuristic (capitalised function words), tuned on the ru_ua_2022 headlines.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
from spacy.tokens import Doc

from toolkit.actors.catalogue import Catalogue
from toolkit.actors.mention import ID_PREFIX, UNKNOWN_SIDE, Mention, from_actor
from toolkit.actors.names import NAME_PARTICLES, actor_slug, name_key
from toolkit.actors.places import is_country_name, is_locative_object
from toolkit.context import sentence_index, string_ids, token_column, tokens_at


# -- 2b. title-case lines --------------------------------------------------------

#: a line is title case when at least this share of its content words is capitalised
TITLE_CASE_SHARE = 0.8
TITLE_CASE_MIN_WORDS = 3


def drop_unconfirmed_headline_entities(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """In Title Case Lines (headlines, section heads) the model reads capitalised
    words as names ("Rattles Sabers", "Explosion Kills", "Oil Price Cap"). There a
    model-only entity is kept only if the article's running text confirms it:
    the same name (or a full name ending in it) is an entity in a normal
    sentence. Catalogue matches are unaffected."""
    model_only = [m for m in mentions if m.via == "model"]
    if not model_only:
        return mentions
    sent_of = sentence_index(doc)
    headline = _title_case_sentences(doc, {int(sent_of[m.start]) for m in model_only})
    if not headline:
        return mentions
    confirmed: set[str] = set()
    for m in model_only:
        if int(sent_of[m.start]) not in headline:
            key = name_key(doc[m.start:m.end].text)
            confirmed.add(key)
            confirmed.add(key.rsplit(" ", 1)[-1])
    return [m for m in mentions
            if m.via != "model" or int(sent_of[m.start]) not in headline
            or name_key(doc[m.start:m.end].text) in confirmed]


def _title_case_sentences(doc: Doc, candidates: set[int]) -> set[int]:
    """Indices of the candidate sentences written in Title Case."""
    out = set()
    for i, sent in enumerate(doc.sents):
        if i not in candidates:
            continue
        words = [t for t in sent if t.is_alpha and len(t) >= 3 and not t.is_stop]
        capitalised = sum(1 for t in words if t.is_title or t.is_upper)
        if len(words) < TITLE_CASE_MIN_WORDS or capitalised < TITLE_CASE_SHARE * len(words):
            continue
        # a results table or a list of fixtures ("Derbyshire 471 ( J. Adams 123
        # , K. Barnett 87 )", "Queens Park Rangers v Bolton") is not a headline:
        # its names are real (CoNLL++ dev: the rule dropped 33 right entities
        # from such lines); ALL-CAPS lines stay headlines
        if not _all_caps(sent) and _reads_as_table(sent):
            continue
        # a headline, not a list of names ("Mike Atherton, Alec Stewart ..."):
        # it has a capitalised function word or verb after its first word
        if any((t.is_title or t.is_upper) and (t.is_stop or t.tag_.startswith("VB")) for t in sent[1:] if t.is_alpha):
            out.add(i)
    return out


def _all_caps(sent) -> bool:
    letters = [t for t in sent if t.is_alpha]
    return bool(letters) and all(t.is_upper for t in letters)


def _reads_as_table(sent) -> bool:
    """Scores, statistics or fixtures: two or more numbers, or a `v` between teams."""
    numbers = sum(1 for t in sent if any(ch.isdigit() for ch in t.text))
    return numbers >= 2 or any(t.text in {"v", "vs", "v."} for t in sent)


# -- 2c. datelines ------------------------------------------------------------------

#: what follows a dateline's place: an ISO date (Reuters wire copy: "ATHENS
#: 1996-08-22"), a news agency in brackets ("MOSCOW (Reuters)") or a dash
#: ("KYIV, Ukraine —")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATELINE_AGENCIES = frozenset({"reuters", "ap", "afp", "upi", "dpa", "ansa", "efe", "bloomberg", "tass", "interfax"})
DATELINE_DASHES = frozenset({"—", "–", "--"})
#: first characters of the tokens other than digits :func:`_dateline_end` accepts
_DATELINE_END_FIRST = frozenset({"—", "–", "-", "("})
MAX_DATELINE_WORDS = 4


def add_dateline_places(mentions: list[Mention], doc: Doc, catalogue: Catalogue) -> list[Mention]:
    """The place of a dateline ("ATHENS 1996-08-22", "COMMACK , New York
    1996-08-21", "KYIV, Ukraine (AP) —") is a place, whatever the model said
    (it often says nothing for an ALL-CAPS word, or ORG/PERSON). The dateline
    is an ALL-CAPS run of up to four words opening its line, optionally
    followed by ", Region", directly before an ISO date, a bracketed news
    agency, or a dash (only after ", Region": "NATO —" is no dateline); the
    region words are a place too. A catalogued name keeps its actor
    ("MOSCOW" -> moscow); a span the catalogue matched is left alone.

    Source: the dateline convention of wire copy (AP Stylebook, "datelines";
    Reuters Handbook of Journalism), where the place is written in capitals.
    """
    places = []
    # a dateline ends at a token that starts with a digit, a dash or "(" (see _dateline_end):
    # test that on the token texts first instead of making a Token of every token
    for i in _may_end_a_dateline(doc):
        if not _dateline_end(doc, i):
            continue
        end = i
        region = None
        j = end
        while j > 0 and doc[j - 1].is_title and doc[j - 1].pos_ == "PROPN" and end - j < 3:
            j -= 1
        if j < end and j > 1 and doc[j - 1].text == "," and _caps_word(doc[j - 2]):
            region = (j, end)
            end = j - 1
        start = end
        while start > 0 and _caps_word(doc[start - 1]) and end - start < MAX_DATELINE_WORDS:
            start -= 1
        if start == end or (start > 0 and _caps_word(doc[start - 1])):
            continue
        if start > 0 and not (doc[start].is_sent_start or doc[start - 1].ent_type_ == "PERSON"
                              or "\n" in doc[start - 1].whitespace_):
            continue  # the place opens its line (a byline may precede it: "Susan Nadeau CHICAGO ...")
        if doc[i].text in DATELINE_DASHES and region is None and not _opens_article(doc, start, doc[start:end].text,
                                                                                 catalogue):
            continue  # "NATO — the alliance ..." is no dateline; "KYIV, Ukraine —", "CAIRO —" opening an article are
        for a, b in [(start, end), *([region] if region else [])]:
            text = doc[a:b].text
            actor = catalogue.lookup(text)
            if actor is not None:
                places.append(from_actor(a, b, actor, "catalogue", "GPE"))
                continue
            kind = "country" if is_country_name(text) else "place"
            actor_id = actor_slug(text, ID_PREFIX[kind])
            if actor_id:
                name = text if not text.isupper() else " ".join(w.capitalize() for w in text.split())
                places.append(Mention(a, b, actor_id, name, kind, UNKNOWN_SIDE, "", "model", "GPE"))
    if not places:
        return mentions
    kept = []
    for m in mentions:
        overlapping = [p for p in places if m.start < p.end and p.start < m.end]
        if overlapping and m.via in ("catalogue", "epithet") and m.kind in ("place", "country"):
            places = [p for p in places if p not in overlapping]  # the catalogue already knew
        elif overlapping:
            continue
        kept.append(m)
    return sorted(kept + places, key=lambda m: m.start)


def _opens_article(doc: Doc, start: int, text: str, catalogue: Catalogue) -> bool:
    """A dash dateline without a region ("CAIRO — President Vladimir V. Putin
    ...", NYT 2022) only where a dateline goes, the article's first words, and
    not a catalogued actor of another kind ("NATO —")."""
    if any(not t.is_space for t in doc[:start]):
        return False
    actor = catalogue.lookup(text)
    return actor is None or actor.kind in ("place", "country")


def _dateline_end(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if _ISO_DATE.match(tok.text) or tok.text in DATELINE_DASHES:
        return True
    if tok.text.isdigit() and len(tok.text) == 4 and i + 4 < len(doc):  # the tokenizer splits "1996-08-22"
        return _ISO_DATE.match("".join(t.text for t in doc[i:i + 5])) is not None
    return (tok.text == "(" and i + 2 < len(doc) and doc[i + 1].lower_ in DATELINE_AGENCIES
            and doc[i + 2].text == ")")


def _caps_word(tok) -> bool:
    """An ALL-CAPS word of a dateline ("NEW", "ST.", "AL-AIN"), not a number."""
    core = tok.text.replace("-", "").replace(".", "").replace("'", "")
    return len(core) >= 2 and core.isalpha() and core.isupper()


# -- 3. surname folding ---------------------------------------------------------

def merge_split_names(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """Join an uncatalogued person span that runs straight into a catalogued
    person ("Sergey V." + "Lavrov", "Dmitri S." + "Peskov"): the model split one
    name, the catalogue knows who it is."""
    mentions = sorted(mentions, key=lambda m: m.start)
    merged: list[Mention] = []
    for m in mentions:
        prev = merged[-1] if merged else None
        if (prev is not None and prev.via == "model" and prev.kind == "person" and m.kind == "person"
                and m.via == "catalogue" and prev.end == m.start and "\n" not in doc[prev.end - 1].whitespace_):
            merged[-1] = replace(m, start=prev.start)
            continue
        merged.append(m)
    return merged


def fold_partial_names(mentions: list[Mention], doc: Doc, catalogue: Catalogue) -> list[Mention]:
    """Give a bare surname or first name the id of the person named in full in
    the same article (Stanford-sieve style head match). Applies to uncatalogued
    one-word entities of any model label, since the model often calls a lone
    surname an ORG or GPE ("Lavrov", "Marin"). A name in capitals lends no
    parts (a headline), and a word in capitals or after a locative "in" takes
    none (:func:`_may_be_a_surname`: a dateline "AMSTERDAM" is not the club
    "Ajax Amsterdam")."""
    by_last: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    people: dict[str, Mention] = {}
    for m in mentions:
        if m.kind != "person" or m.via == "surname":
            continue
        if m.via == "model" and not _donates_name_parts(m, doc):
            continue
        # an epithet's words are not name parts ("the Kremlin boss")
        names = [] if m.via == "epithet" else [doc[m.start:m.end].text]
        if m.actor_id in catalogue:
            actor = catalogue[m.actor_id]
            names += [actor.name, *actor.aliases]
        for name in names:
            parts = name_key(name).split()
            if len(parts) >= 2:
                by_last.setdefault(parts[-1], set()).add(m.actor_id)
                by_first.setdefault(parts[0], set()).add(m.actor_id)
        people.setdefault(m.actor_id, m)
    if not by_last:
        return mentions
    folded = []
    for m in mentions:
        target = None
        if m.via == "model" and m.end - m.start == 1 and _may_be_a_surname(doc[m.start]):
            key = name_key(doc[m.start].text)
            # a lone first name only folds when the model says it is a person
            ids = by_last.get(key) or (by_first.get(key) if m.label == "PERSON" else None) or set()
            if len(ids) == 1:
                target = people[next(iter(ids))]
        if target is not None:
            m = replace(m, actor_id=target.actor_id, actor=target.actor, kind="person",
                        side=target.side, role=target.role, via="surname")
        folded.append(m)
    return folded


def _may_end_a_dateline(doc: Doc) -> list[int]:
    """The tokens whose text starts with a digit or one of
    ``_DATELINE_END_FIRST``, in order: the test made once per distinct token
    text (``ORTH``), not once per token."""
    strings = doc.vocab.strings
    unique, inverse = np.unique(token_column(doc, "ORTH"), return_inverse=True)
    firsts = [strings[u][:1] for u in unique.tolist()]
    may_end = np.fromiter((f.isdigit() or f in _DATELINE_END_FIRST for f in firsts), dtype=bool, count=len(firsts))
    return np.flatnonzero(may_end[inverse.reshape(-1)]).tolist()


def recover_surnames(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """Add the bare surnames the model missed: a proper-noun token equal to the
    last word of exactly one uncatalogued person named in full in the article
    ("Alexander Lebed ... Lebed said"). Catalogued people need no help: the
    ruler matches their one-word aliases everywhere. Not from a "person"
    written in capitals (a headline), and never a word in capitals or after
    a locative "in" (a club: "Levski Sofia" does not make "In Sofia" a person;
    see :func:`_may_be_a_surname`)."""
    surnames: dict[str, set[str]] = {}
    people: dict[str, Mention] = {}
    for m in mentions:
        if (m.kind == "person" and m.via == "model" and m.end - m.start >= 2
                and _donates_name_parts(m, doc)):
            surnames.setdefault(doc[m.end - 1].text, set()).add(m.actor_id)
            people.setdefault(m.actor_id, m)
    if not surnames:
        return mentions
    covered = {i for m in mentions for i in range(m.start, m.end)}
    added = []
    # only a token whose text is one of the surnames can be one: found on the token texts' ids
    for tok in tokens_at(doc, np.isin(token_column(doc, "ORTH"), string_ids(doc, surnames))):
        ids = surnames.get(tok.text)
        if ids is None or len(ids) != 1 or tok.i in covered or tok.pos_ != "PROPN" or not _may_be_a_surname(tok):
            continue
        target = people[next(iter(ids))]
        start = tok.i
        # a surname with a particle ("Le Pen", "von der Leyen") keeps its particle
        while start > 0 and doc[start - 1].lower_ in NAME_PARTICLES and start - 1 not in covered:
            start -= 1
        added.append(replace(target, start=start, end=tok.i + 1, via="surname", label="PERSON"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _donates_name_parts(m: Mention, doc: Doc) -> bool:
    """A model person whose surname may stand for them elsewhere in the
    article: not when the whole name is in capitals (a headline: "WHEAT SALES"
    made "SOYBEAN SALES" a person, CoNLL++ train)."""
    letters = [t for t in doc[m.start:m.end] if t.is_alpha]
    return not (letters and all(t.is_upper for t in letters) and any(len(t) > 1 for t in letters))


def _may_be_a_surname(tok) -> bool:
    """A lone word that may stand for a person named in full: not in capitals
    (a dateline or headline: "AMSTERDAM") and not where a place goes ("In
    Sofia : Levski Sofia ( Bulgaria ) 1"); "interested in McCarthy" may be
    one (:func:`toolkit.actors.places.is_locative_object`)."""
    return not (tok.is_upper and len(tok) > 1) and not is_locative_object(tok)


# -- 4. title modifiers -----------------------------------------------------------

#: how far (in tokens) a title may stretch between a modifier and the name
MAX_TITLE_GAP = 4
#: dependency relations that chain a title's words to the name
TITLE_DEPS = ("compound", "amod", "nmod", "poss", "case")


def drop_title_modifiers(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """Drop mentions that are part of another actor's title (see module
    docstring), and give an uncatalogued person the side of the country or
    institution in their title ("Russian presidential aide Sergey Kiriyenko",
    "Kremlin adviser X" -> Russia) for every mention of them in the article."""
    mentions = sorted(mentions, key=lambda m: m.start)
    kept = []
    sides: dict[str, str] = {}
    for i, m in enumerate(mentions):
        following = mentions[i + 1] if i + 1 < len(mentions) else None
        previous = mentions[i - 1] if i > 0 else None
        if following is not None and following.kind == "person":
            if _in_title_of(m, following, doc) and m.side != UNKNOWN_SIDE and following.side == UNKNOWN_SIDE:
                sides.setdefault(following.actor_id, m.side)
            if _is_title_of(m, following, doc):
                continue
        if previous is not None and _is_apposed_epithet(m, previous, doc):
            continue
        kept.append(m)
    if sides:
        kept = [replace(m, side=sides[m.actor_id]) if m.side == UNKNOWN_SIDE and m.actor_id in sides else m
                for m in kept]
    return kept


def _is_apposed_epithet(m: Mention, name: Mention, doc: Doc) -> bool:
    """An epithet in apposition right after the same actor's name ("Dmitri S.
    Peskov, the Kremlin's spokesman") or right before it with a comma
    ("Ukraine's president, Volodymyr Zelenskiy" is handled by :func:`_is_title_of`)."""
    if m.via != "epithet" or m.actor_id != name.actor_id or name.via == "epithet":
        return False
    gap = doc[name.end:m.start]
    return len(gap) <= 1 and all(t.text == "," for t in gap)


def _is_title_of(m: Mention, person: Mention, doc: Doc) -> bool:
    """``m`` is not a mention in its own right: a demonym in the person's title,
    or an epithet of the same actor right before the name."""
    if m.actor_id == person.actor_id and m.via == "epithet" and person.via != "epithet":
        # "Kremlin spokesperson Dmitry Peskov", "Ukraine's president, Volodymyr Zelenskiy"
        gap = doc[m.end:person.start]
        return len(gap) <= 1 and all(t.text == "," for t in gap)
    # only demonyms: "England captain Mike Atherton" still mentions England
    return m.label == "NORP" and m.via != "surname" and _in_title_of(m, person, doc)


def _in_title_of(m: Mention, person: Mention, doc: Doc) -> bool:
    """``m`` modifies the person's name through a short title: only words in
    between, and its head chain (compound/amod/...) leads into the name."""
    if m.actor_id == person.actor_id or m.kind == "person":
        return False
    gap = doc[m.end:person.start]
    if len(gap) > MAX_TITLE_GAP or any(not (t.is_alpha or t.text in ("-", ".")) for t in gap):
        return False
    tok = doc[m.end - 1]
    for _ in range(MAX_TITLE_GAP + 2):
        if person.start <= tok.i < person.end:
            return True
        if tok.dep_ not in TITLE_DEPS or tok.head is tok:
            return False
        tok = tok.head
    return False
