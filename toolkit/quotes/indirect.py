"""Indirect (reported) speech: `X said that …`, `X stressed he doesn't …`,
`…, according to X`, `— this was reported by Y, quoting X`.

Method: dependency rules on spaCy's parse (after Pareti 2015, PARC 3.0):

* a reporting verb outside direct quotes with a clausal complement (``ccomp``)
  reports that clause; its source comes from :func:`source_of_verb`;
* a reporting verb set off as parataxis (`Lenox was a juggernaut, Mr. Clarke
  said, until …`) reports the clause it interrupts;
* `urged X to …` reports the object and its infinitive; `cited X`,
  `denied X`, `announced X` report their object;
* a noun of speech with a that-clause (`Trump's claim that …`) reports the clause;
* a headline line `Name: words` reports the words (cue `:`);
* `according to X` / `per X` (X a name) report the clause they modify, minus
  themselves;
* a passive reporting verb whose subject is `this`/`it`/`that` after a dash or
  comma reports the text before it (`…talks — this was reported by Russian
  state media, quoting Peskov`).

A clause mostly inside a direct quote is left to the direct-quote rules, and
one with no identifiable source is dropped (`it is said that…`).
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from toolkit.quotes.cues import (cue_lemma, cue_noun_or_preposition_positions, cue_verb_positions, is_cue_noun,
                                 is_cue_verb)
from toolkit.quotes.direct import HEADLINE_COLON, MAX_HEADLINE_WORDS, QuoteMap, is_headline_source, noun_source
from toolkit.quotes.marks import paragraph_bounds
from toolkit.quotes.model import Attribution
from toolkit.quotes.speakers import source_of_preposition
from toolkit.context import doc_text

#: share of a clause's characters inside direct quotes above which it is not indirect speech
_MAX_QUOTED_SHARE = 0.5
#: words outside the marks that make a mostly quoted clause reported speech of its own
_MIN_OWN_WORDS = 2
#: `accused Moscow of waging …`, `blamed Kyiv for …`: the object and the charge are the content
_CHARGE_VERBS = {"accuse", "blame", "criticise", "criticize", "condemn", "charge", "praise", "thank", "warn"}
_ANAPHORS = {"this", "that", "it"}
#: a line `Name: words` (a headline) with the name's words capitalised
#: verbs whose direct object is the reported content (`denied the allegations`)
_OBJECT_REPORTING = {"cite", "claim", "deny", "announce", "confirm", "report", "mention", "acknowledge",
                     "admit", "reiterate", "promise", "pledge", "demand", "propose", "predict", "reveal",
                     "disclose", "allege", "concede", "repeat", "dispute"}


def attribute_indirect(doc: Doc, qmap: QuoteMap) -> list[Attribution]:
    """Reported clauses in ``doc``, in text order (see module docstring)."""
    out: list[Attribution] = []
    cued_heads: set[int] = set()
    # (the pre-tests read the parse's arrays, so a Token is built only for
    # the few words that can be cues: the same tokens, in the same order)
    outside = qmap.outside_mask()
    for i in cue_verb_positions(doc, qmap.columns, outside):
        token = doc[i]
        if not is_cue_verb(token):
            continue
        attribution = (_complement_clause(doc, token, qmap) or _parenthetical(doc, token, qmap)
                       or _object_control(doc, token, qmap) or _charge(doc, token, qmap)
                       or _reported_object(doc, token, qmap)
                       or _anaphoric_passive(doc, token, qmap))
        if attribution is not None:
            out.append(attribution)
            cued_heads.add(token.i)
    for i in cue_noun_or_preposition_positions(doc, qmap.columns, outside):
        token = doc[i]
        attribution = _prepositional(doc, token, qmap, cued_heads) or _noun_clause(doc, token, qmap)
        if attribution is not None:
            out.append(attribution)
    out.extend(_headline_colons(doc, qmap))
    unique = {}
    for a in out:  # two rules may find the same clause: one row
        unique.setdefault((a.start, a.end), a)
    return sorted(unique.values(), key=lambda a: (a.start, a.end))


def _headline_colons(doc: Doc, qmap: QuoteMap) -> list[Attribution]:
    """`Pence: Gennifer Flowers Won't Be at Debate`: a short line opening with
    a name and a colon gives that source's words (the headline convention);
    all-caps labels (`UPDATE:`) and places are not names."""
    out = []
    for match in HEADLINE_COLON.finditer(doc_text(doc)):
        name = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        content = doc.char_span(match.start(2), match.end(2), alignment_mode="expand")
        if name is None or content is None or not is_headline_source(name):
            continue
        if not 3 <= len(content) <= MAX_HEADLINE_WORDS or _mostly_quoted(content, qmap):
            continue
        colon = doc[name.end] if name.end < len(doc) else name[-1]
        out.append(Attribution.with_cue(match.start(2), match.end(2), False, ":", [colon], name))
    return out


def _complement_clause(doc: Doc, verb: Token, qmap: QuoteMap) -> Attribution | None:
    para_start, para_end = paragraph_bounds(doc_text(doc), verb.idx)
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and para_start <= c.idx < para_end), None)
    if clause is None or _misparsed_relative(verb, clause):
        return None
    first = clause.left_edge.i
    if first < verb.i < clause.i:  # `the system that Kyiv says it needs`: the clause starts after the cue
        first = verb.i + 1
    span = _clip(doc[first:_clause_end(clause, qmap)], verb, qmap)
    if span is None or _mostly_quoted(span, qmap):
        return None
    source = qmap.source_of(verb)
    if source is None or (source.start <= clause.i < source.end):
        return None
    return Attribution.with_cue(span.start_char, span.end_char, False, cue_lemma(verb), [verb], source)


def _parenthetical(doc: Doc, verb: Token, qmap: QuoteMap) -> Attribution | None:
    """`Lenox was a juggernaut, Mr. Clarke said, until …`: a reporting verb
    parsed as parataxis of the main clause reports that clause (minus itself)."""
    head = verb.head
    if verb.dep_ != "parataxis" or head is verb or qmap.inside(head) or not is_cue_verb(verb, strong_only=True):
        return None
    para_start, para_end = paragraph_bounds(doc_text(doc), verb.idx)
    words = [t for t in head.subtree if para_start <= t.idx < para_end and not t.is_punct and not t.is_space]
    before = [t for t in words if t.i < verb.left_edge.i]
    after = [t for t in words if t.i > verb.right_edge.i]
    if not before and not after:
        return None
    first = (before or after)[0].i
    last = (after or before)[-1].i  # the clause may run on both sides of `, X said,`
    span = _clip(doc[first:last + 1], verb, qmap)
    source = qmap.source_of(verb)
    if span is None or source is None or _mostly_quoted(span, qmap):
        return None
    return Attribution.with_cue(span.start_char, span.end_char, False, cue_lemma(verb), [verb], source)


#: nouns that name a source, not content, as the object of `citing`
_SOURCE_NOUNS = {"people", "person", "official", "officials", "source", "sources", "diplomat", "diplomats", "ministry",
                 "agency", "spokesman", "spokeswoman", "spokesperson", "analyst", "analysts", "intelligence", "report",
                 "witness", "witnesses", "resident", "residents", "authorities", "government", "statement", "data"}


def _names_source(obj: Token) -> bool:
    return obj.pos_ == "PROPN" or obj.lemma_.lower() in _SOURCE_NOUNS or obj.lower_ in _SOURCE_NOUNS


def _reported_object(doc: Doc, verb: Token, qmap: QuoteMap) -> Attribution | None:
    """`Clinton cited derogatory comments…`, `Putin announced his willingness to…`:
    the direct object of a verb that reports content by naming it."""
    if cue_lemma(verb) not in _OBJECT_REPORTING:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or (is_cue_noun(obj) and _that_clause(obj) is not None):
        return None  # `repeated his claim that …`: the noun rule reports the clause
    if obj.lower_ in {"that", "which", "what", "who"} or (
            any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children) and obj.pos_ in {"NOUN", "PROPN"}):
        return None  # `a charge that he denied`; `the report cites Ukrainian officials as …` (a source, not content)
    if cue_lemma(verb) in {"cite", "quote"} and verb.tag_ == "VBG" and _names_source(obj):
        return None  # `…, Reuters reported, citing two people familiar with the matter`: the object is a source
    span = _clip(doc[obj.left_edge.i:obj.right_edge.i + 1], verb, qmap)
    source = qmap.source_of(verb)
    if span is None or source is None or _mostly_quoted(span, qmap):
        return None
    return Attribution.with_cue(span.start_char, span.end_char, False, cue_lemma(verb), [verb], source)


def _charge(doc: Doc, verb: Token, qmap: QuoteMap) -> Attribution | None:
    """`accused Moscow of waging “an overt gas war”`: the object and its
    `of`/`for` charge are the reported content (PARC 3.0 annotates them so)."""
    if cue_lemma(verb) not in _CHARGE_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"of", "for", "against"} and c.i > verb.i), None)
    if prep is None and obj is not None:  # `accused X of Y` parsed with the prep on the object
        prep = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in {"of", "for"}), None)
    if obj is None or prep is None or not any(c.dep_ in {"pcomp", "pobj"} for c in prep.children):
        return None
    span = _clip(doc[obj.left_edge.i:max(prep.right_edge.i, obj.right_edge.i) + 1], verb, qmap)
    source = qmap.source_of(verb)
    if span is None or source is None or _mostly_quoted(span, qmap):
        return None
    return Attribution.with_cue(span.start_char, span.end_char, False, cue_lemma(verb), [verb], source)


def _object_control(doc: Doc, verb: Token, qmap: QuoteMap) -> Attribution | None:
    """`urged his supporters to visit polling stations`: the object and its
    to-infinitive are the reported request."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if obj is None or xcomp is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in xcomp.children):
        return None
    span = _clip(doc[obj.left_edge.i:xcomp.right_edge.i + 1], verb, qmap)
    source = qmap.source_of(verb)
    if span is None or source is None or _mostly_quoted(span, qmap):
        return None
    return Attribution.with_cue(span.start_char, span.end_char, False, cue_lemma(verb), [verb], source)


