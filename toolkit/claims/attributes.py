"""The descriptive columns of a claim: unit, side_affected, scope, event, event_date.

Method: rules over the sentence's parse and the cue lexicons in
``data/casualty_cues.yaml`` and the story file ``toolkit/data/story.yaml`` (see each function).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from toolkit.claims.lexicon import Lexicon
from toolkit.claims.syntax import Reading
from toolkit.context import doc_text, entity_covering, span_ents

OPPOSITE_SIDE = {"Russia": "Ukraine", "Ukraine": "Russia"}
#: verbs whose subject is the side that took the losses ("the Russians have suffered")
LOSS_VERBS = frozenset({"suffer", "lose", "sustain", "incur", "take"})
#: nouns of an attack whose nationality adjective names the attacker
ATTACK_NOUNS = frozenset({"attack", "strike", "airstrike", "shelling", "bombardment", "bombing", "missile",
                          "drone", "offensive", "assault", "raid", "fire"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
#: figures this large are running totals, not one attack
CUMULATIVE_THRESHOLD = 50_000
HARM = frozenset({"killed", "injured", "casualties", "missing"})


def unit_of(reading: Reading, category: str, lex: Lexicon) -> str:
    """Who is counted: "civilians", "soldiers", "children", "prisoners", ... else "people"."""
    noun = reading.noun
    if noun is not None:
        for tok in (noun, *[c for c in noun.children if c.dep_ in ("amod", "compound")]):
            for key in (tok.lemma_.lower(), tok.lower_):
                if key in lex.units:
                    return lex.units[key]
        for prep in noun.children:  # "casualties among Russian troops"
            if prep.dep_ == "prep" and prep.lower_ in ("among", "of"):
                for pobj in prep.children:
                    if pobj.lemma_.lower() in lex.units:
                        return lex.units[pobj.lemma_.lower()]
    if category == "prisoners":
        return "prisoners"
    return "people"


def side_affected(reading: Reading, category: str, per_side: bool, lex: Lexicon,
                  mentions: Sequence[dict], claimant_side: str | None = None) -> str:
    """Whose people the figure counts (the story's side names), or
    "each side" / "both" for reciprocal exchanges and for the two sides'
    losses together, else "unknown".

    Order: the counted noun's own words ("Ukrainian civilians", "casualties
    among Russian troops", "144 of its soldiers" -> the sentence subject's
    side); the subject of a loss verb ("the Russians have suffered"); the
    killer or captor, inverted ("Russian forces killed 20 civilians"); the
    attacker of an attack named in the sentence, inverted ("Russian attacks"
    -> the victims are Ukraine's); the place attacked ("attack on Kyiv"); the
    event's place; "both sides" / "the two sides"; any of the story's places
    in the sentence ("the eastern Ukrainian town of Toretsk", "fled
    Ukraine"); for civilians, the side of the official who gives the figure;
    the place of the sentence before, and the article's dateline.
    """
    sent = reading.head.sent
    text = sent.text.lower()
    if per_side or "each side" in text or "both sides" in text:
        if category == "prisoners":
            return "each side"
    noun = reading.noun or reading.head
    side = _side_in_tokens(_noun_words(noun), lex, mentions) or _possessor_side(noun, lex, mentions)
    if side:
        return side
    if category in ("casualties", "killed", "injured") and _civilians_and_soldiers(noun):
        return "both"  # "tens of thousands of civilians and soldiers": the war's dead on both sides
    side = _volunteer_side(sent, noun, lex)
    if side:
        return side
    if category in ("casualties", "killed", "injured") and (any(w in text for w in TWO_SIDES)
                                                          or _war_is_subject(reading)):
        return "both"
    side = _loss_subject_side(reading, lex, mentions)
    if side:
        return side
    side = _agent_side(reading, lex, mentions, claimant_side)
    if side in OPPOSITE_SIDE:
        return OPPOSITE_SIDE[side]
    if category == "prisoners" and _is_exchange(sent, lex):
        return "both"
    if category != "prisoners":
        side = _attacker_side(sent, lex) or _attacking_forces_side(sent, lex, mentions)
        if side and side in OPPOSITE_SIDE:
            return OPPOSITE_SIDE[side]
        side = _target_side(sent, reading, lex, mentions)
        if side:
            return side
        previous = _previous_sentence(sent)
        if previous is not None and event_noun(sent, reading, lex) is not None:
            # "Russia has stepped up its attacks on Ukrainian cities. The ... attacks have killed ..."
            side = _target_side(previous, reading, lex, mentions) or OPPOSITE_SIDE.get(_attacker_side(previous, lex) or "")
            if side:
                return side
    side = _fighting_for(sent, lex)
    if side:
        return side
    place = event_place(sent, reading, lex, mentions)
    if place is not None:
        side = _place_side(place, lex, mentions)
        if side:
            return side
    side = _place_in_sentence(sent, reading, lex, category)
    if side:
        return side
    return "unknown"


def fallback_side(reading: Reading, category: str, lex: Lexicon, claimant_side: str | None) -> str | None:
    """Weaker evidence, used only after a figure could not take the side of
    the figure before it (see :func:`toolkit.claims.extract`): for civilians,
    the side of the official who counts them; the place of the sentence
    before; the article's dateline."""
    sent = reading.head.sent
    civilians = unit_of(reading, category, lex) in ("civilians", "people", "children", "refugees", "evacuees")
    if civilians and claimant_side in OPPOSITE_SIDE and category != "prisoners":
        return claimant_side  # a governor / an army counting its own civilians
    own_dead = reading.cue is not None and reading.cue.lemma_.lower() in ("die", "perish") and \
        unit_of(reading, category, lex) == "soldiers"
    if own_dead and claimant_side in OPPOSITE_SIDE:
        # "Ukraine's armed forces reported that at least 40 soldiers had died": an army
        # reports the enemy it killed ("killed"), its own men as having died
        return claimant_side
    previous = _previous_sentence(sent)
    if previous is not None and category != "prisoners":
        side = _place_in_sentence(previous, None, lex, category)
        if side:
            return side
        if _anaphoric_place(sent):
            # "A police station in the city took a direct hit": the city of a sentence or two before
            for _ in range(ANAPHOR_WINDOW - 1):
                previous = _previous_sentence(previous)
                if previous is None:
                    break
                side = _place_in_sentence(previous, None, lex, category)
                if side:
                    return side
    return _dateline_side(sent.doc, lex)


#: "Russia's war has left tens of thousands dead": the dead of both sides
WAR_NOUNS = frozenset({"war", "conflict", "fighting", "invasion", "battle", "hostility", "hostilities"})


def _war_is_subject(reading: Reading) -> bool:
    if reading.noun is not None and reading.noun.lemma_.lower() in ("civilian", "resident", "child"):
        return False
    for verb in (reading.cue, reading.head.head):
        if verb is None:
            continue
        for v in (verb, verb.head):
            if v.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" and c.lemma_.lower() in WAR_NOUNS
                                                 for c in v.children):
                return True
    return False


#: "the two sides have been engaged ..., with thousands of casualties"
TWO_SIDES = ("both sides", "two sides", "each side", "both armies", "either side")
#: nouns of a place whose nationality adjective names its side ("the Ukrainian town of Toretsk")
PLACE_NOUNS = frozenset({"town", "city", "village", "region", "port", "capital", "oblast", "province", "settlement",
                         "district", "suburb", "territory", "border", "soil", "frontline", "hamlet", "area"})
#: prepositions/verbs whose object is where the victims are (or come from, for displacement)
PLACE_PREPS = frozenset({"in", "at", "near", "across", "from", "of", "around", "outside", "inside", "throughout"})
#: harm verbs whose active subject is the killer or captor ("Russian forces killed 20 civilians")
AGENT_VERBS = frozenset({"kill", "wound", "injure", "capture", "shoot", "murder", "execute", "abduct", "deport",
                         "take", "detain", "hit", "strike", "shell", "bomb"})


#: the counted people as civilians and as soldiers ("civilians and soldiers"): both sides' dead
CIVILIAN_NOUNS = frozenset({"civilian", "resident", "people", "person"})
SOLDIER_NOUNS = frozenset({"soldier", "troop", "serviceman", "servicemen", "fighter", "combatant", "soldiers",
                           "troops"})
#: words of combat that make a foreign national a volunteer of the side they fight for
COMBAT_WORDS = frozenset({"fight", "fighting", "fighter", "battle", "volunteer", "mercenary", "front", "frontline",
                          "combat", "capture", "prisoner", "soldier", "legion", "serve"})


def _civilians_and_soldiers(noun: Token) -> bool:
    """"tens of thousands of civilians and soldiers", "soldiers and civilians"
    with no side word: the dead of both armies and the civilians together."""
    words = [noun] + [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                      for p in prep.children if p.dep_ == "pobj"]
    lemmas = {w.lemma_.lower() for word in words for w in (word, *word.conjuncts)}
    return bool(lemmas & CIVILIAN_NOUNS) and bool(lemmas & SOLDIER_NOUNS)


def _volunteer_side(sent: Span, noun: Token, lex: Lexicon) -> str | None:
    """"Two American volunteers in Ukraine have gone missing", "Two British
    nationals have been reported killed in the fighting": foreign nationals in
    combat are the side the story file says their countrymen volunteer for
    (``volunteers`` in ``story.yaml``); without a combat word they stay unknown."""
    volunteers = lex.story.volunteer_words
    if not volunteers:
        return None
    words = [noun] + [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
    side = next((volunteers[w.lower_] for w in words if w.lower_ in volunteers), None)
    if side is None:
        return None
    if any(t.lemma_.lower() in COMBAT_WORDS or t.lower_ in COMBAT_WORDS for t in sent):
        return side
    return None


#: verbs whose subject forces are the attackers ("Moscow's forces have been accused of using ...")
FORCES_ATTACK_VERBS = frozenset({"use", "fire", "launch", "attack", "shell", "bomb", "strike", "hit", "target",
                                 "pound", "bombard"})


def _attacking_forces_side(sent: Span, lex: Lexicon, mentions: Sequence[dict]) -> str | None:
    """The side of forces that attack, or are accused of attacking, in the
    sentence ("Moscow's forces have been repeatedly accused of using
    indiscriminate weapons in cities ..., which has led to thousands of deaths")."""
    for tok in sent:
        if tok.lemma_.lower() not in ATTACKER_NOUNS or tok.pos_ != "NOUN":
            continue
        verb = tok.head
        accused = tok.dep_ == "nsubjpass" and verb.lemma_.lower() in ("accuse", "suspect", "blame")
        attacking = tok.dep_ == "nsubj" and verb.lemma_.lower() in FORCES_ATTACK_VERBS
        if accused or attacking:
            side = _side_in_tokens([c for c in tok.children if c.dep_ in ("amod", "compound", "poss")], lex, mentions)
            if side:
                return side
    return None


def _fighting_for(sent: Span, lex: Lexicon) -> str | None:
    """"two Britons captured after fighting for Ukrainian forces": the army they served."""
    for tok in sent:
        if tok.lemma_.lower() in ("fight", "serve", "volunteer") :
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("for", "with", "in", "alongside"):
                    for pobj in prep.children:
                        side = _side_in_tokens([pobj, *pobj.children], lex, ())
                        if side:
                            return side
    return None


def _possessor_side(noun: Token, lex: Lexicon, mentions: Sequence[dict]) -> str | None:
    """"144 of its soldiers", "their troops": the side of the sentence's subject."""
    words = [noun] + [p for prep in noun.children if prep.dep_ == "prep" for p in prep.children if p.dep_ == "pobj"]
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for w in words for c in w.children):
        return None
    for tok in reversed(list(noun.ancestors)):
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ != "PRON":
            return _side_in_tokens([subj, *subj.children], lex, mentions)
    return None


def _agent_side(reading: Reading, lex: Lexicon, mentions: Sequence[dict], claimant_side: str | None) -> str | None:
    """The side of the active subject of the harm verb: the killer or captor.
    "It had killed scores of Russian soldiers" -> the pronoun is the claimant."""
    cue = reading.cue
    if cue is None or cue.pos_ != "VERB" or cue.lemma_.lower() not in AGENT_VERBS:
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children):
        return None
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    verb = cue
    while subj is None and verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head  # "Moscow's incursion has seen ..., killed or injured thousands"
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if subj.pos_ == "PRON" and subj.lower_ in ("it", "we"):
        return claimant_side  # an army counting what it did ("It had killed scores of Russian soldiers")
    if subj.pos_ == "PRON" and subj.lower_ == "they":
        # "they have already deported over 40,000 people," said the mayor: a speaker's
        # "they" is the other side
        return OPPOSITE_SIDE.get(claimant_side or "")
    return _side_in_tokens([subj, *[c for c in subj.children if c.dep_ in ("amod", "compound", "poss")]],
                           lex, mentions)


