"""Who gives a figure: the claimant.

Method, first hit wins (the attribution conventions of news writing, as in
PolNeAR's source-cue-content model, Newell et al. 2018):

1. the figure lies inside a quote's content span (records from
   :func:`toolkit.quotes.extract_quotes`) -> that quote's speaker;
   ``in_quote`` is true for direct quotes only (an indirect one is the
   outlet's paraphrase of the speaker);
2. "according to X" in the sentence -> X;
3. a reporting verb governing the figure ("Kyiv reported three deaths",
   "figures from Ukraine's army suggest ...") -> its subject; when the subject
   is the figures themselves ("Latest figures from Ukraine's army"), what
   follows from/by/of;
4. a reporting clause beside the figure's clause ("..., police said");
5. otherwise the outlet's own voice: ``claimant`` = the outlet name and
   ``claimant_actor_id`` = ``"outlet:<name>"`` (so the outlet's voice never
   collapses into the nulls of unresolved sources when grouping).

A claimant span is mapped to a catalogue actor when a mention record lies
inside it (the actor's canonical name then replaces the surface text).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from toolkit.claims.lexicon import Lexicon
from toolkit.context import ArticleContext, doc_ents, doc_text, entity_covering, entity_starting_at, token_starting_at

OUTLET_PREFIX = "outlet:"
MAX_CLAIMANT_TOKENS = 10


@dataclass(frozen=True)
class Claimant:
    name: str
    actor_id: str | None
    in_quote: bool
    side: str | None = None  # the claimant's side, when a catalogue actor


def outlet_claimant(ctx: ArticleContext) -> Claimant:
    outlet = ctx.outlet or "unknown"
    return Claimant(name=outlet, actor_id=OUTLET_PREFIX + outlet, in_quote=False)


def resolve_claimant(
    head: Token, start: int, end: int, ctx: ArticleContext, *,
    mentions: Sequence[dict], quotes: Sequence[dict], lex: Lexicon,
) -> Claimant:
    """The claimant of the figure at characters ``start:end`` (see module doc)."""
    claimant = _resolve(head, start, end, ctx, mentions=mentions, quotes=quotes, lex=lex)
    if _has_number(claimant.name):
        # "21.48 60 people": a live-blog stamp and a figure are never a source
        return outlet_claimant(ctx)
    return claimant


def _has_number(name: str) -> bool:
    return any(w.replace(".", "").replace(",", "").isdigit() for w in name.split())


def _resolve(
    head: Token, start: int, end: int, ctx: ArticleContext, *,
    mentions: Sequence[dict], quotes: Sequence[dict], lex: Lexicon,
) -> Claimant:
    quote = _enclosing_quote(start, end, quotes)
    if quote is not None and _killing_cue(quote, head.doc):
        quote = None  # "Russia's advance, which ... has claimed the lives of ...": no speech
    if _unnamed_estimate(head):
        # "which even by conservative estimates has claimed the lives of tens of thousands":
        # the figure's own source is an unnamed estimate, in the outlet's voice
        return outlet_claimant(ctx)
    source = _nearest(head, _according_to(head, lex), _reporting_subject(head, lex)) \
        or _side_clause(head, lex) or _per(head)
    direct = quote.get("direct") if quote is not None else None
    if quote is not None and (direct is None or direct or source is None or source.root.pos_ == "PRON"):
        # a direct quote is its speaker's; an indirect one too unless the
        # sentence names the source itself ("The Ukrainian president's office
        # said ...", "the governor, Serhiy Haidai, said ...")
        name = quote.get("speaker") or quote.get("speaker_surface") or "unattributed quote"
        actor = _str_or_none(quote.get("speaker_actor_id"))
        side = next((_str_or_none(m.get("side")) for m in mentions
                     if actor is not None and m.get("actor_id") == actor and _str_or_none(m.get("side"))), None)
        claimant = Claimant(str(name), actor, in_quote=bool(direct is None or direct), side=side)
        if not _is_pronoun_or_carrier(claimant.name, lex) and doc_text(head.doc)[start:end] not in claimant.name:
            return claimant  # (a "speaker" holding the figure itself is a misparse: "21.48 60 people")
    if source is not None and (_across_lines(source, start, end) or source.start_char < end and start < source.end_char):
        # a headline run into the text by the sentence splitter; or the figure's own
        # words read as their source ("21.48 60 people confirmed killed ...")
        source = None
    if source is None:
        return outlet_claimant(ctx)
    if source.root.pos_ == "PRON":
        # "Russia blamed Ukraine for a missile attack ..., in which it said ...":
        # the pronoun is the sentence's own subject before it
        subject = _subject_before(source.root, head)
        if subject is not None:
            source = _source_of(subject, lex)
    role_named = _named_role(source, lex)
    if role_named is not None:
        source = role_named  # "The agency said ..." after "The UN refugee agency, UNHCR, ..."
    claimant = _name_source(source, mentions)
    if _is_pronoun_or_carrier(claimant.name, lex):
        # "he said", "it reported", "data show": never the claimant itself; the
        # named source of the sentence before, else an unattributed source
        earlier = _earlier_source(head, lex)
        if earlier is not None:
            return _name_source(earlier, mentions)
        person = _person_before(source, mentions) if claimant.name.lower() in PERSON_PRONOUNS else None
        if person is not None:
            return person
        if claimant.name.lower() not in PRONOUNS:
            # "according to reports", "figures show": no source given, so the outlet's voice
            # (LABELLING.md: "reportedly" with no source is the outlet)
            return outlet_claimant(ctx)
        return Claimant("unattributed", None, in_quote=False)
    return claimant


def _killing_cue(quote: dict, doc) -> bool:
    """An indirect "quote" whose cue is "claim(ed) the lives": a killing, not speech."""
    cue_start = quote.get("cue_start")
    if cue_start is None or cue_start != cue_start:
        return False
    cue = token_starting_at(doc, int(cue_start))
    return cue is not None and cue.lemma_.lower() == "claim" and \
        any(c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives", "toll") for c in cue.children)


#: "by conservative estimates", "by some estimates", "by one count": an unnamed source
ESTIMATE_NOUNS = frozenset({"estimate", "estimates", "count", "counts", "tally", "reckoning", "calculation"})


def _unnamed_estimate(head: Token) -> bool:
    """The figure's own verb carries "by <adjective> estimates" with no one's
    name on the estimate ("by Ukraine's estimates" names a source and does not count)."""
    verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in ESTIMATE_NOUNS and \
                        not any(c.dep_ in ("poss", "compound") or c.pos_ == "PROPN" for c in pobj.subtree
                                if c is not pobj) and \
                        not any(c.dep_ == "prep" for c in pobj.children):
                    return True
    return False


#: role words that, with "the" and no name, refer back to an organisation or person named before
ROLE_HEADS = frozenset({"agency", "ministry", "governor", "mayor", "office", "organisation", "organization",
                        "commission", "service", "spokesman", "spokeswoman", "spokesperson", "official",
                        "commissioner", "administration", "department", "monitor", "mission", "group", "army",
                        "military", "prosecutor", "police", "regiment", "council", "committee", "watchdog"})
#: how many sentences back a bare role word is resolved
ROLE_WINDOW = 3


def _named_role(source: Span, lex: Lexicon) -> Span | None:
    """A bare role phrase ("the agency", "the local governor") resolved to the
    name the article gave it: the role word with a name in apposition or in the
    phrase in the same sentence ("The local governor, Andriy Raikovych, said"),
    else in the ``ROLE_WINDOW`` sentences before ("The UN refugee agency, UNHCR,
    ..." -> UNHCR)."""
    root = source.root
    if root.pos_ != "NOUN" or root.lemma_.lower() not in ROLE_HEADS:
        return None
    if any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in source):
        return None  # already names someone ("the governor of Kharkiv", "Ukraine's military")
    own = _appos_name(root)
    if own is not None:
        return own
    doc = root.doc
    sent = root.sent
    places = _story_places(sent, lex)
    person_role = root.lemma_.lower() in PERSON_ROLES
    if person_role:
        later = _named_after(root, lex)
        if later is not None:
            return later
    window = PERSON_ROLE_WINDOW if person_role else ROLE_WINDOW
    for step in range(window):
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
        if step >= ROLE_WINDOW and places and not places & _story_places(sent, lex):
            continue  # further back, only a governor named with the same place
        for tok in reversed(list(sent)):
            if tok.lower_ not in (root.lower_, root.lemma_.lower()) or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if tok.pos_ == "PROPN":  # "The European Border and Coast Guard Agency says ..."
                start = tok.i
                while start > sent.start and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].lower_ == "and"
                                              and start - 2 >= sent.start and doc[start - 2].pos_ == "PROPN"):
                    start -= 1
                return doc[start:tok.i + 1]
            named = _appos_name(tok) or _title_of(tok)
            if named is not None:
                return named
            phrase = doc[tok.left_edge.i:tok.i + 1]
            if any(t.pos_ == "PROPN" for t in phrase):
                start = phrase.start
                while start < tok.i and doc[start].dep_ in ("det", "predet"):
                    start += 1
                return doc[start:tok.i + 1]  # "the UN refugee agency"
    return None


