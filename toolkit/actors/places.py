"""Place words shared by the mention rules: the prepositions that make a name
a place ("the attack in Sumy") and the names of countries and territories
(``data/countries.yaml``: ISO 3166-1 English short names, dependent
territories, the UK's home nations)."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from toolkit.actors.names import name_key
from toolkit.context import doc_text, token_column
from toolkit.datafiles import load_yaml

#: prepositions after which a "person" is a place ("the attack in Sumy")
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "around", "into", "towards", "toward", "inside"})


def is_locative_object(tok) -> bool:
    """``tok`` is the object of a place preposition that says where ("the
    attack in Sumy", "In Chorzow : ..."), not of one an adjective governs
    ("particularly interested in McCarthy", Guardian 2022), nor a noun with a
    determiner ("in his Williams": a car, Reuters 1996)."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in PLACE_PREPOSITIONS:
        return False
    if any(child.dep_ in ("det", "poss") and child.i < tok.i for child in tok.children):
        return False  # a place name takes no "his"/"a": "finished second in his Williams"
    preposition = tok.head
    return preposition.head is preposition or preposition.head.pos_ != "ADJ"


@functools.lru_cache(maxsize=1)
def country_keys() -> frozenset[str]:
    """Name keys of the countries, territories and UK home nations of
    ``toolkit/actors/data/countries.yaml``."""
    path = Path(str(resources.files("toolkit.actors") / "data" / "countries.yaml"))
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    return frozenset(name_key(str(s)) for group in data.values() for s in (group or ()))


def is_country_name(text: str) -> bool:
    """``text`` is the short name of a country or territory (any case, accents,
    apostrophes and a leading "the" ignored): "Sri Lanka", "BERMUDA", "the Netherlands"."""
    words = text.replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and name_key(" ".join(words)) in country_keys()


#: the longest country name in words ("Saint Vincent and the Grenadines")
MAX_COUNTRY_WORDS = 5
_NAME_JOINERS = frozenset({"and", "of", "the", "d'", "-"})


def country_spans(doc, covered: set[int]) -> list[tuple[int, int]]:
    """Token spans ``(start, end)`` of country names the model missed ("(
    Nigeria )", "ZIMBABWE" in a results line): written capitalised or in
    capitals, on tokens no mention covers, longest first, and not glued to
    a neighbouring capitalised proper noun ("Jordan Peterson", "Georgia Tech",
    "Chad Smith" stay the model's).

    Method: the casing tests read the token flags off arrays built once per
    Doc (``_TokenFlags``), and a span's text is a slice of the Doc's text:
    the same tests as :func:`_name_cased` on ``Span`` objects, without a
    ``Span`` and a ``Token`` per try (issue 14, sixth pass).
    """
    keys = country_keys()
    flags = _TokenFlags(doc)
    text = doc_text(doc)
    out = []
    i = 0
    n_tokens = len(doc)
    while i < n_tokens:
        found = None
        if i not in covered and (flags.title[i] or flags.upper[i]) and flags.alpha[i] and not flags.the[i]:
            for n in range(min(MAX_COUNTRY_WORDS, n_tokens - i), 0, -1):
                end = i + n
                if any(k in covered for k in range(i, end)) or not flags.alpha[end - 1] \
                        or not flags.name_cased(i, end):
                    continue
                if name_key(text[flags.idx[i]:flags.idx[end - 1] + flags.length[end - 1]]) in keys:
                    found = (i, end)
                    break
        if found and not _glued(doc, *found):
            out.append(found)
            i = found[1]
        else:
            i += 1
    return out


class _TokenFlags:
    """The token attributes :func:`country_spans` tests, as lists over the Doc."""

    def __init__(self, doc):
        strings = doc.vocab.strings
        self.title, self.upper, self.alpha = (
            [bool(v) for v in token_column(doc, attr).tolist()] for attr in ("IS_TITLE", "IS_UPPER", "IS_ALPHA"))
        self.idx, self.length = token_column(doc, "IDX").tolist(), token_column(doc, "LENGTH").tolist()
        lower, orth = token_column(doc, "LOWER").tolist(), token_column(doc, "ORTH").tolist()
        the = strings["the"]
        joiners = {strings[w] for w in _NAME_JOINERS}
        skipped = {strings["-"], strings["'"]}
        self.the = [v == the for v in lower]
        self.joiner = [v in joiners for v in lower]
        self.skipped = [v in skipped for v in orth]

    def name_cased(self, start: int, end: int) -> bool:
        """:func:`_name_cased` of the span ``doc[start:end]``."""
        words = [k for k in range(start, end) if not self.skipped[k]]
        upper = all(self.upper[k] for k in words if self.alpha[k])
        last = len(words) - 1
        return all(self.title[k] or (upper and self.upper[k]) or (0 < pos < last and self.joiner[k])
                   for pos, k in enumerate(words))


def _name_cased(span) -> bool:
    """Every word capitalised (or all in capitals), joiners ("and", "of") lowercase."""
    words = [t for t in span if t.text not in ("-", "'")]
    upper = all(t.is_upper for t in words if t.is_alpha)
    return all(t.is_title or (upper and t.is_upper) or (0 < k < len(words) - 1 and t.lower_ in _NAME_JOINERS)
               for k, t in enumerate(words))


def _glued(doc, start: int, end: int) -> bool:
    def proper(t) -> bool:
        return t.tag_ in ("NNP", "NNPS") and t.is_title
    after = doc[end] if end < len(doc) else None
    before = doc[start - 1] if start > 0 else None
    return ((after is not None and proper(after) and doc[end - 1].whitespace_ == " " and not after.is_sent_start)
            or (before is not None and proper(before) and before.whitespace_ == " " and not doc[start].is_sent_start))
