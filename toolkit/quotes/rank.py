"""A learned choice of the source of a direct quote (issue 13, lane 13r).

The rules of :mod:`~toolkit.quotes.direct` give every direct quote a cue and
a source phrase. This module looks again at the phrases around the quote and
lets a small linear model (a logistic regression trained on PolNeAR train)
decide whether another phrase is the source; the rule's choice is one of the
model's features and the fallback.

Candidates (:func:`candidates`): the heads of noun phrases outside quotation
marks (proper and common nouns, pronouns, nominal adjectives; never a
``compound``/``flat``/``amod`` modifier) in the sentences of the quote and of
its cue, one sentence before and one after: the 8 nearest before the opening
mark and the 5 nearest after the closing one; plus the rule's source.

Features (:class:`QuoteFeatures`), per candidate, all cheap token attributes:
whether it is the rule's choice and by which rule (linked, colon, nearby,
preposition, transcript, previous, clause); dependency role (subject of the
cue, of another reporting verb, of another verb, of the verb the quote hangs
on or of one above it; object of `by`/`according to`; apposition, possessive,
object...) and that verb's lemma; type (person/organisation/place entity,
he/she, they/it, I/we, relative pronoun, proper noun, common noun with its
lemma, a noun of role such as `spokesman`); position (before/after the quote,
token distance to it and to the cue in bins, same sentence, another paragraph,
inside a reported clause, in brackets, the nearest of its type before/after);
the quote's place in its paragraph; the cue's lemma. The file's ``features``
list every weight's name.

Model (:class:`Ranker`): a logistic regression on pairs (the rule's candidate,
another candidate), positive when the other one overlaps the gold Source and
the rule's does not; its features are the rule candidate's (``r:``), the
other's (``a:``) and their kinds, roles and positions crossed (``x&y``,
:func:`pair_features`). At run time the score is a plain-Python sum over the
exported weights (no scikit-learn). The best other candidate replaces the
rule's source when its probability passes the file's ``threshold`` (chosen
by 5-fold cross-validation over the training texts, grouped by text); the
object of `according to` never does (:func:`may_replace`). Quotes without a
rule source are left alone (a speaker would change their ``kind``). The
threshold is the highest of those whose cross-validated count is within 5
quotes of the best (of equal gains, the fewest changes): 0.7. A speed gate
skips gathering the alternatives when the rule candidate's part of the score
is below the file's ``gate`` (the lowest value that keeps 98 % of the
in-sample net gain; 75 % of the training quotes are below it).

Training: ``python evaluation/train_quotes_speaker.py`` (about 3 minutes with
the parses cached under ``build/quotes_rank/``) on PolNeAR train minus the
held-out slice (``--not-in 80:13 --limit 80 --seed 2027`` of
``evaluation/eval_quotes_polnear.py``) and minus the check sample
(``--not-in 80:13 80:2027 --limit 80 --seed 9393``): 680 texts, listed in
``data/speaker_ranker_texts.txt`` (one, with a malformed ``.ann``, is
skipped). The file's ``training`` entry keeps the cross-validation counts.
Measured: on the training texts' 5,117 direct quotes with a rule source and
a gold Source, the rules are right for 4,815; cross-validated, the ranker
makes 4,833 right at the chosen threshold (20 fixed, 2 broken; 4,838 at 0.4
with 49 fixed and 26 broken). Figures on the check sample, the held-out
slice, dev and the war gold: ``docs/results/quotes.md``, section
"Session 6, lane 13r".

Source: PolNeAR (Newell, Margolin & Ruths 2018), train split.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from toolkit.context import doc_text
from toolkit.quotes.cues import cue_lemma, is_cue_verb
from toolkit.quotes.kinds import quote_kind
from toolkit.quotes.model import Attribution

WEIGHTS_FILE = "speaker_ranker.json"
#: the model for direct quotes the rules leave without a source (:func:`assign`)
ASSIGNER_FILE = "speaker_unsourced.json"
#: set by ``evaluation/train_quotes_speaker.py`` only: the weights are not read when the package is imported
TRAINING_ENV = "NEWSFRAME_TRAINING_SPEAKER_RANKER"
FORMAT = 1

_HEAD_POS = {"PROPN", "NOUN", "PRON"}
_MODIFIER_DEPS = {"compound", "flat", "nmod", "amod", "npadvmod", "nummod", "det", "quantmod"}
_DEPS = {"nsubj", "nsubjpass", "pobj", "dobj", "appos", "poss", "conj", "attr", "dative", "ROOT"}
_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
_PERSON_PRON = {"he", "she", "him", "her", "his"}
_GROUP_PRON = {"they", "them", "it", "their", "its"}
_FIRST_PRON = {"i", "we", "me", "us", "my", "our", "you"}
_RELATIVE = {"who", "that", "which", "whom"}
#: nouns of role or of an institution that speaks (`spokesman`, `officials`, `the ministry`)
ROLE_NOUNS = {
    "official", "spokesman", "spokeswoman", "spokesperson", "minister", "president", "governor", "mayor",
    "secretary", "director", "chief", "head", "leader", "adviser", "advisor", "aide", "senator", "candidate",
    "nominee", "ministry", "department", "agency", "campaign", "committee", "office", "administration",
    "government", "police", "statement", "report", "analyst", "expert", "professor", "commander", "chairman",
    "representative", "congressman", "congresswoman", "lawmaker", "attorney", "lawyer", "judge", "source",
    "manager", "strategist", "executive", "founder", "host", "voter", "supporter", "protester", "resident",
    "woman", "man", "people", "member", "student", "father", "mother", "wife", "husband", "daughter", "son",
}
_RULES = ("linked", "colon", "nearby", "preposition", "transcript", "previous", "clause", "other")


class RankerDataError(RuntimeError):
    """The speaker ranker's weights file is missing or unreadable."""


