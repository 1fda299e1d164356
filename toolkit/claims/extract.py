"""The claims extractor: one row per human-toll figure stated in the text.

Method (rule-based, no training data): find every figure with
:func:`toolkit.claims.numbers.find_quantities` (digits, words, vague
quantities, hedges, ranges, swaps); keep those the dependency parse reads as
counting people who were killed / injured / captured / displaced / missing
(:mod:`toolkit.claims.syntax`); add implicit singulars ("a man was shot
dead"); count one victim told over several sentences once ("a man was shot
... he was pronounced dead" is one killed); then fill the claimant (:mod:`toolkit.claims.claimant`) and the unit,
side, scope, event and event date (:mod:`toolkit.claims.attributes`).

Values: ``value_low``/``value_high`` are the bounds the text commits to;
"up to N" has no low bound, "at least N"/"more than N" no high bound.
A rounded figure with the exact one in parentheses ("more than one million
casualties (1,008,240)") is one claim: the values are the exact figure and
the qualifier is ``exact``; the rounded figure and its hedge stay in
``surface`` and in ``stated_value`` / ``stated_qualifier`` (``None`` when no
rounded figure was stated).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from toolkit.claims import attributes, qualify
from toolkit.claims.claimant import OUTLET_PREFIX, resolve_claimant
from toolkit.claims.lexicon import load_lexicon, Lexicon
from toolkit.claims.numbers import Quantity, find_quantities, parenthesised_exact
from toolkit.claims.syntax import LIFE_VERBS, NOT_PEOPLE_ENTS, Reading, cared_for, is_hospital, is_non_person, read_figure
from toolkit.context import ArticleContext, entity_starting_at, sent_id as sent_id_of, doc_text, lowered_in, string_ids, token_column, tokens_at
from toolkit.records import ClaimRecord

#: singular nouns that, with "a"/"an", count one person ("a man was shot dead")
SINGULAR_PEOPLE = frozenset({
    "man", "woman", "person", "boy", "girl", "child", "teen", "teenager", "baby", "infant", "toddler", "adult",
    "youth", "juvenile", "male", "female", "soldier", "civilian", "resident", "officer", "deputy", "trooper",
    "driver", "motorist", "victim", "student", "pedestrian", "passenger", "journalist", "reporter", "worker",
    "employee", "clerk", "customer", "neighbor", "neighbour", "friend", "relative", "father", "mother", "son",
    "daughter", "brother", "sister", "husband", "wife", "boyfriend", "girlfriend", "suspect", "gunman",
    "robber", "intruder", "homeowner", "security", "guard", "serviceman", "policeman", "volunteer", "medic",
    "doctor", "nurse", "farmer", "fighter", "pilot", "commander", "general", "prisoner", "hostage",
    "individual", "senior", "elderly", "cyclist", "bystander", "patron", "owner", "shopkeeper", "firefighter",
    "refugee", "producer", "photographer", "cameraman", "athlete", "coach", "priest", "teacher", "engineer",
    "official", "mayor", "volunteer", "paramedic", "rescuer", "citizen", "national", "marine", "contractor",
    "attendant", "cashier", "manager", "bartender", "bouncer", "teammate", "roommate", "tenant", "landlord"})
#: cues that say only that a person was shot or wounded, not whether they lived (a reader
#: of article-level counts may take such a person for the dead victim told again)
SHOT_ONLY_CUES = frozenset({"shoot", "stab", "wound", "shooting", "suffer", "sustain", "gunshot"})
#: cues that make a named person no toll figure: natural deaths, arrests, flights
NOT_NAMED_VICTIM_CUES = frozenset({"detain", "imprison", "arrest", "flee", "escape", "evacuate",
                                   "relocate", "disappear", "surrender", "release", "free", "return",
                                   "exchange", "swap", "trade", "deport"})
#: words that make a named person's death violent ("died after being shot")
VIOLENCE_WORDS = frozenset({"shoot", "shot", "gunshot", "wound", "injury", "attack", "strike", "shell", "shelling",
                            "missile", "bomb", "stab", "explosion", "blast", "gunfire", "kill", "murder", "fire"})
#: words of a shooting or stabbing (a narrower test than VIOLENCE_WORDS, for one unnamed victim in care)
SHOOTING_WORDS = frozenset({"shoot", "shot", "gunshot", "gunfire", "bullet", "stab", "shooting", "gunman"})
#: "a 1,000-for-1,000 swap": a reciprocal figure on these nouns counts prisoners per side
RECIPROCAL_NOUNS = frozenset({"swap", "exchange", "trade", "deal", "prisoner", "handover"})
#: how far (tokens) the counted noun may sit from the figure and still be in `surface`
MAX_SURFACE_GAP = 6


def extract_claims(doc: Doc, ctx: ArticleContext, *, mentions: Sequence[dict] = (),
                   quotes: Sequence[dict] = (), dates: Sequence[dict] = ()) -> list[ClaimRecord]:
    """Casualty / human-toll claims in ``doc`` as claims-table records.

    Args:
        doc: a parsed article (the dependency parse says what a figure counts).
        ctx: the article; the outlet is the claimant when nobody else is.
        mentions, quotes, dates: the same doc's records of those tables (the
            claimant, whether the figure is quoted, the event date).

    Returns:
        One :class:`~toolkit.records.ClaimRecord` per human-toll figure.

    Method: see the module docstring (rule-based: figures, their dependency
    reading, claimant and attributes; no training data).
    """
    if len(doc) == 0:
        return []
    lex = load_lexicon()
    mentions, quotes, dates = list(mentions or ()), list(quotes or ()), list(dates or ())
    records: list[dict] = []
    consumed: set[int] = set()  # start offsets of parenthesised exact figures already merged
    for quantity in find_quantities(doc_text(doc)):
        if quantity.start in consumed:
            continue
        record = _claim_for_quantity(doc, ctx, quantity, lex, mentions, quotes, dates, consumed)
        if record is not None:
            records.append(record)
    covered = [(r["start"], r["end"]) for r in records]
    records += _implicit_singulars(doc, ctx, lex, mentions, quotes, dates, covered)
    records = sorted(records, key=lambda r: r["start"])
    records = _died_later(doc, ctx, lex, records, mentions, quotes, dates)
    _survived_later(doc, records)
    _scope_linked_stories(doc, records)
    _share_elliptical_claimants(doc, records)
    _continue_claimants(doc, records)
    _inherit_sides(records)
    return fold_repeats(records)


#: the words between two figures of one elliptical coordination: "six people
#: were killed and 15 injured", "three dead and 12 wounded"
ELLIPSIS_GAP = re.compile(r"\s+(?:(?:were|was|have\s+been|had\s+been|are)\s+)?[\w-]+\s*,?\s+(?:and|or)\s+$")


#: a sentence that goes on with the figures of the one before ("Another 73 were injured.")
CONTINUATION = re.compile(r"\s*(?:another|a\s+further|and|a\s+further\s+\d[\d,]*)\b", re.I)


def _continue_claimants(doc: Doc, records: list[dict]) -> None:
    """"Moscow claims a Himars strike killed 53 Ukrainian prisoners of war ...
    Another 73 were injured.": a sentence that opens with "Another" / "A
    further" and names no source of its own continues the sentence before,
    and its figures are told by the same claimant."""
    for prev, rec in zip(records, records[1:]):
        if rec["sent_id"] != prev["sent_id"] + 1 or not rec["claimant_is_outlet"] or prev["claimant_is_outlet"]:
            continue
        sent = doc[sent_start_token(doc, rec["start"])].sent
        if CONTINUATION.match(sent.text) and rec["start"] - sent.start_char <= len(sent.text.split()[0]) + 12:
            for key in ("claimant", "claimant_actor_id", "claimant_is_outlet", "in_quote"):
                rec[key] = prev[key]


def sent_start_token(doc: Doc, char: int) -> int:
    """The index of the token at character ``char``."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _share_elliptical_claimants(doc: Doc, records: list[dict]) -> None:
    """"where authorities said six people were killed and 15 injured": the
    second figure has no verb of its own, so the parser often hangs it far
    away (and an "according to" later in the sentence wins it); it is told
    by whoever tells the first."""
    for prev, rec in zip(records, records[1:]):
        if prev["sent_id"] != rec["sent_id"] or not ELLIPSIS_GAP.fullmatch(doc_text(doc)[prev["end"]:rec["start"]]):
            continue
        for key in ("claimant", "claimant_actor_id", "claimant_is_outlet", "in_quote"):
            rec[key] = prev[key]


