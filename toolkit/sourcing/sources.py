"""The agency and outlet list: data, not code.

A YAML file (``toolkit/sourcing/data/sources.yaml`` ships with the package)
lists each news organisation an article may credit:

```yaml
sources:
  - source_id: tass
    name: TASS
    type: agency            # agency / newspaper / broadcaster / online / magazine / unspecified
    country: Russia
    state: true             # state-owned or state-run
    aliases: [TASS, Tass, ITAR-TASS]          # exact case; a leading "the" is optional
    programmes: []          # channels and programmes credited to it ("BBC Radio 4", "Newsnight")
    self_names: []          # short names meaning this outlet in its own articles ("The Times" in the NYT)
    outlets: []             # the names an article's ``outlet`` column uses for it
```

Extending the shipped list works like the actor catalogue
(:mod:`toolkit.actors.catalogue`):

* ``load_sources([shipped_path, my_path])``: later files add sources and
  *replace* sources with the same ``source_id``;
* or, in the analyst's own file, ``extends: default`` (or a path relative to
  that file) above ``sources:``, so ``load_sources("my_sources.yaml")`` is the
  shipped list plus (and overriding) the analyst's.

Validation errors (:class:`SourcesError`) name the file, the entry and the
field: malformed YAML, missing or unknown fields, an unknown type, a duplicate
``source_id`` within a file, an alias claimed by two sources.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from toolkit.datafiles import read_entry_files, strings_field

TYPES = ("agency", "newspaper", "broadcaster", "online", "magazine", "unspecified")
FIELDS = {"source_id", "name", "type", "country", "state", "aliases", "programmes", "self_names", "outlets", "notes"}

SourcesPaths = str | os.PathLike | None | Iterable[str | os.PathLike]


class SourcesError(ValueError):
    """The sources file is malformed; the message names the entry and field."""


@dataclass(frozen=True)
class Source:
    source_id: str
    name: str
    type: str
    country: str = ""
    state: bool = False
    aliases: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    self_names: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every surface that names the source (name, aliases, programmes)."""
        return tuple(dict.fromkeys((self.name, *self.aliases, *self.programmes)))


@dataclass
class Sources:
    sources: dict[str, Source]
    digest: str
    paths: tuple[Path, ...] = ()
    #: exact-case surface (without a leading "the") -> source_id
    by_surface: dict[str, str] = field(default_factory=dict)
    #: an article's outlet name (lower case) -> source_id
    by_outlet: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for source in self.sources.values():
            for surface in source.names:
                self.by_surface.setdefault(strip_the(surface), source.source_id)
            for outlet in (source.name, *source.outlets):
                self.by_outlet.setdefault(outlet.lower(), source.source_id)

    def __len__(self) -> int:
        return len(self.sources)

    def __getitem__(self, source_id: str) -> Source:
        return self.sources[source_id]

    def __contains__(self, source_id: object) -> bool:
        return source_id in self.sources

    def lookup(self, surface: str) -> Source | None:
        """The source one of whose names is ``surface`` (exact case, a leading
        "the" ignored), else ``None``."""
        source_id = self.by_surface.get(strip_the(surface))
        return self.sources[source_id] if source_id else None

    def for_outlet(self, outlet: str | None) -> Source | None:
        """The source an article's ``outlet`` value stands for ("The New York Times" -> nyt)."""
        if not outlet:
            return None
        source_id = self.by_outlet.get(str(outlet).lower())
        return self.sources[source_id] if source_id else None

    def frame(self):
        """The list as a tidy DataFrame (one row per source), for joins in analyses."""
        import pandas as pd

        return pd.DataFrame(
            [{"source_id": s.source_id, "source": s.name, "source_type": s.type, "country": s.country,
              "state": s.state} for s in self.sources.values()]
        ).astype({"source_id": "string", "source": "string", "source_type": "category",
                  "country": "string", "state": "boolean"})


def strip_the(surface: str) -> str:
    s = surface.strip()
    return s[4:] if s[:4] in ("the ", "The ") else s


def default_path() -> Path:
    return Path(str(resources.files("toolkit") / "sourcing" / "data" / "sources.yaml"))


def resolve_path(path: str | os.PathLike | None) -> Path:
    return Path(path) if path else default_path()


_CACHE: dict = {}


def cached_sources(path: SourcesPaths = None) -> Sources:
    """:func:`load_sources`, parsed once per process, path and content: the
    cached list is returned only while every file it was read from still has
    the same bytes (:func:`toolkit.actors.catalogue.files_digest` equals its
    ``digest``), so an edit between two calls is picked up. Treat the result
    as read-only: it is shared."""
    from toolkit.actors.catalogue import files_digest

    key = tuple(str(p) for p in path) if _is_many(path) else str(path)
    cached = _CACHE.get(key)
    if cached is not None and files_digest(cached.paths) == cached.digest:
        return cached
    _CACHE.pop(key, None)
    if len(_CACHE) >= 8:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = load_sources(path)
    return _CACHE[key]


def load_sources(path: SourcesPaths = None) -> Sources:
    """Read and validate the sources list (``None``: the shipped one).

    ``path`` may be a list of files: later files add sources and replace those
    with the same ``source_id``; a file may also ``extends:`` another. Reading,
    ``extends`` and merging are :func:`toolkit.datafiles.read_entry_files`,
    shared with the actor catalogue.
    """
    read = read_entry_files(path, key="sources", id_field="source_id", default=default_path(), parse=_parse,
                            error=SourcesError, noun="sources file")
    _check_unique_surfaces(read.entries, read.last)
    return Sources(sources=read.entries, digest=read.digest, paths=read.paths)


def _is_many(path: SourcesPaths) -> bool:
    return path is not None and not isinstance(path, (str, os.PathLike))


def _check_unique_surfaces(sources: dict[str, Source], path: Path) -> None:
    owner: dict[str, str] = {}
    for source in sources.values():
        for surface in {strip_the(s) for s in source.names}:
            other = owner.setdefault(surface, source.source_id)
            if other != source.source_id:
                raise SourcesError(
                    f"{path}: name {surface!r} is claimed by both {other!r} and {source.source_id!r}; keep it on one source"
                )


def _parse(entry: object, where: str) -> Source:
    if not isinstance(entry, dict):
        raise SourcesError(f"{where}: expected a mapping, got {type(entry).__name__}")
    hint = entry.get("source_id") or entry.get("name")
    where = f"{where} ({hint})" if hint else where
    for key in ("source_id", "name", "type"):
        if not entry.get(key):
            raise SourcesError(f"{where}: missing required field {key!r}")
    unknown = set(entry) - FIELDS
    if unknown:
        raise SourcesError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(FIELDS)}")
    if entry["type"] not in TYPES:
        raise SourcesError(f"{where}: type {entry['type']!r} is not one of {TYPES}")
    return Source(
        source_id=str(entry["source_id"]),
        name=str(entry["name"]),
        type=str(entry["type"]),
        country=str(entry.get("country") or ""),
        state=bool(entry.get("state") or False),
        aliases=_strings(entry, "aliases", where),
        programmes=_strings(entry, "programmes", where),
        self_names=_strings(entry, "self_names", where),
        outlets=_strings(entry, "outlets", where),
    )


def _strings(entry: dict, key: str, where: str) -> tuple[str, ...]:
    return strings_field(entry, key, where, SourcesError)