def _place_in_sentence(sent: Span, reading: Reading | None, lex: Lexicon, category: str) -> str | None:
    """A place of the story named in the sentence, nearest the figure: "the
    eastern Ukrainian town of Toretsk", "in Kharkiv", "have fled Ukraine".
    Words that name the attacker ("Russian shelling"), the speaker or a
    destination ("fled to Poland", "taken to Russia") do not count."""
    best = None
    anchor = reading.head.i if reading is not None else sent.start
    for tok in sent:
        side = None
        lower = tok.lower_
        if _paired_name(tok, lex):
            continue  # "Russia-Ukraine war": the war's name, not a place of the victims
        if lower in lex.side_places and tok.pos_ == "PROPN":
            side = _place_role(tok, category) and lex.side_places[lower]
        elif lex.side_words.get(lower) and tok.dep_ == "amod" and tok.head.lemma_.lower() in PLACE_NOUNS:
            side = lex.side_words[lower]  # "the Ukrainian town of ..."
        elif lower in ("ukraine", "russia") and tok.pos_ == "PROPN":
            side = _place_role(tok, category) and lex.side_words.get(lower)
        if side and (best is None or abs(tok.i - anchor) < best[0]):
            best = (abs(tok.i - anchor), side)
    if best is None:
        for name, side in lex.side_places.items():  # multi-word places: "chasiv yar", "kharkiv region"
            if " " in name and name in sent.text.lower():
                return side
    return best[1] if best else None