# -- candidates -------------------------------------------------------------------

def _is_head(t: Token) -> bool:
    if t.pos_ in _HEAD_POS:
        return t.dep_ not in _MODIFIER_DEPS
    return t.pos_ == "ADJ" and t.dep_ in {"nsubj", "nsubjpass"}


#: at most this many candidates before the quote's opening mark and after its closing mark
#: (the nearest ones; on the training texts 88 % of the gold sources the rules
#: miss among the candidates are within them)
MAX_BEFORE, MAX_AFTER = 8, 5


def candidates(doc: Doc, a: Attribution, rule_source: Span | None, inside) -> list[Token]:
    """Head tokens of the phrases that may be ``a``'s source (see module docstring).

    Args:
        doc: the parsed article.
        a: a direct quote's attribution (character offsets of its content and cue).
        rule_source: the source the rules chose (its root is always a candidate).
        inside: ``inside(token) -> bool``, True for tokens within quotation marks.

    Returns:
        Distinct head tokens in text order: the :data:`MAX_BEFORE` nearest before
        the quote and the :data:`MAX_AFTER` nearest after it, within the window
        of sentences, and the rule's.
    """
    starts = _sentence_starts(doc)
    first = _token_at(doc, max(0, a.start - 1))
    last = _token_at(doc, max(a.start, a.end - 1))
    lo, hi = first.i, last.i
    if a.cue_start is not None:
        cue = _token_at(doc, a.cue_start)
        lo, hi = min(lo, cue.i), max(hi, cue.i)
    k = bisect_right(starts, lo) - 1  # the sentence of `lo`, then one more before it
    lo = starts[max(0, k - 1)]
    k = bisect_right(starts, hi)  # the sentence after the one of `hi`, whose end bounds the window
    hi = starts[k + 1] if k + 1 < len(starts) else len(doc)
    root = rule_source.root if rule_source is not None and len(rule_source) else None
    r_lo, r_hi = (rule_source.start, rule_source.end) if root is not None else (-1, -1)
    # (a token inside the rules' source other than its root is no alternative to it)
    def heads(positions: range, limit: int) -> list[Token]:
        found: list[Token] = []
        for i in positions:
            if not r_lo <= i < r_hi and _is_head(doc[i]) and not inside(doc[i]):
                found.append(doc[i])
                if len(found) == limit:
                    break
        return found

    before = heads(range(first.i - 1, lo - 1, -1), MAX_BEFORE)
    out = before[::-1] + heads(range(last.i + 1, hi), MAX_AFTER)
    if root is not None:
        out.append(root)
        out.sort(key=lambda t: t.i)
    return out