#: office holders of a place, looked for further back (with the same place) than other roles
PERSON_ROLES = frozenset({"governor", "mayor", "prosecutor", "commissioner"})
PERSON_ROLE_WINDOW = 8


def _title_of(tok: Token) -> Span | None:
    """"governor Pavlo Kyrylenko": the role word as a title before the name."""
    head = tok.head
    if tok.dep_ != "compound" or head.pos_ != "PROPN" or head.i <= tok.i:
        return None
    doc = tok.doc
    start = tok.i + 1
    if not all(doc[i].pos_ == "PROPN" for i in range(start, head.i + 1)):
        return None
    return doc[start:head.i + 1]


def _named_after(role: Token, lex: Lexicon) -> Span | None:
    """The office holder named right after "the regional governor said": the
    same title with a name in the next two sentences ("..., governor Pavlo
    Kyrylenko said on Telegram"), or the named subject of a reporting verb in the
    next sentence ("A soldier and two security guards were among those killed ...,
    Andriy Raikovych said")."""
    doc = role.doc
    sent = role.sent
    for step in range(2):
        if sent.end >= len(doc):
            return None
        sent = doc[sent.end].sent
        for tok in sent:
            if tok.lemma_.lower() == role.lemma_.lower() and tok.pos_ == "NOUN":
                named = _appos_name(tok) or _title_of(tok)
                if named is not None:
                    return named
        if step == 0:
            for tok in sent:
                if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lex.reporting_verbs:
                    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                    if subj is not None and subj.ent_type_ == "PERSON":
                        ent = entity_covering(doc, subj.i)
                        if ent is not None and len(ent) >= 2:
                            return ent
    return None


