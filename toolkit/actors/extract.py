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
   An uncatalogued entity named like a country or territory (ISO 3166-1 short
   names, ``toolkit/actors/data/countries.yaml``) is a country whatever the
   model's label ("Sri Lanka" as PERSON).
   Unknown actors get stable ids from their normalised name: ``per:``,
   ``org:``, ``loc:``, ``grp:`` + the name key ("per:andriy_demchenko").
Steps 2b-4 are article-level rules in :mod:`toolkit.actors.resolve`:

2b. **Headlines**: in Title Case lines a model-only entity is kept only when
   the running text confirms it ("Rattles Sabers" is not a person).
3. **Surname folding** within the article: a bare surname (or first name) of a
   person named in full elsewhere in the article takes that person's id
   (``via="surname"``); this also repairs one-word persons the model labels as
   organisations or places ("Lavrov" as ORG).
4. **Title modifiers** are not separate mentions: a demonym inside a
   person's title ("Russian" in "Russian President Vladimir Putin") and an
   epithet next to the same actor's name ("Kremlin spokesperson Dmitry
   Peskov", "Ukraine's president, Volodymyr Zelenskiy") are dropped, so an
   actor named with a title counts once.
   Nouns stay ("Kremlin" in "Kremlin adviser Yuri Ushakov" is a mention of the
   Kremlin). An uncatalogued person takes the side of the country or
   institution in their title ("Russian presidential aide Sergey Kiriyenko").

Sources: spaCy ``EntityRuler``-before-``ner`` pattern (spaCy docs, "Rule-based
entity recognition"); surname coreference as in Stanford CoreNLP's
deterministic coreference "head match" sieve (Lee et al. 2013).
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path


from toolkit.datafiles import load_yaml
from spacy.tokens import Doc, Span

from toolkit.actors.catalogue import Actor, Catalogue
from toolkit.actors.mention import ID_PREFIX, UNKNOWN_SIDE, Mention, from_actor
from toolkit.actors.places import country_spans, is_country_name, is_locative_object
from toolkit.actors.names import NAME_PARTICLES, PERSON_NOUNS, TITLE_WORDS, actor_slug
from toolkit.actors.resolve import (
    add_dateline_places,
    drop_title_modifiers,
    drop_unconfirmed_headline_entities,
    fold_partial_names,
    merge_split_names,
    recover_surnames,
)
from toolkit.context import ArticleContext
from toolkit.records import MentionRecord

#: kind of an uncatalogued model entity, and the prefix of its derived id
MODEL_KIND = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}
#: parts of speech that end a name: a title-case word with one of these at the
#: edge of a PERSON span is a headline word ("Putin Interested", "Win Trump")
NOT_NAME_POS = frozenset({"VERB", "AUX", "ADP", "ADV", "PRON", "DET", "CCONJ", "SCONJ", "NUM", "PART", "ADJ", "PUNCT", "SYM", "X", "INTJ"})
#: labels whose names never end in a number (organisations may: "Airbus 310", "Formula 1")
NUMBERLESS_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’", "s"})