def _sentence_starts(doc: Doc) -> list[int]:
    """Token index of every sentence start, once per Doc (kept in ``doc.user_data``)."""
    starts = doc.user_data.get(_STARTS_KEY)
    if starts is None:
        starts = doc.user_data[_STARTS_KEY] = [s.start for s in doc.sents] or [0]
    return starts


_STARTS_KEY = "toolkit.quotes.rank.sentence_starts"


def _token_at(doc: Doc, char: int) -> Token:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    # a character between tokens (a space): the token that starts after it
    for t in doc:
        if t.idx >= char:
            return t
    return doc[-1]


# -- features ---------------------------------------------------------------------

def _bin(name: str, n: int, edges=(0, 1, 3, 8, 20)) -> str:
    for edge in edges:
        if n <= edge:
            return f"{name}<={edge}"
    return f"{name}>{edges[-1]}"


class QuoteFeatures:
    """The features of a quote's candidates (names as in the weights file);
    what depends on the quote only is computed once, each candidate's on demand.

    Args:
        doc: the parsed article.
        a: the quote's attribution.
        rule_source: the rules' source phrase (or None).
        cands: the candidates' head tokens (:func:`candidates`).
        clauses: (start, end) character spans of reported clauses (indirect rows).
    """

    def __init__(self, doc: Doc, a: Attribution, rule_source: Span | None, cands: list[Token] | None = None, clauses=()):
        text = doc_text(doc)
        self.doc, self.clauses = doc, clauses
        self.first = first = _token_at(doc, max(0, a.start - 1))
        self.last = _token_at(doc, max(a.start, a.end - 1))
        self.cue = cue = _token_at(doc, a.cue_start) if a.cue_start is not None else None
        starts = _sentence_starts(doc)
        self.sents = tuple(_sentence_of(starts, t.i, len(doc)) for t in (first, self.last))
        self.para_start = text.rfind("\n", 0, a.start) + 1
        para_end = text.find("\n", a.end)
        self.para_end = len(text) if para_end < 0 else para_end
        self.rule = a.rule if a.rule in _RULES else "other"
        self.rule_root = rule_source.root.i if rule_source is not None and len(rule_source) else -1
        lemma = cue_lemma(cue) if cue is not None else "none"
        self.cue_keys = ("cue:" + ("say" if lemma == "say" else "none" if cue is None else "other"), "cue_lemma:" + lemma)
        self.opens = not text[self.para_start:max(self.para_start, a.start - 1)].strip(" \"'“‘«„")
        self.closes = not text[a.end:self.para_end].strip(" \"'”’».,")
        self.cands: list[Token] = []
        self.kinds: list[str] = []
        self.nearest: dict[int, str] = {}
        if cands is not None:
            self.set_candidates(cands)

    def set_candidates(self, cands: list[Token]) -> None:
        """The quote's candidates; the nearest person/organisation/he-she/proper
        noun before and after the quote are marked among them."""
        first, last = self.first, self.last
        self.cands = cands
        self.kinds = kinds = [_kind(t) for t in cands]
        self.nearest = {}
        seen_before: set[str] = set()
        seen_after: set[str] = set()
        for k in range(len(cands) - 1, -1, -1):  # the last one before the quote
            if cands[k].i < first.i and kinds[k] in _NEAREST and kinds[k] not in seen_before:
                seen_before.add(kinds[k])
                self.nearest[k] = "nearest_before:" + kinds[k]
        for k in range(len(cands)):  # the first one after it
            if cands[k].i > last.i and kinds[k] in _NEAREST and kinds[k] not in seen_after:
                seen_after.add(kinds[k])
                self.nearest[k] = "nearest_after:" + kinds[k]

    def rule_index(self) -> int | None:
        """Index of the rules' source's root among the candidates."""
        return next((k for k, t in enumerate(self.cands) if t.i == self.rule_root), None)

    def of_rule(self) -> dict[str, float] | None:
        """The features of the rules' source's root (no candidate list needed:
        the nearest-of-its-type marks are for the other candidates only)."""
        if self.rule_root < 0:
            return None
        t = self.doc[self.rule_root]
        return self._of(t, _kind(t), None)

    def of(self, k: int) -> dict[str, float]:
        """The feature dict of candidate ``k``."""
        t = self.cands[k]
        return self._of(t, self.kinds[k], None if t.i == self.rule_root else self.nearest.get(k))

    def _of(self, t: Token, kind: str, near: str | None) -> dict[str, float]:
        first, last, cue, doc = self.first, self.last, self.cue, self.doc
        f: dict[str, float] = {"kind:" + kind: 1.0}
        if t.i == self.rule_root:
            f["rule"] = 1.0
            f["rule:" + self.rule] = 1.0
        dep = t.dep_
        f["dep:" + (dep if dep in _DEPS else "other")] = 1.0
        head = t.head
        if dep in _SUBJ:
            if cue is not None and head.i == cue.i:
                f["subj_of_cue"] = 1.0
            elif is_cue_verb(head):
                f["subj_of_reporting_verb"] = 1.0
            else:
                f["subj_of_other_verb"] = 1.0
            f["verb:" + head.lemma_.lower()] = 1.0
        if dep in _SUBJ or dep == "poss":
            if any(first.i <= c.i <= last.i for c in head.children):
                f["subj_of_quote_head"] = 1.0
            elif head.is_ancestor(first):
                f["subj_of_quote_ancestor"] = 1.0
        lemma = t.lemma_.lower()
        if t.pos_ != "PROPN":
            f["lemma:" + lemma] = 1.0
        if lemma in ROLE_NOUNS:
            f["role_noun"] = 1.0
        if t.i > 0 and doc[t.i - 1].text == "(":
            f["in_brackets"] = 1.0
        if dep == "pobj":
            if head.lower_ in {"to", "by", "from", "of"} and head.head.lower_ == "according":
                f["according_to"] = 1.0
            elif head.lower_ == "by":
                f["pobj_by"] = 1.0
                if head.head.lemma_.lower() in {"quote", "cite"}:
                    f["quoted_by"] = 1.0
        if t.i < first.i:
            side, gap = "before", first.i - t.i
        elif t.i > last.i:
            side, gap = "after", t.i - last.i
        else:
            side, gap = "between", 0
        f["side:" + side] = 1.0
        f[_bin("gap_" + side, gap)] = 1.0
        f["gap_log_" + side] = math.log1p(gap) / 4
        if cue is not None:
            d = t.i - cue.i
            f[_bin("cue_before" if d < 0 else "cue_after", abs(d))] = 1.0
        (a1, b1), (a2, b2) = self.sents
        if a1 <= t.i < b1 or a2 <= t.i < b2:
            f["same_sentence"] = 1.0
        if t.idx < self.para_start or t.idx >= self.para_end:
            f["other_paragraph"] = 1.0
        for s, e in self.clauses:
            if s <= t.idx < e:
                f["in_reported_clause"] = 1.0
                break
        if near is not None:
            f[near] = 1.0
        f[self.cue_keys[0]] = 1.0
        f[self.cue_keys[1]] = 1.0
        if self.opens:
            f["quote_opens_paragraph:" + side] = 1.0
        if self.closes:
            f["quote_closes_paragraph:" + side] = 1.0
        return f