def _paired_name(tok: Token, lex: Lexicon) -> bool:
    """One of two sides joined by a hyphen ("Russia-Ukraine", "Ukraine–Russia talks")."""
    doc = tok.doc
    for a, b in ((tok.i - 2, tok.i - 1), (tok.i + 2, tok.i + 1)):
        if 0 <= a < len(doc) and doc[b].text in ("-", "–", "/") and doc[a].lower_ in lex.side_words:
            return True
    return False


def _place_role(tok: Token, category: str) -> bool:
    """Is ``tok`` where the victims are (not who attacked, spoke, or where people went)?"""
    if tok.dep_ == "pobj":
        prep = tok.head.lower_
        if prep in ("to", "into", "for", "by", "with", "against", "on") or                 (prep == "from" and category not in ("displaced", "evacuated", "prisoners")):
            return prep in ("on", "against")  # "attacks on Kharkiv": the target
        return prep in PLACE_PREPS
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() in ("flee", "leave", "escape")  # "have fled Ukraine"
    if tok.dep_ == "nsubjpass":
        return tok.head.lemma_.lower() in HIT_VERBS  # "Lysychansk was being shelled"
    if tok.dep_ in ("compound", "poss"):
        return tok.head.lemma_.lower() in PLACE_NOUNS or tok.head.ent_type_ in PLACE_ENTS
    if tok.dep_ == "appos":
        return True
    return False