def _side_of_name(name: str | None, lex: Lexicon) -> str | None:
    """"Ukrainian president's office" -> Ukraine: a side word in a claimant's name."""
    for word in str(name or "").lower().replace("’", "'").split():
        side = lex.side_words.get(word) or lex.side_words.get(word.removesuffix("'s"))
        if side in attributes.OPPOSITE_SIDE:
            return side
    return None


def _inherit_sides(records: list[dict]) -> None:
    """A figure whose side the text does not say in its own sentence takes
    the side of the figure before it in the same sentence ("Eight people
    have been killed and four have been wounded in ... Toretsk"), or in the
    sentence before from the same claimant ("37,000 dead Russian soldiers.
    Total sanitary losses of 98-117 thousand people")."""
    for i, rec in enumerate(records):
        if rec["side_affected"] != "unknown" or i == 0:
            continue
        # a figure after one of a known side, in the same sentence or the one before
        prev = records[i - 1]
        if prev["side_affected"] in attributes.OPPOSITE_SIDE and rec["about_story"] and (
                prev["sent_id"] == rec["sent_id"]
                or (prev["sent_id"] == rec["sent_id"] - 1 and (prev["claimant"] == rec["claimant"]
                                                               or not rec["claimant_is_outlet"]))):
            rec["side_affected"] = prev["side_affected"]
    for rec in records:
        guess = rec.pop("_side_guess", None)
        if rec["side_affected"] == "unknown" and guess:
            rec["side_affected"] = guess


def fold_repeats(records: list[dict]) -> list[dict]:
    """The same figure repeated in one article is one claim: same category,
    bounds, side, modality and rate, and no conflicting event (a figure of
    one person needs the same named event). The first mention carries
    ``mentions`` = how many times the article gives it and ``repeat_sent_ids``
    the sentences of the others ("4;17"); each later mention stays a row (so
    it traces to its sentence and can be reviewed) with ``mentions`` = 0,
    which :func:`toolkit.claims.headline_mask` never counts."""
    kept: list[dict] = []
    for rec in records:
        first = next((k for k in kept if k.get("mentions", 1) > 0 and _same_figure(k, rec)), None)
        kept.append(rec)
        if first is None:
            continue
        rec["mentions"] = 0
        first["mentions"] = first.get("mentions", 1) + 1
        for key in ("event_date", "event"):
            if first.get(key) is None and rec.get(key) is not None:
                first[key] = rec[key]
        ids = [x for x in str(first.get("repeat_sent_ids") or "").split(";") if x]
        first["repeat_sent_ids"] = ";".join(ids + [str(rec["sent_id"])])
    return kept


def _same_figure(a: dict, b: dict) -> bool:
    keys = ("category", "value_low", "value_high", "side_affected", "modality", "rate", "about_story")
    if any(a.get(k) != b.get(k) for k in keys) or a["sent_id"] == b["sent_id"]:
        return False
    ea, eb = a.get("event"), b.get("event")
    if (a.get("value_low") or 0) <= 1 or (a.get("value_high") or 0) == 1:
        return ea is not None and ea == eb
    return ea is None or eb is None or ea == eb


def _claim_for_quantity(doc: Doc, ctx: ArticleContext, q: Quantity, lex: Lexicon, mentions, quotes, dates,
                        consumed: set[int]) -> dict | None:
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    anchor = _anchor(span)
    # dates are written in digits: a number word tagged DATE/TIME sits next to a
    # live blog's timestamp ("21.50 Eight have died"), not inside a date
    word_number = anchor.is_alpha and anchor.ent_type_ in ("DATE", "TIME")
    if anchor.ent_type_ in ("MONEY", "PERCENT", "ORDINAL") or _looks_like_year(q) or _is_list_marker(anchor):
        return None
    reading = read_figure(anchor, lex)
    # NER calls "60-100 soldiers per day" a QUANTITY: a person noun overrides it
    counts_people = reading.noun is not None and reading.noun.lemma_.lower() in lex.person_nouns
    if anchor.ent_type_ in NOT_PEOPLE_ENTS and not (q.vague or word_number or counts_people):
        return None
    if q.per_side and reading.category is None and reading.head.lemma_.lower() in RECIPROCAL_NOUNS:
        reading = Reading(head=reading.head, noun=None, category="prisoners", cue=reading.head)
    if reading.category is None or is_non_person(reading.noun, lex) or _is_population(reading, anchor) \
            or POSSESSIVE_BEFORE.search(doc_text(doc)[max(0, q.start - 4):q.start]):
        return None
    if reading.noun is None and reading.head.pos_ == "NUM" and reading.cue is None:
        return None
    if reading.category in ("evacuated", "displaced") and _family_of_one(reading.noun):
        return None  # "Filonenko had just evacuated his wife and two children": one family, not a toll
    end = q.end
    noun = reading.noun
    if noun is not None and noun.i > anchor.i and noun.i - anchor.i <= MAX_SURFACE_GAP \
            and (noun in anchor.ancestors or noun.head.head == anchor) and "\n" not in doc_text(doc)[q.end:noun.idx]:
        end = max(end, noun.idx + len(noun))
    low, high, qualifier, extra = q.low, q.high, q.qualifier, {}
    exact = parenthesised_exact(doc_text(doc), end)
    stated = q.low if q.low is not None else q.high
    if exact is not None and stated and not 0.5 <= exact[0] / stated <= 2:
        exact = None  # "12 people (2022)": a year or a note, not the exact figure behind a rounded one
    if exact is not None:
        value, paren_end = exact
        extra = {"stated_value": stated, "stated_qualifier": q.qualifier}
        low = high = value
        qualifier = "exact"
        consumed.update(end + x.start for x in find_quantities(doc_text(doc)[end:paren_end]))
        end = paren_end
    return _record(doc, ctx, reading, q.start, end, low, high, qualifier, q.per_side, lex, mentions, quotes, dates,
                   extra)