# -- discourse: the quotes around a quote, who the paragraph is about (lane 13s) ----

_BREAK = re.compile(r"\n\s*")
_ENT_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_NAMED = {"person", "org", "propn", "place", "other_entity"}
DISCOURSE_KEY = "toolkit.quotes.rank.discourse"


class Discourse:
    """What a quote's candidates read from the rest of the article (the
    features of :func:`context_features`): the sources the rules gave the
    other quotes and reported clauses (a run of quotes, `“…,” he said. “…”`,
    is mostly one speaker's), the first and the last person named outside
    quotes in the quote's paragraph (who the paragraph is about), and how
    often each name recurs. The sources are read when it is built (before
    :mod:`~toolkit.quotes.resolve` changes any), the entities on first use."""

    def __init__(self, doc: Doc, attributions, inside):
        self.doc, self.inside, self.text = doc, inside, doc_text(doc)
        # the sources as they are now (read on first use: most articles never ask)
        self._snapshot = [(a, a.source) for a in attributions]
        self._rows = None
        self._ents = None

    def rows(self):
        """(start, end, source root index, its lower-case text, its kind) of every
        quote or clause with a source, in text order, and their starts."""
        if self._rows is None:
            source_of = {id(a): src for a, src in self._snapshot}
            rows = []
            for a, src in self._snapshot:
                up = a.inherited_from
                while src is None and up is not None:  # a continuation speaks with its first quote's source
                    src, up = source_of.get(id(up), up.source), up.inherited_from
                if src is not None and len(src):
                    rows.append((a.start, a.end, src.root.i, src.root.lower_, _kind(src.root)))
            rows.sort()
            self._rows = (rows, [r[0] for r in rows])
        return self._rows

    def entities(self):
        """(persons as (offset, lower-case head), their offsets, counts of every name's head, the most counted)."""
        if self._ents is None:
            persons, counts = [], {}
            for e in self.doc.ents:
                if e.label_ in _ENT_LABELS and not self.inside(e.root):
                    counts[e.root.lower_] = counts.get(e.root.lower_, 0) + 1
                    if e.label_ == "PERSON":
                        persons.append((e.start_char, e.root.lower_))
            top = max(counts, key=lambda k: counts[k], default=None)
            self._ents = (persons, [p[0] for p in persons], counts, top)
        return self._ents

    def around(self, a: Attribution) -> "_Around":
        return _Around(self, a)


