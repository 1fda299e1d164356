"""The story a corpus follows, from an editable data file.

``toolkit/data/story.yaml`` (shipped for the Russia–Ukraine war) names the
story's period, its unsided places and, per side, the words and places that
say whose people a figure counts; ``story_other.yaml`` beside it lists other
conflicts, historical periods, crises and crime, so that "5.7 million
Syrians" or "Stalin's mathematics – 20 million losses" are marked as not
about the story. Point the toolkit at another story with the environment
variable ``TOOLKIT_STORY=/path/story.yaml`` (its ``other:`` path is relative
to the file). Both files are documented in their headers.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from toolkit.datafiles import iso_date, load_yaml

ENV = "TOOLKIT_STORY"


class StoryError(ValueError):
    """A story file that cannot be used (missing keys, bad dates)."""


@dataclass(frozen=True, eq=False)  # one object per file content (cached): hash by identity
class Story:
    name: str
    start: dt.date | None
    end: dt.date | None
    places: frozenset[str]  # on-story places that belong to no side
    side_words: dict[str, str]  # word -> side ("ukrainian" -> "Ukraine")
    side_places: dict[str, str]  # place -> side ("kharkiv" -> "Ukraine")
    other_terms: dict[str, tuple[str, str]]  # term -> (entry, kind): "syrians" -> ("syria", "conflict")
    volunteer_words: dict[str, str]  # foreign nationality -> the side its volunteers fight for ("british" -> "Ukraine")
    digest: str

    @functools.cached_property
    def other_pattern(self) -> re.Pattern | None:
        """One regex for every other-context term (longest first, whole words)."""
        if not self.other_terms:
            return None
        terms = sorted(self.other_terms, key=len, reverse=True)
        return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in terms) + r")(?![\w-])", re.IGNORECASE)

    @functools.cached_property
    def story_pattern(self) -> re.Pattern:
        """Words naming the story's places or sides."""
        words = sorted({*self.places, *self.side_words, *self.side_places}, key=len, reverse=True)
        return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)


def story_path() -> Path:
    """The story file in use: ``$TOOLKIT_STORY`` or the shipped one."""
    env = os.environ.get(ENV)
    if env:
        return Path(env)
    return _shipped_story()


@functools.lru_cache(maxsize=1)
def _shipped_story() -> Path:
    """Where the shipped story file is (found once: ``importlib.resources`` is
    slow, and the claims step asks for the story several times per article)."""
    return Path(str(resources.files("toolkit") / "data" / "story.yaml"))


def load_story(path: str | os.PathLike | None = None) -> Story:
    """Read and check a story file (cached per path and content)."""
    p = Path(path) if path is not None else story_path()
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise StoryError(f"story file {p} cannot be read: {exc}") from exc
    return _parse(str(p), raw)


@functools.lru_cache(maxsize=8)
def _parse(path: str, raw: bytes) -> Story:
    data = load_yaml(raw) or {}
    if not isinstance(data, dict) or not isinstance(data.get("sides"), dict):
        raise StoryError(f"story file {path} needs a 'sides' mapping (see toolkit/data/story.yaml)")
    period = data.get("period") or {}
    side_words: dict[str, str] = {}
    side_places: dict[str, str] = {}
    volunteer_words: dict[str, str] = {}
    for side, entry in data["sides"].items():
        entry = entry or {}
        for word in entry.get("adjectives") or ():
            side_words[str(word).lower()] = str(side)
        for place in entry.get("places") or ():
            side_places[str(place).lower()] = str(side)
        for word in entry.get("volunteers") or ():
            volunteer_words[str(word).lower()] = str(side)
    other_terms: dict[str, tuple[str, str]] = {}
    h = hashlib.sha256(raw)
    other = data.get("other")
    if other:
        other_path = Path(path).parent / str(other)
        try:
            other_raw = other_path.read_bytes()
        except OSError as exc:
            raise StoryError(f"story file {path}: its 'other' file {other_path} cannot be read: {exc}") from exc
        h.update(other_raw)
        for name, entry in (load_yaml(other_raw) or {}).items():
            entry = entry or {}
            for term in entry.get("terms") or ():
                other_terms.setdefault(str(term).lower(), (str(name), str(entry.get("kind") or "other")))
    return Story(
        name=str(data.get("name") or Path(path).stem),
        start=_date(period.get("start"), path),
        end=_date(period.get("end"), path),
        places=frozenset(str(p).lower() for p in data.get("places") or ()),
        side_words=side_words,
        side_places=side_places,
        other_terms=other_terms,
        volunteer_words=volunteer_words,
        digest=h.hexdigest()[:12],
    )


def _date(value, path: str) -> dt.date | None:
    try:
        return iso_date(value)
    except ValueError as exc:
        raise StoryError(f"story file {path}: period dates must be YYYY-MM-DD, not {value!r}") from exc