FAMILY_NOUNS = frozenset({"child", "children", "son", "daughter", "wife", "husband", "mother", "father", "parent",
                          "sister", "brother", "grandchild", "grandson", "granddaughter", "kid", "family"})


def _family_of_one(noun: Token | None) -> bool:
    """"his wife and two children", "her three children": one person's family."""
    if noun is None or noun.lemma_.lower() not in FAMILY_NOUNS:
        return False
    for tok in (noun, *noun.conjuncts):
        if any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their", "my", "our") for c in tok.children):
            return True
    return False


#: "the city’s half a million residents": a possessor right before the figure
POSSESSIVE_BEFORE = re.compile(r"[’']s\s+$")


def _is_population(reading: Reading, anchor: Token) -> bool:
    """"the city's half a million residents", "Ukraine's 40 million people":
    a possessor before the figure makes it a population, not a toll."""
    noun = reading.noun
    return noun is not None and any(c.dep_ == "poss" and c.i < anchor.i for c in noun.children)


def _anchor(span: Span) -> Token:
    """The token that carries the figure: the last numeric/vague word."""
    for tok in reversed(span):
        if tok.like_num or tok.pos_ in ("NUM", "NOUN", "ADJ", "PRON"):
            # "between 100 and 200 soldiers": the parser makes 200 a conjunct of 100
            if tok.dep_ == "conj" and tok.head.i >= span.start and tok.head.like_num:
                return tok.head
            return tok
    return span[-1]


def _looks_like_year(q: Quantity) -> bool:
    surface = q.surface.strip()
    return q.qualifier == "exact" and surface.isdigit() and len(surface) == 4 and 1800 <= int(surface) <= 2100


def _is_list_marker(tok: Token) -> bool:
    """"1." at the start of a line or inside a code such as "Article 5"."""
    return tok.i > 0 and tok.nbor(-1).lower_ in ("article", "no", "no.", "number", "resolution", "page", "chapter")


