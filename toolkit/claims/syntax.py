"""Does a figure count people, and what happened to them?

Method: dependency rules over spaCy's parse (en_core_web_sm), in the spirit
of rule-based casualty extraction (e.g. the ACLED/GDELT "number + victim
noun + fatality verb" patterns, Tanev et al. 2008 "Real-time news event
extraction for global crisis monitoring"), but reading the tree instead of a
token window, so that "left at least 28 people dead and injured over 100
people" gives 28 -> dead and 100 -> injured, and "killed and injured scores"
gives both (= casualties).

For a figure we find

* the *phrase head*: the noun the number modifies ("28 people"), else the
  quantity word itself ("killed dozens", "Thousands were evacuated");
* the *counted noun*: the phrase head, or the object of "of" after a vague
  quantity ("scores of ordinary people");
* the *cues*: the category noun itself ("three deaths", "1,000 prisoners"),
  the verb whose object / passive subject the phrase is ("killed dozens"),
  predicative adjectives ("left 28 people dead"), participles on the noun
  ("28 people killed", "people who were killed"), coordinated verbs sharing
  the object ("killed and injured scores"), and "death toll ... to N".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from toolkit.claims.lexicon import Lexicon

#: spaCy entity types of figures that are never counts of people
NOT_PEOPLE_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
#: intransitive predicates whose *subject* is the affected people ("5 died")
SUBJECT_AFFECTED = frozenset({"die", "perish", "flee", "escape", "disappear", "drown", "surrender"})
#: event nouns whose "of"-object is the counted people ("the deaths of 12 people")
EVENT_NOUN_CATEGORY = {
    "death": "killed", "killing": "killed", "murder": "killed", "execution": "killed", "life": "killed",
    "homicide": "killed", "body": "killed",  # "found the body of 26-year-old Jonathan Kelly"
    "injury": "injured", "wounding": "injured",
    "evacuation": "evacuated", "displacement": "displaced", "deportation": "other",
    "exchange": "prisoners", "swap": "prisoners", "release": "prisoners", "return": "prisoners",
    "capture": "prisoners", "repatriation": "prisoners",
    "disappearance": "missing",
}
#: verbs that make "the lives of N" deaths ("claimed the lives of 12 people")
LIFE_VERBS = frozenset({"claim", "take", "cost", "lose", "end"})
#: "sustained a gunshot wound"
SUSTAIN_VERBS = frozenset({"sustain", "suffer", "receive", "have"})  # "One resident had minor injuries"
INJURY_NOUNS = frozenset({"wound", "injury", "burn", "gunshot", "cut", "laceration", "fracture"})
#: "in critical condition" (a hospital's wording for the injured)
CONDITION_WORDS = frozenset({"critical", "serious", "stable", "fair", "grave", "life-threatening", "guarded"})
#: "taken to hospital", "drove himself to the hospital", "left a man in the hospital"
HOSPITAL_VERBS = frozenset({"take", "send", "put", "rush", "transport", "airlift", "carry", "admit", "bring", "drive",
                            "leave", "treat", "transfer", "fly"})
#: a named hospital's head noun with one of these before it: "Grant Medical Center", "a regional trauma center"
MEDICAL_CENTER_WORDS = frozenset({"medical", "trauma", "health", "burn", "hospital"})
#: what hits a person when a shooting report says "one of the shots struck Dunlap", "was hit by two bullets"
PROJECTILES = frozenset({"shot", "bullet", "round", "gunfire", "pellet", "gunshot", "slug", "buckshot", "shrapnel",
                         "fragment"})
#: guns a person is struck with ("struck the clerk in the head with the handgun": GVA's pistol-whipping)
GUNS = frozenset({"gun", "handgun", "pistol", "rifle", "shotgun", "revolver", "firearm"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "appos", "oprd", "conj"})
PREDICATE_DEPS = frozenset({"oprd", "acomp", "xcomp", "advmod", "ccomp"})
MODIFIER_DEPS = frozenset({"amod", "acl", "relcl", "appos"})


@dataclass(frozen=True)
class Reading:
    """How the syntax reads one figure."""

    head: Token  # the phrase head (the noun the figure counts, or the figure itself)
    noun: Token | None  # the counted noun, if any ("people", "prisoners", "casualties")
    category: str | None
    cue: Token | None  # the word that gave the category


def phrase_head(anchor: Token) -> Token:
    """The noun a number modifies ("28" in "28 people" -> "people"), else the number."""
    head = anchor
    for _ in range(4):  # "one million casualties": one -> million -> casualties
        if head.dep_ in ("nummod", "quantmod", "compound", "nmod", "amod", "npadvmod") and head.head.i > head.i \
                and head.head.pos_ in ("NOUN", "PROPN", "NUM", "ADJ") and head.head.i - anchor.i <= 6:
            head = head.head
        else:
            break
    return head


def counted_noun(head: Token, anchor: Token, lex: Lexicon) -> Token | None:
    """The noun naming who is counted: "scores of ordinary people" -> people."""
    if head.i != anchor.i:
        return head
    if head.lower_ == "one" and head.dep_ == "appos":
        return None  # "her nephew, one of the casualties of the carnage": one person already named
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN", "ADJ", "PRON"):
                    if pobj.tag_ == "NN" and any(c.lower_ in ("a", "an") for c in pobj.children):
                        return None  # "one of a dead child" (an image): not a count of people
                    if any(c.tag_ in ("JJS", "RBS") or c.lower_ == "most" or
                           any(g.lower_ == "most" for g in c.children) for c in pobj.children):
                        return None  # "one of the world's most famous prisoners": a superlative set, not a toll
                    return pobj
    if head.pos_ == "NOUN" and _lemma(head) not in lex.vague_lemmas:
        return head  # "dead" tagged as a noun in "28 dead"
    return None


#: plural agent/demonym endings that name people ("workers", "journalists", "Ukrainians", "evacuees")
PERSON_SUFFIXES = ("ers", "ors", "ists", "ians", "ans", "ees", "ines", "ites")
#: words standing for people already named: "12 others", "dozens more", "the two"
STAND_INS = frozenset({"other", "others", "more", "dead", "wounded", "injured", "missing", "one", "whom", "them",
                       "those", "each", "all", "survivor"})


def is_non_person(noun: Token | None, lex: Lexicon) -> bool:
    """True when a counted noun is a thing ("104 drones", "one goal", "two
    videos"): listed as non-person, or a common noun that is neither a
    person noun, a category noun, a demonym nor a plural agent noun."""
    if noun is None:
        return False
    lemma, lower = _lemma(noun), noun.lower_
    if lemma in lex.non_person_nouns or lower in lex.non_person_nouns:
        return True
    if lemma in lex.person_nouns or lower in lex.person_nouns or lemma in lex.noun_category \
            or lower in lex.noun_category or lower in STAND_INS or lemma in STAND_INS:
        return False
    if noun.ent_type_ in ("NORP", "PERSON") or noun.pos_ in ("PROPN", "NUM", "PRON"):
        return False
    return not (noun.tag_ == "NNS" and lower.endswith(PERSON_SUFFIXES))


def read_figure(anchor: Token, lex: Lexicon) -> Reading:
    """Category of the figure whose last token is ``anchor`` (see module doc)."""
    head = phrase_head(anchor)
    noun = counted_noun(head, anchor, lex)
    noun_category = _noun_category(noun, lex) if noun is not None else None
    cues = list(_predicate_cues(head, lex))
    # "one of the civilians evacuated": an individual picked from a group, not a
    # count of the group; only the figure's own predicate ("one of the victims died") counts
    partitive_of_definite = noun is not None and noun is not head and head.i == anchor.i and \
        any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in noun.children)
    if noun is not None and noun is not head and not partitive_of_definite:
        cues += [c for c in _modifier_cues(noun, lex)]
    if noun is not None:
        cues += [c for c in _of_war_cues(noun, lex)]
    if not partitive_of_definite:
        cues += list(_modifier_cues(head, lex))
    wound = _wound(head) if head.pos_ in ("NOUN", "PROPN", "ADJ") else None
    if wound is not None:  # "a boy suffering from a gunshot wound"
        cues.append(wound)
    toll = _toll_cue(head)
    if toll is not None:
        cues.append((toll[0], toll[1]))
    cues = [(tok, cat) for tok, cat in cues if not _negated_or_attempted(tok)]
    # "left a man dead and a juvenile wounded": an adjective after the noun is its
    # own predicate; the verb's other complements belong to the other conjunct
    own = [(tok, cat) for tok, cat in cues if tok.dep_ == "amod" and tok.head.i == head.i and tok.i > head.i
           and cat != "weak_injured"]
    if own and any(c.dep_ == "cc" for c in head.children):
        cues = own
    categories = {category for _, category in cues}
    category = _combine(noun_category, categories, cues)
    # the word that gave the category; a strong one before a weak one ("was also shot and taken to
    # the hospital": taken to hospital says he was hurt and lived, "shot" alone does not)
    cue = next((tok for tok, cat in cues if cat == category), None) or next(
        (tok for tok, cat in cues if category == "injured" and cat == "weak_injured"), None) if category else None
    if category is None and noun_category is None:
        category, cue = _adjacent_cue(noun or head, lex)
    if category is None and noun is not None and _lemma(noun) == "victim":
        kind = next((c for c in noun.children if c.dep_ == "compound" and _lemma(c) in ("shooting", "gunshot")), None)
        if kind is not None:  # "two gunshot victims were located": shot, fate not yet told
            category, cue = "injured", kind
    return Reading(head=head, noun=noun, category=category, cue=cue or (noun if category else None))


#: phrasal verbs of arriving, whose particle says nothing of harm ("showed up ... with a gunshot wound")
ARRIVAL_VERBS = frozenset({"show", "turn", "wind", "end", "pull"})


def _negated_or_attempted(cue: Token) -> bool:
    """"was not injured", "attempted murder", "tried to kill": nobody counted."""
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    if _lemma(cue) not in ARRIVAL_VERBS and any(c.dep_ == "prt" and c.lower_ in ("down", "up", "at")
                                                for c in cue.children):
        # "two more were shot down" (missiles), "shot up", "shot at" (not "a teenager showed up ...
        # with a gunshot wound": the wound, not the verb, is the cue)
        return True
    nxt = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
    if nxt is not None and _lemma(cue) == "shoot" and nxt.lower_ == "at" and \
            not any(c.dep_ == "pobj" for c in nxt.children):
        return True  # "was held up and shot at after she asked for directions": a stranded "at"
    if nxt is not None and _lemma(cue) == "shoot" and nxt.lower_ == "at" and \
            any(c.dep_ == "pobj" and (c.tag_ == "PRP" or c.lower_ == "other") for c in nxt.children):
        return True  # "three teenagers shot at them", "two people shooting at each other": fired at, not hit
    if any(c.lower_ in ("attempted", "attempt", "failed") for c in cue.children if c.dep_ in ("amod", "compound")):
        return True
    # a plan or threat ("planned to evacuate 2,000", "threatened to kill") is kept: its
    # `modality` says hypothetical (toolkit.claims.qualify); a failed attempt is nobody
    return cue.dep_ == "xcomp" and cue.head.lemma_.lower() in ("try", "attempt")


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _noun_category(noun: Token, lex: Lexicon) -> str | None:
    for key in (_lemma(noun), noun.lower_):
        if key in lex.noun_category:
            return lex.noun_category[key]
    return None


def _token_category(tok: Token, lex: Lexicon) -> str | None:
    for key in (_lemma(tok), tok.lower_):
        if key in lex.predicate_category:
            return lex.predicate_category[key]
        if key in lex.weak_injured:
            return "weak_injured"
    return None


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)


def _predicate_cues(head: Token, lex: Lexicon):
    """Cues from the word that governs the phrase head."""
    gov = head.head
    if gov is head:
        return
    dep = head.dep_
    if dep == "pobj" and gov.dep_ == "prep" and gov.lower_ in ("of", "among"):
        noun = gov.head  # "the deaths of 12 people", "the evacuation of 500"
        if noun.dep_ == "pobj" and noun.head.lower_ == "to":
            return  # "the sentencing to death of two Britons": a sentence, not a death
        cat = EVENT_NOUN_CATEGORY.get(_lemma(noun)) or _noun_category(noun, lex)
        if _lemma(noun) == "life" and not (noun.dep_ in ("dobj", "nsubjpass") and _lemma(noun.head) in LIFE_VERBS):
            return  # "threatening the life of a public employee", "saved the lives of 20": nobody died
        if cat is None and _lemma(noun) == "shooting" and \
                any(c.lower_ in lex.fatal_modifiers or c.lower_ in ("deadly", "fatal") for c in noun.children):
            cat = "killed"  # "the deadly shooting of an unarmed security guard"
        elif cat is None and _lemma(noun) == "shooting":
            cat = "weak_injured"  # "a 15-year-old suspect in the shooting of five people" (shot, fate not told)
        if cat:
            yield noun, cat
        return
    if dep == "nsubj" and gov.dep_ in ("auxpass", "aux") and gov.head.pos_ == "VERB":
        # parser slip: "100 civilians were on Sunday evacuated" hangs the subject on "were"
        yield from _verb_cues(gov.head, lex, head)
        return
    if dep == "nsubj" and gov.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in gov.children) \
            and not any(c.dep_ == "dobj" for c in gov.children):  # not "a man inside the home stabbed him"
        # a participle read as an active verb: "Two US volunteer soldiers captured in fighting ... have been filmed"
        yield from _verb_cues(gov, lex, head)
        return
    if dep == "nsubj":
        if _lemma(gov) in SUBJECT_AFFECTED or gov.lower_ == "missing":  # "18 people were still missing"
            yield gov, lex.predicate_category.get(_lemma(gov)) or lex.predicate_category.get(gov.lower_, "killed")
        yield from _among_cues(gov, lex)
        injury = _sustained_injury(gov) or _in_condition(gov) or _with_wound(gov) or _after_being_harmed(gov)
        if injury is not None:
            yield gov, injury
        if _own_life_taken(gov):
            yield gov, "killed"  # "a Ringgold, Ga., man took his own life after a six-hour standoff"
        if _recovering(gov):
            yield gov, "injured"  # "Two men are recovering after a shooting Saturday afternoon in Bessemer"
        if gov.lower_ == "dead" and gov.pos_ == "ADJ" and gov.dep_ in ("ccomp", "xcomp", "oprd"):
            # a small clause: "they found a man in his seventies dead from a gun shot wound" (the
            # parser makes the man the subject of "dead"; the wound is the death's)
            yield gov, "killed"
        if _lemma(gov) == "pass" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "away" for c in gov.children):
            yield gov, "killed"  # "A man who was shot ... passed away Tuesday morning"
        # parser slip: "A man believed ... was shot and killed" hangs the
        # passive verb off "believed" as a subjectless conjunct
        for conj in gov.children:
            if conj.dep_ == "conj" and any(c.dep_ == "auxpass" for c in conj.children) \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
                yield from _verb_cues(conj, lex, head)
        # "5 are dead", "12 remain missing": the predicate is a complement
        for child in gov.children:
            if child.dep_ in ("acomp", "attr", "oprd", "xcomp") and _token_category(child, lex) not in (None, "weak_injured"):
                yield child, _token_category(child, lex)
        return
    if dep == "appos" and gov.dep_ in ("nsubj", "nsubjpass") and gov.i < head.i and \
            (gov.ent_type_ in ("GPE", "ORG", "LOC") or gov.is_upper):
        # a dateline the parser made the subject: "DETROIT, MI - A 30-year-old man died early Sunday"
        yield from _predicate_cues(gov, lex)
        return
    if dep not in OBJECT_DEPS and not (dep == "pobj" and gov.lower_ in ("to", "with")):
        return
    if dep == "conj":  # "one serviceman and two guards were killed": the first conjunct's predicate
        first = head
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        if first is not head and first.pos_ in ("NOUN", "PROPN", "NUM"):
            yield from _predicate_cues(first, lex)
        return
    verb = gov if dep != "pobj" else gov.head
    yield from _verb_cues(verb, lex, head)


def _among_cues(verb: Token, lex: Lexicon):
    """"Three children were among the wounded", "two guards were among those killed"."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "among":
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                cat = _token_category(pobj, lex) or lex.noun_category.get(pobj.lower_)
                if cat and cat != "weak_injured":
                    yield pobj, cat
                for child in pobj.children:
                    if child.dep_ in ("acl", "relcl", "amod"):
                        ccat = _token_category(child, lex)
                        if ccat and ccat != "weak_injured":
                            yield child, ccat


def _sustained_injury(verb: Token) -> str | None:
    """"a man sustained a gunshot wound", "suffered fatal injuries"."""
    if _lemma(verb) not in SUSTAIN_VERBS:
        return None
    for obj in verb.children:
        if obj.dep_ == "dobj" and _lemma(obj) in INJURY_NOUNS:
            fatal = any(c.lower_ in ("fatal", "mortal", "deadly") and not _negative_prefix(c) for c in obj.children)
            return "killed" if fatal else "injured"
    return None


#: nouns/adjectives on a wound that say how it was made ("a gunshot wound", "a stab wound")
WOUND_KINDS = frozenset({"gunshot", "bullet", "stab", "shrapnel", "gun", "shot", "knife"})


def _with_wound(tok: Token) -> str | None:
    """"a boy suffering from a gunshot wound", "a teenager showed up ... with a
    gunshot wound": ``tok`` (the person, or the verb whose subject the person
    is) has a weapon's wound; "fatal" ones are deaths. A wound is a weak
    injury: "found a woman dead ... with multiple gunshot wounds" is one
    death, not a death and an injury."""
    found = _wound(tok)
    return found[1] if found else None


def _wound(tok: Token, depth: int = 0) -> tuple[Token, str] | None:
    """The wound token and its category for :func:`_with_wound`."""
    if depth == 0:
        # the parser hangs "with" on the place: "walked into an area hospital with a
        # gunshot wound", "found a passenger in a van with a gunshot wound"
        for prep in tok.children:
            # and on the agent: "was discovered by detectives with a gunshot wound to his right hip"
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "into", "at", "to", "inside", "by"):
                for place in prep.children:
                    if place.dep_ == "pobj" and place.pos_ == "NOUN":
                        found = _wound(place, 1)
                        if found is not None:
                            return found
    for child in tok.children:
        # "suffering from a gunshot wound", "found bleeding from an apparent gunshot wound"
        if child.dep_ in ("acl", "advcl", "xcomp") and _lemma(child) in SUSTAIN_VERBS | {"suffer", "bleed"}:
            found = _wound(child)
            if found is None and _sustained_injury(child):
                found = (child, _sustained_injury(child))
            if found:
                return found
        if child.dep_ != "prep" or child.lower_ not in ("with", "from"):
            continue
        for pobj in child.children:
            if pobj.dep_ == "pobj" and _lemma(pobj) in ("wound", "injury") and \
                    any(_lemma(c) in WOUND_KINDS for c in pobj.children if c.dep_ in ("compound", "amod")):
                fatal = any(c.lower_ in ("fatal", "mortal", "deadly") and not _negative_prefix(c) for c in pobj.children)
                return pobj, "killed" if fatal else "weak_injured"
    return None