class _Around:
    """The discourse context of one quote (see :class:`Discourse`)."""

    def __init__(self, d: Discourse, a: Attribution):
        self.d = d
        rows, starts = d.rows()
        k = bisect_right(starts, a.start)
        prev = next((r for r in reversed(rows[:k]) if r[1] <= a.start), None)
        nxt = next((r for r in rows[k:] if r[0] >= a.end), None)
        self.prev = (prev, self._rel(d.text[prev[1]:a.start])) if prev else None
        self.next = (nxt, self._rel(d.text[a.end:nxt[0]])) if nxt else None
        persons, starts, self.counts, self.top = d.entities()
        ps = d.text.rfind("\n", 0, a.start) + 1
        pe = d.text.find("\n", a.end)
        pe = len(d.text) if pe < 0 else pe
        i = bisect_right(starts, ps - 1)
        self.first = persons[i][1] if i < len(persons) and persons[i][0] < pe else None
        j = bisect_right(starts, a.start) - 1
        self.last = persons[j][1] if j >= 0 else None

    @staticmethod
    def _rel(between: str) -> str:
        n = len(_BREAK.findall(between))
        return "same" if n == 0 else "adj" if n == 1 else "far"

    def features(self, t: Token, f: dict[str, float]) -> None:
        kind = _kind(t)
        named = kind in _NAMED
        for tag, item in (("prev_src", self.prev), ("next_src", self.next)):
            if item is None:
                continue
            row, rel = item
            if t.i == row[2]:
                match = "tok"
            elif named and t.lower_ == row[3]:
                match = "name"
            elif kind == "pron_person" and row[4] in {"pron_person", "person"}:
                match = "pron"
            else:
                continue
            f[tag + ":" + match] = 1.0
            f[tag + ":" + rel] = 1.0
        if not named:
            return
        low = t.lower_
        if low == self.first:
            f["para_first_person"] = 1.0
        if low == self.last:
            f["last_person_before"] = 1.0
        if low == self.top:
            f["most_mentioned"] = 1.0
        n = self.counts.get(low, 0)
        f["mentions:" + ("0" if n == 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else ">8")] = 1.0


def context_features(discourse: Discourse, doc: Doc, a: Attribution, cands: list[Token], feats: list[dict[str, float]]) -> None:
    """Add the discourse features (and the dependency relation to the cue) to
    each candidate's features ``feats`` (parallel to ``cands``), in place."""
    around = discourse.around(a)
    cue = _token_at(doc, a.cue_start) if a.cue_start is not None else None
    for t, f in zip(cands, feats):
        around.features(t, f)
        if cue is not None and t.head.i == cue.i and t.i != cue.i:
            f["cue_child:" + t.dep_] = 1.0


def set_discourse(doc: Doc, attributions, inside) -> None:
    """Keep the discourse context of ``attributions`` on ``doc`` while they are
    resolved (:func:`clear_discourse` removes it; plain offsets and strings)."""
    doc.user_data[DISCOURSE_KEY] = Discourse(doc, attributions, inside)


def clear_discourse(doc: Doc) -> None:
    doc.user_data.pop(DISCOURSE_KEY, None)


def features(doc: Doc, a: Attribution, rule_source: Span | None, cands: list[Token], inside=None, clauses=()) -> list[dict[str, float]]:
    """One feature dict per candidate (:class:`QuoteFeatures`), parallel to ``cands``."""
    qf = QuoteFeatures(doc, a, rule_source, cands, clauses)
    return [qf.of(k) for k in range(len(cands))]


