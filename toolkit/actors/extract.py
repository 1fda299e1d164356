"""Actor mentions: who is talked about, resolved to one ``actor_id`` per actor.

Method (rules over spaCy entities, in the spirit of textacy's extractors):

1. **Catalogue matches** (``doc.ents`` carrying ``ent_id_`` from the
   ``toolkit_actor_ruler``; they win over the statistical NER because the ruler
   runs first). Names and aliases give ``via="catalogue"``; epithets
   ("the Kremlin boss") ``via="epithet"``; time-bound role phrases ("the U.S.
   president") are re-resolved against ``ctx.published`` (Trump in 2025, Biden
   in 2022) and dropped when no actor held the role then.
2. **Model entities** (en_core_web_sm ``PERSON/ORG/GPE/LOC/FAC/NORP``,
   ``via="model"``), cleaned: possessives and determiners trimmed; person
   spans trimmed of title-case headline words ("Zelensky Seeks") and dropped
   when they are not name-shaped ("Ctrl + Enter", lowercase bylines); any
   entity whose text is a catalogued name or spelling variant (accents and
   transliteration endings folded, :func:`toolkit.actors.names.name_key`) takes
   the catalogue actor, so a place the model calls a person ("Kyiv", "Sumy") is
   a place; a person-labelled span governed by "in/near/outside ..." is a place.
   Unknown actors get stable ids from their normalised name: ``per:``,
   ``org:``, ``loc:``, ``grp:`` + the name key ("per:andriy_demchenko").
3. **Surname folding** within the article: a bare surname (or first name) of a
   person named in full elsewhere in the article takes that person's id
   (``via="surname"``); this also repairs one-word persons the model labels as
   organisations or places ("Lavrov" as ORG).
4. **Title modifiers** are not separate mentions: a demonym inside a
   person's title ("Russian" in "Russian President Vladimir Putin") and an
   epithet directly before the same actor's name ("Kremlin spokesperson
   Dmitry Peskov") are dropped, so an actor named with a title counts once.
   Nouns stay ("Kremlin" in "Kremlin adviser Yuri Ushakov" is a mention of the
   Kremlin).

Sources: spaCy ``EntityRuler``-before-``ner`` pattern (spaCy docs, "Rule-based
entity recognition"); surname coreference as in Stanford CoreNLP's
deterministic coreference "head match" sieve (Lee et al. 2013).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span

from toolkit.actors.catalogue import Actor, Catalogue
from toolkit.actors.names import TITLE_WORDS, actor_slug, name_key
from toolkit.context import ArticleContext, sentence_index, span_keys

#: kind of an uncatalogued model entity, and the prefix of its derived id
MODEL_KIND = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}
ID_PREFIX = {"person": "per", "organisation": "org", "place": "loc", "country": "loc", "group": "grp"}
UNKNOWN_SIDE = "unknown"
#: lowercase words allowed inside a person's name ("Ursula von der Leyen")
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "la", "le", "du", "da", "di", "al", "el", "bin", "ibn", "ben", "dos", "y"})
#: prepositions after which a "person" is a place ("the attack in Sumy")
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "around", "into", "towards", "toward", "inside"})
#: parts of speech that end a name: a title-case word with one of these at the
#: edge of a PERSON span is a headline word ("Putin Interested", "Win Trump")
NOT_NAME_POS = frozenset({"VERB", "AUX", "ADP", "ADV", "PRON", "DET", "CCONJ", "SCONJ", "NUM", "PART", "ADJ", "PUNCT", "SYM", "X", "INTJ"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’", "s"})


@dataclass(frozen=True)
class Mention:
    start: int  # token index
    end: int
    actor_id: str
    actor: str
    kind: str
    side: str
    role: str
    via: str
    label: str  # spaCy label of the entity it came from (for evaluation)

    def record(self, doc: Doc, article_id: str) -> dict:
        span = doc[self.start:self.end]
        return {
            "article_id": article_id,
            **span_keys(span),
            "surface": span.text,
            "actor_id": self.actor_id,
            "actor": self.actor,
            "kind": self.kind,
            "side": self.side,
            "role": self.role or None,
            "via": self.via,
        }


def extract_mentions(doc: Doc, ctx: ArticleContext, catalogue: Catalogue) -> list[dict]:
    """Actor mentions of one article (rows of the ``mentions`` table).

    ``doc`` must come from the toolkit pipeline (:func:`toolkit.pipeline.cached_pipeline`)
    so catalogue matches are in ``doc.ents``; ``ctx.published`` resolves role
    phrases. Never raises on odd text: an empty doc gives ``[]``.
    """
    return [m.record(doc, ctx.article_id) for m in find_mentions(doc, ctx, catalogue)]


def find_mentions(doc: Doc, ctx: ArticleContext, catalogue: Catalogue) -> list[Mention]:
    """The mentions as :class:`Mention` objects (token spans + spaCy label)."""
    if not len(doc):
        return []
    mentions = []
    for ent in doc.ents:
        mention = _from_catalogue(ent, ctx, catalogue) if ent.ent_id_ in catalogue else _from_model(ent, catalogue)
        if mention is not None:
            mentions.append(mention)
    mentions = drop_unconfirmed_headline_entities(mentions, doc)
    mentions = merge_split_names(mentions, doc)
    mentions = fold_partial_names(mentions, doc, catalogue)
    mentions = recover_surnames(mentions, doc)
    return drop_title_modifiers(mentions, doc)


# -- 1. catalogue matches -------------------------------------------------------

def _from_catalogue(ent: Span, ctx: ArticleContext, catalogue: Catalogue) -> Mention | None:
    phrase = _plain_apostrophes(ent.text).lower()
    actor = catalogue[ent.ent_id_]
    via = "catalogue"
    if phrase in catalogue.by_role_phrase:
        actor = catalogue.resolve_role_phrase(phrase, ctx.published)
        if actor is None:
            return None
        via = "epithet"
    elif phrase in catalogue.by_epithet:
        via = "epithet"
    start = ent.start
    if via == "catalogue" and len(ent) > 1 and ent[0].lower_ == "the":
        start += 1  # "the United States" -> "United States" (CoNLL/ACE span convention)
    return _mention(start, ent.end, actor, via, ent.label_)


# -- 2. model entities ----------------------------------------------------------

def _from_model(ent: Span, catalogue: Catalogue) -> Mention | None:
    if ent.label_ not in MODEL_KIND:
        return None
    span = _trim(ent)
    if span is None or _is_not_actor(span.text) or not _is_capitalised(span):
        return None
    if len(span) == 1 and span[0].lower_ in TITLE_WORDS:
        return None  # "Defense" of "Defense Minister Rustem Umerov"
    if ent.label_ == "PERSON":
        span = _trim_headline_words(span)
        span = _extend_first_names(span) if span is not None else None
        if span is None or not _is_name_shaped(span):
            return None
    known = _catalogue_actor(span, catalogue)
    if known is not None:
        return _mention(span.start, span.end, known, "catalogue", ent.label_)
    kind = MODEL_KIND[ent.label_]
    if kind == "person" and _governed_by_place_preposition(span):
        kind = "place"
    actor_id = actor_slug(span.text, ID_PREFIX[kind])
    if not actor_id:
        return None
    return Mention(span.start, span.end, actor_id, _display_name(span), kind, UNKNOWN_SIDE, "", "model", ent.label_)


def _catalogue_actor(span: Span, catalogue: Catalogue) -> Actor | None:
    """The catalogued actor a model entity names: alias (any case), demonym, or
    the same name key (first + last word too: "Vladimir V. Putin")."""
    text = _plain_apostrophes(span.text)
    actor_id = catalogue.by_demonym.get(text)
    if actor_id:
        return catalogue[actor_id]
    actor = catalogue.lookup(text)
    if actor is None and len(span) >= 3:
        actor = catalogue.lookup(f"{span[0].text} {span[-1].text}")
    return actor


def _trim(ent: Span) -> Span | None:
    """Drop leading determiners/punctuation and trailing possessives/punctuation."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in ("the", "a", "an")):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].lower_ in POSSESSIVE):
        end -= 1
    if end <= start:
        return None
    # a line break inside an entity joins two lines (a byline and a heading)
    for i in range(start, end):
        if "\n" in doc[i].whitespace_ or doc[i].is_space:
            end = i + 1 if not doc[i].is_space else i
            break
    return doc[start:end] if end > start else None


