"""Expand ``load``'s sources (folders, files, lists of them) into input files,
metadata sidecars and report rows for what is not read (hidden files and
folders, missing paths), and give every file a unique article id.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.loading.formats import Skip
from toolkit.loading.metadata import SIDECAR_NAME, is_sidecar

CORRECTIONS_NAME = "corrections.csv"  # = toolkit.review.corrections.FILE_NAME (not imported: loading stays below review)


@dataclass
class InputFile:
    path: Path
    root: Path  # the folder it was found under (for relative ids)
    article_id: str = ""


@dataclass
class Sidecar:
    path: Path
    folder: Path
    rows: dict[str, dict]
    #: sidecars of folders that were walked report rows naming missing files
    check_missing: bool = True


@dataclass
class Inputs:
    files: list[InputFile] = field(default_factory=list)
    sidecars: list[Sidecar] = field(default_factory=list)
    skips: list[Skip] = field(default_factory=list)


def collect(sources, *, recursive: bool = True) -> Inputs:
    """Files to read, sidecars found, and skips for what will not be read."""
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    out = Inputs()
    seen_sidecars: set[Path] = set()
    missing: list[str] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            _walk(path, out, seen_sidecars, recursive)
        elif path.is_file():
            if path.name == SIDECAR_NAME and _add_sidecar(path, out, seen_sidecars, check_missing=True):
                continue
            out.files.append(InputFile(path, path.parent))
            # a sidecar next to a file given on its own still describes it
            sidecar = path.parent / SIDECAR_NAME
            if sidecar.is_file() and sidecar.resolve() not in seen_sidecars:
                _add_sidecar(sidecar, out, seen_sidecars, check_missing=False, report=False)
        else:
            missing.append(str(path))
    if missing:
        # a path the caller named must exist: a typo is an error, not an empty corpus
        raise FileNotFoundError(f"no such file or folder: {', '.join(missing)}")
    _assign_ids(out.files)
    return out


def _walk(root: Path, out: Inputs, seen_sidecars: set[Path], recursive: bool) -> None:
    """Walk ``root``, following symlinked folders (an analyst links a corpus
    in rather than copying it) but never into a folder already walked: a link
    to a parent or a second link to the same folder gets a report row instead
    of an endless or doubled walk."""
    walked = {root.resolve()}
    for folder, dirs, files in os.walk(root, followlinks=True):
        folder_path = Path(folder)
        hidden = sorted(d for d in dirs if d.startswith("."))
        for d in hidden:
            out.skips.append(Skip(str(folder_path / d), None, "hidden folder (not read)"))
        keep = []
        for d in sorted(d for d in dirs if not d.startswith(".")) if recursive else []:
            real = (folder_path / d).resolve()
            if real in walked:
                out.skips.append(Skip(str(folder_path / d), None,
                                      f"symlinked folder leads to {real}, already read (not read twice)"))
                continue
            walked.add(real)
            keep.append(d)
        dirs[:] = keep
        for name in sorted(files):
            path = folder_path / name
            if name.startswith("."):
                out.skips.append(Skip(str(path), None, "hidden file"))
            elif name == SIDECAR_NAME and _add_sidecar(path, out, seen_sidecars, check_missing=True):
                continue
            elif name == CORRECTIONS_NAME:
                # the analyst's review of this folder (toolkit.review.corrections), not articles
                out.skips.append(Skip(str(path), None, "review corrections file (applied by annotate, not articles)"))
            else:
                out.files.append(InputFile(path, root))


def _add_sidecar(path: Path, out: Inputs, seen: set[Path], *, check_missing: bool, report: bool = True) -> bool:
    """Register ``path`` as a sidecar; False if it is a corpus CSV after all."""
    from toolkit.loading.metadata import read_sidecar_frame, sidecar_rows_checked

    key = path.resolve()
    if key in seen:
        return True
    try:
        df = read_sidecar_frame(path)
    except Exception as exc:  # pandas/decoding raise many error types; the sidecar is then reported unusable
        if report:
            out.skips.append(Skip(str(path), None, f"metadata sidecar unreadable: {type(exc).__name__}: {exc}"))
        seen.add(key)
        return True
    if not is_sidecar(list(df.columns)):
        return False
    seen.add(key)
    rows, problems = sidecar_rows_checked(df)
    for name in list(rows):
        # lexically: a row may name a file inside a symlinked subfolder
        if Path(name).is_absolute() or os.path.normpath(name).split(os.sep)[0] == os.pardir:
            # only files below the sidecar's folder are described by it
            problems.append((name, f"metadata row names {name!r}, outside the folder of {path.name} (ignored)",
                             "skipped"))
            del rows[name]
    out.sidecars.append(Sidecar(path, path.parent, rows, check_missing))
    if report:
        out.skips.append(Skip(str(path), None, f"metadata sidecar ({len(rows)} rows), not an article"))
    for name, reason, status in problems if report else ():
        out.skips.append(Skip(str(path), name, reason, status=status))
    return True


def _assign_ids(files: list[InputFile]) -> None:
    """The file stem; where two files share a stem (bbc/business/001.txt and
    bbc/sport/001.txt), the path below the source folder without suffix; where
    that is shared too (a.txt and a.json), the file name with its suffix. An id
    is never given twice: a ``~n`` suffix is added until it is unused (so
    ``a.txt`` + ``a.json`` + ``a~2.txt`` cannot collide), and the loader keeps
    ids unique against row ids of multi-article files as well (``x.csv`` row
    1 is ``x:1``, like a file ``x:1.txt``)."""
    from toolkit.loading.formats import printable

    def relative(f: InputFile, suffix: bool) -> str:
        try:
            rel = f.path.relative_to(f.root)
        except ValueError:
            rel = f.path
        return (rel if suffix else rel.with_suffix("")).as_posix()

    stems = Counter(f.path.stem for f in files)
    below = Counter(relative(f, False) for f in files)
    used: set[str] = set()
    for f in files:
        if stems[f.path.stem] == 1:
            aid = f.path.stem
        elif below[relative(f, False)] == 1:
            aid = relative(f, False)
        else:
            aid = relative(f, True)
        f.article_id = unique_id(printable(aid), used)


def unique_id(aid: str, used: set[str]) -> str:
    """``aid``, or ``aid~2``, ``aid~3`` … whichever is not in ``used`` yet (added)."""
    candidate, n = aid, 1
    while candidate in used:
        n += 1
        candidate = f"{aid}~{n}"
    used.add(candidate)
    return candidate
