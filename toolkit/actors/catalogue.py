"""The actor catalogue: data, not code.

A YAML file (``toolkit/data/actors.yaml`` ships with the package; an analyst
passes their own with ``annotate(..., catalogue=path)``) lists each actor:

```yaml
- actor_id: putin
  name: Vladimir Putin
  kind: person            # person / organisation / country / group / place
  side: Russia
  role: President of Russia
  aliases: [Putin, Vladimir Putin, Vladimir Vladimirovich Putin]
  epithets: [the Kremlin boss, the Kremlin tyrant, the Russian leader]
  role_phrases:           # phrases that stand for the actor only in a time window
    - {phrase: the Russian president, from: 2000-05-07}
```

The catalogue becomes the ``toolkit_actor_ruler`` pipeline component: a spaCy
``EntityRuler`` placed before the statistical NER so catalogue matches win.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml
from spacy.language import Language

KINDS = ("person", "organisation", "country", "group", "place")
#: spaCy entity label the ruler gives each kind (so downstream code that reads
#: ``doc.ents`` sees the same labels as from the model)
KIND_LABEL = {"person": "PERSON", "organisation": "ORG", "country": "GPE", "group": "NORP", "place": "GPE"}


class CatalogueError(ValueError):
    """The catalogue file is malformed; the message names the entry and field."""


@dataclass(frozen=True)
class RolePhrase:
    phrase: str
    start: dt.date | None = None
    end: dt.date | None = None

    def active(self, when: dt.date | None) -> bool:
        if when is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True)
class Actor:
    actor_id: str
    name: str
    kind: str
    side: str = "other"
    role: str = ""
    aliases: tuple[str, ...] = ()
    epithets: tuple[str, ...] = ()
    role_phrases: tuple[RolePhrase, ...] = ()


@dataclass
class Catalogue:
    actors: dict[str, Actor]
    path: Path
    digest: str
    by_alias: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for actor in self.actors.values():
            for alias in (actor.name, *actor.aliases):
                self.by_alias.setdefault(alias.lower(), actor.actor_id)

    def __len__(self) -> int:
        return len(self.actors)

    def __getitem__(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def lookup(self, surface: str) -> Actor | None:
        """Actor whose name or alias equals ``surface`` (case-insensitive)."""
        actor_id = self.by_alias.get(surface.lower())
        return self.actors[actor_id] if actor_id else None

    def ruler_patterns(self) -> list[dict]:
        """EntityRuler patterns: names, aliases, epithets, role phrases."""
        patterns = []
        for actor in self.actors.values():
            label = KIND_LABEL[actor.kind]
            phrases = {actor.name, *actor.aliases, *actor.epithets, *(rp.phrase for rp in actor.role_phrases)}
            for phrase in sorted(phrases):
                patterns.append({"label": label, "pattern": phrase, "id": actor.actor_id})
        return patterns


def default_path() -> Path:
    return Path(str(resources.files("toolkit") / "data" / "actors.yaml"))


def resolve_path(path: str | os.PathLike | None) -> Path:
    return Path(path) if path else default_path()


def load_catalogue(path: str | os.PathLike | None = None) -> Catalogue:
    """Read and validate a catalogue file (``None``: the shipped one)."""
    path = resolve_path(path)
    raw_bytes = path.read_bytes()
    try:
        entries = yaml.safe_load(raw_bytes)
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(entries, list):
        raise CatalogueError(f"{path}: expected a list of actors at the top level")
    actors: dict[str, Actor] = {}
    for n, entry in enumerate(entries):
        actor = _parse_actor(entry, f"{path} entry {n}")
        if actor.actor_id in actors:
            raise CatalogueError(f"{path} entry {n}: duplicate actor_id {actor.actor_id!r}")
        actors[actor.actor_id] = actor
    return Catalogue(actors=actors, path=path, digest=hashlib.sha256(raw_bytes).hexdigest()[:16])


def _parse_actor(entry: object, where: str) -> Actor:
    if not isinstance(entry, dict):
        raise CatalogueError(f"{where}: expected a mapping, got {type(entry).__name__}")
    for key in ("actor_id", "name", "kind"):
        if not entry.get(key):
            raise CatalogueError(f"{where}: missing required field {key!r}")
    if entry["kind"] not in KINDS:
        raise CatalogueError(f"{where}: kind {entry['kind']!r} is not one of {KINDS}")
    role_phrases = []
    for rp in entry.get("role_phrases") or []:
        if isinstance(rp, str):
            rp = {"phrase": rp}
        role_phrases.append(RolePhrase(rp["phrase"], _date(rp.get("from")), _date(rp.get("to"))))
    return Actor(
        actor_id=str(entry["actor_id"]),
        name=str(entry["name"]),
        kind=str(entry["kind"]),
        side=str(entry.get("side") or "other"),
        role=str(entry.get("role") or ""),
        aliases=tuple(str(a) for a in entry.get("aliases") or ()),
        epithets=tuple(str(e) for e in entry.get("epithets") or ()),
        role_phrases=tuple(role_phrases),
    )


def _date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@Language.factory("toolkit_actor_ruler", default_config={"catalogue_path": None})
def make_actor_ruler(nlp: Language, name: str, catalogue_path: str | None):
    """An ``EntityRuler`` loaded with the catalogue's phrases (case-sensitive
    ``ORTH`` patterns plus a lowercase variant for epithets)."""
    from spacy.pipeline import EntityRuler

    catalogue = load_catalogue(catalogue_path)
    ruler = EntityRuler(nlp, name=name, phrase_matcher_attr="ORTH", overwrite_ents=True)
    ruler.add_patterns(catalogue.ruler_patterns())
    return ruler