def _sentence_of(starts: list[int], i: int, n: int) -> tuple[int, int]:
    k = bisect_right(starts, i) - 1
    return starts[k], starts[k + 1] if k + 1 < len(starts) else n


_SUBJ = {"nsubj", "nsubjpass"}
_NEAREST = {"person", "org", "pron_person", "propn"}


def _kind(t: Token) -> str:
    lower = t.lower_
    if t.pos_ == "PRON":
        if lower in _PERSON_PRON:
            return "pron_person"
        if lower in _GROUP_PRON:
            return "pron_group"
        if lower in _FIRST_PRON:
            return "pron_first"
        if lower in _RELATIVE:
            return "pron_relative"
        return "pron_other"
    ent = t.ent_type_
    if ent == "PERSON":
        return "person"
    if ent in {"ORG"}:
        return "org"
    if ent in {"GPE", "NORP"}:
        return "place"
    if ent:
        return "other_entity"
    if t.pos_ == "PROPN":
        return "propn"
    return "noun"


#: prefixes of the candidate features crossed between the rule's candidate and another one
CROSSED = ("kind:", "dep:", "side:", "subj_", "rule:")


def pair_features(rule_f: dict[str, float], alt_f: dict[str, float]) -> dict[str, float]:
    """Features of "``alt`` is the source, not the rule's candidate": the rule
    candidate's features (``r:``), the other one's (``a:``), and their crossed
    kinds, roles and positions (``x&y``). :meth:`Ranker.override_score` is the
    same linear score without building this dict."""
    f = {"r:" + k: v for k, v in rule_f.items() if k != "rule"}
    f.update(("a:" + k, v) for k, v in alt_f.items())
    rk = [k for k in rule_f if k.startswith(CROSSED)]
    ak = [k for k in alt_f if k.startswith(CROSSED)]
    for x in rk:
        for y in ak:
            f[x + "&" + y] = 1.0
    return f


def may_replace(alt_f: dict[str, float]) -> bool:
    """Whether a candidate may replace the rules' source. Never the object of
    `according to`: PolNeAR gives the outermost attributor as the Source
    (`“…,” O’Malley said at a press conference, according to the Las Vegas
    Sun` is the Sun's there), but the one who speaks is O'Malley, and the
    toolkit's rules already take `according to X` where X is the only source.
    Nor the agent of `quoted by`/`cited by` (`“…,” read the statement, quoted
    by Russian state news agency Tass`: the agency is only the channel)."""
    return "according_to" not in alt_f and "quoted_by" not in alt_f


# -- the weights ------------------------------------------------------------------

class Ranker:
    """The override model read from the weights file (see :func:`load_ranker`)."""

    def __init__(self, data: dict):
        names, weights, self.bias, threshold = _checked_weights(data, "speaker ranker")
        self.threshold = threshold
        #: a speed shortcut: the lowest rule part (bias + the rule candidate's
        #: weights) of any training quote the model overrides; below it the
        #: alternatives are not scored (on the training texts this changes no choice)
        self.gate = float(data.get("gate", -math.inf))
        self.logit = math.log(threshold / (1 - threshold))
        self.features = list(names)
        self.rule_w: dict[str, float] = {}
        self.alt_w: dict[str, float] = {}
        self.cross_w: dict[str, dict[str, float]] = {}
        for name, w in zip(names, weights):
            if name.startswith("r:"):
                self.rule_w[name[2:]] = float(w)
            elif name.startswith("a:"):
                self.alt_w[name[2:]] = float(w)
            elif "&" in name:
                x, y = name.split("&", 1)
                self.cross_w.setdefault(x, {})[y] = float(w)
            else:
                raise RankerDataError(f"speaker ranker weights: unknown feature {name!r}")

    def rule_part(self, rule_f: dict[str, float]) -> tuple[float, list[dict[str, float]]]:
        """The score's part fixed by the rule's candidate, and its crossed weights."""
        w = self.rule_w
        fixed = self.bias + sum(w.get(k, 0.0) * v for k, v in rule_f.items() if k != "rule")
        crossed = [self.cross_w[k] for k in rule_f if k.startswith(CROSSED) and k in self.cross_w]
        return fixed, crossed

    def override_score(self, rule_f: dict[str, float], alt_f: dict[str, float], part=None) -> float:
        """The linear score of :func:`pair_features` (log-odds that ``alt`` is right and the rule wrong)."""
        fixed, crossed = part or self.rule_part(rule_f)
        w = self.alt_w
        score = fixed + sum(w.get(k, 0.0) * v for k, v in alt_f.items())
        for row in crossed:
            for k in alt_f:
                if k in row:
                    score += row[k]
        return score