def _story_places(sent: Span, lex: Lexicon) -> set[str]:
    text = sent.text.lower()
    return {p for p in lex.side_places if p in text and " " not in p} | \
        {p for p in lex.story.places if p in text and " " not in p and p != "ukraine"}


def _appos_name(tok: Token) -> Span | None:
    """The proper name in apposition to ``tok`` (", UNHCR,", ", Andriy Raikovych,"),
    also when the parser hung the name elsewhere ("According to the governor,
    Oleksandr Starukh, Russian forces ...": a proper-name run between commas)."""
    for child in tok.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            start = child.left_edge.i
            while start < child.i and not (child.doc[start].pos_ == "PROPN"):
                start += 1
            return child.doc[start:child.i + 1]
    doc = tok.doc
    i = tok.right_edge.i + 1
    if i < len(doc) - 2 and doc[i].text == ",":
        j = i + 1
        while j < len(doc) and doc[j].pos_ == "PROPN":
            j += 1
        if j - (i + 1) >= 2 and j < len(doc) and doc[j].text == ",":
            return doc[i + 1:j]
    return None


PERSON_PRONOUNS = frozenset({"he", "she"})
#: titles that say a name is not the referent of "she" / "he"
_TITLES = {"she": ("mr.", "mr"), "he": ("ms.", "ms", "mrs.", "mrs", "miss")}
#: how many sentences before the pronoun's "she" / "he" looks for the person
PERSON_WINDOW = 3


