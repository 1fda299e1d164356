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

import numpy as np
from spacy.attrs import IDX, LEMMA, LENGTH, LOWER, POS, TAG
from spacy.tokens import Doc, Span, Token

from toolkit.quotes.cues import cue_lemma, is_cue_noun, is_cue_verb, load_cues
from toolkit.quotes.marks import QuoteSpan, paragraph_bounds
from toolkit.quotes.model import Attribution
from toolkit.quotes.speakers import (DOCUMENT_HEADS, PERSON_PRONOUNS, SUBJECT_DEPS, noun_phrase, source_of_preposition,
                                     source_of_verb)
from toolkit.context import doc_text

#: how many tokens past a quote a following sentence's cue may sit (`” ⏎ he said`)
_NEXT_SENTENCE_REACH = 4
#: ... or farther, up to this many tokens, when it is that sentence's first verb
_NEXT_SENTENCE_FIRST_VERB = 8
#: continuation quotes shorter than this are scare quotes, not speech
_MIN_CONTINUATION_WORDS = 3
#: quotes of at most this many words may be titles or terms (`_looks_like_title`)
_MAX_TITLE_WORDS = 6
#: how a cue verb can hang on a quote's word (`“…,” Putin said` as parataxis);
#: not amod, so `the so-called “peace plan”` has no cue
_CUE_CHILD_DEPS = {"parataxis", "ccomp", "advcl", "conj", "dep", "relcl", "ROOT"}
_TRANSCRIPT_SPEAKER = re.compile(r"([A-Z][A-Z.'\- ]{1,40}[A-Z]):\s")
#: how a title-like quote must attach to count as the cue's words (`called it “Operation Z”`)
_COMPLEMENT_DEPS = {"dobj", "attr", "oprd", "ccomp", "xcomp", "pobj", "conj", "appos"}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: a headline line `Name: …` (`Pence: Gennifer Flowers Won't Be at Debate`): the name and what follows
HEADLINE_COLON = re.compile(r"^([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}): ([^\n]+?)\s*$", re.MULTILINE)
#: at most this many tokens after the colon of a headline line
MAX_HEADLINE_WORDS = 25
_NEWLINES = re.compile(r"\n\s*")


class QuoteMap:
    """Which token lies inside which quote (marks included); and the parse's
    columns the cue pre-tests read (``columns``: ``POS``, ``TAG``, ``LOWER``,
    ``LEMMA`` of ``Doc.to_array``, read once per document instead of
    building a ``Token`` per word)."""

    def __init__(self, doc: Doc, quotes: Sequence[QuoteSpan]):
        self.doc = doc
        self.quotes = list(quotes)
        array = doc.to_array([IDX, POS, TAG, LOWER, LEMMA, LENGTH])
        self.columns = (array[:, 1], array[:, 2], array[:, 3], array[:, 4])
        starts = array[:, 0].tolist()
        #: token start offsets, in order (``Token.idx`` of every token)
        self.starts = starts
        self.owner = [-1] * len(doc)
        self.token_ranges: list[range] = []
        #: memo of :func:`_describes_participant` (cue, quote start, title) -> bool
        self.described: dict[tuple[int, int, bool], bool] = {}
        self._verb_sources: dict[int, Span | None] = {}
        #: memo of :func:`_source` (cue index -> source)
        self.cue_sources: dict[int, Span | None] = {}
        for k, q in enumerate(self.quotes):
            first = bisect.bisect_left(starts, q.open_mark)
            last = bisect.bisect_left(starts, q.outer_end)
            for i in range(first, last):
                self.owner[i] = k
            self.token_ranges.append(range(first, last))
        # prefix sums of the tokens' lengths, all and inside quotes (for
        # :meth:`quoted_share` without a Token per word)
        length = array[:, 5].astype(np.int64)
        quoted = np.where(np.array(self.owner) >= 0, length, 0)
        self._length_sums = np.concatenate(([0], np.cumsum(length))).tolist()
        self._quoted_sums = np.concatenate(([0], np.cumsum(quoted))).tolist()

    def inside(self, token: Token) -> bool:
        return self.owner[token.i] >= 0

    def source_of(self, verb: Token) -> Span | None:
        """:func:`~toolkit.quotes.speakers.source_of_verb`, once per verb and
        document (the direct and the reported-speech rules ask for the same
        verbs' sources several times)."""
        if verb.i not in self._verb_sources:
            self._verb_sources[verb.i] = source_of_verb(verb)
        return self._verb_sources[verb.i]

    def quoted_share(self, start: int, end: int) -> float:
        """Share of the characters of tokens ``start``..``end`` (their text,
        not the spaces after them) that are inside a quote."""
        inside = self._quoted_sums[end] - self._quoted_sums[start]
        return inside / max(1, self._length_sums[end] - self._length_sums[start])

    def outside_mask(self) -> np.ndarray:
        """True for the tokens outside every quote."""
        return np.array(self.owner) < 0


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
    # (in a title-case headline every quote is capitalised: that says nothing
    # of a title — except at the head of the line, where a quote is the
    # headline's subject or part of it, a name: `‘Time’ Just Announced Its
    # ‘Person Of The Year’`, `“Broad City” Star Asked Actors …`)
    line_start = paragraph_bounds(doc_text(doc), quote.open_mark)[0]
    headline = (title_case_line(doc_text(doc), quote.open_mark)
                and any(ch.isalpha() for ch in doc_text(doc)[line_start:quote.open_mark]))
    title = (_looks_like_title(doc_text(doc)[quote.start:quote.end]) and not headline
             and not _next_to_cue(doc, tokens, qmap))
    cue, rule = _linked_cue(doc, tokens, qmap, para, title), "linked"
    if cue is None:
        found = _noun_of_speech(doc, quote, tokens, qmap, para)
        if found is not None:
            found.rule = "linked"
            return found
    if cue is None:
        cue = _object_complement_cue(doc, tokens, qmap, para)
        if cue is not None and _source(doc, cue, qmap) is None and cue.dep_ == "acl" and cue.head.i < cue.i:
            # `Sanders’ campaign called AP’s report a “rush …”`: a verb with
            # an object and its complement is active, so the noun the parse
            # hangs it on as a participle is its subject
            found = Attribution.with_cue(quote.start, quote.end, True, cue_lemma(cue), [cue], noun_phrase(cue.head))
            found.rule = "linked"
            return found
    if cue is None:
        cue, rule = _colon_cue(doc, quote, qmap), "colon"
    if cue is None and not title:
        cue, rule = _nearby_cue(doc, quote, tokens, qmap, para), "nearby"
    if cue is None:
        found = _tag_read_as_noun(doc, tokens, quote, qmap)
        if found is not None:
            found.rule = "linked"
            return found
    if cue is None:
        # (after the nearby verb: `But Fiorina was far less bubbly: "…," she
        # recounted` is the tag's)
        found = _colon_subject(doc, quote, qmap)
        if found is not None:
            found.rule = "colon"
            return found
    if cue is not None:
        found = Attribution.with_cue(quote.start, quote.end, True, cue_lemma(cue), [cue], _source(doc, cue, qmap))
        found.rule = rule
        return found
    if headline:
        found = _headline_cue(doc, quote, tokens, qmap)
        if found is not None:
            found.rule = "linked"
            return found
    found = _prepositional(doc, tokens, quote, qmap, para)
    if found is not None:
        found.rule = "preposition"
        return found
    found = _transcript(doc, quote) or _named_colon(doc, quote, tokens) or _attribution_line(doc, quote)
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
    k = sent.start - 1
    while k > 0 and doc[k].is_space:
        k -= 1
    previous = doc[k].sent
    root = previous.root
    if qmap.inside(root) or any(qmap.inside(t) for t in previous):
        return None  # the sentence before holds a quote: rule 3 (continuation) decides
    if _in(previous[0], para):
        return root if is_cue_verb(root, strong_only=True) else None
    return _paragraph_introducer(doc, previous, tokens, qmap, para)