def _implicit_singulars(doc: Doc, ctx: ArticleContext, lex: Lexicon, mentions, quotes, dates,
                        covered: list[tuple[int, int]]) -> list[dict]:
    """One person, without a number: "a man was shot dead", "a woman was
    killed", "killing one man and injuring another". The noun must be the
    object / passive subject of a harm verb (a category noun such as "a
    death" is an event, not a count) and not a thing ("a car was hit")."""
    out = []
    for tok in _singular_candidates(doc):
        if tok.lower_ in ("a", "an") and tok.dep_ == "det":
            noun, start = tok.head, tok.idx
        elif tok.lower_ == "another" and tok.dep_ == "det" and tok.head.dep_ in ("dobj", "pobj", "nsubjpass"):
            # "accused of shooting another man", "the shooting of another man in the leg"
            noun, start = tok.head, tok.idx
        elif tok.lower_ == "the" and tok.dep_ == "det" and \
                ((tok.head.tag_ == "NN" and tok.head.lemma_.lower() in DEFINITE_VICTIMS | SINGULAR_PEOPLE) or _is_age_noun(tok.head)):
            # "The victim was shot in the leg", "pronounced the man dead", "the
            # 4-year-old had been shot", "Police then shot the suspect, who was later
            # pronounced dead": one unnamed victim, when nothing in the
            # article counted anyone (else it is a victim already counted)
            noun, start = tok.head, tok.idx
            if out or covered or not _shot_directly(tok.head):
                continue
        elif tok.dep_ == "poss" and tok.lower_ in ("his", "her", "their") and tok.head.tag_ == "NN" \
                and tok.head.lemma_.lower() in KIN_NOUNS and (tok.head.dep_ in ("dobj", "nsubjpass") or (
                    # "charged in the shooting death of his wife" (not "recounted the murder of her nephew":
                    # a portrait of one person, as in war coverage)
                    tok.head.dep_ == "pobj" and tok.head.head.lower_ == "of"
                    and tok.head.head.head.lemma_.lower() == "death"
                    and any(c.dep_ in ("compound", "amod") and c.lower_ in ("shooting", "stabbing")
                            for c in tok.head.head.head.children))) \
                and not any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.head.children):
            # (not "her nephew Volodymyr was held prisoner and then killed": a named person, whom
            # the named-victim rule below counts when NER calls the name a person)
            # "a man in his 20s shot his stepfather", "shot and injured his son"
            noun, start = tok.head, tok.idx
        elif tok.lower_ == "another" and (tok.dep_ in ("dobj", "nsubjpass") or
                                          (tok.dep_ == "nsubj" and tok.head.tag_ == "VBN")):
            # "left one person dead and another injured" (the parser makes "injured" a verb)
            noun, start = tok, tok.idx
        elif tok.lower_ == "another" and tok.dep_ == "det" and tok.head.lower_ in ANOTHER_FATES and \
                tok.head.dep_ == "conj" and not any(s <= tok.idx < e for s, e in covered):
            # "one person was killed and another hurt during a shooting" (the parser makes "hurt" a
            # noun), "One man is dead and another hospitalized after a shooting"
            fate = tok.head
            category = lex.predicate_category.get(fate.lower_) or lex.predicate_category.get(fate.lemma_.lower())
            if category in ("killed", "injured"):
                reading = Reading(head=fate, noun=None, category=category, cue=fate)
                out.append(_record(doc, ctx, reading, tok.idx, fate.idx + len(fate), 1.0, 1.0, "exact", False, lex,
                                   mentions, quotes, dates, {}))
                covered.append((tok.idx, fate.idx + len(fate)))
            continue
        elif tok.lower_ == "another" and tok.i > 0 and tok.nbor(-1).lower_ in ("and", ",") and \
                _gapped_fate(tok) is not None and not any(s <= tok.idx < e for s, e in covered) and \
                any(s < tok.idx and sent_id_of(doc, doc.char_span(s, e, alignment_mode="expand").start) ==
                    sent_id_of(doc, tok.i) for s, e in covered + [(r["start"], r["end"]) for r in out]):
            # gapping: "One man was killed and another wounded Monday night" (the parser hangs
            # "another" on "night"), "to find one man dead and another seriously wounded": the
            # second victim of a figure told just before in the sentence
            fate = _gapped_fate(tok)
            category = lex.predicate_category.get(fate.lower_) or lex.predicate_category.get(fate.lemma_.lower())
            reading = Reading(head=fate, noun=None, category=category, cue=fate)
            out.append(_record(doc, ctx, reading, tok.idx, fate.idx + len(fate), 1.0, 1.0, "exact", False, lex,
                               mentions, quotes, dates, {}))
            covered.append((tok.idx, fate.idx + len(fate)))
            continue
        elif tok.lower_ in ("he", "she") and not out and not covered and _pronoun_hurt(tok):
            # "He had suffered a self-inflicted gunshot wound and was taken to Bronson Methodist Hospital",
            # "The victim told officers she was shot in the leg": the one victim, told only by a pronoun
            # (introduced by a word that counts nobody), when nothing in the article counted anyone
            reading = read_figure(tok, lex)
            if reading.category != "injured" or reading.cue is None:
                continue
            out.append(_record(doc, ctx, reading, tok.idx, tok.idx + len(tok), 1.0, 1.0, "exact", False, lex,
                               mentions, quotes, dates, {}))
            continue
        elif tok.lower_ in ("himself", "herself") and tok.dep_ == "dobj" and \
                tok.head.lemma_.lower() in ("shoot", "kill", "wound", "injure", "stab") and \
                tok.head.dep_ not in ("pcomp", "xcomp") and \
                not any(r["sent_id"] == sent_id_of(doc, tok.i) for r in out) and \
                not any(s <= t.idx < e for t in tok.sent for s, e in covered):
            # "the homeowner accidentally shot himself", "then fatally shot himself": the
            # shooter is the one hurt (not when his victim in the sentence was counted:
            # "a man appears to have shot and killed himself" is that man)
            noun, start = tok, tok.idx
        elif (tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B") or _aged_name(tok) is not None:
            named = _named_victim(doc, tok, lex, covered)
            same = [r for r in out if named is not None and r["value_low"] == 1
                    and _same_person(doc_text(doc)[named[1]:named[2]], r["surface"])]
            if same:
                # "Najee Odom ... was found shot to death. Odom was transported ...": counted
                # already; "Lavon Spaights, 22, ... was shot" then "the shooting death of
                # Lavon Spaights": the same victim, who died
                if named[0].category == "killed" and same[0]["category"] == "injured":
                    same[0]["category"], same[0]["cue"] = "killed", named[0].cue.lemma_.lower()
                elif named[0].category == "injured" == same[0]["category"] and same[0]["cue"] in SHOT_ONLY_CUES \
                        and named[0].cue.lemma_.lower() not in SHOT_ONLY_CUES:
                    # "Emma Braddy had been shot in the hand" then "Emma Braddy was taken to Thomas
                    # Hospital where she was treated for her injuries": shot and survived, an injury
                    # in its own right (not the dead victim told again)
                    same[0]["cue"] = named[0].cue.lemma_.lower()
                continue
            if named is not None:
                out.append(_record(doc, ctx, named[0], named[1], named[2], 1.0, 1.0, "exact", False, lex,
                                   mentions, quotes, dates, {}))
                covered.append((named[1], named[2]))
            continue
        else:
            continue
        age_noun = _is_age_noun(noun)  # "A 15-year-old was shot"
        # (the parser tags "a suspect" JJ in "shot and injured a suspect")
        tagged_noun = noun.tag_ in ("NN", "DT") or (noun.tag_ == "JJ" and noun.lower_ in SINGULAR_PEOPLE
                                                   and noun.dep_ in ("dobj", "nsubjpass", "nsubj"))
        if not age_noun and (not tagged_noun and noun.lower_ not in ("himself", "herself")
                             or noun.ent_type_ in ("ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT")):
            continue
        if lex.noun_category.get(noun.lemma_.lower()) in ("killed", "injured", "casualties", "missing"):
            continue  # "a death", "an injury": an event, not a person
        # "a shooting that left a married couple injured": two people (not "a couple of ...", a vague figure)
        couple = noun.lower_ == "couple" and tok.lower_ in ("a", "an") and \
            not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
        if not age_noun and not couple and noun.lemma_.lower() not in SINGULAR_PEOPLE | KIN_NOUNS \
                and noun.lower_ not in SINGULAR_PEOPLE and noun is not tok:
            continue
        if any(s <= noun.idx < e for s, e in covered):
            continue
        if noun.dep_ == "appos" and any(s <= noun.head.idx < e for s, e in covered):
            continue  # "Maj Gen Andrei Simonov, a Russian electronic warfare commander": counted already
        reading = read_figure(noun, lex)
        if reading.category is None and noun is not tok:
            reading = _pronoun_victim(noun, lex) or _shooting_victim(noun) or reading
        if reading.category is None and tok.lower_ in ("another", "a", "an") and noun.dep_ == "pobj" and \
                noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in ("shooting", "killing", "stabbing"):
            # "investigating the shooting of a 16-year-old boy": one victim (injured unless the text says more)
            cue = noun.head.head
            reading = Reading(head=noun, noun=noun, category="killed" if cue.lemma_.lower() == "killing"
                              else "injured", cue=cue)
        if reading.category is None or reading.cue is None or reading.cue.i == noun.i:
            continue
        if tok.dep_ == "poss" and reading.category not in ("killed", "injured"):
            continue  # "Filonenko had just evacuated his wife and two children": one family, not a toll
        if reading.cue.dep_ == "amod" and reading.cue.head.i == noun.i and reading.cue.i < noun.i:
            continue  # "one of a dead child" (an image): an adjective alone does not count someone
        end = noun.idx + len(noun)
        value = 2.0 if couple else 1.0
        out.append(_record(doc, ctx, reading, start, end, value, value, "exact", False, lex, mentions, quotes, dates,
                           {}))
        covered.append((start, end))
    return out


#: the words that open a branch of :func:`_implicit_singulars` (every branch but
#: the named victim's tests ``tok.lower_`` against these first)
SINGULAR_OPENERS = ("a", "an", "another", "the", "his", "her", "their", "he", "she", "himself", "herself")


def _singular_candidates(doc: Doc) -> list[Token]:
    """The tokens :func:`_implicit_singulars` can count from, in order: a
    word of ``SINGULAR_OPENERS``, the first token of a PERSON entity, or a
    proper noun or compound (the first token of a name ``_aged_name`` reads).
    Every other token fails every branch of its test, so it is skipped
    without building a ``Token`` (issue 14, sixth pass: the loop over every
    token was a third of the claims step)."""
    lower, dep, pos = token_column(doc, "LOWER"), token_column(doc, "DEP"), token_column(doc, "POS")
    iob, ent = token_column(doc, "ENT_IOB"), token_column(doc, "ENT_TYPE")
    strings = doc.vocab.strings
    keep = np.isin(lower, string_ids(doc, SINGULAR_OPENERS)) | (dep == strings["compound"]) | (pos == PROPN) \
        | ((iob == 3) & (ent == strings["PERSON"]))
    return tokens_at(doc, keep)


def _same_person(name: str, surface: str) -> bool:
    """"Odom" after "Najee Odom" is the same person; "Earl Braddy" after
    "Emma Braddy" (husband and wife) is not: the surname must be in the
    surface, and a first name given with both must be the same."""
    words, other = name.split(), surface.split()
    if not words or words[-1] not in surface:
        return False
    if len(words) > 1 and len(other) > 1 and other[-1] == words[-1] and other[0][:1].isupper():
        return other[0] == words[0]
    return True


def _aged_name(tok: Token) -> Span | None:
    """"Bailey, 47, of Columbus was shot": a proper noun given an age in
    commas is a person, whatever NER called it (here a place). ``tok`` must
    be the name's first token; returns the name's span."""
    root = tok
    while root.dep_ == "compound" and root.head.pos_ == "PROPN" and root.head.i > root.i:
        root = root.head
    if root.pos_ != "PROPN" or root.dep_ not in ("nsubj", "nsubjpass") or root.ent_type_ == "PERSON":
        return None
    if any(c.dep_ == "compound" and c.i < tok.i for c in root.children) or \
            (tok.i > 0 and tok.nbor(-1).dep_ == "compound" and tok.nbor(-1).head == root):
        return None  # not the first token of the name
    age = next((c for c in root.children if c.dep_ in ("appos", "amod", "npadvmod") and c.like_num
                and c.i == root.i + 2 and c.nbor(-1).text == ","), None)
    if age is None or not age.text.isdigit() or not 0 < int(age.text) < 110:
        return None
    span = tok.doc[tok.i:root.i + 1]
    span.label_ = "PERSON"
    return span


def _is_age_noun(noun: Token) -> bool:
    """"a 15-year-old" used as a noun (the parser heads it on "old")."""
    return noun.lower_ == "old" and noun.dep_ in ("nsubj", "nsubjpass", "dobj") and \
        any(c.lower_ in ("year", "years") for c in noun.children)


#: "another hurt": the fate words the parser reads as a noun after "another"
ANOTHER_FATES = frozenset({"hurt", "injured", "wounded", "dead", "killed", "hospitalized", "hospitalised"})
#: pronouns that can stand for one person named just before ("A man is in hospital after he was shot")
VICTIM_PRONOUNS = frozenset({"he", "she", "him", "her", "himself", "herself"})


def _gapped_fate(another: Token) -> Token | None:
    """The fate word right after "another" (an adverb or two may come
    between: "and another seriously wounded"), when it is a killed or injured
    word; else ``None``."""
    doc = another.doc
    for tok in doc[another.i + 1:min(len(doc), another.i + 4)]:
        if tok.sent != another.sent:
            return None
        if tok.lower_ in ANOTHER_FATES:
            return tok if tok.lower_ not in ("dead", "killed") else None
        if tok.pos_ != "ADV":
            return None
    return None


def _pronoun_victim(noun: Token, lex: Lexicon) -> Reading | None:
    """"A man is in the hospital after he was shot", "a man appears to have shot
    and killed himself": the harm is told of a pronoun in a clause under the
    one whose subject is the person, with no other person between them."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = noun.head
    for tok in noun.sent:
        if tok.i > noun.i and tok.tag_ == "VBN" and clause in tok.ancestors and \
                any(c.dep_ == "auxpass" and c.lower_ == "being" for c in tok.children) and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and \
                tok.lemma_.lower() in ("shoot", "wound", "injure", "stab", "kill", "hit"):
            # "A parking lot attendant is recovering after being shot in the arm"
            category = "killed" if tok.lemma_.lower() == "kill" else "injured"
            return Reading(head=noun, noun=noun, category=category, cue=tok)
        if tok.i <= noun.i or tok.lower_ not in VICTIM_PRONOUNS:
            continue
        if any(t.lemma_.lower() in SINGULAR_PEOPLE or t.ent_type_ == "PERSON" for t in noun.doc[noun.i + 1:tok.i]):
            return None  # someone else was named in between: the pronoun may be theirs
        if clause not in tok.ancestors:
            continue
        if tok.lower_ in ("him", "her") and tok.dep_ == "dobj" and tok.head == clause and noun.dep_ == "nsubj":
            continue  # "a man inside the home stabbed him": the man did the harm
        reading = read_figure(tok, lex)
        if reading.category in ("killed", "injured") and reading.cue is not None:
            return Reading(head=noun, noun=noun, category=reading.category, cue=reading.cue)
    return None


def _shooting_victim(noun: Token) -> Reading | None:
    """"A shooting victim walked into a police station": a victim of a shooting
    who is not said to have died is one injured (a death would have given the
    noun its category already)."""
    if noun.lemma_.lower() != "victim":
        return None
    cue = next((c for c in noun.children if c.dep_ == "compound" and c.lemma_.lower() in ("shooting", "gunshot",
                                                                                            "stabbing")), None)
    return Reading(head=noun, noun=noun, category="injured", cue=cue) if cue is not None else None


#: verbs whose clause is a belief or a fear, not an event ("he thought he had been shot")
BELIEF_VERBS = frozenset({"think", "believe", "fear", "feel", "worry", "assume", "imagine"})


def _pronoun_hurt(pronoun: Token) -> bool:
    """"she was shot in the leg", "He had suffered a self-inflicted gunshot
    wound", "he was taken to the hospital": a pronoun that is the passive
    subject of a harm verb, the subject of an injury sustained, or in care,
    after a shooting or stabbing told in its sentence or the two before (not
    "he shot", "he was arrested")."""
    verb = pronoun.head
    lemma = verb.lemma_.lower()
    if any(a.lemma_.lower() in BELIEF_VERBS for a in verb.ancestors):
        return False  # "The officer was so close to the bullets he thought he had been shot"
    if pronoun.dep_ == "nsubjpass" and lemma in ("shoot", "wound", "injure", "strike", "hit", "graze", "stab"):
        harmed = True
    elif pronoun.dep_ == "nsubj" and lemma in ("suffer", "sustain", "receive") and \
            any(c.dep_ == "dobj" and c.lemma_.lower() in ("wound", "injury", "gunshot") for c in verb.children):
        harmed = True
    else:
        harmed = pronoun.dep_ in ("nsubj", "nsubjpass") and cared_for(verb, pronoun)
    return harmed and _violent_context(pronoun.doc, pronoun, 2, SHOOTING_WORDS)


def _shot_directly(noun: Token) -> bool:
    """"The victim was shot", "the victim died", "pronounced the man dead":
    not "the victim told police"."""
    harm = ("shoot", "die", "kill", "wound", "pronounce", "injure", "find", "suffer", "sustain", "whip", "strike", "hit")
    if any(c.dep_ == "relcl" and c.lemma_.lower() in harm for c in noun.children):
        return True  # "Authorities have identified the man who was shot to death"
    if noun.dep_ not in ("nsubjpass", "nsubj", "dobj"):
        return False
    # "The victim was in stable condition", "The teen was hospitalized with non-life-threatening
    # injuries", "The owner ... sustained injuries": in care or hurt after a shooting or stabbing told
    # in this sentence or the two before (not "The 21-year-old man was taken to ..." or "The driver of
    # the other vehicle sustained minor injuries" after a crash; a robbery's "victim" may be unhurt)
    lemma = noun.head.lemma_.lower()
    if lemma in harm and (lemma not in ("suffer", "sustain") or noun.lemma_.lower() in DEFINITE_VICTIMS):
        return True  # "The victim suffered injuries that were not life-threatening"
    return (lemma in harm or cared_for(noun.head, noun)) and _violent_context(noun.doc, noun, 2, SHOOTING_WORDS)


#: definite singular nouns that may refer to the one victim of a crime report ("the man was shot")
DEFINITE_VICTIMS = frozenset({"victim", "man", "woman", "boy", "girl", "teen", "teenager", "child", "person", "male",
                              "female", "juvenile", "toddler", "baby", "infant", "youth"})
#: a relative named by a possessive ("shot his stepfather")
KIN_NOUNS = frozenset({"son", "daughter", "father", "mother", "stepfather", "stepmother", "stepson", "stepdaughter",
                       "brother", "sister", "wife", "husband", "girlfriend", "boyfriend", "fiance", "fiancee",
                       "grandson", "granddaughter", "grandfather", "grandmother", "nephew", "cousin", "uncle",
                       "aunt", "niece", "roommate", "neighbor", "neighbour", "friend", "child"})


#: auxiliaries that make a death unreal ("could have died")
MODALS = frozenset({"could", "would", "might", "may", "should", "can", "will", "must"})
#: pronouns and definite nouns that refer back to a victim already named
BACK_REFERENCES = frozenset({"he", "she", "him", "her"})


#: the lemmas :func:`_death_of` can say a death for: every lemma one of its branches
#: tests (a new branch adds its lemma here, or it is never reached)
_DEATH_LEMMAS = frozenset({"die", "succumb", "pass", "find", "pronounce", "be"})


def _death_of(tok: Token) -> Token | None:
    """The person ``tok`` says died, when it is a death predicate: "he died",
    "he was pronounced dead", "pronounced the man dead", "she succumbed",
    "passed away", "he was dead at the scene", "she was pronounced deceased"; else ``None``."""
    lemma = tok.lemma_.lower()
    if lemma not in _DEATH_LEMMAS:
        return None  # asked of every token: only these lemmas can pass a branch below (keep in step)
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in tok.children):
        return None  # "he could have died from his wounds": he did not
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and tok.dep_ == "conj":  # "was shot in the neck and pronounced dead"
        subject = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if lemma in ("die", "succumb") and tok.pos_ == "VERB":
        return subject
    if lemma == "pass" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "away" for c in tok.children):
        return subject
    if lemma == "find" and any(c.lower_ == "dead" and c.dep_ in ("oprd", "acomp", "xcomp", "ccomp")
                               for c in tok.children) and any(c.dep_ == "auxpass" for c in tok.children):
        return subject  # "The victim staggered off porch and was found dead in the yard"
    if lemma == "pronounce" and any(c.lower_ in ("dead", "deceased") and c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "dobj")
                                    for c in tok.children):
        return subject if subject is not None and subject.dep_ == "nsubjpass" else \
            next((c for c in tok.children if c.dep_ == "dobj"), None)
    if lemma == "be" and any(c.lower_ == "dead" and c.dep_ == "acomp" for c in tok.children):
        return subject
    return None


def _plural_back_reference(person: Token) -> bool:
    """"Both victims", "the victims", "both", "they": the people of a figure told before."""
    if person.lower_ in ("they", "both"):
        return True
    return person.tag_ == "NNS" and person.lemma_.lower() in DEFINITE_VICTIMS | {"people"} and \
        any(c.dep_ in ("det", "predet") and c.lower_ in ("the", "both") for c in person.children)


def _died_later(doc: Doc, ctx: ArticleContext, lex: Lexicon, records: list[dict], mentions, quotes,
                dates) -> list[dict]:
    """One victim told in several sentences: "a man was shot in the city's
    Greenspring neighborhood, police said. He was taken to an area hospital,
    where he was pronounced dead." The death of a pronoun, of "the victim" /
    "the man", or of the victim's name within two sentences after a figure of
    one injured person makes that figure killed (the same person, counted
    once). When nothing before counted anyone, a violent death told of "the
    man" or a pronoun ("He had been shot multiple times, and was pronounced
    dead") is one killed."""
    out = list(records)
    aliases = _victim_aliases(doc)
    # only a token whose lemma is one of _DEATH_LEMMAS can pass _death_of: the others are not built
    for tok in tokens_at(doc, lowered_in(doc, "LEMMA", _DEATH_LEMMAS)):
        person = _death_of(tok)
        if person is None:
            continue
        definite = person.lower_ in BACK_REFERENCES or (
            person.tag_ == "NN" and person.lemma_.lower() in DEFINITE_VICTIMS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in person.children))
        named = person.pos_ == "PROPN"
        before = [r for r in out if r["start"] < tok.idx]
        if _plural_back_reference(person):
            # "two gunshot victims were located ... Both victims were later pronounced deceased"
            last = before[-1] if before else None
            if last is not None and last["category"] == "injured" and (last["value_low"] or 0) >= 2 and \
                    last["sent_id"] >= sent_id_of(doc, tok.i) - 2:
                last["category"], last["cue"] = "killed", tok.lemma_.lower()
            continue
        # "A gunshot victim was found at the scene, and later pronounced dead": the figure's own noun
        itself = bool(before) and before[-1]["start"] <= person.idx < before[-1]["end"]
        if not (definite or named or itself):
            continue
        sid = sent_id_of(doc, tok.i)
        if before:
            last = before[-1]
            name = " ".join(t.text for t in person.lefts if t.dep_ == "compound") + " " + person.text
            # the victim's name given after the figure: "a man suffering from a gunshot wound ... The victim,
            # identified as 26-year-old Lorenzo Bernat, ... Bernat died shortly after arriving at the hospital"
            alias = named and any(last["sent_id"] <= s <= sid and _same_person(name, a) for s, a in aliases)
            if last["value_low"] != 1 or last["value_high"] != 1:
                continue
            if last["sent_id"] < sid - 2 and not (
                    _told_through(doc, last["sent_id"], sid, aliases)
                    # "One man was killed and another wounded ... He died later at a hospital": after a pair,
                    # a death told further on is the dead one's
                    and not any(r["category"] == "killed" and r["sent_id"] == last["sent_id"] for r in before)
                    # "a woman was found with a gunshot wound ... the man was pronounced dead": another person
                    and (not definite or person.lower_ in BACK_REFERENCES or person.lower_ == "victim"
                         or person.lower_ in last["surface"].lower().split())):
                continue
            if named and not itself and not alias and not _same_person(name, last["surface"]):
                continue  # "Earl Braddy was pronounced dead" after "Emma Braddy had been shot"
            if last["category"] == "injured":
                last["category"], last["cue"] = "killed", tok.lemma_.lower()
            continue
        if named or not _violent_context(doc, tok):
            continue
        reading = Reading(head=person, noun=person, category="killed", cue=tok)
        out.append(_record(doc, ctx, reading, person.idx, person.idx + len(person), 1.0, 1.0, "exact", False, lex,
                           mentions, quotes, dates, {}))
    return sorted(out, key=lambda r: r["start"])