def _person_before(pron: Span, mentions: Sequence[dict]) -> Claimant | None:
    """"During her speech, she also described ...": the person named last
    before the pronoun (a person mention of the actors table) within
    ``PERSON_WINDOW`` sentences, skipping a "Mr." for "she" and a "Ms." for "he"."""
    doc = pron.doc
    sent = pron.root.sent
    for _ in range(PERSON_WINDOW):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    lo, hi = sent.start_char, pron.start_char
    wrong = _TITLES.get(pron.text.lower(), ())
    people = [m for m in mentions if m.get("kind") == "person" and m.get("start") is not None
              and lo <= m["start"] < hi and m.get("via") != "pronoun"
              and not doc_text(doc)[max(0, m["start"] - 5):m["start"]].strip().lower().endswith(wrong or ("\0",))]
    if not people:
        return None
    best = max(people, key=lambda m: m["start"])
    actor = _str_or_none(best.get("actor_id"))
    return Claimant(str(best.get("actor") or best.get("surface")), actor, in_quote=False,
                    side=_str_or_none(best.get("side")))


def _nearest(head: Token, *spans: Span | None) -> Span | None:
    """Of "according to X" and the subject of a reporting verb over the figure,
    the one closer to it ("where authorities said six people were killed ...,
    according to its mayor" -> the authorities)."""
    found = [s for s in spans if s is not None]
    if not found:
        return None
    return min(found, key=lambda s: min(abs(s.start - head.i), abs(s.end - 1 - head.i)))


def _across_lines(source: Span, start: int, end: int) -> bool:
    text = doc_text(source.doc)
    lo, hi = min(source.start_char, start), max(source.end_char, end)
    return "\n" in text[lo:hi]


def _str_or_none(value) -> str | None:
    return None if value is None or value != value else str(value)  # NaN != NaN


def _enclosing_quote(start: int, end: int, quotes: Sequence[dict]) -> dict | None:
    inside = [q for q in quotes if q.get("start") is not None and q["start"] <= start and end <= q["end"]]
    return min(inside, key=lambda q: q["end"] - q["start"]) if inside else None


def _according_to(head: Token, lex: Lexicon) -> Span | None:
    sent = head.sent
    best = None
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor(1).lower_ == "to":
            pobj = next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)
            if pobj is not None and (best is None or abs(pobj.i - head.i) < abs(best.root.i - head.i)):
                best = _source_of(pobj, lex)  # "according to the latest update of Oleh Synyehubov"
    return best


#: organisations whose acronym is a pronoun or a common word in lower case
ACRONYMS = frozenset({"WHO", "IT", "US", "UN", "THIS", "ONE"})
PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "which",
                      "who", "one", "him", "her", "them", "us"})


def _is_pronoun_or_carrier(name: str, lex: Lexicon) -> bool:
    if name.strip().removeprefix("the ").strip() in ACRONYMS:
        return False  # "the WHO said": the World Health Organization, not "who"
    words = [w for w in name.lower().replace("’", "'").split() if w not in ("the", "a", "an", "latest", "new")]
    if not words:
        return True
    return (len(words) == 1 and (words[0] in PRONOUNS or words[0].rstrip("s") in lex.source_carriers
                                 or words[0] in lex.source_carriers))


def _earlier_source(head: Token, lex: Lexicon) -> Span | None:
    """The last named subject of a reporting verb in the two sentences before."""
    sent = head.sent
    doc = head.doc
    for _ in range(2):
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
        for tok in reversed(list(sent)):
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lex.reporting_verbs:
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.pos_ != "PRON":
                    return _source_of(subj, lex)
            if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor(1).lower_ == "to":
                pobj = next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return _source_of(pobj, lex)
    return None