def _noun_clause(doc: Doc, noun: Token, qmap: QuoteMap) -> Attribution | None:
    """`Trump's claim that …`, `the statement by the ministry that …`: a noun
    of speech with a that-clause; the source is its possessor, its `by`/`from`
    object, or the subject of the verb it is the object of (`made the claim that`)."""
    if not is_cue_noun(noun):
        return None
    clause = _that_clause(noun)
    if clause is None:
        return None
    span = _clip(doc[clause.left_edge.i:clause.right_edge.i + 1], noun, qmap)
    if span is None or _mostly_quoted(span, qmap):
        return None
    source = noun_source(noun)
    if source is None:
        return None
    return Attribution.with_cue(span.start_char, span.end_char, False, noun.lemma_.lower(), [noun], source)


def _that_clause(noun: Token) -> Token | None:
    return next((c for c in noun.children if c.dep_ in {"acl", "ccomp"}
                 and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)


def _misparsed_relative(verb: Token, clause: Token) -> bool:
    """`cited remarks Trump had made`: a bare clause after the object of an
    object-reporting verb is a relative clause on the object, not a complement."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return (cue_lemma(verb) in _OBJECT_REPORTING and obj is not None and obj.i < clause.i
            and not any(c.dep_ == "mark" for c in clause.children))


#: first words of a trailing adjunct that is the writer's, not the speaker's
#: (`…, in a report rejected by …`, `…, as most of Ukraine was placed …`)
_TRAILING_ADJUNCT = {"as", "while", "with", "amid", "in", "after", "despite"}


def _clause_end(clause: Token, qmap: QuoteMap | None = None) -> int:
    """End of the reported clause: its subtree, cut before a coordinated
    reporting verb (`“…,” but clarified that …` is a second attribution) and
    before a trailing adjunct set off by a comma that is the writer's framing
    (`…, in a report rejected by …`, `…, as most of Ukraine was placed …`;
    a participle stays: `…, causing an unspecified number of deaths`)."""
    doc = clause.doc
    for child in clause.rights:
        first = doc[child.left_edge.i]
        before = doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
        if (child.dep_ in {"advcl", "prep", "npadvmod"} and before is not None and before.text == ","
                and first.lower_ in _TRAILING_ADJUNCT):
            return before.i
    for child in clause.rights:
        if child.dep_ == "conj" and (is_cue_verb(child) or (_reporters_verb(clause, child) and not (
                qmap is not None and qmap.inside(child)))):
            left = child.left_edge.i
            while left > clause.i and (clause.doc[left - 1].dep_ == "cc" or clause.doc[left - 1].is_punct):
                left -= 1
            return left
    return clause.right_edge.i + 1


def _reporters_verb(clause: Token, conj: Token) -> bool:
    """`Mr. Rogozin said Russian astronauts … would stop using a robotic arm
    … and lobbed disparaging words at Josef Aschbacher` (NYT 2022): the parse
    hangs the second verb on the reported clause, but a past form without a
    subject of its own cannot share the clause's modal (`would lobbed`), so
    in a past-tense report it continues the reporter's narrative,
    coordinated with the reporting verb: the reporter's act, not the
    reported words. Only after a modal, whose base form is unambiguous:
    after `had` a simple past may still be the reported clause's own
    (`western agencies reported that Russia had suffered heavy military
    losses … and risked getting further bogged down`, The Guardian 2022, war
    gold), and `would stay and fight` shares the modal."""
    if clause.head.tag_ != "VBD" or conj.tag_ not in {"VBD", "VBN"} or clause.tag_ != "VB":
        return False
    if not any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children):
        return False
    # (a verb with its own subject or auxiliary is a clause of its own that
    # may be reported too: `… would provide … and had approved a $165m sale`)
    return not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "aux", "auxpass"} for c in conj.children)


def _anaphoric_passive(doc: Doc, verb: Token, qmap: QuoteMap) -> Attribution | None:
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ not in _ANAPHORS or subject.i == verb.sent.start:
        return None
    previous = doc[subject.i - 1]
    if not (previous.is_punct or previous.text in {"—", "–", "-"}):
        return None
    span = _clip(doc[verb.sent.start:subject.i], verb, qmap)
    source = qmap.source_of(verb)
    quoting = next((c for c in verb.subtree if c.tag_ == "VBG" and cue_lemma(c) == "quote"), None)
    if quoting is not None:
        source = qmap.source_of(quoting) or source
    if span is None or source is None:
        return None
    return Attribution.with_cue(span.start_char, span.end_char, False, cue_lemma(verb), [verb], source)


def _prepositional(doc: Doc, token: Token, qmap: QuoteMap, cued_heads: set[int]) -> Attribution | None:
    if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
        cue, cue_tokens = "according to", [token, doc[token.i + 1]]
    elif token.lower_ == "per" and token.dep_ == "prep":
        cue, cue_tokens = "per", [token]
    else:
        return None
    source = source_of_preposition(token)
    if source is None or (cue == "per" and source[-1].pos_ != "PROPN"):
        return None
    head = token.head
    if qmap.inside(head) or head.i in cued_heads or any(a.i in cued_heads for a in head.ancestors):
        return None  # secondary sourcing of a quote or clause already attributed
    tokens = [t for t in head.subtree if not (token.left_edge.i <= t.i <= token.right_edge.i)]
    if not tokens:
        return None
    # the clause is the contiguous stretch on the side of the phrase that holds the head
    if head.i < token.i:
        tokens = [t for t in tokens if t.i < token.i]
    else:
        tokens = [t for t in tokens if t.i > token.right_edge.i]
    span = _clip(doc[tokens[0].i:tokens[-1].i + 1], token, qmap) if tokens else None
    if span is None or _mostly_quoted(span, qmap):
        return None
    return Attribution.with_cue(span.start_char, span.end_char, False, cue, cue_tokens, source)


def _clip(span: Span, cue: Token, qmap: QuoteMap) -> Span | None:
    """The clause within the cue's paragraph (spaCy runs headlines into the next line), trimmed."""
    start, end = paragraph_bounds(doc_text(span.doc), cue.idx)
    # (the span's tokens are in text order: those in the paragraph are one run)
    starts = qmap.starts
    first = bisect.bisect_left(starts, start, span.start, span.end)
    last = bisect.bisect_left(starts, end, first, span.end)
    if first >= last:
        return None
    return _trim(span.doc[first:last])


def _trim(span: Span) -> Span | None:
    """Drop the complementiser and edge punctuation: `that Russia is ready,` -> `Russia is ready`."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space or (doc[start].dep_ == "mark" and doc[start].lower_ in {"that", "whether", "if"})):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and not doc[end - 1].is_quote:
        end -= 1
    return doc[start:end] if end > start else None


def _mostly_quoted(span: Span, qmap: QuoteMap) -> bool:
    """A clause that is a direct quote (left to the direct-quote rules): most
    of its characters are quoted and fewer than two of its words are not. A
    clause with words of its own around a quoted fragment (`the strikes “say
    a lot about …”`) is reported speech holding a quote: a `mixed` row."""
    if _starts_inside_a_quote(span, qmap):
        return True  # `…talk about,” Putin said, emphasizing …`: a quote's tail is no clause
    if _quoted_share(span, qmap) <= _MAX_QUOTED_SHARE:
        return False
    own = [t for t in span if not qmap.inside(t) and not t.is_punct and not t.is_space]
    return len(own) < _MIN_OWN_WORDS


def _starts_inside_a_quote(span: Span, qmap: QuoteMap) -> bool:
    """The span opens inside a quoted passage and runs past its closing mark."""
    return any(q.start <= span.start_char < q.end and span.end_char > q.outer_end for q in qmap.quotes)


def _quoted_share(span: Span, qmap: QuoteMap) -> float:
    return qmap.quoted_share(span.start, span.end)
