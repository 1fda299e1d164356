"""What kind of statement a figure is: modality, rate, about the story.

Three columns of the claims table that every summary must respect (the
headline figures are on-story, reported, and not a rate; see
:func:`headline_mask`):

* ``modality`` — ``reported`` (the text states it happened), ``hypothetical``
  (a plan, threat, forecast, risk, condition or rhetorical question: "could
  kill", "threatened to", "aims to displace", "planned to evacuate about
  50,000 children", "Stalin's mathematics – 20 million losses?") or
  ``denied`` ("Russia denied that 300 civilians were killed").
* ``rate`` — a figure per unit of time ("between 100 and 200 soldiers were
  dying each day", "losing 60-100 soldiers per day", "500 a week",
  "daily"); "during the last day" and "a day after the strike" are not rates.
* ``about_story`` — false when the figure's sentence names another
  conflict, a historical period, a crisis or a crime from the story's
  ``story_other.yaml`` ("5.7 million Syrians", "the Soviet Union lost 15,000
  in Afghanistan", "the Finnish civil war"), or a year before the story's
  period ("in 1941"), outside a "since ..." phrase, and the figure's own
  clause does not name the story's places or sides.

Method: rules over spaCy's dependency parse and the cue lists in
``data/casualty_cues.yaml`` (``hypothetical_governors``, ``denial_verbs``,
``rate_units``) and the story files (:mod:`toolkit.claims.story`).
"""

from __future__ import annotations

import re

import pandas as pd
from spacy.tokens import Span, Token

from toolkit.claims.lexicon import Lexicon
from toolkit.claims.syntax import Reading
from toolkit.context import doc_text

MODALITIES = ("reported", "hypothetical", "denied")
#: verbs of a quantity changing: "deaths could rise to 300", "could reach 1.5 million"
QUANTITY_VERBS = frozenset({"reach", "rise", "climb", "exceed", "top", "hit", "surpass", "increase", "grow",
                            "double", "triple", "soar", "jump", "swell", "mount", "total", "number", "be"})
#: modals that with "have" describe an estimate of the past ("may have been killed"), not a hypothesis
EPISTEMIC_PAST = frozenset({"may", "might", "could", "must"})
#: clause links a modality walk follows upwards from the cue
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp", "dobj", "pobj", "prep",
                         "nsubj", "nsubjpass", "attr", "oprd", "acomp", "appos", "npadvmod", "nmod", "compound",
                         "nummod", "quantmod", "amod"})
#: "a day after the strike", "a day earlier", "a week of fighting": not a rate
_NOT_RATE_AFTER = ("after", "before", "earlier", "later", "ago", "of", "when", "in", "since", "into", "that", "or",
                   "and", "to")
_RATE_ADVERBS = frozenset({"daily", "weekly", "nightly", "monthly", "annually", "yearly", "a-day", "per-day"})
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)s?$")


# --------------------------------------------------------------------------- modality