class Assigner:
    """The model that gives a speaker to a direct quote the rules leave without
    one (:func:`assign`): a logistic regression over the candidates, read from
    :data:`ASSIGNER_FILE`; ``threshold`` on the best candidate's probability."""

    def __init__(self, data: dict):
        names, weights, self.bias, threshold = _checked_weights(data, "unsourced-speaker")
        self.threshold = threshold
        self.logit = math.log(threshold / (1 - threshold))
        self.w = {n: float(w) for n, w in zip(names, weights)}

    def score(self, f: dict[str, float]) -> float:
        """Log-odds that the candidate of features ``f`` is the quote's source."""
        w = self.w
        return self.bias + sum(w.get(k, 0.0) * v for k, v in f.items())


def _checked_weights(data: dict, what: str) -> tuple[list, list, float, float]:
    """(feature names, weights, bias, threshold) of a weights file of :data:`FORMAT`.

    Raises:
        RankerDataError: another format, names and weights of different lengths,
            a name that is not a string, a weight that is not a finite number, a
            threshold outside (0, 1), or a missing key.
    """
    try:
        if data.get("format") != FORMAT:
            raise RankerDataError(f"{what} weights: format {data.get('format')!r}, expected {FORMAT}")
        names, weights = data["features"], data["weights"]
        if (not isinstance(names, list) or not isinstance(weights, list) or len(names) != len(weights)
                or not all(isinstance(n, str) for n in names)
                or not all(isinstance(w, (int, float)) and math.isfinite(w) for w in weights)):
            raise RankerDataError(f"{what} weights: features and weights differ in length or hold non-numbers")
        bias = float(data["bias"])
        threshold = float(data["threshold"])
        if not 0.0 < threshold < 1.0:
            raise RankerDataError(f"{what} weights: threshold {threshold} not in (0, 1)")
    except (KeyError, TypeError, ValueError) as exc:
        raise RankerDataError(f"{what} weights: malformed ({exc!r})") from exc
    return names, weights, bias, threshold


def _read_weights(path, name: str, what: str) -> dict:
    try:
        if path is None:
            raw = resources.files("toolkit.quotes").joinpath("data", name).read_text(encoding="utf-8")
        else:
            with open(path, encoding="utf-8") as fh:
                raw = fh.read()
        data = json.loads(raw)
    except (OSError, ValueError) as exc:
        where = path or f"toolkit/quotes/data/{name}"
        raise RankerDataError(f"{what} weights {where} missing or unreadable ({exc}); "
                              "reinstall the package or retrain with evaluation/train_quotes_speaker.py") from exc
    if not isinstance(data, dict):
        raise RankerDataError(f"{what} weights: not a JSON object")
    return data


def load_assigner(path=None) -> Assigner:
    """The unsourced-quote model shipped as package data (or at ``path``).

    Raises:
        RankerDataError: the file is missing, not JSON, or not a weights file of this format.
    """
    return Assigner(_read_weights(path, ASSIGNER_FILE, "unsourced-speaker"))


@lru_cache(maxsize=1)
def default_assigner() -> Assigner:
    """The shipped unsourced-quote model, read once per process."""
    return load_assigner()


def unsourced_eligible(doc: Doc, a: Attribution) -> bool:
    """Whether a direct quote with no source may be given one without
    changing what the row is: not a continuation (it has its first quote's
    speaker), and a passage that is speech even without a speaker (``kind``
    direct by :func:`~toolkit.quotes.kinds.quote_kind`): a speaker must never
    turn a scare quote, a term or a title into speech."""
    if a.inherited_from is not None or a.source is not None:
        return False
    text = doc_text(doc)
    before = text[max(text.rfind("\n", 0, a.start) + 1, a.start - 200):a.start]
    return quote_kind(text[a.start:a.end], before, attributed=False) == "direct"