#: reporting verbs whose object is the one addressed (`He told reporters.`)
_ADDRESSING = {"tell", "ask", "inform", "brief"}


def _paragraph_introducer(doc: Doc, previous: Span, tokens: range, qmap: QuoteMap, para: tuple[int, int]) -> Token | None:
    """`Howard continued his scathing remarks. ⏎ “Eight years ago she was the
    presumed Democratic nominee, …”` (Western Journal, 2016): a quote that
    opens a paragraph with no cue of its own continues the speech the
    previous paragraph ends on — a sentence whose main verb is a strong
    reporting verb or governs a noun of speech (`continued his remarks`,
    `issued a statement`). Only when the quote starts its paragraph and the
    two paragraphs are adjacent."""
    text = doc_text(doc)
    if text[para[0]:doc[tokens.start].idx].strip(" \t\"“„«'‘") or len(_NEWLINES.findall(text[previous.end_char:para[0]])) > 1:
        return None
    root = previous.root
    last = next((t for t in reversed(previous) if not t.is_space), previous[-1])
    if root.pos_ not in {"VERB", "AUX"} or last.text not in {".", "!"}:
        return None
    above = paragraph_bounds(text, previous.start_char)
    if any(above[0] <= q.open_mark < above[1] for q in qmap.quotes):
        return None  # (`"…?" ⏎ Clinton asked. ⏎ "Nooooo!"`: the paragraph above quotes someone already)
    objects = [c for c in root.children if c.dep_ == "dobj"]
    if is_cue_verb(root, strong_only=True) and (cue_lemma(root) in _ADDRESSING or not any(
            not is_cue_noun(o) for o in objects)):
        # (`critics have noted the explosive campaign material … ⏎ “We Swiss …”`
        # reports a thing, not the words below)
        return root
    if any(c.dep_ == "dobj" and is_cue_noun(c) for c in root.children) and qmap.source_of(root) is not None:
        return root
    return None


#: at most this many words in a headline line (`Zoe Saldana Asked Men Everywhere To “Redefine Masculinity.”`)
_MAX_HEADLINE_WORDS = 30
#: ... with at least this many content words, every one capitalised
_MIN_HEADLINE_CONTENT_WORDS = 4
#: short words a title-case headline leaves in lower case (`Obama to frame election as …`)
_HEADLINE_SMALL_WORDS = {"with", "from", "into", "onto", "upon", "over", "about", "after", "under", "than", "that",
                         "this", "says", "said"}


def title_case_line(text: str, at: int) -> bool:
    """Whether the line holding offset ``at`` is a title-case headline: short,
    with every content word capitalised (the convention of US headlines and
    of the items of listicles: `Clinton Says Russians Hacked DNC, Calls
    Trump’s Putin Remarks ‘Troubling.’`, `Gina Rodriguez Questioned What It
    Means To Be “Latino Enough.”`). There capitalisation marks the line, not
    a title, and the tagger reads the verbs as names (`Questioned/NNP`)."""
    start, end = paragraph_bounds(text, at)
    words = _WORD.findall(text, start, end)
    if not words or len(words) > _MAX_HEADLINE_WORDS:
        return False
    content = [w for w in words if len(w) > 3 and w.lower() not in _HEADLINE_SMALL_WORDS]
    return len(content) >= _MIN_HEADLINE_CONTENT_WORDS and all(w[0].isupper() for w in content)


#: how far back in a headline the verb of its speaker may stand from the quote
_HEADLINE_VERB_REACH = 12
#: at most this many words name the headline's speaker before its verb
_MAX_HEADLINE_NAME_WORDS = 4


