"""Promote an unknown actor into the analyst's own catalogue, and re-annotate with it.

The actors report lists the names the catalogue does not know
(:func:`toolkit.unknown_actors`). :func:`promote_actor` writes one of them,
with the aliases, side and kind the analyst gives, into a *user catalogue*:
a YAML file that ``extends: default`` (the shipped ``toolkit/data/actors.yaml``)
and adds to it, or replaces a shipped actor with the same ``actor_id``
(see :mod:`toolkit.actors.catalogue`). Then::

    python -m toolkit annotate SRC --out DIR --catalogue SRC/actors.yaml

or ``toolkit.annotate(SRC, catalogue="SRC/actors.yaml")`` (what
:func:`reannotate` does) gives the actor its id and side in every table. The
file is validated as a catalogue before it replaces the old one (an alias
another actor already claims is refused with the catalogue's own message) and
written atomically; promoting the same ``actor_id`` again updates its entry.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml

from toolkit.actors.catalogue import KINDS, CatalogueError, load_catalogue

USER_CATALOGUE = "actors.yaml"


def default_catalogue_path(corpus) -> Path | None:
    """``actors.yaml`` beside the corpus's articles (next to its corrections file)."""
    path = (corpus.meta or {}).get("corrections_path")
    return Path(path).with_name(USER_CATALOGUE) if path else None


def promote_actor(path: str | os.PathLike, actor_id: str, *, name: str, kind: str, side: str,
                  aliases: list[str] | tuple[str, ...] = (), role: str = "", epithets=()) -> Path:
    """Add (or update) one actor in the user catalogue at ``path``.

    Args:
        path: the user catalogue (created with ``extends: default`` if missing).
        actor_id: its id; an unknown actor's derived id (``per:andriy_demchenko``)
            loses its prefix (``andriy_demchenko``).
        name, kind, side, aliases, role, epithets: the catalogue fields (aliases
            match with exact case; ``name`` is always an alias too).

    Returns:
        The path written.

    Raises:
        CatalogueError: the entry would make an invalid catalogue (unknown
            kind, an alias another actor has, ...); the file is unchanged.
    """
    path = Path(path)
    actor_id = actor_id.split(":", 1)[-1]
    if kind not in KINDS:
        raise CatalogueError(f"{path}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    data = _read(path)
    entry = {"actor_id": actor_id, "name": name, "kind": kind, "side": side or "other"}
    if role:
        entry["role"] = role
    entry["aliases"] = sorted({name, *[a.strip() for a in aliases if a and a.strip()]})
    if epithets:
        entry["epithets"] = list(epithets)
    actors = [a for a in data["actors"] if a.get("actor_id") != actor_id] + [entry]
    text = ("# The analyst's own actors: the shipped catalogue plus these (toolkit.review.promote).\n"
            + yaml.safe_dump({"extends": data.get("extends", "default"), "actors": actors}, sort_keys=False,
                             allow_unicode=True, width=120))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".yaml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        try:
            load_catalogue(tmp)  # refuse a file the annotator would refuse
        except CatalogueError as exc:
            raise CatalogueError(str(exc).replace(tmp, str(path))) from None
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def promote_unknown(path, unknown_row, *, side: str, kind: str | None = None, aliases=(), name: str | None = None,
                    role: str = "") -> Path:
    """:func:`promote_actor` from a row of :func:`toolkit.unknown_actors`: its
    id, fullest name, kind and every surface form seen, plus what the analyst adds."""
    row = unknown_row if isinstance(unknown_row, dict) else unknown_row.to_dict()
    seen = [str(s) for s in row.get("surfaces") or ()]
    return promote_actor(path, str(row["actor_id"]), name=name or str(row["name"]), kind=kind or str(row["kind"]),
                         side=side, aliases=[*seen, *aliases], role=role)


def reannotate(source, out_dir, catalogue, **options):
    """Annotate ``source`` again with the user ``catalogue`` and save to
    ``out_dir`` (the corrections file beside the articles applies as always)."""
    import toolkit

    corpus = toolkit.annotate(source, catalogue=catalogue, **options)
    corpus.save(out_dir)
    return corpus


def _read(path: Path) -> dict:
    if not path.exists():
        return {"extends": "default", "actors": []}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if isinstance(data, list):  # a plain list of actors: keep it, extending the shipped ones
        return {"extends": "default", "actors": data}
    if not isinstance(data, dict) or not isinstance(data.get("actors", []), list):
        raise CatalogueError(f"{path}: not a user catalogue (expected 'extends' and a list of 'actors')")
    return {"extends": data.get("extends", "default"), "actors": list(data.get("actors") or [])}


class PromoteNote:
    def __init__(self, text: str):
        self.text = text

    def _repr_html_(self) -> str:
        import html

        return "<p>" + "<br>".join(html.escape(line) for line in self.text.splitlines()) + "</p>"

    def __repr__(self) -> str:
        return self.text


def promote_from_corpus(corpus, promote: dict | None, path=None) -> PromoteNote:
    """The actors notebook's promote cell: ``promote`` names an unknown actor
    of ``corpus`` and what to record (``{"actor_id": "per:andriy_demchenko",
    "side": "Ukraine", "aliases": ["Demchenko"], "role": "..."}``; optional
    ``name``, ``kind``); None promotes nothing. Writes the user catalogue
    (default: ``actors.yaml`` beside the articles) and says how to re-annotate."""
    import toolkit

    path = Path(path) if path else default_catalogue_path(corpus)
    if not promote:
        where = path or "the articles' folder / actors.yaml"
        return PromoteNote(f"Nothing promoted. To promote, set PROMOTE = {{'actor_id': ..., 'side': ...}}; "
                           f"it is written to {where}.")
    if path is None:
        raise ValueError("no folder known for the user catalogue: pass path=…")
    promote = dict(promote)
    actor_id = promote.pop("actor_id")
    unknown = toolkit.unknown_actors(corpus)
    hit = unknown[unknown["actor_id"] == actor_id]
    if hit.empty:
        raise ValueError(f"{actor_id!r} is not an unknown actor of this corpus (see toolkit.unknown_actors)")
    written = promote_unknown(path, hit.iloc[0], **promote)
    source = written.parent
    return PromoteNote(f"Promoted {actor_id} to {written}.\nRe-annotate with it:\n"
                       f"python -m toolkit annotate {source} --out <corpus folder> --catalogue {written}")