def _victim_aliases(doc: Doc) -> list[tuple[int, str]]:
    """The names given to "the victim": "The victim, identified as 26-year-old
    Lorenzo Bernat", "identified the victim as 61-year-old Darnell Cleveland
    Harris" -> (sentence number, name)."""
    out = []
    for tok in tokens_at(doc, lowered_in(doc, "LEMMA", ("identify",))):
        if tok.lemma_.lower() != "identify":
            continue
        victim = tok.head if tok.dep_ == "acl" else next((c for c in tok.children if c.dep_ == "dobj"), None)
        if victim is None or victim.lemma_.lower() not in DEFINITE_VICTIMS or \
                not any(c.dep_ == "det" and c.lower_ == "the" for c in victim.children):
            continue
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                for name in prep.children:
                    if name.dep_ == "pobj" and name.pos_ == "PROPN":
                        words = [t.text for t in name.lefts if t.dep_ == "compound"] + [name.text]
                        out.append((sent_id_of(doc, tok.i), " ".join(words)))
    return out


#: how many sentences a chain of references to one victim may span (see :func:`_told_through`)
REFERENCE_WINDOW = 6


def _told_through(doc: Doc, first: int, last: int, aliases: list[tuple[int, str]]) -> bool:
    """Whether sentences ``first`` .. ``last`` keep telling of one person: no
    more than ``REFERENCE_WINDOW`` sentences in all, and no gap of more than one
    sentence without "he"/"she", "the victim"/"the man" or the victim's name
    ("a man had been limping ... from a gunshot wound. ... found the victim
    with a wound to his lower leg. He was taken to Hennepin County Medical
    Center. He died three days later")."""
    if last - first > REFERENCE_WINDOW:
        return False
    sents = list(doc.sents)[first + 1:last]
    names = {a.split()[-1] for s, a in aliases if first <= s <= last}
    previous = first
    for offset, sent in enumerate(sents, start=first + 1):
        if any(t.lower_ in BACK_REFERENCES or t.text in names or (
                t.tag_ == "NN" and t.lemma_.lower() in DEFINITE_VICTIMS
                and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)) for t in sent):
            if offset - previous > 2:
                return False
            previous = offset
    return last - previous <= 2