def _negative_prefix(tok: Token) -> bool:
    """"a non-fatal gunshot wound": "non" (and a hyphen) before the word."""
    doc = tok.doc
    before = [doc[i].lower_ for i in range(max(0, tok.i - 2), tok.i)]
    return "non" in before or "non-" in before


def _in_condition(verb: Token) -> str | None:
    """"One person is in stable condition", "remains in critical condition"."""
    if _lemma(verb) not in ("be", "remain", "list"):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for pobj in prep.children:
                if _lemma(pobj) == "condition" and any(c.lower_ in CONDITION_WORDS for c in pobj.children):
                    return "injured"
    return None


TO_DEATH_VERBS = frozenset({"shoot", "shot", "beat", "stab", "burn", "crush", "stone", "hack", "torture", "bludgeon",
                            "starve", "freeze", "trample", "choke", "strangle", "bleed", "club", "kick"})


def _to_death(verb: Token) -> bool:
    """"shot to death", "stabbed to death": the victim died ("sentenced to
    death" is a sentence, not a death)."""
    if _lemma(verb) not in TO_DEATH_VERBS:
        return False
    return any(prep.dep_ == "prep" and prep.lower_ == "to" and
               any(p.dep_ == "pobj" and _lemma(p) == "death" for p in prep.children)
               for prep in verb.children)