def pickable(t: Token, cue: Token | None) -> bool:
    """The only candidates :func:`assign` may give: `he`/`she` as the subject
    of the quote's cue or of another verb of the cue lexicon (the Sayer of a
    verbal process, Halliday). Cross-validated on the training texts, the
    model's other picks were right 66–85 % of the time, these 11 of 11
    (``docs/results/quotes.md``, "Session 7, lane 13s")."""
    return (t.lower_ in _PERSON_PRON and t.pos_ == "PRON" and t.dep_ in _SUBJ
            and ((cue is not None and t.head.i == cue.i) or is_cue_verb(t.head)))


def pickable_features(f: dict[str, float]) -> bool:
    """:func:`pickable` read from a candidate's features (for training)."""
    return "kind:pron_person" in f and ("subj_of_cue" in f or "subj_of_reporting_verb" in f)


def assign(doc: Doc, a: Attribution, inside, clauses=(), assigner: Assigner | None = None) -> Span | None:
    """A source for direct quote ``a``, which the rules left without one:
    the model's best candidate, when it is :func:`pickable` and its
    probability passes the file's threshold (the lowest at which the
    cross-validated assignments were right at least 90 % of the time); None
    otherwise. The features are the ranker's plus :func:`context_features`."""
    if not unsourced_eligible(doc, a):
        return None
    cands = candidates(doc, a, None, inside)
    cue = _token_at(doc, a.cue_start) if a.cue_start is not None else None
    if not any(pickable(t, cue) for t in cands):
        return None  # (the best candidate must be pickable: no need to score)
    assigner = assigner or default_assigner()
    qf = QuoteFeatures(doc, a, None, cands, clauses)
    feats = [qf.of(k) for k in range(len(cands))]
    discourse = doc.user_data.get(DISCOURSE_KEY)
    if discourse is not None:
        context_features(discourse, doc, a, cands, feats)
    scored = [(assigner.score(f), k) for k, f in enumerate(feats) if may_replace(f)]
    if not scored:
        return None
    score, k = max(scored)
    if score <= assigner.logit or not pickable(cands[k], cue):
        return None
    from toolkit.quotes.speakers import noun_phrase

    return noun_phrase(cands[k])


def load_ranker(path=None) -> Ranker:
    """The ranker of the weights file shipped as package data (or at ``path``).

    Raises:
        RankerDataError: the file is missing, not JSON, or not a weights file of
            this format; the pipeline never falls back to other results silently.
    """
    data = _read_weights(path, WEIGHTS_FILE, "speaker ranker")
    return Ranker(data)


@lru_cache(maxsize=1)
def default_ranker() -> Ranker:
    """The shipped ranker, read once per process."""
    return load_ranker()


def choose(doc: Doc, a: Attribution, rule_source: Span | None, inside, clauses=(), ranker: Ranker | None = None) -> Span | None:
    """The source of direct quote ``a``: the rule's, unless another candidate's
    override score passes the file's threshold (see module docstring).

    Args:
        doc: the parsed article.
        a: the quote's attribution.
        rule_source: the rules' source phrase; None leaves the quote alone.
        inside: ``inside(token) -> bool`` for tokens within quotation marks.
        clauses: (start, end) character spans of reported clauses.
        ranker: the weights (default: the shipped file).

    Returns:
        The chosen source phrase (``noun_phrase`` of the winning head).
    """
    if not a.direct:
        return rule_source
    if rule_source is None or not len(rule_source):
        return assign(doc, a, inside, clauses)
    ranker = ranker or default_ranker()
    qf = QuoteFeatures(doc, a, rule_source, None, clauses)
    rule_f = qf.of_rule()
    part = ranker.rule_part(rule_f)
    if part[0] < ranker.gate:
        return rule_source  # see Ranker.gate: the alternatives are not even gathered
    cands = candidates(doc, a, rule_source, inside)
    if len(cands) < 2:
        return rule_source
    qf.set_candidates(cands)
    best, best_score = None, ranker.logit
    for k, t in enumerate(cands):
        if t.i == qf.rule_root:
            continue
        f = qf.of(k)
        if not may_replace(f):
            continue
        score = ranker.override_score(rule_f, f, part)
        if score > best_score:
            best, best_score = t, score
    if best is None:
        return rule_source
    from toolkit.quotes.speakers import noun_phrase

    return noun_phrase(best)
