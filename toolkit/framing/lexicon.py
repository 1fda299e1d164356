"""The framing lexicons (editable YAML in ``toolkit/framing/data``) and the
matcher built from them.

Each entry becomes a :class:`Entry` (signal, category, term, the phrase to
match, an optional part of speech for its last word, and the actor it names
for naming variants). Matching is case-insensitive; the last word of a phrase
also matches by lemma so entries are written once in base form ("war crime"
finds "war crimes"). Longer phrases listed under ``exclude:`` veto a match of
the same signal inside them ("war" inside "war crimes" is not a naming of the
conflict). See ``data/README.md`` for the sources and licences.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from toolkit.datafiles import load_yaml
from toolkit.vocabulary import reporting_verbs
from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.lang.en import English
from spacy.tokens import Doc
from spacy.vocab import Vocab

DATA_DIR = Path(str(resources.files("toolkit.framing") / "data"))
LEXICON_FILES = ("loaded_terms.yaml", "official_terms.yaml", "hedges.yaml", "naming.yaml")
#: category of a quote cue that no attribution-verb list names
OTHER_VERB = "other"


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and entry."""


@dataclass(frozen=True)
class Entry:
    signal: str
    category: str
    term: str  # what the framing table's ``term`` column shows
    phrase: str  # what is matched in the text
    pos: tuple[str, ...] = ()
    actor_id: str | None = None


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[Entry, ...]
    #: (signal, phrase) pairs in which a match of that signal does not count
    excludes: tuple[tuple[str, str], ...]
    #: cue lemma -> attribution category
    verbs: dict = field(hash=False, compare=False, default_factory=dict)
    digest: str = ""

    def verb_category(self, cue: str | None) -> str:
        """Category of a reporting verb (``cue`` as the quotes table gives it)."""
        if not cue:
            return OTHER_VERB
        return self.verbs.get(" ".join(cue.lower().split()), OTHER_VERB)


@functools.lru_cache(maxsize=8)
def load_lexicon(directory: str | None = None) -> Lexicon:
    """Read every framing lexicon file in ``directory`` (default: the shipped one)."""
    root = Path(directory) if directory else DATA_DIR
    entries: list[Entry] = []
    excludes: list[tuple[str, str]] = []
    digest = hashlib.sha256()
    for name in LEXICON_FILES:
        path = root / name
        raw = path.read_bytes()
        digest.update(name.encode() + b"\0" + raw)
        try:
            data = load_yaml(raw) or {}
        except yaml.YAMLError as exc:
            raise LexiconError(f"{path}: not valid YAML: {exc}") from exc
        file_entries, file_excludes = _parse_file(data, path)
        entries.extend(file_entries)
        excludes.extend(file_excludes)
    # attribution-verb categories: the ``stance`` tags of the shared reporting-verb lexicon
    shared = reporting_verbs()
    digest.update(b"reporting_verbs.yaml\0" + shared.digest.encode())
    verbs = dict(shared.stance)
    return Lexicon(tuple(entries), tuple(excludes), verbs, digest.hexdigest()[:16])


def _parse_file(data: dict, path: Path) -> tuple[list[Entry], list[tuple[str, str]]]:
    if "groups" in data:  # naming.yaml
        return _parse_naming(data, path)
    if "signals" in data:  # several signals in one file
        by_signal = data["signals"]
    elif "signal" in data:
        by_signal = {data["signal"]: data.get("categories") or {}}
    else:
        raise LexiconError(f"{path}: expected 'signal' + 'categories', 'signals' or 'groups'")
    entries = []
    for signal, categories in by_signal.items():
        for category, items in (categories or {}).items():
            for item in items or ():
                phrase, pos = _entry_phrase(item, f"{path} {signal}/{category}")
                entries.append(Entry(signal, category, phrase, phrase, pos))
    signals = list(by_signal)
    excludes = [(signal, str(x)) for x in data.get("exclude") or () for signal in signals]
    return entries, excludes


def _parse_naming(data: dict, path: Path) -> tuple[list[Entry], list[tuple[str, str]]]:
    signal = data.get("signal", "naming")
    entries, excludes = [], []
    for group, spec in (data.get("groups") or {}).items():
        if not isinstance(spec, dict) or not isinstance(spec.get("variants"), dict):
            raise LexiconError(f"{path}: group {group!r} needs a 'variants' mapping")
        for variant, vspec in spec["variants"].items():
            forms = vspec.get("forms") if isinstance(vspec, dict) else vspec
            if not forms:
                raise LexiconError(f"{path}: {group}/{variant} has no forms")
            for form in forms:
                entries.append(Entry(signal, str(group), str(variant), str(form), (), spec.get("actor_id")))
        excludes.extend((signal, str(x)) for x in spec.get("exclude") or ())
    return entries, excludes


def _entry_phrase(item, where: str) -> tuple[str, tuple[str, ...]]:
    if isinstance(item, str):
        return item, ()
    if isinstance(item, dict) and isinstance(item.get("term"), str):
        pos = item.get("pos") or ()
        return item["term"], tuple([pos] if isinstance(pos, str) else pos)
    raise LexiconError(f"{where}: entry {item!r} must be a string or a {{term, pos}} mapping")