#: words that say a person lived: "expected to survive", "non-life-threatening injuries"
SURVIVAL = re.compile(r"\bexpected to (?:survive|recover|live|be ok)|\bnon[- ]?life[- ]threatening|"
                      r"\b(?:was|were|been) (?:treated and )?released\b|\bsurvived\b", re.I)
#: how many sentences after a figure of one person shot its survival may be told
SURVIVAL_WINDOW = 6


def _survived_later(doc: Doc, records: list[dict]) -> None:
    """"the found the woman lying on the floor, suffering from a gunshot
    wound. ... The woman was taken to Cy-Fair Hospital, where she was listed in
    stable condition": one person told as shot (a cue that does not say
    whether they lived, ``SHOT_ONLY_CUES``) and, up to ``SURVIVAL_WINDOW``
    sentences later and with no other figure between, said to be in care or to
    have survived, by a pronoun, a definite victim noun or the same name. The
    figure stays one injured; its cue becomes the care word, so that a reader
    of article-level counts does not take the survivor for the dead victim of
    the same article told again."""
    if not any(_shot_survivor_figure(r) for r in records):
        return  # only such a figure is ever changed below (war coverage mostly has none)
    strings = doc.vocab.strings
    # the tests below, as far as an array answers them: a subject or object that is a back
    # reference, a common noun (a definite victim) or a proper noun (a named person)
    candidates = np.isin(token_column(doc, "DEP"), string_ids(doc, ("nsubj", "nsubjpass", "dobj"))) & (
        np.isin(token_column(doc, "LOWER"), string_ids(doc, BACK_REFERENCES))
        | (token_column(doc, "TAG") == strings["NN"]) | (token_column(doc, "POS") == PROPN))
    for tok in tokens_at(doc, candidates):
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        definite = tok.lower_ in BACK_REFERENCES or (
            tok.tag_ == "NN" and tok.lemma_.lower() in DEFINITE_VICTIMS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children))
        named = tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON"
        if not (definite or named):
            continue
        clause = tok.head
        sent = tok.sent
        sent_text = doc_text(doc)[sent.start_char:sent.end_char]  # sent.text, without joining its tokens again
        # "The woman, who was shot in the foot, told the deputies she was injured": injured says he lived
        injured = clause.lemma_.lower() in ("injure", "hurt") and tok.dep_ == "nsubjpass"
        if not (injured or cared_for(clause, tok) or (SURVIVAL.search(sent_text) and clause.lemma_.lower() != "say")):
            continue
        if any(t.lower_ in ("died", "dead", "deceased", "succumbed") for t in sent):
            continue  # "taken to hospital, where he died": not a survivor
        sid = sent_id_of(doc, tok.i)
        before = [r for r in records if r["start"] < tok.idx and r["sent_id"] >= sid - SURVIVAL_WINDOW]
        if not before:
            continue
        name = " ".join(t.text for t in tok.lefts if t.dep_ == "compound") + " " + tok.text
        # the figure just before, or an earlier one of the same noun or name ("found the woman ...
        # suffering from a gunshot wound. The body of a man ... The woman was taken to Cy-Fair Hospital")
        same = [r for r in before if (named and _same_person(name, r["surface"])) or
                (not named and tok.lower_ not in BACK_REFERENCES and tok.lower_ in r["surface"].lower().split())]
        last = same[-1] if same else before[-1]
        if not _shot_survivor_figure(last):
            continue
        if named and not _same_person(name, last["surface"]):
            continue
        last["cue"] = clause.lemma_.lower()


