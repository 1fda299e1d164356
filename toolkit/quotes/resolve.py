"""Turn found attributions into quotes-table records, resolving speakers.

Method: a left-to-right pass in the order of the cues (Mitkov-style salience
heuristics, no coreference model): a named source maps onto the mention that
holds its head; `he`/`she` takes a person named before it in the same
sentence, else the nearest preceding person who is either
the source of an earlier attribution or a grammatical subject outside quotes
(so `He added that …` after `Peskov said, “… Trump …”` is Peskov, not the
quoted Trump), falling back to the nearest person mentioned outside quotes;
`they`/`it` take an organisation, group or country that is a subject or a
source in the same or the previous sentence, and stay unresolved otherwise.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from toolkit.context import ArticleContext, char_span_keys, doc_text
from toolkit.dates.extract import ENTRY_STAMP
from toolkit.quotes.direct import QuoteMap, title_case_line
from toolkit.quotes.marks import paragraph_bounds
from toolkit.quotes.model import Attribution, Speaker
from toolkit.quotes.kinds import MAX_FRAGMENT_WORDS, clause_kind, quote_kind
from toolkit.quotes.rank import choose as choose_source
from toolkit.quotes.rank import TRAINING_ENV, clear_discourse, default_assigner, default_ranker, set_discourse
from toolkit.quotes.roles import RoleIndex
from toolkit.quotes.speakers import (
    DOCUMENT_HEADS,
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    SUBJECT_DEPS,
    MentionIndex,
    is_pronoun,
    relative_antecedent,
    speaker_name,
)

COLLECTIVE_KINDS = {"organisation", "group", "country"}

# the ranker's weights are package data: read them when the extractors load,
# so a missing or corrupt file is a clear error there, never other results
# (the training script, which records the rules' choices and never scores,
# defers the check so that it can rebuild a broken file)
if not os.environ.get(TRAINING_ENV):
    default_ranker()
    default_assigner()


def to_records(doc: Doc, ctx: ArticleContext, attributions: Sequence[Attribution], mentions: Sequence[dict], qmap: QuoteMap) -> list[dict]:
    """Quotes-table records for ``attributions``, in text order."""
    # the discourse context of the unsourced-quote model, read as the rules left the sources
    set_discourse(doc, attributions, qmap.inside)
    try:
        return _to_records(doc, ctx, attributions, mentions, qmap)
    finally:
        clear_discourse(doc)


def _to_records(doc: Doc, ctx: ArticleContext, attributions: Sequence[Attribution], mentions: Sequence[dict], qmap: QuoteMap) -> list[dict]:
    index = MentionIndex(mentions)
    _trim_entry_stamps(doc, attributions)
    _adopt_clause_sources(attributions)
    reported = [(a.start, a.end) for a in attributions if not a.direct]
    subjects = [s for s in _subject_mentions(doc, index, qmap)
                if not any(start <= s.position < end for start, end in reported)]
    roles = RoleIndex(doc, index)
    resolved: dict[int, Speaker | None] = {}
    written: dict[int, Span | None] = {}
    earlier: list[Speaker] = []
    for attribution in sorted(attributions, key=_anchor):
        if attribution.inherited_from is not None:
            speaker = resolved.get(id(attribution.inherited_from))
            written[id(attribution)] = written.get(id(attribution.inherited_from))
        else:
            source = _same_paragraph_source(doc, attribution, index, qmap)
            if attribution.direct:
                # the learned check of the rules' choice (toolkit.quotes.rank)
                # (and a speaker for a quote they left without one, when the model is sure)
                source = choose_source(doc, attribution, source, qmap.inside, reported)
                if attribution.source is None and source is not None:
                    attribution.source = source
            written[id(attribution)] = source
            # a relative pronoun is the source as written; the noun it modifies speaks
            source = (relative_antecedent(source) or source) if source is not None else None
            speaker = _resolve(doc, source, index, subjects, earlier, qmap, _addressees(doc, attribution, index))
            speaker = roles.name_for(source, speaker, earlier) if source is not None else speaker
            speaker = _document_issuer(doc, source, speaker, earlier)
        resolved[id(attribution)] = speaker
        if speaker is not None and speaker.name and attribution.source is not None:
            earlier.append(speaker)
    quote_spans = [(q.start, q.end) for q in qmap.quotes]
    return [_record(doc, ctx, a, resolved.get(id(a)), written.get(id(a)), _kind(doc, a, quote_spans))
            for a in sorted(attributions, key=lambda a: (a.start, a.end))]


def _other_sentence(doc: Doc, a: int, b: int) -> bool:
    ta, tb = doc.char_span(a, a + 1, alignment_mode="expand"), doc.char_span(b, b + 1, alignment_mode="expand")
    return ta is not None and tb is not None and len(ta) and len(tb) and ta[0].sent.start != tb[0].sent.start


def _adopt_clause_sources(attributions: Sequence[Attribution]) -> None:
    """A quote nothing attributes that lies inside a reported clause with a
    source is that source's words, quoted inside the paraphrase (mixed speech:
    `adding that he believed the Indiana-born judge was "Mexican."` is
    Trump's; `the suggestion by a potential president that someone "ought to
    look into" the judge`): it takes the clause's cue and source. The clause
    may stop before the closing mark (`reiterated the basic premise of the
    "Ferguson Effect`), so the quote need only start inside it."""
    clauses = [a for a in attributions if not a.direct and a.source is not None and a.cue is not None]
    for a in attributions:
        if not a.direct or a.source is not None or a.inherited_from is not None or a.cue is not None:
            continue
        clause = next((c for c in clauses if c.start <= a.start < c.end), None)
        if clause is not None:
            a.cue, a.cue_start, a.cue_end, a.source, a.rule = clause.cue, clause.cue_start, clause.cue_end, clause.source, "clause"


#: what may stand between a quote's last word and the tag that follows it
#: (`"Grizzly Adams?" Maddow repeated.`): closing marks, punctuation, spaces
_TAG_GAP = re.compile(r"[\s\"'“”’‘»«,.?!;:\u2014\u2013-]*")


def _tag_right_after(doc: Doc, a: Attribution) -> bool:
    """True when the quote is a sentence of its own and its source (or cue)
    follows it with nothing but the closing mark and punctuation between: the
    tag of the quote, even when the sentence splitter cut after the `?`. (A
    mark inside a sentence is not one: `… play no part in Putin’s “thinking”.
    This catastrophe recalls …` is a scare quote.)"""
    text = doc_text(doc)
    start = a.source.start_char if a.source is not None else a.cue_start
    if start is None or start < a.end or _TAG_GAP.fullmatch(text[a.end:start]) is None:
        return False
    before = text[max(0, text.rfind("\n", 0, a.start) + 1):a.start].rstrip(" \"'“‘«„")
    return not before or before[-1] in ".?!:\"”’"


def _kind(doc: Doc, a: Attribution, quote_spans) -> str:
    if not a.direct:
        return clause_kind(a.start, a.end, quote_spans)
    # a fragment whose only cue is the nearest reporting verb in another
    # sentence (`Putin's “thinking”. This catastrophe recalls …`) is not speech
    # (but a tag right after the quote is its own: `"Grizzly Adams?" Maddow repeated.`)
    fragment = len(doc_text(doc)[a.start:a.end].split()) <= MAX_FRAGMENT_WORDS
    far = (a.rule == "nearby" and a.cue_start is not None and _other_sentence(doc, a.start, a.cue_start)
           and not _tag_right_after(doc, a))
    attributed = (a.source is not None and not (fragment and far)) or a.inherited_from is not None
    sent_start = max(doc_text(doc).rfind("\n", 0, a.start) + 1, a.start - 200)
    return quote_kind(doc_text(doc)[a.start:a.end], doc_text(doc)[sent_start:a.start], attributed=attributed,
                      headline=title_case_line(doc_text(doc), a.start))


def _anchor(attribution: Attribution) -> int:
    return attribution.cue_start if attribution.cue_start is not None else attribution.start


def _record(doc: Doc, ctx: ArticleContext, a: Attribution, speaker: Speaker | None, source: Span | None, kind: str) -> dict:
    return {
        "article_id": ctx.article_id,
        **char_span_keys(doc, a.start, a.end),
        "text": doc_text(doc)[a.start:a.end],
        "direct": a.direct,
        "kind": kind,
        "cue": a.cue,
        "cue_start": a.cue_start,
        "cue_end": a.cue_end,
        "speaker_actor_id": speaker.actor_id if speaker else None,
        "speaker": speaker.name if speaker else None,
        "speaker_surface": speaker.surface if speaker else None,
        "source_start": source.start_char if source is not None else None,
        "source_end": source.end_char if source is not None else None,
    }


def _same_paragraph_source(doc: Doc, attribution: Attribution, index: MentionIndex, qmap: QuoteMap) -> Span | None:
    """The source, unless the parse took it from another paragraph (a heading
    run into the next line, or the next paragraph run into this one); then the
    person named right after the cue (`"I'm voting for anyone but Hillary,"
    declared Alyssa Van Wagenen, 29, …` parsed with the next paragraph's
    `voters`), else the nearest person named before the cue in its paragraph
    outside quotes (never `Hillary` inside the quote), if any."""
    source = attribution.source
    if source is None or attribution.cue_start is None:
        return source
    text = doc_text(doc)
    start, end = paragraph_bounds(text, attribution.cue_start)
    if start <= source.start_char < end:
        return source
    after = attribution.cue_end or attribution.cue_start
    for mention in index.mentions:
        m_start = int(mention["start"])
        if after <= m_start < end and mention.get("kind") == "person" and not text[after:m_start].strip():
            return doc.char_span(m_start, int(mention["end"]), alignment_mode="expand")
    for mention in reversed(index.before(attribution.cue_start)):
        if start <= int(mention["start"]) and mention.get("kind") == "person" and not _quoted(doc, mention, qmap):
            return doc.char_span(int(mention["start"]), int(mention["end"]), alignment_mode="expand")
    return None


def _trim_entry_stamps(doc: Doc, attributions: Sequence[Attribution]) -> None:
    """A live blog's entry stamp (`7 Jul 2022 00.51 Russia taking 'operational
    pause', analysts say`, `7 Jul 2022 00.29 UN warns …`) is neither content nor
    speaker: cut it from the start of a reported clause and from a source
    phrase (a source that was nothing but the stamp is no source)."""
    text = doc_text(doc)
    for a in attributions:
        # (the clause may start inside the stamp: `9 [May 2022 03.33 A Fiji court …`)
        m = next((m for m in ENTRY_STAMP.finditer(text, max(0, a.start - 3), a.start + 24) if m.start() <= a.start < m.end()), None)
        if m is not None and not a.direct:
            start = m.end()
            while start < a.end and text[start].isspace():
                start += 1
            if a.end - start >= 3:
                a.start = start
        if a.source is not None:
            m = ENTRY_STAMP.search(text, a.source.start_char, a.source.end_char)
            if m is not None:
                rest = [t for t in a.source if t.idx >= m.end() and not t.is_space and not t.is_punct]
                a.source = doc[rest[0].i:a.source.end] if rest else None


def _addressees(doc: Doc, attribution: Attribution, index: MentionIndex) -> set[str]:
    """Actor ids and names of the people the cue addresses (`She told Ms.
    Muravinets that she …`): a pronoun subject of the same verb is not them."""
    if attribution.cue_start is None:
        return set()
    cue = doc.char_span(attribution.cue_start, attribution.cue_end or attribution.cue_start + 1, alignment_mode="expand")
    if cue is None or not len(cue):
        return set()
    verb = cue.root
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative", "iobj"}]
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    out: set[str] = set()
    for obj in objects:
        span = doc[obj.left_edge.i:obj.i + 1]
        mention = index.at(span)
        if mention is not None and mention.get("kind") == "person":
            out |= {str(v) for v in (mention.get("actor_id"), speaker_name(mention)) if v}
    return out


def _document_issuer(doc: Doc, source: Span | None, speaker: Speaker | None, earlier: list[Speaker]) -> Speaker | None:
    """`“…,” read the statement, quoted by Russian state news agency Tass`: a
    definite document with no author in its phrase is the one an earlier
    source issued in this or the previous two sentences (`Russia’s Defence
    Ministry …, saying in a statement Thursday that …`); the row takes that
    source (the news agency is only the channel)."""
    if source is None or speaker is None or speaker.actor_id or source.root.lemma_.lower() not in DOCUMENT_HEADS:
        return speaker
    if not any(t.lower_ in {"the", "this", "that"} for t in source):
        return speaker
    noun = source.root.lemma_.lower()
    sents = [s for s in doc.sents if s.start_char <= source.start_char][-3:]
    for s in reversed(earlier):
        if s.position >= source.start_char or s.position < sents[0].start_char:
            continue
        sent = doc.char_span(s.position, s.position + 1, alignment_mode="expand")
        if sent is not None and len(sent) and any(t.lemma_.lower() == noun for t in sent[0].sent):
            return Speaker(s.actor_id, s.name, s.kind, source.text, source.start_char)
    return speaker


def _resolve(doc: Doc, source: Span | None, index: MentionIndex, subjects: list[Speaker], earlier: list[Speaker], qmap: QuoteMap,
             addressees: set[str] = frozenset()) -> Speaker | None:
    if source is None:
        return None
    glued = _glued_pronoun(source)
    if is_pronoun(source) or glued:
        antecedent = _antecedent(doc, source, index, subjects, earlier, qmap, word=glued, addressees=addressees)
        if antecedent is None:
            mention = index.at(source)  # the actors extractor may have resolved it already
            if mention is not None and mention.get("actor_id") and not ({mention["actor_id"], speaker_name(mention)} & addressees):
                return Speaker(mention["actor_id"], speaker_name(mention), mention.get("kind"), source.text, source.start_char)
            return Speaker(None, None, None, source.text, source.start_char)
        return Speaker(antecedent.actor_id, antecedent.name, antecedent.kind, source.text, source.start_char)
    mention = index.at(source)
    if mention is None or not mention.get("actor_id") or _uncatalogued_single_word(mention):
        named = _same_surname(source, index)
        if named is not None:
            return Speaker(named.get("actor_id") or None, speaker_name(named), "person", source.text, source.start_char)
        affiliation = _affiliation(source, index)
        if affiliation is not None:
            return affiliation
    if mention is None:
        return Speaker(None, source.text, None, source.text, source.start_char)
    return Speaker(mention.get("actor_id") or None, speaker_name(mention), mention.get("kind"), source.text, source.start_char)


#: a photo credit glued to the next sentence's pronoun (`Photograph: …/ShutterstockHe said`)
_GLUED_PRONOUN = re.compile(r"^[A-Z][A-Za-z]*[a-z](He|She|They|It)$")

#: heads of descriptions that speak for an institution or a country's side
#: (`Ukrainian officials`, `a senior Russian commander`, `Ukraine's military
#: command`): the row takes the actor id of the country or group named in the
#: phrase, so share of voice by side can place it; the speaker stays the
#: description as written
AFFILIATION_HEADS = {
    "official", "officials", "authorities", "authority", "government", "ministry", "department", "military",
    "army", "forces", "troops", "command", "staff", "intelligence", "spokesperson", "spokesman", "spokeswoman",
    "diplomat", "diplomats", "commander", "commanders", "fighters", "soldiers", "media", "agency", "service",
    "prosecutor", "prosecutors", "embassy", "administration", "police", "envoy", "delegation", "navy",
}
_PERSON_HEADS = {"official", "spokesperson", "spokesman", "spokeswoman", "diplomat", "commander", "prosecutor", "envoy"}


def _glued_pronoun(source: Span) -> str | None:
    """`he` for the single token `ShutterstockHe` (a caption run into the text)."""
    if len(source) != 1:
        return None
    m = _GLUED_PRONOUN.match(source[0].text)
    return m.group(1).lower() if m else None


def _same_surname(source: Span, index: MentionIndex) -> dict | None:
    """A bare surname the mentions table missed (`Niinistö said`) takes the
    person named in full earlier in the same article (`Sauli Niinistö`),
    when exactly one actor there has that last name."""
    words = [t for t in source if not t.is_punct]
    if not words or len(words) > 2 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
        return None
    last = _fold(words[-1].text)
    found = {}
    for m in index.before(source.start_char):
        surface = str(m.get("surface") or "")
        parts = surface.split()
        if len(parts) >= 2 and _fold(parts[-1]) == last and (
                m.get("kind") == "person" or (m.get("kind") == "organisation" and _looks_personal(surface))):
            found.setdefault(m.get("actor_id") or surface, m)
    return next(iter(found.values())) if len(found) == 1 else None


def _uncatalogued_single_word(mention: dict) -> bool:
    """A one-word model entity with a derived id (`Niinistö` -> `org:niinisto`
    when the model typed both him and `Sauli Niinistö` as organisations)."""
    actor_id = str(mention.get("actor_id") or "")
    return ":" in actor_id and len(str(mention.get("surface") or "").split()) == 1


def _fold(word: str) -> str:
    text = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower().removesuffix("’s").removesuffix("'s")


def _affiliation(source: Span, index: MentionIndex) -> Speaker | None:
    if source.root.lemma_.lower() not in AFFILIATION_HEADS and source.root.lower_ not in AFFILIATION_HEADS:
        return None
    for m in index.mentions:
        start, end = int(m["start"]), int(m["end"])
        if source.start_char <= start and end <= source.end_char and m.get("actor_id") and m.get("kind") in {"country", "group"}:
            kind = "person" if source.root.lower_ in _PERSON_HEADS else "organisation"
            return Speaker(m["actor_id"], source.text, kind, source.text, source.start_char)
    return None


def _antecedent(doc: Doc, pronoun: Span, index: MentionIndex, subjects: list[Speaker], earlier: list[Speaker], qmap: QuoteMap,
                word: str | None = None, addressees: set[str] = frozenset()) -> Speaker | None:
    word = word or pronoun[0].lower_
    at = pronoun.start_char
    if word in PERSON_PRONOUNS and addressees:
        # `She told Ms. Muravinets that …`: whoever she is, not the person she told
        found = _antecedent(doc, pronoun, index, subjects, earlier, qmap, word=word)
        return None if found is not None and ({found.actor_id, found.name} & addressees) else found
    if word in PERSON_PRONOUNS:
        # a person named earlier in the same sentence, outside quotes (`In a
        # statement by the Polish prime minister, Mateusz Morawiecki, he said`)
        # (not for a pronoun glued to a photo credit: the credit's photographer
        # shares its "sentence")
        sent_start = pronoun.sent.start_char if word == pronoun[0].lower_ else pronoun.end_char
        for mention in index.before(at):
            if int(mention["start"]) < sent_start:
                break
            if mention.get("kind") == "person" and not _quoted(doc, mention, qmap):
                return _speaker_of(mention)
        pool = [s for s in subjects + earlier if s.kind == "person" and s.position < at and not _in_credit(doc, s.position, at)]
        if pool:
            return max(pool, key=lambda s: s.position)
        for mention in index.before(at):
            if mention.get("kind") == "person" and not _quoted(doc, mention, qmap):
                return _speaker_of(mention)
        return None
    if word in GROUP_PRONOUNS:
        sent = pronoun.sent
        window_start = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        pool = [s for s in subjects + earlier if s.kind in COLLECTIVE_KINDS and window_start <= s.position < at]
        if word in {"it", "its"}:
            pool = [s for s in pool if s.kind in {"organisation", "country"}]
        if pool:
            return max(pool, key=lambda s: s.position)
        # `British military intelligence said … “…”, it said`: the last source
        # named in this or the three previous sentences, if it is not a person
        # (`the church said … “…,” it said. Patriarch Kirill has expressed … It said`)
        sents = [s for s in doc.sents if s.start_char <= at][-4:]
        recent = [s for s in earlier if sents[0].start_char <= s.position < at and s.name]
        if recent and recent[-1].kind != "person" and not (recent[-1].kind is None and _looks_personal(recent[-1].name)):
            return recent[-1]
        return None
    return None


def _in_credit(doc: Doc, position: int, at: int) -> bool:
    """Whether ``position`` is in a photo credit (`Photograph: Michael
    Brochstein/…`) in the 120 characters before ``at``."""
    credit = doc_text(doc).rfind("Photograph:", max(0, at - 120), at)
    return credit >= 0 and position > credit


def is_pronoun_text(text: str) -> bool:
    return text.lower() in PERSON_PRONOUNS | GROUP_PRONOUNS


def _looks_personal(name: str | None) -> bool:
    """`Mr Smith`, `John Smith`: a name with capitalised words only (a person
    the mentions table did not type)."""
    return bool(name) and all(w[:1].isupper() for w in name.split()) and len(name.split()) >= 2


def _quoted(doc: Doc, mention: dict, qmap: QuoteMap) -> bool:
    span = doc.char_span(int(mention["start"]), int(mention["end"]), alignment_mode="expand")
    return span is not None and len(span) > 0 and qmap.inside(span.root)


def _subject_mentions(doc: Doc, index: MentionIndex, qmap: QuoteMap) -> list[Speaker]:
    """Mentions that are grammatical subjects outside quotes (the salient ones)."""
    out = []
    for mention in index.mentions:
        span = doc.char_span(int(mention["start"]), int(mention["end"]), alignment_mode="expand")
        if span is None or not len(span) or qmap.inside(span.root):
            continue
        if span.root.dep_ in SUBJECT_DEPS or (span.root.dep_ == "appos" and span.root.head.dep_ in SUBJECT_DEPS):
            out.append(_speaker_of(mention))
    return out


def _speaker_of(mention: dict) -> Speaker:
    return Speaker(mention.get("actor_id") or None, speaker_name(mention), mention.get("kind"), mention.get("surface"), int(mention["start"]))