def _to_hospital(verb: Token, person: Token | None = None) -> bool:
    """"was taken to hospital", "sent one man to the hospital", "was
    transported to Grant Medical Center", "was treated at an area hospital",
    "left a man in the hospital" (the parser hangs "in" on the man)."""
    lemma = _lemma(verb)
    if lemma not in HOSPITAL_VERBS:
        return False
    if any(prep.dep_ == "prep" and prep.lower_ in ("for", "as") and
           any(_lemma(p) in ("evaluation", "examination", "observation", "assessment", "specimen", "test",
                             "precaution") for p in prep.children) for prep in verb.children):
        # "Yancey was taken to the hospital for a medical evaluation", "one officer was taken to a
        # hospital as a precaution": not hurt
        return False
    preps = ("to", "in", "into", "at") if lemma == "treat" else ("to", "in", "into")
    holders = [verb] + ([person] if person is not None and lemma in ("leave", "send", "put") else [])
    # "transported to the Penn State Milton S. Hershey Medical Center": the parser makes the
    # hospital an apposition of "Penn State"
    if lemma in ("take", "rush", "bring") and any(
            prep.dep_ == "prep" and prep.lower_ in ("into", "to") and
            any(p.dep_ == "pobj" and _lemma(p) == "surgery" for p in prep.children) for prep in verb.children):
        return True  # "The victim ... was taken into surgery"
    if lemma in ("take", "transport", "rush", "airlift", "bring", "drive") and any(
            prep.dep_ == "prep" and prep.lower_ == "with" and
            any(p.dep_ == "pobj" and _lemma(p) in INJURY_NOUNS for p in prep.children) for prep in verb.children):
        # "The teen was taken to UF Health Jacksonville with non-life-threatening injuries": the
        # injuries say it was care, whatever the place is called
        return True
    return any(prep.dep_ == "prep" and prep.lower_ in preps and
               any(p.dep_ == "pobj" and (is_hospital(p) or any(a.dep_ == "appos" and is_hospital(a) for a in p.children))
                   for p in prep.children)
               for holder in holders for prep in holder.children)


