"""The actor catalogue as a spaCy component (factory ``toolkit_actor_ruler``).

Like spaCy's ``EntityRuler`` (which it replaces because that one matches on a
single token attribute), but with two ``PhraseMatcher``s built once per
pipeline:

* names, aliases and demonyms on ``ORTH`` (exact case: the country "Turkey"
  must not match the bird, "Bush" not the plant);
* epithets and role phrases on ``LOWER`` ("The Kremlin leader" opening a
  sentence, "the Kremlin Leader" in a headline).

Overlapping matches resolve to the longest (``spacy.util.filter_spans``), so
"Ukrainian forces" beats the demonym "Ukrainian" and "The Kyiv Independent"
beats the place "Kyiv". Matches become ``doc.ents`` with the kind's label and
``ent_id_ = actor_id``; placed before ``ner``, the statistical model keeps
them and predicts only around them (the same contract as ``EntityRuler``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from toolkit.actors.catalogue import Catalogue, cached_catalogue
from toolkit.actors.names import TITLE_WORDS

_APOSTROPHE_VARIANTS = ("'", "’")
#: shorter aliases get no ALL-CAPS variant ("Xi" -> "XI" is a Roman numeral)
MIN_UPPER_VARIANT = 4


@Language.factory(
    "toolkit_actor_ruler",
    default_config={"catalogue_path": None},
    # tags tell a glued proper noun ("Washington Post"); sentence starts, when
    # a parser ran before, tell Title Case headlines (both optional)
    requires=["token.tag"],
    assigns=["doc.ents", "token.ent_type", "token.ent_iob", "token.ent_id"],
)
def make_actor_ruler(nlp: Language, name: str, catalogue_path: str | None) -> "ActorRuler":
    """The catalogue (``catalogue_path``; ``None``: the shipped one) as a
    pipeline component: exact-case phrase matching for names, aliases and
    demonyms, any-case matching for epithets and role phrases; longest match
    wins. :func:`toolkit.pipeline.build_pipeline` adds it before ``ner``."""
    return ActorRuler(nlp, cached_catalogue(catalogue_path), name=name)


class ActorRuler:
    """Pipeline component: mark catalogue actors as entities (see module docstring)."""

    def __init__(self, nlp: Language, catalogue: Catalogue, name: str = "toolkit_actor_ruler") -> None:
        self.name = name
        self.catalogue = catalogue
        self.matchers = {attr: PhraseMatcher(nlp.vocab, attr=attr) for attr in ("ORTH", "LOWER")}
        #: match key -> (label, actor_id)
        self.keys: dict[int, tuple[str, str]] = {}
        grouped: dict[tuple[str, str, str], list[str]] = {}
        for pattern in catalogue.ruler_patterns():
            group = (pattern["attr"], pattern["label"], pattern["id"])
            phrase = pattern["pattern"]
            variants = _spelling_variants(phrase)
            if pattern["attr"] == "ORTH" and len(phrase) >= MIN_UPPER_VARIANT:
                variants += _spelling_variants(phrase.upper())  # ALL-CAPS headlines and ledes ("BIDEN", "RUSSIA")
            grouped.setdefault(group, []).extend(variants)
        for (attr, label, actor_id), phrases in grouped.items():
            key = f"{label}|{actor_id}"
            self.keys[nlp.vocab.strings.add(key)] = (label, actor_id)
            self.matchers[attr].add(key, [nlp.make_doc(p) for p in sorted(set(phrases))])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for attr, matcher in self.matchers.items():
            for match_id, start, end in matcher(doc):
                label, actor_id = self.keys[match_id]
                spans.append(Span(doc, start, end, label=label, span_id=actor_id))
        if not spans:
            return doc
        chosen = filter_spans(spans)
        title_case: dict[int, bool] = {}
        chosen = [s for s in chosen if not _inside_longer_name(s, self.catalogue, title_case)]
        kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in chosen)]
        doc.ents = sorted(kept + chosen, key=lambda s: s.start)
        return doc


def _spelling_variants(phrase: str) -> list[str]:
    """The phrase with straight and curly apostrophes ("Ukraine's army")."""
    variants = {phrase}
    for a in _APOSTROPHE_VARIANTS:
        for b in _APOSTROPHE_VARIANTS:
            variants.add(phrase.replace(a, b))
    return sorted(variants)


#: kinds whose one-word names often open or close a longer name ("West Bank",
#: "Washington Post", "MaliVai Washington"); people are not guarded, so the
#: headline "Putin Interested in ..." still finds Putin
GUARDED_KINDS = {"place": "both", "country": "both", "organisation": "after", "group": "after"}


def _inside_longer_name(span: Span, catalogue: Catalogue, title_case: dict[int, bool]) -> bool:
    """A catalogue name glued to a neighbouring proper noun is part of a longer
    name the catalogue does not know; leave it to the statistical NER (the
    mentions extractor still maps what the NER finds back to the catalogue).
    Not in Title Case lines, where every word is capitalised ("Russia Election
    Threat Persists Amid Ukraine War")."""
    actor = catalogue.actors.get(span.id_)
    if actor is None or span.text in catalogue.by_demonym:
        return False  # an adjective before a proper noun is normal ("Russian President")
    side = GUARDED_KINDS.get(actor.kind)
    if side is None:
        return False
    doc = span.doc
    if not doc.has_annotation("SENT_START"):
        return _glued_to_neighbour(span, side)  # no parser: no headline test
    sent = span.sent
    if sent.start not in title_case:
        title_case[sent.start] = _is_title_case(sent)
    if title_case[sent.start]:
        return False
    return _glued_to_neighbour(span, side)


def _glued_to_neighbour(span: Span, side: str) -> bool:
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and _glued_proper_noun(span[-1], after):
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    return side == "both" and before is not None and _glued_proper_noun(before, span[0])


def _glued_proper_noun(left, right) -> bool:
    """``left`` and ``right`` are adjacent words of one capitalised name."""
    return (left.whitespace_ == " " and not right.is_sent_start and right.tag_ in ("NNP", "NNPS")
            and left.tag_ in ("NNP", "NNPS") and right.is_title and left.is_title
            and right.lower_ not in TITLE_WORDS)


def _is_title_case(sent: Span) -> bool:
    """Most content words (3+ letters, not stop words) capitalised."""
    words = [t for t in sent if t.is_alpha and len(t) >= 3 and not t.is_stop]
    return len(words) >= 3 and sum(1 for t in words if t.is_title or t.is_upper) >= 0.8 * len(words)