def _shot_survivor_figure(record: dict) -> bool:
    """One person injured, told only as shot or wounded (``SHOT_ONLY_CUES``):
    the figure :func:`_survived_later` may turn into a survivor."""
    return record["category"] == "injured" and record["value_low"] == 1 and record["value_high"] == 1 and \
        record["cue"] in SHOT_ONLY_CUES


#: a link to another story inside the text ("RELATED: Police: Man in critical condition after being shot on NW Side")
LINKED_STORY = re.compile(r"(?:\bRELATED\b|\bRelated(?: Stories| Articles?| Links)?:|\bREAD MORE\b|\bRead more:|"
                          r"\bREAD \||\bMORE:|\bMore:|\bALSO:|\bWATCH:|\bSEE ALSO\b|\bPREVIOUSLY:|"
                          r"\bSlideshow:|\bSLIDESHOW:|\bNow Playing:|\bTop video:|\bAlso see:|\bRelated Coverage:|"
                          r"\bPHOTOS:|\bVIDEO:)")
#: how far after its label a linked headline may run (the headline has no full stop of its own)
LINKED_STORY_CHARS = 120


def _scope_linked_stories(doc: Doc, records: list[dict]) -> None:
    """"READ | Teen shot, killed Sunday night in Carroll Heights": a figure in
    the headline of a linked story (from its label to the end of its sentence,
    at most ``LINKED_STORY_CHARS`` characters) is about another incident:
    scope ``earlier``, like "in a separate shooting"."""
    text = doc_text(doc)
    spans = []
    for m in LINKED_STORY.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        sent_end = span.sent.end_char if span is not None else len(text)
        spans.append((m.start(), min(sent_end, m.end() + LINKED_STORY_CHARS)))
    for rec in records:
        if rec["scope"] == "incident" and any(s <= rec["start"] < e for s, e in spans):
            rec["scope"], rec["event"] = "earlier", None