def is_hospital(tok: Token) -> bool:
    """"hospital", "UNC Hospitals", "Grant Medical Center", "a regional trauma
    center" (not "a community center", "the Center for ...")."""
    lemma = _lemma(tok)
    if lemma in ("hospital", "hospitals"):
        return True
    return lemma in ("center", "centre") and \
        any(c.dep_ in ("compound", "amod") and c.lower_ in MEDICAL_CENTER_WORDS for c in tok.children)


def cared_for(verb: Token, person: Token) -> bool:
    """Does ``verb`` say that ``person`` (its subject or object) was in
    hospital care: "The victim was in stable condition", "The teen was
    hospitalized with non-life-threatening injuries", "The man was taken to a
    local hospital", "was treated for injuries"."""
    return _lemma(verb) in ("hospitalize", "hospitalise") or _in_condition(verb) is not None or \
        _to_hospital(verb, person) or _treated_for_injury(verb)


def _treated_for_injury(verb: Token) -> bool:
    """"was treated for non-life threatening injuries", "treated for a gunshot wound"."""
    return _lemma(verb) == "treat" and any(
        prep.dep_ == "prep" and prep.lower_ == "for" and
        any(p.dep_ == "pobj" and _lemma(p) in INJURY_NOUNS for p in prep.children) for prep in verb.children)