def _headline_cue(doc: Doc, quote: QuoteSpan, tokens: range, qmap: QuoteMap) -> Attribution | None:
    """`Clinton Says Russians Hacked DNC, Calls Trump’s Putin Remarks
    ‘Troubling.’`, `Carly Fiorina Endorses Ted Cruz: I Am ‘Horrified’ By
    Donald Trump`, `Gina Rodriguez Questioned What It Means To Be “Latino
    Enough.”` (HuffPost, 2015-16): in a title-case headline the tagger reads
    the verb as a name and the parse links nothing, but the headline's
    grammar is the plain one of a report — a name and its verb of speech,
    then what was said. So a capitalised word before the quote, in its line,
    that is a cue verb by its lower-case form (an inflection of a lexicon
    lemma), with a person's or an organisation's name right before it (or a
    subject in the parse, `Donald Trump Is Now Calling Obama The ‘Most
    Valuable Player’`), is the quote's cue and the name its source."""
    text = doc_text(doc)
    line_start = paragraph_bounds(text, quote.open_mark)[0]
    lexicon = load_cues()
    for i in range(tokens.start - 1, max(-1, tokens.start - 1 - _HEADLINE_VERB_REACH), -1):
        word = doc[i]
        if word.idx < line_start:
            return None
        if qmap.inside(word) or not word.text[:1].isupper() or not word.is_alpha:
            continue
        lemma = next((c for c in _inflection_bases(word.lower_) if lexicon.is_cue_lemma(c)), None)
        if lemma is None:
            continue
        source = _headline_name(doc, word, line_start, qmap)
        if source is None and word.pos_ in {"VERB", "AUX"}:
            parsed = qmap.source_of(word)
            if parsed is not None and parsed.start_char >= line_start and parsed.end <= word.i and not any(
                    qmap.inside(t) for t in parsed):
                source = parsed
        if source is not None:
            return Attribution.with_cue(quote.start, quote.end, True, lemma, [word], source)
    return None


def _inflection_bases(word: str) -> list[str]:
    """Lemmas an English verb form can have (`says` say, `questioned`
    question, `praised` praise, `denies`/`denied` deny, `calling` call,
    `slammed` slam); the lexicon decides which is a verb."""
    out = [_LEMMA_FORMS.get(word, word)]
    if word.endswith("s"):
        out += [word[:-1]]
    if word.endswith("es") or word.endswith("ed"):
        out += [word[:-2], word[:-1]]
    if word.endswith("ied") or word.endswith("ies"):
        out += [word[:-3] + "y"]
    if word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e"]
    if len(word) > 4 and word[-3] == word[-4] and (word.endswith("ed") or word.endswith("ing")):
        out += [word[:-3] if word.endswith("ed") else word[:-4]]
    return out


#: irregular forms of verbs of speech (`Tells`, `Told`, `Says`, `Said`)
_LEMMA_FORMS = {"said": "say", "says": "say", "told": "tell", "spoke": "speak", "wrote": "write", "thought": "think",
                "felt": "feel", "swore": "swear", "gave": "give"}


def _headline_name(doc: Doc, verb: Token, line_start: int, qmap: QuoteMap) -> Span | None:
    """The proper nouns right before ``verb`` in its line (at most four), when
    one of them is a person or an organisation the parse names, or when they
    open the line: the headline's subject (the tagger often names nothing in
    title case: `Carly Fiorina Endorses Ted Cruz: …`)."""
    first = verb.i
    while (first > 0 and verb.i - first < _MAX_HEADLINE_NAME_WORDS and doc[first - 1].idx >= line_start
           and doc[first - 1].pos_ == "PROPN" and not qmap.inside(doc[first - 1])):
        first -= 1
    name = doc[first:verb.i]
    if not len(name):
        return None
    opens_line = not doc_text(doc)[line_start:name.start_char].strip()
    if not (opens_line or any(t.ent_type_ in {"PERSON", "ORG"} for t in name)):
        return None
    return name


def _noun_of_speech(doc: Doc, quote: QuoteSpan, tokens: range, qmap: QuoteMap, para: tuple[int, int]) -> Attribution | None:
    """`fanned controversy earlier this year over her remark that “there’s a
    special place in hell for women who don’t help each other.”` (Breitbart,
    2016), `his warning that “…”`: a quote that is the that-clause of a noun
    of speech is what the noun reports (the appositive clause gives the
    content of `remark`, `warning`, `claim`: Quirk et al. 1985, 17.26), so it
    is direct speech with the noun as its cue and the noun's source (its
    possessor, its `by`/`from` object, or the subject of the verb it is the
    object of, as for a reported clause: :func:`toolkit.quotes.indirect`)."""
    for i in tokens:
        token = doc[i]
        noun = token.head
        if noun.i in tokens or token.dep_ not in {"acl", "ccomp"} or qmap.inside(noun) or not _in(noun, para):
            continue
        if not is_cue_noun(noun) or not any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
            continue
        source = noun_source(noun)
        if source is None or any(qmap.inside(t) for t in source):
            return None
        return Attribution.with_cue(quote.start, quote.end, True, noun.lemma_.lower(), [noun], source)
    return None


