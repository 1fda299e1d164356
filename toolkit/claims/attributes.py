"""The descriptive columns of a claim: unit, side_affected, scope, event, event_date.

Method: rules over the sentence's parse and the cue lexicons in
``data/casualty_cues.yaml`` and ``data/sides.yaml`` (see each function).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from toolkit.claims.lexicon import Lexicon
from toolkit.claims.syntax import Reading

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
                  mentions: Sequence[dict]) -> str:
    """Whose people the figure counts (the catalogue's side names), or
    "each side" / "both" for reciprocal exchanges, else "unknown".

    Order: the counted noun's own words ("Ukrainian civilians", "casualties
    among Russian troops"); the subject of a loss verb ("the Russians have
    suffered"); a side-bearing mention inside the noun phrase; the attacker
    of an attack named in the sentence, inverted ("Russian attacks" -> the
    victims are Ukraine's); the place attacked ("attack on Kyiv").
    """
    sent = reading.head.sent
    text = sent.text.lower()
    if per_side or "each side" in text or "both sides" in text:
        if category == "prisoners":
            return "each side"
    noun = reading.noun or reading.head
    side = _side_in_tokens(_noun_words(noun), lex, mentions)
    if side:
        return side
    side = _loss_subject_side(reading, lex, mentions)
    if side:
        return side
    if category == "prisoners":
        return "both" if _is_exchange(sent, lex) else "unknown"
    side = _attacker_side(sent, lex)
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
    place = event_place(sent, reading, lex, mentions)
    if place is not None:
        side = _place_side(place, lex, mentions)
        if side:
            return side
    return "unknown"


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
    places = [e for e in sent.ents if e.label_ in PLACE_ENTS and e.root.lower_ not in lex.side_words
              or e.text.lower() in lex.side_places]
    if not places:
        return None
    return min(places, key=lambda e: abs(e.root.i - reading.head.i))


def _is_place(tok: Token, lex: Lexicon, mentions: Sequence[dict]) -> bool:
    if tok.ent_type_ in PLACE_ENTS or tok.lower_ in lex.side_places:
        return True
    return any(m.get("start") is not None and m["start"] <= tok.idx < m["end"] and m.get("kind") in ("place", "country")
               for m in mentions)


def _place_span(tok: Token) -> Span:
    """The whole name ("St. Petersburg", "northeastern Ukraine" -> "Ukraine")."""
    if tok.ent_iob_ in ("B", "I"):
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
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


def scope_of(sent: Span, reading: Reading, category: str, value: float | None, lex: Lexicon) -> str:
    """``cumulative`` (a running total: "since the start of the war", "in
    total", "to date", a present-perfect verb over repeated attacks, or a
    figure of 50,000 or more for harm or displacement) else ``incident``."""
    text = sent.text.lower()
    if any(cue in text for cue in lex.cumulative_cues):
        return "cumulative"
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
