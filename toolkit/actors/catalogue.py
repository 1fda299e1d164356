"""The actor catalogue: data, not code.

A YAML file (``toolkit/data/actors.yaml`` ships with the package; an analyst
passes their own with ``annotate(..., catalogue=path)``) lists each actor:

```yaml
- actor_id: putin
  name: Vladimir Putin
  kind: person            # person / organisation / country / group / place
  side: Russia
  role: President of Russia
  aliases: [Putin, Vladimir Putin, Vladimir Vladimirovich Putin]   # exact case
  epithets: [the Kremlin boss, the Kremlin tyrant, the Russian leader]  # any case
  role_phrases:           # phrases that stand for the actor only in a time window
    - {phrase: the Russian president, from: 2012-05-07}
- actor_id: russia
  name: Russia
  kind: country
  side: Russia
  aliases: [Russia, the Russian Federation]
  demonyms: [Russian]     # adjectives that stand for the country ("Russian attacks")
```

Fields
    ``actor_id``, ``name``, ``kind`` are required; ``side`` defaults to
    ``other``. ``aliases`` match with their exact spelling and case (so the
    place "Turkey" never matches "turkey"), and in ALL CAPS when 4+ characters
    long ("BIDEN" in a shouted lede); spell out each variant
    (Zelensky/Zelenskiy/Zelenskyy; Erdogan/Erdoğan). Possessives need no entry
    ("Zelenskyy's" tokenises to "Zelenskyy" + "'s"). ``epithets`` and
    ``role_phrases`` match in any case ("The Kremlin leader" at the start of a
    sentence). A role phrase may belong to several actors with different
    ``from``/``to`` windows ("the U.S. president": Biden 2021-01-20..2025-01-19,
    Trump from 2025-01-20); the mentions extractor picks the one active on the
    article's publication date and drops the phrase when none is (or when the
    date is unknown and the windows disagree).

Metonymy (documented decision)
    Capitals and seats of power are catalogued as what they are: "Kyiv",
    "Moscow", "Washington" are ``kind: place`` with the side of their country;
    "the Kremlin", "the White House", "the Pentagon" are ``kind: organisation``
    on their country's side. They are never persons. An analyst counting "who is
    talked about" per side therefore sees them on the right side; one who wants
    only people filters ``kind == "person"``.

Extending the shipped catalogue
    * ``load_catalogue([shipped_path, my_path])``: later files add actors and
      *replace* actors with the same ``actor_id``.
    * or, in the analyst's own file, a mapping instead of a list::

          extends: default          # or a path, relative to this file
          actors:
            - {actor_id: demchenko, name: Andriy Demchenko, kind: person, side: Ukraine}

      so ``annotate(corpus, catalogue="my_actors.yaml")`` uses the shipped
      actors plus (and overriding) the analyst's.

Validation errors (:class:`CatalogueError`) name the file, the entry and the
field: malformed YAML, missing or unknown fields, unknown kind, bad dates,
duplicate ``actor_id`` within a file, and an alias or epithet claimed by two
actors (which would make matches ambiguous).

The catalogue becomes the ``toolkit_actor_ruler`` pipeline component (its
factory sits beside the component in :mod:`toolkit.actors.ruler`), placed before the statistical NER so catalogue
matches win over the model; each match carries ``ent.ent_id_ == actor_id``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from toolkit.actors.names import name_key
from toolkit.datafiles import iso_date, read_entry_files, strings_field

KINDS = ("person", "organisation", "country", "group", "place")
#: spaCy entity label the ruler gives each kind (so downstream code that reads
#: ``doc.ents`` sees the same labels as from the model)
KIND_LABEL = {"person": "PERSON", "organisation": "ORG", "country": "GPE", "group": "NORP", "place": "GPE"}
FIELDS = {"actor_id", "name", "kind", "side", "role", "aliases", "epithets", "role_phrases", "demonyms", "notes"}

CataloguePaths = str | os.PathLike | None | Iterable[str | os.PathLike]


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
    demonyms: tuple[str, ...] = ()


@dataclass
class Catalogue:
    actors: dict[str, Actor]
    path: Path
    digest: str
    by_alias: dict[str, str] = field(default_factory=dict)
    #: normalised name key (see :func:`toolkit.actors.names.name_key`) -> actor_id
    by_key: dict[str, str] = field(default_factory=dict)
    #: lowercased epithet -> actor_id
    by_epithet: dict[str, str] = field(default_factory=dict)
    #: lowercased role phrase -> [(actor_id, RolePhrase)]
    by_role_phrase: dict[str, list[tuple[str, RolePhrase]]] = field(default_factory=dict)
    #: demonym (exact case) -> actor_id
    by_demonym: dict[str, str] = field(default_factory=dict)
    paths: tuple[Path, ...] = ()

    def __post_init__(self) -> None:
        for actor in self.actors.values():
            for alias in (actor.name, *actor.aliases):
                self.by_alias.setdefault(alias.lower(), actor.actor_id)
                key = name_key(alias)
                if key:
                    self.by_key.setdefault(key, actor.actor_id)
            for epithet in actor.epithets:
                self.by_epithet.setdefault(epithet.lower(), actor.actor_id)
            for rp in actor.role_phrases:
                self.by_role_phrase.setdefault(rp.phrase.lower(), []).append((actor.actor_id, rp))
            for demonym in actor.demonyms:
                self.by_demonym.setdefault(demonym, actor.actor_id)

    def __len__(self) -> int:
        return len(self.actors)

    def __getitem__(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def lookup(self, surface: str) -> Actor | None:
        """Actor whose name or alias equals ``surface`` (case-insensitive), else
        whose name normalises to the same key (accents, transliteration
        endings: "Erdoğan"/"Erdogan", "Zelenskyi"/"Zelenskyy")."""
        actor_id = self.by_alias.get(surface.lower()) or self.by_key.get(name_key(surface))
        return self.actors[actor_id] if actor_id else None

    def resolve_role_phrase(self, phrase: str, when: dt.date | None) -> Actor | None:
        """The actor a time-bound role phrase stands for on date ``when``.

        With no date, the phrase resolves only if every window names the same
        actor (otherwise "the U.S. president" would be a guess).
        """
        options = self.by_role_phrase.get(phrase.lower(), [])
        if when is None:
            ids = {actor_id for actor_id, _ in options}
            return self.actors[ids.pop()] if len(ids) == 1 else None
        for actor_id, rp in options:
            if rp.active(when):
                return self.actors[actor_id]
        return None

    def ruler_patterns(self) -> list[dict]:
        """EntityRuler-style patterns (label, pattern, id, attr) for every
        name, alias, demonym (exact case, ``ORTH``), epithet and role phrase
        (any case, ``LOWER``)."""
        patterns = []
        for actor in self.actors.values():
            label = KIND_LABEL[actor.kind]
            for phrase in sorted({actor.name, *actor.aliases}):
                patterns.append({"label": label, "pattern": phrase, "id": actor.actor_id, "attr": "ORTH"})
            for phrase in sorted(set(actor.demonyms)):
                patterns.append({"label": "NORP", "pattern": phrase, "id": actor.actor_id, "attr": "ORTH"})
            for phrase in sorted({*actor.epithets, *(rp.phrase for rp in actor.role_phrases)}):
                patterns.append({"label": label, "pattern": phrase, "id": actor.actor_id, "attr": "LOWER"})
        return patterns


def default_path() -> Path:
    return Path(str(resources.files("toolkit") / "data" / "actors.yaml"))


def resolve_path(path: str | os.PathLike | None) -> Path:
    return Path(path) if path else default_path()


def load_catalogue(path: CataloguePaths = None) -> Catalogue:
    """Read and validate a catalogue (``None``: the shipped one).

    ``path`` may be a list of files: later files add actors and replace those
    with the same ``actor_id``. A file may also ``extends:`` another (see the
    module docstring). Reading, ``extends`` and merging are
    :func:`toolkit.datafiles.read_entry_files`, shared with the agency/outlet list.
    """
    read = read_entry_files(path, key="actors", id_field="actor_id", default=default_path(), parse=_parse_actor,
                            error=CatalogueError, noun="catalogue")
    _check_unique_phrases(read.entries, read.last)
    return Catalogue(actors=read.entries, path=read.last, digest=read.digest, paths=read.paths)


def files_digest(paths: Iterable[Path]) -> str | None:
    """The digest :func:`toolkit.datafiles.read_entry_files` gives the files
    ``paths`` (in that order) as they are on disk now, or ``None`` when one
    cannot be read. A cached catalogue or sources list whose ``digest`` differs
    from this is stale."""
    import hashlib

    digest = hashlib.sha256()
    try:
        for path in paths:
            digest.update(Path(path).read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()[:16]


#: path -> the catalogue :func:`cached_catalogue` read from it (at most 8 paths kept)
_CATALOGUES: dict[str | None, Catalogue] = {}


def cached_catalogue(path: str | None = None) -> Catalogue:
    """:func:`load_catalogue` of one file, parsed once per process per path
    and content: the unit of work calls it for every partition and
    ``annotate`` at every call, and the YAML costs ~0.05 CPU s to read.

    The cached catalogue is returned only while every file it was read from
    (the file and what it ``extends``) still has the same bytes (their
    digest, :func:`files_digest`, is the catalogue's ``digest``), so an edit
    between two calls is always picked up; a file that can no longer be read
    is read again (and raises as :func:`load_catalogue` does). Treat the
    result as read-only: it is shared."""
    cached = _CATALOGUES.get(path)
    if cached is not None and files_digest(cached.paths) == cached.digest:
        return cached
    catalogue = load_catalogue(path)
    _CATALOGUES.pop(path, None)
    if len(_CATALOGUES) >= 8:
        _CATALOGUES.pop(next(iter(_CATALOGUES)))
    _CATALOGUES[path] = catalogue
    return catalogue


def _check_unique_phrases(actors: dict[str, Actor], path: Path) -> None:
    """An alias, demonym or epithet may name one actor only (role phrases may be
    shared: their time windows tell the actors apart)."""
    owner: dict[tuple[str, str], str] = {}
    for actor in actors.values():
        phrases = [("alias", a) for a in {actor.name, *actor.aliases}]
        phrases += [("demonym", d) for d in set(actor.demonyms)]
        phrases += [("epithet", e.lower()) for e in set(actor.epithets)]
        for kind, phrase in phrases:
            other = owner.setdefault((kind, phrase), actor.actor_id)
            if other != actor.actor_id:
                raise CatalogueError(
                    f"{path}: {kind} {phrase!r} is claimed by both {other!r} and {actor.actor_id!r}; "
                    "keep it on one actor (use a role phrase with from/to dates if the referent changes over time)"
                )


def _parse_actor(entry: object, where: str) -> Actor:
    if not isinstance(entry, dict):
        raise CatalogueError(f"{where}: expected a mapping, got {type(entry).__name__}")
    name_hint = f" ({entry.get('actor_id') or entry.get('name')})" if entry.get("actor_id") or entry.get("name") else ""
    where = f"{where}{name_hint}"
    for key in ("actor_id", "name", "kind"):
        if not entry.get(key):
            raise CatalogueError(f"{where}: missing required field {key!r}")
    unknown = set(entry) - FIELDS
    if unknown:
        raise CatalogueError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(FIELDS)}")
    if entry["kind"] not in KINDS:
        raise CatalogueError(f"{where}: kind {entry['kind']!r} is not one of {KINDS}")
    role_phrases = []
    for rp in entry.get("role_phrases") or []:
        if isinstance(rp, str):
            rp = {"phrase": rp}
        if not isinstance(rp, dict) or not rp.get("phrase"):
            raise CatalogueError(f"{where}: each role_phrases item needs a 'phrase' (got {rp!r})")
        role_phrases.append(RolePhrase(str(rp["phrase"]), _date(rp.get("from"), where), _date(rp.get("to"), where)))
    return Actor(
        actor_id=str(entry["actor_id"]),
        name=str(entry["name"]),
        kind=str(entry["kind"]),
        side=str(entry.get("side") or "other"),
        role=str(entry.get("role") or ""),
        aliases=_strings(entry, "aliases", where),
        epithets=_strings(entry, "epithets", where),
        role_phrases=tuple(role_phrases),
        demonyms=_strings(entry, "demonyms", where),
    )


def _strings(entry: dict, key: str, where: str) -> tuple[str, ...]:
    return strings_field(entry, key, where, CatalogueError)


def _date(value, where: str = "") -> dt.date | None:
    try:
        return iso_date(value)
    except ValueError as exc:
        raise CatalogueError(f"{where}: role phrase date {value!r} is not YYYY-MM-DD") from exc