def noun_source(noun: Token) -> Span | None:
    """The source of a noun of speech (`Trump's claim`, `the statement by the
    ministry`, `made the claim that`): its possessor, its `by`/`from` object,
    or the subject of the verb it is the object of."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            return noun_phrase(child)
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return noun_phrase(pobj)
    if noun.dep_ == "dobj":
        subject = next((c for c in noun.head.children if c.dep_ in SUBJECT_DEPS - {"nsubjpass"}), None)
        if subject is not None and subject.pos_ in {"PROPN", "NOUN", "PRON"}:
            return noun_phrase(subject)
    return None



#: complex-transitive verbs of naming (Quirk et al. 1985, 16.43): `call X “Y”`
_OBJECT_COMPLEMENT_CUES = {"call", "brand", "dub", "label", "term"}


def _object_complement_cue(doc: Doc, tokens: range, qmap: QuoteMap, para: tuple[int, int]) -> Token | None:
    """`Beruff, a Scott ally, called Florida’s standards “strong.”`,
    `Sanders’ campaign called AP’s report a “rush to judgment,”` (Politico,
    HuffPost 2016): a quote right after the object of a verb of naming is the
    object's complement — the name the caller gave, so the caller's words —
    even when the parse hangs the quote elsewhere (`strong` on the sentence's
    first word). A determiner of the quoted noun (`a “rush …”`) may stand
    between."""
    k = tokens.start - 1
    while k >= 0 and doc[k].pos_ == "DET" and doc[k].head.i in tokens:
        k -= 1
    if k < 0 or qmap.inside(doc[k]) or not _in(doc[k], para):
        return None
    obj = doc[k]
    verb = obj.head
    if obj.dep_ not in {"dobj", "oprd"} or verb.i > obj.i or qmap.inside(verb) or not _in(verb, para):
        return None
    if cue_lemma(verb) not in _OBJECT_COMPLEMENT_CUES or not is_cue_verb(verb):
        return None
    return verb


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
    text = doc_text(doc)
    first = doc[tokens.start]
    start = max(first.sent.start_char, paragraph_bounds(text, first.idx)[0])
    if any(ch.isalnum() for ch in text[start:first.idx]):
        # a tag after the quote makes an utterance of it only when the quote
        # opens its sentence (`"Absolutely," he said`); inside one it is a
        # name in apposition (`about his upcoming comedy project, “Latin
        # History for Dummies,” the actor discussed …`)
        return False
    last = doc[tokens.stop - 1]
    if not re.search(r"[,?!.…—–-]\W*$", text[first.idx:last.idx + len(last)]) and not (
            tokens.stop < len(doc) and doc[tokens.stop].text in {",", "—", "–"}):
        # ... and is set off from the tag by punctuation (`"Oh, my God," a
        # young woman exclaimed`); a title running straight into a noun
        # modifies it (`“Orange is the New Black” star Selenis Leyva opened up`)
        return False
    k = _past_punctuation(doc, tokens, qmap)
    for i in range(k, min(k + 5, len(doc))):
        if qmap.inside(doc[i]):
            return False
        if is_cue_verb(doc[i]):
            return True
        if doc[i].pos_ not in {"DET", "ADJ", "NOUN", "PROPN", "PRON"}:
            return _subject_then_cue(doc, k, qmap) is not None
    return False


def _past_punctuation(doc: Doc, tokens: range, qmap: QuoteMap) -> int:
    """The first token after the quote ``tokens`` and the punctuation right after it."""
    k = tokens.stop
    while k < len(doc) and doc[k].is_punct and not qmap.inside(doc[k]):
        k += 1
    return k


#: how many tokens a tag's subject may run between a quote and its verb when
#: it is a name with an apposition (`"Perpetual motion!" Rep. Glenn Thompson,
#: R-Pa., said of …`)
_TAG_SUBJECT_REACH = 16


def _subject_then_cue(doc: Doc, k: int, qmap: QuoteMap) -> Token | None:
    """`"Perpetual motion!" Rep. Glenn Thompson, R-Pa., said of the swirl …`:
    the words from ``k`` up to a reporting verb are all its subject (with an
    apposition or a description set off by commas, which the five-word test
    of :func:`_next_to_cue` stops at): the quote is that subject's utterance.
    The parse decides what the subject covers, so a clause between the quote
    and the verb (`"Morning Joe" host Joe Scarborough, who …, said`) is no
    subject of it unless the parse hangs it there as a relative clause.
    Returns the verb, or None."""
    for i in range(k, min(k + _TAG_SUBJECT_REACH, len(doc))):
        t = doc[i]
        if qmap.inside(t):
            return None
        if is_cue_verb(t):
            if any(c.dep_ in {"ccomp", "xcomp"} and c.i > t.i for c in t.children):
                # (`“…” Finland’s prime minister, Sanna Marin, said she hoped
                # …`: the verb reports its own clause, not the quote)
                return None
            covered = {w.i for c in t.children if c.dep_ in SUBJECT_DEPS and c.i < t.i for w in c.subtree}
            return t if i > k and all(j in covered for j in range(k, i)) else None
        if t.pos_ in {"VERB", "AUX"}:
            return None
    return None


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
                if _describes_participant(doc, ancestor, tokens, qmap, title):
                    break
                found.append(_outer_reporter(ancestor, qmap, para) if ancestor.i < tokens.start else ancestor)
                if not token.is_punct:
                    by_words.add(found[-1].i)
                break
            if ancestor.dep_ in {"relcl"} or _own_adverbial_clause(ancestor):
                break
    if not found and not title:
        # (a title-like quote is a complement or nothing: in `“Orange is the
        # New Black” star Dascha Polanco opened up` the parse hangs the verb
        # on the title's `is`)
        for i in tokens:
            for child in doc[i].children:
                if (child.dep_ in _CUE_CHILD_DEPS and child.i not in inside and not qmap.inside(child)
                        and _in(child, para) and is_cue_verb(child)
                        and not _describes_participant(doc, child, tokens, qmap, title)):
                    return child
    if not found:
        return None
    # of several (the parse ran two sentences together: `Kerry said … ⏎ ''What we
    # gave up …,'' he told Fox News`), the cue nearest the quote; at equal
    # distance the one a word of the quote hangs on, not only its opening mark
    # (`…, Mr. Lou said. ''So it's very hard …,'' he said.`)
    return min(found, key=lambda t: (min(abs(t.i - tokens.start), abs(t.i - (tokens.stop - 1))), t.i not in by_words))


#: dependents of a reporting verb that name who speaks (the source phrase,
#: with its appositions and relative clauses)
_SPEAKER_DEPS = {"nsubj"}
#: how a reported clause hangs on its verb of speech (the projected clause)
_PROJECTED_DEPS = {"ccomp", "parataxis"}
#: how a quote inside a noun phrase modifies its head (`the “Avatar” star`)
_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "punct"}


def _describes_participant(doc: Doc, cue: Token, tokens: range, qmap: QuoteMap, title: bool) -> bool:
    """Whether the quote is part of how the text names a participant of the
    speech event ``cue``, not what was said: inside the speaker's own noun
    phrase (`the “Avatar” star posted a lengthy message`, `“Broad City” Star
    Asked Actors …`, `said former Rep. George Miller (D-Calif.), one of the
    original “big four” negotiators`, `Sam Solovey, a contestant on Trump's
    reality TV show, "The Apprentice," … said`), or a title that is the one
    addressed (`Fiorina told "Fox and Friends"`). A noun phrase that
    identifies a participant describes them in the writer's (or a title's)
    words; what the speaker said is the verb's complement, so a reporting
    verb never takes its subject's or addressee's words as its content
    (Halliday's projection: the projected clause is distinct from the Sayer
    and the Receiver)."""
    key = (cue.i, tokens.start, title)
    if key not in qmap.described:
        qmap.described[key] = _describes_participant_uncached(doc, cue, tokens, qmap, title)
    return qmap.described[key]


def _describes_participant_uncached(doc: Doc, cue: Token, tokens: range, qmap: QuoteMap, title: bool) -> bool:
    words = [i for i in tokens if not (doc[i].is_punct or doc[i].is_space)]
    sent = cue.sent
    if not words or words[-1] < sent.start or words[0] >= sent.end:
        return False  # (participants are named in the cue's own sentence)
    first = words[0]
    if any(doc[i].head == cue and doc[i].dep_ in _PROJECTED_DEPS for i in words):
        # a clause of the quote that the parse makes the verb's complement
        # is what was said, whatever else of the quote the parse hangs on the
        # speaker's name (`“They were well-spoken, educated and well-equipped,”
        # Kryha, who led …, said` has `spoken` as a modifier of `Kryha`)
        return False
    # (not a passive subject: `The phrase ''tax reform'' was uttered once, by
    # Mr. Cruz` — the subject of a passive verb of saying is what was said)
    participants = [c for c in cue.children if c.dep_ in _SPEAKER_DEPS and not qmap.inside(c)]
    source = _source(doc, cue, qmap)
    if source is not None and not any(qmap.inside(t) for t in source):
        participants.append(source.root)
    if title and cue_lemma(cue) in _ADDRESSING:
        participants += [c for c in cue.children if c.dep_ in {"dobj", "dative"}]
    for head in participants:
        if head.i in tokens:
            # the quote itself is the verb's object (a title told, `told "Fox and Friends"`)
            if head.dep_ in {"dobj", "dative"}:
                return True
            continue
        if head.head != cue or head.is_ancestor(cue):
            # a source the parse does not hang on the verb (`Said Comey, "…"`,
            # `a message on Twitter reading “…”`): only its own words
            if source is not None and source.root == head and source.start <= first < source.end:
                return True
            continue
        if head.left_edge.i <= words[-1] and words[0] <= head.right_edge.i:
            # (a quote the parse hangs straight on the name other than as a
            # modifier is the words said, misattached: `Said Comey, "The
            # thought that …"`; `the “Avatar” star` is a modifier)
            roots = [doc[i] for i in words if doc[i].head.i not in tokens]
            if any(t.head == head and t.dep_ not in _MODIFIER_DEPS for t in roots):
                continue
            return True
    return False


def _outer_reporter(cue: Token, qmap: QuoteMap, para: tuple[int, int]) -> Token:
    """`He said G7 leaders agree that it has led to long-term changes “which
    will mark …”` (Guardian 2022): a cue inside the reported clause of
    another reporting verb is the outer speaker's paraphrase; the quoted
    words are the outer speaker's. (Only for a cue before the quote: a tag
    after it, `“…,” Putin said, emphasizing …, the 72-year-old leader said`,
    is the quote's own.)"""
    head = cue.head
    if cue.dep_ == "ccomp" and head is not cue and _in(head, para) and not qmap.inside(head) and is_cue_verb(head, strong_only=True):
        # (the outer verb must have a speaker of its own: in `When asked why,
        # Sembler responded in a text message: "…"` the quote is Sembler's;
        # `She … said that …` and `…, cautioning that …` borrow one)
        if qmap.source_of(head) is not None:
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
    colon = _introducing_colon(doc, quote)
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
    k = _past_punctuation(doc, tokens, qmap)
    tag = _subject_then_cue(doc, k, qmap) if k >= follow else None
    if tag is not None:
        # `"Perpetual motion!" Rep. Glenn Thompson, R-Pa., said of …`: the
        # next sentence's verb past the reach above, when only its subject
        # stands between it and the quote
        window.append(tag.i)
    candidates = [doc[i] for i in sorted(set(window))
                  if _in(doc[i], para) and not qmap.inside(doc[i]) and is_cue_verb(doc[i], strong_only=True)]
    # the nearest one whose participants the quote does not describe (checked
    # in order of distance: the check looks for the source, so only as needed)
    candidates.sort(key=lambda t: min(abs(t.i - tokens.start), abs(t.i - (tokens.stop - 1))))
    return next((t for t in candidates if not _describes_participant(doc, t, tokens, qmap, False)), None)


