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
from toolkit.context import ArticleContext

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
    quote = _enclosing_quote(start, end, quotes)
    if quote is not None:
        name = quote.get("speaker") or quote.get("speaker_surface") or "unattributed quote"
        direct = quote.get("direct")
        return Claimant(str(name), _str_or_none(quote.get("speaker_actor_id")), in_quote=bool(direct is None or direct))
    source = _according_to(head) or _reporting_subject(head, lex) or _side_clause(head, lex) or _per(head)
    if source is not None and _across_lines(source, start, end):
        source = None  # a headline run into the text by the sentence splitter
    if source is None:
        return outlet_claimant(ctx)
    return _name_source(source, mentions)


def _across_lines(source: Span, start: int, end: int) -> bool:
    text = source.doc.text
    lo, hi = min(source.start_char, start), max(source.end_char, end)
    return "\n" in text[lo:hi]


def _str_or_none(value) -> str | None:
    return None if value is None or value != value else str(value)  # NaN != NaN


def _enclosing_quote(start: int, end: int, quotes: Sequence[dict]) -> dict | None:
    inside = [q for q in quotes if q.get("start") is not None and q["start"] <= start and end <= q["end"]]
    return min(inside, key=lambda q: q["end"] - q["start"]) if inside else None


def _according_to(head: Token) -> Span | None:
    sent = head.sent
    best = None
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor(1).lower_ == "to":
            pobj = next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)
            if pobj is not None and (best is None or abs(pobj.i - head.i) < abs(best.root.i - head.i)):
                best = _subtree(pobj)
    return best


def _reporting_subject(head: Token, lex: Lexicon) -> Span | None:
    for anc in head.ancestors:
        if anc.pos_ not in ("VERB", "AUX") or anc.lemma_.lower() not in lex.reporting_verbs:
            continue
        subj = next((c for c in anc.children if c.dep_ in ("nsubj",)), None)
        if subj is None:  # "was reported by X"
            agent = next((c for c in anc.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if subj is None:
            continue
        return _source_of(subj, lex)
    return None


def _source_of(subj: Token, lex: Lexicon) -> Span:
    """The subject, or what the figures come from ("figures from Ukraine's army")."""
    if subj.lemma_.lower() in lex.source_carriers:
        for prep in subj.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return _subtree(pobj)
    return _subtree(subj)


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
    return None


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
        return Claimant(str(best.get("actor") or best.get("surface") or span.text), str(best["actor_id"]),
                        in_quote=False, side=_str_or_none(best.get("side")))
    side = next((_str_or_none(m.get("side")) for m in inside if _str_or_none(m.get("side"))), None)
    return Claimant(span.text.strip(), None, in_quote=False, side=side)
