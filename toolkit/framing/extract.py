"""The framing extractor: one row per framing signal in an article.

``extract_framing(doc, ctx, *, mentions, quotes)`` returns records of the
``framing`` table (see :mod:`toolkit.schema`):

* ``loaded_term``, ``euphemism``, ``official_term``, ``naming``, ``hedge``:
  lexicon matches (``toolkit/framing/data/*.yaml``, see :mod:`.lexicon`);
  ``hedge`` also covers scare quotes (category ``scare_quotes``);
* ``epithet``: the mentions extractor's catalogue epithets ("the Kremlin
  tyrant"), linked to their actor; category = the loaded-term category of a
  word inside it, else ``descriptive``;
* ``attribution_verb``: the cue of every quote in the quotes table, with its
  category (neutral / emphatic / sceptical / concessive / tentative /
  directive / critical / supportive / other); ``actor_id`` and
  ``speaker_actor_id`` = the speaker;
* ``agency``: who does what to whom — an actor mention that is the agent
  (active subject, or ``by``-agent of a passive) or the patient (passive
  subject, direct object) of a verb; ``term`` = the verb lemma, ``category``
  = ``agent`` / ``patient``. Casting an actor as the doer of negative events
  is causal attribution in Entman's (1993) sense; see :func:`toolkit.framing.tone`.

Every row carries ``in_quote`` and ``speaker_actor_id`` (see
:mod:`.quoted`): a term in a quote is the speaker's framing, a term in the
narration the outlet's. ``actor_id`` on lexicon rows is the actor the term is
about, when the parse ties it to one (the mention inside the term's noun
phrase, or a verb's subject). Method: lexicon matching with a spaCy
``Matcher`` (textacy-style extractor over a parsed ``Doc``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Span

from toolkit.context import ArticleContext, char_span_keys, doc_text
from toolkit.framing.actor_index import ActorIndex, record_offset, record_str
from toolkit.framing.lexicon import Lexicon, Match, load_lexicon, matcher_for
from toolkit.framing.quoted import NAMING_VERBS, VoiceIndex
from toolkit.records import FramingRecord

EPITHET_DEFAULT_CATEGORY = "descriptive"
SCARE_QUOTES = "scare_quotes"
#: longest noun phrase (tokens) searched for the actor a term is about
MAX_PHRASE_TOKENS = 8


def extract_framing(
    doc: Doc,
    ctx: ArticleContext,
    *,
    mentions: Sequence[Mapping] = (),
    quotes: Sequence[Mapping] = (),
    lexicon: Lexicon | None = None,
) -> list[FramingRecord]:
    """Framing signals of one article (records of the ``framing`` table).

    Args:
        doc: a parsed article.
        ctx: the article.
        mentions, quotes: the records of the mentions and quotes tables for the
            same doc (empty lists are fine: the catalogue entities on the doc
            and the quotation marks in the text still give actors and voice).
        lexicon: the framing lexicon (default: the shipped data files).

    Returns:
        One :class:`~toolkit.records.FramingRecord` per signal, sorted by offset.

    Method and sources: see the module docstring (lexicon matching with a
    spaCy ``Matcher``; agency from the dependency parse, causal attribution in
    Entman's 1993 sense).
    """
    if not len(doc) or not doc_text(doc).strip():
        return []
    lexicon = lexicon or load_lexicon()
    actors = ActorIndex(doc, mentions)
    reporting = frozenset(v for v in lexicon.verbs if " " not in v) | NAMING_VERBS
    voices = VoiceIndex(doc, quotes, actors, reporting)
    matches = matcher_for(doc.vocab, lexicon)(doc)
    rows = lexicon_rows(doc, matches, actors, voices)
    rows += epithet_rows(doc, mentions, matches, voices)
    rows += attribution_rows(doc, quotes, lexicon, voices)
    rows += agency_rows(doc, actors, voices, quotes, lexicon)
    rows += scare_quote_rows(doc, voices)
    for row in rows:
        row["article_id"] = ctx.article_id
    rows.sort(key=lambda r: (r["start"], r["end"], r["signal"]))
    return rows


def _row(doc: Doc, start: int, end: int, signal: str, term: str, category: str,
         actor_id: str | None, voice: tuple[bool, str | None]) -> dict:
    return {
        **char_span_keys(doc, start, end),
        "signal": signal,
        "term": term,
        "category": category,
        "actor_id": actor_id,
        "in_quote": voice[0],
        "speaker_actor_id": voice[1],
    }


def lexicon_rows(doc: Doc, matches: list[Match], actors: ActorIndex, voices: VoiceIndex) -> list[dict]:
    """Rows for lexicon matches (loaded terms, official terms, naming, hedges)."""
    rows = []
    for m in matches:
        span = doc[m.start:m.end]
        start, end = span.start_char, span.end_char
        if m.entry.signal == "naming":  # the named actor itself (Zelensky, Kyiv), not a target
            actor_id = m.entry.actor_id or actors.actor_at(start, end)
        else:
            actor_id = target_actor(span, actors)
        rows.append(_row(doc, start, end, m.entry.signal, m.entry.term, m.entry.category,
                         actor_id, voices.voice(start, end)))
    return rows


def target_actor(span: Span, actors: ActorIndex) -> str | None:
    """The actor a term is about: a mention overlapping the term ("the Kremlin
    tyrant"); else one inside the noun phrase the term heads or modifies
    ("Russia's indiscriminate attacks"); else a verb term's subject."""
    direct = actors.actor_at(span.start_char, span.end_char)
    if direct:
        return direct
    doc = span.doc
    if not doc.has_annotation("DEP"):
        return None
    root = span.root
    if root.pos_ == "VERB":
        for child in root.children:
            if child.dep_ == "nsubj":
                return actors.for_token(child)
        return None
    noun = root.head if root.dep_ in ("amod", "compound") and root.head.pos_ in ("NOUN", "PROPN") else root
    left = noun.left_edge
    if noun.i - left.i >= MAX_PHRASE_TOKENS:
        return None
    phrase = doc[left.i:noun.i + 1]
    return actors.actor_at(phrase.start_char, phrase.end_char)


def epithet_rows(doc: Doc, mentions: Sequence[Mapping], matches: list[Match], voices: VoiceIndex) -> list[dict]:
    """Rows for catalogue epithets found by the mentions extractor."""
    loaded = [(doc[m.start:m.end].start_char, doc[m.start:m.end].end_char, m.entry.category)
              for m in matches if m.entry.signal == "loaded_term"]
    rows = []
    text = doc_text(doc)
    for m in mentions:
        start, end = record_offset(m.get("start")), record_offset(m.get("end"))
        if m.get("via") != "epithet" or start is None or end is None or not (0 <= start < end <= len(text)):
            continue
        category = next((c for s, e, c in loaded if start <= s and e <= end), EPITHET_DEFAULT_CATEGORY)
        term = record_str(m.get("surface")) or text[start:end]
        rows.append(_row(doc, start, end, "epithet", " ".join(term.split()), category,
                         record_str(m.get("actor_id")), voices.voice(start, end)))
    return rows


def attribution_rows(doc: Doc, quotes: Sequence[Mapping], lexicon: Lexicon, voices: VoiceIndex) -> list[dict]:
    """One row per reporting verb the outlet chose: the cue of each quote,
    once per cue occurrence (a cue introducing several quote spans counts once).

    The verb is the outlet's choice, so ``in_quote`` is False unless the
    report itself sits inside someone else's quote; ``actor_id`` and
    ``speaker_actor_id`` are the quoted speaker (the side is joined from the
    mentions table in :func:`toolkit.framing.attribution`).
    """
    rows = []
    seen: set[tuple[int, int]] = set()
    text_len = len(doc_text(doc))
    for q in quotes:
        cue = record_str(q.get("cue"))
        if not cue:
            continue
        start, end = record_offset(q.get("cue_start")), record_offset(q.get("cue_end"))
        if start is None or end is None:
            start, end = record_offset(q.get("start")), record_offset(q.get("end"))
        if start is None or end is None:
            continue
        if not (0 <= start < end <= text_len) or (start, end) in seen:
            continue
        seen.add((start, end))
        speaker = record_str(q.get("speaker_actor_id"))
        in_quote, _ = voices.voice(start, end)
        rows.append(_row(doc, start, end, "attribution_verb", " ".join(cue.lower().split()),
                         lexicon.verb_category(cue), speaker, (in_quote, speaker)))
    return rows


def scare_quote_rows(doc: Doc, voices: VoiceIndex) -> list[dict]:
    """A hedge row for each scare quote (quotation marks around a short term
    that no one is reported as saying): the outlet's distancing device."""
    rows = []
    for a in voices.attributed:
        if not a.scare:
            continue
        start, end = a.segment.start, a.segment.end
        text = doc_text(doc)[start:end]
        # trim punctuation the writer put inside the marks ("“terrorism.”")
        stripped = text.strip().rstrip(".,;:!?").strip()
        if not stripped:
            continue
        start += text.index(stripped)
        end = start + len(stripped)
        rows.append(_row(doc, start, end, "hedge", " ".join(stripped.split()), SCARE_QUOTES,
                         None, (False, None)))
    return rows


AGENT, PATIENT = "agent", "patient"
#: prepositions whose object undergoes the event they attach to
PATIENT_PREPOSITIONS = frozenset({"on", "against", "upon", "at", "into"})


def agency_rows(doc: Doc, actors: ActorIndex, voices: VoiceIndex, quotes: Sequence[Mapping] = (),
                lexicon: Lexicon | None = None) -> list[dict]:
    """One row per actor mention that is a verb's agent or patient.

    Method: dependency roles of the mention's head token (spaCy English
    labels): ``nsubj`` and the object of a passive's ``agent`` preposition
    are agents; ``nsubjpass`` and ``dobj`` are patients, and so is the object
    of a directed preposition ("the attack on Kyiv", "strikes against
    Ukraine": :data:`PATIENT_PREPOSITIONS`), with the preposition's head as
    the verb or event noun. Copulas ("Putin is
    ready"), the cue verbs of quotes and neutral speech verbs (a speaker is
    not acting on anyone) are skipped; "attacked" or "accused" count.
    """
    if not doc.has_annotation("DEP"):
        return []
    lexicon = lexicon or load_lexicon()
    speech = frozenset(v for v, c in lexicon.verbs.items() if c == "neutral")
    cue_starts = {record_offset(q.get("cue_start")) for q in quotes} - {None}
    rows = []
    seen: set[int] = set()
    for start, end, actor_id, _ in actors.spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span) or span.root.i in seen:
            continue
        root = span.root
        seen.add(root.i)
        role, verb = _role(root)
        if role is None or verb.idx in cue_starts or verb.lemma_.lower() in speech or verb.lemma_.lower() == "be":
            continue
        rows.append(_row(doc, span.start_char, span.end_char, "agency", verb.lemma_.lower(), role,
                         actor_id, voices.voice(span.start_char, span.end_char)))
    return rows


def _role(token) -> tuple[str | None, object]:
    head = token.head
    if token.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX"):
        return AGENT, head
    if token.dep_ == "pobj" and head.dep_ == "agent" and head.head.pos_ == "VERB":
        return AGENT, head.head
    if token.dep_ in ("nsubjpass", "dobj") and head.pos_ == "VERB":
        return PATIENT, head
    if (token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in PATIENT_PREPOSITIONS
            and head.head.pos_ in ("VERB", "NOUN")):
        return PATIENT, head.head
    return None, head