#: how far after a quote the verb of its tag may stand (`“…,” a voice-over in the ad states`)
_TAG_NOUN_REACH = 8
_NOUN_PHRASE_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP", "PUNCT"}


def _tag_read_as_noun(doc: Doc, tokens: range, quote: QuoteSpan, qmap: QuoteMap) -> Attribution | None:
    """`"Today, the kingdom is one of the leading nations …," the Saudis state
    in the white paper`, `“They know Hillary’s the only one …,” a voice-over
    in the ad states.`: the tagger reads the verb of the tag as a noun (`state`,
    `states`, `notes`, `reports`), leaving the tag without a verb. A tag is a
    clause — a noun phrase and its verb of speech — so a word of the lexicon
    that ends the noun phrase after the quote, agrees with it as a verb (the
    `-s` form after a singular head, the base form after a plural one) and is
    followed by punctuation or a preposition is that verb; the phrase before
    it is the source."""
    if tokens.stop >= len(doc) or not re.search(r"[,?!]\W*$", doc_text(doc)[quote.start:quote.outer_end]):
        return None  # (the quote ends in the comma, `?` or `!` of a tag)
    start = tokens.stop
    while start < len(doc) and (doc[start].is_punct or doc[start].is_space) and not qmap.inside(doc[start]):
        start += 1
    lexicon = load_cues()
    for i in range(start + 1, min(start + _TAG_NOUN_REACH, len(doc))):
        token = doc[i]
        if qmap.inside(token) or token.pos_ not in _NOUN_PHRASE_POS or token.is_space:
            return None
        if token.pos_ != "NOUN" or not token.is_lower or lexicon.group_of.get(token.lemma_.lower()) is None:
            continue
        if token.lemma_.lower() in lexicon.weak:
            return None
        head, after = doc[i - 1], doc[i + 1] if i + 1 < len(doc) else None
        plural_head = head.tag_ in {"NNS", "NNPS"}
        agrees = (token.tag_ == "NNS" and token.lower_.endswith("s") and not plural_head
                  and head.pos_ in {"NOUN", "PROPN"}) or (token.tag_ == "NN" and plural_head)
        if not agrees or (after is not None and not (after.is_punct or after.pos_ == "ADP")):
            return None
        source = doc[start:i]
        if not len(source) or not any(t.pos_ in {"NOUN", "PROPN"} for t in source):
            return None
        return Attribution.with_cue(quote.start, quote.end, True, token.lemma_.lower(), [token], source)
    return None