def _pistol_whipped(verb: Token) -> bool:
    """"The man was pistol whipped", "pistol-whipped the resident": struck with
    a gun (GVA counts the victim as injured)."""
    if _lemma(verb) != "whip":
        return False
    doc = verb.doc
    before = [doc[i].lower_ for i in range(max(0, verb.i - 2), verb.i)]
    return "pistol" in before or any(c.lower_ == "pistol" for c in verb.children)


def _own_life_taken(verb: Token) -> bool:
    """"took his own life", "ended her own life": a suicide, one death."""
    return _lemma(verb) in ("take", "end") and any(
        c.dep_ == "dobj" and _lemma(c) == "life" and any(a.lower_ == "own" for a in c.children)
        and any(p.dep_ == "poss" and p.lower_ in ("his", "her", "their") for p in c.children)
        for c in verb.children)


#: what a person recovers from or after when they were hurt ("recovering after a shooting")
RECOVERY_CAUSES = frozenset({"shooting", "stabbing", "wound", "injury", "surgery", "attack", "gunshot"})


def _recovering(verb: Token) -> bool:
    """"Two men are recovering after a shooting", "is recovering from gunshot
    wounds": the subject was hurt and lived."""
    return _lemma(verb) == "recover" and any(
        prep.dep_ == "prep" and prep.lower_ in ("after", "from") and
        any(p.dep_ == "pobj" and _lemma(p) in RECOVERY_CAUSES for p in prep.children) for prep in verb.children)