def modality(reading: Reading, lex: Lexicon) -> str:
    """``reported`` / ``hypothetical`` / ``denied`` for one figure (module doc).

    The walk starts at the category cue when it is a predicate ("could
    kill"), or at the verb governing the figure when that verb changes a
    quantity ("could reach 1.5 million"); a noun that names the fate itself
    ("152 bodies", "1,000 prisoners") stays reported whatever the plan for
    them ("will hand over the bodies").
    """
    sent = reading.head.sent
    start = _walk_start(reading, lex)
    tok = start
    for _ in range(6):
        if tok is None:
            break
        if _is_hypothetical_here(tok, lex):
            return "hypothetical"
        if tok.head.lemma_.lower() in lex.denial_verbs and tok.dep_ in ("ccomp", "xcomp", "dobj", "pcomp", "advcl"):
            return "denied"  # "denied that 300 were killed", "denied killing 300"
        # only through verb chains that carry a plan or modal down to the figure's
        # verb ("threatened to kill", "could kill and injure"); a relative or
        # reported clause states its own fact
        if tok.dep_ in ("xcomp",) or (tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX")):
            tok = tok.head
            continue
        break
    if _rhetorical_question(sent, reading) or _still_to_come(reading):
        return "hypothetical"
    return "reported"


#: verbs of people still to come in a forecast ("with as many as 4.5 million to follow")
TO_COME_VERBS = frozenset({"follow", "come", "flee", "leave", "die", "arrive", "join"})


def _still_to_come(reading: Reading) -> bool:
    """"at least 368,000 people have already fled ..., with as many as 4.5
    million to follow if the fighting continues": a figure with an infinitive
    of what is still to happen is a forecast."""
    head = reading.head
    holders = [head]
    if head.dep_ == "pobj" and head.head.lower_ == "with":
        holders.append(head.head)  # "with <N> to follow": the infinitive hangs on "with"
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("pcomp", "acl", "xcomp", "relcl") and child.pos_ == "VERB" and child.i > head.i \
                    and child.lemma_.lower() in TO_COME_VERBS \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                return True
    return False


def _walk_start(reading: Reading, lex: Lexicon) -> Token | None:
    cue = reading.cue
    noun_names_fate = reading.noun is not None and cue is not None and cue.i == reading.noun.i
    if cue is not None and not noun_names_fate and cue.pos_ in ("VERB", "AUX", "ADJ"):
        return cue
    gov = reading.head.head
    if gov is not reading.head and gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in QUANTITY_VERBS:
        return gov
    if gov.dep_ == "prep" and gov.head.pos_ in ("VERB", "AUX") and gov.head.lemma_.lower() in QUANTITY_VERBS:
        return gov.head  # "could rise to 300"
    if cue is not None and cue.pos_ == "NOUN" and cue.head.pos_ in ("VERB",) and \
            cue.head.lemma_.lower() in QUANTITY_VERBS:
        return cue.head  # "the number of refugees could reach ..."
    return None


def _is_hypothetical_here(tok: Token, lex: Lexicon) -> bool:
    """A modal or a condition on ``tok``, or ``tok`` under a plan/threat verb."""
    children = list(tok.children)
    for i, child in enumerate(children):
        lemma = child.lemma_.lower()
        if child.dep_ == "aux" and child.tag_ == "MD" and lemma in lex.hypothetical_governors:
            if lemma in EPISTEMIC_PAST and any(c.dep_ == "aux" and c.lemma_ == "have" and c.i > child.i
                                               for c in children):
                continue  # "may have been killed": an estimate of what happened
            return True
        if child.dep_ == "mark" and lemma in ("if", "unless", "whether"):
            return True
    if tok.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "pcomp") or tok.pos_ == "NOUN":
        head = tok.head
        if head.lemma_.lower() in lex.hypothetical_governors and head.pos_ in ("VERB", "NOUN") \
                and head.lemma_.lower() not in ("be", "have", "do"):
            return True  # "threatened to kill", "plans to evacuate", "the risk of ..."
    return False


def _rhetorical_question(sent: Span, reading: Reading) -> bool:
    """"Is the Kremlin considering ... 20 million losses?": the figure sits in a question."""
    text = sent.text.rstrip().rstrip("”\"’' )]")
    if not text.endswith("?"):
        return False
    return reading.head.i > sent.start


# --------------------------------------------------------------------------- rate

def is_rate(reading: Reading, lex: Lexicon) -> bool:
    """A figure per unit of time (module doc): "each/every/per/a day" or
    "daily" in the clause of the figure's predicate."""
    tokens = _clause_tokens(reading)
    for tok in tokens:
        lower = tok.lower_
        if lower in _RATE_ADVERBS and tok.dep_ in ("advmod", "amod", "npadvmod", "acomp") \
                and tok.head.lemma_.lower() not in ("briefing", "update", "report", "newsletter", "bulletin"):
            return True
        if tok.lemma_.lower() in lex.rate_units and tok.i > 0:
            det = tok.doc[tok.i - 1]
            if det.lower_ in ("each", "every", "per", "a", "an") and det.i >= reading.head.sent.start:
                after = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
                if det.lower_ in ("a", "an") and (after in _NOT_RATE_AFTER or tok.dep_ not in ("npadvmod", "pobj")):
                    continue  # "a day after the strike", "in a day"
                if det.lower_ in ("a", "an") and tok.head.i == det.i:
                    continue
                return True
        if lower == "average" or (lower == "on" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "average"):
            if any(t.lemma_.lower() in lex.rate_units for t in tokens):
                return True
    return False


def _clause_tokens(reading: Reading) -> list[Token]:
    """The figure's phrase and the predicate clause that carries its cue."""
    out = {t.i: t for t in reading.head.subtree}
    cue = reading.cue
    if cue is not None and cue.pos_ in ("VERB", "AUX", "ADJ"):
        out.update((t.i, t) for t in cue.subtree)
    gov = reading.head.head
    if gov.pos_ in ("VERB", "AUX"):
        for child in gov.children:
            if child.dep_ in ("npadvmod", "advmod", "prep", "obl") and child.i != reading.head.i:
                out.update((t.i, t) for t in child.subtree)
    return [out[i] for i in sorted(out)]


# --------------------------------------------------------------------------- about the story