def _source(doc: Doc, cue: Token, qmap: QuoteMap) -> Span | None:
    """The cue's source; when the parse gives none or one inside a quote
    (`“My reaction, that was outrageous,” said Axelrod` parsed with the quote's
    subject), the name right after or right before the cue verb. (Once per
    cue and document: :attr:`QuoteMap.cue_sources`.)"""
    if cue.i not in qmap.cue_sources:
        qmap.cue_sources[cue.i] = _within_its_line(_source_uncached(doc, cue, qmap))
    return qmap.cue_sources[cue.i]


def _within_its_line(source: Span | None) -> Span | None:
    """A name never runs across a line break: the parse joins a listicle's
    number to the name below it (`13 ⏎ Zoe Saldana Asked …`, `13` a
    modifier of `Zoe`), so the phrase is cut to the line of its head."""
    if source is None or "\n" not in source.text:
        return source
    start, end = paragraph_bounds(doc_text(source.doc), source.root.idx)
    kept = [t for t in source if start <= t.idx < end and not t.is_space]
    return source.doc[kept[0].i:kept[-1].i + 1] if kept else source


def _source_uncached(doc: Doc, cue: Token, qmap: QuoteMap) -> Span | None:
    source = qmap.source_of(cue)
    if source is not None and any(qmap.inside(t) for t in source):
        # `“My dear Michael Cohen,” the conference speaker says`: the parse
        # gives the verb two subjects, one inside the quote
        outside = [c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"} and not qmap.inside(c)
                   and source.end <= c.i < cue.i and _right_after_quote(doc, c.left_edge.i, qmap)]
        if outside:
            source = noun_phrase(outside[-1])
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
            if i < cue.i and token.dep_ == "nsubj" and token.head == cue and token.lower_ in _FUSED_QUANTIFIERS:
                return doc[i:i + 1]
    return _person_before(doc, cue, qmap) or _main_clause_source(doc, cue, qmap)


#: quantifiers that stand for a group of people as a whole noun phrase (a
#: fused determiner-head, Huddleston & Pullum 2002, 5.9): `Several said they
#: would rather federal officials dole out funding … in “block grants”` —
#: the tagger reads `Several` as an adjective, so the parse's subject test
#: turns it down
_FUSED_QUANTIFIERS = {"several", "many", "some", "others", "most", "few", "both", "all", "each", "none"}


def _main_clause_source(doc: Doc, cue: Token, qmap: QuoteMap) -> Span | None:
    """A participle of speech shares the subject of the clause it modifies
    (`she stated, “…,” adding, “I think maybe 1,500 people were killed …”`;
    `Maher stated of the email scandal that the report “wasn’t good.” Adding,
    “Now, like with all Clinton scandals, …”`). The parse hangs it on a verb
    inside the quote before it, or leaves it the root of a sentence of its
    own; either way the writer's participle modifies the writer's clause, so
    its source is that of the first verb outside quotes above it, or, for a
    sentence that is the participle alone, of the main verb of the sentence
    right before (when that verb is a reporting verb)."""
    if cue.tag_ != "VBG":
        return None
    if qmap.inside(cue.head):
        for ancestor in cue.ancestors:
            if not qmap.inside(ancestor) and ancestor.pos_ in {"VERB", "AUX"}:
                source = qmap.source_of(ancestor)
                return source if source is not None and not any(qmap.inside(t) for t in source) else None
    elif cue.dep_ != "ROOT":
        return None
    sent = cue.sent
    if any(not (t.is_punct or t.is_space) for t in doc[sent.start:cue.i]) or sent.start == 0:
        return None
    k = sent.start - 1
    while k > 0 and doc[k].is_space:
        k -= 1
    root = doc[k].sent.root
    if qmap.inside(root) or not is_cue_verb(root):
        return None
    source = qmap.source_of(root)
    return source if source is not None and not any(qmap.inside(t) for t in source) else None


def _right_after_quote(doc: Doc, i: int, qmap: QuoteMap) -> bool:
    """Whether only punctuation stands between a quote and token ``i``."""
    k = i - 1
    while k >= 0 and (doc[k].is_punct or doc[k].is_space) and not qmap.inside(doc[k]):
        k -= 1
    return k >= 0 and qmap.inside(doc[k])


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
        # (a possessive inside the phrase: `opined Cleveland's Plain Dealer`,
        # `exhorted Clinton's introducer`: the phrase is the possessed noun's)
        possessive = token.tag_ == "POS" and end > start
        if not (token.pos_ in _INVERTED_POS or token.is_space or glued or participle or possessive):
            break
        end += 1
    while end > start and doc[end - 1].pos_ not in {"NOUN", "PROPN"}:
        end -= 1
    if end <= start:
        return None
    return doc[start:end]