def _trim_headline_words(span: Span) -> Span | None:
    """Strip title-case non-name words from the edges of a person span
    ("Putin Interested" -> "Putin"; "Win Trump" -> "Trump")."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and _headline_word(doc[start]):
        start += 1
    while end > start and _headline_word(doc[end - 1]):
        end -= 1
    return doc[start:end] if end > start else None


def _headline_word(token) -> bool:
    return token.pos_ in NOT_NAME_POS or token.tag_.startswith("VB") or token.is_stop


def _extend_first_names(span: Span) -> Span:
    """Take in up to two capitalised proper nouns the model left out before a
    person ("Andrii" in "Andrii Demchenko"), never a title word ("President")."""
    doc = span.doc
    start = span.start
    while start > 0 and span.start - start < 2:
        prev = doc[start - 1]
        if (prev.ent_type or not prev.is_title or prev.pos_ != "PROPN" or prev.lower_.rstrip(".") in TITLE_WORDS
                or prev.is_sent_end or "\n" in prev.whitespace_):
            break
        start -= 1
    return doc[start:span.end]


def _is_name_shaped(span: Span) -> bool:
    """Every word capitalised (or a name particle), letters only apart from
    hyphens, apostrophes and initials' dots: rules out "Ctrl + Enter",
    "courtney stein" (a lowercase byline) and "2 May"."""
    words = [t for t in span if not t.is_space]
    if not words:
        return False
    for i, tok in enumerate(words):
        core = tok.text.replace("-", "").replace("'", "").replace("’", "").replace(".", "")
        if not core.isalpha():
            return False
        if tok.text[0].isupper():
            continue
        if 0 < i < len(words) - 1 and tok.lower_ in NAME_PARTICLES:
            continue
        if tok.lower_.startswith(("al-", "el-")):
            continue
        return False
    if len(words) == 1 and words[0].tag_ not in ("NNP", "NNPS"):
        return False  # a lone capitalised common word ("Hypersonic" heading)
    return True


def _is_capitalised(span: Span) -> bool:
    """Proper-noun shape for any label: starts with a capital or digit ("G7"),
    and a one-word entity is tagged a proper noun or is an acronym (rules out
    "n't", "ex-" and headings such as "Regrets over delayed offensive")."""
    first = span[0].text
    if not (first[:1].isupper() or first[:1].isdigit()):
        return False
    return len(span) > 1 or span[0].tag_ in ("NNP", "NNPS") or span[0].is_upper


def _governed_by_place_preposition(span: Span) -> bool:
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS


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
        # a headline, not a list of names ("Mike Atherton, Alec Stewart ..."):
        # it has a capitalised function word or verb after its first word
        if any((t.is_title or t.is_upper) and (t.is_stop or t.tag_.startswith("VB")) for t in sent[1:] if t.is_alpha):
            out.add(i)
    return out


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
    surname an ORG or GPE ("Lavrov")."""
    by_last: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    people: dict[str, Mention] = {}
    for m in mentions:
        if m.kind != "person" or m.via == "surname":
            continue
        names = [doc[m.start:m.end].text]
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
        if m.via == "model" and m.end - m.start == 1:
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