def extract_mentions(doc: Doc, ctx: ArticleContext, catalogue: Catalogue) -> list[MentionRecord]:
    """Actor mentions of one article (rows of the ``mentions`` table).

    Args:
        doc: parsed by the toolkit pipeline (:func:`toolkit.pipeline.build_pipeline`),
            so catalogue matches are in ``doc.ents``.
        ctx: the article; ``ctx.published`` resolves time-bound role phrases.
        catalogue: the catalogue the pipeline was built with.

    Returns:
        One :class:`~toolkit.records.MentionRecord` per mention, in text order;
        ``[]`` for an empty doc (never raises on odd text).

    Method and sources: see the module docstring (catalogue ruler before the
    statistical NER, cleaned model entities, article-level surname folding).
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
    mentions = _demonym_surnames(mentions, doc, catalogue)
    mentions = drop_unconfirmed_headline_entities(mentions, doc)
    mentions = add_dateline_places(mentions, doc, catalogue)
    mentions = _add_missed_countries(mentions, doc)
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
    return from_actor(start, ent.end, actor, via, ent.label_)


#: capitalised words before a demonym that make a bigger demonym, not a first name ("East German")
_DEMONYM_PREFIXES = frozenset({"east", "west", "north", "south", "northern", "southern", "eastern", "western",
                               "central", "old", "new", "ethnic", "anglo", "pro", "anti"})


def _demonym_surnames(mentions: list[Mention], doc: Doc, catalogue: Catalogue) -> list[Mention]:
    """`said Tracey German, professor in conflict and security at King’s
    College London` (Guardian 2022): a demonym the catalogue matched right
    after a capitalised first name, the pair in apposition with a noun, is a
    person's surname, not the country; the pair becomes one uncatalogued person."""
    out, drop = [], set()
    for m in mentions:
        token = doc[m.start]
        first = doc[m.start - 1] if m.start > 0 else None
        if (m.via != "catalogue" or m.end - m.start != 1 or token.text not in catalogue.by_demonym or first is None
                or first.pos_ != "PROPN" or not first.text[:1].isupper() or first.ent_id_
                or first.text in catalogue.by_demonym or first.lower_ in TITLE_WORDS | _DEMONYM_PREFIXES
                or first.head != token or first.dep_ != "compound"
                or not any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > token.i for c in token.children)):
            out.append(m)
            continue
        span = doc[first.i:m.end]
        drop.add(first.i)
        out.append(Mention(span.start, span.end, actor_slug(span.text, ID_PREFIX["person"]), _display_name(span),
                           "person", UNKNOWN_SIDE, "", "model", "PERSON"))
    if not drop:
        return mentions
    return [m for m in out if not (m.end - m.start == 1 and m.start in drop)]


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
        return from_actor(span.start, span.end, known, "catalogue", ent.label_)
    kind = MODEL_KIND[ent.label_]
    if ent.label_ != "NORP" and is_country_name(span.text):
        kind = "country"  # "Sri Lanka", "Bermuda" the model calls PERSON or ORG
    elif kind == "person" and _governed_by_place_preposition(span):
        kind = "place"
    elif kind in ("organisation", "place") and _apposed_to_person_noun(span):
        kind = "person"  # "the mayor, Oleksandr Striuk" the model calls ORG
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
    if ent.label_ in NUMBERLESS_LABELS:
        # a score or year glued to a place or person ("San Marino 4-0", "Ian Woosnam 64")
        while end > start and not any(ch.isalpha() for ch in doc[end - 1].text):
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
        if tok.text in HYPHENS and 0 < i < len(words) - 1 and not tok.whitespace_ and not words[i - 1].whitespace_:
            continue  # "Frank-Walter Steinmeier": the tokenizer splits the hyphen off
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


def _apposed_to_person_noun(span: Span) -> bool:
    """A name of two to four capitalised words in apposition with a noun that
    stands for one person ("Ukraine’s deputy defence minister, Hanna Maliar",
    "the mayor, Oleksandr Striuk", Guardian 2022)."""
    if not 2 <= len(span) <= 4 or not _is_name_shaped(span):
        return False
    root = span.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() in PERSON_NOUNS:
        return True
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in PERSON_NOUNS for c in root.children)


def _governed_by_place_preposition(span: Span) -> bool:
    return is_locative_object(span.root)


def _add_missed_countries(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """Country names the model and the catalogue missed (``countries.yaml``,
    :func:`toolkit.actors.places.country_spans`): kind country, side unknown."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    added = []
    for start, end in country_spans(doc, covered):
        span = doc[start:end]
        name = span.text if not span.text.isupper() else " ".join(w.capitalize() for w in span.text.split())
        added.append(Mention(start, end, actor_slug(span.text, ID_PREFIX["country"]), name, "country", UNKNOWN_SIDE,
                             "", "model", "GPE"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


# -- helpers ------------------------------------------------------------------

def _display_name(span: Span) -> str:
    """The words of the span, one space between them, but none around a hyphen
    the text wrote without spaces ("Frank-Walter Steinmeier")."""
    out = []
    for t in span:
        if t.is_space:
            continue
        glued = out and (t.text in HYPHENS or out[-1] in HYPHENS) and not t.doc[t.i - 1].whitespace_
        if out and not glued:
            out.append(" ")
        out.append(t.text)
    return "".join(out)


HYPHENS = {"-", "‐", "‑"}


def _plain_apostrophes(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'")


@functools.lru_cache(maxsize=1)
def not_actor_surfaces() -> frozenset[str]:
    """Lowercased surfaces the model tags as entities that are never actors
    (``toolkit/actors/data/not_actors.yaml``: UI text, time zones, page furniture)."""
    path = Path(str(resources.files("toolkit.actors") / "data" / "not_actors.yaml"))
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    return frozenset(str(s).lower() for group in data.values() for s in (group or ()))


def _is_not_actor(text: str) -> bool:
    return _plain_apostrophes(text).lower() in not_actor_surfaces()