def _colon_cue(doc: Doc, quote: QuoteSpan, qmap: QuoteMap) -> Token | None:
    """`Caddell continued: ⏎ "…"`: the reporting verb before the colon that
    introduces the quote, even in the previous paragraph and even a weak cue."""
    colon = _introducing_colon(doc, quote)
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
    colon = _introducing_colon(doc, quote)
    line = (_line_speaker(doc, quote, colon) if colon is not None else None) or _headline_colon_source(doc, quote)
    if line is not None:
        return Attribution(quote.start, quote.end, True, None, None, None, line)
    if colon is None or colon.i == 0 or colon.text != ":":
        return None
    before = doc[colon.i - 1]
    if before.ent_type_ != "PERSON" or before.ent_iob_ == "":
        return None
    start = before.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return Attribution(quote.start, quote.end, True, None, None, None, doc[start:before.i + 1])


def is_headline_source(name: Span) -> bool:
    """The name of a headline line `Name: …`: proper nouns only, a person, an
    organisation or no entity type, not all capitals (`UPDATE:`, `WATCH:`)."""
    return not name.text.isupper() and all(t.pos_ == "PROPN" and t.ent_type_ in {"PERSON", "ORG", ""} for t in name)


def _headline_colon_source(doc: Doc, quote: QuoteSpan) -> Span | None:
    """`Darrell Scott: ‘You Find Me an Aberration Because I’m Black …’`,
    `Bill Clinton: Hillary ‘Better Qualified to Be President …’`: a quote
    after the colon of a headline line `Name: …` is the name's words — the
    headline convention whose unquoted form
    :func:`toolkit.quotes.indirect._headline_colons` reads as reported speech
    (it leaves a line that is mostly one quote to this rule). The small
    model often tags such a name as an organisation or nothing, so the
    entity type of a person is not required (:func:`is_headline_source`)."""
    text = doc_text(doc)
    start, end = paragraph_bounds(text, quote.open_mark)
    match = HEADLINE_COLON.match(text, start, end)
    if match is None or quote.open_mark < match.start(2):
        return None
    content = doc.char_span(match.start(2), match.end(2), alignment_mode="expand")
    if content is None or len(content) > MAX_HEADLINE_WORDS:
        return None
    name = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    return name if name is not None and is_headline_source(name) else None


#: a paragraph that credits the quote above it: a dash and a name (`- Bernie
#: Sanders.`, `— Hillary Clinton`), at most this many words
_ATTRIBUTION_LINE = re.compile(r"[ \t]*[-–—―][ \t]*([^\n]{2,80}?)[ \t.]*(?:\n|$)")
_MAX_ATTRIBUTION_LINE_WORDS = 8


def _attribution_line(doc: Doc, quote: QuoteSpan) -> Attribution | None:
    """`"[Americans are] worried about the future of their kids, …" ⏎ - Bernie
    Sanders.` (the Washington Post's fact checks): a quote that is a paragraph
    of its own, followed by a paragraph of a dash and a name, is that name's
    — the typographic convention of an epigraph or a pull quote's credit
    line. The name must be a person or an organisation the parse names
    (entities or proper nouns only)."""
    text = doc_text(doc)
    para = paragraph_bounds(text, quote.open_mark)
    if text[para[0]:quote.open_mark].strip() or text[quote.outer_end:para[1]].strip(" \t.,"):
        return None
    after = para[1]
    while after < len(text) and text[after].isspace():
        after += 1
    match = _ATTRIBUTION_LINE.match(text, after)
    if match is None or len(match.group(1).split()) > _MAX_ATTRIBUTION_LINE_WORDS:
        return None
    span = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
    if span is None or not len(span) or not any(t.ent_type_ in {"PERSON", "ORG"} or t.pos_ == "PROPN" for t in span):
        return None
    if any(t.pos_ not in {"PROPN", "PUNCT", "DET", "ADP"} and t.ent_type_ not in {"PERSON", "ORG"} for t in span):
        return None  # (a sentence, not a name: `- and then the vote came`)
    if not span[0].text[:1].isupper():
        return None
    return Attribution(quote.start, quote.end, True, None, None, None, span)


def _introducing_colon(doc: Doc, quote: QuoteSpan) -> Token | None:
    """The colon right before the quote's opening mark (spaces and line breaks
    between allowed), or None. Read on characters, not tokens: the tokenizer
    glues a mark to the colon before it (`Rep. Trey Gowdy (R-S.C.):"I have`
    is ``S.C.):"I``, `Clinton:"We` one token), so the token returned is the one
    holding the colon, which may hold more than the colon."""
    span = _mark_before_quote(doc, quote, ":")
    return span[0] if span is not None and len(span) else None


#: at most this many words before the colon of a speaker line (`Former
#: secretary of state Hillary Rodham Clinton:"We learned …`)
_MAX_LINE_SPEAKER_WORDS = 12
#: ... of which at most this many describe the person before the name
_MAX_LINE_DESCRIPTION_WORDS = 5


def _line_speaker(doc: Doc, quote: QuoteSpan, colon: Token) -> Span | None:
    """`Rep. Trey Gowdy (R-S.C.):"I have not heard …` ⏎ `Former secretary of
    state Hillary Rodham Clinton:"We learned …`: a transcript line — a
    paragraph that opens with a person's name (and description), a colon and
    the quote, with no verb before the colon — names its speaker. Read on
    characters (the mark is glued to the colon and the next word); the source
    is the line's tokens before the colon, cut before a bracket (the party and
    state of a member of Congress)."""
    text = doc_text(doc)
    at = text.rfind(":", 0, quote.open_mark)
    start = paragraph_bounds(text, at)[0]
    words = text[start:at].split()
    if not words or len(words) > _MAX_LINE_SPEAKER_WORDS or text[start:at].rstrip()[-1:] in {".", "!", "?"}:
        return None
    span = doc.char_span(start, at, alignment_mode="contract")
    if span is None or not len(span):
        return None
    cut = next((t.i for t in span if t.text in {"(", "[", ","}), span.end)
    span = doc[span.start:cut]
    if not len(span) or any(t.pos_ in {"VERB", "AUX"} or t.tag_.startswith("VB") for t in span):
        return None
    last = span[-1]
    if last.ent_type_ != "PERSON":
        return None
    name_start = last.i
    while name_start > span.start and doc[name_start].ent_iob_ == "I":
        name_start -= 1
    if len(doc[span.start:name_start]) > _MAX_LINE_DESCRIPTION_WORDS:
        return None  # a headline naming someone at its end (`Donald Trump Praises … Editor Matthew Boyle: ‘…’`)
    return span