def _violent_context(doc: Doc, tok: Token, before: int = 1, words: frozenset[str] = VIOLENCE_WORDS) -> bool:
    """A violence word (one of ``words``) in ``tok``'s sentence or the
    ``before`` ones before it ("He had been shot ... pronounced dead")."""
    sent = tok.sent
    start = sent.start
    for _ in range(before):
        if start > 0:
            start = doc[start - 1].sent.start
    return any(t.lemma_.lower() in words for t in doc[start:sent.end])


def _named_victim(doc: Doc, first: Token, lex: Lexicon, covered) -> tuple[Reading, int, int] | None:
    """A named person who was killed/injured/captured: "Kyle Brown-Edwards was
    killed", "Gerald Roberson, 39, was found shot dead" -> one person."""
    ent = entity_starting_at(first)  # the entity of doc.ents starting here (doc.ents rebuilds all)
    if ent is None or ent.label_ != "PERSON":
        ent = _aged_name(first)
    if ent is None:
        return None
    root = ent.root
    of_death = root.dep_ == "pobj" and root.head.lower_ == "of" and \
        (root.head.head.lemma_.lower() in ("death", "killing", "murder", "homicide", "body")  # "the death of Juan Berrios, 20"
         or (root.head.head.lemma_.lower() == "life" and root.head.head.dep_ in ("dobj", "nsubjpass")
             and root.head.head.head.lemma_.lower() in LIFE_VERBS))  # "which took the life of ... Daniel Dechand"
    if root.dep_ == "poss" and root.head.lemma_.lower() == "body" and root.head.dep_ in ("nsubjpass", "dobj") and \
            any(t.lemma_.lower() in VIOLENCE_WORDS | SHOOTING_WORDS for t in root.sent) and \
            not any(s <= ent.start_char < e for s, e in covered):
        # "Thomas Hobson's body was found with a gunshot wound": one killed (a body alone, without
        # violence in the sentence, may be a natural death's)
        return Reading(head=root, noun=root, category="killed", cue=root.head), ent.start_char, root.idx + len(root)
    if root.dep_ not in ("nsubjpass", "nsubj", "dobj") and not of_death or \
            any(s <= ent.start_char < e for s, e in covered):
        return None
    reading = read_figure(root, lex)
    if reading.category is None or reading.cue is None or reading.cue.i in range(ent.start, ent.end):
        return None
    cue = reading.cue.lemma_.lower()
    if cue in NOT_NAMED_VICTIM_CUES or reading.category in ("displaced", "evacuated", "prisoners"):
        return None  # "Griner was detained", "the president fled"
    if cue in ("die", "perish", "death") and not any(t.lemma_.lower() in VIOLENCE_WORDS for t in root.sent) and \
            not (_died_in_care(reading.cue) and _violent_context(doc, root, 1, VIOLENCE_WORDS | SHOOTING_WORDS)):
        # "Reid died last December, aged 82": a death, not a toll; "The death of
        # Liza ... encapsulated the brutality of the invasion": a portrait, not a count
        # (but "the victim of a Feb. 13 shooting in York has died. Vinny A. Reinoso, 29, died at
        # York Hospital": a death in hospital right after a shooting is its victim's)
        return None

    return reading, ent.start_char, ent.end_char


def _died_in_care(verb: Token) -> bool:
    """"died at York Hospital", "died at the scene", "died at Grady Memorial Hospital"."""
    return verb.lemma_.lower() == "die" and any(
        prep.dep_ == "prep" and prep.lower_ in ("at", "in") and
        any(p.dep_ == "pobj" and (is_hospital(p) or p.lemma_.lower() == "scene") for p in prep.children)
        for prep in verb.children)


def _record(doc: Doc, ctx: ArticleContext, reading: Reading, start: int, end: int, low, high, qualifier: str,
            per_side: bool, lex: Lexicon, mentions, quotes, dates, extra: dict) -> ClaimRecord:
    sent = reading.head.sent
    category = reading.category
    claimant = resolve_claimant(reading.head, start, end, ctx, mentions=mentions, quotes=quotes, lex=lex)
    point = low if low is not None else high
    scope = attributes.scope_of(sent, reading, category, point, lex, ctx.published)
    sid = sent_id_of(doc, reading.head.i)
    on_story = qualify.about_story(reading, lex)
    claimant_side = claimant.side or _side_of_name(claimant.name, lex)
    side = attributes.side_affected(reading, category, per_side, lex, mentions, claimant_side) if on_story else "other"
    guess = attributes.fallback_side(reading, category, lex, claimant_side) if side == "unknown" else None
    is_outlet = claimant.actor_id is not None and claimant.actor_id.startswith(OUTLET_PREFIX)
    return {
        "article_id": ctx.article_id,
        "sent_id": sid,
        "start": start,
        "end": end,
        "surface": doc_text(doc)[start:end],
        "category": category,
        "value_low": low,
        "value_high": high,
        "qualifier": qualifier,
        "unit": attributes.unit_of(reading, category, lex),
        "side_affected": side,
        "claimant_actor_id": claimant.actor_id,
        "claimant": claimant.name,
        "claimant_is_outlet": is_outlet,
        "in_quote": claimant.in_quote,
        "modality": qualify.modality(reading, lex),
        "rate": qualify.is_rate(reading, lex),
        "about_story": on_story,
        "mentions": 1,
        "repeat_sent_ids": None,
        "_side_guess": guess,
        "scope": scope,
        "event": attributes.event_label(sent, reading, category, lex, mentions) if scope == "incident" else None,
        "event_date": _event_date(doc, ctx, dates, sid, start, end, scope),
        # the word that gave the category ("killed", "casualties", "swap")
        "cue": reading.cue.lemma_.lower() if reading.cue is not None else None,
        # the rounded figure next to an exact one, when stated (see module docstring)
        "stated_value": None,
        "stated_qualifier": None,
        **extra,
    }


def _event_date(doc: Doc, ctx: ArticleContext, dates: Sequence[dict], sid: int, start: int, end: int, scope: str):
    """The date of the figure's sentence, via
    :func:`toolkit.dates.date_for_sentence`; for an incident with an undated
    sentence, a day-level date in the sentence before or after. Dates that
    open a period ("since February 2022") never date a running total, and a
    neighbour's date after publication (a plan, not the event) is ignored."""
    from toolkit.dates import date_for_sentence

    usable = [d for d in dates if not _opens_period(doc_text(doc), d)]
    record = date_for_sentence(usable, sid, start=start, end=end)
    if record is not None or scope == "cumulative":
        return record.get("start_date") if record is not None else None
    published = pd.Timestamp(ctx.published) if ctx.published else None
    for neighbour in (sid - 1, sid + 1):
        day_level = [d for d in usable if d.get("granularity") == "day"
                     and (published is None or d.get("start_date") is None or pd.Timestamp(d["start_date"]) <= published)]
        record = date_for_sentence(day_level, neighbour)
        if record is not None:
            return record.get("start_date")
    return None


def _opens_period(text: str, date_record: dict) -> bool:
    start = date_record.get("start")
    if start is None:
        return False
    before = text[max(0, start - 12):start].lower().rstrip()
    return before.endswith(("since", "from", "beginning of", "start of"))