def _reporting_subject(head: Token, lex: Lexicon) -> Span | None:
    for anc in head.ancestors:
        if anc.pos_ not in ("VERB", "AUX") or anc.lemma_.lower() not in lex.reporting_verbs:
            continue
        if anc.lemma_.lower() == "claim" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives")
                                                  for c in anc.children):
            continue  # "Russia's advance has claimed the lives of tens of thousands": a killing, not a source
        subj = next((c for c in anc.children if c.dep_ in ("nsubj",)), None)
        if subj is None:  # "was reported by X"
            agent = next((c for c in anc.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if subj is None:
            named = _name_before(anc)
            if named is not None:  # "..., the governor, Serhiy Haidai, said": the parser lost the subject
                return named
            continue
        return _source_of(subj, lex)
    return None


def _source_of(subj: Token, lex: Lexicon) -> Span:
    """The subject, or what the figures come from ("figures from Ukraine's
    army", "United Nations data", "the latest status update of Oleh
    Synyehubov"); a role phrase with the person's name in apposition ("the
    governor, Serhiy Haidai,") is the person."""
    if subj.lemma_.lower() in lex.source_carriers:
        for prep in subj.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return _source_of(pobj, lex)
        for acl in subj.children:  # "Statistics, compiled by MediaZona, ..., show"
            if acl.dep_ == "acl":
                agent = next((c for c in acl.children if c.dep_ == "agent"), None)
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                if pobj is not None:
                    return _subtree(pobj)
        owner = [c for c in subj.children if c.dep_ in ("compound", "poss") and c.pos_ in ("PROPN", "NOUN")]
        if owner:  # "United Nations data", "the UN's figures"
            first, last = owner[0].left_edge.i, owner[-1].i + 1
            return subj.doc[first:last]
    named = _named_apposition(subj)
    if named is not None:
        return named
    return _subtree(subj)


def _subject_before(pron: Token, figure: Token) -> Token | None:
    """The nearest non-pronoun subject before ``pron`` in its sentence that
    is not the figure's own phrase ("Three children were among the wounded,
    he said": the children are not the source)."""
    for tok in reversed(pron.doc[pron.sent.start:pron.i]):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("PROPN", "NOUN") \
                and tok.i != figure.i and figure not in tok.subtree and tok not in figure.subtree:
            return tok
    return None


def _name_before(verb: Token) -> Span | None:
    """A PERSON or ORG name ending just before a subjectless reporting verb."""
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].is_punct:
        i -= 1
    if i < verb.sent.start:
        return None
    tok = verb.doc[i]
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return entity_covering(verb.doc, i)
    return None


def _named_apposition(subj: Token) -> Span | None:
    """The PERSON named beside a role phrase: ", Serhiy Haidai," (apposition)
    or "special forces colonel Oleksandr Kutsepalenko" (a name inside the phrase)."""
    if subj.ent_type_ == "PERSON":
        return None
    doc = subj.doc
    for child in subj.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            ent = entity_covering(doc, child.i)
            return ent if ent is not None else doc[child.i:child.i + 1]
    if subj.pos_ == "NOUN" and subj.lemma_.lower() in ROLE_HEADS:
        named = _appos_name(subj)  # "The local governor, Andriy Raikovych," (tagged ORG)
        if named is not None:
            return named
    phrase = doc[subj.left_edge.i:subj.right_edge.i + 1]
    people = [e for e in doc_ents(doc) if e.label_ == "PERSON" and phrase.start <= e.start and e.end <= phrase.end
              and e.root.dep_ != "poss"]  # "the president's office" is the office
    if len(people) == 1 and (people[0].root.head.i == subj.i or people[0].root.dep_ == "appos"
                             or people[0].start == subj.i + 1):
        return people[0]  # "colonel Oleksandr Kutsepalenko", "the head ..., Oleh Synyehubov"
    # "according to special forces colonel Oleksandr Kutsepalenko": the parser
    # ends the phrase before the name; lower-case role words may sit between
    i = subj.right_edge.i + 1
    while i < min(len(doc), subj.right_edge.i + 4) and doc[i].is_lower and doc[i].is_alpha:
        i += 1
    if i < len(doc) and doc[i].ent_type_ == "PERSON" and doc[i].ent_iob_ == "B" and subj.pos_ != "PROPN":
        return entity_starting_at(doc[i])
    return None


def _side_clause(head: Token, lex: Lexicon) -> Span | None:
    """"12 people were killed, police said": a reporting verb outside the
    figure's own subtree, attached to the same sentence root."""
    root = head.sent.root
    candidates = [root] if root.lemma_.lower() in lex.reporting_verbs else []
    candidates += [c for c in root.children if c.dep_ in ("parataxis", "advcl", "ccomp", "conj")
                   and c.lemma_.lower() in lex.reporting_verbs]
    for verb in candidates:
        if verb.i <= head.i <= verb.right_edge.i and verb is not root:
            continue  # the figure is inside this clause: not a side clause
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ != "PRON":
            return _source_of(subj, lex)
        if subj is None and verb.i > head.i:
            named = _phrase_before(verb)
            if named is not None:
                return named  # "..., Ukraine's military is reporting.": the parser lost the subject
    return None


def _phrase_before(verb: Token) -> Span | None:
    """The noun phrase between a comma and a subjectless reporting verb at the
    end of a sentence (", Ukraine's military is reporting")."""
    doc = verb.doc
    i = verb.i - 1
    while i > verb.sent.start and doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
        i -= 1
    end = i + 1
    while i >= verb.sent.start and (doc[i].pos_ in ("PROPN", "NOUN", "ADJ", "DET") or doc[i].tag_ == "POS"):
        i -= 1
    start = i + 1
    if start >= end or i < verb.sent.start or doc[i].text != ",":
        return None
    while start < end and doc[start].pos_ == "DET":
        start += 1
    if doc[end - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    return doc[start:end]


def _per(head: Token) -> Span | None:
    """"per Reuters", "citing the UN"."""
    for tok in head.sent:
        if tok.lower_ in ("per", "citing") and tok.i > head.sent.start:
            obj = next((c for c in tok.children if c.dep_ in ("pobj", "dobj")), None)
            if obj is not None:
                return _subtree(obj)
    return None


def _subtree(tok: Token) -> Span:
    """The phrase of ``tok``, cut at the first comma/parenthesis (appositions
    such as ", a spokesman for ..." stay out) and at MAX_CLAIMANT_TOKENS."""
    doc = tok.doc
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    for i in range(tok.i + 1, end):
        if doc[i].is_punct and doc[i].text not in ("'", "’", "-", "."):
            end = i
            break
    while start < tok.i and doc[start].dep_ in ("det", "predet"):
        start += 1
    end = min(end, start + MAX_CLAIMANT_TOKENS)
    return doc[start:max(end, tok.i + 1)]


def _name_source(span: Span, mentions: Sequence[dict]) -> Claimant:
    """Name a claimant span: a catalogue actor when a mention covers the
    phrase's head word ("Kremlin spokesperson Dmitry Peskov" -> Dmitry
    Peskov); otherwise the words themselves, keeping the side of a mention
    inside them ("Ukraine's army" stays "Ukraine's army", side Ukraine)."""
    inside = [m for m in mentions if m.get("start") is not None
              and span.start_char <= m["start"] and m["end"] <= span.end_char]
    root = span.root
    covering = [m for m in inside if m["start"] <= root.idx < m["end"] and m.get("actor_id")]
    if covering:
        best = max(covering, key=lambda m: m["end"] - m["start"])
        name = str(best.get("actor") or best.get("surface") or span.text)
        if best.get("via") == "model" and name in span.text and len(span.text) > len(name):
            name = span.text.strip()  # the model cut "European Border and Coast Guard Agency" short
        return Claimant(name, str(best["actor_id"]), in_quote=False, side=_str_or_none(best.get("side")))
    side = next((_str_or_none(m.get("side")) for m in inside if _str_or_none(m.get("side"))), None)
    return Claimant(span.text.strip(), None, in_quote=False, side=side)
