"""Direct quotes: attach each quoted passage to its cue and source.

Method, per quote found by :mod:`toolkit.quotes.marks` (rules in the spirit of
Krestel, Bergler & Witte 2008 and textacy's ``direct_quotations``, with the
dependency links first):

1. *syntax*: walk up from the quote's tokens to the first reporting verb
   outside any quote (the quote is its ccomp/dobj/xcomp, or sits inside its
   complement: `said he was “very angry”`), or down to a reporting verb
   hanging on the quote (`“…,” Putin said` parsed as parataxis);
2. *proximity* (not for title-like quotes such as `“Face the Nation”`): the nearest strong reporting verb outside quotes in the
   sentences the quote touches, in the sentence ending with the colon that
   introduces it (`He told Russian state TV: “…`), or at the start of the next
   sentence (`“…” ⏎ he said`); then `according to X` / `per X` in those sentences;
3. *continuation*: a sentence-initial quote of three words or more with no cue
   continues the previous quote's speaker when that quote is in the same or
   the previous paragraph;
4. otherwise the quote is kept without cue or speaker (scare quotes: the
   framing extractor reads them as hedges).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from toolkit.quotes.cues import cue_lemma, is_cue_verb
from toolkit.quotes.marks import QuoteSpan, paragraph_bounds
from toolkit.quotes.model import Attribution
from toolkit.quotes.speakers import PERSON_PRONOUNS, noun_phrase, source_of_preposition, source_of_verb
from toolkit.context import doc_text

#: how many tokens past a quote a following sentence's cue may sit (`” ⏎ he said`)
_NEXT_SENTENCE_REACH = 4
#: ... or farther, up to this many tokens, when it is that sentence's first verb
_NEXT_SENTENCE_FIRST_VERB = 8
#: continuation quotes shorter than this are scare quotes, not speech
_MIN_CONTINUATION_WORDS = 3
#: how a cue verb can hang on a quote's word (`“…,” Putin said` as parataxis);
#: not amod, so `the so-called “peace plan”` has no cue
_CUE_CHILD_DEPS = {"parataxis", "ccomp", "advcl", "conj", "dep", "relcl", "ROOT"}
_TRANSCRIPT_SPEAKER = re.compile(r"([A-Z][A-Z.'\- ]{1,40}[A-Z]):\s")
#: how a title-like quote must attach to count as the cue's words (`called it “Operation Z”`)
_COMPLEMENT_DEPS = {"dobj", "attr", "oprd", "ccomp", "xcomp", "pobj", "conj", "appos"}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NEWLINES = re.compile(r"\n\s*")


class QuoteMap:
    """Which token lies inside which quote (marks included)."""

    def __init__(self, doc: Doc, quotes: Sequence[QuoteSpan]):
        self.doc = doc
        self.quotes = list(quotes)
        starts = [t.idx for t in doc]
        self.owner = [-1] * len(doc)
        self.token_ranges: list[range] = []
        for k, q in enumerate(self.quotes):
            first = bisect.bisect_left(starts, q.open_mark)
            last = bisect.bisect_left(starts, q.outer_end)
            for i in range(first, last):
                self.owner[i] = k
            self.token_ranges.append(range(first, last))

    def inside(self, token: Token) -> bool:
        return self.owner[token.i] >= 0


def attribute_direct(doc: Doc, quotes: Sequence[QuoteSpan], qmap: QuoteMap) -> list[Attribution]:
    """One :class:`Attribution` per quote, in text order (see module docstring)."""
    out: list[Attribution] = []
    for k, quote in enumerate(quotes):
        tokens = qmap.token_ranges[k]
        found = _attribute(doc, quote, tokens, qmap, out) if len(tokens) else None
        out.append(found or Attribution(quote.start, quote.end, True))
    return out


def _attribute(doc: Doc, quote: QuoteSpan, tokens: range, qmap: QuoteMap, previous: list[Attribution]) -> Attribution | None:
    """Rules 1-3 for one quote, in order; None when nothing attributes it."""
    para = _paragraphs_of(doc_text(doc), quote)
    title = _looks_like_title(doc_text(doc)[quote.start:quote.end]) and not _next_to_cue(doc, tokens, qmap)
    cue, rule = _linked_cue(doc, tokens, qmap, para, title), "linked"
    if cue is None:
        cue, rule = _colon_cue(doc, tokens, qmap), "colon"
    if cue is None and not title:
        cue, rule = _nearby_cue(doc, quote, tokens, qmap, para), "nearby"
    if cue is not None:
        found = Attribution.with_cue(quote.start, quote.end, True, cue_lemma(cue), [cue], _source(doc, cue, qmap))
        found.rule = rule
        return found
    found = _prepositional(doc, tokens, quote, qmap, para)
    if found is not None:
        found.rule = "preposition"
        return found
    found = _transcript(doc, quote) or _named_colon(doc, quote, tokens)
    if found is not None:
        found.rule = "transcript"
        return found
    cue = _previous_sentence_cue(doc, tokens, qmap, para)
    if cue is not None:
        found = Attribution.with_cue(quote.start, quote.end, True, cue_lemma(cue), [cue], _source(doc, cue, qmap))
        found.rule = "previous"
        return found
    return _continuation(doc, quote, previous)


def _previous_sentence_cue(doc: Doc, tokens: range, qmap: QuoteMap, para: tuple[int, int]) -> Token | None:
    """`She says people should be able to use the bathroom they prefer. "It is
    their life; …"`: a quote that opens a sentence with no cue of its own
    goes on with the report of the sentence right before it, in the same
    paragraph, when that sentence's main verb is a reporting verb and the
    sentence holds no quote (the writer paraphrases, then quotes)."""
    sent = doc[tokens.start].sent
    if sent.start == 0 or any(not (doc[i].is_punct or doc[i].is_space) for i in range(sent.start, tokens.start)):
        return None
    previous = doc[sent.start - 1].sent
    root = previous.root
    if not _in(previous[0], para) or qmap.inside(root) or not is_cue_verb(root, strong_only=True):
        return None
    if any(qmap.inside(t) for t in previous):
        return None  # the sentence before holds a quote: rule 3 (continuation) decides
    return root


def _paragraphs_of(text: str, quote: QuoteSpan) -> tuple[int, int]:
    """Offsets of the paragraph(s) the quote spans: cues never reach across a
    paragraph break (spaCy runs a headline into the next line's sentence)."""
    first = paragraph_bounds(text, quote.open_mark)[0]
    last = paragraph_bounds(text, max(quote.open_mark, quote.outer_end - 1))[1]
    return first, last


def _looks_like_title(text: str) -> bool:
    """`“Morning Joe”`, `“Face the Nation”`: a short all-capitalised quote names
    a show or a book; proximity alone does not make it someone's words."""
    words = _WORD.findall(text)
    content = [w for i, w in enumerate(words) if i == 0 or len(w) > 3]
    return 0 < len(words) <= 6 and all(w[0].isupper() for w in content)


def _next_to_cue(doc: Doc, tokens: range, qmap: QuoteMap) -> bool:
    """`Priebus said, "Probably."`, `"Absolutely," he said`, `"Oh, my God," a
    young woman exclaimed`: a short capitalised quote that is the whole
    complement of a reporting verb right next to it is an utterance, not a title."""
    k = tokens.start - 1
    while k >= 0 and (doc[k].is_punct or doc[k].is_space) and doc[k].text in {",", ":", " ", "\n"} | {t for t in "“\"'‘"}:
        k -= 1
    if k >= 0 and not qmap.inside(doc[k]) and is_cue_verb(doc[k]) and doc[k + 1].text in {",", ":"}:
        return True
    k = tokens.stop
    while k < len(doc) and doc[k].is_punct and not qmap.inside(doc[k]):
        k += 1
    for i in range(k, min(k + 5, len(doc))):
        if qmap.inside(doc[i]):
            return False
        if is_cue_verb(doc[i]):
            return True
        if doc[i].pos_ not in {"DET", "ADJ", "NOUN", "PROPN", "PRON"}:
            return False
    return False


def _in(token: Token, para: tuple[int, int]) -> bool:
    return para[0] <= token.idx < para[1]


def _linked_cue(doc: Doc, tokens: range, qmap: QuoteMap, para: tuple[int, int], title: bool = False) -> Token | None:
    """A reporting verb linked to the quote in the parse (rule 1). A title-like
    quote only counts as a complement (`called it “Operation Z”`), not inside
    an adjunct (`said on “Fox News Sunday”`)."""
    inside = set(tokens)
    found: list[Token] = []
    by_words: set[int] = set()  # cues reached from a word of the quote, not only from a mark
    for i in tokens:
        token = doc[i]
        if token.head.i in inside:
            continue
        if title and token.dep_ not in _COMPLEMENT_DEPS and not _nickname_of_object(token, qmap):
            continue
        for ancestor in token.ancestors:
            if not _in(ancestor, para) or (title and ancestor.dep_ == "prep" and ancestor.lower_ != "as"):
                break
            if not qmap.inside(ancestor) and is_cue_verb(ancestor):
                found.append(_outer_reporter(ancestor, qmap, para) if ancestor.i < tokens.start else ancestor)
                if not token.is_punct:
                    by_words.add(found[-1].i)
                break
            if ancestor.dep_ in {"relcl"} or _own_adverbial_clause(ancestor):
                break
    if not found:
        for i in tokens:
            for child in doc[i].children:
                if (child.dep_ in _CUE_CHILD_DEPS and child.i not in inside and not qmap.inside(child)
                        and _in(child, para) and is_cue_verb(child)):
                    return child
    if not found:
        return None
    # of several (the parse ran two sentences together: `Kerry said … ⏎ ''What we
    # gave up …,'' he told Fox News`), the cue nearest the quote; at equal
    # distance the one a word of the quote hangs on, not only its opening mark
    # (`…, Mr. Lou said. ''So it's very hard …,'' he said.`)
    return min(found, key=lambda t: (min(abs(t.i - tokens.start), abs(t.i - (tokens.stop - 1))), t.i not in by_words))


def _outer_reporter(cue: Token, qmap: QuoteMap, para: tuple[int, int]) -> Token:
    """`He said G7 leaders agree that it has led to long-term changes “which
    will mark …”` (Guardian 2022): a cue inside the reported clause of
    another reporting verb is the outer speaker's paraphrase; the quoted
    words are the outer speaker's. (Only for a cue before the quote: a tag
    after it, `“…,” Putin said, emphasizing …, the 72-year-old leader said`,
    is the quote's own.)"""
    head = cue.head
    if cue.dep_ == "ccomp" and head is not cue and _in(head, para) and not qmap.inside(head) and is_cue_verb(head, strong_only=True):
        return head
    return cue


def _nickname_of_object(token: Token, qmap: QuoteMap) -> bool:
    """`he called Rubio “Little Marco” multiple times`: a capitalised quote the
    parse hangs inside the object of `call` is the nickname given, the
    caller's words (PolNeAR attributes them too)."""
    head = token.head
    if token.dep_ not in {"nmod", "compound", "amod"} or qmap.inside(head) or head.dep_ not in {"dobj", "oprd"}:
        return False
    return head.head.pos_ == "VERB" and cue_lemma(head.head) == "call"


def _own_adverbial_clause(token: Token) -> bool:
    """`… concluded on Thursday, with judges and lawyers extolling her as a
    “brilliant” legal mind`: a participle or adverbial clause with its own
    subject holds the quote; a reporting verb above it did not say it."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    if token.dep_ == "acl" and token.tag_ == "VBG":
        return True  # `judges … extolling her`: the noun is the participle's subject
    return token.dep_ in {"advcl", "pcomp", "pobj"} and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)


def _nearby_cue(doc: Doc, quote: QuoteSpan, tokens: range, qmap: QuoteMap, para: tuple[int, int]) -> Token | None:
    """The nearest strong reporting verb around the quote (rule 2)."""
    first, last = doc[tokens.start], doc[tokens.stop - 1]
    window = list(range(first.sent.start, last.sent.end))
    colon = _introducing_colon(doc, tokens.start)
    if colon is not None:
        window = list(range(colon.sent.start, colon.i)) + window
    follow = last.sent.end
    window += list(range(follow, min(follow + _NEXT_SENTENCE_REACH, len(doc))))
    # `“…?” the 43-year-old asked`: a longer subject, when the verb is the
    # first one of the next sentence
    for i in range(follow + _NEXT_SENTENCE_REACH, min(follow + _NEXT_SENTENCE_FIRST_VERB, len(doc))):
        if any(doc[k].pos_ in {"VERB", "AUX"} for k in range(follow, i)):
            break
        window.append(i)
    candidates = [doc[i] for i in sorted(set(window))
                  if _in(doc[i], para) and not qmap.inside(doc[i]) and is_cue_verb(doc[i], strong_only=True)]
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.i - tokens.start), abs(t.i - (tokens.stop - 1))))


def _source(doc: Doc, cue: Token, qmap: QuoteMap) -> Span | None:
    """The cue's source; when the parse gives none or one inside a quote
    (`“My reaction, that was outrageous,” said Axelrod` parsed with the quote's
    subject), the name right after or right before the cue verb."""
    source = source_of_verb(cue)
    inverted = _inverted_subject(doc, cue, qmap)
    if source is not None and not any(qmap.inside(t) for t in source):
        if inverted is not None and source.start > cue.i and inverted.start <= source.start and source.end < inverted.end:
            # `“…,” mused Blaze co-host Stu Burguiere`: the parse split the
            # phrase after the verb (subject `co`); the whole phrase is the source
            return inverted
        return source
    if inverted is not None:
        return inverted
    for i in (cue.i + 1, _before_apposition(doc, cue)):
        if 0 <= i < len(doc) and not qmap.inside(doc[i]):
            token = doc[i]
            if i > cue.i and token.dep_ in {"dobj", "dative"} and token.head == cue:
                continue  # `told AFP`: the one addressed, not the source
            # (never up to the cue itself: `Conway notes.` parsed as a compound noun)
            while (token.dep_ in {"compound", "flat"} and token.head.i > token.i and token.head.i != cue.i
                   and not qmap.inside(token.head)):
                token = token.head
            # a pronoun only before the verb: in `said he was “horrified”` the
            # pronoun after the verb is the reported clause's subject
            if token.dep_ == "poss" or (token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "POS"):
                continue  # `called Trump's statements …`: a possessive after the verb is no subject
            if i > cue.i and token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ccomp" and token.head.head == cue:
                continue  # `said Mr. Trump was a candidate …`: the reported clause's subject
            if token.pos_ == "PROPN" or (i < cue.i and token.lower_ in PERSON_PRONOUNS | {"they"}):
                return noun_phrase(token)
            if i == cue.i - 1 and i > 0 and qmap.inside(doc[i - 1]) and token.is_alpha and token.text[:1].isupper():
                return doc[i:i + 1]  # `“…,” Will wrote.`, `…," From said.`: a surname the tagger read as a word
    return _person_before(doc, cue, qmap)


def _before_apposition(doc: Doc, cue: Token) -> int:
    """Index of the word right before the cue, or of the name an apposition
    set off by commas stands on (`“…,” Ramos, 58, told AFP`: Ramos)."""
    k = cue.i - 1
    if k > 1 and doc[k].text == "," and doc[k - 1].dep_ == "appos" and doc[k - 1].head.i < k - 1:
        return doc[k - 1].head.i
    return k


def _person_before(doc: Doc, cue: Token, qmap: QuoteMap) -> Span | None:
    """`Col. Steven H. Warren, a military spokesman in Baghdad, said, “…`,
    `Mr. Daniloff, now 81 and retired in Cambridge, Mass., said …`: the parse
    hung the name elsewhere and left the verb without a subject; the nearest
    person named before it in its sentence speaks, unless a clause with a
    subject of its own stands between them."""
    sent = cue.sent
    people = [e for e in doc.ents if e.label_ == "PERSON" and sent.start <= e.start and e.end <= cue.i]
    for ent in reversed(people):
        if any(qmap.inside(t) for t in ent):
            continue
        if ent.root.dep_ in {"compound", "poss"} and ent.root.head.i >= ent.end:
            continue  # `Bernie Sanders supporters`: a modifier, not a person named
        between = doc[ent.end:cue.i]
        # (a relative clause on the name is not another clause: `Stuart
        # Stevens, who served as …, called …`, `Mr. Slinker, whose latest
        # start-up, Paradata, uses big data …, said …`)
        if any(t.dep_ in {"nsubj", "nsubjpass"} and not qmap.inside(t) and not _in_relative_clause_of(t, ent)
               for t in between):
            return None
        return noun_phrase(ent.root)
    return None


def _in_relative_clause_of(token: Token, ent: Span) -> bool:
    """Whether ``token`` sits in a relative clause hanging on ``ent``."""
    for ancestor in token.ancestors:
        if ancestor.dep_ == "relcl" and ent.start <= ancestor.head.i < ent.end:
            return True
    return token.lower_ in {"who", "whom", "that", "which"} and token.head.dep_ == "relcl" and ent.start <= token.head.head.i < ent.end


#: words of a source phrase written after its verb (`asked the boy`, `mused Blaze co-host Stu Burguiere`)
_INVERTED_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}


def _inverted_subject(doc: Doc, cue: Token, qmap: QuoteMap) -> Span | None:
    """`“…,” said Oversight ranking Democrat Elijah Cummings`, `“…?” asked the
    boy`, `wrote a man calling himself …`: right after a quote the verb comes
    first and the parse often takes its subject for an object; the noun phrase
    right after the verb is the source. Only when nothing but punctuation
    stands between the quote and the verb."""
    k = cue.i - 1
    while k >= 0 and (doc[k].is_punct or doc[k].is_space) and not qmap.inside(doc[k]):
        k -= 1
    if k < 0 or not qmap.inside(doc[k]):
        return None
    start = end = cue.i + 1
    while end < len(doc) and end - start < 8 and not qmap.inside(doc[end]):
        token = doc[end]
        glued = token.text in {"-", "‐"} and not token.whitespace_ and end > start and not doc[end - 1].whitespace_
        participle = token.tag_ in {"VBG", "VBN"} and end + 1 < len(doc) and doc[end + 1].pos_ in {"NOUN", "PROPN"}
        if not (token.pos_ in _INVERTED_POS or token.is_space or glued or participle):
            break
        end += 1
    while end > start and doc[end - 1].pos_ not in {"NOUN", "PROPN"}:
        end -= 1
    if end <= start:
        return None
    return doc[start:end]


def _colon_cue(doc: Doc, tokens: range, qmap: QuoteMap) -> Token | None:
    """`Caddell continued: ⏎ "…"`: the reporting verb before the colon that
    introduces the quote, even in the previous paragraph and even a weak cue."""
    colon = _introducing_colon(doc, tokens.start)
    if colon is None:
        return None
    for i in range(colon.i - 1, colon.sent.start - 1, -1):
        if not qmap.inside(doc[i]) and is_cue_verb(doc[i]):
            return doc[i]
    return None


def _transcript(doc: Doc, quote: QuoteSpan) -> Attribution | None:
    """`"WALLACE: Let's start with…`: an interview transcript line names its speaker."""
    match = _TRANSCRIPT_SPEAKER.match(doc_text(doc), quote.start, quote.end)
    if match is None:
        return None
    source = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    return Attribution(quote.start, quote.end, True, None, None, None, source) if source is not None else None


def _named_colon(doc: Doc, quote: QuoteSpan, tokens: range) -> Attribution | None:
    """`he tweeted about ... Donald Trump: "Appreciate the congrats …"`: a
    person's name right before the colon that introduces the quote is its speaker."""
    colon = _introducing_colon(doc, tokens.start)
    if colon is None or colon.i == 0:
        return None
    before = doc[colon.i - 1]
    if before.ent_type_ != "PERSON" or before.ent_iob_ == "":
        return None
    start = before.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return Attribution(quote.start, quote.end, True, None, None, None, doc[start:before.i + 1])


def _introducing_colon(doc: Doc, first: int) -> Token | None:
    i = first - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 and doc[i].text == ":" else None


def _prepositional(doc: Doc, tokens: range, quote: QuoteSpan, qmap: QuoteMap, para: tuple[int, int]) -> Attribution | None:
    """`“…,” according to X` / `per X` in the quote's sentences (rule 2, last)."""
    first, last = doc[tokens.start], doc[tokens.stop - 1]
    for i in range(first.sent.start, last.sent.end):
        token = doc[i]
        if qmap.inside(token) or not _in(token, para):
            continue
        if token.lower_ == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
            return Attribution.with_cue(quote.start, quote.end, True, "according to", [token, doc[i + 1]], source_of_preposition(token))
        if token.lower_ == "per" and token.dep_ == "prep":
            source = source_of_preposition(token)
            if source is not None and source[-1].pos_ == "PROPN":
                return Attribution.with_cue(quote.start, quote.end, True, "per", [token], source)
    return None


def _continuation(doc: Doc, quote: QuoteSpan, previous: list[Attribution]) -> Attribution | None:
    """A cue-less quote opening a sentence continues the last speaker (rule 3)."""
    if not previous or len(doc_text(doc)[quote.start:quote.end].split()) < _MIN_CONTINUATION_WORDS:
        return None
    last = previous[-1]
    if last.source is None and last.inherited_from is None:
        return None
    before = doc_text(doc)[:quote.open_mark].rstrip(" \t\xa0\u202f\u2009")  # (a no-break space too)
    if before and before[-1] not in ".!?”\"\n:":
        return None  # mid-sentence: a scare quote or a title, not a new stretch of speech
    between = doc_text(doc)[last.end:quote.open_mark]
    if len(_NEWLINES.findall(between)) > 1 or len(between) > 400:
        return None
    origin = last.inherited_from or last
    return Attribution(quote.start, quote.end, True, None, None, None, None, inherited_from=origin)