#: subjects that speak through a colon without a verb of speech (`Donald
#: Trump issued the following statement:`, `A footnote in the report makes
#: that clear:`): people and organisations by entity type or pronoun, and
#: documents, posts and ads
_COLON_SPEAKER_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
_COLON_SPEAKER_PRONOUNS = {"he", "she", "they", "we", "i"}
_COLON_DOCUMENTS = DOCUMENT_HEADS | {
    "footnote", "ad", "advertisement", "video", "email", "e-mail", "website", "site", "narrator", "voice",
    "voiceover", "voice-over", "caption", "transcript", "memo", "text", "message", "campaign", "spokesman",
    "spokeswoman", "spokesperson", "official", "aide", "adviser", "advisor", "lawyer", "attorney",
}


def _mark_before_quote(doc: Doc, quote: QuoteSpan, mark: str):
    """The tokens holding `mark` when it is the last non-space character before
    the quote's opening mark, else None. On characters, since the tokenizer may
    glue the mark to the quote mark or the word before it."""
    text = doc_text(doc)
    i = quote.open_mark - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0 or text[i] != mark:
        return None
    return doc.char_span(i, i + 1, alignment_mode="expand")


def _introducing_comma(doc: Doc, quote: QuoteSpan) -> Token | None:
    """The comma right before the quote's opening mark when a noun of speech
    stands right before it (`issued a statement, “…`), else None."""
    span = _mark_before_quote(doc, quote, ",")
    if span is None or len(span) != 1 or span[0].i == 0 or not is_cue_noun(doc[span[0].i - 1]):
        return None
    return span[0]


def _colon_subject(doc: Doc, quote: QuoteSpan, qmap: QuoteMap) -> Attribution | None:
    """A quote introduced by a colon that ends a sentence with no verb of
    speech (`Donald Trump issued the following statement: ⏎ "…"`, `A
    footnote in the report makes that clear: "These assessments …"`, `Obama
    had a message for Congress:`): the subject of that sentence's verb speaks
    when it is a person, an organisation or a document. The cue is the noun
    of speech the sentence holds (`statement`), else the verb. A comma right
    after a noun of speech introduces a quote too (`Immediately after the
    attacks, Trump issued a statement, “Last night, our nation was attacked
    …”`)."""
    colon = _introducing_colon(doc, quote) or _introducing_comma(doc, quote)
    if colon is None or colon.text not in {":", ","}:
        return None
    sent = colon.sent
    before = [t for t in doc[sent.start:colon.i] if not qmap.inside(t)]
    if len(before) < 2 or any(qmap.inside(t) for t in doc[sent.start:colon.i]):
        return None
    # the verb the colon hangs on, or the first verb above it (`issued the
    # following statement:` hangs the colon on `statement`, `makes that
    # clear: "These assessments do not apply …"` on the quote's verb)
    verb = next((t for t in [colon.head, *colon.head.ancestors]
                 if t.pos_ in {"VERB", "AUX"} and t.i < colon.i and not qmap.inside(t)), None)
    if verb is None:
        # the parse hangs the words before the colon on the quote's verb (`the
        # Illinois Board of Elections was conclusive in its findings: “Further
        # discussion … is unnecessary.”`): the verb heading those words
        tops = [t for t in doc[sent.start:colon.i]
                if t.pos_ in {"VERB", "AUX"} and not (sent.start <= t.head.i < colon.i and t.head is not t)]
        verb = tops[-1] if tops else sent.root
    if not sent.start <= verb.i < colon.i or verb.pos_ not in {"VERB", "AUX"} or qmap.inside(verb):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    source = qmap.source_of(verb)
    if source is None or any(qmap.inside(t) for t in source) or source.end > colon.i:
        return None
    head = source.root
    if not (head.ent_type_ in _COLON_SPEAKER_ENTS or head.lower_ in _COLON_SPEAKER_PRONOUNS
            or head.lemma_.lower() in _COLON_DOCUMENTS or is_cue_noun(head)):
        return None
    noun = next((t for t in doc[verb.i + 1:colon.i] if is_cue_noun(t)), None)
    cue = noun or verb
    lemma = noun.lemma_.lower() if noun is not None else cue_lemma(verb)
    return Attribution.with_cue(quote.start, quote.end, True, lemma, [cue], source)


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


def _last_turn(doc: Doc, previous: list[Attribution]) -> Attribution:
    """The quote whose speaker a continuation goes on with: the last one,
    passing over short quotes nothing attributes (`“…,” Trump told NBC’s
    “Today” on Monday. “I could hardly hear …”`; `one of the original “big
    four” negotiators. “They said, …”`): a title or a term named in the tag
    or the speaker's description is not a turn of speech and does not end
    the speaker's turn."""
    for a in reversed(previous):
        unattributed = a.source is None and a.inherited_from is None and a.cue is None
        if not (unattributed and len(doc_text(doc)[a.start:a.end].split()) <= _MAX_TITLE_WORDS):
            return a
    return previous[-1]


def _continuation(doc: Doc, quote: QuoteSpan, previous: list[Attribution]) -> Attribution | None:
    """A cue-less quote opening a sentence continues the last speaker (rule 3)."""
    if not previous or len(doc_text(doc)[quote.start:quote.end].split()) < _MIN_CONTINUATION_WORDS:
        return None
    last = _last_turn(doc, previous)
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