# -- matching ------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """One lexicon hit: token span ``[start, end)`` and the entry it matched."""

    start: int
    end: int
    entry: Entry


class LexiconMatcher:
    """Every lexicon phrase, indexed by its first word, for one vocab.

    Build it once per vocab (see :func:`matcher_for`); call it on a ``Doc``
    to get the hits of each signal with exclusions applied and, within a
    signal, only the longest of overlapping hits. A dictionary lookup per
    token (lowercase form, and lemma for one-word phrases) instead of spaCy's
    ``Matcher``: with a few hundred phrases it is ~20x faster and matches the
    same way (words by lowercase form, the last word also by lemma, optional
    part of speech on the last word).
    """

    def __init__(self, vocab: Vocab, lexicon: Lexicon):
        self.vocab = vocab
        self.lexicon = lexicon
        tokenizer = English(vocab=vocab).tokenizer
        #: first word -> [(words, pos, entry or None for an exclusion, signal)]
        self.by_first: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], Entry | None, str]]] = {}
        for entry in lexicon.entries:
            self._add(_phrase_words(tokenizer, entry.phrase), entry.pos, entry, entry.signal)
        for signal, phrase in lexicon.excludes:
            self._add(_phrase_words(tokenizer, phrase), (), None, signal)

    def _add(self, words: tuple[str, ...], pos: tuple[str, ...], entry: Entry | None, signal: str) -> None:
        self.by_first.setdefault(words[0], []).append((words, pos, entry, signal))

    def __call__(self, doc: Doc) -> list[Match]:
        # token attribute arrays, not one Token object per token: lower_ is the
        # LOWER string, lemma_ the LEMMA string ("" for none, then the ORTH text)
        strings = doc.vocab.strings
        cols = doc.to_array([LOWER, LEMMA, ORTH]).tolist() if len(doc) else []
        lower = [strings[low] for low, _, _ in cols]
        lemma = [(strings[lem] or strings[orth]).lower() for _, lem, orth in cols]
        n = len(lower)
        hits: dict[str, list[Match]] = {}
        vetoes: dict[str, list[tuple[int, int]]] = {}
        for i in range(n):
            candidates = self.by_first.get(lower[i], [])
            if lemma[i] != lower[i]:
                # a one-word phrase also matches by lemma ("atrocities" -> atrocity)
                candidates = candidates + [c for c in self.by_first.get(lemma[i], []) if len(c[0]) == 1]
            for words, need_pos, entry, signal in candidates:
                end = i + len(words)
                if end > n or not _words_match(words, lower, lemma, i):
                    continue
                if need_pos and doc[end - 1].pos_ not in need_pos:
                    continue
                if entry is None:
                    vetoes.setdefault(signal, []).append((i, end))
                else:
                    hits.setdefault(signal, []).append(Match(i, end, entry))
        out: list[Match] = []
        for signal, matches in hits.items():
            vetoed = vetoes.get(signal, [])
            kept = [m for m in matches if not any(vs <= m.start and m.end <= ve for vs, ve in vetoed)]
            out.extend(_longest_first(_dedupe(kept)))
        return sorted(out, key=lambda m: (m.start, m.end, m.entry.signal))


def _words_match(words: tuple[str, ...], lower: list[str], lemma: list[str], i: int) -> bool:
    """Every word by lowercase form; the last also by lemma."""
    last = len(words) - 1
    for k, word in enumerate(words):
        if lower[i + k] != word and not (k == last and lemma[i + k] == word):
            return False
    return True


def _dedupe(matches: list[Match]) -> list[Match]:
    """One match per span and signal (a phrase may match by form and lemma)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for m in matches:
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            out.append(m)
    return out


def _longest_first(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, preferring the longest (then the earliest)."""
    taken: set[int] = set()
    kept = []
    for m in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        span = set(range(m.start, m.end))
        if span & taken:
            continue
        taken |= span
        kept.append(m)
    return kept


def _phrase_words(tokenizer, phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as lowercase words, tokenised like the text is
    ("so-called" -> so / - / called)."""
    words = tuple(t.lower_ for t in tokenizer(phrase) if not t.is_space)
    if not words:
        raise LexiconError(f"empty lexicon phrase {phrase!r}")
    return words


# the tokenizer behind the phrases is tied to a vocab; keep one matcher per (vocab, lexicon). The vocab
# itself is held so its id cannot be reused by another object.
_MATCHERS: dict[tuple[int, str], LexiconMatcher] = {}


def matcher_for(vocab: Vocab, lexicon: Lexicon | None = None) -> LexiconMatcher:
    """The cached :class:`LexiconMatcher` for ``vocab`` (default lexicon)."""
    lexicon = lexicon or load_lexicon()
    key = (id(vocab), lexicon.digest)
    hit = _MATCHERS.get(key)
    if hit is None or hit.vocab is not vocab:
        if len(_MATCHERS) >= 8:
            _MATCHERS.pop(next(iter(_MATCHERS)))
        hit = _MATCHERS[key] = LexiconMatcher(vocab, lexicon)
    return hit