#: verbs whose passive subject is a place that was hit ("Lysychansk was being shelled")
HIT_VERBS = frozenset({"shell", "hit", "strike", "bomb", "bombard", "attack", "target", "pound", "besiege",
                       "encircle", "storm", "raid", "destroy", "damage"})
#: nouns that, with "the" and no name, refer back to a place named before ("a police station in the city")
ANAPHORIC_PLACES = frozenset({"city", "town", "village", "region", "area", "capital", "port", "settlement",
                              "district", "oblast", "province"})
#: how many sentences back the place of "the city" is looked for
ANAPHOR_WINDOW = 3


def _anaphoric_place(sent: Span) -> bool:
    """"in the city", "the town's mayor": a place named earlier, not here."""
    for tok in sent:
        if tok.lemma_.lower() in ANAPHORIC_PLACES and tok.pos_ == "NOUN" and \
                any(c.lower_ == "the" for c in tok.children) and \
                not any(c.dep_ in ("compound", "appos", "prep", "amod") and c.pos_ in ("PROPN", "ADJ", "ADP")
                        for c in tok.children):
            return True
    return False


#: "KHARKIV, Ukraine — ": a wire-style dateline at the start of the article
DATELINE_WORDS = 6


def _dateline_side(doc, lex: Lexicon) -> str | None:
    head = doc_text(doc)[:80]
    for dash in ("—", "–", " - "):
        if dash in head:
            place = head.split(dash, 1)[0].strip().lower()
            if 0 < len(place.split()) <= DATELINE_WORDS:
                for part in [p.strip() for p in place.split(",")]:
                    side = lex.side_places.get(part)
                    if side:
                        return side
                last = place.split(",")[-1].strip()
                return lex.side_words.get(last) if last in ("ukraine", "russia") else None
    return None