def about_story(reading: Reading, lex: Lexicon) -> bool:
    """Whether the figure is about the story (module doc)."""
    story = lex.story
    sent = reading.head.sent
    # "since the second world war" is a comparison point, unless the figure is
    # itself inside it ("far more than the roughly 15,000 the Soviet Union lost")
    since = [(lo, hi) for lo, hi in _since_ranges(sent) if not lo <= reading.head.idx < hi]
    markers = []
    if story.other_pattern is not None:
        for m in story.other_pattern.finditer(sent.text):
            char = sent.start_char + m.start()
            if not any(lo <= char < hi for lo, hi in since):
                markers.append((char, sent.start_char + m.end()))
    if story.start is not None:
        for tok in sent:
            if _YEAR.match(tok.text) and tok.ent_type_ == "DATE" and int(tok.text[:4]) < story.start.year \
                    and not any(lo <= tok.idx < hi for lo, hi in since):
                markers.append((tok.idx, tok.idx + len(tok)))
    if not markers:
        return True
    # "3.5 million Ukrainians have fled ..., whose ... those fleeing the war in Syria": the
    # figure's own words name the story's people and no other conflict's
    noun = reading.noun if reading.noun is not None and reading.noun.i >= reading.head.i else reading.head
    lo, hi = reading.head.left_edge.idx, noun.idx + len(noun)
    core = _core_clause(reading)
    if story.story_pattern.search(doc_text(sent.doc)[lo:hi]) and \
            not any(t.idx <= s < t.idx + len(t) for s, _ in markers for t in core):
        return True
    clause = _clause_tokens(reading)
    if clause:
        lo, hi = clause[0].idx, clause[-1].idx + len(clause[-1])
        own_marker = any(lo <= s < hi for s, _ in markers)
        text = doc_text(sent.doc)[lo:hi]
        if not own_marker and story.story_pattern.search(text):
            return True  # "3.2 million people have fled Ukraine, ... the fastest-growing crisis since ..."
    # "More than 5 million people have fled Ukraine in two months, and more will follow,
    # exacerbating an ... emergency that extends from Afghanistan to the Sahel": the
    # comparison sits in an adverbial, coordinated or relative clause; the figure's own
    # clause names the story and no other conflict
    own = _own_clause(reading)
    if any(story.story_pattern.fullmatch(t.text) or story.story_pattern.fullmatch(t.lower_) for t in own) and \
            not any(t.idx <= s < t.idx + len(t) for s, _ in markers for t in own):
        return True
    return False


#: clauses hung on the figure's verb that are not its own statement
_OTHER_CLAUSES = frozenset({"advcl", "conj", "relcl", "acl", "ccomp", "parataxis", "cc", "xcomp"})


def _own_clause(reading: Reading) -> list[Token]:
    """The figure's phrase and its verb with the verb's own arguments, without
    the adverbial, coordinated, relative and reported clauses hung on it."""
    top = reading.cue if reading.cue is not None and reading.cue.pos_ in ("VERB", "AUX", "ADJ") else reading.head.head
    if top.pos_ not in ("VERB", "AUX", "ADJ"):
        top = reading.head
    out, stack = [], [top]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in _OTHER_CLAUSES or reading.head in c.subtree)
    return out


def _core_clause(reading: Reading) -> list[Token]:
    """The figure's clause without the relative clauses hung inside it ("..., of
    which 2.2 million have found shelter in Poland, whose ... Syria")."""
    top = reading.cue if reading.cue is not None and reading.cue.pos_ in ("VERB", "AUX", "ADJ") else reading.head
    out, stack = [], [top]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in ("relcl", "acl") or c.i in (reading.head.i,))
    return out


def _since_ranges(sent: Span) -> list[tuple[int, int]]:
    """Character ranges of "since ..." phrases (a comparison point, not the figure's setting)."""
    out = []
    for tok in sent:
        if tok.lower_ in ("since", "than") and tok.dep_ in ("prep", "mark", "advmod", "cc"):
            sub = list(tok.subtree)
            if len(sub) > 1:
                out.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
            else:  # "since" as a bare subordinator: its clause follows
                following = sent.doc[tok.i + 1: min(sent.end, tok.i + 8)]
                if len(following):
                    out.append((following.start_char, following.end_char))
    return out


# --------------------------------------------------------------------------- summaries

def headline_mask(claims: pd.DataFrame) -> pd.Series:
    """Rows a summary may add up or show as a headline figure: reported, on
    the story, not a rate, and not a repeat of a figure already counted in
    the same article. Columns a table lacks (an older cache) count as
    reported / on-story / not a rate / first mention."""
    mask = pd.Series(True, index=claims.index)
    if "modality" in claims:
        mask &= claims["modality"].astype("string").fillna("reported").eq("reported")
    if "about_story" in claims:
        mask &= claims["about_story"].astype("boolean").fillna(True).astype(bool)
    if "rate" in claims:
        mask &= ~claims["rate"].astype("boolean").fillna(False).astype(bool)
    if "mentions" in claims:  # a repeat of a figure the article already gave (counted on its first mention)
        mask &= ~pd.to_numeric(claims["mentions"], errors="coerce").fillna(1).eq(0)
    return mask