def _after_being_harmed(verb: Token) -> str | None:
    """"Two 17-year-old boys are recovering in the hospital after being shot":
    the subject of ``verb`` was harmed in an "after being ..." clause."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "after":
            for pcomp in prep.children:
                if pcomp.dep_ == "pcomp" and pcomp.tag_ == "VBN" and \
                        any(c.dep_ == "auxpass" and c.lower_ == "being" for c in pcomp.children) and \
                        _lemma(pcomp) in ("shoot", "stab", "wound", "injure"):
                    return "weak_injured" if _lemma(pcomp) in ("shoot", "stab") else "injured"
                if pcomp.dep_ == "pcomp" and pcomp.tag_ == "VBG" and _sustained_injury(pcomp) is not None:
                    # "four people had arrived after suffering non-life-threatening injuries"
                    return _sustained_injury(pcomp)
    return None


def _hit_by_projectile(verb: Token, head: Token) -> bool:
    """"One of the shots struck Dunlap in the back", "the robber was hit by at
    least two bullets": a bullet hitting the person is a shooting wound (a
    weak injury, like "was shot"); "a missile hit the building" is not
    about people (the figure's own noun decides that)."""
    if _lemma(verb) not in ("strike", "hit", "graze") or head.dep_ not in ("dobj", "nsubjpass"):
        return False
    for child in verb.children:
        if child.dep_ == "nsubj" and _lemma(child) in PROJECTILES:
            return True
        if child.dep_ == "nsubj" and child.lower_ == "one" and any(
                p.dep_ == "prep" and p.lower_ == "of" and any(_lemma(o) in PROJECTILES for o in p.children)
                for p in child.children):
            return True  # "One of the shots struck Dunlap"
        if child.dep_ in ("agent", "prep") and child.lower_ in ("by", "with") and \
                any(p.dep_ == "pobj" and _lemma(p) in PROJECTILES for p in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ == "with" and _lemma(verb) != "graze" and \
                any(p.dep_ == "pobj" and _lemma(p) in GUNS for p in child.children):
            return True  # "struck the clerk in the head with the handgun"
    return False


def _verb_cues(verb: Token, lex: Lexicon, head: Token):
    cat = _token_category(verb, lex)
    # "was fatally wounded", "mortally wounded": the wound killed; not killed and injured
    fatal = any(c.dep_ in PREDICATE_DEPS and c.lower_ in lex.fatal_modifiers and c.i < verb.i for c in verb.children)
    if cat == "injured" and fatal:
        cat = None
    if cat:
        yield verb, cat
    elif _to_hospital(verb, head):
        yield verb, "injured"
    elif _treated_for_injury(verb):
        # weak: it names no fate of its own, so "80 soldiers who surrendered ... were being treated
        # for injuries" stay prisoners
        yield verb, "weak_injured"
    elif _lemma(verb) in ("find", "discover", "locate", "leave") and _wound(verb) is not None and \
            head.dep_ in ("nsubjpass", "dobj"):
        # "a woman was found with a gunshot wound", "was discovered by detectives with a gunshot
        # wound", "a shooting ... that left a 23-year-old LaPlace man with a gunshot wound"
        yield _wound(verb)
    elif _hit_by_projectile(verb, head):
        yield verb, "weak_injured"
    elif _pistol_whipped(verb):
        yield verb, "injured"
    if _lemma(verb) == "find" and verb.i + 1 < len(verb.doc) and verb.nbor(1).lower_ == "dead" and verb.nbor(1) != head:
        yield verb.nbor(1), "killed"  # "a Birmingham man found dead Friday afternoon" (the parser hangs "dead" elsewhere)
    if _to_death(verb):
        yield verb, "killed"  # "shot to death", "beaten to death"
    for child in verb.children:  # "Jordan allegedly shot Wright two times, killing him"
        if child.dep_ == "advcl" and child.tag_ == "VBG" and _lemma(child) in ("kill", "wound", "injure") and \
                head.dep_ == "dobj" and any(c.dep_ == "dobj" and c.tag_ == "PRP" for c in child.children):
            yield child, lex.predicate_category.get(_lemma(child), "killed")
    # "shot dead", "fatally shot", "were left injured"
    for child in verb.children:
        if child.dep_ in PREDICATE_DEPS and child.i != head.i:
            if child.lower_ in lex.fatal_modifiers:
                yield child, "killed"
            else:
                ccat = _token_category(child, lex)
                # "was found shot" keeps the weak cue; "left ... dead" the strong one
                if ccat and (ccat != "weak_injured" or _lemma(verb) == "find") and not _has_object(child):
                    fatal = any(g.lower_ in lex.fatal_modifiers for g in child.children) or _to_death(child)
                    if not (fatal and ccat == "injured"):  # "two men found mortally wounded": killed only
                        yield child, ccat
                    if fatal:
                        yield child, "killed"  # "was found shot dead", "found shot to death"
        if child.dep_ == "conj" and child.pos_ in ("VERB", "ADJ") and not _has_object(child) \
                and _shares_figure(verb, child):
            ccat = _token_category(child, lex)  # "were shot and killed", "killed or wounded"
            if ccat:
                yield child, ccat
            elif _to_hospital(child) or _treated_for_injury(child):
                yield child, "injured"  # "Another man was also shot and taken to the hospital"
    # "killed and injured scores": the object hangs on the last verb only
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.i < verb.i and not _has_object(verb.head) \
            and _shares_figure(verb.head, verb):
        hcat = _token_category(verb.head, lex)
        if hcat:
            yield verb.head, hcat


def _modifier_cues(noun: Token, lex: Lexicon):
    """Participles and adjectives on the counted noun: "28 people killed",
    "civilians who were wounded", "a woman fatally shot", "two dead soldiers"."""
    for child in noun.children:
        if child.dep_ not in MODIFIER_DEPS:
            continue
        if child.dep_ == "relcl" and any(
                c.dep_ in ("nsubjpass", "nsubj") and _lemma(c) == "body" and
                any(g.dep_ == "poss" and g.lower_ == "whose" for g in c.children) for c in child.children):
            yield child, "killed"  # "a 25-year-old man whose body was found in a ditch"
            continue
        if child.pos_ in ("VERB", "AUX") and child.dep_ in ("acl", "relcl"):
            if _is_agent_clause(child) or _is_active_participle(child):
                # "the two officers who allegedly shot and killed a 25-year-old woman",
                # "reports of a man shooting a gun": the shooters
                continue
            yield from _verb_cues(child, lex, noun)
            continue
        cat = _token_category(child, lex)
        if cat:
            yield child, cat
            for sub in child.children:
                if sub.dep_ == "conj" and _token_category(sub, lex) and _shares_figure(child, sub):
                    yield sub, _token_category(sub, lex)


def _is_agent_clause(verb: Token) -> bool:
    """A relative clause whose relative pronoun is the active subject of a
    verb with an object of its own: the noun did the harm, it was not harmed."""
    verbs = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    subject = any(c.dep_ == "nsubj" and c.lower_ in ("who", "that", "which") for c in verb.children)
    return subject and any(_lemma(v) in AGENT_VERBS and any(c.dep_ == "dobj" for c in v.children) for v in verbs)


#: verbs whose active subject harmed someone else ("officers who shot ... a woman", "a man shooting a gun");
#: not "a boy who lost his legs", "volunteers missing in Ukraine"
AGENT_VERBS = frozenset({"shoot", "kill", "wound", "injure", "stab", "murder", "fire", "attack", "hit", "strike"})


def _is_active_participle(verb: Token) -> bool:
    """"reports of a man shooting a gun", "two people shooting at each other":
    an active present participle of a harm verb on the noun makes it the doer."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and _lemma(verb) in AGENT_VERBS and \
        not any(c.dep_ == "auxpass" for c in verb.children)


def _of_war_cues(noun: Token, lex: Lexicon):
    """"prisoners of war murdered in ...": the parser hangs the participle on "war"."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lower_ == "war":
                    yield from _modifier_cues(pobj, lex)


def _shares_figure(first: Token, second: Token) -> bool:
    """Coordinated cues share a figure only with no other figure between
    them: "killed and injured scores" shares, "one dead and four others
    injured" does not."""
    lo, hi = sorted((first.i, second.i))
    return not any(t.like_num or t.lower_ in _COUNT_WORDS for t in first.doc[lo + 1:hi])


_COUNT_WORDS = frozenset({"another", "others", "dozens", "scores", "hundreds", "thousands", "several", "many",
                          "one", "a", "an"})


def _toll_cue(head: Token) -> tuple[Token, str] | None:
    """"the death toll rose to 28", "a death toll of 28", "the toll is 28"."""
    candidates = [head.head, head.head.head] if head.dep_ == "pobj" else [head.head]
    for gov in candidates:
        nouns = [gov] + [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")]
        for noun in nouns:
            if noun.lemma_.lower() == "toll":
                kinds = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")}
                return noun, "casualties" if "casualty" in kinds else "killed"
    return None


def _combine(noun_category: str | None, categories: set[str], cues) -> str | None:
    """One category from the noun's and the predicates' (see module doc)."""
    strong = categories - {"weak_injured"}
    harm = strong & {"killed", "injured", "missing"}
    if noun_category in ("killed", "injured", "casualties", "missing"):
        if noun_category in ("killed", "injured") and (strong & {"killed", "injured"}) - {noun_category}:
            return "casualties"  # "dead and wounded"
        return noun_category
    if len(harm) >= 2 or "casualties" in strong:
        return "casualties"  # "killed or injured", "killed and injured"
    if harm:
        return next(iter(harm))  # "killed 3 prisoners" counts the killed
    if noun_category in ("prisoners", "displaced"):
        return noun_category
    if strong:
        return sorted(strong)[0] if len(strong) > 1 else next(iter(strong))
    if "weak_injured" in categories:
        return "injured"  # "a man was shot" (and nothing says he died)
    return None


def _adjacent_cue(tok: Token, lex: Lexicon) -> tuple[str | None, Token | None]:
    """Fallback for parser slips: a casualty word right after the figure or
    its noun ("two people dead", "5 killed, 12 wounded")."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.sent == tok.sent and nxt.lower_ in ("dead", "killed", "injured", "wounded", "missing", "hurt"):
        cat = _token_category(nxt, lex)
        if cat and cat != "weak_injured":
            return cat, nxt
    return None, None