def _previous_sentence(sent: Span) -> Span | None:
    if sent.start == 0:
        return None
    return sent.doc[sent.start - 1].sent


def _target_side(sent: Span, reading: Reading, lex: Lexicon, mentions: Sequence[dict]) -> str | None:
    """The side of what an attack hit: "attacks on Ukrainian cities"."""
    nouns = [t for t in sent if t.pos_ == "NOUN" and t.lemma_.lower() in ATTACK_NOUNS]
    for prep in (p for noun in nouns for p in noun.children):
        if prep.dep_ == "prep" and prep.lower_ in ("on", "against"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    side = _side_in_tokens([pobj, *[c for c in pobj.children if c.dep_ in ("amod", "compound", "poss")]],
                                           lex, mentions)
                    if side:
                        return side
    return None


def _noun_words(noun: Token, depth: int = 2) -> list[Token]:
    """The counted noun, its modifiers, and (two levels deep) what it is "of"
    or "among": "152 bodies of dead militants and servicemen of Ukraine's
    armed forces"."""
    words = [noun] + [c for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    for appos in (c for c in noun.children if c.dep_ == "appos"):
        # "Maj Gen Andrei Simonov, a Russian electronic warfare commander"
        words += [appos] + [c for c in appos.children if c.dep_ in ("amod", "compound")]
    if depth == 0:
        return words
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("among", "of", "from"):
            for pobj in prep.children:
                # "deaths from Russian attacks": the attacker, not the victims
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() not in ATTACK_NOUNS:
                    words += _noun_words(pobj, depth - 1)
                    for conj in pobj.conjuncts:
                        words += _noun_words(conj, depth - 1)
    return words


def _side_in_tokens(tokens: Sequence[Token], lex: Lexicon, mentions: Sequence[dict]) -> str | None:
    for tok in tokens:
        side = lex.side_words.get(tok.lower_) or lex.side_words.get(tok.lemma_.lower())
        if side:
            return side
        side = _mention_side(tok, mentions)
        if side:
            return side
    return None


def _mention_side(tok: Token, mentions: Sequence[dict]) -> str | None:
    for m in mentions:
        if m.get("start") is not None and m["start"] <= tok.idx < m["end"]:
            side = m.get("side")
            if isinstance(side, str) and side in OPPOSITE_SIDE:
                return side
    return None


def _loss_subject_side(reading: Reading, lex: Lexicon, mentions: Sequence[dict]) -> str | None:
    verb = reading.head.head
    if verb.lemma_.lower() not in LOSS_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # "Russia ... after losing dozens of men": a subjectless gerund or
    # infinitive shares the subject of the clause it hangs on
    node = verb
    for _ in range(4):
        if subj is not None or node.dep_ not in ("pcomp", "advcl", "xcomp", "conj", "prep") or node.head is node:
            break
        node = node.head
        subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    return _side_in_tokens([subj, *subj.children], lex, mentions)


def _is_exchange(sent: Span, lex: Lexicon) -> bool:
    return any(t.lemma_.lower() in ("exchange", "swap", "trade") for t in sent)


def _attacker_side(sent: Span, lex: Lexicon) -> str | None:
    """"Russian attacks", "Ukrainian drone strike", "Russia's shelling"."""
    for tok in sent:
        if tok.lemma_.lower() in ATTACK_NOUNS and tok.pos_ == "NOUN":
            for child in tok.children:
                if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i < tok.i:
                    side = lex.side_words.get(child.lower_)
                    if side:
                        return side
                    # "Russian artillery shelling": the adjective sits on the compound
                    for grand in child.children:
                        if grand.dep_ in ("amod", "compound", "poss") and lex.side_words.get(grand.lower_):
                            return lex.side_words[grand.lower_]
                if child.dep_ == "prep" and child.lower_ in ("by", "from"):  # "bombardment by Ukrainian forces"
                    for pobj in child.children:
                        for word in (pobj, *pobj.children):
                            side = lex.side_words.get(word.lower_)
                            if side and word.dep_ in ("pobj", "amod", "compound", "poss"):
                                return side
    return None


def event_noun(sent: Span, reading: Reading, lex: Lexicon) -> Token | None:
    """The word naming the event, nearest to the figure ("attack", "strike")."""
    kinds = [t for t in sent if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in lex.event_kinds
             and t.dep_ != "compound"]
    if not kinds:
        return None
    return min(kinds, key=lambda t: abs(t.i - reading.head.i))


def event_place(sent: Span, reading: Reading, lex: Lexicon, mentions: Sequence[dict]) -> Span | None:
    """Where it happened: the place the event noun is "on/in/at/near", else
    the place entity nearest to the figure in the sentence."""
    noun = event_noun(sent, reading, lex)
    if noun is not None:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "in", "at", "near", "against", "of", "across"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None and _is_place(pobj, lex, mentions):
                    return _place_span(pobj)
        for child in noun.children:  # "the Kyiv strike"
            if child.dep_ == "compound" and _is_place(child, lex, mentions):
                return _place_span(child)
    places = [e for e in span_ents(sent) if (e.label_ in PLACE_ENTS and e.root.lower_ not in lex.side_words
                                       or e.text.lower() in lex.side_places) and not _modifies_people(e, lex)
              and not _is_agent(e) and not _beyond_semicolon(e, reading.head)]
    if not places:
        return None
    return min(places, key=lambda e: abs(e.root.i - reading.head.i))


def _is_agent(ent: Span) -> bool:
    """"Moscow has forcefully deported thousands": a capital as the subject of
    a verb is the state acting (or speaking), not where it happened."""
    root = ent.root
    return root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX") and root.head.lemma_.lower() != "be"


def _beyond_semicolon(ent: Span, head: Token) -> bool:
    """A place across a ";" from the figure is in another statement ("21 people
    missing after shopping centre attack; G7 leaders agree ... Moscow's ...")."""
    lo, hi = sorted((ent.start, head.i))
    return any(t.text == ";" for t in head.doc[lo:hi])


def _modifies_people(ent: Span, lex: Lexicon) -> bool:
    """"two captured US volunteers", "a British aid worker": a place name used
    as the people's nationality says who they are, not where it happened."""
    root = ent.root
    if root.dep_ not in ("compound", "amod", "nmod", "poss"):
        return False
    head = root.head
    if root.dep_ == "poss" and head.lemma_.lower() in ATTACK_NOUNS | WAR_NOUNS | ATTACKER_NOUNS:
        return True  # "Moscow's six-week long incursion": the attacker, not where it happened
    return head.pos_ in ("NOUN", "PROPN") and (head.lemma_.lower() in lex.units or head.tag_ == "NNS"
                                               and head.lower_.endswith(PERSON_ENDINGS)
                                               or head.lemma_.lower() in lex.person_nouns)


#: nouns whose possessor is the side attacking ("Moscow's incursion", "Kyiv's forces")
ATTACKER_NOUNS = frozenset({"incursion", "forces", "force", "troops", "troop", "army", "military", "campaign",
                            "operation", "advance", "offensive", "onslaught"})
#: plural endings of nouns for people ("volunteers", "journalists", "Ukrainians")
PERSON_ENDINGS = ("ers", "ors", "ists", "ians", "ans", "ees", "ines", "ites", "men", "women", "people")


def _is_place(tok: Token, lex: Lexicon, mentions: Sequence[dict]) -> bool:
    if tok.ent_type_ in PLACE_ENTS or tok.lower_ in lex.side_places:
        return True
    return any(m.get("start") is not None and m["start"] <= tok.idx < m["end"] and m.get("kind") in ("place", "country")
               for m in mentions)


def _place_span(tok: Token) -> Span:
    """The whole name ("St. Petersburg", "northeastern Ukraine" -> "Ukraine")."""
    if tok.ent_iob_ in ("B", "I"):
        ent = entity_covering(tok.doc, tok.i)
        if ent is not None:
            return ent
    return tok.doc[tok.i:tok.i + 1]


def _place_side(place: Span, lex: Lexicon, mentions: Sequence[dict]) -> str | None:
    name = place.text.lower()
    return lex.side_places.get(name) or lex.side_words.get(name) or _mention_side(place.root, mentions)


def event_label(sent: Span, reading: Reading, category: str, lex: Lexicon, mentions: Sequence[dict]) -> str | None:
    """A short label: place + kind ("Kyiv attack"), or either alone."""
    noun = event_noun(sent, reading, lex)
    kind = None
    if noun is not None:
        kind = lex.event_kinds[noun.lemma_.lower()]
        compounds = [c.text for c in noun.children if c.dep_ == "compound" and c.i < noun.i
                     and c.lemma_.lower() in lex.event_kinds]
        if compounds and kind.split()[0] not in compounds[0].lower():
            kind = f"{compounds[0].lower()} {kind}"
    elif category == "prisoners" and _is_exchange(sent, lex):
        kind = "prisoner exchange"
    place = event_place(sent, reading, lex, mentions)
    place_text = place.text if place is not None else None
    if place_text and kind:
        return f"{place_text} {kind}"
    return kind or place_text


#: another incident than the one the article reports (GVA: "last year's shooting")
EARLIER_CUES = ("last year", "years ago", "a year ago", "year earlier", "years earlier", "in a separate",
                "separate shooting", "separate incident", "another shooting", "previous shooting", "earlier this year",
                "a similar shooting", "months ago", "last summer", "last winter", "last spring", "last fall")


#: a round-up: one figure over several shootings ("were wounded in two Oakland shootings", "in shootings early
#: Sunday", "in weekend shootings"): a sum of incidents, scope ``cumulative`` (not "in a separate shooting": that is
#: another incident, ``EARLIER_CUES``)
ROUND_UP = re.compile(r"\bin (?!(?:one|each|either|both|the first|the second|the last) of\b)(?:[\w-]+ ){0,3}shootings\b",
                      re.IGNORECASE)  # (not "In one of the shootings, a 35-year-old man was killed": one of them)


def _earlier_year(sent: Span, published) -> bool:
    """A year before the article's in the figure's sentence ("In 2015, three were killed")."""
    if published is None:
        return False
    year = getattr(published, "year", None)
    if year is None:
        return False
    for tok in sent:
        if tok.ent_type_ == "DATE" and len(tok.text) == 4 and tok.text.isdigit() and 1900 <= int(tok.text) < year \
                and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("in", "of", "since") \
                and tok.doc[tok.i - 1].lower_ != "since":
            return True
    return False


def scope_of(sent: Span, reading: Reading, category: str, value: float | None, lex: Lexicon,
             published=None) -> str:
    """``cumulative`` (a running total: "since the start of the war", "in
    total", "to date", a round-up "in shootings across the city", a
    present-perfect verb over repeated attacks, or a figure of 50,000 or more
    for harm or displacement); ``earlier`` (another, earlier incident told for
    context: "last year's shooting at the same bar", "in a separate
    shooting", a year before the article's); else ``incident``."""
    text = sent.text.lower()
    if any(cue in text for cue in lex.cumulative_cues):
        return "cumulative"
    if ROUND_UP.search(text) and "separate shooting" not in text:
        return "cumulative"
    if any(cue in text for cue in EARLIER_CUES) or _earlier_year(sent, published):
        return "earlier"
    if category in (*HARM, "displaced") and value is not None and value >= CUMULATIVE_THRESHOLD:
        return "cumulative"  # no single attack kills, or evacuation moves, 50,000 people
    verb = reading.cue if reading.cue is not None and reading.cue.pos_ in ("VERB", "AUX") else reading.head.head
    verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]  # "have killed and injured"
    # finite perfect only: "have killed", not "are believed to have been killed"
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ") for v in verbs for c in v.children)
    single_event = any(t.lemma_.lower() in lex.event_kinds and t.tag_ in ("NN", "NNP") for t in sent)
    many = value is None or value >= 100 or reading.noun is None or reading.noun.tag_ in ("NNS", "NNPS")
    if perfect and not single_event and category in HARM and many and value != 1:
        return "cumulative"
    return "incident"
