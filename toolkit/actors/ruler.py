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

from toolkit.actors.catalogue import Catalogue

_APOSTROPHE_VARIANTS = ("'", "’")


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
            grouped.setdefault(group, []).extend(_spelling_variants(pattern["pattern"]))
        for (attr, label, actor_id), phrases in grouped.items():
            key = f"{label}|{actor_id}"
            self.keys[nlp.vocab.strings.add(key)] = (label, actor_id)
            self.matchers[attr].add(key, [nlp.make_doc(p) for p in sorted(set(phrases))])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in self.matchers.values():
            for match_id, start, end in matcher(doc):
                label, actor_id = self.keys[match_id]
                spans.append(Span(doc, start, end, label=label, span_id=actor_id))
        if not spans:
            return doc
        chosen = filter_spans(spans)
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
