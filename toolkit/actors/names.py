"""Name normalisation: one key per person across spellings, and stable ids.

Transliterated Slavic names come in several spellings (Zelensky / Zelenskiy /
Zelenskyy / Zelenskyi; Andriy / Andrii; Dmitry / Dmitri) and Turkish ones with
or without diacritics (Erdoğan / Erdogan). :func:`name_key` maps them to one
key by folding accents (Unicode NFKD, as in ``unidecode``-style ASCII folding)
and the common English/Ukrainian/Russian transliteration endings (the BGN/PCGN,
Ukrainian national 2010 and Library of Congress systems differ mostly in how
they spell final -ий/-ій: -y, -iy, -yy, -yi, -ii, -ij). :func:`actor_slug`
builds ids for actors the catalogue does not know, from the key, so the same
person gets the same id in every article and every run.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Final -iy/-yy/-yi/-ii/-ij all write the same Cyrillic ending (-ий/-ій); so
# does the -sky of the common surname family (Zelensky = Zelenskiy).
_ENDING = re.compile(r"(?:iyy|iy|yy|yi|ii|ij)\b")
_SKY = re.compile(r"(?<=sk)y\b")
_NON_LETTER = re.compile(r"[^a-z ]+")
_SPACES = re.compile(r"\s+")
_APOSTROPHES = "'’‘`´ʼ"
#: leading words that are not part of a name (kept out of keys and ids)
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "gen", "general",
    "col", "colonel", "lt", "capt", "captain", "maj", "major", "sgt", "president", "pres",
    "prime", "minister", "chancellor", "senator", "sen", "rep", "gov", "governor", "mayor",
    "king", "queen", "prince", "princess", "pope", "rev", "father", "ayatollah", "sheikh", "the",
})


def fold_ascii(text: str) -> str:
    """Strip accents: NFKD-decompose and drop combining marks ("Erdoğan" -> "Erdogan")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Normalised comparison key of a name: lowercase ASCII, no possessive, no
    honorific, transliteration endings folded ("Zelenskiy's" -> "zelensky").

    Cached: a pure function of the string, asked of the same names and
    capitalised word runs over and over (every candidate span of
    :func:`toolkit.actors.places.country_spans`, every mention)."""
    text = fold_ascii(name).lower()
    for apostrophe in _APOSTROPHES:
        text = text.replace(apostrophe + "s", " ").replace(apostrophe, "")
    text = text.replace("-", " ").replace(".", " ")
    text = _NON_LETTER.sub(" ", text)
    words = [w for w in _SPACES.split(text) if w]
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    # middle initials do not tell people apart ("Janet L. Yellen" = "Janet Yellen")
    if len(words) > 2 and len(words[0]) > 1 and len(words[-1]) > 1:
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return _SKY.sub("iy", _ENDING.sub("iy", " ".join(words)))


def actor_slug(name: str, prefix: str) -> str:
    """Stable id for an uncatalogued actor: ``prefix:`` + the name key with
    underscores ("Andriy Demchenko", "per" -> "per:andriy_demchenko")."""
    key = name_key(name).replace(" ", "_")
    return f"{prefix}:{key}" if key else ""


#: capitalised words that precede a name as a title or office, not as part of
#: the name ("President Putin", "Kyiv Mayor Vitali Klitschko")
TITLE_WORDS = frozenset({
    "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "governor", "mayor",
    "chancellor", "general", "colonel", "commander", "chief", "ambassador", "deputy", "head", "director",
    "speaker", "leader", "adviser", "advisor", "aide", "envoy", "senator", "judge", "prosecutor", "defence",
    "defense", "foreign", "prime", "vice", "elect", "lieutenant", "major", "captain", "sergeant", "officer",
    "patriarch", "pope", "king", "queen", "prince", "lord", "sir", "dr", "mr", "mrs", "ms", "prof", "st",
    "governor-general", "president-elect", "regional", "region", "oblast", "province", "city", "mayor's",
})

#: lowercase words allowed inside a person's name ("Ursula von der Leyen", "Marine Le Pen")
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "la", "le", "du", "da", "di", "al", "el", "bin", "ibn",
                            "ben", "dos"})

#: nouns that stand for one person, when in apposition with a name ("Ukraine's
#: deputy defence minister, Hanna Maliar"; "Julia Carling, a television
#: presenter"): such a name is a person whatever the model's label
PERSON_NOUNS = frozenset({
    "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "governor", "mayor",
    "chancellor", "commander", "ambassador", "envoy", "director", "adviser", "advisor", "aide", "senator",
    "judge", "prosecutor", "lawyer", "presenter", "journalist", "correspondent", "analyst", "economist",
    "chairman", "chairwoman", "ombudsman", "premier", "lawmaker", "diplomat", "officer", "general", "captain",
    "colonel", "sergeant", "soldier", "widow", "wife", "husband", "daughter", "son", "mother", "father",
})