def recover_surnames(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """Add the bare surnames the model missed: a proper-noun token equal to the
    last word of exactly one uncatalogued person named in full in the article
    ("Alexander Lebed ... Lebed said"). Catalogued people need no help: the
    ruler matches their one-word aliases everywhere."""
    surnames: dict[str, set[str]] = {}
    people: dict[str, Mention] = {}
    for m in mentions:
        if m.kind == "person" and m.via == "model" and m.end - m.start >= 2:
            surnames.setdefault(doc[m.end - 1].text, set()).add(m.actor_id)
            people.setdefault(m.actor_id, m)
    if not surnames:
        return mentions
    covered = {i for m in mentions for i in range(m.start, m.end)}
    added = []
    for tok in doc:  # one dict lookup per token
        ids = surnames.get(tok.text)
        if ids is None or len(ids) != 1 or tok.i in covered or tok.pos_ != "PROPN":
            continue
        target = people[next(iter(ids))]
        added.append(replace(target, start=tok.i, end=tok.i + 1, via="surname", label="PERSON"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


# -- 4. title modifiers -----------------------------------------------------------

#: how far (in tokens) a title may stretch between a modifier and the name
MAX_TITLE_GAP = 4


def drop_title_modifiers(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """Drop mentions that are part of another actor's title (see module docstring)."""
    mentions = sorted(mentions, key=lambda m: m.start)
    kept = []
    for i, m in enumerate(mentions):
        following = mentions[i + 1] if i + 1 < len(mentions) else None
        previous = mentions[i - 1] if i > 0 else None
        if following is not None and following.kind == "person" and _is_title_of(m, following, doc):
            continue
        if previous is not None and _is_apposed_epithet(m, previous, doc):
            continue
        kept.append(m)
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
    gap = doc[m.end:person.start]
    if m.actor_id == person.actor_id and m.via == "epithet" and person.via != "epithet":
        # "Kremlin spokesperson Dmitry Peskov", "Ukraine's president, Volodymyr Zelenskiy"
        return len(gap) <= 1 and all(t.text == "," for t in gap)
    if len(gap) > MAX_TITLE_GAP or any(not (t.is_alpha or t.text in ("-", ".")) for t in gap):
        return False
    if m.actor_id == person.actor_id:
        return False
    if m.label != "NORP" or m.via == "surname":
        return False  # only demonyms: "England captain Mike Atherton" still mentions England
    # the modifier's head chain must lead into the title + name (compound/amod)
    tok = doc[m.end - 1]
    for _ in range(MAX_TITLE_GAP + 2):
        if person.start <= tok.i < person.end:
            return True
        if tok.dep_ not in ("compound", "amod", "nmod", "poss", "case") or tok.head is tok:
            return False
        tok = tok.head
    return False


# -- helpers ------------------------------------------------------------------

def _mention(start: int, end: int, actor: Actor, via: str, label: str) -> Mention:
    return Mention(start, end, actor.actor_id, actor.name, actor.kind, actor.side, actor.role, via, label)


def _display_name(span: Span) -> str:
    return " ".join(t.text for t in span if not t.is_space)


def _plain_apostrophes(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'")


@functools.lru_cache(maxsize=1)
def not_actor_surfaces() -> frozenset[str]:
    """Lowercased surfaces the model tags as entities that are never actors
    (``toolkit/actors/data/not_actors.yaml``: UI text, time zones, page furniture)."""
    path = Path(str(resources.files("toolkit.actors") / "data" / "not_actors.yaml"))
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return frozenset(str(s).lower() for group in data.values() for s in (group or ()))


def _is_not_actor(text: str) -> bool:
    return _plain_apostrophes(text).lower() in not_actor_surfaces()
